//! PickSet: choose one of the script's item sets (e.g. an industry); its items become the list.

use super::super::{Cmd, Effect, Now, Runner};
use crate::tn;
use crate::worksheet::Item;
use super::Run;
use crate::script::activity::PickSet;

pub(super) fn handle(r: &mut Runner, list: &str, cmd: Cmd, now: Now, fx: &mut Vec<Effect>) {
    let index = match cmd {
        Cmd::Level(n) => usize::from(n).wrapping_sub(1),
        Cmd::Mark => r.selected,
        _ => return,
    };
    r.pick_set(list, index, now, fx);
}

impl Runner {
    fn pick_set(&mut self, list: &str, index: usize, now: Now, fx: &mut Vec<Effect>) {
        let Some(set) = self.script.sets.get(index).cloned() else {
            return;
        };
        let sheet = self.sheet_mut(now);
        let mut items = Vec::new();
        for entry in &set.items {
            let mut item = Item::new(sheet.fresh_id(), entry.title.clone());
            item.detail = entry.detail.clone();
            item.reference = entry.reference.clone();
            items.push(item);
        }
        let count = items.len();
        sheet.lists.insert(list.to_string(), items);
        sheet.sets.insert(list.to_string(), set.id.clone());
        self.selected = index;
        self.notice = Some(tn!(
            "runner.activity.pick_set.valgt_title_count_punkter",
            count,
            title = set.title,
            count = count
        ));
        fx.push(Effect::SaveSheet(self.key()));
    }
}

impl Run for PickSet {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, fx: &mut Vec<Effect>) -> bool {
        handle(r, &self.list, cmd, now, fx);
        false
    }

    fn rows(&self, r: &Runner) -> usize {
        r.script.sets.len()
    }
}
