//! «En bra dag på jobb»: steps that repeat for each item, rating, item sets, roles and the
//! summary, as pure transitions, on screen and in the export.

use crate::common;

use common::at;
use common::harness::Harness;
use ratatui::crossterm::event::KeyCode;
use stafett::runner::{Cmd, Effect, Runner};
use stafett::script::Library;

fn script() -> std::sync::Arc<stafett::script::Script> {
    Library::shipped()
        .get("en-bra-dag-pa-jobb")
        .unwrap()
        .clone()
}

/// Forberedelse done for kontorarbeid, with «Leder møte 1» given to the tillitsvalgt; the
/// runner stands at Møte 1's for-each step.
fn at_challenges() -> Runner {
    let mut r = common::runner(script());
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(r.step().id, "bransje");
    r.handle(Cmd::Mark, at(0)); // kontorarbeid, the first set
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Level(2), at(0)); // Leder møte 1 → Tillitsvalgt
    r.handle(Cmd::NextSession, at(0));
    for _ in 0..3 {
        r.handle(Cmd::NextStep, at(0));
    }
    assert_eq!(r.step().id, "utfordring");
    r
}

#[test]
fn picking_a_set_fills_the_list_with_its_items() {
    let mut r = common::runner(script());
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Down, at(0));
    let fx = r.handle(Cmd::Mark, at(0));
    assert!(common::notice(&fx).unwrap().contains("(5 punkter)"));
    assert_eq!(
        common::without_notice(fx),
        vec![Effect::SaveSheet(stafett::worksheet::SheetKey::new(
            1,
            "forberedelse"
        ))]
    );
    let items = r.items("utfordringer");
    assert_eq!(items.len(), 5);
    assert_eq!(items[0].text, "Emosjonelle krav");
    assert!(items[0].reference.contains("ikke sjekket"));
    assert_eq!(r.sheet().unwrap().sets["utfordringer"], "sykehjem");
    // Picking again replaces, it does not add.
    r.handle(Cmd::Up, at(0));
    r.handle(Cmd::Mark, at(0));
    assert_eq!(r.items("utfordringer").len(), 5);
    assert_eq!(
        r.items("utfordringer")[0].text,
        "Rolleuklarhet og sosial støtte"
    );
}

#[test]
fn roles_are_set_per_task_and_shown_as_who_leads() {
    let r = at_challenges();
    assert_eq!(
        r.lead(),
        Some(("Leder møte 1".to_string(), Some("Tillitsvalgt".to_string())))
    );
    assert_eq!(r.forlop.roles.len(), 1);
    let mut r = common::runner(script());
    for _ in 0..2 {
        r.handle(Cmd::NextStep, at(0));
    }
    r.handle(Cmd::Mark, at(0));
    r.handle(Cmd::Mark, at(0));
    assert_eq!(
        r.forlop.roles["Bestiller materiell"], "Tillitsvalgt",
        "space cycles"
    );
    r.handle(Cmd::Level(9), at(0));
    assert!(
        !r.forlop.roles.contains_key("Bestiller materiell"),
        "a number with no role clears it"
    );
}

#[test]
fn a_for_each_step_goes_through_every_item_with_its_own_notes_and_rating() {
    let mut r = at_challenges();
    assert_eq!((r.at.item, r.item_count()), (0, 5));
    assert_eq!(
        r.current_item().unwrap().text,
        "Rolleuklarhet og sosial støtte"
    );
    r.handle(Cmd::Add("Uklart hvem som bestemmer".into()), at(0));
    r.handle(Cmd::Level(3), at(0));
    let fx = r.handle(Cmd::Level(4), at(0));
    assert!(common::notice(&fx).unwrap().contains("fra 1 til 3"));
    assert_eq!(common::without_notice(fx), vec![]);
    let fx = r.handle(Cmd::NextStep, at(0));
    assert_eq!(fx, vec![Effect::SaveForlop]);
    assert_eq!(
        (r.step().id.as_str(), r.at.item, r.forlop.position.item),
        ("utfordring", 1, 1)
    );
    assert!(
        r.visible_items().is_empty(),
        "the next item has its own notes"
    );
    r.handle(Cmd::Add("Mange endringer på kort tid".into()), at(0));
    r.handle(Cmd::Level(1), at(0));
    r.handle(Cmd::PrevStep, at(0));
    assert_eq!(r.visible_items()[0].text, "Uklart hvem som bestemmer");
    // Through the last item, then on to the next step; back lands on the last item.
    for _ in 0..5 {
        r.handle(Cmd::NextStep, at(0));
    }
    assert_eq!(r.step().id, "velg");
    r.handle(Cmd::PrevStep, at(0));
    assert_eq!((r.step().id.as_str(), r.at.item), ("utfordring", 4));
    let items = r.items("utfordringer");
    assert_eq!(
        (items[0].rating, items[1].rating, items[2].rating),
        (Some(3), Some(1), None)
    );
    let notes = &r.sheet().unwrap().lists;
    assert_eq!(
        notes[&format!("notater@{}", items[0].id)][0].text,
        "Uklart hvem som bestemmer"
    );
}

#[test]
fn the_choice_is_ordered_by_rating_and_the_next_meeting_iterates_it() {
    let mut r = at_challenges();
    r.handle(Cmd::Level(1), at(0));
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Level(3), at(0));
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Level(2), at(0));
    for _ in 0..3 {
        r.handle(Cmd::NextStep, at(0));
    }
    assert_eq!(r.step().id, "velg");
    let order: Vec<String> = r.visible_items().iter().map(|i| i.text.clone()).collect();
    assert_eq!(order[0], "Omstilling og endring", "rated 3 comes first");
    assert_eq!(order[1], "Den fysiske arbeidsplassen");
    r.handle(Cmd::Mark, at(0));
    assert_eq!(
        r.rating_text("utfordringer", r.visible_items()[0])
            .as_deref(),
        Some("3 Svært viktig")
    );
    r.handle(Cmd::Finish, at(0));
    assert_eq!(r.session().id, "mote-2");
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(r.step().id, "hva-kan-vi-gjore");
    assert_eq!(r.item_count(), 1);
    assert_eq!(r.current_item().unwrap().text, "Omstilling og endring");
    r.handle(Cmd::SetField("Fast møte hver mandag".into()), at(0));
    let form = r.sheet().unwrap().forms.keys().next().unwrap().clone();
    assert!(form.starts_with("ideer@"), "{form}");
    let md = stafett::export::markdown::forlop(&r.script, &r.forlop, &r.sheets);
    assert!(
        md.contains("### Hva kan vi gjøre?: Omstilling og endring\n\n**Dette kan vi gjøre selv:** Fast møte hver mandag  \n**Dette trenger leder eller andre:** —"),
        "{md}"
    );
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(r.step().id, "tiltak");
    r.handle(
        Cmd::AddMeasure(stafett::worksheet::MeasureDraft {
            tiltak: "Informasjonsmøte ved endringer".into(),
            ..Default::default()
        }),
        at(0),
    );
    assert_eq!(
        r.forlop.plan[0].origin,
        "Runde 1 · Møte 2 – tiltak · Møte med personalet · Omstilling og endring"
    );
}

#[test]
fn the_summary_is_kept_and_exported_first() {
    let mut r = at_challenges();
    r.handle(Cmd::Add("Uklart hvem som bestemmer".into()), at(0));
    r.handle(Cmd::Level(3), at(0));
    r.handle(
        Cmd::GoTo {
            round: 1,
            session: "oppsummering".into(),
        },
        at(0),
    );
    r.handle(
        Cmd::SetField("Vi jobber videre med roller.\\nLeder følger opp.".replace("\\n", "\n")),
        at(0),
    );
    assert_eq!(
        r.sheet().unwrap().summary,
        "Vi jobber videre med roller.\nLeder følger opp."
    );
    r.handle(
        Cmd::AddMeasure(stafett::worksheet::MeasureDraft {
            tiltak: "Avklare roller".into(),
            ..Default::default()
        }),
        at(0),
    );
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::SetField("15.01.2027".into()), at(0));
    let md = stafett::export::markdown::forlop(&r.script, &r.forlop, &r.sheets);
    assert!(
        md.contains(
            "### Oppfølging\n\n**Dato for oppfølging:** 15.01.2027  \n**Hvem kaller inn:** —"
        ),
        "{md}"
    );
    let summary = md.find("## Oppsummering").expect("summary");
    let challenge = md
        .find("### Utfordring: Rolleuklarhet og sosial støtte")
        .expect("challenge");
    let plan = md.find("## Handlingsplan").expect("plan");
    assert!(summary < challenge && challenge < plan, "{md}");
    assert!(
        md.contains("Vurdering: 3 Svært viktig\n\n- Uklart hvem som bestemmer"),
        "{md}"
    );
}

#[test]
fn a_for_each_step_on_screen() {
    let mut h = Harness::new();
    h.app
        .create("en-bra-dag-pa-jobb", "Kontoret", at(0))
        .unwrap();
    h.keys("n ")
        .keys("n")
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .keys("2");
    h.keys("N")
        .keys("nnn")
        .keys("a")
        .keys("Uklart hvem som bestemmer")
        .key(KeyCode::Enter)
        .key(KeyCode::Esc);
    h.keys("3");
    let text = h.text(100, 30);
    assert!(text.contains("Leder møte 1: Tillitsvalgt"), "{text}");
    assert!(
        text.contains("1 av 5: Rolleuklarhet og sosial støtte"),
        "{text}"
    );
    assert!(text.contains("Vurdering: 3 Svært viktig"), "{text}");
    insta::assert_snapshot!(h.draw(100, 30).backend());
}

#[test]
fn a_draft_set_is_marked_in_the_ui() {
    let mut h = Harness::new();
    h.app
        .create("en-bra-dag-pa-jobb", "Sykehjemmet", at(0))
        .unwrap();
    h.keys("n");
    let text = h.text(100, 30);
    assert!(text.contains("⚠ Utkast laget fra STAMI/NOA-tall"), "{text}");
}

/// The export says which industry's challenges were used, with the draft warning of a set
/// that has one, and who does what.
#[test]
fn the_export_has_the_industry_its_warning_and_the_roles() {
    let mut r = common::runner(script());
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Mark, at(0)); // sykehjem, the draft set
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Level(2), at(0)); // Leder møte 1 → Tillitsvalgt
    let md = stafett::export::markdown::forlop(&r.script, &r.forlop, &r.sheets);
    assert!(md.contains("Sykehjem (utkast)"), "{md}");
    assert!(md.contains("⚠ Utkast laget fra STAMI"), "{md}");
    assert!(md.contains("## Hvem gjør hva"), "{md}");
    assert!(md.contains("- Leder møte 1: Tillitsvalgt"), "{md}");
    let key = stafett::worksheet::SheetKey::new(1, "forberedelse");
    let session =
        stafett::export::markdown::session(&r.script, &r.forlop, &r.sheets[&key], &r.sheets);
    assert!(
        session.contains("- Leder møte 1: Tillitsvalgt"),
        "{session}"
    );
}

/// The room is handed on the notes of the challenges the group chose, labelled by challenge;
/// the group's own copy keeps every challenge's notes.
#[test]
fn the_room_gets_the_notes_of_the_chosen_challenges() {
    let mut r = at_challenges();
    r.handle(Cmd::Add("Notat om den første".into()), at(0));
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::Add("Notat om den andre".into()), at(0));
    while r.step().id != "velg" {
        r.handle(Cmd::NextStep, at(0));
    }
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Mark, at(0));
    let chosen = r.items("valgte-utfordringer")[0].text.clone();
    let sheet = r.sheet().unwrap();
    let room = stafett::export::markdown::handed_on(&r.script, sheet, &r.sheets);
    assert!(room.contains(&format!("Utfordring: {chosen}")), "{room}");
    assert!(room.contains("Notat om den andre"), "{room}");
    assert!(!room.contains("Notat om den første"), "{room}");
    let full = stafett::export::markdown::forlop(&r.script, &r.forlop, &r.sheets);
    assert!(full.contains("Notat om den første") && full.contains("Notat om den andre"));
}
