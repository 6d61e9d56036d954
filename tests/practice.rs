//! Practice mode: the shipped examples with history, in their own area, marked ØVING on every
//! screen and in every export, never among the real forløp; trainer notes only in practice.

use crate::common;

use common::harness::Harness;
use stafett::app::Session;
use stafett::export::{Formats, documents};
use stafett::script::Library;
use stafett::worksheet::practice::{self, SHIPPED, area, example, prepare};
use stafett::worksheet::{SessionStatus, SheetKey};

#[test]
fn every_example_opens_where_it_should_with_its_history_and_no_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = Library::shipped();
    let area = area(tmp.path());
    for (workshop, _) in SHIPPED {
        let ex = example(workshop).unwrap_or_else(|e| panic!("{workshop}: {e}"));
        assert_eq!(ex.forlop.workshop, *workshop);
        assert!(!ex.sheets.is_empty(), "{workshop} has history");
        let dir = prepare(&area, workshop, false, common::at(0).wall).unwrap();
        // Read back through the same bounds as any file from disk.
        let forlop = dir.load_forlop().unwrap();
        assert!(forlop.practice, "{workshop} is marked as practice");
        let (sheets, errors) = dir.load_sheets();
        assert!(errors.is_empty(), "{workshop}: {errors:?}");
        assert_eq!(sheets.len(), ex.sheets.len());
        let (session, warnings) = Session::open(dir, &lib).unwrap();
        assert!(warnings.is_empty(), "{workshop}: {warnings:?}");
        assert_eq!(session.runner.session().id, ex.forlop.position.session);
    }
}

#[test]
fn the_examples_hold_what_the_course_needs() {
    let done = |workshop: &str, session: &str| {
        let ex = example(workshop).unwrap();
        ex.sheets
            .iter()
            .find(|s| s.session == session)
            .is_some_and(|s| s.status == SessionStatus::Done)
    };
    // A finished Utforske round with items, votes and choices.
    assert!(done("oss-og-vart", "utforske-verksted"));
    let oss = example("oss-og-vart").unwrap();
    let verksted = oss
        .sheets
        .iter()
        .find(|s| s.session == "utforske-verksted")
        .unwrap();
    assert!(verksted.list("krevende").iter().any(|i| i.votes > 0));
    assert!(!verksted.list("valgte-utfordringer").is_empty());
    // A half-assessed risk grid.
    let risk = example("grov-risikoanalyse").unwrap();
    let rows: Vec<_> = risk.forlop.grids.values().flatten().collect();
    let rated = rows
        .iter()
        .filter(|r| r.sannsynlighet.is_some() && r.konsekvens.is_some())
        .count();
    assert!(rated > 0 && rated < rows.len(), "{rated} of {}", rows.len());
    // Meeting 1 of «En bra dag på jobb» done.
    assert!(done("en-bra-dag-pa-jobb", "mote-1"));
}

#[test]
fn practice_never_shows_in_the_real_list_or_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    for (workshop, _) in SHIPPED {
        prepare(&area(data), workshop, false, common::at(0).wall).unwrap();
    }
    let run = |args: &[&str]| {
        common::stafett()
            .env("STAFETT_DATA_DIR", data)
            .args(args)
            .output()
            .unwrap()
    };
    let list = run(&["list"]);
    assert!(list.status.success());
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(!listed.contains("Øving"), "{listed}");
    let export = run(&["export", "Øving – Oss og vårt", "--out", "ut"]);
    assert!(
        !export.status.success(),
        "a practice forløp is not found among the real"
    );
    let out = data.join("alle");
    let all = run(&[
        "export",
        "--all",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(all.status.success(), "{all:?}");
    for entry in std::fs::read_dir(&out).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Øving") && !text.contains("Lindeberg"));
    }
    // And the home screen of the real forløp does not see them either.
    let h = Harness::with_library(Library::shipped());
    assert!(!h.text(100, 30).contains("Øving"));
}

#[test]
fn every_export_of_a_practice_forlop_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = Library::shipped();
    let dir = prepare(&area(tmp.path()), "oss-og-vart", false, common::at(0).wall).unwrap();
    let forlop = dir.load_forlop().unwrap();
    let (sheets, _) = dir.load_sheets();
    let script = lib.get("oss-og-vart").unwrap();
    let docs = documents(
        &forlop.name,
        (script, &forlop, &sheets),
        Formats::ALL,
        common::at(0).wall.date(),
    )
    .unwrap();
    assert!(docs.len() > 3);
    for doc in &docs {
        assert!(doc.file_name.starts_with("oving-"), "{}", doc.file_name);
        let name = &doc.file_name;
        if name.ends_with(".md") || name.ends_with(".html") {
            let text = String::from_utf8_lossy(&doc.bytes);
            assert!(text.contains("ØVING: Øving – Oss og vårt"), "{name}");
        }
    }
    let book = docs
        .iter()
        .find(|d| d.file_name.ends_with(".xlsx"))
        .unwrap();
    use calamine::Reader;
    let wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(book.bytes.clone())).unwrap();
    let names = wb.sheet_names();
    assert!(
        !names.is_empty() && names.iter().all(|n| n.starts_with("ØVING")),
        "{names:?}"
    );
    // The session copies the app writes as it goes are marked too.
    let key = SheetKey::new(1, "utforske-verksted");
    let md = stafett::export::markdown::session(script, &forlop, &sheets[&key], &sheets);
    assert!(md.starts_with("# ØVING: "), "{md}");
}

#[test]
fn practice_mode_marks_every_screen_and_shows_the_trainers_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let area = area(tmp.path());
    let dir = prepare(&area, "oss-og-vart", false, common::at(0).wall).unwrap();
    let mut app = stafett::app::App::new(area, Library::shipped(), common::at(0).wall.date());
    let mut h = Harness {
        tmp: tempfile::tempdir().unwrap(),
        app: {
            app.refresh_home();
            app
        },
        ms: 0,
    };
    let home = h.text(100, 30);
    assert!(home.contains("ØVING"), "{home}");
    assert!(home.contains("Øving – Oss og vårt"), "{home}");
    h.app.open(dir).unwrap();
    let screen = h.text(120, 40);
    assert!(screen.lines().next().unwrap().contains("ØVING"), "{screen}");
    assert!(screen.contains("Til treneren:"), "{screen}");
    assert!(screen.contains("Her starter"), "{screen}");
    h.keys("?");
    assert!(h.text(100, 30).contains("ØVING"), "help too");

    // The same step outside practice: no trainer's note, no mark.
    let mut real = Harness::with_forlop();
    real.keys("NN");
    let screen = real.text(120, 40);
    assert!(
        !screen.contains("Til treneren:") && !screen.contains("ØVING"),
        "{screen}"
    );
}

#[test]
fn reset_makes_the_example_anew_and_refuses_while_it_is_open() {
    let tmp = tempfile::tempdir().unwrap();
    let area = area(tmp.path());
    let now = common::at(0).wall;
    let dir = prepare(&area, "en-bra-dag-pa-jobb", false, now).unwrap();
    let mut forlop = dir.load_forlop().unwrap();
    forlop.plan.clear();
    forlop.round = 7;
    dir.save_forlop(&forlop).unwrap();
    // Without reset the practice goes on where it was.
    let again = prepare(&area, "en-bra-dag-pa-jobb", false, now).unwrap();
    assert_eq!(again.load_forlop().unwrap().round, 7);
    // While someone has it open, reset is refused and nothing is lost.
    let lock = again.lock().unwrap();
    let refused = prepare(&area, "en-bra-dag-pa-jobb", true, now);
    assert!(refused.is_err());
    assert_eq!(again.load_forlop().unwrap().round, 7);
    drop(lock);
    let fresh = prepare(&area, "en-bra-dag-pa-jobb", true, now).unwrap();
    assert_eq!(fresh.load_forlop().unwrap().round, 1);
    // An unknown process names the ones there are.
    let unknown = prepare(&area, "ukjent", false, now)
        .unwrap_err()
        .to_string();
    assert!(unknown.contains("oss-og-vart"), "{unknown}");
    let _ = practice::AREA;
}
