//! `PickSet(list: ...)`: pick one of the script's item sets; its items become the list.

use super::{Spec, StepCheck};
use crate::script::Problem;
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PickSet {
    pub list: String,
}

impl Spec for PickSet {
    fn label(&self) -> &'static str {
        t!("activity.pick_set")
    }

    fn check(&self, c: &StepCheck, made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        made.insert(self.list.clone());
        if c.script.sets.is_empty() {
            problems.push(c.step_problem(
                t!("script.check.steget_step_id_lar_gruppa", step_id = c.step_id),
                t!("script.check.legg_til_sets_id_title"),
            ));
        }
    }
}
