//! Collect: items gathered into a list, optionally pulled in from an earlier session.

use super::super::{Cmd, Now, Runner};
use super::items;
use crate::t;
use crate::worksheet::import_items;
use super::Run;
use super::super::Effect;
use crate::script::activity::Collect;

pub(super) fn handle(r: &mut Runner, list: &str, from: Option<&str>, cmd: Cmd, now: Now) -> bool {
    if let Some(changed) = items::edit(r, list, &cmd, now) {
        return changed;
    }
    match (cmd, from) {
        (Cmd::Import, Some(from)) => r.import(list, from, now),
        (Cmd::Import, None) => {
            r.notice = Some(crate::t!("runner.no_import").into());
            false
        }
        (Cmd::MoveUp, _) => r.move_item(list, true, now),
        (Cmd::MoveDown, _) => r.move_item(list, false, now),
        _ => false,
    }
}

impl Runner {
    fn move_item(&mut self, list: &str, up: bool, now: Now) -> bool {
        let i = self.selected;
        let n = self.items(list).len();
        let j = if up {
            i.checked_sub(1)
        } else {
            (i + 1 < n).then_some(i + 1)
        };
        let Some(j) = j else { return false };
        self.sheet_mut(now).list_mut(list).swap(i, j);
        self.selected = j;
        true
    }

    fn import(&mut self, list: &str, from: &str, now: Now) -> bool {
        let Some((_, items)) = self.earlier_list(from) else {
            self.notice = Some(t!(
                "runner.activity.collect.ingen_tidligere_okt_har_levert",
                from = from
            ));
            return false;
        };
        let items = items.to_vec();
        let added = import_items(self.sheet_mut(now), list, &items);
        self.notice = Some(match added {
            0 => t!("runner.activity.collect.alt_fra_forrige_okt_er").to_string(),
            n => t!("runner.activity.collect.hentet_inn_n_punkt_fra", n = n),
        });
        true
    }
}

impl Run for Collect {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, _fx: &mut Vec<Effect>) -> bool {
        handle(r, &self.list, self.from.as_deref(), cmd, now)
    }

    /// A list that starts from an earlier one pulls it in the first time the step is entered.
    fn enter(&self, r: &mut Runner, now: Now, fx: &mut Vec<Effect>) {
        let exists = r.sheet().is_some_and(|s| s.lists.contains_key(&self.list));
        if self.from.is_some() && !exists {
            r.activity_cmd(Cmd::Import, now, fx);
        }
    }
}
