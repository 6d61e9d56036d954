//! The overview and the plan overlays: moving in them and what Enter, R and the plan keys do.

use super::forms::MeasureForm;
use super::{Action, App, Overlay, Screen, Then};
use crate::runner::{Cmd, Now};
use crate::t;

impl App {
    pub(super) fn overview_action(&mut self, mut selected: usize, action: Action, now: Now) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let instances = s.runner.instances();
        match action {
            Action::Back | Action::Overview => return,
            Action::Up => selected = selected.saturating_sub(1),
            Action::Down => selected = (selected + 1).min(instances.len().saturating_sub(1)),
            Action::Enter => {
                if let Some(&(round, at)) = instances.get(selected) {
                    let session = s.runner.script.session(at).id.clone();
                    self.runner_cmd(Cmd::GoTo { round, session }, now);
                }
                return;
            }
            Action::NewRound => {
                if s.runner.script.cycle.is_none() {
                    self.message = Some(t!("app.overlays.denne_prosessen_gar_ikke_i").into());
                } else {
                    let question = t!(
                        "app.new_round_question",
                        round = s.runner.forlop.round + 1,
                        phase =
                            s.runner
                                .script
                                .restart_phase()
                                .map_or("", |p| s.runner.script.phases[p].title.as_str())
                    );
                    self.overlays.push(Overlay::Overview { selected });
                    self.overlays.push(Overlay::Confirm {
                        question,
                        then: Then::NewRound,
                    });
                    return;
                }
            }
            Action::Help => {
                self.overlays.push(Overlay::Overview { selected });
                self.overlays.push(Overlay::Help { scroll: 0 });
                return;
            }
            Action::Quit => return self.shutdown(now),
            _ => {}
        }
        self.overlays.push(Overlay::Overview { selected });
    }

    pub(super) fn plan_overlay_action(&mut self, mut selected: usize, action: Action, now: Now) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let plan = &s.runner.forlop.plan;
        let len = plan.len();
        let push_self = |app: &mut App, selected| app.overlays.push(Overlay::Plan { selected });
        match action {
            Action::Back | Action::Plan => return,
            Action::Quit => return self.shutdown(now),
            Action::Up => selected = selected.saturating_sub(1),
            Action::Down => selected = (selected + 1).min(len.saturating_sub(1)),
            Action::Add => {
                push_self(self, selected);
                self.overlays.push(Overlay::Measure(Box::default()));
                return;
            }
            Action::Edit | Action::Enter => {
                if let Some(m) = plan.get(selected) {
                    let form = Box::new(MeasureForm::edit(selected, m));
                    push_self(self, selected);
                    self.overlays.push(Overlay::Measure(form));
                    return;
                }
            }
            Action::Delete => {
                if let Some(m) = plan.get(selected) {
                    let question = t!(
                        "app.delete_measure",
                        tiltak = crate::text::inert_line(&m.tiltak)
                    );
                    push_self(self, selected.min(len.saturating_sub(2)));
                    self.overlays.push(Overlay::Confirm {
                        question,
                        then: Then::DeleteMeasure(selected),
                    });
                    return;
                }
            }
            Action::Status | Action::Mark => self.runner_cmd(Cmd::CycleMeasure(selected), now),
            Action::MoveUp | Action::MoveDown => {
                let up = action == Action::MoveUp;
                if self.plan_move(selected, up, now) {
                    selected = if up { selected - 1 } else { selected + 1 };
                }
            }
            Action::Help => {
                push_self(self, selected);
                self.overlays.push(Overlay::Help { scroll: 0 });
                return;
            }
            _ => {}
        }
        push_self(self, selected);
    }

    pub(super) fn plan_move(&mut self, index: usize, up: bool, now: Now) -> bool {
        let Screen::Session(s) = &mut self.screen else {
            return false;
        };
        let before = s.runner.forlop.plan.clone();
        s.command(Cmd::MoveMeasure { index, up }, now);
        before != s.runner.forlop.plan
    }
}
