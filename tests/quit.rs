//! End-to-end, the real binary in a pseudo-terminal: quitting never loses data silently, and
//! the screen never eats a key or a message (issue 9, items 1 and 8).

use crate::common::pty::{ENTER, ESC, Tui};
use stafett::worksheet::store::load_ron;
use stafett::worksheet::{Forlop, Worksheet};
use std::path::{Path, PathBuf};

/// A forløp on its first step (a checklist), with a temp folder of its own for recovery files.
fn start(data: &Path, name: &str) -> (Tui, PathBuf) {
    let tmp = data.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let tui = Tui::start_with_env(
        data,
        &["new", "oss-og-vart", name],
        &[("TMPDIR", tmp.to_str().unwrap())],
    );
    tui.wait_for("Oppstarts- og arbeidsmøte");
    (tui, tmp)
}

/// The files in a temp folder and in the folders in it (the user's own `stafett-<uid>`).
fn recovery_files(temp: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(temp).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            files.push(path);
        }
    }
    files
}

fn sheet(folder: &Path) -> Worksheet {
    load_ron(&folder.join("r1-starte.ron")).unwrap()
}

#[test]
fn quit_with_failing_saves_stays_open_and_retry_saves_and_leaves() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut tui, _) = start(tmp.path(), "Avslutt");
    let folder = tmp.path().join("forlop/avslutt");
    let moved = tmp.path().join("bort");
    std::fs::rename(&folder, &moved).unwrap();
    tui.send(" ");
    tui.wait_for("Kunne ikke lagre");
    tui.send("q");
    tui.wait_for("Kan ikke lagre");
    tui.wait_for("arbeidsarket r1-starte");
    assert!(tui.child.try_wait().unwrap().is_none(), "still open");
    // The folder comes back (a USB stick put in again): Enter retries, saves and leaves.
    std::fs::rename(&moved, &folder).unwrap();
    tui.send(ENTER);
    assert!(tui.wait_exit(), "a clean exit once saved");
    assert!(sheet(&folder).checks.values().flatten().any(|c| c.checked));
}

#[test]
fn quitting_anyway_takes_a_second_answer_that_names_what_is_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut tui, temp) = start(tmp.path(), "Likevel");
    let folder = tmp.path().join("forlop/likevel");
    std::fs::rename(&folder, tmp.path().join("bort")).unwrap();
    tui.send(" ");
    tui.wait_for("Kunne ikke lagre");
    tui.send("q");
    tui.wait_for("Kan ikke lagre");
    tui.send("q");
    tui.wait_for("Avslutte uten å lagre?");
    tui.wait_for("r1-starte");
    tui.send("n");
    tui.wait_for("Kan ikke lagre");
    assert!(
        tui.child.try_wait().unwrap().is_none(),
        "a no keeps it open"
    );
    tui.send("q");
    tui.wait_for("Avslutte uten å lagre?");
    tui.send("j");
    assert!(
        !tui.wait_exit(),
        "leaving with unsaved changes is not a success"
    );
    tui.wait_for("gjenoppretting");
    let files = recovery_files(&temp);
    assert_eq!(files.len(), 1, "what was not saved went to a recovery file");
    let own = files[0].parent().unwrap();
    assert!(
        own.starts_with(&temp) && own != temp,
        "in the user's own folder: {own:?}"
    );
}

#[test]
fn a_signal_with_failing_saves_writes_a_recovery_file_that_the_next_start_takes_back() {
    // With SIGHUP, something not ours has taken the name of the user's folder in the temp
    // folder: the recovery goes into the temp folder itself, and is found there.
    for signal in ["-TERM", "-HUP"] {
        let tmp = tempfile::tempdir().unwrap();
        let (mut tui, temp) = start(tmp.path(), "Signal");
        let taken = signal == "-HUP";
        if taken {
            use std::os::unix::fs::MetadataExt;
            let uid = std::fs::metadata(&temp).unwrap().uid();
            let own = temp.join(format!("stafett-{uid}"));
            std::fs::create_dir(&own).unwrap();
            std::fs::set_permissions(&own, std::os::unix::fs::PermissionsExt::from_mode(0o777))
                .unwrap();
        }
        let folder = tmp.path().join("forlop/signal");
        let moved = tmp.path().join("bort");
        std::fs::rename(&folder, &moved).unwrap();
        tui.send(" ");
        tui.wait_for("Kunne ikke lagre");
        tui.signal(signal);
        assert!(
            !tui.wait_exit(),
            "{signal}: non-zero when not everything was saved"
        );
        tui.wait_for("neste gang forløpet åpnes");
        let recovery = recovery_files(&temp);
        assert_eq!(recovery.len(), 1, "{signal}");
        assert_eq!(
            recovery[0].parent() == Some(&temp),
            taken,
            "{signal}: {recovery:?}"
        );
        let text = tui.screen().replace('\n', "");
        assert!(
            text.contains("stafett-gjenoppretting-signal"),
            "{signal}: {text}"
        );
        // Next start, with the folder back: the recovery is offered and taken back.
        std::fs::rename(&moved, &folder).unwrap();
        assert!(
            !folder.join("r1-starte.ron").exists(),
            "{signal}: the tick never reached the disk"
        );
        let mut again = Tui::start_with_env(
            tmp.path(),
            &["open", "Signal"],
            &[("TMPDIR", temp.to_str().unwrap())],
        );
        again.wait_for("Stafett stoppet uventet");
        again.send("j");
        again.wait_for("Tatt tilbake og lagret");
        assert!(
            sheet(&folder).checks.values().flatten().any(|c| c.checked),
            "{signal}"
        );
        again.send("q");
        assert!(again.wait_exit());
    }
}

#[test]
fn the_text_in_an_open_field_survives_sigterm_and_ctrl_c() {
    for how in ["sigterm", "ctrl-c"] {
        let tmp = tempfile::tempdir().unwrap();
        let (mut tui, _) = start(tmp.path(), "Felt");
        tui.send("NN");
        tui.wait_for("Utforske › Verksted › steg 1 av 9");
        tui.send("nnnn");
        tui.wait_for("steg 5 av 9");
        tui.send("a");
        tui.wait_for("Nytt punkt");
        tui.send("Halvskrevet tanke");
        tui.wait_for("Halvskrevet tanke");
        match how {
            "sigterm" => tui.signal("-TERM"),
            _ => tui.send("\u{3}"),
        }
        assert!(tui.wait_exit(), "{how}: everything saved, a clean exit");
        let sheet: Worksheet =
            load_ron(&tmp.path().join("forlop/felt/r1-utforske-verksted.ron")).unwrap();
        let texts: Vec<&str> = sheet
            .lists
            .values()
            .flatten()
            .map(|i| i.text.as_str())
            .collect();
        assert!(texts.contains(&"Halvskrevet tanke"), "{how}: {texts:?}");
    }
}

#[test]
fn a_key_right_after_a_resize_takes_effect() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut tui, _) = start(tmp.path(), "Projektor");
    for (i, cols) in [110u16, 120, 100].into_iter().enumerate() {
        tui.resize(cols, 32);
        tui.send("n");
        tui.wait_for(&format!("steg {} av 7", i + 2));
    }
    tui.send("q");
    assert!(tui.wait_exit());
    let forlop: Forlop = load_ron(&tmp.path().join("forlop/projektor/forlop.ron")).unwrap();
    assert_eq!(forlop.position.step, 3);
}

#[test]
fn a_notice_outlives_the_clock_and_goes_with_the_next_key() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut tui, _) = start(tmp.path(), "Beskjed");
    tui.send("t"); // the timer ticks every quarter second from now on
    tui.send("p");
    tui.wait_for("Dette er første steg");
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert!(
        tui.screen().contains("Dette er første steg"),
        "{}",
        tui.screen()
    );
    tui.send("j");
    let start = std::time::Instant::now();
    while tui.screen().contains("Dette er første steg") {
        assert!(start.elapsed().as_secs() < 15, "the next key clears it");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    tui.send(ESC);
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn nothing_is_written_to_the_terminal_while_nothing_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut tui, _) = start(tmp.path(), "Stille");
    // Let the first frames settle, then listen for a while with no timer running.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let before = tui.bytes_written();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(tui.bytes_written(), before, "idle: not a byte");
    // A key still draws at once.
    tui.send("n");
    tui.wait_for("steg 2 av 7");
    assert!(tui.bytes_written() > before);
    tui.send("q");
    assert!(tui.wait_exit());
}
