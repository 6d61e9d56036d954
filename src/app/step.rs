//! The keys on a session's step: each becomes a runner command, a dialog, or a view change.

use super::forms::InputTarget;
use super::{Action, App, Overlay, Screen, Then};
use crate::runner::{Cmd, Now};
use crate::script::Activity;

impl App {
    pub(super) fn session_action(&mut self, action: Action, now: Now) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        if matches!(s.runner.step().activity, Activity::RiskGrid(_))
            && self.grid_action(action, now).is_some()
        {
            return;
        }
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let r = &s.runner;
        let activity = r.activity();
        let selected = r.selected;
        if let (Action::Mark | Action::Unmark, Activity::RiskSetup(setup)) = (action, &activity)
            && selected == 0
            && let Some((next, assessed)) = r.scale_switch(&setup.grid, action == Action::Mark)
            && assessed > 0
        {
            let choice = scale_choice(r, &setup.grid, next, assessed, action == Action::Mark);
            self.overlays.push(choice);
            return;
        }
        if let Some(cmd) = plain_cmd(action, &activity, selected) {
            self.runner_cmd(cmd, now);
            return;
        }
        match action {
            Action::Guide => self.show_guide = !self.show_guide,
            Action::ToggleView => {
                if let Screen::Session(s) = &mut self.screen
                    && s.runner.step().activity.spec().second_view()
                {
                    s.matrix = !s.matrix;
                }
            }
            Action::Overview => {
                let selected = r
                    .instances()
                    .iter()
                    .position(|&(round, at)| round == r.at.round && at == r.at.session)
                    .unwrap_or(0);
                self.overlays.push(Overlay::Overview { selected });
            }
            Action::Plan => self.overlays.push(Overlay::Plan { selected: 0 }),
            Action::Finish => self.overlays.push(finish_question(r)),
            Action::Add | Action::Edit | Action::Enter | Action::Delete | Action::Theme => {
                self.open_editor(action, &activity, selected)
            }
            Action::Export => {
                let home = directories::UserDirs::new()
                    .map(|u| u.home_dir().display().to_string())
                    .unwrap_or_default();
                self.overlays.push(Overlay::input(
                    crate::t!("app.export_title"),
                    InputTarget::ExportDir,
                    &home,
                ));
            }
            Action::NewRound => {
                self.message = Some(crate::t!("app.new_round_from_overview").into())
            }
            Action::Record => {
                let key = r.key();
                self.open_record(key, 0);
            }
            _ => {}
        }
    }
}

impl App {
    /// The keys that act on a risk grid's focused column, which is the view's; `None` for the
    /// others.
    fn grid_action(&mut self, action: Action, now: Now) -> Option<()> {
        let Screen::Session(s) = &mut self.screen else {
            return None;
        };
        match action {
            Action::NextField => s.column = s.column.moved(1),
            Action::PrevField => s.column = s.column.moved(-1),
            Action::Digit(n) => {
                let cmd = Cmd::CellLevel(s.column, n);
                self.runner_cmd(cmd, now);
            }
            _ => return None,
        }
        Some(())
    }
}

/// `F`: finish the session, or, when it is finished, open it again; asked first either way.
fn finish_question(r: &crate::runner::Runner) -> Overlay {
    let done = r
        .sheet()
        .is_some_and(|s| s.status == crate::worksheet::SessionStatus::Done);
    let (phase, session) = (&r.phase().title, &r.session().title);
    let (question, then) = if done {
        let q = crate::t!("app.reopen_question", phase = phase, session = session);
        (q, Then::Reopen)
    } else {
        let q = crate::t!("app.finish_question", phase = phase, session = session);
        (q, Then::Finish)
    };
    Overlay::Confirm { question, then }
}

/// The keys that are simply a runner command on this step.
fn plain_cmd(action: Action, activity: &Activity, selected: usize) -> Option<Cmd> {
    let on_plan = matches!(activity, Activity::Plan(_));
    Some(match action {
        Action::NextStep => Cmd::NextStep,
        Action::PrevStep => Cmd::PrevStep,
        Action::NextSession => Cmd::NextSession,
        Action::PrevSession => Cmd::PrevSession,
        Action::Up => Cmd::Up,
        Action::Down => Cmd::Down,
        Action::Mark => Cmd::Mark,
        Action::Unmark => Cmd::Unmark,
        Action::Import => Cmd::Import,
        Action::TimerToggle => Cmd::TimerToggle,
        Action::TimerMore => Cmd::TimerAdjust(60),
        Action::TimerLess => Cmd::TimerAdjust(-60),
        Action::TimerReset => Cmd::TimerReset,
        Action::ShortVersion => Cmd::ToggleShort,
        Action::Digit(n) => Cmd::Level(n),
        Action::Sort => Cmd::SortByRisk,
        Action::ToPlan => Cmd::ToPlan,
        Action::Enter if matches!(activity, Activity::PickSet(_) | Activity::Roles(_)) => Cmd::Mark,
        Action::Status if on_plan => Cmd::CycleMeasure(selected),
        Action::MoveUp | Action::MoveDown if on_plan => Cmd::MoveMeasure {
            index: selected,
            up: action == Action::MoveUp,
        },
        Action::MoveUp => Cmd::MoveUp,
        Action::MoveDown => Cmd::MoveDown,
        _ => return None,
    })
}

/// The question before a scale switch that would leave assessed levels off the new scale.
fn scale_choice(
    r: &crate::runner::Runner,
    grid: &str,
    next: &crate::script::RiskScale,
    assessed: usize,
    forward: bool,
) -> Overlay {
    use crate::worksheet::risk::{LevelChange, map_level};
    let from = r.risk_scale(grid);
    let from_len = from.map_or(5, |s| s.sannsynlighet.len());
    let to_len = next.sannsynlighet.len();
    let example = (1..=from_len as u8)
        .map(|l| format!("{l}→{}", map_level(l, from_len, to_len)))
        .collect::<Vec<_>>()
        .join(", ");
    Overlay::Choice {
        question: crate::tn!(
            "risk.switch_question",
            assessed,
            n = assessed,
            from = from.map_or(String::new(), |s| s.title.clone()),
            to = next.title
        ),
        options: vec![
            (
                crate::t!("risk.switch_map", example = example),
                Then::SwitchScale {
                    forward,
                    levels: LevelChange::Map,
                },
            ),
            (
                crate::t!("risk.switch_clear").to_string(),
                Then::SwitchScale {
                    forward,
                    levels: LevelChange::Clear,
                },
            ),
        ],
    }
}
