//! What each activity kind does with the commands it takes: one module per kind, named as in
//! the script and in `ui/activity`. This file holds the runner's one dispatch on the kind.

mod checklist;
mod choose;
mod collect;
mod fields;
mod group;
mod items;
mod pick_set;
mod plan;
mod risk_grid;
mod risk_setup;
mod roles;
mod summary;
mod vote;

use super::{Cmd, Effect, Now, Runner, read_only_notice};
use crate::script::Activity;

impl Runner {
    /// Hands a command to the current step's kind. Plan commands work from any step (the plan
    /// overlay); a rating key works on any step that goes through items with a rating.
    pub(super) fn activity_cmd(&mut self, cmd: Cmd, now: Now, fx: &mut Vec<Effect>) {
        if plan::takes(&cmd) {
            self.plan_cmd(cmd, fx);
            return;
        }
        if self.rate_cmd(&cmd, now, fx) {
            return;
        }
        let activity = self.activity();
        let sheet = self.key();
        let writes_sheet = !matches!(
            activity,
            Activity::Roles { .. } | Activity::RiskSetup { .. } | Activity::RiskGrid { .. }
        );
        if writes_sheet && self.read_only.contains(&sheet) {
            self.notice = Some(read_only_notice());
            return;
        }
        let changed = match activity {
            Activity::Info | Activity::Stafettpinne | Activity::Plan { .. } => false,
            Activity::Checklist { items } => checklist::handle(self, &items, cmd, now),
            Activity::Collect { list, from } => {
                collect::handle(self, &list, from.as_deref(), cmd, now)
            }
            Activity::Group { list } => group::handle(self, &list, cmd, now),
            Activity::Vote { list, .. } => vote::handle(self, &list, cmd, now),
            Activity::Choose { list, into, max } => {
                choose::handle(self, &list, &into, max, cmd, now)
            }
            Activity::Fields { form, fields } => fields::handle(self, &form, &fields, cmd, now),
            Activity::Summary => summary::handle(self, cmd, now),
            Activity::PickSet { list } => {
                pick_set::handle(self, &list, cmd, now, fx);
                false
            }
            Activity::Roles { tasks, roles } => {
                roles::handle(self, &tasks, &roles, cmd, fx);
                false
            }
            Activity::RiskSetup { grid } => {
                self.setup_cmd(&grid, &cmd, now, fx);
                false
            }
            Activity::RiskGrid {
                grid, themes_from, ..
            } => {
                self.grid_cmd(&grid, themes_from.as_deref(), &cmd, fx);
                false
            }
        };
        if changed {
            fx.push(Effect::SaveSheet(sheet));
        }
    }
}
