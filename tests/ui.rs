//! Screens drawn on a TestBackend, driven by key events as a facilitator would press them.

use crate::common;

use common::at;
use common::harness::Harness;
use ratatui::crossterm::event::{Event, KeyCode};

#[test]
fn home_without_forlop_explains_how_to_start() {
    let h = Harness::new();
    insta::assert_snapshot!(h.draw(80, 24).backend());
}

#[test]
fn new_forlop_dialog() {
    let mut h = Harness::new();
    h.keys("a").keys("Randaberg sykehjem");
    insta::assert_snapshot!(h.draw(80, 24).backend());
}

#[test]
fn home_lists_forlop_with_where_they_were_left() {
    let mut h = Harness::with_forlop();
    h.keys("NN").keys("q");
    h.app.refresh_home();
    let text = h.text(80, 24);
    assert!(text.contains("Randaberg sykehjem, avd. 2"), "{text}");
    assert!(
        text.contains("runde 1 · 0 økter ferdig · sist: Utforske · Verksted"),
        "{text}"
    );
}

#[test]
fn collect_step_80x24() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5).add_items(&[
        "Travle morgener med mange som trenger hjelp samtidig, og for få på jobb",
        "Nøkkelen til medisinrommet er borte",
        "Mye innleie på kveld",
    ]);
    insta::assert_snapshot!(h.draw(80, 24).backend());
}

#[test]
fn vote_step_with_the_guide_hidden() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5)
        .add_items(&["Travle morgener", "Nøkkel borte", "Innleie"]);
    h.keys("nn")
        .keys("   ")
        .key(KeyCode::Down)
        .keys(" ")
        .keys("f");
    insta::assert_snapshot!(h.draw(100, 30).backend());
}

#[test]
fn choose_step_shows_votes_and_the_choice() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5)
        .add_items(&["Travle morgener", "Nøkkel borte", "Innleie"]);
    h.keys("nn")
        .key(KeyCode::Down)
        .keys("  ")
        .keys("n")
        .keys(" ");
    let text = h.text(100, 30);
    assert!(text.contains("Valgt: 1 av høyst 3"), "{text}");
    assert!(text.contains("› [✓] Nøkkel borte  (2 ●)"), "{text}");
    insta::assert_snapshot!(h.draw(100, 30).backend());
}

#[test]
fn stafettpinne_shows_what_the_last_session_handed_on() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5)
        .add_items(&["Travle morgener", "Nøkkel borte"]);
    h.keys("nnn").keys(" ").keys("F").key(KeyCode::Enter);
    h.key(KeyCode::Esc); // the record is optional
    let text = h.text(100, 30);
    assert!(text.contains("Utdype › Forberedelsesmøte"), "{text}");
    insta::assert_snapshot!(h.draw(100, 30).backend());
}

#[test]
fn timer_running_and_over_time() {
    let mut h = Harness::with_forlop();
    h.keys("t");
    h.app.tick(at(h.ms + 61_000));
    let text = h.text(80, 24);
    assert!(text.contains("▶ 01:01 / 05:00"), "{text}");
    h.app.tick(at(h.ms + 6 * 60_000));
    let text = h.text(80, 24);
    assert!(
        text.contains("▶ 01:00 over tiden (05:00 planlagt)"),
        "{text}"
    );
    assert!(h.app.take_bell(), "the bell rang when time was up");
    h.keys("t");
}

#[test]
fn overview_draws_the_circle_and_every_session() {
    let mut h = Harness::with_forlop();
    h.keys("ooo");
    insta::assert_snapshot!("overview_120x32", h.draw(120, 32).backend());
    let text = h.text(80, 24);
    assert!(
        text.contains("▶ ○ Starte · Oppstarts- og arbeidsmøte (HMS-gruppe) — ikke startet"),
        "{text}"
    );
}

#[test]
fn overview_enter_goes_to_the_chosen_session() {
    let mut h = Harness::with_forlop();
    h.keys("o")
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    let text = h.text(100, 30);
    assert!(
        text.contains("Oss og vårt › Utdype › Forberedelsesmøte › steg 1 av 3"),
        "{text}"
    );
}

#[test]
fn help_lists_the_keys_80x24() {
    let mut h = Harness::with_forlop();
    h.keys("?");
    insta::assert_snapshot!(h.draw(80, 24).backend());
}

#[test]
fn plan_step_with_a_late_measure() {
    let mut h = Harness::with_forlop();
    h.keys("nnnnn").keys("a").keys("Fast tid for rapport");
    h.key(KeyCode::Tab)
        .keys("Leder")
        .key(KeyCode::Tab)
        .keys("01.11.2026")
        .key(KeyCode::Enter);
    h.keys("a")
        .keys("Nøkkelskap")
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .keys("31.02.2027")
        .key(KeyCode::Enter);
    let text = h.text(100, 30);
    assert!(text.contains("31.02.2027» er ikke en dato"), "{text}");
    h.key(KeyCode::Tab).key(KeyCode::Char('u'));
    // Typed text is not thrown away by one Esc: the first one says so, the second discards.
    h.key(KeyCode::Esc);
    let text = h.text(100, 30);
    assert!(text.contains("Esc en gang til forkaster teksten"), "{text}");
    h.key(KeyCode::Esc);
    insta::assert_snapshot!(h.draw(100, 30).backend());
}

#[test]
fn too_small_asks_for_a_larger_window_and_never_panics() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5)
        .add_items(&["Et punkt med 日本語 og 😀 og e\u{301}"]);
    insta::assert_snapshot!(h.draw(40, 10).backend());
    for w in [1u16, 2, 5, 20, 59, 60, 61, 79, 80, 120] {
        for ht in [1u16, 2, 5, 15, 16, 17, 24, 40] {
            h.draw(w, ht);
        }
    }
    h.keys("e");
    for w in [1u16, 10, 60, 80] {
        for ht in [1u16, 10, 16, 24] {
            h.draw(w, ht);
        }
    }
}

#[test]
fn no_color_keeps_the_meaning_in_text() {
    let mut h = Harness::with_forlop();
    h.app.color = false;
    h.keys("ooo");
    let t = h.draw(100, 30);
    let buf = t.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset),
        "no foreground colour"
    );
    assert!(
        format!("{}", t.backend()).contains("◐ pågår")
            || format!("{}", t.backend()).contains("○ ikke startet")
    );
}

/// Escape sequences typed, pasted or stored never reach the terminal raw.
#[test]
fn escape_sequences_are_shown_as_placeholders() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5).keys("a");
    h.app.on_event(
        Event::Paste("rødt\u{1b}[31m og \u{1b}]52;c;aGVp\u{7} slutt".into()),
        at(1),
    );
    h.key(KeyCode::Enter).key(KeyCode::Esc);
    let t = h.draw(100, 30);
    let text = format!("{}", t.backend());
    assert!(text.contains("rødt␛[31m og ␛]52;c;aGVp␇ slutt"), "{text}");
    for cell in t.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
}

/// The room sees only the room's: a step the script keeps for the group that prepares is left
/// out of the stafettpinne (the full export keeps it), and fields come in the script's order.
#[test]
fn a_private_step_never_reaches_the_rooms_stafettpinne() {
    use stafett::export::markdown;
    use stafett::worksheet::{SheetKey, Worksheet};
    let script = stafett::script::parse(
        r#"(
  format: 1, id: "t", title: "T", summary: "",
  phases: [(id: "p", title: "P", summary: "", sessions: [
    (id: "forberedelse", title: "Forberedelse", kind: HmsGruppe, steps: [
      (id: "rammer", title: "Rammer", minutes: 5, room: "r",
       activity: Fields(form: "rammer", fields: ["Zebra", "Alfa"])),
      (id: "internt", title: "Internt", minutes: 5, room: "r", private: true,
       activity: Fields(form: "internt", fields: ["Bekymring"])),
    ]),
    (id: "verksted", title: "Verksted", kind: Verksted, baton_from: ["forberedelse"], steps: [
      (id: "pinne", title: "Pinne", minutes: 5, room: "r", activity: Stafettpinne),
    ]),
  ])],
)"#,
    )
    .unwrap();
    let key = SheetKey::new(1, "forberedelse");
    let mut sheet = Worksheet::new(&key);
    let form = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    sheet.forms.insert(
        "rammer".into(),
        form(&[
            ("Alfa", "Budsjettet er fast"),
            ("Zebra", "Ingen nye stillinger"),
        ]),
    );
    sheet.forms.insert(
        "internt".into(),
        form(&[("Bekymring", "Konflikt på kveld")]),
    );
    // A form an older version of the script had: still the group's work.
    sheet.forms.insert(
        "gammelt-skjema".into(),
        form(&[("Felt", "Skrevet før endringen")]),
    );
    let all = std::collections::BTreeMap::from([(key, sheet.clone())]);
    let room = markdown::handed_on(&script, &sheet, &all);
    assert!(!room.contains("Konflikt på kveld"), "{room}");
    assert!(!room.contains("Internt"), "{room}");
    let (zebra, alfa) = (room.find("Zebra").unwrap(), room.find("Alfa").unwrap());
    assert!(zebra < alfa, "script order, not alphabetical: {room}");
    let mut forlop = common::forlop(&script);
    forlop.name = "Avd".into();
    let full = markdown::forlop(&script, &forlop, &all);
    assert!(
        full.contains("Konflikt på kveld"),
        "the group's own copy keeps it"
    );
    assert!(
        full.contains("Skrevet før endringen"),
        "nothing lost when a script changes"
    );
    assert!(!room.contains("Skrevet før endringen"), "{room}");
}

/// Skape's verksted builds on Utdype's: its stafettpinne shows the concrete challenges.
#[test]
fn skape_verksted_shows_what_utdype_made_concrete() {
    let mut h = Harness::with_forlop();
    let go = |h: &mut Harness, session: &str| {
        let stafett::app::Screen::Session(s) = &mut h.app.screen else {
            panic!("a session is open");
        };
        s.command(
            stafett::runner::Cmd::GoTo {
                round: 1,
                session: session.into(),
            },
            at(h.ms),
        );
    };
    go(&mut h, "utdype-verksted");
    h.keys("nn")
        .add_items(&["Ingen tid til overlapp på kveldsvakt"]);
    assert!(h.text(100, 30).contains("Gjør utfordringene konkrete"));
    go(&mut h, "skape-verksted");
    h.keys("n");
    let text = h.text(100, 30);
    assert!(text.contains("Fra runde 1 · Utdype · Verksted"), "{text}");
    assert!(
        text.contains("Ingen tid til overlapp på kveldsvakt"),
        "{text}"
    );
}

/// A session ends with its closing view: what it made, which sessions take it on, the next
/// meeting.
#[test]
fn the_closing_view_says_what_was_made_and_where_it_goes() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5)
        .add_items(&["Travle morgener", "Nøkkel borte"]);
    h.keys("nnnnn");
    let text = h.text(100, 40);
    assert!(text.contains("Dette tar vi med oss"), "{text}");
    assert!(text.contains("Dette har økta laget"), "{text}");
    assert!(text.contains("• Travle morgener"), "{text}");
    assert!(text.contains("Stafettpinnen går videre til"), "{text}");
    assert!(
        text.contains("• runde 1 · Utdype · Forberedelsesmøte"),
        "{text}"
    );
    assert!(text.contains("• runde 1 · Utdype · Verksted"), "{text}");
    assert!(
        text.contains("Neste møte: runde 1 · Utdype · Forberedelsesmøte"),
        "{text}"
    );
    insta::assert_snapshot!(h.draw(100, 40).backend());
}

/// A session with a short version offers it on its first step; chosen, the time says so.
#[test]
fn the_short_version_is_offered_at_the_start_and_shown() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(1);
    let text = h.text(100, 30);
    assert!(text.contains("T: kort versjon, 48 min i stedet"), "{text}");
    assert!(text.contains("økta 0 av 78 min"), "{text}");
    h.keys("T");
    let text = h.text(100, 30);
    assert!(text.contains("økta 0 av 48 min (kort versjon)"), "{text}");
    h.keys("n");
    assert!(
        !h.text(100, 30).contains("T: kort versjon"),
        "offered at the start only"
    );
}

/// `V` switches to the projector theme (no dark grey) and back.
#[test]
fn v_switches_to_the_projector_theme_and_back() {
    use ratatui::style::Color;
    let mut h = Harness::with_forlop();
    let border = |h: &Harness| h.draw(100, 30).backend().buffer()[(0, 2)].fg;
    assert_eq!(border(&h), Color::DarkGray);
    h.keys("V");
    assert_eq!(border(&h), Color::White, "high contrast on the projector");
    h.keys("V");
    assert_eq!(border(&h), Color::DarkGray);
}

/// On the projector a tall window shows the step's title in large type (æøå too); a small one,
/// or the standard theme, keeps it on one line.
#[test]
fn the_projector_shows_the_title_in_large_type_when_there_is_room() {
    let mut h = Harness::with_forlop();
    let title_rows = |h: &Harness, w: u16, rows: u16| -> Vec<String> {
        h.text(w, rows)
            .lines()
            .skip(3)
            .take(4)
            .map(str::to_string)
            .collect()
    };
    let block = |rows: &[String]| rows.iter().any(|r| r.contains('▀') || r.contains('█'));
    assert!(!block(&title_rows(&h, 140, 45)), "standard theme: one line");
    h.keys("V");
    let big = title_rows(&h, 140, 45);
    assert!(block(&big), "{big:#?}");
    assert!(!big.iter().any(|r| r.contains("Hvem er her?")), "{big:#?}");
    assert!(!block(&title_rows(&h, 100, 30)), "a small window: one line");
    assert!(h.text(100, 30).contains("Hvem er her?"));
}

#[test]
fn large_type_has_the_norwegian_letters() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;
    for letter in ["Æ", "Ø", "Å", "æ", "ø", "å"] {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 4));
        tui_big_text::BigText::builder()
            .pixel_size(tui_big_text::PixelSize::HalfHeight)
            .lines([letter.into()])
            .build()
            .render(buf.area, &mut buf);
        let inked = buf.content().iter().filter(|c| c.symbol() != " ").count();
        assert!(inked > 4, "{letter} has a glyph");
    }
}

#[test]
fn the_step_counter_stays_in_the_header_when_the_path_does_not_fit() {
    let h = Harness::with_forlop();
    let header = |w: u16| h.text(w, 30).lines().next().unwrap_or_default().to_string();
    let wide = header(160);
    assert!(
        wide.contains("Oss og vårt › Starte › ") && wide.contains("steg 1 av "),
        "{wide}"
    );
    let narrow = header(64);
    assert!(
        narrow.contains("Oppstarts- og arbeidsmøte › steg 1 av "),
        "{narrow}"
    );
    assert!(!narrow.contains("Oss og vårt"), "{narrow}");
    let tiny = header(60);
    assert!(tiny.contains("steg 1 av "), "{tiny}");
}
