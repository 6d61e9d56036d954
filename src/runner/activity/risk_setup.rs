//! RiskSetup: agree the scale and the acceptance bands of a risk grid before assessing;
//! switching scale after rating asks what becomes of the levels.

use super::super::{Cmd, Effect, Now, Runner};
use crate::script::RiskScale;
use crate::worksheet::risk::{LevelChange, RiskRow, RiskSettings, ScaleChange};
use super::Run;
use crate::script::activity::RiskSetup;

impl Runner {
    /// The scale the setup's first row would switch to, and how many rows are assessed on
    /// the current one when the switch changes the scale's size: then the group must choose
    /// what becomes of the levels ([`Cmd::SwitchScale`]).
    pub fn scale_switch(&self, grid: &str, forward: bool) -> Option<(&RiskScale, usize)> {
        let set = self.risk_settings(grid)?;
        let scales = &self.script.scales;
        let i = scales.iter().position(|s| s.id == set.scale).unwrap_or(0) as i64;
        let delta = if forward { 1 } else { -1 };
        let next = scales.get((i + delta).rem_euclid(scales.len().max(1) as i64) as usize)?;
        let size = |s: &RiskScale| (s.sannsynlighet.len(), s.konsekvens.len());
        let resized = self
            .risk_scale(grid)
            .is_none_or(|now| size(now) != size(next));
        let assessed = self
            .grid_rows(grid)
            .iter()
            .filter(|r| r.is_assessed())
            .count();
        Some((next, if resized { assessed } else { 0 }))
    }

    pub(super) fn setup_cmd(&mut self, grid: &str, cmd: &Cmd, now: Now, fx: &mut Vec<Effect>) {
        let Some(mut set) = self.risk_settings(grid) else {
            return;
        };
        let (delta, levels): (i64, Option<LevelChange>) = match cmd {
            Cmd::Mark => (1, None),
            Cmd::Unmark => (-1, None),
            Cmd::SwitchScale { forward, levels } => (if *forward { 1 } else { -1 }, Some(*levels)),
            _ => return,
        };
        let before = set.describe();
        if self.selected == 0 || levels.is_some() {
            let Some((next, assessed)) = self.scale_switch(grid, delta > 0) else {
                return;
            };
            if assessed > 0 && levels.is_none() {
                self.notice = Some(crate::t!("risk.choose_first").into());
                return;
            }
            let next = next.clone();
            if let (Some(how), Some(old)) = (levels, self.risk_scale(grid).cloned()) {
                let from = (old.sannsynlighet.len(), old.konsekvens.len());
                let to = (next.sannsynlighet.len(), next.konsekvens.len());
                for row in self.forlop.grids.entry(grid.to_string()).or_default() {
                    row.rescale(from, to, how);
                }
            }
            let changes = std::mem::take(&mut set.changes);
            set = RiskSettings::from_scale(&next);
            set.changes = changes;
        } else {
            let max = self
                .script
                .scale(&set.scale)
                .map_or(25, |s| (s.sannsynlighet.len() * s.konsekvens.len()) as u32);
            if self.selected == 1 {
                set.high_from = (i64::from(set.high_from) + delta)
                    .clamp(1, i64::from(set.unacceptable_from))
                    as u32;
            } else {
                set.unacceptable_from = (i64::from(set.unacceptable_from) + delta)
                    .clamp(i64::from(set.high_from), i64::from(max))
                    as u32;
            }
        }
        if self.grid_rows(grid).iter().any(RiskRow::is_assessed) {
            record_change(&mut set, before, levels, now);
        }
        self.forlop.risk.insert(grid.to_string(), set);
        fx.push(Effect::SaveForlop);
    }
}

/// Notes a change made after assessing began; steps of the same band change in a row are one.
fn record_change(set: &mut RiskSettings, before: String, levels: Option<LevelChange>, now: Now) {
    let after = set.describe();
    let levels = match levels {
        Some(LevelChange::Map) => crate::t!("risk.levels_mapped").to_string(),
        Some(LevelChange::Clear) => crate::t!("risk.levels_cleared").to_string(),
        None => String::new(),
    };
    if let Some(last) = set.changes.last_mut()
        && last.after == before
        && last.levels.is_empty()
        && levels.is_empty()
    {
        last.after = after;
        last.at = now.wall;
        return;
    }
    set.changes.push(ScaleChange {
        at: now.wall,
        before,
        after,
        levels,
    });
}

impl Run for RiskSetup {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, fx: &mut Vec<Effect>) -> bool {
        r.setup_cmd(&self.grid, &cmd, now, fx);
        false
    }

    /// The settings are the forløp's.
    fn writes_sheet(&self) -> bool {
        false
    }

    /// Scale, the høy band and the uakseptabel band.
    fn rows(&self, _r: &Runner) -> usize {
        3
    }
}
