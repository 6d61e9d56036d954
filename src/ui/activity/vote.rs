//! Vote: each item with its dots, and the total above.

use super::items::ItemKind;
use crate::runner::Runner;
use crate::t;
use crate::worksheet::Item;
use super::{Cx, View};
use crate::script::activity as spec;
use super::items::Items;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget as _;

pub struct Vote<'a> {
    pub r: &'a Runner,
    pub list: &'a str,
}

impl ItemKind for Vote<'_> {
    fn header(&self) -> Option<String> {
        let total: u64 = self
            .r
            .items(self.list)
            .iter()
            .map(|i| u64::from(i.votes))
            .sum();
        Some(t!("ui.vote.header", total = total))
    }

    fn around(&self, _n: usize, item: &Item) -> (String, String) {
        let dots = "●".repeat(item.votes.min(10) as usize);
        let more = if item.votes > 10 { "+" } else { "" };
        (format!("{:>2} {dots}{more} ", item.votes), String::new())
    }

    fn empty(&self) -> String {
        t!("ui.items.empty").to_string()
    }
}

impl View for spec::Vote {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.vote.hint", dots = self.dots))
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let kind = Vote {
            r: cx.r,
            list: &self.list,
        };
        Items::new(cx.r, cx.theme, kind).render(area, buf);
    }
}
