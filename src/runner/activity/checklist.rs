//! Checklist: ticks and counts, e.g. who is present by role.

use super::super::{Cmd, Now, Runner};
use crate::script::CheckDef;
use crate::t;
use crate::worksheet::Check;
use super::Run;
use super::super::Effect;
use crate::script::activity::Checklist;

pub(super) fn handle(r: &mut Runner, defs: &[CheckDef], cmd: Cmd, now: Now) -> bool {
    match cmd {
        Cmd::Add(text) => r.set_count(defs, &text, now),
        Cmd::Mark => r.check(defs, 1, now),
        Cmd::Unmark => r.check(defs, -1, now),
        _ => false,
    }
}

impl Runner {
    fn checklist(&mut self, defs: &[CheckDef], now: Now) -> &mut Vec<Check> {
        let step_id = self.step().id.clone();
        let checks = self.sheet_mut(now).checks.entry(step_id).or_default();
        for def in defs {
            if !checks.iter().any(|c| c.label == def.label) {
                checks.push(Check {
                    label: def.label.clone(),
                    checked: false,
                    count: 0,
                });
            }
        }
        checks
    }

    fn check(&mut self, defs: &[CheckDef], delta: i32, now: Now) -> bool {
        let Some(def) = defs.get(self.selected).cloned() else {
            return false;
        };
        let checks = self.checklist(defs, now);
        let Some(c) = checks.iter_mut().find(|c| c.label == def.label) else {
            return false;
        };
        if def.count {
            let count = c.count.saturating_add_signed(delta);
            let changed = count != c.count;
            c.count = count;
            changed
        } else {
            let checked = delta > 0 && !c.checked;
            let changed = checked != c.checked;
            c.checked = checked;
            changed
        }
    }

    fn set_count(&mut self, defs: &[CheckDef], text: &str, now: Now) -> bool {
        let Some(def) = defs.get(self.selected).cloned() else {
            return false;
        };
        if !def.count {
            return false;
        }
        let Ok(n) = text.trim().parse::<u32>() else {
            self.notice = Some(t!(
                "runner.checklist.not_a_number",
                text = crate::text::inert_line(text)
            ));
            return false;
        };
        let checks = self.checklist(defs, now);
        match checks.iter_mut().find(|c| c.label == def.label) {
            Some(c) => {
                c.count = n;
                true
            }
            None => false,
        }
    }
}

impl Run for Checklist {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, _fx: &mut Vec<Effect>) -> bool {
        handle(r, &self.items, cmd, now)
    }

    fn rows(&self, _r: &Runner) -> usize {
        self.items.len()
    }
}
