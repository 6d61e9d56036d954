//! The session state machine as pure transitions: commands in, state and effects out.
//! No terminal, no clock (time is injected), no files.

use crate::common;

use common::{at, mini, runner};
use stafett::runner::{Cmd, Effect};
use stafett::worksheet::{MeasureDraft, MeasureStatus, SessionStatus, SheetKey};

fn key(session: &str) -> SheetKey {
    SheetKey::new(1, session)
}

#[test]
fn stepping_forward_and_back_saves_the_position_and_stops_at_the_ends() {
    let mut r = runner(mini());
    let fx = r.handle(Cmd::PrevStep, at(0));
    assert!(common::notice(&fx).unwrap().contains("første steg"));
    assert_eq!(common::without_notice(fx), vec![]);
    // The only step of the first session: next step says how to go on.
    let fx = r.handle(Cmd::NextStep, at(0));
    assert!(common::notice(&fx).unwrap().contains("siste steg"));
    assert_eq!(common::without_notice(fx), vec![]);
    // A new step: the position is saved, and the (paused) timer shared with a follower.
    assert_eq!(
        r.handle(Cmd::NextSession, at(0)),
        vec![Effect::ShareClock, Effect::SaveForlop]
    );
    assert_eq!(r.session().id, "en-verksted");
    assert_eq!(r.forlop.position.session, "en-verksted");
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!((r.step().id.as_str(), r.forlop.position.step), ("stem", 2));
    r.handle(Cmd::PrevSession, at(0));
    assert_eq!((r.session().id.as_str(), r.at.step), ("start", 0));
    // Browsing does not start a session.
    assert!(r.sheets.is_empty());
}

#[test]
fn progress_counts_steps_over_the_round() {
    let mut r = runner(mini());
    assert_eq!(r.progress(), (0, 9));
    r.handle(Cmd::NextSession, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(r.progress(), (2, 9));
}

#[test]
fn collecting_items_starts_the_session_and_saves_each_change() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    assert_eq!(
        r.handle(Cmd::Add("  Travle morgener ".into()), at(5)),
        vec![Effect::SaveSheet(key("en-verksted"))]
    );
    assert_eq!(
        r.handle(Cmd::Add("   ".into()), at(5)),
        vec![],
        "blank text adds nothing"
    );
    r.handle(Cmd::Add("Nøkkel borte".into()), at(6));
    let sheet = r.sheet().unwrap();
    assert_eq!(sheet.status, SessionStatus::InProgress);
    assert_eq!(sheet.started, Some(at(5).wall));
    let texts: Vec<_> = sheet
        .list("krevende")
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(texts, ["Travle morgener", "Nøkkel borte"]);
    assert_eq!(r.selected, 1, "the new item is selected");
    r.handle(Cmd::MoveUp, at(7));
    assert_eq!(r.items("krevende")[0].text, "Nøkkel borte");
    assert_eq!(r.selected, 0);
    r.handle(Cmd::Edit("Nøkkel til medisinrommet borte".into()), at(8));
    assert_eq!(
        r.items("krevende")[0].text,
        "Nøkkel til medisinrommet borte"
    );
    r.handle(Cmd::Delete, at(9));
    assert_eq!(r.items("krevende").len(), 1);
}

#[test]
fn grouping_sorts_by_theme_and_keeps_the_item_selected() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    for t in ["a", "b", "c"] {
        r.handle(Cmd::Add(t.into()), at(0));
    }
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::SetTheme("Bemanning".into()), at(0));
    let shown: Vec<_> = r.visible_items().iter().map(|i| i.text.clone()).collect();
    assert_eq!(shown, ["c", "a", "b"]);
    assert_eq!(r.visible_items()[r.selected].text, "c");
    assert_eq!(r.themes("krevende"), ["Bemanning"]);
    r.handle(Cmd::SetTheme("  ".into()), at(0));
    assert_eq!(r.items("krevende")[2].theme, None, "blank theme removes it");
}

#[test]
fn votes_count_up_and_down_but_never_below_zero() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    r.handle(Cmd::Add("a".into()), at(0));
    r.handle(Cmd::Add("b".into()), at(0));
    for _ in 0..3 {
        r.handle(Cmd::NextStep, at(0));
    }
    r.handle(Cmd::PrevStep, at(0));
    assert_eq!(r.step().id, "stem");
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Mark, at(0));
    r.handle(Cmd::Mark, at(0));
    r.handle(Cmd::Unmark, at(0));
    assert_eq!(r.items("krevende")[1].votes, 1);
    r.handle(Cmd::Up, at(0));
    assert_eq!(r.handle(Cmd::Unmark, at(0)), vec![], "no vote to take away");
    assert_eq!(r.items("krevende")[0].votes, 0);
    let fx = r.handle(Cmd::MoveUp, at(0));
    assert!(common::notice(&fx).unwrap().contains("der lista samles"));
    assert_eq!(
        common::without_notice(fx),
        vec![],
        "order is not changed while voting"
    );
}

#[test]
fn choosing_orders_by_votes_and_respects_the_maximum() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    for t in ["a", "b", "c"] {
        r.handle(Cmd::Add(t.into()), at(0));
    }
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Mark, at(0)); // c: 1 vote
    r.handle(Cmd::NextStep, at(0));
    let order: Vec<_> = r.visible_items().iter().map(|i| i.text.clone()).collect();
    assert_eq!(order, ["c", "a", "b"], "most votes first");
    r.handle(Cmd::Mark, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Mark, at(0));
    r.handle(Cmd::Down, at(0));
    let fx = r.handle(Cmd::Mark, at(0));
    assert!(common::notice(&fx).unwrap().contains("allerede valgt 2"));
    assert_eq!(common::without_notice(fx), vec![]);
    let chosen: Vec<_> = r.items("valgte").iter().map(|i| i.text.clone()).collect();
    assert_eq!(chosen, ["c", "a"]);
    r.handle(Cmd::Up, at(0));
    r.handle(Cmd::Mark, at(0));
    assert_eq!(
        r.items("valgte").len(),
        1,
        "space again takes the choice back"
    );
}

#[test]
fn checklist_ticks_and_counts() {
    let mut r = runner(mini());
    r.handle(Cmd::Mark, at(0));
    assert!(r.sheet().unwrap().checks["hvem"][0].checked);
    r.handle(Cmd::Unmark, at(0));
    assert!(!r.sheet().unwrap().checks["hvem"][0].checked);
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Add("12".into()), at(0));
    r.handle(Cmd::Mark, at(0));
    assert_eq!(r.sheet().unwrap().checks["hvem"][1].count, 13);
    let fx = r.handle(Cmd::Add("tolv".into()), at(0));
    assert!(common::notice(&fx).unwrap().contains("ikke et helt tall"));
    assert_eq!(common::without_notice(fx), vec![]);
}

/// Finishing hands the worksheet on; the next session pulls the chosen list in by name.
#[test]
fn finishing_hands_on_and_the_next_session_pulls_the_list_in() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    for t in ["Travle morgener", "Nøkkel borte", "Innleie"] {
        r.handle(Cmd::Add(t.into()), at(0));
    }
    for _ in 0..3 {
        r.handle(Cmd::NextStep, at(0));
    }
    r.handle(Cmd::Mark, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Mark, at(0));
    let fx = r.handle(Cmd::Finish, at(60_000));
    assert!(common::notice(&fx).unwrap().contains("levert videre"));
    assert_eq!(
        common::without_notice(fx),
        vec![
            Effect::SaveSheet(key("en-verksted")),
            Effect::HandOver(key("en-verksted")),
            Effect::ShareClock,
            Effect::SaveForlop
        ]
    );
    let done = &r.sheets[&key("en-verksted")];
    assert_eq!(
        (done.status, done.finished),
        (SessionStatus::Done, Some(at(60_000).wall))
    );
    assert_eq!(r.session().id, "to-verksted");
    let (prev, sheet) = r.previous_sheet().unwrap();
    assert_eq!(prev, key("en-verksted"));
    assert_eq!(sheet.unwrap().list("valgte").len(), 2);
    // Entering the step that starts from the chosen list imports it once.
    let fx = r.handle(Cmd::NextStep, at(0));
    assert!(fx.contains(&Effect::SaveSheet(key("to-verksted"))));
    let texts: Vec<_> = r.items("konkret").iter().map(|i| i.text.clone()).collect();
    assert_eq!(texts, ["Travle morgener", "Nøkkel borte"]);
    r.handle(Cmd::Edit("Morgenstell tar for lang tid".into()), at(0));
    r.handle(Cmd::PrevStep, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(
        r.items("konkret").len(),
        2,
        "no second import on coming back"
    );
    r.handle(Cmd::Import, at(0));
    assert_eq!(
        r.items("konkret").len(),
        3,
        "an explicit import brings back the edited-away text"
    );
}

#[test]
fn a_round_ends_and_a_new_one_starts_at_the_cycle_phase() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    r.handle(Cmd::NextSession, at(0));
    let fx = r.handle(Cmd::NextSession, at(0));
    assert!(common::notice(&fx).unwrap().contains("Runden er ferdig"));
    let fx = r.handle(Cmd::StartNextRound, at(0));
    assert!(fx.contains(&Effect::SaveForlop));
    assert_eq!(
        (r.forlop.round, r.at.round, r.session().id.as_str()),
        (2, 2, "en-verksted")
    );
    assert_eq!(
        r.instances().len(),
        5,
        "round 1 has three sessions, round 2 two"
    );
}

#[test]
fn the_timer_rings_once_and_its_time_is_kept_per_step() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    assert_eq!(r.timer.planned_s, 120);
    r.handle(Cmd::TimerToggle, at(1_000));
    assert_eq!(r.handle(Cmd::Tick, at(120_000)), vec![]);
    assert_eq!(r.handle(Cmd::Tick, at(121_000)), vec![Effect::Bell]);
    assert_eq!(r.handle(Cmd::Tick, at(122_000)), vec![]);
    assert!(r.timer.over(130_000));
    // Leaving the step stores the time; coming back restores it, paused.
    r.handle(Cmd::NextStep, at(151_000));
    assert_eq!(r.sheet().unwrap().timers["samle"], 150);
    assert!(!r.timer.running());
    r.handle(Cmd::PrevStep, at(200_000));
    assert_eq!(r.timer.used_s(999_000), 150);
    r.handle(Cmd::TimerAdjust(60), at(0));
    assert_eq!(r.timer.planned_s, 180);
}

#[test]
fn the_projectors_clock_is_shared_when_it_changes_not_when_a_stopped_one_is_left_again() {
    let mut r = runner(mini());
    r.handle(Cmd::NextSession, at(0));
    let shares = |fx: Vec<Effect>| fx.contains(&Effect::ShareClock);
    // Stopped and unchanged: leaving (quitting) twice writes nothing for the follower.
    r.handle(Cmd::Suspend, at(1_000));
    assert!(!shares(r.handle(Cmd::Suspend, at(2_000))));
    // Started, then stopped: both are shared, and the stopped time is what it says.
    assert!(shares(r.handle(Cmd::TimerToggle, at(3_000))));
    assert!(shares(r.handle(Cmd::Suspend, at(8_000))));
    assert_eq!(
        r.clock.as_ref().map(|c| (c.running, c.used_ms)),
        Some((false, 5_000))
    );
    assert!(!shares(r.handle(Cmd::Suspend, at(9_000))));
    // A change of plan while stopped is shared.
    assert!(shares(r.handle(Cmd::TimerAdjust(60), at(10_000))));
}

#[test]
fn the_handlingsplan_belongs_to_the_forlop() {
    let mut r = runner(mini());
    let draft = |t: &str| MeasureDraft {
        tiltak: t.into(),
        ansvarlig: "Leder".into(),
        ..Default::default()
    };
    assert_eq!(
        r.handle(Cmd::AddMeasure(draft("Fast rapporttid")), at(0)),
        vec![Effect::SaveForlop]
    );
    r.handle(Cmd::AddMeasure(draft("Nøkkelskap")), at(0));
    let fx = r.handle(Cmd::AddMeasure(draft(" ")), at(0));
    assert_eq!(common::notice(&fx), Some("Et tiltak trenger en tekst."));
    assert_eq!(common::without_notice(fx), vec![]);
    assert_eq!(r.forlop.plan.len(), 2);
    assert_eq!(r.forlop.plan[0].origin, "Runde 1 · Start · Møte");
    r.handle(Cmd::CycleMeasure(1), at(0));
    assert_eq!(r.forlop.plan[1].status, MeasureStatus::InProgress);
    r.handle(Cmd::MoveMeasure { index: 1, up: true }, at(0));
    assert_eq!(r.forlop.plan[0].tiltak, "Nøkkelskap");
    assert_eq!(
        r.handle(Cmd::MoveMeasure { index: 0, up: true }, at(0)),
        vec![]
    );
    r.handle(Cmd::DeleteMeasure(0), at(0));
    assert_eq!(r.forlop.plan.len(), 1);
    assert_ne!(r.forlop.plan[0].id, 0);
}

#[test]
fn fields_are_kept_by_form_and_label() {
    let mut r = runner(mini());
    r.handle(
        Cmd::GoTo {
            round: 1,
            session: "to-verksted".into(),
        },
        at(0),
    );
    for _ in 0..3 {
        r.handle(Cmd::NextStep, at(0));
    }
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::SetField("Leder og\nverneombud".into()), at(0));
    assert_eq!(
        r.sheet().unwrap().forms["testplan"]["Hvem"],
        "Leder og\nverneombud"
    );
}

#[test]
fn a_worksheet_that_could_not_be_read_is_never_changed() {
    let script = mini();
    let f = common::forlop(&script);
    let mut read_only = std::collections::BTreeSet::new();
    read_only.insert(key("start"));
    let mut r = stafett::runner::Runner::new(script, f, Default::default(), read_only);
    let fx = r.handle(Cmd::Mark, at(0));
    assert!(common::notice(&fx).unwrap().contains("kunne ikke leses"));
    assert_eq!(common::without_notice(fx), vec![]);
    let fx = r.handle(Cmd::Finish, at(0));
    assert!(common::notice(&fx).unwrap().contains("kunne ikke leses"));
    assert_eq!(common::without_notice(fx), vec![]);
    assert!(r.sheets.is_empty());
}

#[test]
fn a_saved_position_is_restored_and_a_stale_one_falls_back_to_the_start() {
    let script = mini();
    let mut f = common::forlop(&script);
    f.position.session = "to-verksted".into();
    f.position.step = 2;
    let r = stafett::runner::Runner::new(
        script.clone(),
        f.clone(),
        Default::default(),
        Default::default(),
    );
    assert_eq!((r.session().id.as_str(), r.at.step), ("to-verksted", 2));
    f.position.session = "finnes-ikke".into();
    let r = stafett::runner::Runner::new(script, f, Default::default(), Default::default());
    assert_eq!((r.session().id.as_str(), r.at.step), ("start", 0));
}

/// Each stafettpinne shows the sessions its script names: a verksted builds on the verksted
/// before it, a new round's preparation on the last round's Teste.
#[test]
fn the_stafettpinne_comes_from_the_sessions_the_script_names() {
    let mut r = runner(common::oss_og_vart());
    let baton = |r: &stafett::runner::Runner| -> Vec<String> {
        r.baton().iter().map(|(k, _)| k.file_stem()).collect()
    };
    let go = |r: &mut stafett::runner::Runner, round: u32, session: &str| {
        r.handle(
            Cmd::GoTo {
                round,
                session: session.into(),
            },
            at(0),
        );
        assert_eq!(r.session().id, session);
    };
    go(&mut r, 1, "utforske-verksted");
    assert!(baton(&r).is_empty(), "no Teste before the first round");
    go(&mut r, 1, "skape-verksted");
    assert_eq!(baton(&r), ["r1-skape-forberedelse", "r1-utdype-verksted"]);
    go(&mut r, 1, "teste-verksted");
    assert_eq!(baton(&r), ["r1-skape-verksted"]);
    r.handle(Cmd::StartNextRound, at(0));
    go(&mut r, 2, "utforske-forberedelse");
    assert_eq!(baton(&r), ["r1-teste-verksted", "r1-starte"]);
    go(&mut r, 2, "utdype-verksted");
    assert_eq!(
        baton(&r),
        ["r2-utforske-verksted"],
        "this round's, not round 1's"
    );
}

/// A finished session is read-only until opened again on purpose; then each change rewrites
/// its hand-off copy, the export says it was opened again, and finishing it once more stays
/// put instead of moving on (it may be rounds back).
#[test]
fn a_finished_session_is_read_only_until_reopened() {
    let mut r = runner(mini());
    let goto = |r: &mut stafett::runner::Runner| {
        r.handle(
            Cmd::GoTo {
                round: 1,
                session: "en-verksted".into(),
            },
            at(0),
        )
    };
    goto(&mut r);
    r.handle(Cmd::Add("Travle morgener".into()), at(0));
    r.handle(Cmd::Finish, at(1));
    assert_eq!(r.session().id, "to-verksted", "finishing moves on");
    goto(&mut r);
    let fx = r.handle(Cmd::Add("Etterpå".into()), at(2));
    assert!(common::notice(&fx).unwrap().contains("Økta er ferdig"));
    assert_eq!(
        common::without_notice(fx),
        vec![],
        "nothing changed, nothing saved"
    );
    assert_eq!(r.items("krevende").len(), 1);

    let fx = r.handle(Cmd::Reopen, at(3));
    assert!(fx.contains(&Effect::HandOver(key("en-verksted"))));
    assert_eq!(r.sheet().unwrap().status, SessionStatus::InProgress);
    let fx = r.handle(Cmd::Add("Etterpå".into()), at(4));
    assert!(fx.contains(&Effect::SaveSheet(key("en-verksted"))));
    assert!(
        fx.contains(&Effect::HandOver(key("en-verksted"))),
        "the hand-off copy follows the change"
    );
    r.handle(Cmd::Finish, at(5));
    assert_eq!(r.session().id, "en-verksted", "finished again, it stays");
    assert_eq!(r.sheet().unwrap().status, SessionStatus::Done);
    let md = stafett::export::markdown::forlop(&r.script, &r.forlop, &r.sheets);
    assert!(md.contains("åpnet igjen for endringer"), "{md}");
    assert!(md.contains("Etterpå"), "{md}");
}

/// `m` on a chosen item puts it in the handlingsplan, once, saying where it came from; an
/// item not chosen is not taken.
#[test]
fn a_chosen_item_goes_to_the_plan_with_one_key() {
    let mut r = runner(mini());
    r.handle(
        Cmd::GoTo {
            round: 1,
            session: "en-verksted".into(),
        },
        at(0),
    );
    r.handle(Cmd::Add("Travle morgener".into()), at(0));
    r.handle(Cmd::Add("Nøkkel borte".into()), at(0));
    for _ in 0..3 {
        r.handle(Cmd::NextStep, at(0));
    }
    assert_eq!(r.step().id, "velg");
    let fx = r.handle(Cmd::ToPlan, at(0));
    assert!(common::notice(&fx).unwrap().contains("Velg punktet først"));
    assert!(r.forlop.plan.is_empty());
    r.handle(Cmd::Mark, at(0));
    let fx = r.handle(Cmd::ToPlan, at(0));
    assert!(fx.contains(&Effect::SaveForlop));
    assert_eq!(r.forlop.plan.len(), 1);
    let m = &r.forlop.plan[0];
    assert_eq!(m.tiltak, r.items("valgte")[0].text);
    assert!(m.origin.contains("Verksted"), "{}", m.origin);
    let fx = r.handle(Cmd::ToPlan, at(0));
    assert!(common::notice(&fx).unwrap().contains("allerede"));
    assert_eq!(r.forlop.plan.len(), 1, "once");
}

/// A new round starts from the latest lists: round 2 pulls in what round 2 chose, not round 1.
#[test]
fn a_new_round_starts_from_the_latest_lists() {
    let mut r = runner(mini());
    let choose = |r: &mut stafett::runner::Runner, round: u32, text: &str| {
        r.handle(
            Cmd::GoTo {
                round,
                session: "en-verksted".into(),
            },
            at(0),
        );
        r.handle(Cmd::Add(text.into()), at(0));
        for _ in 0..3 {
            r.handle(Cmd::NextStep, at(0));
        }
        r.handle(Cmd::Mark, at(0));
        assert_eq!(r.items("valgte").len(), 1);
    };
    choose(&mut r, 1, "Fra runde 1");
    r.handle(Cmd::StartNextRound, at(0));
    assert_eq!(r.forlop.round, 2);
    choose(&mut r, 2, "Fra runde 2");
    r.handle(
        Cmd::GoTo {
            round: 2,
            session: "to-verksted".into(),
        },
        at(0),
    );
    r.handle(Cmd::NextStep, at(0));
    let texts: Vec<&str> = r.items("konkret").iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["Fra runde 2"]);
}

/// A theme typed in other case joins the theme already in use.
#[test]
fn themes_compare_without_case() {
    let mut r = runner(mini());
    r.handle(
        Cmd::GoTo {
            round: 1,
            session: "en-verksted".into(),
        },
        at(0),
    );
    r.handle(Cmd::Add("Travle morgener".into()), at(0));
    r.handle(Cmd::Add("Nøkkel borte".into()), at(0));
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::SetTheme("Bemanning".into()), at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::SetTheme("  bemanning ".into()), at(0));
    assert_eq!(r.themes("krevende"), ["Bemanning"]);
}

/// A session's time: every step's recorded time and the running timer, against the sum of
/// its steps' planned minutes.
#[test]
fn a_session_counts_its_time_against_its_plan() {
    let mut r = runner(mini());
    r.handle(
        Cmd::GoTo {
            round: 1,
            session: "en-verksted".into(),
        },
        at(0),
    );
    assert_eq!(r.session_minutes(0), (0, 8));
    r.handle(Cmd::TimerToggle, at(0));
    r.handle(Cmd::NextStep, at(90_000));
    assert_eq!(r.session_minutes(90_000), (1, 8), "90 s on the first step");
    r.handle(Cmd::TimerToggle, at(90_000));
    assert_eq!(
        r.session_minutes(150_000),
        (2, 8),
        "and 60 s running on the second"
    );
}

/// The short version skips the script's optional steps both ways and plans fewer minutes; a
/// session without optional steps says it has none.
#[test]
fn the_short_version_skips_optional_steps() {
    let mut r = runner(common::oss_og_vart());
    let fx = r.handle(Cmd::ToggleShort, at(0));
    assert!(common::notice(&fx).unwrap().contains("ingen kort versjon"));
    r.handle(
        Cmd::GoTo {
            round: 1,
            session: "utforske-verksted".into(),
        },
        at(0),
    );
    let (_, full) = r.session_minutes(0);
    let fx = r.handle(Cmd::ToggleShort, at(0));
    assert!(fx.contains(&Effect::SaveSheet(key("utforske-verksted"))));
    let (_, short) = r.session_minutes(0);
    assert_eq!((full, short), (78, 48));
    let mut visited = vec![r.step().id.clone()];
    for _ in 0..10 {
        r.handle(Cmd::NextStep, at(0));
        if visited.last() != Some(&r.step().id) {
            visited.push(r.step().id.clone());
        }
    }
    assert_eq!(
        visited,
        [
            "oppmote",
            "velkommen",
            "krevende",
            "prikker",
            "velg",
            "avslutning"
        ]
    );
    r.handle(Cmd::PrevStep, at(0));
    r.handle(Cmd::PrevStep, at(0));
    r.handle(Cmd::PrevStep, at(0));
    assert_eq!(r.step().id, "krevende", "back over the optional steps too");
    r.handle(Cmd::ToggleShort, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(r.step().id, "tema", "the whole session again");
}

/// A session's record can be written after it is finished, from the next session; the
/// hand-off copy follows, and an empty field is taken away.
#[test]
fn a_record_is_written_to_the_session_it_belongs_to() {
    let mut r = runner(mini());
    r.handle(Cmd::Finish, at(0));
    assert_eq!(r.session().id, "en-verksted");
    let set = |r: &mut stafett::runner::Runner, text: &str| {
        r.handle(
            Cmd::SetRecord {
                key: key("start"),
                field: "beslutninger".into(),
                text: text.into(),
            },
            at(1),
        )
    };
    let fx = set(&mut r, "Vi prøver ønsketurnus");
    assert!(fx.contains(&Effect::SaveSheet(key("start"))));
    assert!(
        fx.contains(&Effect::HandOver(key("start"))),
        "finished: rewritten"
    );
    assert_eq!(
        r.sheets[&key("start")].record["beslutninger"],
        "Vi prøver ønsketurnus"
    );
    assert!(
        set(&mut r, "Vi prøver ønsketurnus").is_empty(),
        "unchanged: nothing saved"
    );
    set(&mut r, "  ");
    assert!(r.sheets[&key("start")].record.is_empty());
}
