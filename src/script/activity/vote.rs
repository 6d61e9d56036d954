//! `Vote(list: ..., dots: n)`: dot voting on the items of a list; `dots` is how many dots each
//! person has.

use super::{Activity, Spec, StepCheck};
use crate::script::Problem;
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub list: String,
    pub dots: u32,
}

impl Spec for Vote {
    fn label(&self) -> &'static str {
        t!("activity.vote")
    }

    fn list(&self) -> Option<&str> {
        Some(&self.list)
    }

    fn scoped(&self, scope: &dyn Fn(&str) -> String) -> Option<Activity> {
        Some(Activity::Vote(Vote {
            list: scope(&self.list),
            dots: self.dots,
        }))
    }

    fn check(&self, c: &StepCheck, made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        c.needs_here(&self.list, made, problems);
        if self.dots == 0 {
            problems.push(c.key_problem(
                "dots",
                t!(
                    "script.check.prikkstemmingen_i_steget_step_id",
                    step_id = c.step_id
                ),
                t!("script.check.gi_hver_deltaker_minst_n"),
            ));
        }
    }
}
