//! Choose: items by votes, the chosen ones ticked, and how many are chosen above.

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

pub fn hint(max: Option<u32>) -> String {
    match max {
        Some(m) => t!("ui.choose.hint_max", max = m),
        None => t!("ui.choose.hint").to_string(),
    }
}

pub struct Choose<'a> {
    pub r: &'a Runner,
    pub list: &'a str,
    pub into: &'a str,
    pub max: Option<u32>,
}

impl ItemKind for Choose<'_> {
    fn header(&self) -> Option<String> {
        let n = self.r.items(self.into).len();
        let of = self
            .max
            .map(|m| t!("ui.choose.of_max", max = m))
            .unwrap_or_default();
        Some(t!(
            "ui.choose.header",
            n = n,
            of = of,
            into = self.r.script.list_title(self.into)
        ))
    }

    fn around(&self, _n: usize, item: &Item) -> (String, String) {
        let mark = if self.r.is_chosen(self.into, item.id) {
            "[✓]"
        } else {
            "[ ]"
        };
        let mut after = if item.votes > 0 {
            format!("  ({} ●)", item.votes)
        } else {
            String::new()
        };
        if let Some(rating) = self.r.rating_text(self.list, item) {
            after.push_str(&format!("  [{rating}]"));
        }
        (format!("{mark} "), after)
    }

    fn empty(&self) -> String {
        t!("ui.items.empty").to_string()
    }
}

impl View for spec::Choose {
    fn hint(&self) -> Option<String> {
        Some(hint(self.max))
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let kind = Choose {
            r: cx.r,
            list: &self.list,
            into: &self.into,
            max: self.max,
        };
        Items::new(cx.r, cx.theme, kind).render(area, buf);
    }
}
