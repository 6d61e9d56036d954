//! Rendering. Every function here takes the app by shared reference: drawing only reads state.

mod activity;
mod dialog;
mod document;
mod header;
pub mod hits;
mod home;
mod overview;
pub mod plain;
mod plan;
mod questions;
mod rows;
mod session;
pub mod theme;
pub mod wrap;

use crate::app::{App, Screen};
use crate::t;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use theme::Theme;

/// Below this size the layout would break; a short message asks for a larger window.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    hits::forget();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let theme = Theme::named(app.theme, app.color);
    // Practice is marked on every screen: a line of its own across the top.
    let area = if app.in_practice() {
        let [banner, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let text = Line::from(Span::styled(t!("ui.practice_banner"), theme.warn())).centered();
        frame.render_widget(Paragraph::new(text), banner);
        rest
    } else {
        area
    };
    match &app.screen {
        Screen::Home(home) => home::draw(frame, area, app, home, &theme),
        Screen::Session(s) => session::draw(frame, area, app, s, &theme),
    }
    for overlay in &app.overlays {
        hits::forget();
        dialog::draw(frame, area, app, overlay, &theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = t!(
        "ui.gjor_vinduet_storre_stafett_trenger",
        min_width = MIN_WIDTH,
        min_height = MIN_HEIGHT,
        width = area.width,
        height = area.height
    );
    let y = area.height.saturating_sub(3) / 2;
    let rect = Rect::new(area.x, area.y + y, area.width, area.height - y);
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A rectangle of at most `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Key hints for a dialog's bottom border: ` key label  key label `.
pub fn title_keys<'a>(keys: &[(String, &'a str)], theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for (i, (key, label)) in keys.iter().enumerate() {
        let lead = if i == 0 { " " } else { "" };
        let gap = if i + 1 == keys.len() { " " } else { "  " };
        spans.push(Span::styled(format!("{lead}{key}"), theme.key()));
        spans.push(Span::raw(format!(" {label}{gap}")));
    }
    Line::from(spans)
}

/// A footer of `key label` pairs, as many as fit the width.
pub fn key_line<'a>(keys: &[(String, &'a str)], width: u16, theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (key, label) in keys {
        let need = key.chars().count() + label.chars().count() + 3;
        if used + need > width as usize {
            break;
        }
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
        used += need;
    }
    Line::from(spans)
}
