//! The risk grid: pure transitions, views, exports and a 200-row round trip.

use crate::common;

use common::at;
use common::harness::Harness;
use ratatui::crossterm::event::KeyCode;
use stafett::runner::{Cmd, Effect, Runner};
use stafett::script::{Library, ScriptSource};
use stafett::worksheet::RowId;
use stafett::worksheet::risk::{Band, Column, RiskRow, Uncertainty};

/// The shipped script with its example rows rated as a group might rate them, so views and
/// exports of rated rows can be tested; the shipped examples start unrated.
fn script() -> std::sync::Arc<stafett::script::Script> {
    const RATED: [(u8, u8); 5] = [(3, 4), (3, 4), (3, 3), (3, 3), (4, 3)];
    let shipped = Library::shipped();
    let mut script = (**shipped.get("grov-risikoanalyse").unwrap()).clone();
    let steps = script
        .phases
        .iter_mut()
        .flat_map(|p| &mut p.sessions)
        .flat_map(|s| &mut s.steps);
    for step in steps {
        if let stafett::script::Activity::RiskGrid(g) = &mut step.activity {
            for (seed, (p, k)) in g.seed.iter_mut().zip(RATED) {
                (seed.sannsynlighet, seed.konsekvens) = (Some(p), Some(k));
            }
        }
    }
    std::sync::Arc::new(script)
}

/// The shipped scripts, with the rated variant of the risk analysis.
fn library() -> Library {
    let mut lib = Library::shipped();
    let at = lib
        .scripts
        .iter()
        .position(|s| s.id == "grov-risikoanalyse");
    lib.scripts[at.unwrap()] = ScriptSource::parsed(script(), "test".into());
    lib
}

#[test]
fn the_shipped_example_rows_start_unrated() {
    let mut r = common::runner(
        Library::shipped()
            .get("grov-risikoanalyse")
            .unwrap()
            .clone(),
    );
    r.handle(Cmd::NextSession, at(0));
    r.handle(Cmd::NextStep, at(0));
    let rows = r.grid_rows("risiko");
    assert!(!rows.is_empty() && rows.iter().all(|row| row.example));
    assert!(
        rows.iter()
            .all(|row| row.sannsynlighet.is_none() && row.konsekvens.is_none()),
        "rating is the group's work"
    );
}

/// A runner at the assessment step, after «Ekstra tema» was collected in the preparation.
fn at_assessment() -> Runner {
    let mut r = common::runner(script());
    for _ in 0..3 {
        r.handle(Cmd::NextStep, at(0));
    }
    assert_eq!(r.step().id, "tema");
    r.handle(Cmd::Add("Ekstra tema".into()), at(0));
    r.handle(Cmd::NextSession, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(r.step().id, "vurder");
    r
}

#[test]
fn the_grid_starts_with_marked_examples_and_the_collected_themes() {
    let r = at_assessment();
    let rows = r.grid_rows("risiko");
    assert_eq!(rows.len(), 6);
    assert!(rows[..5].iter().all(|row| row.example));
    assert_eq!(rows[0].tema, "Forebyggende sykefraværsarbeid");
    assert_eq!(
        (rows[5].tema.as_str(), rows[5].example, rows[5].id),
        ("Ekstra tema", false, RowId(6))
    );
}

#[test]
fn levels_are_set_with_one_key_in_the_focused_column() {
    let mut r = at_assessment();
    r.handle(Cmd::Down, at(0));
    let fx = r.handle(Cmd::CellLevel(Column::Tema, 5), at(0));
    assert!(
        common::notice(&fx).unwrap().contains("Velg kolonnen"),
        "Tema is a text column"
    );
    assert_eq!(common::without_notice(fx), vec![]);
    let s = Column::Sannsynlighet;
    assert_eq!(s, Column::Tema.moved(3));
    assert_eq!(
        r.handle(Cmd::CellLevel(s, 5), at(0)),
        vec![Effect::SaveForlop]
    );
    let fx = r.handle(Cmd::CellLevel(s, 6), at(0));
    assert!(common::notice(&fx).unwrap().contains("fra 1 til 5"));
    assert_eq!(common::without_notice(fx), vec![]);
    let row = &r.grid_rows("risiko")[1];
    assert_eq!(
        (row.sannsynlighet, row.konsekvens, row.value(), row.example),
        (Some(5), Some(4), Some(20), false)
    );
    assert_eq!(s.moved(-4), Column::RestKonsekvens, "focus wraps round");
    assert_eq!(s.moved(-8), Column::Usikkerhet);
    r.handle(Cmd::CellLevel(Column::Usikkerhet, 3), at(0));
    assert_eq!(r.grid_rows("risiko")[1].usikkerhet, Some(Uncertainty::High));
}

#[test]
fn editing_keeping_deleting_and_moving_rows() {
    let mut r = at_assessment();
    r.handle(
        Cmd::CellText(Column::Hendelse, "  Fravær følges opp for sent  ".into()),
        at(0),
    );
    assert_eq!(
        r.grid_rows("risiko")[0].hendelse,
        "Fravær følges opp for sent"
    );
    assert!(
        !r.grid_rows("risiko")[0].example,
        "an edit makes it the group's own"
    );
    r.handle(Cmd::Down, at(0));
    assert_eq!(
        r.handle(Cmd::Mark, at(0)),
        vec![Effect::SaveForlop],
        "space keeps an example"
    );
    assert_eq!(
        r.handle(Cmd::Mark, at(0)),
        vec![],
        "keeping twice changes nothing"
    );
    r.handle(Cmd::MoveUp, at(0));
    assert_eq!(r.grid_rows("risiko")[0].id, 2);
    r.handle(Cmd::Delete, at(0));
    assert_eq!(r.grid_rows("risiko").len(), 5);
    r.handle(Cmd::Add("Nytt tema".into()), at(0));
    let last = r.grid_rows("risiko").last().unwrap();
    assert_eq!((last.id, last.tema.as_str()), (RowId(7), "Nytt tema"));
    assert_eq!(r.selected, 5);
}

#[test]
fn sorting_puts_the_highest_risk_first_and_keeps_the_selection() {
    let mut r = at_assessment();
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Down, at(0));
    r.handle(Cmd::Down, at(0)); // row 5: 4 × 3 = 12
    r.handle(Cmd::SortByRisk, at(0));
    let values: Vec<Option<u32>> = r.grid_rows("risiko").iter().map(RiskRow::value).collect();
    assert_eq!(
        values,
        [Some(12), Some(12), Some(12), Some(9), Some(9), None]
    );
    assert_eq!(r.grid_rows("risiko")[r.selected].id, 5);
}

#[test]
fn a_proposed_measure_becomes_a_linked_plan_row_once() {
    let mut r = at_assessment();
    r.handle(Cmd::Down, at(0));
    let fx = r.handle(Cmd::ToPlan, at(0));
    assert!(common::notice(&fx).unwrap().contains("svarer på risiko 2"));
    assert_eq!(common::without_notice(fx), vec![Effect::SaveForlop]);
    let m = &r.forlop.plan[0];
    assert_eq!(
        (m.risk, m.tiltak.as_str()),
        (
            Some(RowId(2)),
            "Felles gjennomgang av hva som skal meldes, og tilbakemelding på hver melding"
        )
    );
    assert_eq!(m.origin, "Runde 1 · Risikovurdering · Vurderingsmøte");
    assert_eq!(r.grid_rows("risiko")[1].measure, Some(m.id));
    let fx = r.handle(Cmd::ToPlan, at(0));
    assert!(
        common::notice(&fx)
            .unwrap()
            .contains("allerede i handlingsplanen")
    );
    assert_eq!(common::without_notice(fx), vec![]);
    // A row without a proposal says what to do.
    for _ in 0..4 {
        r.handle(Cmd::Down, at(0));
    }
    let fx = r.handle(Cmd::ToPlan, at(0));
    assert!(
        common::notice(&fx)
            .unwrap()
            .contains("ikke noe foreslått tiltak")
    );
    assert_eq!(common::without_notice(fx), vec![]);
}

#[test]
fn the_setup_switches_scale_and_moves_the_bands_within_bounds() {
    let mut r = common::runner(script());
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!(r.step().id, "skala");
    assert_eq!(r.risk_settings("risiko").unwrap().scale, "5x5");
    r.handle(Cmd::Mark, at(0));
    let set = r.risk_settings("risiko").unwrap();
    assert_eq!(
        (set.scale.as_str(), set.high_from, set.unacceptable_from),
        ("arbeidstilsynet-4x4", 4, 9)
    );
    assert_eq!(r.risk_scale("risiko").unwrap().sannsynlighet.len(), 4);
    r.handle(Cmd::Down, at(0));
    for _ in 0..20 {
        r.handle(Cmd::Mark, at(0));
    }
    assert_eq!(
        r.risk_settings("risiko").unwrap().high_from,
        9,
        "høy never passes uakseptabel"
    );
    r.handle(Cmd::Down, at(0));
    for _ in 0..20 {
        r.handle(Cmd::Mark, at(0));
    }
    assert_eq!(
        r.risk_settings("risiko").unwrap().unacceptable_from,
        16,
        "never above 4 × 4"
    );
    for _ in 0..20 {
        r.handle(Cmd::Unmark, at(0));
    }
    assert_eq!(
        r.risk_settings("risiko").unwrap().unacceptable_from,
        9,
        "never below høy"
    );
    assert_eq!(
        r.risk_settings("risiko").unwrap().band(9),
        Band::Unacceptable
    );
}

#[test]
fn a_200_row_grid_survives_save_and_load() {
    let tmp = tempfile::tempdir().unwrap();
    let store = stafett::worksheet::store::Store::new(tmp.path());
    let (dir, mut f) = store
        .create(
            "Stor enhet",
            "grov-risikoanalyse",
            "forberedelse",
            at(0).wall,
        )
        .unwrap();
    let rows: Vec<RiskRow> = (1..=200u64)
        .map(|i| {
            let mut row = RiskRow::new(i);
            row.tema = format!("Tema {i} med æøå");
            row.hendelse = "Noe kan skje; «sitat» og \"fnutter\"\nto linjer".into();
            row.sannsynlighet = Some((i % 5 + 1) as u8);
            row.konsekvens = Some((i % 3 + 1) as u8);
            row.usikkerhet = Uncertainty::from_level((i % 3 + 1) as u8);
            row.rest_sannsynlighet = Some(1);
            row.example = i % 2 == 0;
            row
        })
        .collect();
    f.grids.insert("risiko".into(), rows);
    dir.save_forlop(&f).unwrap();
    assert_eq!(dir.load_forlop().unwrap(), f);
}

#[test]
fn csv_opens_as_columns_in_a_norwegian_spreadsheet() {
    let mut r = at_assessment();
    r.handle(
        Cmd::CellText(Column::Hendelse, "Fravær; følges \"ikke\" opp".into()),
        at(0),
    );
    let csv = stafett::export::csv::grid(&r.script, &r.forlop, "risiko");
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    // The header, the edited row and the collected theme: the four example rows nobody kept
    // are not exported as real rows.
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].starts_with("ID;Tema;Hva kan skje?;Sårbarhet;Sannsynlighet;Sannsynlighet (nivå)")
    );
    assert!(
        lines[0].ends_with(";Restrisiko;Restrisiko (nivå)"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[0].split(';').count(), 19);
    assert!(
        lines[1]
            .starts_with("1;Forebyggende sykefraværsarbeid;\"Fravær; følges \"\"ikke\"\" opp\";"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains(";3;Sannsynlig;;4;Meget alvorlig;;12;uakseptabel;"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("6;Ekstra tema;"), "{}", lines[2]);
}

#[test]
fn markdown_has_the_grid_and_the_matrix() {
    let r = at_assessment();
    let md = stafett::export::markdown::forlop(&r.script, &r.forlop, &r.sheets);
    assert!(md.contains("## Risikovurdering (risiko)"), "{md}");
    assert!(
        md.contains("Akseptabel: 1–4, høy: 5–11, uakseptabel: 12–25."),
        "{md}"
    );
    assert!(
        md.contains("| 5 _(eksempel)_ | Arbeidsbelastning og turnus |"),
        "{md}"
    );
    assert!(
        md.contains("| 4 Meget sannsynlig | ○  | ◆  | ■ 5 | ■  | ■  |"),
        "{md}"
    );
    assert!(
        md.contains("| 3 Sannsynlig | ○  | ◆  | ◆ 3, 4 | ■ 1, 2 | ■  |"),
        "{md}"
    );
}

fn grid_harness() -> Harness {
    let mut h = Harness::with_library(library());
    h.app
        .create("grov-risikoanalyse", "Enhet Nord", at(0))
        .unwrap();
    h.keys("N").keys("n");
    h
}

#[test]
fn table_view_80x24() {
    let mut h = grid_harness();
    h.key(KeyCode::Down)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .keys("5");
    insta::assert_snapshot!(h.draw(80, 24).backend());
}

#[test]
fn table_view_with_the_guide_hidden_120x36() {
    let mut h = grid_harness();
    h.keys("f");
    insta::assert_snapshot!(h.draw(120, 36).backend());
}

#[test]
fn matrix_view_80x24_and_100x30() {
    let mut h = grid_harness();
    h.key(KeyCode::Down).keys("vf");
    insta::assert_snapshot!("matrix_80x24", h.draw(80, 24).backend());
    insta::assert_snapshot!("matrix_100x30", h.draw(100, 30).backend());
    // Moving the selection in the table moves the marked cell in the matrix.
    let before = h.text(100, 30);
    h.key(KeyCode::Down).key(KeyCode::Down);
    assert_ne!(before, h.text(100, 30));
    assert!(h.text(100, 30).contains("›◆ høy"), "{}", h.text(100, 30));
}

#[test]
fn setup_view() {
    let mut h = Harness::with_library(library());
    h.app
        .create("grov-risikoanalyse", "Enhet Nord", at(0))
        .unwrap();
    h.keys("nn");
    insta::assert_snapshot!(h.draw(100, 30).backend());
}

#[test]
fn matrix_without_colour_still_says_the_band_in_every_cell() {
    let mut h = grid_harness();
    h.app.color = false;
    h.keys("vf");
    let text = h.text(100, 30);
    for band in ["○ akseptabel", "◆ høy", "■ uakseptabel"] {
        assert!(text.contains(band), "{band}: {text}");
    }
    assert!(
        h.draw(100, 30)
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| c.bg == ratatui::style::Color::Reset)
    );
}

/// Row 0 at 5 × 5, then back at the setup step, where the scale can be switched.
fn assessed_then_setup() -> Runner {
    let mut r = at_assessment();
    r.handle(Cmd::CellLevel(Column::Sannsynlighet, 5), at(0));
    r.handle(Cmd::CellLevel(Column::Konsekvens, 5), at(0));
    r.handle(
        Cmd::GoTo {
            round: 1,
            session: "forberedelse".into(),
        },
        at(0),
    );
    r.handle(Cmd::NextStep, at(0));
    r.handle(Cmd::NextStep, at(0));
    assert_eq!((r.step().id.as_str(), r.selected), ("skala", 0));
    r
}

fn levels(r: &Runner) -> Vec<(Option<u8>, Option<u8>, String)> {
    r.grid_rows("risiko")
        .iter()
        .map(|row| (row.sannsynlighet, row.konsekvens, row.tema.clone()))
        .collect()
}

#[test]
fn switching_to_a_smaller_scale_after_assessing_asks_first() {
    let mut r = assessed_then_setup();
    let before = levels(&r);
    let fx = r.handle(Cmd::Mark, at(0));
    assert!(
        common::notice(&fx).unwrap().contains("Velg først"),
        "{fx:?}"
    );
    assert_eq!(common::without_notice(fx), vec![]);
    assert_eq!(r.risk_settings("risiko").unwrap().scale, "5x5");
    assert_eq!(levels(&r), before, "nothing changed");
    assert_eq!(
        r.scale_switch("risiko", true)
            .map(|(s, n)| (s.id.as_str(), n)),
        Some(("arbeidstilsynet-4x4", 5)),
        "the five example rows are rated; the new theme is not"
    );
}

#[test]
fn mapping_spreads_the_levels_over_the_new_scale_and_is_recorded() {
    use stafett::worksheet::risk::LevelChange;
    let mut r = assessed_then_setup();
    let before = levels(&r);
    let fx = r.handle(
        Cmd::SwitchScale {
            forward: true,
            levels: LevelChange::Map,
        },
        at(60_000),
    );
    assert_eq!(fx, vec![Effect::SaveForlop]);
    assert_eq!(
        r.risk_settings("risiko").unwrap().scale,
        "arbeidstilsynet-4x4"
    );
    let after = levels(&r);
    assert_eq!(
        (after[0].0, after[0].1),
        (Some(4), Some(4)),
        "the top stays the top"
    );
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.2, a.2, "texts are kept");
        let expect = |l: Option<u8>| l.map(|l| [1, 2, 3, 3, 4][usize::from(l) - 1]);
        assert_eq!((a.0, a.1), (expect(b.0), expect(b.1)), "{}", b.2);
    }
    let changes = &r.risk_settings("risiko").unwrap().changes;
    assert_eq!(changes.len(), 1);
    assert!(
        changes[0].before.starts_with("5x5") && changes[0].after.starts_with("arbeidstilsynet-4x4")
    );
    assert_eq!(changes[0].levels, "nivåene regnet om");
    let md = stafett::export::markdown::forlop(&r.script, &r.forlop, &r.sheets);
    assert!(
        md.contains("Endringer i skala eller grenser etter at vurderingen startet:"),
        "{md}"
    );
    assert!(md.contains("5x5, høy fra 5, uakseptabel fra 12 → arbeidstilsynet-4x4, høy fra 4, uakseptabel fra 9 (nivåene regnet om)"), "{md}");
}

#[test]
fn clearing_removes_only_the_levels_that_do_not_fit() {
    use stafett::worksheet::risk::LevelChange;
    let mut r = assessed_then_setup();
    let before = levels(&r);
    r.handle(
        Cmd::SwitchScale {
            forward: true,
            levels: LevelChange::Clear,
        },
        at(0),
    );
    let after = levels(&r);
    assert_eq!((after[0].0, after[0].1), (None, None));
    for (b, a) in before.iter().zip(&after).skip(1) {
        let keep = |l: Option<u8>| l.filter(|&l| l <= 4);
        assert_eq!((a.0, a.1, &a.2), (keep(b.0), keep(b.1), &b.2));
    }
}

#[test]
fn the_scale_question_can_be_cancelled_or_answered_on_screen() {
    let mut h = grid_harness();
    h.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .keys("5");
    h.keys("P").keys("nn");
    h.keys(" ");
    let text = h.text(100, 30);
    assert!(
        text.contains("Regn om nivåene") && text.contains("Esc"),
        "{text}"
    );
    h.key(KeyCode::Esc);
    let scale = |h: &Harness| {
        h.app
            .session()
            .unwrap()
            .runner
            .risk_settings("risiko")
            .unwrap()
            .scale
    };
    assert_eq!(scale(&h), "5x5", "Esc changes nothing");
    assert!(!h.text(100, 30).contains("Regn om nivåene"));
    h.keys(" ").keys("1");
    assert_eq!(scale(&h), "arbeidstilsynet-4x4");
    let top = h.app.session().unwrap().runner.grid_rows("risiko")[0].sannsynlighet;
    assert_eq!(top, Some(4));
}

#[test]
fn a_level_outside_the_scale_is_shown_and_exported_not_hidden() {
    let mut h = grid_harness();
    {
        let stafett::app::Screen::Session(s) = &mut h.app.screen else {
            panic!()
        };
        let rows = s.runner.forlop.grids.get_mut("risiko").unwrap();
        rows[0].sannsynlighet = Some(7);
        rows[0].konsekvens = Some(2);
        rows[0].example = false;
    }
    h.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    let table = h.text(120, 36);
    assert!(table.contains("7 utenfor skalaen"), "{table}");
    h.keys("v");
    let matrix = h.text(120, 36);
    assert!(
        matrix.contains("Utenfor skalaen (vises ikke i matrisen): R1"),
        "{matrix}"
    );
    let s = h.app.session().unwrap();
    let (script, forlop) = (&s.runner.script, &s.runner.forlop);
    let md = stafett::export::markdown::forlop(script, forlop, &s.runner.sheets);
    assert!(
        md.contains("7 utenfor skalaen") && md.contains("vises ikke i matrisen): R1"),
        "{md}"
    );
    let csv = stafett::export::csv::grid(script, forlop, "risiko");
    assert!(csv.contains("7;utenfor skalaen"), "{csv}");
}

/// `0` takes a level away again; a cleared example row stays an example.
#[test]
fn a_level_can_be_cleared_with_zero() {
    let mut r = at_assessment();
    let s = Column::Sannsynlighet;
    assert_eq!(r.grid_rows("risiko")[0].sannsynlighet, Some(3));
    let fx = r.handle(Cmd::CellLevel(s, 0), at(0));
    assert!(fx.contains(&Effect::SaveForlop));
    let row = &r.grid_rows("risiko")[0];
    assert_eq!((row.sannsynlighet, row.example), (None, true));
    r.handle(Cmd::CellLevel(s, 2), at(0));
    assert!(
        !r.grid_rows("risiko")[0].example,
        "a level set makes the row the group's"
    );
}

/// «Risikobildet» shows the matrix itself when the step opens; `v` goes to the table, and the
/// next step starts in its own view again.
#[test]
fn the_risk_picture_step_opens_as_the_matrix() {
    let mut h = grid_harness();
    assert!(
        !h.text(100, 30).contains("›◆ høy"),
        "the assessment opens as the table"
    );
    let axes = "S ↑  K →";
    assert!(!h.text(100, 30).contains(axes));
    h.keys("n");
    let text = h.text(100, 30);
    assert!(text.contains("Risikobildet"), "{text}");
    assert!(text.contains(axes), "{text}");
    h.keys("v");
    assert!(!h.text(100, 30).contains(axes), "v shows the table");
    h.keys("p").keys("n");
    assert!(
        h.text(100, 30).contains(axes),
        "back on the step, the matrix again"
    );
}

/// While rating, the focused level column shows what each level means, from the script.
#[test]
fn the_levels_are_explained_while_rating() {
    let mut h = grid_harness();
    assert!(!h.text(120, 40).contains("bare tenkt"));
    for _ in 0..Column::ALL.len() {
        if h.text(120, 40).contains("› Sannsynlighet") {
            break;
        }
        h.key(KeyCode::Tab);
    }
    let text = h.text(120, 40);
    assert!(text.contains("1 Lite sannsynlig: bare tenkt"), "{text}");
    assert!(
        text.contains("5 Svært sannsynlig: skjer her ofte"),
        "{text}"
    );
    h.key(KeyCode::Tab).key(KeyCode::Tab);
    let text = h.text(120, 40);
    assert!(
        text.contains("5 Svært alvorlig: varig helseskade"),
        "{text}"
    );
}
