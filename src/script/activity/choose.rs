//! `Choose(list: ..., into: ..., max: Some(n))`: choose items of `list` to carry forward as the
//! list `into`.

use super::{Activity, Spec, StepCheck};
use crate::script::Problem;
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choose {
    pub list: String,
    pub into: String,
    #[serde(default)]
    pub max: Option<u32>,
}

impl Spec for Choose {
    fn label(&self) -> &'static str {
        t!("activity.choose")
    }

    fn list(&self) -> Option<&str> {
        Some(&self.list)
    }

    fn makes(&self) -> Option<&str> {
        Some(&self.into)
    }

    fn scoped(&self, scope: &dyn Fn(&str) -> String) -> Option<Activity> {
        Some(Activity::Choose(Choose {
            list: scope(&self.list),
            into: scope(&self.into),
            max: self.max,
        }))
    }

    fn check(&self, c: &StepCheck, made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        c.needs_here(&self.list, made, problems);
        if self.max == Some(0) {
            problems.push(c.key_problem(
                "max",
                t!(
                    "script.check.steget_step_id_lar_gruppa_2",
                    step_id = c.step_id
                ),
                t!("script.check.sett_max_some_3_eller"),
            ));
        }
        made.insert(self.into.clone());
    }
}
