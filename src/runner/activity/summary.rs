//! Summary: the agreed summary text, put first in the export.

use super::super::{Cmd, Now, Runner};

pub(super) fn handle(r: &mut Runner, cmd: Cmd, now: Now) -> bool {
    let Cmd::SetField(text) = cmd else {
        return false;
    };
    r.sheet_mut(now).summary = text.trim_end().to_string();
    true
}
