//! Stafettpinne: what the previous session handed on, lists pulled in from further back, and
//! the open measures. Scrolled line by line with ↑ ↓.

use super::super::theme::Theme;
use crate::text::list_title;
use crate::runner::Runner;
use crate::script::Activity;
use crate::t;
use crate::text::{format_date, inert_line};
use crate::worksheet::{SheetKey, Worksheet};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
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
        match self.r.previous_sheet() {
            None => lines.push(Line::styled(t!("ui.stafettpinne.first"), self.theme.dim())),
            Some((key, sheet)) => self.previous(&mut lines, &key, sheet),
        }
        self.further_back(&mut lines);
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
    fn previous(&self, lines: &mut Vec<Line<'a>>, key: &SheetKey, sheet: Option<&'a Worksheet>) {
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
        for (list, items) in sheet.lists.iter().filter(|(_, i)| !i.is_empty()) {
            lines.push(Line::raw(""));
            lines.push(Line::styled(list_title(list), theme.room()));
            for item in items {
                let votes = if item.votes > 0 {
                    format!("  ({} ●)", item.votes)
                } else {
                    String::new()
                };
                lines.push(Line::raw(format!("• {}{votes}", inert_line(&item.text))));
            }
        }
        for (form, values) in &sheet.forms {
            let filled: Vec<_> = values
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .collect();
            if filled.is_empty() {
                continue;
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(list_title(form), theme.room()));
            for (label, value) in filled {
                lines.push(Line::from(vec![
                    Span::styled(format!("{}: ", inert_line(label)), theme.label()),
                    Span::raw(inert_line(value).into_owned()),
                ]));
            }
        }
        if !sheet.has_content() {
            lines.push(Line::styled(t!("ui.stafettpinne.empty"), theme.dim()));
        }
    }

    /// Lists this session pulls in from further back than the previous session.
    fn further_back(&self, lines: &mut Vec<Line<'a>>) {
        let r = self.r;
        for step in &r.session().steps {
            if let Activity::Collect(spec::Collect {
                from: Some(from), ..
            }) = &step.activity
                && let Some((key, items)) = r.earlier_list(from)
                && r.previous_sheet().is_none_or(|(prev, _)| prev != key)
            {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    t!(
                        "ui.stafettpinne.further_back",
                        list = list_title(from),
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
