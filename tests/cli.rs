//! The command line: check, list, export, workshops, delete, help.

use std::process::{Command, Output};

fn stafett(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stafett"))
        .args(args)
        .env("STAFETT_DATA_DIR", data)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn check_passes_shipped_scripts_and_fails_with_every_problem_placed() {
    let tmp = tempfile::tempdir().unwrap();
    let ok = stafett(tmp.path(), &["check", "workshops/oss-og-vart.ron"]);
    assert!(ok.status.success());
    assert!(
        stdout(&ok).contains("OK — «Oss og vårt» (oss-og-vart), 5 faser, 9 økter"),
        "{}",
        stdout(&ok)
    );
    let bad = stafett(
        tmp.path(),
        &[
            "check",
            "tests/invalid_scripts/list-never-produced.ron",
            "workshops/oss-og-vart.ron",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    let expected = std::fs::read_to_string("tests/invalid_scripts/list-never-produced.expected")
        .unwrap()
        .replace(
            "list-never-produced.ron:",
            "tests/invalid_scripts/list-never-produced.ron:",
        );
    assert!(stdout(&bad).starts_with(&expected), "{}", stdout(&bad));
    assert!(stdout(&bad).contains("list-never-produced.ron: 2 feil"));
    let missing = stafett(tmp.path(), &["check", "finnes/ikke.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).contains("finnes/ikke.ron: feil: kunne ikke lese filen"));
}

#[test]
fn list_and_export_work_without_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = stafett(tmp.path(), &["list"]);
    assert!(stdout(&empty).contains("Ingen forløp"));
    // Create one through the library, as the TUI would.
    let store = stafett::worksheet::store::Store::new(tmp.path());
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let (dir, mut f) = store
        .create("Avd. 2", "oss-og-vart", "starte", now)
        .unwrap();
    f.plan.push(stafett::worksheet::Measure {
        id: 1,
        tiltak: "Fast | rapporttid".into(),
        ansvarlig: "Leder".into(),
        frist: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
        status: Default::default(),
        origin: String::new(),
        risk: None,
    });
    dir.save_forlop(&f).unwrap();
    let listed = stafett(tmp.path(), &["list"]);
    assert!(
        stdout(&listed).contains("Avd. 2\tOss og vårt\trunde 1"),
        "{}",
        stdout(&listed)
    );
    let out = tmp.path().join("eksport");
    let exported = stafett(
        tmp.path(),
        &["export", "Avd. 2", "--out", out.to_str().unwrap()],
    );
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let md = std::fs::read_to_string(out.join("avd-2.md")).unwrap();
    assert!(md.starts_with("# Avd. 2 — Oss og vårt\n"), "{md}");
    assert!(
        md.contains("| 1 | Fast \\| rapporttid | Leder | 15.01.2027 | ikke startet |"),
        "{md}"
    );
    let unknown = stafett(tmp.path(), &["export", "Ukjent"]);
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("fant ikke noe forløp som heter «Ukjent»")
    );
}

#[test]
fn delete_asks_for_the_name_first() {
    let tmp = tempfile::tempdir().unwrap();
    let store = stafett::worksheet::store::Store::new(tmp.path());
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let (dir, _) = store
        .create("Avd. 3", "oss-og-vart", "starte", now)
        .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stafett"))
        .args(["delete", "Avd. 3"])
        .env("STAFETT_DATA_DIR", tmp.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"feil navn\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(dir.path.exists(), "a wrong answer deletes nothing");
    let yes = stafett(tmp.path(), &["delete", "Avd. 3", "--yes"]);
    assert!(yes.status.success());
    assert!(!dir.path.exists());
}

#[test]
fn workshops_and_help_speak_norwegian() {
    let tmp = tempfile::tempdir().unwrap();
    let w = stafett(tmp.path(), &["workshops"]);
    assert!(stdout(&w).contains("oss-og-vart\tOss og vårt\t(innebygd)"));
    let help = stafett(tmp.path(), &["--help"]);
    assert!(stdout(&help).contains("Start et nytt forløp"));
    for sub in [
        "new",
        "open",
        "list",
        "check",
        "export",
        "delete",
        "workshops",
    ] {
        let h = stafett(tmp.path(), &[sub, "--help"]);
        assert!(h.status.success(), "{sub}");
    }
}

#[test]
fn a_broken_user_script_is_skipped_with_a_pointer_to_check() {
    let tmp = tempfile::tempdir().unwrap();
    let scripts = tmp.path().join("skript");
    std::fs::create_dir(&scripts).unwrap();
    std::fs::copy(
        "tests/invalid_scripts/unknown-activity.ron",
        scripts.join("min.ron"),
    )
    .unwrap();
    let w = stafett(
        tmp.path(),
        &["workshops", "--workshops", scripts.to_str().unwrap()],
    );
    assert!(w.status.success());
    let err = String::from_utf8_lossy(&w.stderr);
    assert!(
        err.contains("hoppet over") && err.contains("min.ron") && err.contains("stafett check"),
        "{err}"
    );
    assert!(
        stdout(&w).contains("oss-og-vart"),
        "shipped scripts keep working"
    );
}

#[test]
fn without_a_terminal_the_tui_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let o = stafett(tmp.path(), &[]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("trenger en terminal"));
}

/// README's key table is made from the key table; this fails when either drifts.
#[test]
fn readme_key_table_is_the_key_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = "<!-- keys:start (made from assets/keys.ron; a test compares) -->\n";
    let end = "<!-- keys:end -->";
    let from = readme
        .find(start)
        .expect("README has the keys:start marker")
        + start.len();
    let to = readme[from..]
        .find(end)
        .expect("README has the keys:end marker")
        + from;
    let want = stafett::keys::Keymap::standard().readme_table();
    if readme[from..to] != want {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/target/readme-keys.md"),
            &want,
        )
        .ok();
        panic!(
            "README's key table differs from assets/keys.ron; the expected text is in target/readme-keys.md"
        );
    }
}
