//! Saving and loading: round trips, atomic writes with backups, corrupt and foreign files,
//! locks and private permissions.

use crate::common;

use common::{at, mini, runner};
use stafett::runner::Cmd;
use stafett::worksheet::store::{Store, StoreError, write_atomic};
use stafett::worksheet::{SheetKey, Worksheet};

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("data"));
    (dir, store)
}

#[test]
fn a_forlop_and_its_worksheets_survive_save_and_load_unchanged() {
    let (_tmp, store) = temp_store();
    let (dir, _) = store
        .create("Randaberg sykehjem, avd. 2", "mini", "start", at(0).wall)
        .unwrap();
    assert_eq!(dir.slug(), "randaberg-sykehjem-avd-2");
    let mut r = runner(mini());
    r.handle(Cmd::Mark, at(0));
    r.handle(Cmd::NextSession, at(0));
    for t in ["æøå «sitat»", "linje\nto", "tab\tog \"fnutter\""] {
        r.handle(Cmd::Add(t.into()), at(0));
    }
    r.handle(
        Cmd::AddMeasure(stafett::worksheet::MeasureDraft {
            tiltak: "Fast rapporttid".into(),
            ansvarlig: "Leder".into(),
            frist: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
            status: stafett::worksheet::MeasureStatus::InProgress,
        }),
        at(0),
    );
    r.forlop.name = "Randaberg sykehjem, avd. 2".into();
    dir.save_forlop(&r.forlop).unwrap();
    for sheet in r.sheets.values() {
        dir.save_sheet(sheet).unwrap();
    }
    assert_eq!(dir.load_forlop().unwrap(), r.forlop);
    let (sheets, errors) = dir.load_sheets();
    assert!(errors.is_empty());
    assert_eq!(sheets, r.sheets);
    // The files are human-readable RON with a format version.
    let text = std::fs::read_to_string(dir.sheet_path(&SheetKey::new(1, "en-verksted"))).unwrap();
    assert!(text.contains("format: 1"), "{text}");
    assert!(text.contains("æøå «sitat»"), "{text}");
    // Found by name and by folder name.
    assert_eq!(store.find("Randaberg sykehjem, avd. 2").unwrap(), dir);
    assert_eq!(store.find("randaberg-sykehjem-avd-2").unwrap(), dir);
    assert!(matches!(
        store.find("Finnes ikke"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.create("Randaberg sykehjem, avd. 2", "mini", "start", at(0).wall),
        Err(StoreError::Exists(_))
    ));
}

#[test]
fn every_save_keeps_the_previous_version_as_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.ron");
    write_atomic(&path, b"first").unwrap();
    assert!(!tmp.path().join("a.ron.bak").exists());
    write_atomic(&path, b"second").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.ron.bak")).unwrap(),
        "first"
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_crash_between_write_and_rename_leaves_the_old_file_readable() {
    let (_tmp, store) = temp_store();
    let (dir, forlop) = store.create("Avd", "mini", "start", at(0).wall).unwrap();
    // What a crash after writing the temp file but before the rename leaves behind.
    std::fs::write(dir.path.join(".forlop.ron.tmp"), "(format: 1, name: \"halv").unwrap();
    assert_eq!(dir.load_forlop().unwrap(), forlop);
    // The next save replaces the stale temp file.
    dir.save_forlop(&forlop).unwrap();
    assert_eq!(dir.load_forlop().unwrap(), forlop);
}

#[test]
fn a_corrupt_worksheet_is_reported_with_line_and_column_and_kept_apart() {
    let (_tmp, store) = temp_store();
    let (dir, _) = store.create("Avd", "mini", "start", at(0).wall).unwrap();
    let good = Worksheet::new(&SheetKey::new(1, "start"));
    dir.save_sheet(&good).unwrap();
    let broken = dir.sheet_path(&SheetKey::new(1, "en-verksted"));
    std::fs::write(&broken, "(\n  format: 1,\n  round: 1,\n  session: \"en-verksted\",\n  lists: {\"a\": [(id: 1, text: \"avbrutt").unwrap();
    let (sheets, errors) = dir.load_sheets();
    assert_eq!(sheets.len(), 1);
    let err = &errors[&SheetKey::new(1, "en-verksted")];
    assert_eq!((err.line, err.col), (5, 31));
    assert!(
        err.to_string()
            .starts_with(&format!("{}:5:31: ugyldig innhold", broken.display())),
        "{err}"
    );
}

#[test]
fn a_file_from_a_newer_stafett_is_refused_not_misread() {
    let (_tmp, store) = temp_store();
    let (dir, _) = store.create("Avd", "mini", "start", at(0).wall).unwrap();
    let text = std::fs::read_to_string(dir.forlop_path())
        .unwrap()
        .replace("format: 1", "format: 9");
    std::fs::write(dir.forlop_path(), &text).unwrap();
    let err = dir.load_forlop().unwrap_err();
    assert!(err.message.contains("nyere Stafett (format 9"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.forlop_path()).unwrap(), text);
}

/// Format 1 as written by the first release: keep loading it.
#[test]
fn the_format_1_fixtures_still_load() {
    let f: stafett::worksheet::Forlop =
        stafett::worksheet::store::load_ron(std::path::Path::new("tests/fixtures/forlop-v1.ron"))
            .unwrap();
    assert_eq!(f.name, "Randaberg sykehjem, avd. 2");
    assert_eq!(
        f.plan[0].frist,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 15)
    );
    let w: Worksheet = stafett::worksheet::store::load_ron(std::path::Path::new(
        "tests/fixtures/worksheet-v1.ron",
    ))
    .unwrap();
    assert_eq!(w.list("valgte-utfordringer").len(), 2);
    assert_eq!(w.list("krevende")[0].votes, 4);
}

#[test]
fn a_second_opening_is_refused_with_the_holders_pid() {
    let (_tmp, store) = temp_store();
    let (dir, _) = store.create("Avd", "mini", "start", at(0).wall).unwrap();
    let lock = dir.lock().unwrap();
    match dir.lock() {
        Err(StoreError::Locked { pid }) => assert_eq!(pid, std::process::id().to_string()),
        other => panic!("expected a refusal, got {other:?}"),
    }
    drop(lock);
    assert!(dir.lock().is_ok(), "a released lock is taken over");
}

#[test]
fn the_lock_file_holds_only_our_pid_whatever_was_there_before() {
    let (_tmp, store) = temp_store();
    let (dir, _) = store.create("Avd", "mini", "start", at(0).wall).unwrap();
    let path = dir.path.join("forlop.lock");
    // Left by a process that is gone: longer than ours, shorter than ours, empty.
    for before in ["123456789012345678901234567890\nrest", "7", ""] {
        std::fs::write(&path, before).unwrap();
        let lock = dir.lock().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.trim(),
            std::process::id().to_string(),
            "after {before:?}"
        );
        drop(lock);
    }
}

#[cfg(unix)]
#[test]
fn folders_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, store) = temp_store();
    let (dir, f) = store.create("Avd", "mini", "start", at(0).wall).unwrap();
    dir.save_forlop(&f).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.root()), 0o700);
    assert_eq!(mode(&dir.path), 0o700);
    assert_eq!(mode(&dir.forlop_path()), 0o600);
    assert_eq!(mode(&dir.path.join("forlop.ron.bak")), 0o600);
}

#[test]
fn listing_shows_unreadable_forlop_with_their_error() {
    let (_tmp, store) = temp_store();
    store.create("B avd", "mini", "start", at(0).wall).unwrap();
    let (bad, _) = store.create("A avd", "mini", "start", at(0).wall).unwrap();
    std::fs::write(bad.forlop_path(), "ikke ron").unwrap();
    let all = store.list();
    assert_eq!(all.len(), 2);
    assert!(
        all[0].overview.is_err(),
        "a broken forlop.ron is not hidden by its overview"
    );
    assert_eq!(all[1].overview.as_ref().unwrap().name, "B avd");
}

/// Listing reads the small overview beside each forløp, but only while it vouches for the
/// forlop.ron there now; otherwise, or when it is tampered with, the real files are read.
#[test]
fn the_overview_is_used_only_while_it_vouches_for_forlop_ron() {
    use stafett::worksheet::overview::{FileStamp, Overview};
    use stafett::worksheet::store::to_ron;
    let (_tmp, store) = temp_store();
    let (dir, mut forlop) = store.create("Avd 1", "mini", "start", at(0).wall).unwrap();
    let listed = |store: &Store| store.list().remove(0).overview.unwrap();
    assert_eq!(listed(&store).name, "Avd 1");
    assert!(dir.overview_path().exists(), "written at creation");
    // An overview that vouches for this forlop.ron is what listing shows.
    let write = |o: &Overview| std::fs::write(dir.overview_path(), to_ron(o)).unwrap();
    let mut told = dir.stored_overview().unwrap();
    told.name = "Fra oversikten".into();
    told.forlop_file = FileStamp::of(&dir.forlop_path());
    write(&told);
    assert_eq!(listed(&store).name, "Fra oversikten");
    assert_eq!(store.find("Fra oversikten").unwrap(), dir);
    // A tampered number in it is refused, and the real files are read.
    std::fs::write(
        dir.overview_path(),
        to_ron(&told).replace("round: 1", "round: 4294967295"),
    )
    .unwrap();
    assert_eq!(listed(&store).name, "Avd 1");
    // So they are once forlop.ron has changed since.
    write(&told);
    forlop.round = 2;
    forlop.position.round = 2;
    dir.save_forlop(&forlop).unwrap();
    let shown = listed(&store);
    assert_eq!((shown.name.as_str(), shown.round), ("Avd 1", 2));
    // A symlink at its name is not followed.
    #[cfg(unix)]
    {
        let elsewhere = dir.path.parent().unwrap().join("annet.ron");
        told.forlop_file = FileStamp::of(&dir.forlop_path());
        std::fs::write(&elsewhere, to_ron(&told)).unwrap();
        std::fs::remove_file(dir.overview_path()).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.overview_path()).unwrap();
        assert_eq!(listed(&store).name, "Avd 1");
    }
}

/// Three forløp and the path of the index over them.
fn three_listed() -> (tempfile::TempDir, Store, std::path::PathBuf) {
    let (tmp, store) = temp_store();
    for name in ["Avd A", "Avd B", "Avd C"] {
        store.create(name, "mini", "start", at(0).wall).unwrap();
    }
    let index = store.root().join("forlop/.oversikt.ron");
    (tmp, store, index)
}

fn names(store: &Store) -> Vec<(String, u32)> {
    store
        .list()
        .into_iter()
        .map(|l| l.overview.map(|o| (o.name, o.done)).unwrap())
        .collect()
}

#[test]
fn the_index_is_believed_only_for_the_forlop_file_it_was_written_after() {
    let (_tmp, store, index) = three_listed();
    assert_eq!(store.list().len(), 3);
    assert!(!index.exists(), "a plain list never writes the index");
    assert_eq!(store.list_keeping_index().len(), 3);
    let text = std::fs::read_to_string(&index).unwrap();
    assert!(text.contains("Avd A") && text.contains("Avd C"), "{text}");
    // An entry that vouches for the forlop.ron there now is what the list says...
    std::fs::write(&index, text.replace("\"start\", 0,", "\"start\", 7,")).unwrap();
    assert!(names(&store).iter().all(|(_, done)| *done == 7));
    // ...and one whose forlop.ron changed since is read from the folder.
    let dir = store.find("Avd B").unwrap();
    let mut forlop = dir.load_forlop().unwrap();
    forlop.name = "Avd B, nytt navn".into();
    dir.save_forlop(&forlop).unwrap();
    let listed = names(&store);
    assert_eq!(listed[1], ("Avd B, nytt navn".to_string(), 0));
    assert_eq!(listed[0].1, 7, "the others still come from the index");
    // A session finished (or reopened) changes only the folder's overview, not forlop.ron.
    let a = store.find("Avd A").unwrap();
    let overview = a.stored_overview().unwrap();
    a.save_overview(&stafett::worksheet::overview::Overview {
        done: 2,
        ..overview
    })
    .unwrap();
    assert_eq!(names(&store)[0], ("Avd A".to_string(), 2));
    // Keeping the index writes the new name, and drops a forløp that is gone.
    std::fs::remove_dir_all(store.find("Avd C").unwrap().path).unwrap();
    assert_eq!(store.list_keeping_index().len(), 2);
    let text = std::fs::read_to_string(&index).unwrap();
    assert!(text.contains("Avd B, nytt navn"), "{text}");
    assert!(!text.contains("Avd C"), "{text}");
}

/// A forløp without its overview file (not opened since an older Stafett) is read from its
/// folder each time, and does not make every listing write the index again.
#[test]
fn a_forlop_without_an_overview_file_does_not_rewrite_the_index_each_time() {
    let (_tmp, store, index) = three_listed();
    let b = store.find("Avd B").unwrap();
    std::fs::remove_file(b.path.join("oversikt.ron")).unwrap();
    store.list_keeping_index();
    let written = || {
        std::fs::metadata(&index)
            .and_then(|m| m.modified())
            .unwrap()
    };
    let first = written();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(store.list_keeping_index().len(), 3);
    assert_eq!(written(), first, "nothing new to index: not written again");
    assert_eq!(
        names(&store)[1].0,
        "Avd B",
        "still listed, read from its folder"
    );
}

#[cfg(unix)]
#[test]
fn a_broken_linked_or_newer_index_is_read_around_and_replaced() {
    let (tmp, store, index) = three_listed();
    store.list_keeping_index();
    let good = std::fs::read_to_string(&index).unwrap();
    let expected = names(&store);
    let lying = good.replace("\"start\", 0,", "\"start\", 7,");
    for bad in [
        "(format: 1, entries: [(folder: ".to_string(),
        good.replacen("format: 1", "format: 99", 1)
            .replace("\"start\", 0,", "\"start\", 7,"),
    ] {
        std::fs::write(&index, &bad).unwrap();
        assert_eq!(names(&store), expected, "read around {bad:.40}");
        store.list_keeping_index();
        assert_eq!(std::fs::read_to_string(&index).unwrap(), good);
    }
    // A link at the index's name is not followed.
    let elsewhere = tmp.path().join("lying.ron");
    std::fs::write(&elsewhere, &lying).unwrap();
    std::fs::remove_file(&index).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &index).unwrap();
    assert_eq!(names(&store), expected);
    store.list_keeping_index();
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        lying,
        "not written through"
    );
}
