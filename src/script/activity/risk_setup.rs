//! `RiskSetup(grid: ...)`: agree the scale and the acceptance bands of a risk grid before
//! assessing.

use super::risk_grid::check_scale;
use super::{Spec, StepCheck};
use crate::script::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskSetup {
    pub grid: String,
}

impl Spec for RiskSetup {
    fn label(&self) -> &'static str {
        crate::t!("activity.risk_setup")
    }

    fn grid(&self) -> Option<&str> {
        Some(&self.grid)
    }

    fn check(&self, c: &StepCheck, _made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        check_scale(c, &[], problems);
    }
}
