//! PickSet: the script's item sets (e.g. industries), the picked one marked.

use super::super::rows::Rows;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::runner::Runner;
use crate::text::inert_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use super::{Cx, View};
use crate::script::activity as spec;
use crate::t;

pub struct PickSet<'a> {
    pub r: &'a Runner,
    pub list: &'a str,
    pub theme: &'a Theme,
}

impl Widget for PickSet<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width as usize;
        let picked = self.r.sheet().and_then(|s| s.sets.get(self.list));
        let sets = &self.r.script.sets;
        let row = |i: usize| {
            let set = &sets[i];
            let mark = if picked == Some(&set.id) {
                "(•)"
            } else {
                "( )"
            };
            let mut lines = vec![Line::raw(format!(
                "{mark} {} {}",
                i + 1,
                inert_line(&set.title)
            ))];
            if !set.note.is_empty() {
                let note = format!("⚠ {}", inert_line(&set.note));
                for part in wrap(&note, width.saturating_sub(8)) {
                    lines.push(Line::styled(format!("      {part}"), self.theme.warn()));
                }
            }
            lines
        };
        Rows {
            count: sets.len(),
            row,
            selected: Some(self.r.selected),
            theme: self.theme,
        }
        .render(area, buf);
    }
}

impl View for spec::PickSet {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.pick_set.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        PickSet {
            r: cx.r,
            list: &self.list,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
