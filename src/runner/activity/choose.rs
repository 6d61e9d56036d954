//! Choose: pick items of a list to carry forward as a new list.

use super::super::{Cmd, Now, Runner};
use super::items;
use crate::t;
use crate::worksheet::{ChooseError, choose_toggle};
use super::Run;
use super::super::Effect;
use crate::script::activity::Choose;
use crate::worksheet::Item;

pub(super) fn handle(
    r: &mut Runner,
    list: &str,
    into: &str,
    max: Option<u32>,
    cmd: Cmd,
    now: Now,
) -> bool {
    if let Some(changed) = items::edit(r, list, &cmd, now) {
        return changed;
    }
    match cmd {
        Cmd::Mark => r.choose(list, into, max, now),
        other => items::not_here(r, &other),
    }
}

impl Runner {
    /// A chosen item (a challenge, a solution) becomes a measure in the handlingsplan, once.
    fn chosen_to_plan(&mut self, into: &str, fx: &mut Vec<Effect>) {
        let Some(id) = self.selected_id() else {
            return;
        };
        let Some(item) = self.items(into).iter().find(|c| c.source == Some(id)) else {
            self.notice = Some(t!("runner.activity.choose.choose_before_plan").into());
            return;
        };
        let text = item.text.clone();
        if self.forlop.plan.iter().any(|m| m.tiltak == text) {
            self.notice = Some(t!("runner.activity.choose.already_in_plan").into());
            return;
        }
        self.new_measure(text, None);
        fx.push(Effect::SaveForlop);
        self.notice = Some(t!("runner.activity.choose.in_plan").into());
    }

    fn choose(&mut self, list: &str, into: &str, max: Option<u32>, now: Now) -> bool {
        let Some(id) = self.selected_id() else {
            return false;
        };
        match choose_toggle(self.sheet_mut(now), list, into, id, max) {
            Ok(_) => true,
            Err(ChooseError::Full(max)) => {
                self.notice = Some(t!(
                    "runner.activity.choose.dere_har_allerede_valgt_max",
                    max = max
                ));
                false
            }
        }
    }
}

impl Run for Choose {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, fx: &mut Vec<Effect>) -> bool {
        if cmd == Cmd::ToPlan {
            r.chosen_to_plan(&self.into, fx);
            return false;
        }
        handle(r, &self.list, &self.into, self.max, cmd, now)
    }

    /// Most votes first, then the highest rating.
    fn order(&self, items: &mut [&Item]) {
        items.sort_by_key(|i| std::cmp::Reverse((i.votes, i.rating)));
    }
}
