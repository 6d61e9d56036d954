//! What each activity kind does with the commands it takes: one module per kind, named as in
//! the script and in `ui/activity`, each implementing [`Run`] for its script struct. The
//! modules and the one dispatch on the kind are written from the list in
//! `script/activity/mod.rs`.

mod items;

use super::{Cmd, Effect, Now, Runner};
use crate::script::activity as spec;
use crate::script::{Activity, Spec};
use crate::worksheet::Item;

/// A kind's part in the runner. Every method has a default, so a kind says only what it does.
pub(super) trait Run: Spec {
    /// Does a command on the step; true when the session's worksheet changed and is to be
    /// saved. Changes to the forløp push their own effect.
    fn handle(&self, _r: &mut Runner, _cmd: Cmd, _now: Now, _fx: &mut Vec<Effect>) -> bool {
        false
    }

    /// Whether its commands write the session's worksheet, and so are refused on an earlier
    /// session opened to read. Kinds that write only the forløp say no.
    fn writes_sheet(&self) -> bool {
        true
    }

    /// How many rows the facilitator selects among.
    fn rows(&self, r: &Runner) -> usize {
        if self.list().is_some() {
            r.visible_items().len()
        } else {
            0
        }
    }

    /// Puts its list's items in the order they are shown.
    fn order(&self, _items: &mut [&Item]) {}

    /// What happens when the step is entered, e.g. pulling in an earlier list.
    fn enter(&self, _r: &mut Runner, _now: Now, _fx: &mut Vec<Effect>) {}
}

macro_rules! runner_layer {
    (unit: [$($u:ident => $um:ident,)*], data: [$($d:ident => $dm:ident,)*] $(,)?) => {
        $(mod $um;)*
        $(mod $dm;)*

        /// The kind's part in the runner: the one dispatch on the kind in this layer.
        pub(super) fn run(activity: &Activity) -> &dyn Run {
            match activity {
                $(Activity::$u => &spec::$u,)*
                $(Activity::$d(k) => k,)*
            }
        }
    };
}

crate::activity_kinds!(runner_layer);

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
        let kind = run(&activity);
        if kind.writes_sheet()
            && let Some(why) = self.locked()
        {
            self.notice = Some(why);
            return;
        }
        if kind.handle(self, cmd, now, fx) {
            self.changed(fx);
        }
    }
}
