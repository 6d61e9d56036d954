//! `Fields(form: ..., fields: [...])`: named text fields, stored under `form`.

use super::{Activity, Spec, StepCheck};
use crate::script::Problem;
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fields {
    pub form: String,
    pub fields: Vec<String>,
}

impl Spec for Fields {
    fn label(&self) -> &'static str {
        t!("activity.fields")
    }

    fn form(&self) -> Option<(&str, &[String])> {
        Some((&self.form, &self.fields))
    }

    fn scoped(&self, scope: &dyn Fn(&str) -> String) -> Option<Activity> {
        Some(Activity::Fields(Fields {
            form: scope(&self.form),
            fields: self.fields.clone(),
        }))
    }

    fn check(&self, c: &StepCheck, _made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        if self.fields.is_empty() {
            problems.push(c.step_problem(
                t!("script.check.steget_step_id_har_ingen", step_id = c.step_id),
                t!("script.check.legg_til_feltnavn_i_fields"),
            ));
        }
    }
}
