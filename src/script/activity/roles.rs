//! `Roles(tasks: [...], roles: [...])`: share tasks between roles (who invites, who leads which
//! part).

use super::{Spec, StepCheck};
use crate::script::Problem;
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    pub tasks: Vec<String>,
    pub roles: Vec<String>,
}

impl Spec for Roles {
    fn label(&self) -> &'static str {
        t!("activity.roles")
    }

    fn check(&self, c: &StepCheck, _made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        if self.tasks.is_empty() || self.roles.is_empty() || self.roles.len() > 9 {
            problems.push(c.step_problem(
                t!("script.check.rollene_i_steget_step_id", step_id = c.step_id),
                t!("script.check.for_eksempel_roles_tasks_inviterer"),
            ));
        }
    }
}
