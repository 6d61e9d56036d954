#![allow(dead_code)]

pub mod harness;
#[cfg(unix)]
pub mod pty;

use chrono::NaiveDate;
use stafett::runner::{Now, Runner};
use stafett::script::{Library, Script, parse};
use stafett::worksheet::{Forlop, Position};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The real binary as a command, in bokmål whatever the machine's locale (a test of another
/// language sets `STAFETT_LANG` or `--lang` itself).
pub fn stafett() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_stafett"));
    cmd.env("STAFETT_LANG", "nb");
    cmd
}

/// A fixed moment: 24.11.2026 08:00 plus `ms` on the monotonic clock.
pub fn at(ms: u64) -> Now {
    Now {
        mono_ms: ms,
        wall: NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap()
            + chrono::Duration::milliseconds(ms as i64),
    }
}

/// A small two-phase circle: collect, vote, choose; then pull in, plan.
pub const MINI: &str = r#"(
  format: 1, id: "mini", title: "Mini", summary: "Test",
  phases: [
    (id: "start", title: "Start", sessions: [(id: "start", title: "Møte", kind: HmsGruppe, steps: [
      (id: "hvem", title: "Hvem", minutes: 1, room: "Hvem er her?", activity: Checklist(items: [(label: "Leder"), (label: "Antall", count: true)])),
    ])]),
    (id: "en", title: "En", sessions: [(id: "en-verksted", title: "Verksted", kind: Verksted, steps: [
      (id: "samle", title: "Samle", minutes: 2, room: "Hva er krevende?", activity: Collect(list: "krevende")),
      (id: "tema", title: "Tema", minutes: 2, room: "Tema", activity: Group(list: "krevende")),
      (id: "stem", title: "Stem", minutes: 2, room: "Stem", activity: Vote(list: "krevende", dots: 3)),
      (id: "velg", title: "Velg", minutes: 2, room: "Velg", activity: Choose(list: "krevende", into: "valgte", max: Some(2))),
    ])]),
    (id: "to", title: "To", sessions: [(id: "to-verksted", title: "Verksted", kind: Verksted, steps: [
      (id: "pinne", title: "Pinne", minutes: 1, room: "Dette fikk vi", activity: Stafettpinne),
      (id: "konkret", title: "Konkret", minutes: 5, room: "Gjør konkret", activity: Collect(list: "konkret", from: Some("valgte"))),
      (id: "plan", title: "Plan", minutes: 5, room: "Tiltak", activity: Plan()),
      (id: "test", title: "Test", minutes: 5, room: "Testplan", activity: Fields(form: "testplan", fields: ["Hva", "Hvem"])),
    ])]),
  ],
  cycle: Some((restart_at: "en")),
)"#;

pub fn mini() -> Arc<Script> {
    Arc::new(parse(MINI).expect("MINI parses"))
}

pub fn oss_og_vart() -> Arc<Script> {
    Library::shipped().get("oss-og-vart").unwrap().clone()
}

pub fn forlop(script: &Script) -> Forlop {
    Forlop {
        format: 1,
        name: "Test avd.".into(),
        workshop: script.id.clone(),
        created: at(0).wall,
        round: 1,
        position: Position {
            round: 1,
            session: script.phases[0].sessions[0].id.clone(),
            step: 0,
            item: 0,
        },
        plan: Vec::new(),
        grids: Default::default(),
        risk: Default::default(),
        roles: Default::default(),
        next_id: 1,
        practice: false,
    }
}

pub fn runner(script: Arc<Script>) -> Runner {
    let f = forlop(&script);
    Runner::new(script, f, BTreeMap::new(), BTreeSet::new())
}

/// What a command said back, if anything.
pub fn notice(fx: &[stafett::runner::Effect]) -> Option<&str> {
    fx.iter().find_map(|e| match e {
        stafett::runner::Effect::Notice(text) => Some(text.as_str()),
        _ => None,
    })
}

/// A command's effects other than what it said back.
pub fn without_notice(fx: Vec<stafett::runner::Effect>) -> Vec<stafett::runner::Effect> {
    fx.into_iter()
        .filter(|e| !matches!(e, stafett::runner::Effect::Notice(_)))
        .collect()
}
