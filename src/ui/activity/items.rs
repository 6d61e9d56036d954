//! The item list shared by the kinds that work on a list (collect, group, vote, choose): each
//! kind says what goes above the list, before and after each item, and what an empty list
//! says. Only the visible rows are wrapped and formatted.

use super::super::rows::Rows;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::runner::Runner;
use crate::text::inert;
use crate::ui::plain::Plain;
use crate::worksheet::Item;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// What one list kind adds to the plain numbered list.
pub trait ItemKind {
    /// A line above the list (a tally, the themes, how many are chosen).
    fn header(&self) -> Option<String> {
        None
    }
    /// What stands before an item's text (its number by default) and after it.
    fn around(&self, n: usize, _item: &Item) -> (String, String) {
        (format!("{:>2}. ", n + 1), String::new())
    }
    /// What an empty list says.
    fn empty(&self) -> String;
}

pub struct Items<'a, K> {
    r: &'a Runner,
    theme: &'a Theme,
    kind: K,
}

impl<'a, K: ItemKind> Items<'a, K> {
    pub fn new(r: &'a Runner, theme: &'a Theme, kind: K) -> Self {
        Items { r, theme, kind }
    }
}

impl<K: ItemKind> Widget for Items<'_, K> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut area = area;
        if let Some(h) = self.kind.header() {
            Plain::new(Line::styled(h, self.theme.label())).render(Rect { height: 1, ..area }, buf);
            area.y += 1;
            area.height = area.height.saturating_sub(1);
        }
        let items = self.r.visible_items();
        if items.is_empty() {
            Paragraph::new(Span::styled(self.kind.empty(), self.theme.dim()))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let width = area.width as usize;
        let row = |n: usize| {
            let item = items[n];
            let (prefix, suffix) = self.kind.around(n, item);
            let indent = unicode_width::UnicodeWidthStr::width(prefix.as_str()).min(width / 2);
            let text = format!("{}{suffix}", inert(&item.text));
            wrap(&text, width.saturating_sub(indent + 2).max(1))
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let lead = if i == 0 {
                        prefix.clone()
                    } else {
                        " ".repeat(indent)
                    };
                    Line::raw(format!("{lead}{l}"))
                })
                .collect()
        };
        Rows {
            count: items.len(),
            row,
            selected: Some(self.r.selected),
            theme: self.theme,
        }
        .render(area, buf);
    }
}
