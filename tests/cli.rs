//! The command line: check, list, export, workshops, delete, help.

use std::process::Output;

fn stafett(data: &std::path::Path, args: &[&str]) -> Output {
    crate::common::stafett()
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
    let now = crate::common::at(0).wall;
    let (dir, mut f) = store
        .create("Avd. 2", "oss-og-vart", "starte", now)
        .unwrap();
    f.plan.push(stafett::worksheet::Measure {
        id: stafett::worksheet::MeasureId(1),
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
    let now = crate::common::at(0).wall;
    let (dir, _) = store
        .create("Avd. 3", "oss-og-vart", "starte", now)
        .unwrap();
    let mut child = crate::common::stafett()
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
    // Clap's own words are replaced too: no English heading, flag or usage line is left.
    let english = [
        "Usage",
        "Options",
        "Arguments",
        "Commands",
        "Print",
        "[OPTIONS]",
    ];
    let help = stafett(tmp.path(), &["--help"]);
    let text = stdout(&help);
    assert!(text.contains("Start et nytt forløp"), "{text}");
    assert!(
        text.contains("Bruk: stafett") && text.contains("Vis versjonen"),
        "{text}"
    );
    for word in english {
        assert!(!text.contains(word), "{word} in {text}");
    }
    for sub in [
        "new",
        "open",
        "list",
        "check",
        "export",
        "delete",
        "workshops",
        "follow",
    ] {
        let h = stafett(tmp.path(), &[sub, "--help"]);
        assert!(h.status.success(), "{sub}");
        let text = stdout(&h);
        assert!(text.contains(&format!("Bruk: stafett {sub}")), "{text}");
        for word in english {
            assert!(!text.contains(word), "{word} in {sub}: {text}");
        }
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

/// Bytes that would act on a terminal: C0/C1 controls other than newline and tab, and bidi
/// overrides or isolates.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn every_line_the_command_line_prints_is_inert() {
    let hostile = "Avd\u{1b}[2J\u{7}\u{1b}]52;c;aGk=\u{7}\u{202e}gpj";
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = stafett::worksheet::store::Store::new(&data);
    let now = crate::common::at(0).wall;
    let (dir, _) = store.create(hostile, "oss-og-vart", "starte", now).unwrap();
    // A user script whose title and id carry the same, and a broken one whose name does.
    let scripts = tmp.path().join("skript");
    std::fs::create_dir(&scripts).unwrap();
    let good = std::fs::read_to_string("workshops/oss-og-vart.ron")
        .unwrap()
        .replacen(
            "title: \"Oss og vårt\"",
            &format!("title: \"{}\"", hostile.escape_unicode()),
            1,
        );
    std::fs::write(scripts.join("egen.ron"), good).unwrap();
    std::fs::copy(
        "tests/invalid_scripts/unknown-activity.ron",
        scripts.join("ødelagt\u{1b}[31m.ron"),
    )
    .unwrap();
    let w = scripts.to_str().unwrap();
    let runs = [
        stafett(&data, &["list"]),
        stafett(&data, &["workshops", "--workshops", w]),
        stafett(
            &data,
            &[
                "check",
                &format!("{w}/egen.ron"),
                &format!("{w}/ødelagt\u{1b}[31m.ron"),
            ],
        ),
        stafett(
            &data,
            &[
                "export",
                hostile,
                "--out",
                tmp.path().join("ut").to_str().unwrap(),
            ],
        ),
        stafett(&data, &["open", "Finnes\u{1b}[2Jikke"]),
    ];
    for (i, out) in runs.iter().enumerate() {
        assert!(
            raw_controls(&out.stdout).is_empty(),
            "run {i} stdout: {:?}",
            stdout(out)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            raw_controls(&out.stderr).is_empty(),
            "run {i} stderr: {err:?}"
        );
    }
    assert!(
        stdout(&runs[0]).contains("Avd␛[2J␇"),
        "the name is shown, inert: {}",
        stdout(&runs[0])
    );
    assert!(String::from_utf8_lossy(&runs[1].stderr).contains("hoppet over"));
    // The lock message, while another process holds the forløp.
    let _held = dir.lock().unwrap();
    let locked = stafett(&data, &["delete", hostile, "--yes"]);
    assert!(!locked.status.success());
    let said = String::from_utf8_lossy(&locked.stderr);
    assert!(said.contains("allerede åpent"), "{said}");
    assert!(raw_controls(&locked.stderr).is_empty());
    drop(_held);
    // The delete prompt names the forløp.
    let mut child = crate::common::stafett()
        .args(["delete", hostile])
        .env("STAFETT_DATA_DIR", &data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"nei\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(stdout(&out).contains("Slette «Avd␛[2J"), "{}", stdout(&out));
    assert!(raw_controls(&out.stdout).is_empty(), "{:?}", stdout(&out));
}

#[test]
fn a_long_name_exports_and_a_hostile_grid_name_stays_in_the_export_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = stafett::worksheet::store::Store::new(&data);
    let now = crate::common::at(0).wall;
    let long = "Randaberg sykehjem avdeling ".repeat(10);
    let (dir, mut forlop) = store
        .create(&long, "grov-risikoanalyse", "forberede", now)
        .unwrap();
    let mut row = stafett::worksheet::risk::RiskRow::new(1);
    row.tema = "Tema".into();
    forlop.grids.insert("../x\u{1b}[2J".into(), vec![row]);
    dir.save_forlop(&forlop).unwrap();
    let out_dir = tmp.path().join("ut");
    for _ in 0..2 {
        let out = stafett(
            &data,
            &["export", long.trim(), "--out", out_dir.to_str().unwrap()],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "the Markdown and one CSV, no .bak: {names:?}"
    );
    for n in &names {
        assert!(n.len() <= 80, "{n}");
        assert!(
            n.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.".contains(c)),
            "{n}"
        );
        assert!(!n.ends_with(".bak"), "{n}");
    }
    assert!(!tmp.path().join("x.csv").exists() && !data.join("x.csv").exists());
}
