//! The script's tables: its item sets and its risk scales.

use crate::script::Script;
use crate::script::load::{Locator, Problem, find_field};
use crate::t;
use std::collections::HashSet;

/// Every item set has its own id and at least one item.
fn check_sets(loc: &Locator, script: &Script, problems: &mut Vec<Problem>) {
    let mut set_ids = HashSet::new();
    for set in &script.sets {
        let at = find_field(loc.src, 0, "id", &set.id).unwrap_or(0);
        if !set_ids.insert(set.id.as_str()) {
            problems.push(loc.problem(
                at,
                t!("script.check.sett_id_id_er_brukt", id = set.id),
                t!("script.check.unique_set"),
            ));
        }
        if set.items.is_empty() {
            problems.push(loc.problem(
                at,
                t!("script.check.settet_id_har_ingen_punkter", id = set.id),
                t!("script.check.legg_til_punkter_i_items"),
            ));
        }
    }
}

pub(super) fn check_scales(loc: &mut Locator, script: &Script, problems: &mut Vec<Problem>) {
    check_sets(loc, script, problems);
    let mut ids = HashSet::new();
    for scale in &script.scales {
        let at = loc.seek("id", &scale.id);
        if !ids.insert(scale.id.as_str()) {
            problems.push(loc.problem(
                at,
                t!("script.check.skala_id_id_er_brukt", id = scale.id),
                t!("script.check.unique_scale"),
            ));
        }
        for (axis, levels, means) in [
            (
                "sannsynlighet",
                &scale.sannsynlighet,
                &scale.sannsynlighet_means,
            ),
            ("konsekvens", &scale.konsekvens, &scale.konsekvens_means),
        ] {
            if !means.is_empty() && means.len() != levels.len() {
                problems.push(loc.problem(
                    loc.key(at, &format!("{axis}_means")),
                    t!(
                        "script.check.means_count",
                        id = scale.id,
                        axis = axis,
                        n = means.len(),
                        levels = levels.len()
                    ),
                    t!("script.check.means_count_help", axis = axis),
                ));
            }
            if !(3..=5).contains(&levels.len()) {
                problems.push(loc.problem(
                    loc.key(at, axis),
                    t!(
                        "script.check.skalaen_id_har_n_nivaer",
                        id = scale.id,
                        n = levels.len(),
                        axis = axis
                    ),
                    t!("script.check.en_skala_har_3_4"),
                ));
            }
        }
        let max = (scale.sannsynlighet.len() * scale.konsekvens.len()) as u32;
        if scale.high_from == 0
            || scale.high_from > scale.unacceptable_from
            || scale.unacceptable_from > max
        {
            // At the bound that is wrong: high_from when it is 0, else unacceptable_from (below
            // high_from or above the highest value).
            let field = if scale.high_from == 0 {
                "high_from"
            } else {
                "unacceptable_from"
            };
            problems.push(loc.problem(
                loc.key(at, field),
                t!(
                    "script.check.grensene_i_skalaen_id_passer",
                    id = scale.id,
                    high_from = scale.high_from,
                    unacceptable_from = scale.unacceptable_from,
                    max = max
                ),
                t!("script.check.velg_1_high_from_unacceptable", max = max),
            ));
        }
    }
}
