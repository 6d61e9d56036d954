//! Closing: what this session made (as its hand-off copy says it, without private steps),
//! which sessions take it on, the next meeting and the open measures. Scrolled with ↑ ↓.

use super::super::document::document_lines;
use super::super::theme::Theme;
use super::{Cx, View};
use crate::export::markdown::handed_on;
use crate::runner::Runner;
use crate::script::activity as spec;
use crate::t;
use crate::text::inert_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub struct Closing<'a> {
    pub r: &'a Runner,
    pub theme: &'a Theme,
}

impl Widget for Closing<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (r, theme) = (self.r, self.theme);
        let mut lines = vec![Line::styled(t!("ui.closing.made"), theme.label())];
        let made = r
            .sheet()
            .map(|sheet| handed_on(&r.script, sheet, &r.sheets))
            .unwrap_or_default();
        if made.trim().is_empty() {
            lines.push(Line::styled(t!("ui.closing.nothing"), theme.dim()));
        }
        lines.extend(document_lines(&made, theme));
        let title = |round: u32, at| {
            let def = r.script.session(at);
            t!(
                "ui.closing.session",
                round = round,
                phase = inert_line(&r.script.phases[at.phase].title),
                session = inert_line(&def.title),
                kind = def.kind.label(),
                minutes = def.planned_minutes()
            )
        };
        let to = r.handed_to();
        if !to.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(t!("ui.closing.goes_on"), theme.label()));
            for &(round, at) in &to {
                lines.push(Line::raw(format!("• {}", title(round, at))));
            }
        }
        lines.push(Line::raw(""));
        lines.push(match r.next_instance() {
            Some((round, at)) => Line::styled(
                t!("ui.closing.next", session = title(round, at)),
                theme.room(),
            ),
            None => Line::styled(t!("ui.closing.last"), theme.room()),
        });
        let open = r.forlop.plan.iter().filter(|m| m.status.is_open()).count();
        lines.push(Line::styled(
            t!("ui.stafettpinne.open_measures", open = open),
            theme.dim(),
        ));
        let scroll = r.selected.min(lines.len().saturating_sub(1)) as u16;
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(area, buf);
    }
}

impl View for spec::Closing {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.closing.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        Closing {
            r: cx.r,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
