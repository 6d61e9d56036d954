//! Summary: the agreed summary text, put first in the export.

use super::super::{Cmd, Now, Runner};
use super::super::Effect;
use super::Run;
use crate::script::activity::Summary;

pub(super) fn handle(r: &mut Runner, cmd: Cmd, now: Now) -> bool {
    let Cmd::SetField(text) = cmd else {
        return false;
    };
    r.sheet_mut(now).summary = text.trim_end().to_string();
    true
}

impl Run for Summary {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, _fx: &mut Vec<Effect>) -> bool {
        handle(r, cmd, now)
    }
}
