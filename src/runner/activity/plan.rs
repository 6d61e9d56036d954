//! Plan: the forløp's handlingsplan. Its commands work from any step (the plan overlay),
//! so the dispatch hands them here before asking the step's kind.

use super::super::{Cmd, Effect, Runner};
use crate::script::Activity;
use crate::script::activity::Plan;
use crate::t;
use crate::worksheet::{Measure, MeasureDraft, MeasureId, RowId};
use super::Run;

pub(super) fn takes(cmd: &Cmd) -> bool {
    matches!(
        cmd,
        Cmd::AddMeasure(_)
            | Cmd::EditMeasure(..)
            | Cmd::DeleteMeasure(_)
            | Cmd::CycleMeasure(_)
            | Cmd::MoveMeasure { .. }
    )
}

impl Runner {
    pub(super) fn plan_cmd(&mut self, cmd: Cmd, fx: &mut Vec<Effect>) {
        let plan = &mut self.forlop.plan;
        let changed = match cmd {
            Cmd::AddMeasure(d) => self.add_measure(d),
            Cmd::EditMeasure(i, d) => match plan.get_mut(i) {
                Some(m) if !d.tiltak.trim().is_empty() => {
                    m.tiltak = d.tiltak.trim().to_string();
                    m.ansvarlig = d.ansvarlig.trim().to_string();
                    m.frist = d.frist;
                    m.status = d.status;
                    true
                }
                _ => false,
            },
            Cmd::DeleteMeasure(i) => {
                let ok = i < plan.len();
                if ok {
                    plan.remove(i);
                }
                ok
            }
            Cmd::CycleMeasure(i) => match plan.get_mut(i) {
                Some(m) => {
                    m.status = m.status.next();
                    true
                }
                None => false,
            },
            Cmd::MoveMeasure { index, up } => self.move_measure(index, up),
            _ => false,
        };
        if changed {
            fx.push(Effect::SaveForlop);
        }
    }

    /// Adds a row to the plan, saying where it was made (and which item or risk it answers);
    /// the one way a measure is made.
    pub(super) fn new_measure(&mut self, tiltak: String, risk: Option<RowId>) -> MeasureId {
        let origin = t!(
            "runner.origin",
            round = self.at.round,
            phase = self.phase().title,
            session = self.session().title
        );
        // A measure made while going through items says which item it answers.
        let origin = match self.current_item() {
            Some(item) => format!("{origin} · {}", item.text),
            None => origin,
        };
        self.forlop.next_id = self.forlop.next_id.max(1);
        let id = MeasureId(self.forlop.next_id);
        self.forlop.next_id += 1;
        self.forlop.plan.push(Measure {
            id,
            tiltak,
            ansvarlig: String::new(),
            frist: None,
            status: Default::default(),
            origin,
            risk,
        });
        id
    }

    /// A new row of the plan, from the form.
    fn add_measure(&mut self, d: MeasureDraft) -> bool {
        if d.tiltak.trim().is_empty() {
            self.notice = Some(t!("runner.activity.plan.et_tiltak_trenger_en_tekst").into());
            return false;
        }
        self.new_measure(d.tiltak.trim().to_string(), None);
        let m = self.forlop.plan.last_mut().expect("just added");
        m.ansvarlig = d.ansvarlig.trim().to_string();
        m.frist = d.frist;
        m.status = d.status;
        if matches!(self.step().activity, Activity::Plan(_)) {
            self.selected = self.forlop.plan.len() - 1;
        }
        true
    }

    /// Moves a row up or down; on a plan step the selection follows it.
    fn move_measure(&mut self, index: usize, up: bool) -> bool {
        let plan = &mut self.forlop.plan;
        let j = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        match j {
            Some(j) if index < plan.len() && j < plan.len() => {
                plan.swap(index, j);
                let on_plan = matches!(self.step().activity, Activity::Plan(_));
                if on_plan && self.selected == index {
                    self.selected = j;
                }
                true
            }
            _ => false,
        }
    }
}

/// The plan's commands come through [`takes`] on every step; the step only shows the plan.
impl Run for Plan {
    fn rows(&self, r: &Runner) -> usize {
        r.forlop.plan.len()
    }
}
