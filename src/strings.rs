//! The words of the interface. Every user-facing string lives in a catalog under
//! `assets/strings/`, one RON file per language (bokmål, `nb.ron`, is the only one so far),
//! embedded in the binary so Stafett needs nothing set up. Code names a string by its key:
//! `t!("group.key")`, or with named arguments: `t!("group.count", n = 3)`, where the catalog
//! text says `{n}`.
//!
//! A test reads every `t!` in `src/` and fails when a key is missing from the catalog or a
//! catalog entry is never used, so the catalog and the code cannot drift apart.

use std::collections::HashMap;
use std::fmt::{Display, Write};
use std::sync::OnceLock;

/// The bokmål catalog, as shipped.
pub const NB: &str = include_str!("../assets/strings/nb.ron");

fn catalog() -> &'static HashMap<String, String> {
    static CATALOG: OnceLock<HashMap<String, String>> = OnceLock::new();
    // The shipped catalog is ours and checked by a test; an unreadable one would leave every
    // text showing its key, which is still usable, so there is no panic here.
    CATALOG.get_or_init(|| parse(NB).unwrap_or_default())
}

/// Reads a catalog: a RON map from key to text.
pub fn parse(text: &str) -> Result<HashMap<String, String>, ron::error::SpannedError> {
    ron::from_str(text)
}

/// The text for `key`; the key itself when the catalog lacks it, so a gap is visible, never
/// blank.
pub fn get(key: &'static str) -> &'static str {
    catalog().get(key).map_or(key, String::as_str)
}

/// The text for a key known only at run time (labels named in `assets/keys.ron`).
pub fn get_dyn(key: &str) -> &'static str {
    match catalog().get_key_value(key) {
        Some((_, text)) => text.as_str(),
        None => "?",
    }
}

/// Puts named arguments into a text: `{name}` becomes the argument's value. A placeholder
/// without an argument is left as it is.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(n, _)| *n == &after[..close])?)));
        match value {
            Some((close, (_, v))) => {
                let _ = write!(out, "{v}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A string from the catalog by key, with optional named arguments:
/// `t!("key")` gives a `&'static str`, `t!("key", name = value, …)` a `String`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::strings::get($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::strings::fill(
            $crate::strings::get($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn fill_puts_in_named_arguments_and_leaves_the_rest() {
        let n = 3;
        assert_eq!(
            fill("{n} av {total}", &[("n", &n), ("total", &7)]),
            "3 av 7"
        );
        assert_eq!(fill("ingen {x} her", &[("n", &n)]), "ingen {x} her");
        assert_eq!(fill("åpen { og }", &[]), "åpen { og }");
        assert_eq!(fill("{n}{n}", &[("n", &"æ")]), "ææ");
    }

    fn keys_used(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                keys_used(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("t!(") {
                    // `t!(` itself, not the end of `format!(` or `print!(`.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let Some(rest) = text[at + 3..].trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let key = rest.split('"').next().unwrap_or_default();
                    if !key.is_empty()
                        && key.chars().all(|c| c.is_alphanumeric() || "._".contains(c))
                    {
                        out.insert(key.to_string());
                    }
                }
            }
        }
    }

    #[test]
    fn every_key_in_the_code_is_in_the_catalog_and_every_entry_is_used() {
        let catalog = parse(NB).expect("assets/strings/nb.ron parses");
        let mut used = BTreeSet::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        keys_used(&root.join("src"), &mut used);
        // Labels and section titles named in the key table.
        let keys = std::fs::read_to_string(root.join("assets/keys.ron")).unwrap();
        for part in keys.split('"').skip(1).step_by(2) {
            if part.starts_with("keys.") {
                used.insert(part.to_string());
            }
        }
        // This file's own examples are not real keys.
        for example in ["key", "group.key", "group.count"] {
            used.remove(example);
        }
        let missing: Vec<_> = used.iter().filter(|k| !catalog.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "keys used but not in nb.ron: {missing:?}"
        );
        let unused: Vec<_> = catalog.keys().filter(|k| !used.contains(*k)).collect();
        assert!(
            unused.is_empty(),
            "entries in nb.ron never used: {unused:?}"
        );
    }

    #[test]
    fn keys_are_plain_and_texts_carry_no_control_characters() {
        for (key, text) in parse(NB).unwrap() {
            assert!(
                key.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c)),
                "key {key:?}"
            );
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{key}: {text:?}"
            );
        }
    }
}
