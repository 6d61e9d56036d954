//! Files are ours alone and input is bounded: symlinks planted in the data folder are never
//! followed, every file written is 0600 and every folder 0700 whatever was there before,
//! oversized files, FIFOs and tampered numbers are refused with a message, and a delete is all
//! or nothing. (Issue 9, items 2, 5 and 6.)

use crate::common::at;
use stafett::worksheet::store::{ForlopDir, Store, StoreError};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

fn temp_store() -> (tempfile::TempDir, Store, ForlopDir) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path().join("data"));
    let (dir, _) = store.create("Avd. 2", "mini", "start", at(0).wall).unwrap();
    (tmp, store, dir)
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

fn bait(tmp: &Path) -> std::path::PathBuf {
    let target = tmp.join("offer.txt");
    std::fs::write(&target, "ikke rør").unwrap();
    target
}

#[test]
fn a_symlink_planted_at_the_lock_is_not_followed() {
    let (tmp, _store, dir) = temp_store();
    let target = bait(tmp.path());
    let lock_path = dir.path.join("forlop.lock");
    symlink(&target, &lock_path).unwrap();
    let lock = dir
        .lock()
        .expect("the lock is taken without following the link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "ikke rør");
    let meta = std::fs::symlink_metadata(&lock_path).unwrap();
    assert!(meta.is_file(), "the lock is a file of its own now");
    assert_eq!(mode(&lock_path), 0o600);
    drop(lock);
}

#[test]
fn a_symlink_planted_at_the_temp_name_is_not_followed() {
    let (tmp, _store, dir) = temp_store();
    let target = bait(tmp.path());
    symlink(&target, dir.path.join(".forlop.ron.tmp")).unwrap();
    let forlop = dir.load_forlop().unwrap();
    dir.save_forlop(&forlop).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "ikke rør");
    assert!(
        std::fs::symlink_metadata(dir.forlop_path())
            .unwrap()
            .is_file()
    );
    assert_eq!(dir.load_forlop().unwrap(), forlop);
}

#[test]
fn leftover_files_and_folders_with_open_modes_end_up_private() {
    let (_tmp, _store, dir) = temp_store();
    let tmp_file = dir.path.join(".forlop.ron.tmp");
    std::fs::write(&tmp_file, "gammelt").unwrap();
    std::fs::set_permissions(&tmp_file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let lock_path = dir.path.join("forlop.lock");
    std::fs::write(&lock_path, "").unwrap();
    std::fs::set_permissions(&lock_path, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::fs::set_permissions(&dir.path, std::fs::Permissions::from_mode(0o755)).unwrap();
    let forlop = dir.load_forlop().unwrap();
    dir.save_forlop(&forlop).unwrap();
    let _lock = dir.lock().unwrap();
    assert_eq!(mode(&dir.forlop_path()), 0o600);
    assert_eq!(mode(&lock_path), 0o600);
    assert_eq!(mode(&dir.path), 0o700);
}

#[test]
fn symlinked_worksheets_and_forlop_folders_are_not_read() {
    let (tmp, store, dir) = temp_store();
    // A worksheet elsewhere, linked in.
    let elsewhere = tmp.path().join("r1-start.ron");
    std::fs::write(
        &elsewhere,
        stafett::worksheet::store::to_ron(&stafett::worksheet::Worksheet::new(
            &stafett::worksheet::SheetKey::new(1, "start"),
        )),
    )
    .unwrap();
    symlink(&elsewhere, dir.path.join("r1-start.ron")).unwrap();
    let (sheets, errors) = dir.load_sheets();
    assert!(sheets.is_empty());
    let err = errors
        .values()
        .next()
        .expect("the link is reported")
        .to_string();
    assert!(err.contains("symbolsk lenke"), "{err}");
    // A forløp folder elsewhere, linked in.
    symlink(&dir.path, dir.path.parent().unwrap().join("lenke")).unwrap();
    let listed: Vec<String> = store.list().iter().map(|l| l.dir.slug()).collect();
    assert_eq!(listed, ["avd-2"]);
}

#[test]
fn a_file_over_the_cap_is_refused_with_a_message() {
    let (_tmp, _store, dir) = temp_store();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.forlop_path())
        .unwrap();
    f.set_len(stafett::worksheet::files::DATA_CAP + 1).unwrap();
    let err = dir.load_forlop().unwrap_err().to_string();
    assert!(err.contains("forlop.ron") && err.contains("MB"), "{err}");
}

#[test]
fn a_fifo_or_a_huge_file_among_the_scripts_is_skipped_without_hanging() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("kø.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let huge = std::fs::File::create(tmp.path().join("stor.ron")).unwrap();
    huge.set_len(stafett::script::library::SCRIPT_CAP + 1)
        .unwrap();
    let dirs = vec![tmp.path().to_path_buf()];
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(stafett::script::Library::load(&dirs)).unwrap());
    let lib = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("loading the scripts does not wait on the FIFO");
    let warnings: Vec<&str> = lib.warnings.iter().map(|w| w.0.as_str()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("kø.ron") && w.contains("vanlig fil")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("stor.ron") && w.contains("MB")),
        "{warnings:?}"
    );
    assert_eq!(
        lib.scripts.len(),
        stafett::script::library::SHIPPED.len(),
        "the shipped scripts still work"
    );
}

#[test]
fn a_tampered_round_is_refused_not_looped_over() {
    let (_tmp, _store, dir) = temp_store();
    let text = std::fs::read_to_string(dir.forlop_path()).unwrap();
    let tampered = text.replacen("round: 1,", "round: 4294967295,", 1);
    assert_ne!(text, tampered);
    std::fs::write(dir.forlop_path(), &tampered).unwrap();
    let err = dir.load_forlop().unwrap_err().to_string();
    assert!(
        err.contains("`round`") && err.contains("4294967295"),
        "{err}"
    );
    // Refused means never overwritten.
    assert_eq!(
        std::fs::read_to_string(dir.forlop_path()).unwrap(),
        tampered
    );
}

#[test]
fn delete_is_all_or_nothing_and_remnants_are_cleaned_or_explained() {
    let (_tmp, store, dir) = temp_store();
    let root = dir.path.parent().unwrap().to_path_buf();
    dir.delete().unwrap();
    assert_eq!(
        std::fs::read_dir(&root).unwrap().count(),
        0,
        "nothing left behind"
    );
    // A delete stopped after the rename leaves a hidden remnant: list cleans it.
    let remnant = root.join(".slettes-avd-3-999");
    std::fs::create_dir_all(remnant.join("sub")).unwrap();
    std::fs::write(remnant.join("r1-start.ron"), "x").unwrap();
    assert!(store.list().is_empty());
    assert!(!remnant.exists(), "the remnant is removed");
    // A folder without forlop.ron (an old-style remnant) blocks a new forløp with a reason.
    std::fs::create_dir_all(root.join("avd-4")).unwrap();
    match store.create("Avd. 4", "mini", "start", at(0).wall) {
        Err(e @ StoreError::Remnant(_)) => {
            let text = e.to_string();
            assert!(
                text.contains("avd-4") && text.contains("stafett delete"),
                "{text}"
            );
        }
        other => panic!("expected the remnant to be explained, got {other:?}"),
    }
}

#[test]
fn two_names_with_the_same_slug_get_two_folders() {
    let (_tmp, store, dir) = temp_store();
    let (other, _) = store.create("Avd 2", "mini", "start", at(0).wall).unwrap();
    assert_ne!(other, dir);
    assert_eq!(other.slug(), "avd-2-2");
    assert!(matches!(
        store.create("Avd. 2", "mini", "start", at(0).wall),
        Err(StoreError::Exists(_))
    ));
    let (a, _) = store.create("🦄", "mini", "start", at(0).wall).unwrap();
    let (b, _) = store.create("🏥", "mini", "start", at(0).wall).unwrap();
    assert_eq!(
        (a.slug().as_str(), b.slug().as_str()),
        ("unicorn", "hospital")
    );
}

#[test]
fn a_stopped_delete_can_be_finished_with_delete_and_the_folder_name() {
    let (tmp, store, dir) = temp_store();
    std::fs::remove_file(dir.forlop_path()).unwrap();
    let out = crate::common::stafett()
        .args(["delete", "avd-2", "--yes"])
        .env("STAFETT_DATA_DIR", tmp.path().join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.path.exists());
    store
        .create("Avd. 2", "mini", "start", at(0).wall)
        .expect("the name is free again");
}

#[test]
fn the_real_binary_follows_no_symlink_planted_in_the_forlop_folder() {
    use crate::common::pty::Tui;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = Store::new(&data);
    let (dir, _) = store
        .create("Lenker", "oss-og-vart", "starte", at(0).wall)
        .unwrap();
    let lock_bait = bait(tmp.path());
    let temp_bait = tmp.path().join("offer2.txt");
    std::fs::write(&temp_bait, "ikke rør").unwrap();
    symlink(&lock_bait, dir.path.join("forlop.lock")).unwrap();
    symlink(&temp_bait, dir.path.join(".r1-starte.ron.tmp")).unwrap();
    symlink(&temp_bait, dir.path.join(".forlop.ron.tmp")).unwrap();
    let mut tui = Tui::start(&data, &["open", "Lenker"]);
    tui.wait_for("Oppstarts- og arbeidsmøte");
    tui.send(" ");
    tui.wait_for("[x] Leder");
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(std::fs::read_to_string(&lock_bait).unwrap(), "ikke rør");
    assert_eq!(std::fs::read_to_string(&temp_bait).unwrap(), "ikke rør");
    for name in ["forlop.lock", "forlop.ron", "r1-starte.ron"] {
        let path = dir.path.join(name);
        assert!(
            std::fs::symlink_metadata(&path).unwrap().is_file(),
            "{name}"
        );
        assert_eq!(mode(&path), 0o600, "{name}");
    }
}

/// A recovery file left in the shared temp folder is offered only to the forløp folder it came
/// from: another data folder (a second USB stick) with a forløp of the same name never sees it.
#[test]
fn a_recovery_in_the_temp_folder_belongs_to_its_own_forlop_folder() {
    use stafett::worksheet::recovery::Recovery;
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // A name of this test's own: the temp folder is shared with every other test.
    let name = format!("Gjenoppretting {}", std::process::id());
    let make = |root: &Path| {
        let store = Store::new(root.join("data"));
        store.create(&name, "mini", "start", at(0).wall).unwrap()
    };
    let ((dir_a, forlop), (dir_b, _)) = (make(a.path()), make(b.path()));
    let recovery = Recovery {
        format: 1,
        written: at(0).wall,
        folder: Some(dir_a.path.clone()),
        forlop,
        sheets: Vec::new(),
    };
    // The forløp folder is gone for a moment (a USB stick pulled out): the recovery goes to
    // the temp folder.
    let away = a.path().join("bort");
    std::fs::rename(&dir_a.path, &away).unwrap();
    let written = dir_a.write_recovery(&recovery);
    std::fs::rename(&away, &dir_a.path).unwrap();
    let path = written.unwrap();
    assert!(path.starts_with(std::env::temp_dir()), "{}", path.display());
    assert!(dir_b.find_recovery(&name).is_none(), "not another folder's");
    let found = dir_a.find_recovery(&name).expect("its own folder's");
    assert_eq!(found.path, path);
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_copy_that_can_be_made_again_is_still_replaced_whole_private_and_never_through_a_link() {
    let (tmp, _store, dir) = temp_store();
    let target = bait(tmp.path());
    let path = dir.path.join("oversikt.ron");
    symlink(&target, dir.path.join(".oversikt.ron.tmp")).unwrap();
    std::fs::write(&path, "gammel").unwrap();
    stafett::worksheet::files::write_copy(&path, b"ny").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "ny");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "ikke rør");
    assert_eq!(mode(&path), 0o600);
    assert!(
        !dir.path.join(".oversikt.ron.tmp").exists(),
        "no temp file left"
    );
    assert!(
        !dir.path.join("oversikt.ron.bak").exists(),
        "a copy keeps no backup"
    );
}
