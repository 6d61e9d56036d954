//! Roles: who takes which task, with the role keys above.

use crate::ui::plain::Plain;
use super::super::rows::Rows;
use super::super::theme::Theme;
use crate::runner::Runner;
use crate::t;
use crate::text::inert_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use super::{Cx, View};
use crate::script::activity as spec;

pub struct Roles<'a> {
    pub r: &'a Runner,
    pub tasks: &'a [String],
    pub roles: &'a [String],
    pub theme: &'a Theme,
}

impl Widget for Roles<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let keys = self
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{} {}", i + 1, inert_line(r)))
            .collect::<Vec<_>>()
            .join(" · ");
        Plain::new(Line::styled(keys, self.theme.dim()))
            .render(Rect { height: 1, ..area }, buf);
        let row = |i: usize| {
            let task = &self.tasks[i];
            let who = match self.r.forlop.roles.get(task) {
                Some(w) => format!("→ {}", inert_line(w)),
                None => t!("ui.roles.unagreed").to_string(),
            };
            vec![Line::raw(format!("{}  {who}", inert_line(task)))]
        };
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        Rows {
            count: self.tasks.len(),
            row,
            selected: Some(self.r.selected),
            theme: self.theme,
        }
        .render(body, buf);
    }
}

impl View for spec::Roles {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.roles.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        Roles {
            r: cx.r,
            tasks: &self.tasks,
            roles: &self.roles,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
