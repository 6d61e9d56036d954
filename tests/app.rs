//! App-level flows around bad files and disk trouble: nothing typed is lost, nothing unreadable
//! is overwritten.

use crate::common;

use common::at;
use common::harness::Harness;
use ratatui::crossterm::event::KeyCode;
use stafett::worksheet::store::load_ron;
use stafett::worksheet::{SheetKey, Worksheet};

fn forlop_dir(h: &Harness) -> std::path::PathBuf {
    h.tmp.path().join("data/forlop/randaberg-sykehjem-avd-2")
}

/// Quits, as a facilitator would before someone edits the files by hand.
fn quit(h: &mut Harness) {
    h.keys("q");
    assert!(h.app.quit);
}

/// Starts again and opens the forløp from the home screen.
fn reopen(h: &mut Harness) {
    let store = stafett::worksheet::store::Store::new(h.tmp.path().join("data"));
    h.app = stafett::app::App::new(
        store,
        stafett::script::Library::shipped(),
        at(0).wall.date(),
    );
    h.key(KeyCode::Enter);
}

#[test]
fn a_corrupt_worksheet_with_a_readable_backup_is_offered_back() {
    let mut h = Harness::with_forlop();
    h.keys(" "); // tick Leder: first save, no backup yet
    assert!(h.app.sync());
    h.key(KeyCode::Down).keys(" "); // second save: the first is the backup
    quit(&mut h);
    let path = forlop_dir(&h).join("r1-starte.ron");
    let broken = "(format: 1, round: 1, session: \"starte\", checks: {\"tilstede\": [(label: \"Le";
    std::fs::write(&path, broken).unwrap();
    reopen(&mut h);
    let text = h.text(100, 30);
    assert!(
        text.contains("Arbeidsarket r1-starte.ron kan ikke leses, men forrige versjon kan"),
        "{text}"
    );
    // Saying no leaves the broken file alone and the session read-only.
    h.keys("n");
    h.keys(" ");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert!(
        h.text(100, 30)
            .contains("kunne ikke leses og blir ikke skrevet over")
    );
    // Next time, yes: the backup is used and the broken file kept.
    quit(&mut h);
    reopen(&mut h);
    h.keys("j");
    let text = h.text(100, 30);
    assert!(text.contains("Forrige versjon er tatt i bruk"), "{text}");
    assert!(text.contains("[x] Leder"), "{text}");
    let kept: Vec<_> = std::fs::read_dir(forlop_dir(&h))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("r1-starte.ron.odelagt-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(kept[0].path()).unwrap(), broken);
    // And it can be worked on again.
    h.key(KeyCode::Down).keys(" ");
    assert!(h.app.sync());
    let sheet: Worksheet = load_ron(&path).unwrap();
    assert!(sheet.checks["tilstede"][1].checked);
}

#[test]
fn a_corrupt_forlop_file_with_a_readable_backup_is_offered_back() {
    let mut h = Harness::with_forlop();
    h.keys("n"); // saves the position: forlop.ron.bak now exists
    quit(&mut h);
    let path = forlop_dir(&h).join("forlop.ron");
    std::fs::write(&path, "(format: 1, name: ").unwrap();
    reopen(&mut h);
    let text = h.text(100, 30);
    assert!(text.contains("Forrige versjon (forlop.ron.bak)"), "{text}");
    h.key(KeyCode::Enter);
    let text = h.text(100, 30);
    assert!(text.contains("Oss og vårt › Starte"), "{text}");
    assert!(text.contains("Forrige versjon er tatt i bruk"), "{text}");
}

#[test]
fn a_failed_save_warns_keeps_the_data_and_retries() {
    let mut h = Harness::with_forlop();
    // Something in the way of the temp file makes every save of this worksheet fail.
    let blocker = forlop_dir(&h).join(".r1-starte.ron.tmp");
    std::fs::create_dir(&blocker).unwrap();
    h.keys(" ");
    assert!(!h.app.sync(), "the writer reports the failure");
    let text = h.text(100, 30);
    assert!(text.contains("Kunne ikke lagre"), "{text}");
    assert!(text.contains("[x] Leder"), "the tick is kept in memory");
    assert!(!forlop_dir(&h).join("r1-starte.ron").exists());
    h.app.tick(at(h.ms + 250));
    assert!(!h.app.sync());
    assert!(
        h.text(100, 30).contains("Kunne ikke lagre"),
        "still failing, still warning"
    );
    std::fs::remove_dir(&blocker).unwrap();
    assert!(h.app.sync(), "a retry saves it");
    h.app.tick(at(h.ms + 500));
    assert!(
        !h.text(100, 30).contains("Kunne ikke lagre"),
        "the warning goes once saved"
    );
    let sheet: Worksheet = load_ron(&forlop_dir(&h).join("r1-starte.ron")).unwrap();
    assert!(sheet.checks["tilstede"][0].checked);
    assert_eq!(sheet.key(), SheetKey::new(1, "starte"));
}

#[test]
fn a_declined_recovery_file_is_set_aside_not_deleted() {
    let mut h = Harness::with_forlop();
    let s = h.app.session().unwrap();
    s.dir.write_recovery(&s.recovery(at(5))).unwrap();
    quit(&mut h);
    reopen(&mut h);
    assert!(
        h.text(100, 30)
            .contains("Stafett stoppet uventet 24.11.2026 08:00")
    );
    h.keys("n");
    assert!(h.text(100, 30).contains("lagt til side, ikke slettet"));
    let names: Vec<String> = std::fs::read_dir(forlop_dir(&h))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.contains(&"gjenoppretting.ron".to_string()));
    assert!(names.iter().any(|n| n.ends_with(".ron.brukt")), "{names:?}");
}

/// `stafett open` on a forløp whose recovery file is unreadable still opens it, and says so;
/// the file is left as it is.
#[test]
fn an_unreadable_recovery_file_is_named_and_the_forlop_still_opens() {
    let mut h = Harness::with_forlop();
    quit(&mut h);
    let file = forlop_dir(&h).join("gjenoppretting.ron");
    std::fs::write(&file, "(ikke en gjenopprettingsfil").unwrap();
    let store = stafett::worksheet::store::Store::new(h.tmp.path().join("data"));
    let dir = store.find("Randaberg sykehjem avd 2").unwrap();
    h.app = stafett::app::App::without_home(
        store,
        stafett::script::Library::shipped(),
        at(0).wall.date(),
    );
    assert!(h.app.open(dir).is_ok());
    assert!(h.app.session().is_some());
    let text = h.text(100, 30);
    assert!(
        text.contains("Gjenopprettingsfilen kan ikke leses"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "(ikke en gjenopprettingsfil"
    );
}

#[test]
fn x_exports_the_forlop_as_it_is_in_memory_to_a_chosen_folder() {
    let mut h = Harness::with_forlop();
    h.keys(" ");
    let out = h.tmp.path().join("minnepinne");
    h.keys("x");
    assert!(
        h.text(100, 30)
            .contains("Eksporter forløpet (Markdown, CSV")
    );
    // Replace the suggested folder with ours.
    for _ in 0..200 {
        h.key(KeyCode::Backspace);
    }
    h.keys(out.to_str().unwrap()).key(KeyCode::Enter);
    let text = h.text(100, 30);
    assert!(text.contains("Eksportert til"), "{text}");
    let md = std::fs::read_to_string(out.join("randaberg-sykehjem-avd-2.md")).unwrap();
    assert!(md.contains("- [x] Leder"), "{md}");
    // From the room, the printable pages come along: the forløp's and the session's.
    let page = std::fs::read_to_string(out.join("randaberg-sykehjem-avd-2.html")).unwrap();
    assert!(page.contains("Leder"), "{page}");
    assert!(out.join("randaberg-sykehjem-avd-2-r1-starte.html").exists());
}

/// Finishing a session updates the overview the home screen reads, with no worksheet read.
#[test]
fn the_home_screen_shows_a_finished_session_from_the_overview() {
    let mut h = Harness::with_forlop();
    h.keys("nnn").keys(" ").keys("F").key(KeyCode::Enter);
    h.key(KeyCode::Esc); // the record is optional
    assert!(h.app.sync());
    let stafett::app::Screen::Session(s) = &h.app.screen else {
        panic!("a session is open");
    };
    let overview = s
        .dir
        .stored_overview()
        .expect("written and vouching for forlop.ron");
    assert_eq!(overview.done, 1);
    quit(&mut h);
    // With every worksheet gone, the home screen still says what the overview says.
    for e in std::fs::read_dir(forlop_dir(&h)).unwrap() {
        let path = e.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("r1-")
        {
            std::fs::remove_file(path).unwrap();
        }
    }
    let store = stafett::worksheet::store::Store::new(h.tmp.path().join("data"));
    h.app = stafett::app::App::new(
        store,
        stafett::script::Library::shipped(),
        at(0).wall.date(),
    );
    let text = h.text(100, 30);
    assert!(text.contains("1 økt ferdig"), "{text}");
}

/// In a form, Tab keeps what was typed and opens the next field; a new line typed in a field
/// is a line break in the exported Markdown.
#[test]
fn tab_moves_through_a_forms_fields_and_keeps_line_breaks() {
    use ratatui::crossterm::event::KeyModifiers;
    let mut h = Harness::with_forlop();
    h.keys("nn");
    assert!(h.text(100, 30).contains("Roller og samarbeid"));
    h.key(KeyCode::Enter).keys("Budsjett");
    h.key_mod(KeyCode::Char('j'), KeyModifiers::CONTROL)
        .keys("og turnus");
    h.key(KeyCode::Tab);
    assert!(
        h.text(100, 30).contains("Tillitsvalgt tar ansvar for"),
        "the next field is open"
    );
    h.keys("Informasjon").key(KeyCode::Enter);
    let stafett::app::Screen::Session(s) = &h.app.screen else {
        panic!("a session is open");
    };
    let form = &s.runner.sheet().unwrap().forms["roller"];
    assert_eq!(form["Leder tar ansvar for"], "Budsjett\nog turnus");
    assert_eq!(form["Tillitsvalgt tar ansvar for"], "Informasjon");
    let md =
        stafett::export::markdown::forlop(&s.runner.script, &s.runner.forlop, &s.runner.sheets);
    assert!(md.contains("Budsjett  \n  og turnus"), "{md}");
}

/// Finishing a session offers its record (referat), field by field with Tab; Esc leaves the
/// rest empty. The record is in the hand-off copy and in the next session's stafettpinne, and
/// `M` opens it again later.
#[test]
fn a_finished_session_offers_its_record_and_hands_it_on() {
    let mut h = Harness::with_forlop();
    h.keys("F").key(KeyCode::Enter);
    assert!(h.text(100, 30).contains("Referat 1/9"), "offered at once");
    h.keys("24.11.2026, møterommet").key(KeyCode::Tab);
    assert!(h.text(100, 30).contains("Ledere (antall)"));
    h.keys("1")
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab);
    h.keys("12").key(KeyCode::Esc); // done: what was typed in this field is kept
    assert!(h.app.overlays.is_empty(), "one Esc closes the record");
    assert!(h.app.sync());
    let md = std::fs::read_to_string(forlop_dir(&h).join("r1-starte.md")).unwrap();
    assert!(md.contains("### Referat"), "{md}");
    assert!(
        md.contains("**Dato og sted:** 24.11.2026, møterommet"),
        "{md}"
    );
    assert!(md.contains("**Ledere (antall):** 1"), "{md}");
    assert!(md.contains("**Ansatte (antall):** 12"), "{md}");
    assert!(
        !md.contains("Navn (valgfritt)"),
        "Esc left the rest empty: {md}"
    );
    // The next session (Utforske's forberedelse) shows it in its stafettpinne.
    let text = h.text(100, 40);
    assert!(
        text.contains("Dato og sted: 24.11.2026, møterommet"),
        "{text}"
    );
    // Later, M opens it again where it was left.
    h.keys("P").keys("M");
    let text = h.text(100, 30);
    assert!(text.contains("24.11.2026, møterommet"), "{text}");
}

/// The home screen's rows for a forløp whose script this machine lacks and one that cannot be
/// read, with 60 more around them: each says what is wrong, and the list scrolls to them.
#[test]
fn the_home_screen_says_which_forlop_lack_a_script_or_cannot_be_read() {
    let mut h = Harness::new();
    let store = stafett::worksheet::store::Store::new(h.tmp.path().join("data"));
    for i in 0..60 {
        let name = format!("Avdeling {i:02}");
        store
            .create(&name, "oss-og-vart", "starte", at(0).wall)
            .unwrap();
    }
    store
        .create("Zeta uten skript", "finnes-ikke", "start", at(0).wall)
        .unwrap();
    let (broken, _) = store
        .create("Zz ødelagt", "oss-og-vart", "starte", at(0).wall)
        .unwrap();
    std::fs::write(broken.forlop_path(), "(ikke ron").unwrap();
    std::fs::remove_file(broken.path.join("oversikt.ron")).unwrap();
    h.app.refresh_home();
    let top = h.text(100, 30);
    assert!(
        top.contains("Avdeling 00") && top.contains("Oss og vårt"),
        "{top}"
    );
    assert!(
        !top.contains("Zeta"),
        "only the rows that fit are drawn: {top}"
    );
    for _ in 0..61 {
        h.key(KeyCode::Down);
    }
    let bottom = h.text(100, 30);
    assert!(bottom.contains("Zeta uten skript  finnes-ikke"), "{bottom}");
    assert!(
        bottom.contains("⚠ skriptet «finnes-ikke» finnes ikke her"),
        "{bottom}"
    );
    assert!(bottom.contains("zz-odelagt"), "{bottom}");
    assert!(
        bottom.contains("⚠") && bottom.contains("forlop.ron"),
        "{bottom}"
    );
}

/// The projector's clock is written when it changes, not every time a forløp is left: leaving
/// again with the timer stopped at the same step leaves `klokke.ron` as it was.
#[test]
fn leaving_unchanged_does_not_write_the_projectors_clock_again() {
    let mut h = Harness::with_forlop();
    quit(&mut h);
    let clock = forlop_dir(&h).join("klokke.ron");
    let written = || {
        std::fs::metadata(&clock)
            .and_then(|m| m.modified())
            .unwrap()
    };
    let first = written();
    reopen(&mut h);
    std::thread::sleep(std::time::Duration::from_millis(20));
    quit(&mut h);
    assert_eq!(written(), first, "left unchanged: not written again");
    // A step further is a change the projector must see.
    reopen(&mut h);
    h.keys("n");
    quit(&mut h);
    assert_ne!(written(), first);
}

/// A clock left running by a Stafett that is gone is set standing when the forløp is opened
/// again, so the projector stops counting at once.
#[test]
fn opening_again_stops_a_clock_left_running() {
    let mut h = Harness::with_forlop();
    quit(&mut h);
    let dir = stafett::worksheet::store::ForlopDir {
        path: forlop_dir(&h),
    };
    let mut clock = dir.load_clock().expect("shared when left");
    clock.running = true;
    dir.save_clock(&clock).unwrap();
    reopen(&mut h);
    assert!(h.app.sync());
    let after = dir.load_clock().unwrap();
    assert!(!after.running, "{after:?}");
    assert_eq!(after.used_ms, clock.used_ms);
}
