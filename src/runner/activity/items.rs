//! Editing the items of a list, shared by the kinds that show one (collect, group, vote,
//! choose): add, edit and delete the selected item.

use super::super::{Cmd, Now, Runner};
use crate::t;
use crate::worksheet::Item;

/// Add, edit or delete on a list step; `None` when the command is something else.
pub(super) fn edit(r: &mut Runner, list: &str, cmd: &Cmd, now: Now) -> Option<bool> {
    Some(match cmd {
        Cmd::Add(text) => r.add_item(list, text.clone(), now),
        Cmd::Edit(text) => r.edit_item(list, text.clone(), now),
        Cmd::Delete => r.delete_item(list, now),
        _ => return None,
    })
}

/// The order of a list is changed where it is collected.
pub(super) fn not_here(r: &mut Runner, cmd: &Cmd) -> bool {
    if matches!(cmd, Cmd::MoveUp | Cmd::MoveDown) {
        r.notice = Some(crate::t!("runner.move_where_collected").into());
    }
    false
}

impl Runner {
    pub(super) fn selected_id(&self) -> Option<crate::worksheet::ItemId> {
        self.visible_items().get(self.selected).map(|i| i.id)
    }

    pub(super) fn add_item(&mut self, list: &str, text: String, now: Now) -> bool {
        let text = text.trim().to_string();
        if text.is_empty() {
            return false;
        }
        let sheet = self.sheet_mut(now);
        let id = sheet.fresh_id();
        sheet.list_mut(list).push(Item::new(id, text));
        self.selected = self.items(list).len() - 1;
        true
    }

    pub(super) fn edit_item(&mut self, list: &str, text: String, now: Now) -> bool {
        let text = text.trim().to_string();
        let Some(id) = self.selected_id() else {
            return false;
        };
        if text.is_empty() {
            self.notice = Some(t!("runner.activity.items.teksten_kan_ikke_vaere_tom").into());
            return false;
        }
        let sheet = self.sheet_mut(now);
        match sheet.list_mut(list).iter_mut().find(|i| i.id == id) {
            Some(item) if item.text != text => {
                item.text = text;
                true
            }
            _ => false,
        }
    }

    pub(super) fn delete_item(&mut self, list: &str, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        let sheet = self.sheet_mut(now);
        sheet.list_mut(list).retain(|i| i.id != id);
        // A chosen copy of the deleted item goes with it.
        for items in sheet.lists.values_mut() {
            items.retain(|i| i.source != Some(id));
        }
        let n = self.row_count();
        self.selected = self.selected.min(n.saturating_sub(1));
        true
    }
}
