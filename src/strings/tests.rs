//! The catalogs against the code and each other.

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
            // `tn!` uses the key and the key's `.one` form.
            for (mac, forms) in [("t!(", &[""][..]), ("tn!(", &["", ".one"][..])] {
                for (at, _) in text.match_indices(mac) {
                    // The macro itself, not the end of `format!(` or `print!(`.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let Some(rest) = text[at + mac.len()..].trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let key = rest.split('"').next().unwrap_or_default();
                    if !key.is_empty()
                        && key.chars().all(|c| c.is_alphanumeric() || "._".contains(c))
                    {
                        out.extend(forms.iter().map(|f| format!("{key}{f}")));
                    }
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
    for example in ["key", "key.one", "group.key", "group.count"] {
        used.remove(example);
    }
    let missing: Vec<_> = used
        .iter()
        .filter(|k| !catalog.contains_key(k.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used but not in nb.ron: {missing:?}"
    );
    let unused: Vec<_> = catalog.keys().filter(|k| !used.contains(**k)).collect();
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
        assert_eq!(
            text,
            parse(lang.catalog_source()).unwrap()[key].0,
            "{lang:?}"
        );
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
            if line.trim_start().starts_with("//") || exempt(line) || exempt(previous) || char_quote
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

#[test]
fn a_count_of_one_takes_the_singular_in_every_language() {
    let text = |lang, n: u32| {
        with_language(lang, || {
            crate::tn!("ui.overview.header", n, process = "P", done = 0, n = n)
        })
    };
    assert_eq!(text(Lang::Nb, 1), "P · 0 av 1 økt ferdig");
    assert_eq!(text(Lang::Nb, 2), "P · 0 av 2 økter ferdig");
    assert_eq!(text(Lang::En, 1), "P · 0 of 1 session done");
    assert_eq!(text(Lang::Da, 5), "P · 0 af 5 sessioner færdige");
    // Every singular form belongs to a text that exists.
    let nb = parse(NB).unwrap();
    for key in nb.keys().filter_map(|k| k.strip_suffix(".one")) {
        assert!(nb.contains_key(key), "{key}.one without {key}");
    }
}

#[test]
fn catalogs_read_line_by_line_are_what_ron_reads() {
    for lang in Lang::ALL {
        let source = lang.catalog_source();
        let fast = super::by_lines(source).expect("a shipped catalog is read line by line");
        let ron: Catalog = ron::from_str(source).unwrap();
        assert_eq!(fast, ron, "{lang:?}");
        assert!(fast.len() > 500);
    }
    // Anything the line reader does not expect goes to the RON parser, with the same result.
    for source in [
        "{\n  \"a\": \"sier \\\"hei\\\"\\n og \\\\ går\",\n}\n",
        "{\n  \"a\": \"x\", // a comment after\n  \"b\": \"y\",\n}",
        "{\n  \"a\": \"x\",\n  \"a\": \"y\",\n}",
        "{\n  \"a\": \"\\u{e5}\",\n}",
        "{\n  \"a\": \"siste uten komma\"\n}",
        "{ \"a\": \"x\", \"b\": \"y\" }",
        "{\r\n  \"a\": \"x\",\r\n}\r\n",
        "/* block */ {\n  \"a\": \"x\",\n}",
        "{\n  \"a\": \"x\",\u{a0}\n}",
    ] {
        if source.contains('\u{a0}') {
            // Not whitespace to RON: refused by both.
            assert!(ron::from_str::<Catalog>(source).is_err());
            assert!(parse(source).is_err());
            continue;
        }
        let ron: Catalog = ron::from_str(source).unwrap();
        assert_eq!(parse(source).unwrap(), ron, "{source:?}");
    }
    assert!(super::by_lines("{\n  \"a\": \"\\u{e5}\",\n}").is_none());
    assert!(parse("{\n  \"a\": \"x\",\n").is_err());
}
