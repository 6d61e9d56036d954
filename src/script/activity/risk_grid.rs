//! `RiskGrid(grid: ..., themes_from: Some(...), seed: [...])`: assess risks row by row, as a
//! table or as a risk matrix. Starts with `seed` rows (marked as examples) and a row for each
//! item of the list `themes_from`. `matrix: true` opens it as the matrix, for the step that
//! looks at the whole picture.

use super::{Spec, StepCheck};
use crate::script::{Problem, RiskSeed};
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskGrid {
    pub grid: String,
    #[serde(default)]
    pub themes_from: Option<String>,
    #[serde(default)]
    pub seed: Vec<RiskSeed>,
    /// Shown as the risk matrix when the step opens (`v` switches to the table).
    #[serde(default)]
    pub matrix: bool,
}

impl Spec for RiskGrid {
    fn label(&self) -> &'static str {
        t!("activity.risk_grid")
    }

    fn grid(&self) -> Option<&str> {
        Some(&self.grid)
    }

    fn second_view(&self) -> bool {
        true
    }

    fn opens_in_second_view(&self) -> bool {
        self.matrix
    }

    fn check(&self, c: &StepCheck, made: &mut HashSet<String>, problems: &mut Vec<Problem>) {
        if let Some(from) = &self.themes_from
            && !c.known(from, made)
        {
            problems.push(c.value_problem(
                "themes_from",
                from,
                t!(
                    "script.check.steget_step_id_henter_tema",
                    step_id = c.step_id,
                    from = from
                ),
                t!("script.check.sjekk_stavematen_eller_samle_temaene"),
            ));
        }
        check_scale(c, &self.seed, problems);
    }
}

/// A risk step needs a scale, and its example rows must sit on it.
pub(super) fn check_scale(c: &StepCheck, seed: &[RiskSeed], problems: &mut Vec<Problem>) {
    let Some(scale) = c.script.scales.first() else {
        problems.push(c.step_problem(
            t!("script.check.steget_step_id_bruker_et", step_id = c.step_id),
            t!("script.check.legg_til_scales_id_title"),
        ));
        return;
    };
    let top = scale.sannsynlighet.len().min(scale.konsekvens.len()) as u8;
    for row in seed {
        for level in [row.sannsynlighet, row.konsekvens].into_iter().flatten() {
            if level == 0 || level > top {
                problems.push(c.value_problem(
                    "tema",
                    &row.tema,
                    t!(
                        "script.check.eksempelraden_tema_i_steget_step",
                        tema = row.tema,
                        step_id = c.step_id,
                        level = level
                    ),
                    t!(
                        "script.check.nivaer_gar_fra_1_til",
                        top = top,
                        id = scale.id
                    ),
                ));
            }
        }
    }
}
