//! What the kinds share when they check themselves: where the step is, and the lists made
//! before it.

use super::super::Script;
use super::super::load::{Locator, Problem};
use crate::t;
use std::collections::HashSet;

/// A step's activity, checked where it stands in the script.
pub struct StepCheck<'a, 'l> {
    pub(in crate::script) loc: &'a Locator<'l>,
    pub step_at: usize,
    pub step_id: &'a str,
    pub produced_before: &'a HashSet<String>,
    pub script: &'a Script,
}

impl StepCheck<'_, '_> {
    /// A problem with the step as a whole.
    pub fn step_problem(&self, message: String, hint: impl Into<String>) -> Problem {
        self.loc.problem(self.step_at, message, hint)
    }

    /// A problem at the step's `field:`.
    pub fn key_problem(&self, field: &str, message: String, hint: impl Into<String>) -> Problem {
        self.loc
            .problem(self.loc.key(self.step_at, field), message, hint)
    }

    /// A problem at the step's `field: "value"`.
    pub fn value_problem(
        &self,
        field: &str,
        value: &str,
        message: String,
        hint: impl Into<String>,
    ) -> Problem {
        self.loc
            .problem(self.loc.peek(self.step_at, field, value), message, hint)
    }

    /// Whether a list is made before this step, in this session or an earlier one.
    pub fn known(&self, list: &str, made: &HashSet<String>) -> bool {
        self.produced_before.contains(list) || made.contains(list)
    }

    /// A list the step works on must be made by an earlier step of the same session.
    pub fn needs_here(&self, list: &str, made: &HashSet<String>, problems: &mut Vec<Problem>) {
        if made.contains(list) {
            return;
        }
        let hint = if self.produced_before.contains(list) {
            t!("script.check.listen_kommer_fra_en_tidligere", list = list)
        } else {
            t!("script.check.samle_listen_forst_i_et", list = list)
        };
        problems.push(self.value_problem(
            "list",
            list,
            t!(
                "script.check.steget_step_id_bruker_listen",
                step_id = self.step_id,
                list = list
            ),
            hint,
        ));
    }
}
