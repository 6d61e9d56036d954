//! Group: items under their themes, with a count per theme above.

use super::items::ItemKind;
use crate::runner::Runner;
use crate::t;
use crate::text::inert_line;
use crate::worksheet::Item;
use super::{Cx, View};
use crate::script::activity as spec;
use super::items::Items;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget as _;

pub struct Group<'a> {
    pub r: &'a Runner,
    pub list: &'a str,
}

impl ItemKind for Group<'_> {
    fn header(&self) -> Option<String> {
        let items = self.r.items(self.list);
        let without = items.iter().filter(|i| i.theme.is_none()).count();
        let mut parts: Vec<String> = self
            .r
            .themes(self.list)
            .iter()
            .map(|t| {
                let n = items.iter().filter(|i| i.theme.as_ref() == Some(t)).count();
                format!("{} ({n})", inert_line(t))
            })
            .collect();
        if without > 0 {
            parts.push(t!("ui.group.without", n = without));
        }
        Some(t!("ui.group.header", themes = parts.join(" · ")))
    }

    fn around(&self, _n: usize, item: &Item) -> (String, String) {
        let name = item.theme.as_deref().map(inert_line).unwrap_or("–".into());
        (format!("[{name}] "), String::new())
    }

    fn empty(&self) -> String {
        t!("ui.items.empty").to_string()
    }
}

impl View for spec::Group {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.group.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let kind = Group {
            r: cx.r,
            list: &self.list,
        };
        Items::new(cx.r, cx.theme, kind).render(area, buf);
    }
}
