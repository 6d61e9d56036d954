//! Group: give the items of a list themes; items with the same theme are shown together.

use super::super::{Cmd, Now, Runner};
use super::items;
use super::Run;
use super::super::Effect;
use crate::script::activity::Group;
use crate::worksheet::Item;

pub(super) fn handle(r: &mut Runner, list: &str, cmd: Cmd, now: Now) -> bool {
    if let Some(changed) = items::edit(r, list, &cmd, now) {
        return changed;
    }
    match cmd {
        Cmd::SetTheme(theme) => r.set_theme(list, theme, now),
        other => items::not_here(r, &other),
    }
}

impl Runner {
    fn set_theme(&mut self, list: &str, theme: String, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        let theme = Some(theme.trim().to_string()).filter(|t| !t.is_empty());
        // «bemanning» joins «Bemanning»: a theme already in use keeps its spelling.
        let theme = theme.map(|t| {
            self.themes(list)
                .into_iter()
                .find(|used| used.to_lowercase() == t.to_lowercase())
                .unwrap_or(t)
        });
        let sheet = self.sheet_mut(now);
        let Some(item) = sheet.list_mut(list).iter_mut().find(|i| i.id == id) else {
            return false;
        };
        item.theme = theme;
        // Keep the same item selected after the list is re-sorted by theme.
        self.selected = self
            .visible_items()
            .iter()
            .position(|i| i.id == id)
            .unwrap_or(0);
        true
    }
}

impl Run for Group {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, _fx: &mut Vec<Effect>) -> bool {
        handle(r, &self.list, cmd, now)
    }

    /// By theme, the items without one last.
    fn order(&self, items: &mut [&Item]) {
        items.sort_by(|a, b| match (&a.theme, &b.theme) {
            (Some(x), Some(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
}
