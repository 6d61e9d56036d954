//! Roles: share tasks between roles (who invites, who leads which part), stored with the forløp.

use super::super::{Cmd, Effect, Runner};
use super::Run;
use super::super::Now;
use crate::script::activity::Roles;

pub(super) fn handle(
    r: &mut Runner,
    tasks: &[String],
    roles: &[String],
    cmd: Cmd,
    fx: &mut Vec<Effect>,
) {
    if !matches!(cmd, Cmd::Mark | Cmd::Level(_) | Cmd::Unmark) {
        return;
    }
    let Some(task) = tasks.get(r.selected) else {
        return;
    };
    let current = r
        .forlop
        .roles
        .get(task)
        .and_then(|x| roles.iter().position(|y| y == x));
    let next = match cmd {
        Cmd::Level(n) => usize::from(n).checked_sub(1).filter(|i| *i < roles.len()),
        Cmd::Mark => Some(current.map_or(0, |c| (c + 1) % roles.len().max(1))),
        _ => None,
    };
    match next {
        Some(i) if !roles.is_empty() => {
            r.forlop.roles.insert(task.clone(), roles[i].clone());
        }
        _ => {
            r.forlop.roles.remove(task);
        }
    }
    fx.push(Effect::SaveForlop);
}

impl Run for Roles {
    fn handle(&self, r: &mut Runner, cmd: Cmd, _now: Now, fx: &mut Vec<Effect>) -> bool {
        handle(r, &self.tasks, &self.roles, cmd, fx);
        false
    }

    /// The roles are the forløp's, not one session's.
    fn writes_sheet(&self) -> bool {
        false
    }

    fn rows(&self, _r: &Runner) -> usize {
        self.tasks.len()
    }
}
