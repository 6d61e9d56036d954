//! Reading a script from RON and checking it, with every problem placed at file:line:column.

use super::Script;
use super::check::check_source;
use crate::t;
use ron::error::{Error as RonError, SpannedError};
use std::fmt;

/// One problem in a script: where it is, what is wrong and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: String,
}

impl Problem {
    /// The problem as `file:line:col: feil: …` plus an indented help line.
    pub fn render(&self, file: &str) -> String {
        t!(
            "script.load.file_line_col_feil_message",
            file = file,
            line = self.line,
            col = self.col,
            message = self.message,
            help = self.help
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Parses and checks a script. Every problem found is returned, not only the first.
pub fn parse(src: &str) -> Result<Script, Vec<Problem>> {
    let script: Script = ron::from_str(src).map_err(|e| vec![from_ron(&e)])?;
    let problems = check_source(src, &script);
    if problems.is_empty() {
        Ok(script)
    } else {
        Err(problems)
    }
}

fn from_ron(e: &SpannedError) -> Problem {
    let (line, col) = (e.span.start.line, e.span.start.col);
    let (message, help) = explain(&e.code);
    Problem {
        line,
        col,
        message,
        help,
    }
}

/// What a RON error means for someone writing a script, and what to do about it.
fn explain(code: &RonError) -> (String, String) {
    let one_of = |names: &[&str]| t!("script.load.use_one_of", names = names.join(", "));
    let place = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| t!("script.load.in_place", place = o))
            .unwrap_or_default()
    };
    let fixed = |message: &str, help: &str| (message.to_string(), help.to_string());
    match code {
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } if outer.as_deref() == Some("Activity") || expected.contains(&"Collect") => (
            t!("script.load.ukjent_aktivitet_found", found = found),
            one_of(expected),
        ),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => (
            t!("script.load.ukjent_verdi_found", found = found),
            one_of(expected),
        ),
        RonError::MissingStructField { field, outer } => (
            t!(
                "script.load.feltet_field_mangler_place",
                field = field,
                place = place(outer)
            ),
            if *field == "minutes" {
                t!("script.load.hvert_steg_trenger_planlagte_minutter").to_string()
            } else {
                t!("script.load.legg_til_field", field = field)
            },
        ),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            t!(
                "script.load.ukjent_felt_found_place",
                found = found,
                place = place(outer)
            ),
            t!("script.load.valid_fields", names = expected.join(", ")),
        ),
        RonError::DuplicateStructField { field, .. } => (
            t!("script.load.feltet_field_star_to_ganger", field = field),
            t!("script.load.remove_one").to_string(),
        ),
        RonError::ExpectedComma => fixed(
            t!("script.load.ron_syntaksfeil_her_mangler_et"),
            t!("script.load.sett_komma_etter_verdien_pa"),
        ),
        RonError::Eof => fixed(
            t!("script.load.filen_slutter_for_skriptet_er"),
            t!("script.load.sjekk_at_alle_og_er"),
        ),
        RonError::ExpectedStringEnd => fixed(
            t!("script.load.teksten_mangler_avsluttende_anforselstegn"),
            t!("script.load.avslutt_teksten_med"),
        ),
        RonError::ExpectedInteger => fixed(
            t!("script.load.her_skal_det_sta_et"),
            t!("script.load.skriv_et_tall_uten_anforselstegn"),
        ),
        other => (
            t!("script.load.syntax_error", error = other),
            t!("script.load.sjekk_komma_parenteser_og_anforselstegn").to_string(),
        ),
    }
}

/// Finds the places of ids and list names in the source, moving forwards as the script is
/// walked in document order, so that a repeated name is placed at the right occurrence.
pub(super) struct Locator<'a> {
    pub(super) src: &'a str,
    pub(super) cursor: usize,
}

impl<'a> Locator<'a> {
    /// Moves to the next `field: "value"` at or after the cursor and returns its offset.
    pub(super) fn seek(&mut self, field: &str, value: &str) -> usize {
        match find_field(self.src, self.cursor, field, value) {
            Some(at) => {
                // Past the value, so the next seek for the same value finds the next one (a
                // duplicate is reported where it is, not at the first).
                let quoted = format!("\"{value}\"");
                self.cursor = at + self.src[at..].find(&quoted).map_or(1, |i| i + quoted.len());
                at
            }
            None => self.cursor,
        }
    }

    /// The next `field: "value"` after `from`, without moving the cursor.
    pub(super) fn peek(&self, from: usize, field: &str, value: &str) -> usize {
        find_field(self.src, from, field, value).unwrap_or(from)
    }

    /// The next `field:` (any value) after `from`, without moving the cursor.
    pub(super) fn key(&self, from: usize, field: &str) -> usize {
        find_key(self.src, from, field).unwrap_or(from)
    }

    pub(super) fn problem(&self, at: usize, message: String, help: impl Into<String>) -> Problem {
        let (line, col) = line_col(self.src, at);
        Problem {
            line,
            col,
            message,
            help: help.into(),
        }
    }
}

pub(super) fn find_field(src: &str, from: usize, field: &str, value: &str) -> Option<usize> {
    let quoted = format!("\"{value}\"");
    let mut start = from.min(src.len());
    while let Some(rel) = src[start..].find(&quoted) {
        let at = start + rel;
        let before = src[..at].trim_end();
        if let Some(before) = before.strip_suffix(':')
            && let Some(name) = before.trim_end().strip_suffix(field)
            && !name.ends_with(|c: char| c.is_alphanumeric() || c == '_')
        {
            return Some(name.len());
        }
        start = at + quoted.len();
    }
    None
}

fn find_key(src: &str, from: usize, field: &str) -> Option<usize> {
    let mut start = from.min(src.len());
    while let Some(rel) = src[start..].find(field) {
        let at = start + rel;
        let boundary = src[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary && src[at + field.len()..].trim_start().starts_with(':') {
            return Some(at);
        }
        start = at + field.len();
    }
    None
}

fn line_col(src: &str, at: usize) -> (usize, usize) {
    let before = &src[..at.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Checks what RON cannot: versions, ids, minutes and the flow of named lists.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("æø\nåx", 0), (1, 1));
        assert_eq!(line_col("æø\nåx", "æø\nå".len()), (2, 2));
    }

    #[test]
    fn find_field_needs_the_field_name_before_the_value() {
        let src = r#"list: "a", id: "a""#;
        assert_eq!(find_field(src, 0, "id", "a"), Some(11));
        assert_eq!(find_field(src, 0, "list", "a"), Some(0));
        assert_eq!(find_field(src, 7, "list", "a"), None);
        assert_eq!(find_field(r#"valid: "a""#, 0, "id", "a"), None);
    }
}
