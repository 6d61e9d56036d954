//! What each activity in a script needs: the lists it works on made before it, and the fields
//! it cannot do without.

use super::Activity;
use super::load::{Locator, Problem};
use crate::t;
use std::collections::HashSet;

/// A step's activity, checked where it stands in the script.
pub(super) struct StepCheck<'a, 'l> {
    pub loc: &'a Locator<'l>,
    pub step_at: usize,
    pub step_id: &'a str,
    pub produced_before: &'a HashSet<String>,
}

impl StepCheck<'_, '_> {
    fn problem(&self, at: usize, message: String, hint: impl Into<String>) -> Problem {
        self.loc.problem(at, message, hint)
    }

    /// A list the step works on must be made by an earlier step of the same session.
    fn needs_here(&self, list: &str, here: &HashSet<String>, problems: &mut Vec<Problem>) {
        if here.contains(list) {
            return;
        }
        let hint = if self.produced_before.contains(list) {
            t!("script.check.listen_kommer_fra_en_tidligere", list = list)
        } else {
            t!("script.check.samle_listen_forst_i_et", list = list)
        };
        problems.push(self.problem(
            self.loc.peek(self.step_at, "list", list),
            t!(
                "script.check.steget_step_id_bruker_listen",
                step_id = self.step_id,
                list = list
            ),
            hint,
        ));
    }

    pub fn check(
        &self,
        activity: &Activity,
        produced_here: &mut HashSet<String>,
        problems: &mut Vec<Problem>,
    ) {
        self.lists(activity, produced_here, problems);
        self.shapes(activity, produced_here, problems);
    }

    /// The kinds that make or use lists.
    fn lists(
        &self,
        activity: &Activity,
        produced_here: &mut HashSet<String>,
        problems: &mut Vec<Problem>,
    ) {
        let (loc, step_at, step_id, produced_before) =
            (self.loc, self.step_at, self.step_id, self.produced_before);
        match activity {
            Activity::PickSet { list } => {
                produced_here.insert(list.clone());
            }
            Activity::Collect { list, from } => {
                if let Some(from) = from
                    && !produced_before.contains(from)
                    && !produced_here.contains(from)
                {
                    problems.push(loc.problem(
                        loc.peek(step_at, "from", from),
                        t!(
                            "script.check.steget_step_id_henter_listen",
                            step_id = step_id,
                            from = from
                        ),
                        t!("script.check.sjekk_stavematen_eller_lag_listen"),
                    ));
                }
                produced_here.insert(list.clone());
            }
            Activity::Group { list } => self.needs_here(list, produced_here, problems),
            Activity::Vote { list, dots } => {
                self.needs_here(list, produced_here, problems);
                if *dots == 0 {
                    problems.push(loc.problem(
                        loc.key(step_at, "dots"),
                        t!(
                            "script.check.prikkstemmingen_i_steget_step_id",
                            step_id = step_id
                        ),
                        t!("script.check.gi_hver_deltaker_minst_n"),
                    ));
                }
            }
            Activity::Choose { list, into, max } => {
                self.needs_here(list, produced_here, problems);
                if *max == Some(0) {
                    problems.push(loc.problem(
                        loc.key(step_at, "max"),
                        t!(
                            "script.check.steget_step_id_lar_gruppa_2",
                            step_id = step_id
                        ),
                        t!("script.check.sett_max_some_3_eller"),
                    ));
                }
                produced_here.insert(into.clone());
            }
            _ => {}
        }
    }

    /// The kinds that need fields of their own.
    fn shapes(
        &self,
        activity: &Activity,
        produced_here: &HashSet<String>,
        problems: &mut Vec<Problem>,
    ) {
        let (loc, step_at, step_id, produced_before) =
            (self.loc, self.step_at, self.step_id, self.produced_before);
        match activity {
            Activity::Roles { tasks, roles }
                if (tasks.is_empty() || roles.is_empty() || roles.len() > 9) =>
            {
                problems.push(loc.problem(
                    step_at,
                    t!("script.check.rollene_i_steget_step_id", step_id = step_id),
                    t!("script.check.for_eksempel_roles_tasks_inviterer"),
                ));
            }
            Activity::RiskGrid { themes_from, .. } => {
                if let Some(from) = themes_from
                    && !produced_before.contains(from)
                    && !produced_here.contains(from)
                {
                    problems.push(loc.problem(
                        loc.peek(step_at, "themes_from", from),
                        t!(
                            "script.check.steget_step_id_henter_tema",
                            step_id = step_id,
                            from = from
                        ),
                        t!("script.check.sjekk_stavematen_eller_samle_temaene"),
                    ));
                }
            }
            Activity::Checklist { items } if items.is_empty() => {
                problems.push(loc.problem(
                    step_at,
                    t!(
                        "script.check.sjekklista_i_steget_step_id",
                        step_id = step_id
                    ),
                    t!("script.check.legg_til_punkter_for_eksempel"),
                ));
            }
            Activity::Fields { fields, .. } if fields.is_empty() => {
                problems.push(loc.problem(
                    step_at,
                    t!("script.check.steget_step_id_har_ingen", step_id = step_id),
                    t!("script.check.legg_til_feltnavn_i_fields"),
                ));
            }
            _ => {}
        }
    }
}
