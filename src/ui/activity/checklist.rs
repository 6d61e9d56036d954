//! Checklist: ticks and counts, e.g. who is present by role.

use super::super::rows::Rows;
use super::super::theme::Theme;
use crate::runner::Runner;
use crate::script::CheckDef;
use crate::text::inert_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use super::{Cx, View};
use crate::script::activity as spec;
use crate::t;

pub struct Checklist<'a> {
    pub r: &'a Runner,
    pub items: &'a [CheckDef],
    pub theme: &'a Theme,
}

impl Widget for Checklist<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let checks = self.r.sheet().and_then(|s| s.checks.get(&self.r.step().id));
        let row = |i: usize| {
            let def = &self.items[i];
            let c = checks.and_then(|c| c.iter().find(|c| c.label == def.label));
            let text = if def.count {
                format!("{}: {}", inert_line(&def.label), c.map_or(0, |c| c.count))
            } else {
                let mark = if c.is_some_and(|c| c.checked) {
                    "[x]"
                } else {
                    "[ ]"
                };
                format!("{mark} {}", inert_line(&def.label))
            };
            vec![Line::raw(text)]
        };
        Rows {
            count: self.items.len(),
            row,
            selected: Some(self.r.selected),
            theme: self.theme,
        }
        .render(area, buf);
    }
}

impl View for spec::Checklist {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.checklist.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        Checklist {
            r: cx.r,
            items: &self.items,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
