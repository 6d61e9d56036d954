//! Small text helpers shared by every layer: making untrusted text inert, slugs and dates.

use chrono::NaiveDate;
use std::borrow::Cow;

/// Replaces every control character except newline with a visible placeholder, so text from
/// scripts, worksheets, paste or keyboard can never reach the terminal as a raw escape sequence.
/// C0 controls become their Unicode "control picture" (ESC → ␛, BEL → ␇), DEL becomes ␡ and
/// C1 controls (U+0080–U+009F) become �. A tab becomes a single space.
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && needs_placeholder(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if c == '\n' { c } else { placeholder(c) })
            .collect(),
    )
}

/// Like [`inert`], but for one line: newlines become the ␤ placeholder too.
pub fn inert_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_placeholder) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(placeholder).collect())
}

fn needs_placeholder(c: char) -> bool {
    c.is_control()
}

fn placeholder(c: char) -> char {
    match c {
        '\t' => ' ',
        '\n' => '\u{2424}',
        '\u{7f}' => '\u{2421}',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// A file-system friendly name: lower case ASCII letters, digits and dashes; æøå spelled out.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            'ü' => out.push('u'),
            'ö' => out.push('o'),
            'ä' => out.push('a'),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-')
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("forlop");
    }
    out
}

/// Parses a date as a Norwegian user types it: `24.12.2026`, `24.12.26`, `24/12/2026` or ISO
/// `2026-12-24`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['.', '/']).collect();
    if parts.len() != 3 {
        return None;
    }
    let day: u32 = parts[0].trim().parse().ok()?;
    let month: u32 = parts[1].trim().parse().ok()?;
    let year_text = parts[2].trim();
    let mut year: i32 = year_text.parse().ok()?;
    if year_text.len() == 2 {
        year += 2000;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A date the Norwegian way: `24.12.2026`.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Minutes and seconds, `mm:ss`, for the timer.
pub fn clock(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_replaces_escape_sequences_and_keeps_norwegian_letters() {
        assert_eq!(inert("æøå ÆØÅ"), "æøå ÆØÅ");
        assert_eq!(inert("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(inert("bell\u{7}"), "bell\u{2407}");
        assert_eq!(inert("x\u{9b}y"), "x\u{fffd}y");
        assert_eq!(inert("to\nlinjer"), "to\nlinjer");
        assert_eq!(inert_line("to\nlinjer"), "to\u{2424}linjer");
        assert_eq!(inert("del\u{7f}"), "del\u{2421}");
    }

    #[test]
    fn slug_spells_out_norwegian_letters() {
        assert_eq!(
            slug("Randaberg sykehjem, avd. 2"),
            "randaberg-sykehjem-avd-2"
        );
        assert_eq!(slug("Øvre Ålesund æ"), "ovre-alesund-ae");
        assert_eq!(slug("  ***  "), "forlop");
    }

    #[test]
    fn dates_parse_in_norwegian_and_iso_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
        assert_eq!(parse_date("24.12.2026"), Some(d));
        assert_eq!(parse_date("24.12.26"), Some(d));
        assert_eq!(parse_date("24/12/2026"), Some(d));
        assert_eq!(parse_date("2026-12-24"), Some(d));
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("i morgen"), None);
        assert_eq!(format_date(d), "24.12.2026");
    }

    #[test]
    fn clock_pads_minutes_and_seconds() {
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(605), "10:05");
        assert_eq!(clock(6000), "100:00");
    }
}
