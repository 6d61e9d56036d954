//! `Group(list: ...)`: put the items of a list under themes.

use super::{Activity, Spec, StepCheck};
use crate::script::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub list: String,
}

impl Spec for Group {
    fn label(&self) -> &'static str {
        crate::t!("activity.group")
    }

    fn list(&self) -> Option<&str> {
        Some(&self.list)
    }

    fn scoped(&self, scope: &dyn Fn(&str) -> String) -> Option<Activity> {
        Some(Activity::Group(Group {
            list: scope(&self.list),
        }))
    }

    fn check(&self, c: &StepCheck, made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        c.needs_here(&self.list, made, problems);
    }
}
