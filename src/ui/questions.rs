//! Questions: yes or no, a numbered choice, and what to do when quitting could not save.

use super::centered;
use super::theme::Theme;
use super::wrap::wrap;
use crate::app::{App, Screen};
use crate::t;
use crate::text::inert_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Quitting could not save: what failed, what is not saved, and the way on.
pub(super) fn save_failed(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = 76.min(area.width);
    let text_w = width.saturating_sub(4) as usize;
    let error = match &app.screen {
        Screen::Session(s) => s.save_error().unwrap_or_default().to_string(),
        Screen::Home(_) => String::new(),
    };
    let mut lines: Vec<Line> = Vec::new();
    for (text, style) in [
        (t!("app.save_failed_body", error = error), theme.alert()),
        (
            t!("app.save_failed_what", lost = app.unsaved().join(", ")),
            ratatui::style::Style::new(),
        ),
    ] {
        lines.extend(
            wrap(&inert_line(&text), text_w)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }
    lines.push(Line::raw(""));
    lines.extend(
        wrap(t!("app.save_failed_keys"), text_w)
            .into_iter()
            .map(|l| Line::styled(l, theme.key())),
    );
    let rect = centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(super::dialog::frame_block(
            t!("app.save_failed_title"),
            theme,
        )),
        rect,
    );
}

/// A question with numbered answers.
pub(super) fn choice(
    frame: &mut Frame,
    area: Rect,
    question: &str,
    options: &[(String, crate::app::Then)],
    theme: &Theme,
) {
    let width = 76.min(area.width);
    let text_w = width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = wrap(&inert_line(question), text_w)
        .into_iter()
        .map(Line::raw)
        .collect();
    for (i, (text, _)) in options.iter().enumerate() {
        lines.push(Line::raw(""));
        for (j, part) in wrap(&inert_line(text), text_w.saturating_sub(3))
            .into_iter()
            .enumerate()
        {
            let key = if j == 0 {
                format!("{} ", i + 1)
            } else {
                "  ".into()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{key} "), theme.key()),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Esc", theme.key()),
        Span::raw(t!("ui.choice.cancel")),
    ]));
    let rect = centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(super::dialog::frame_block(t!("ui.choice.title"), theme)),
        rect,
    );
}

pub(super) fn confirm(frame: &mut Frame, area: Rect, question: &str, theme: &Theme) {
    let width = 72.min(area.width);
    let mut lines: Vec<Line> = wrap(&inert_line(question), width.saturating_sub(4) as usize)
        .into_iter()
        .map(Line::raw)
        .collect();
    let rect = centered(area, width, lines.len() as u16 + 4);
    frame.render_widget(Clear, rect);
    lines.extend([
        Line::raw(""),
        Line::from(vec![
            Span::styled("j", theme.key()),
            Span::raw(" / "),
            Span::styled("Enter", theme.key()),
            Span::raw(t!("ui.confirm.yes")),
            Span::styled("n", theme.key()),
            Span::raw(" / "),
            Span::styled("Esc", theme.key()),
            Span::raw(t!("ui.confirm.no")),
        ]),
    ]);
    frame.render_widget(
        Paragraph::new(lines).block(super::dialog::frame_block(t!("ui.confirm.title"), theme)),
        rect,
    );
}
