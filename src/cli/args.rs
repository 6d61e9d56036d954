//! The command line's options and commands, with every help text from the string catalog.

use crate::t;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// The command line's options and commands. Their help texts are in the string catalog
/// (`cli.help.*`), like every other text a user reads.
#[derive(Debug, Parser)]
#[command(name = "stafett", version, about = t!("cli.help.about"), long_about = None)]
pub struct Cli {
    #[arg(
        long,
        env = "STAFETT_DATA_DIR",
        // Said in the help text, in the user's language, instead of clap's English "[env: …]".
        hide_env = true,
        global = true,
        value_name = t!("cli.help.folder"),
        help = t!("cli.help.data_dir")
    )]
    pub data_dir: Option<PathBuf>,
    #[arg(long, global = true, value_name = t!("cli.help.folder"), help = t!("cli.help.workshops_dir"))]
    pub workshops: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        value_enum,
        hide_possible_values = true,
        value_name = t!("cli.help.theme_value"),
        help = t!("cli.help.theme")
    )]
    pub theme: Option<CliTheme>,
    /// Read before the rest (see [`parse_args`]); here so `--help` shows it and a wrong value
    /// is refused.
    #[arg(
        long,
        global = true,
        value_enum,
        hide_possible_values = true,
        value_name = t!("cli.help.lang_value"),
        help = t!("cli.help.lang")
    )]
    pub lang: Option<CliLang>,
    #[arg(long, global = true, help = t!("cli.help.no_mouse"))]
    pub no_mouse: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = t!("cli.help.new"))]
    New {
        #[arg(value_name = t!("cli.help.process"), help = t!("cli.help.workshop"))]
        workshop: String,
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.new_name"))]
        name: String,
    },
    #[command(about = t!("cli.help.open"))]
    Open {
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.name"))]
        name: String,
    },
    #[command(about = t!("cli.help.list"))]
    List,
    #[command(about = t!("cli.help.workshops"))]
    Workshops,
    #[command(about = t!("cli.help.check"))]
    Check {
        #[arg(required = true, value_name = t!("cli.help.file"))]
        files: Vec<PathBuf>,
    },
    #[command(about = t!("cli.help.export"))]
    Export {
        #[arg(
            value_name = t!("cli.help.name_value"),
            help = t!("cli.help.name"),
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        name: Option<String>,
        /// Every forløp's handlingsplan in one workbook.
        #[arg(long, help = t!("cli.help.export_all"))]
        all: bool,
        #[arg(long, value_name = t!("cli.help.folder"), help = t!("cli.help.out"))]
        out: Option<PathBuf>,
        #[arg(
            long,
            value_enum,
            hide_possible_values = true,
            value_name = t!("cli.help.format_value"),
            help = t!("cli.help.format")
        )]
        format: Option<ExportFormat>,
    },
    #[command(about = t!("cli.help.follow"))]
    Follow {
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.name"))]
        name: String,
    },
    #[command(about = t!("cli.help.practice"))]
    Practice {
        #[arg(value_name = t!("cli.help.process"), help = t!("cli.help.practice_workshop"))]
        workshop: Option<String>,
        #[arg(long, help = t!("cli.help.practice_reset"))]
        reset: bool,
    },
    #[command(about = t!("cli.help.completions"))]
    Completions {
        #[arg(value_name = t!("cli.help.shell_value"), help = t!("cli.help.shell"))]
        shell: clap_complete::Shell,
    },
    #[command(about = t!("cli.help.man"))]
    Man,
    #[command(about = t!("cli.help.delete"))]
    Delete {
        #[arg(value_name = t!("cli.help.name_value"), help = t!("cli.help.name"))]
        name: String,
        #[arg(long, help = t!("cli.help.yes"))]
        yes: bool,
    },
}

/// Reads the command line. The language is chosen first (`--lang`, `STAFETT_LANG`, the
/// locale), since every help text below comes from its catalog.
pub(super) fn parse_args() -> Cli {
    use clap::FromArgMatches;
    let flag = lang_flag(std::env::args_os().skip(1));
    let lang = crate::strings::choose(flag.as_deref(), |name| std::env::var(name).ok());
    crate::strings::set_language(lang);
    // Parsed without the usage lines, which only a help text or a mistake shows; those are
    // made from the whole command, parsing again.
    let matches = without_usages()
        .try_get_matches()
        .or_else(|_| command().try_get_matches())
        .unwrap_or_else(|e| super::mistakes::exit(e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| super::mistakes::exit(e))
}

/// The value of `--lang X` or `--lang=X` on the command line, before `--`.
fn lang_flag(args: impl Iterator<Item = std::ffi::OsString>) -> Option<String> {
    let mut args = args.map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next();
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// The whole command line as clap sees it, in the chosen language: also the source of
/// `stafett completions` and `stafett man`. Clap's own words (headings, the help and version
/// flags) are set here from the catalog, so `--help` is all in the user's language.
pub fn command() -> clap::Command {
    without_usages().mut_subcommands(|sub| {
        let usage = sub.clone().render_usage().to_string();
        let usage = usage
            // not user text: clap's own prefix, taken off
            .trim_start_matches("Usage: ")
            .replace("[OPTIONS]", t!("cli.help.options_value"));
        // not user text: the program's name
        sub.override_usage(format!("stafett {usage}"))
    })
}

/// [`command`] but for the subcommands' usage lines, which take longest to make.
fn without_usages() -> clap::Command {
    use clap::{Arg, ArgAction, CommandFactory};
    let localised = |cmd: clap::Command| {
        cmd.help_template(t!("cli.help.template"))
            .subcommand_help_heading(t!("cli.help.commands"))
            .subcommand_value_name(t!("cli.help.command"))
            .mut_args(|a| {
                let heading = if a.is_positional() {
                    t!("cli.help.arguments")
                } else {
                    t!("cli.help.options")
                };
                a.help_heading(heading)
            })
            .disable_help_flag(true)
            .disable_help_subcommand(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help_heading(t!("cli.help.options"))
                    .help(t!("cli.help.help")),
            )
    };
    localised(Cli::command())
        .override_usage(t!("cli.help.usage"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading(t!("cli.help.options"))
                .help(t!("cli.help.version")),
        )
        .mut_subcommands(localised)
}

/// What `export --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Html,
    Xlsx,
    All,
}

impl ExportFormat {
    pub fn formats(self) -> crate::export::Formats {
        use crate::export::Formats;
        let none = Formats::NONE;
        match self {
            ExportFormat::Md => Formats { md: true, ..none },
            ExportFormat::Csv => Formats { csv: true, ..none },
            ExportFormat::Html => Formats { html: true, ..none },
            ExportFormat::Xlsx => Formats { xlsx: true, ..none },
            ExportFormat::All => Formats::ALL,
        }
    }
}

/// `--lang`: the interface's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CliLang {
    Nb,
    Nn,
    En,
    Da,
}

/// `--theme`: the look to start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CliTheme {
    Standard,
    Projector,
}

impl From<CliTheme> for crate::ui::theme::ThemeName {
    fn from(theme: CliTheme) -> Self {
        match theme {
            CliTheme::Standard => crate::ui::theme::ThemeName::Standard,
            CliTheme::Projector => crate::ui::theme::ThemeName::Projector,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lang_flag;

    fn flag(args: &[&str]) -> Option<String> {
        lang_flag(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn the_language_flag_is_found_in_both_spellings_and_not_after_a_double_dash() {
        assert_eq!(flag(&["--lang", "en", "list"]).as_deref(), Some("en"));
        assert_eq!(flag(&["open", "x", "--lang=da"]).as_deref(), Some("da"));
        assert_eq!(flag(&["new", "p", "--", "--lang", "nn"]), None);
        assert_eq!(flag(&["list"]), None);
    }
}
