//! Plan: the forløp's handlingsplan on a step (the same table as the plan overlay's).

use super::super::theme::Theme;
use crate::worksheet::Measure;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use super::{Cx, View};
use crate::script::activity as spec;
use crate::t;

pub struct Plan<'a> {
    pub plan: &'a [Measure],
    pub selected: usize,
    /// A review of open measures: the summary counts the late ones.
    pub review: bool,
    pub today: NaiveDate,
    pub theme: &'a Theme,
}

impl Widget for Plan<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        super::super::plan::table(
            buf,
            area,
            self.plan,
            Some(self.selected),
            self.review,
            self.today,
            self.theme,
        );
    }
}

impl View for spec::Plan {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.plan.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        Plan {
            plan: &cx.r.forlop.plan,
            selected: cx.r.selected,
            review: self.review,
            today: cx.today,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
