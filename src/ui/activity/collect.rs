//! Collect: the list as it is gathered, numbered.

use super::items::ItemKind;
use crate::t;
use super::{Cx, View};
use crate::script::activity as spec;
use super::items::Items;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget as _;

pub fn hint(pulls_in: bool) -> &'static str {
    if pulls_in {
        t!("ui.collect.hint_import")
    } else {
        t!("ui.collect.hint")
    }
}

pub struct Collect {
    /// The title of the list this step pulls in from an earlier session, if any.
    pub from: Option<String>,
}

impl ItemKind for Collect {
    fn empty(&self) -> String {
        match &self.from {
            Some(from) => t!("ui.collect.empty_import", list = from),
            None => t!("ui.items.empty").to_string(),
        }
    }
}

impl View for spec::Collect {
    fn hint(&self) -> Option<String> {
        Some(hint(self.from.is_some()).into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let kind = Collect {
            from: self.from.as_deref().map(|f| cx.r.script.list_title(f)),
        };
        Items::new(cx.r, cx.theme, kind).render(area, buf);
    }
}
