//! Stafettpinne: what the previous session handed on, lists pulled in from further back, and
//! the open measures. Scrolled line by line with ↑ ↓.

use super::super::theme::Theme;
use super::super::document::document_lines;
use crate::export::markdown::handed_on;
use crate::runner::Runner;
use crate::script::Activity;
use crate::t;
use crate::text::{format_date, inert_line};
use crate::worksheet::{SheetKey, Worksheet};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use super::{Cx, View};
use crate::script::activity as spec;

pub struct Stafettpinne<'a> {
    pub r: &'a Runner,
    pub theme: &'a Theme,
}

impl Widget for Stafettpinne<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines: Vec<Line> = Vec::new();
        let baton = self.r.baton();
        if baton.is_empty() {
            lines.push(Line::styled(t!("ui.stafettpinne.first"), self.theme.dim()));
        }
        for (i, (key, sheet)) in baton.iter().enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            self.from(&mut lines, key, *sheet);
        }
        self.further_back(&mut lines, &baton);
        let open = self
            .r
            .forlop
            .plan
            .iter()
            .filter(|m| m.status.is_open())
            .count();
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            t!("ui.stafettpinne.open_measures", open = open),
            self.theme.dim(),
        ));
        let scroll = self.r.selected.min(lines.len().saturating_sub(1)) as u16;
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(area, buf);
    }
}

impl<'a> Stafettpinne<'a> {
    /// What one earlier session handed on, as its hand-off copy says it, without what the
    /// script keeps for the group that prepares.
    fn from(&self, lines: &mut Vec<Line<'a>>, key: &SheetKey, sheet: Option<&'a Worksheet>) {
        let (r, theme) = (self.r, self.theme);
        let name = r
            .script
            .find_session(&key.session)
            .map(|at| {
                format!(
                    "{} · {}",
                    r.script.phases[at.phase].title,
                    r.script.session(at).title
                )
            })
            .unwrap_or_else(|| key.session.clone());
        let Some(sheet) = sheet else {
            lines.push(Line::styled(
                t!("ui.stafettpinne.no_sheet", session = inert_line(&name)),
                theme.dim(),
            ));
            return;
        };
        let when = sheet
            .finished
            .map(|f| t!("ui.stafettpinne.delivered", date = format_date(f.date())))
            .unwrap_or_else(|| sheet.status.label().to_string());
        lines.push(Line::styled(
            t!(
                "ui.stafettpinne.from",
                round = key.round,
                session = inert_line(&name),
                when = when
            ),
            theme.label(),
        ));
        let text = handed_on(&r.script, sheet, &r.sheets);
        if text.trim().is_empty() {
            lines.push(Line::styled(t!("ui.stafettpinne.empty"), theme.dim()));
        }
        lines.extend(document_lines(&text, theme));
    }

    /// Lists this session pulls in from a session its stafettpinne does not show.
    fn further_back(&self, lines: &mut Vec<Line<'a>>, baton: &[(SheetKey, Option<&Worksheet>)]) {
        let r = self.r;
        for step in &r.session().steps {
            if let Activity::Collect(spec::Collect {
                from: Some(from), ..
            }) = &step.activity
                && let Some((key, items)) = r.earlier_list(from)
                && !baton.iter().any(|(shown, _)| *shown == key)
            {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    t!(
                        "ui.stafettpinne.further_back",
                        list = r.script.list_title(from),
                        round = key.round,
                        session = key.session
                    ),
                    self.theme.room(),
                ));
                for item in items {
                    lines.push(Line::raw(format!("• {}", inert_line(&item.text))));
                }
            }
        }
    }
}

impl View for spec::Stafettpinne {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.stafettpinne.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        Stafettpinne {
            r: cx.r,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
