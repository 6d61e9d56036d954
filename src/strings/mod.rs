//! The words of the interface. Every user-facing string lives in a catalog under
//! `assets/strings/`, one RON file per language — bokmål (`nb.ron`, the reference), nynorsk,
//! English and Danish — embedded in the binary so Stafett needs nothing set up. Code names a
//! string by its key: `t!("group.key")`, or with named arguments: `t!("group.count", n = 3)`,
//! where the catalog text says `{n}`. A text with a count has a singular beside it, under
//! `key.one`, which `tn!("key", count, …)` takes when the count is 1.
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
pub const NB: &str = include_str!("../../assets/strings/nb.ron");

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
            Lang::Nn => include_str!("../../assets/strings/nn.ron"),
            Lang::En => include_str!("../../assets/strings/en.ron"),
            Lang::Da => include_str!("../../assets/strings/da.ron"),
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

fn catalog_of(lang: Lang) -> &'static Catalog<'static> {
    static CATALOGS: [OnceLock<Catalog<'static>>; 4] = [const { OnceLock::new() }; 4];
    // The shipped catalogs are ours and checked by tests; an unreadable one would leave every
    // text in bokmål (or showing its key), which is still usable, so there is no panic here.
    CATALOGS[lang.index() as usize].get_or_init(|| parse(lang.catalog_source()).unwrap_or_default())
}

fn lookup(key: &str) -> Option<&'static str> {
    let lang = language();
    let text = catalog_of(lang).get(key).or_else(|| {
        (lang != Lang::Nb)
            .then(|| catalog_of(Lang::Nb).get(key))
            .flatten()
    });
    text.map(|t| t.0.as_ref())
}

/// A catalog: key to text, both borrowed from the embedded source where the text has no escapes.
pub type Catalog<'a> = HashMap<&'a str, Text<'a>>;

/// One text of a catalog.
#[derive(Debug, serde::Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Text<'a>(#[serde(borrow)] pub std::borrow::Cow<'a, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// Reads a catalog: a RON map from key to text. The shipped catalogs hold one entry per line,
/// which is read line by line in a fraction of the time a RON parse takes; anything else in
/// the file (or a line it does not expect) is left to the RON parser, which gives the same map
/// (a test holds the two equal on every shipped catalog).
pub fn parse(text: &str) -> Result<Catalog<'_>, ron::error::SpannedError> {
    match by_lines(text) {
        Some(catalog) => Ok(catalog),
        None => ron::from_str(text),
    }
}

/// A catalog of `"key": "text",` lines between `{` and `}`, with `//` comments; `None` for
/// anything else.
fn by_lines(source: &str) -> Option<Catalog<'_>> {
    use std::collections::hash_map::Entry;
    let mut catalog = Catalog::with_capacity(source.len() / 64);
    let mut lines = source
        .lines()
        // RON's own whitespace only: a no-break space is not whitespace to RON.
        .map(|l| l.trim_matches([' ', '\t', '\r']))
        .filter(|l| !l.is_empty() && !l.starts_with("//"));
    if lines.next()? != "{" {
        return None;
    }
    for line in lines.by_ref() {
        if line == "}" {
            return lines.next().is_none().then_some(catalog);
        }
        let line = line.strip_prefix('"')?.strip_suffix("\",")?;
        let end = line.find(['"', '\\'])?;
        let text = line[end..].strip_prefix("\": \"")?;
        match catalog.entry(&line[..end]) {
            Entry::Vacant(slot) => slot.insert(Text(crate::text::ron_unescape(text)?)),
            Entry::Occupied(_) => return None,
        };
    }
    None
}

/// The text for `key`; the key itself when the catalog lacks it, so a gap is visible, never
/// blank.
pub fn get(key: &'static str) -> &'static str {
    lookup(key).unwrap_or(key)
}

/// The text for `key`, or for `one` (`key.one`) when the count is 1: «1 økt», «2 økter».
pub fn get_counted(key: &'static str, one: &'static str, count: u64) -> &'static str {
    match lookup(one) {
        Some(text) if count == 1 => text,
        _ => get(key),
    }
}

/// The text for a key known only at run time (labels named in `assets/keys.ron`).
pub fn get_dyn(key: &str) -> &'static str {
    lookup(key).unwrap_or("?")
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

/// Like `t!` with a count first: `tn!("key", n, n = n)` takes the text under `key.one` when
/// the count is 1, else the one under `key`.
#[macro_export]
macro_rules! tn {
    ($key:literal, $count:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::strings::fill(
            $crate::strings::get_counted($key, concat!($key, ".one"), ($count) as u64),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests;
