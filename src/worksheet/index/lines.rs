//! The index read line by line, as `save` writes it: one entry per line. Read by RON it costs
//! most of a home screen's start with many forløp (0.75 ms for 500, a third of that here).
//! Anything not exactly in that layout (an escape other than `\"`, `\'` and `\\`, an empty
//! list, a file edited by hand) gives `None`, and RON reads it.

use super::{Entry, Index, Stamp};

/// The index in the layout `save` writes, or `None`.
pub(super) fn read(text: &str) -> Option<Index> {
    let mut lines = text.lines();
    if lines.next()? != "(" {
        return None;
    }
    // not user text: the layout RON writes
    let format = lines.next()?.strip_prefix("  format: ")?;
    let format = digits(format.strip_suffix(',')?)?;
    // not user text: the layout RON writes
    if lines.next()? != "  entries: [" {
        return None;
    }
    let mut entries = Vec::new();
    for line in lines.by_ref() {
        if line == "  ]," {
            break;
        }
        entries.push(entry(line.strip_prefix("    (")?.strip_suffix("),")?)?);
    }
    (lines.next()? == ")" && lines.next().is_none()).then_some(Index { format, entries })
}

/// `"folder", "name", "workshop", 1, "session", 0, (size, ns), (size, ns)`.
fn entry(fields: &str) -> Option<Entry> {
    let mut rest = fields;
    let folder = text(&mut rest)?;
    let name = text(after(&mut rest, ", ")?)?;
    let workshop = text(after(&mut rest, ", ")?)?;
    let round = number(after(&mut rest, ", ")?)?;
    let session = text(after(&mut rest, ", ")?)?;
    let done = number(after(&mut rest, ", ")?)?;
    let forlop = stamp(after(&mut rest, ", ")?)?;
    let overview = stamp(after(&mut rest, ", ")?)?;
    rest.is_empty().then_some(Entry(
        folder, name, workshop, round, session, done, forlop, overview,
    ))
}

/// `rest` past `sep`, which it must start with.
fn after<'a, 'b>(rest: &'b mut &'a str, sep: &str) -> Option<&'b mut &'a str> {
    *rest = rest.strip_prefix(sep)?;
    Some(rest)
}

/// A quoted text with at most RON's simple escapes, and no control characters (RON writes
/// those as escapes of its own).
fn text(rest: &mut &str) -> Option<String> {
    let inner = rest.strip_prefix('"')?;
    let mut escaped = false;
    let end = inner.find(|c| {
        let closing = c == '"' && !escaped;
        escaped = c == '\\' && !escaped;
        closing
    })?;
    let value = crate::text::ron_unescape(&inner[..end])?;
    if value.chars().any(char::is_control) {
        return None;
    }
    *rest = &inner[end + 1..];
    Some(value.into_owned())
}

/// `(size, ns)`.
fn stamp(rest: &mut &str) -> Option<Stamp> {
    *rest = rest.strip_prefix('(')?;
    let size = number(rest)?;
    let ns = number(after(rest, ", ")?)?;
    *rest = rest.strip_prefix(')')?;
    Some((size, ns))
}

/// Decimal digits up to the next `,` or `)`.
fn number<T: std::str::FromStr>(rest: &mut &str) -> Option<T> {
    let end = rest.find([',', ')']).unwrap_or(rest.len());
    let value = digits(&rest[..end])?;
    *rest = &rest[end..];
    Some(value)
}

/// Plain decimal digits only, without a sign: what RON writes for an unsigned number.
fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    let plain = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| s.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worksheet::store::to_ron;
    use proptest::prelude::*;

    fn entry_from(
        (texts, round, done, forlop, overview): ([String; 4], u32, u32, Stamp, Stamp),
    ) -> Entry {
        let [folder, name, workshop, session] = texts;
        Entry(
            folder, name, workshop, round, session, done, forlop, overview,
        )
    }

    fn index(texts: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = Index> {
        let entry = (
            [texts.clone(), texts.clone(), texts.clone(), texts],
            any::<u32>(),
            any::<u32>(),
            any::<Stamp>(),
            any::<Stamp>(),
        )
            .prop_map(entry_from);
        (any::<u32>(), proptest::collection::vec(entry, 1..6))
            .prop_map(|(format, entries)| Index { format, entries })
    }

    proptest! {
        /// Whatever the lines give is what RON gives, for texts of every kind: quotes,
        /// backslashes, controls, letters beyond ASCII.
        #[test]
        fn the_lines_agree_with_ron(
            index in index(prop_oneof![any::<String>(), "[aæ '\"\\\\\n\t\u{1b}\u{85}]{0,6}"])
        ) {
            let text = to_ron(&index);
            if let Some(read) = read(&text) {
                prop_assert_eq!(read, ron::from_str::<Index>(&text).unwrap());
            }
        }

        /// An index of ordinary names is read by the lines, not handed to RON.
        #[test]
        fn ordinary_names_are_read_by_the_lines(
            index in index("[a-zA-Z0-9æøåÆØÅ ,.()'\"\\\\–-]{0,24}".prop_map(String::from))
        ) {
            let text = to_ron(&index);
            prop_assert_eq!(read(&text), Some(ron::from_str::<Index>(&text).unwrap()));
        }

        /// A file changed by hand at any one place is either still read as RON reads it, or
        /// left to RON.
        #[test]
        fn an_edited_index_is_read_as_ron_reads_it_or_left_to_ron(
            index in index("[a-zA-Z0-9æøå ,()\"\\\\]{0,12}".prop_map(String::from)),
            at in any::<proptest::sample::Index>(),
            cut in 0usize..3,
            insert in proptest::sample::select(vec!["", "+", "0", " ", "\n", ",", "\"", ")", "-1"]),
        ) {
            let text = to_ron(&index);
            let mut start = at.index(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let edited = format!("{}{insert}{}", &text[..start], &text[end..]);
            if let Some(read) = read(&edited) {
                prop_assert_eq!(Ok(read), ron::from_str::<Index>(&edited).map_err(|e| e.to_string()));
            }
        }
    }

    #[test]
    fn an_empty_index_is_left_to_ron() {
        let empty = to_ron(&Index {
            format: 1,
            entries: Vec::new(),
        });
        assert_eq!(read(&empty), None);
        assert!(ron::from_str::<Index>(&empty).is_ok());
    }
}
