//! `Checklist(items: [...])`: ticks and counts, e.g. who is present by role.

use super::{Spec, StepCheck};
use crate::script::{CheckDef, Problem};
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub items: Vec<CheckDef>,
}

impl Spec for Checklist {
    fn label(&self) -> &'static str {
        t!("activity.checklist")
    }

    fn checks(&self) -> Option<&[CheckDef]> {
        Some(&self.items)
    }

    fn check(&self, c: &StepCheck, _made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        if self.items.is_empty() {
            problems.push(c.step_problem(
                t!("script.check.sjekklista_i_steget_step_id", step_id = c.step_id),
                t!("script.check.legg_til_punkter_for_eksempel"),
            ));
        }
    }
}
