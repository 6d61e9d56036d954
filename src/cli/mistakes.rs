//! A command line clap cannot read, said in the interface's language: what was wrong, the
//! usage, and where to read more. Help and version pass through as they are (they are made
//! from the catalog already).

use crate::t;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Prints the mistake and exits as clap would (status 2); help and version exit 0.
pub(super) fn exit(error: clap::Error) -> ! {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit();
    }
    let message = match said(&error) {
        Some(message) => message,
        // A kind we do not word ourselves: clap's own words, still with our usage below.
        None => error.kind().to_string(),
    };
    let usage = context(&error, ContextKind::Usage)
        // not user text: clap's own prefix, taken off
        .map(|u| u.trim_start_matches("Usage: ").trim().to_string())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| t!("cli.help.usage").to_string());
    eprintln!(
        "{}",
        crate::text::inert(&t!("cli.mistake.frame", message = message, usage = usage))
    );
    std::process::exit(2);
}

/// Our words for the mistakes people make most.
fn said(error: &clap::Error) -> Option<String> {
    let arg = || context(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = || context(error, ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = context(error, ContextKind::SuggestedSubcommand)
        .or_else(|| context(error, ContextKind::SuggestedArg))
        .map(|s| t!("cli.mistake.did_you_mean", suggestion = s))
        .unwrap_or_default();
    Some(match error.kind() {
        ErrorKind::InvalidValue => t!(
            "cli.mistake.invalid_value",
            value = value(),
            arg = arg(),
            valid = context(error, ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => {
            t!(
                "cli.mistake.unknown_argument",
                arg = arg(),
                suggestion = suggestion
            )
        }
        ErrorKind::InvalidSubcommand => t!(
            "cli.mistake.unknown_command",
            command = context(error, ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion = suggestion
        ),
        ErrorKind::MissingRequiredArgument => t!("cli.mistake.missing", args = arg()),
        ErrorKind::ArgumentConflict => t!(
            "cli.mistake.conflict",
            arg = arg(),
            other = context(error, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            t!("cli.mistake.too_many", value = value())
        }
        _ => return None,
    })
}

/// A piece of the error's context as text: lists joined with ", ".
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    error.get(kind).map(|value| match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        other => other.to_string(),
    })
}
