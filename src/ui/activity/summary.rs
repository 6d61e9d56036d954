//! Summary: the agreed summary text.

use crate::ui::plain::Plain;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::runner::Runner;
use crate::t;
use crate::text::inert;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use super::{Cx, View};
use crate::script::activity as spec;

pub struct Summary<'a> {
    pub r: &'a Runner,
    pub theme: &'a Theme,
}

impl Widget for Summary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = self.r.sheet().map(|s| s.summary.as_str()).unwrap_or("");
        let lines: Vec<Line> = if text.trim().is_empty() {
            vec![Line::styled(t!("ui.summary.empty"), self.theme.dim())]
        } else {
            wrap(&inert(text), area.width as usize)
                .into_iter()
                .map(Line::raw)
                .collect()
        };
        Plain::new(lines).render(area, buf);
    }
}

impl View for spec::Summary {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.summary.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        Summary {
            r: cx.r,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
