//! Shipped scripts load and validate; broken scripts give the exact message expected.

use stafett::script::{Activity, Library, parse};
use std::path::Path;

#[test]
fn every_shipped_script_parses_without_problems() {
    for entry in std::fs::read_dir("workshops").unwrap() {
        let path = entry.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        if let Err(problems) = parse(&src) {
            let shown: Vec<String> = problems
                .iter()
                .map(|p| p.render(&path.display().to_string()))
                .collect();
            panic!("{}", shown.join("\n"));
        }
    }
    let lib = Library::shipped();
    assert!(lib.warnings.is_empty(), "{:?}", lib.warnings);
    assert_eq!(
        lib.scripts.len(),
        std::fs::read_dir("workshops").unwrap().count()
    );
    // A shipped script is known by its file name until it is parsed: the two must agree.
    for source in &lib.scripts {
        assert_eq!(source.script().id, source.id, "file name and id differ");
    }
}

#[test]
fn oss_og_vart_runs_starte_then_four_phases_of_meeting_and_verksted_in_a_circle() {
    let lib = Library::shipped();
    let s = lib.get("oss-og-vart").expect("shipped");
    let phases: Vec<&str> = s.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(phases, ["Starte", "Utforske", "Utdype", "Skape", "Teste"]);
    for phase in &s.phases[1..] {
        let kinds: Vec<_> = phase.sessions.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                stafett::script::SessionKind::HmsGruppe,
                stafett::script::SessionKind::Verksted
            ],
            "{}",
            phase.id
        );
        // Each preparation meeting reviews the handlingsplan.
        assert!(
            phase.sessions[0]
                .steps
                .iter()
                .any(|st| matches!(&st.activity, Activity::Plan(p) if p.review)),
            "{}",
            phase.id
        );
    }
    assert_eq!(s.cycle.as_ref().unwrap().restart_at, "utforske");
    // Starte reminds the group that worksheets are about the work, not about persons' health.
    let starte = &s.phases[0].sessions[0];
    assert!(
        starte
            .steps
            .iter()
            .any(|st| st.room.contains("aldri om enkeltpersoners helse"))
    );
}

#[test]
fn each_verksted_hands_on_what_the_next_phase_pulls_in() {
    let lib = Library::shipped();
    let s = lib.get("oss-og-vart").unwrap();
    let produced_by = |session: &str| -> Vec<String> {
        let at = s.find_session(session).unwrap();
        s.session(at)
            .steps
            .iter()
            .filter_map(|st| match &st.activity {
                Activity::Choose(c) => Some(c.into.clone()),
                _ => None,
            })
            .collect()
    };
    let pulled_by = |session: &str| -> Vec<String> {
        let at = s.find_session(session).unwrap();
        s.session(at)
            .steps
            .iter()
            .filter_map(|st| match &st.activity {
                Activity::Collect(c) => c.from.clone(),
                _ => None,
            })
            .collect()
    };
    assert_eq!(produced_by("utforske-verksted"), ["valgte-utfordringer"]);
    assert_eq!(pulled_by("utdype-verksted"), ["valgte-utfordringer"]);
    assert_eq!(produced_by("skape-verksted"), ["losninger-til-test"]);
    assert_eq!(pulled_by("teste-verksted"), ["losninger-til-test"]);
}

/// Every file in tests/invalid_scripts/ fails with exactly the problems in its `.expected` twin.
#[test]
fn invalid_scripts_give_the_expected_messages() {
    let dir = Path::new("tests/invalid_scripts");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let problems = parse(&src).expect_err(&name);
        let got: Vec<String> = problems.iter().map(|p| p.render(&name)).collect();
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        assert_eq!(got.join("\n"), expected.trim_end(), "{name}");
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} fixtures");
}

/// A list whose name cannot carry æøå gets its title from the script.
#[test]
fn list_titles_keep_aeoeaa_through_the_scripts_titles() {
    let script = crate::common::oss_og_vart();
    assert_eq!(
        script.list_title("losninger-til-test"),
        "Løsninger til test"
    );
    assert_eq!(script.list_title("laering"), "Læring");
    assert_eq!(
        script.list_title("valgte-utfordringer"),
        "Valgte utfordringer"
    );
}
