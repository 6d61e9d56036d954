//! Vote: dot voting on the items of a list.

use super::super::{Cmd, Now, Runner};
use super::items;
use super::Run;
use super::super::Effect;
use crate::script::activity::Vote;

pub(super) fn handle(r: &mut Runner, list: &str, cmd: Cmd, now: Now) -> bool {
    if let Some(changed) = items::edit(r, list, &cmd, now) {
        return changed;
    }
    match cmd {
        Cmd::Mark => r.vote(list, 1, now),
        Cmd::Unmark => r.vote(list, -1, now),
        other => items::not_here(r, &other),
    }
}

impl Runner {
    fn vote(&mut self, list: &str, delta: i32, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        let sheet = self.sheet_mut(now);
        let Some(item) = sheet.list_mut(list).iter_mut().find(|i| i.id == id) else {
            return false;
        };
        let votes = item.votes.saturating_add_signed(delta);
        let changed = votes != item.votes;
        item.votes = votes;
        changed
    }
}

impl Run for Vote {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, _fx: &mut Vec<Effect>) -> bool {
        handle(r, &self.list, cmd, now)
    }
}
