//! Fields: named text fields, each with what has been written in it.

use super::super::rows::Rows;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::runner::Runner;
use crate::t;
use crate::text::{inert, inert_line};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use super::{Cx, View};
use crate::script::activity as spec;

pub struct Fields<'a> {
    pub r: &'a Runner,
    pub form: &'a str,
    pub fields: &'a [String],
    pub theme: &'a Theme,
}

impl Widget for Fields<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width as usize;
        let values = self.r.sheet().and_then(|s| s.forms.get(self.form));
        let row = |i: usize| {
            let label = &self.fields[i];
            let mut lines = vec![Line::styled(
                format!("{}:", inert_line(label)),
                self.theme.label(),
            )];
            match values
                .and_then(|v| v.get(label))
                .filter(|v| !v.trim().is_empty())
            {
                Some(v) => lines.extend(
                    wrap(&inert(v), width.saturating_sub(4))
                        .into_iter()
                        .map(|l| Line::raw(format!("  {l}"))),
                ),
                None => lines.push(Line::styled(t!("ui.fields.empty"), self.theme.dim())),
            }
            lines
        };
        Rows {
            count: self.fields.len(),
            row,
            selected: Some(self.r.selected),
            theme: self.theme,
        }
        .render(area, buf);
    }
}

impl View for spec::Fields {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.fields.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        Fields {
            r: cx.r,
            form: &self.form,
            fields: &self.fields,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
