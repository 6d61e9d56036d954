//! The words of the interface. Every user-facing string lives in a catalog under
//! `assets/strings/`, one RON file per language — bokmål (`nb.ron`, the reference), nynorsk,
//! English and Danish — embedded in the binary so Stafett needs nothing set up. Code names a
//! string by its key: `t!("group.key")`, or with named arguments: `t!("group.count", n = 3)`,
//! where the catalog text says `{n}`.
//!
//! The language is chosen once at start ([`choose`]: `--lang`, `STAFETT_LANG`, the locale,
//! else bokmål) and set with [`set_language`]. A text a catalog lacks comes from bokmål.
//!
//! Tests read every `t!` in `src/` and fail when a key is missing from the catalog or a
//! catalog entry is never used, when another catalog lacks a key bokmål has or has other
//! placeholders, and when a user-facing string in the code bypasses the catalog.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::{Display, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The bokmål catalog, as shipped: the reference every other catalog follows.
pub const NB: &str = include_str!("../assets/strings/nb.ron");

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nb,
    Nn,
    En,
    Da,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Nb, Lang::Nn, Lang::En, Lang::Da];

    /// The code used by `--lang`, `STAFETT_LANG` and a script's `language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
            Lang::Da => "da",
        }
    }

    /// The shipped catalog's text.
    pub fn catalog_source(self) -> &'static str {
        match self {
            Lang::Nb => NB,
            Lang::Nn => include_str!("../assets/strings/nn.ron"),
            Lang::En => include_str!("../assets/strings/en.ron"),
            Lang::Da => include_str!("../assets/strings/da.ron"),
        }
    }

    /// A language from a code or a locale name: `nn`, `en_GB.UTF-8`, `da_DK`, `no` (bokmål).
    /// `C`, `POSIX` and unknown languages give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lang = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            "da" => Some(Lang::Da),
            _ => None,
        }
    }

    /// Every code, for messages: `nb, nn, en, da`.
    pub fn codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    fn index(self) -> u8 {
        self as u8
    }
}

/// The language from, in order: the `--lang` value, `STAFETT_LANG`, the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`, the first one set and not empty), else bokmål. A value naming no
/// language we have is passed over, like an unset one. `env` reads a variable (a parameter so
/// tests need not change the process's environment).
pub fn choose(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag.and_then(Lang::from_code) {
        return lang;
    }
    if let Some(lang) = env("STAFETT_LANG").as_deref().and_then(Lang::from_code) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| env(name).filter(|v| !v.is_empty()));
    locale
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::Nb)
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A test's own language on its thread, so tests in other languages run side by side.
    static THREAD_LANGUAGE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the interface language for the whole program (once, at start).
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang.index(), Ordering::Relaxed);
}

/// Runs `f` with the interface in `lang` on this thread only (tests and snapshots).
pub fn with_language<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = THREAD_LANGUAGE.replace(Some(lang));
    let out = f();
    THREAD_LANGUAGE.set(before);
    out
}

/// The language texts are shown in now.
pub fn language() -> Lang {
    THREAD_LANGUAGE.get().unwrap_or_else(|| {
        let index = LANGUAGE.load(Ordering::Relaxed);
        Lang::ALL
            .into_iter()
            .find(|l| l.index() == index)
            .unwrap_or(Lang::Nb)
    })
}

fn catalog_of(lang: Lang) -> &'static HashMap<String, String> {
    static CATALOGS: [OnceLock<HashMap<String, String>>; 4] = [const { OnceLock::new() }; 4];
    // The shipped catalogs are ours and checked by tests; an unreadable one would leave every
    // text in bokmål (or showing its key), which is still usable, so there is no panic here.
    CATALOGS[lang.index() as usize].get_or_init(|| parse(lang.catalog_source()).unwrap_or_default())
}

fn lookup(key: &str) -> Option<(&'static String, &'static String)> {
    let lang = language();
    catalog_of(lang).get_key_value(key).or_else(|| {
        (lang != Lang::Nb)
            .then(|| catalog_of(Lang::Nb).get_key_value(key))
            .flatten()
    })
}

/// Reads a catalog: a RON map from key to text.
pub fn parse(text: &str) -> Result<HashMap<String, String>, ron::error::SpannedError> {
    ron::from_str(text)
}

/// The text for `key`; the key itself when the catalog lacks it, so a gap is visible, never
/// blank.
pub fn get(key: &'static str) -> &'static str {
    lookup(key).map_or(key, |(_, text)| text.as_str())
}

/// The text for a key known only at run time (labels named in `assets/keys.ron`).
pub fn get_dyn(key: &str) -> &'static str {
    lookup(key).map_or("?", |(_, text)| text.as_str())
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

    #[test]
    fn the_language_comes_from_the_flag_then_stafett_lang_then_the_locale_then_bokmal() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let all = env(&[
            ("STAFETT_LANG", "da"),
            ("LC_ALL", "nn_NO.UTF-8"),
            ("LANG", "en_GB.UTF-8"),
        ]);
        assert_eq!(choose(Some("en"), all), Lang::En);
        assert_eq!(choose(None, all), Lang::Da);
        // An unknown value is passed over like an unset one.
        assert_eq!(choose(Some("sv"), all), Lang::Da);
        let locale = env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "nn_NO.UTF-8"),
            ("LANG", "en_GB.UTF-8"),
        ]);
        assert_eq!(choose(None, locale), Lang::Nn);
        assert_eq!(choose(None, env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(choose(None, env(&[("LANG", "da_DK.UTF-8")])), Lang::Da);
        assert_eq!(choose(None, env(&[("LANG", "no_NO")])), Lang::Nb);
        assert_eq!(choose(None, env(&[("LANG", "C.UTF-8")])), Lang::Nb);
        assert_eq!(choose(None, env(&[("LANG", "de_DE.UTF-8")])), Lang::Nb);
        assert_eq!(choose(None, env(&[])), Lang::Nb);
    }

    #[test]
    fn a_thread_can_speak_another_language_and_a_gap_falls_back_to_bokmal() {
        let key = "home.empty";
        let nb = get(key);
        for lang in Lang::ALL {
            let text = with_language(lang, || get(key));
            assert_eq!(text, parse(lang.catalog_source()).unwrap()[key], "{lang:?}");
            if lang != Lang::Nb {
                assert_ne!(text, nb, "{lang:?} has its own word for the list title");
            }
        }
        assert_eq!(get(key), nb, "the language went back after with_language");
        assert_eq!(
            with_language(Lang::En, || get("no.such.key")),
            "no.such.key"
        );
    }

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    }

    #[test]
    fn every_catalog_has_every_key_of_bokmal_with_the_same_placeholders() {
        let nb = parse(NB).unwrap();
        for lang in Lang::ALL {
            let other = parse(lang.catalog_source())
                .unwrap_or_else(|e| panic!("assets/strings/{}.ron: {e}", lang.code()));
            let missing: Vec<_> = nb.keys().filter(|k| !other.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            let extra: Vec<_> = other.keys().filter(|k| !nb.contains_key(*k)).collect();
            assert!(
                extra.is_empty(),
                "{} has keys nb lacks: {extra:?}",
                lang.code()
            );
            for (key, text) in &other {
                assert_eq!(
                    placeholders(text),
                    placeholders(&nb[key]),
                    "{}: {key}",
                    lang.code()
                );
                assert!(
                    !text.chars().any(|c| c.is_control() && c != '\n'),
                    "{}: {key}",
                    lang.code()
                );
            }
        }
    }

    /// String literals in `src/` outside tests that read like words for a person: letters
    /// æøå, or a word beside a space.
    fn prose_literals(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                prose_literals(&path, out);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy();
            if !name.ends_with(".rs") || name == "tests.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let mut previous = "";
            for (n, line) in code.lines().enumerate() {
                let exempt = |l: &str| {
                    ["expect(", "panic!(", "unreachable!(", "// not user text"]
                        .iter()
                        .any(|m| l.contains(m))
                };
                let char_quote = line.contains("'\"'");
                if line.trim_start().starts_with("//")
                    || exempt(line)
                    || exempt(previous)
                    || char_quote
                {
                    previous = line;
                    continue;
                }
                previous = line;
                let line = line.replace("\\\"", "");
                for (i, literal) in line.split('"').enumerate().skip(1).step_by(2) {
                    let before = line.split('"').take(i).collect::<Vec<_>>().join("\"");
                    // `t!(` itself, not the end of `format!(`.
                    let before = before.trim_end();
                    let by_key = before.strip_suffix("t!(").is_some_and(|rest| {
                        !rest
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_')
                    });
                    if by_key || literal.starts_with('<') {
                        continue;
                    }
                    // Placeholders and escapes are not words.
                    let bare: String = literal
                        .split('{')
                        .map(|part| part.split_once('}').map_or(part, |(_, after)| after))
                        .collect::<String>()
                        .replace("\\n", " ");
                    let words = bare
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| w.chars().count() > 1)
                        .count();
                    let spaced = bare.contains(' ') && words >= 1;
                    if spaced || bare.chars().any(|c| "æøåÆØÅ".contains(c)) {
                        out.push(format!("{}:{}: {literal}", path.display(), n + 1));
                    }
                }
            }
        }
    }

    #[test]
    fn no_text_for_the_user_bypasses_the_catalog() {
        let mut found = Vec::new();
        prose_literals(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(
            found.is_empty(),
            "texts outside the catalog (use t!, or mark a line `// not user text: why`):\n{}",
            found.join("\n")
        );
    }
}
