//! `Collect(list: ..., from: Some(...))`: collect items into the named list, optionally starting
//! from an earlier list.

use super::{Activity, Spec, StepCheck};
use crate::script::Problem;
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collect {
    pub list: String,
    #[serde(default)]
    pub from: Option<String>,
}

impl Spec for Collect {
    fn label(&self) -> &'static str {
        t!("activity.collect")
    }

    fn list(&self) -> Option<&str> {
        Some(&self.list)
    }

    fn scoped(&self, scope: &dyn Fn(&str) -> String) -> Option<Activity> {
        Some(Activity::Collect(Collect {
            list: scope(&self.list),
            from: self.from.clone(),
        }))
    }

    fn check(&self, c: &StepCheck, made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        if let Some(from) = &self.from
            && !c.known(from, made)
        {
            problems.push(c.value_problem(
                "from",
                from,
                t!(
                    "script.check.steget_step_id_henter_listen",
                    step_id = c.step_id,
                    from = from
                ),
                t!("script.check.sjekk_stavematen_eller_lag_listen"),
            ));
        }
        made.insert(self.list.clone());
    }
}
