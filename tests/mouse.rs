//! The mouse: the wheel moves the selection like the arrow keys, a click selects the row under
//! it (the topmost layer's only), and `--no-mouse` (or `app.mouse = false`) turns both off.

use crate::common;

use common::harness::Harness;
use ratatui::crossterm::event::{MouseButton, MouseEventKind};

const ITEMS: [&str; 4] = [
    "Travle morgener",
    "Nøkkelen er borte",
    "Mye innleie",
    "Lite pauser",
];

/// The screen row (0-based) where `text` is drawn, at 100×30.
fn row_of(h: &Harness, text: &str) -> u16 {
    h.text(100, 30)
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text} is not on screen")) as u16
}

fn selected_line(h: &Harness) -> String {
    h.text(100, 30)
        .lines()
        .find(|l| l.contains("│ › "))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_click_selects_the_row_under_it_and_the_wheel_moves_like_the_arrows() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5).add_items(&ITEMS);
    assert!(
        selected_line(&h).contains("Lite pauser"),
        "the last added is selected"
    );
    let y = row_of(&h, "Nøkkelen er borte");
    h.mouse(MouseEventKind::Down(MouseButton::Left), 10, y);
    assert!(
        selected_line(&h).contains("Nøkkelen er borte"),
        "{}",
        h.text(100, 30)
    );
    h.mouse(MouseEventKind::ScrollDown, 10, 5);
    assert!(
        selected_line(&h).contains("Mye innleie"),
        "{}",
        h.text(100, 30)
    );
    h.mouse(MouseEventKind::ScrollUp, 10, 5)
        .mouse(MouseEventKind::ScrollUp, 10, 5);
    assert!(
        selected_line(&h).contains("Travle morgener"),
        "{}",
        h.text(100, 30)
    );
    // A click beside the list, or a release, moves nothing.
    h.mouse(MouseEventKind::Down(MouseButton::Left), 90, 2);
    h.mouse(MouseEventKind::Up(MouseButton::Left), 10, y);
    assert!(selected_line(&h).contains("Travle morgener"));
}

#[test]
fn only_the_top_layer_can_be_clicked() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5).add_items(&ITEMS);
    h.draw(100, 30);
    let rows = stafett::ui::hits::take();
    assert_eq!(rows.len(), ITEMS.len(), "{rows:?}");
    let y = row_of(&h, "Travle morgener");
    // The (empty) plan lies over the list: none of the list's rows can be clicked through it.
    h.keys("h");
    h.draw(100, 30);
    assert_eq!(
        stafett::ui::hits::take(),
        [],
        "rows under an overlay are not clickable"
    );
    h.mouse(MouseEventKind::Down(MouseButton::Left), 10, y);
    h.key(ratatui::crossterm::event::KeyCode::Esc);
    assert!(
        selected_line(&h).contains("Lite pauser"),
        "{}",
        h.text(100, 30)
    );
}

#[test]
fn without_the_mouse_neither_wheel_nor_click_does_anything() {
    let mut h = Harness::with_forlop();
    h.utforske_verksted_step(5).add_items(&ITEMS);
    h.app.mouse = false;
    let y = row_of(&h, "Travle morgener");
    h.mouse(MouseEventKind::Down(MouseButton::Left), 10, y);
    h.mouse(MouseEventKind::ScrollUp, 10, 5);
    assert!(selected_line(&h).contains("Lite pauser"));
}

#[test]
fn the_wheel_scrolls_the_home_list_and_a_click_picks_a_forlop() {
    let mut h = Harness::new();
    for name in ["Avd. A", "Avd. B", "Avd. C"] {
        h.app
            .create("grov-risikoanalyse", name, common::at(0))
            .unwrap();
        h.keys("q");
        h.app.quit = false;
    }
    h.app.refresh_home();
    let y = row_of(&h, "Avd. C");
    h.mouse(MouseEventKind::Down(MouseButton::Left), 5, y);
    assert!(selected_line(&h).contains("Avd. C"), "{}", h.text(100, 30));
    h.mouse(MouseEventKind::ScrollUp, 5, y);
    assert!(selected_line(&h).contains("Avd. B"), "{}", h.text(100, 30));
}
