//! Small text helpers shared by every layer: making untrusted text inert, slugs, dates, and
//! RON strings read line by line.

use chrono::NaiveDate;
use std::borrow::Cow;

/// A RON string's contents without its quotes, for the readers that take a file written in a
/// known layout line by line (the string catalog, the forløp index): borrowed when it has no
/// escapes, `None` for an escape other than `\"`, `\'`, `\\` and `\n`, or a bare quote. What
/// gives `None` is left to RON.
pub fn ron_unescape(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains(['\\', '"']) {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(match chars.next()? {
                '"' => '"',
                '\'' => '\'',
                '\\' => '\\',
                'n' => '\n',
                _ => return None,
            }),
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(Cow::Owned(out))
}

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
    c.is_control() || is_bidi_control(c)
}

/// Characters that reorder or hide text on screen (bidi embeddings, overrides and isolates,
/// and the marks): a name could otherwise show as something else than it is.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

fn placeholder(c: char) -> char {
    match c {
        '\t' => ' ',
        '\n' => '\u{2424}',
        '\u{7f}' => '\u{2421}',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        c if c.is_control() || is_bidi_control(c) => '\u{fffd}',
        c => c,
    }
}

/// The longest slug, in bytes: a file name built from it (`<slug>-<grid>.csv`) stays well
/// inside every file system's limit.
pub const SLUG_MAX: usize = 60;

/// A file-system friendly name: lower case ASCII letters, digits and dashes, at most
/// [`SLUG_MAX`] bytes; æøå and other letters spelled out in ASCII (`deunicode`), emoji by
/// their names (🦄 → `unicorn`). A name with nothing to spell gets `forlop-` and a short hash
/// of the name, so different names still get different slugs. No `/`, `.` or control byte can
/// come out of it.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let spelled = deunicode::deunicode(name.trim());
    for c in spelled.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= SLUG_MAX {
            break;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        // FNV-1a: stable across runs and platforms, unlike the std hasher.
        let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        out = format!("forlop-{:08x}", hash as u32);
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

/// A list name as a heading: `valgte-utfordringer` → `Valgte utfordringer`.
pub fn list_title(name: &str) -> String {
    let spaced = name.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The label of a rating, e.g. `2 Noe`.
pub fn rating_label(labels: &[String], rating: Option<u8>) -> Option<String> {
    let r = rating?;
    Some(format!(
        "{r} {}",
        labels.get(usize::from(r).checked_sub(1)?)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_titles_read_as_headings() {
        assert_eq!(list_title("valgte-utfordringer"), "Valgte utfordringer");
        assert_eq!(list_title("ærlig_tale"), "Ærlig tale");
    }

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
        assert_eq!(slug("Café Über"), "cafe-uber");
    }

    #[test]
    fn slug_is_bounded_safe_and_readable_for_any_name() {
        let long = "Avdeling ".repeat(30);
        let s = slug(&long);
        assert!(s.len() <= SLUG_MAX, "{s}");
        assert!(!s.ends_with('-'));
        for hostile in [
            "../x",
            "a/b",
            "..",
            ".",
            "\u{1b}[2J",
            "a\u{0}b",
            "\u{202e}gpj.exe",
        ] {
            let s = slug(hostile);
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{hostile:?} → {s}"
            );
            assert!(!s.is_empty() && s != "." && s != "..");
        }
        assert_eq!(slug("🦄🌈"), "unicorn-rainbow");
        assert_ne!(slug("🦄"), slug("🏥"));
        // Nothing to spell: still a slug, and different names differ.
        assert!(slug("  ***  ").starts_with("forlop-"));
        assert_ne!(slug("***"), slug("!!!"));
        assert_eq!(slug("***"), slug("***"));
    }

    #[test]
    fn bidi_overrides_are_inert() {
        assert_eq!(inert("abc\u{202e}fed"), "abc\u{fffd}fed");
        assert_eq!(inert_line("\u{2066}x\u{2069}"), "\u{fffd}x\u{fffd}");
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
