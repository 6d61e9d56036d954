//! Property tests: the loaders never panic on any input, every worksheet the program can build
//! survives save → load unchanged, and exported text never carries a raw control character.

use crate::common;

use proptest::prelude::*;
use stafett::script::parse;
use stafett::worksheet::store::to_ron;
use stafett::worksheet::{
    Check, Item, ItemId, Measure, MeasureId, MeasureStatus, SessionStatus, SheetKey, Worksheet,
};

/// Text as people type and paste it: Norwegian letters, quotes, newlines, escapes, emoji.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('Æ'),
            Just('ø'),
            Just('å'),
            Just(' '),
            Just('"'),
            Just('\\'),
            Just('\n'),
            Just('\r'),
            Just('\t'),
            Just('\u{1b}'),
            Just('\u{7}'),
            Just('\u{9b}'),
            Just('('),
            Just(')'),
            Just(','),
            Just('|'),
            Just('#'),
            Just('日'),
            Just('😀'),
            Just('\u{301}'),
            any::<char>(),
        ],
        0..40,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn item() -> impl Strategy<Value = Item> {
    (
        any::<u64>(),
        text(),
        proptest::option::of(text()),
        any::<u32>(),
        proptest::option::of(any::<u64>()),
        (text(), text(), proptest::option::of(any::<u8>())),
    )
        .prop_map(
            |(id, text, theme, votes, source, (detail, reference, rating))| Item {
                id: ItemId(id),
                text,
                theme,
                votes,
                source: source.map(ItemId),
                detail,
                reference,
                rating,
            },
        )
}

fn worksheet() -> impl Strategy<Value = Worksheet> {
    (
        1u32..5,
        "[a-z-]{1,12}",
        prop_oneof![
            Just(SessionStatus::NotStarted),
            Just(SessionStatus::InProgress),
            Just(SessionStatus::Done)
        ],
        proptest::collection::btree_map(text(), proptest::collection::vec(item(), 0..5), 0..4),
        proptest::collection::btree_map(
            text(),
            proptest::collection::vec((text(), any::<bool>(), any::<u32>()), 0..3),
            0..2,
        ),
        proptest::collection::btree_map(
            text(),
            proptest::collection::btree_map(text(), text(), 0..3),
            0..2,
        ),
        proptest::collection::btree_map(text(), any::<u64>(), 0..3),
        proptest::option::of(0i64..4_000_000_000),
        text(),
    )
        .prop_map(
            |(round, session, status, lists, checks, forms, timers, started, summary)| {
                let mut w = Worksheet::new(&SheetKey::new(round, &session));
                w.status = status;
                w.lists = lists;
                w.checks = checks
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            k,
                            v.into_iter()
                                .map(|(label, checked, count)| Check {
                                    label,
                                    checked,
                                    count,
                                })
                                .collect(),
                        )
                    })
                    .collect();
                w.forms = forms;
                w.timers = timers;
                w.summary = summary;
                w.started = started
                    .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                    .map(|d| d.naive_utc());
                w
            },
        )
}

/// Parsed once: the property below runs thousands of cases.
fn shipped_script() -> std::sync::Arc<stafett::script::Script> {
    static SCRIPT: std::sync::OnceLock<std::sync::Arc<stafett::script::Script>> =
        std::sync::OnceLock::new();
    SCRIPT.get_or_init(common::oss_og_vart).clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_script_loader_never_panics(src in text()) {
        let _ = parse(&src);
    }

    #[test]
    fn the_worksheet_loader_never_panics(src in text()) {
        let _ = ron::from_str::<Worksheet>(&src);
        let _ = ron::from_str::<stafett::worksheet::Forlop>(&src);
    }

    /// A shipped script with one slice cut out or one character put in: a problem list or a
    /// script, never a panic.
    #[test]
    fn a_damaged_shipped_script_is_reported_not_a_panic(at in 0usize..40_000, len in 0usize..50, c in any::<char>()) {
        let src = stafett::script::library::SHIPPED[0].1;
        let mut chars: Vec<char> = src.chars().collect();
        let at = at % chars.len();
        let end = (at + len).min(chars.len());
        chars.splice(at..end, [c]);
        let damaged: String = chars.into_iter().collect();
        if let Err(problems) = parse(&damaged) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.line >= 1 && p.col >= 1);
            }
        }
    }

    #[test]
    fn any_worksheet_survives_save_and_load(sheet in worksheet()) {
        let text = to_ron(&sheet);
        let back: Worksheet = ron::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, sheet);
    }

    #[test]
    fn exported_markdown_carries_no_raw_control_characters(sheet in worksheet(), tiltak in text()) {
        let script = shipped_script();
        let mut forlop = common::forlop(&script);
        forlop.plan.push(Measure { id: MeasureId(1), tiltak, ansvarlig: String::new(), frist: None, status: MeasureStatus::Planned, origin: String::new(), risk: None });
        let mut sheet = sheet;
        sheet.session = "utforske-verksted".into();
        sheet.round = 1;
        let md = stafett::export::markdown::session(&script, &forlop, &sheet, &Default::default());
        prop_assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    }
}

/// A forløp and a worksheet as files, with items, votes, a count, a rating, a timer and a plan.
fn realistic_files() -> (String, String) {
    let script = common::mini();
    let mut forlop = common::forlop(&script);
    forlop.next_id = 2;
    forlop.plan.push(Measure {
        id: MeasureId(1),
        tiltak: "Fast tid".into(),
        ansvarlig: String::new(),
        frist: None,
        status: MeasureStatus::Planned,
        origin: String::new(),
        risk: None,
    });
    let mut sheet = Worksheet::new(&SheetKey::new(1, "start"));
    let mut item = Item::new(1, "Travle morgener");
    item.votes = 3;
    item.rating = Some(2);
    sheet
        .lists
        .insert("krevende".into(), vec![item, Item::new(2, "Mye innleie")]);
    sheet.next_id = 3;
    sheet.checks.insert(
        "x".into(),
        vec![Check {
            label: "Ansatte".into(),
            checked: true,
            count: 12,
        }],
    );
    sheet.timers.insert("x".into(), 300);
    (to_ron(&forlop), to_ron(&sheet))
}

/// Replaces the number after the first `field: ` with `value`.
fn tamper(text: &str, field: &str, value: &str) -> Option<String> {
    let key = format!("{field}: ");
    let at = text.find(&key)? + key.len();
    let end = at + text[at..].find(|c: char| !c.is_ascii_digit())?;
    (end > at).then(|| format!("{}{value}{}", &text[..at], &text[end..]))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any number in a forløp or worksheet file, tampered with: loading refuses it with a
    /// message, or the data loads and the runner, the overview's instances and the export all
    /// finish. No loop runs as long as a tampered count says.
    #[test]
    fn a_tampered_number_is_refused_or_harmless(
        field in prop::sample::select(vec!["round", "step", "item", "next_id", "id", "votes", "count", "rating", "format"]),
        value in prop_oneof![Just(0u64), Just(1), Just(2), Just(u64::from(u32::MAX)), Just(u64::MAX), any::<u64>()],
        in_sheet in any::<bool>(),
    ) {
        let (forlop_text, sheet_text) = realistic_files();
        let tmp = tempfile::tempdir().unwrap();
        let dir = stafett::worksheet::store::ForlopDir { path: tmp.path().to_path_buf() };
        let (f, s) = if in_sheet {
            (forlop_text.clone(), tamper(&sheet_text, field, &value.to_string()).unwrap_or_else(|| sheet_text.clone()))
        } else {
            (tamper(&forlop_text, field, &value.to_string()).unwrap_or(forlop_text), sheet_text.clone())
        };
        std::fs::write(dir.forlop_path(), &f).unwrap();
        let key: Worksheet = ron::from_str(&sheet_text).unwrap();
        std::fs::write(dir.sheet_path(&key.key()), &s).unwrap();
        let Ok(forlop) = dir.load_forlop() else { return Ok(()) };
        let (sheets, _errors) = dir.load_sheets();
        // In a thread with a deadline, so a loop as long as a tampered count fails the test
        // instead of hanging it.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let script = common::mini();
            let r = stafett::runner::Runner::new(script.clone(), forlop.clone(), sheets.clone(), Default::default());
            let _ = r.instances();
            let _ = r.progress();
            let md = stafett::export::markdown::forlop(&script, &forlop, &sheets);
            let _ = tx.send(md.len());
        });
        let len = rx.recv_timeout(std::time::Duration::from_secs(5));
        prop_assert!(matches!(len, Ok(n) if n > 0), "{field} = {value}: {len:?}");
    }
}
