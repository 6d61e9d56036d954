//! Fields: named text fields stored under a form.

use super::super::{Cmd, Now, Runner};

pub(super) fn handle(r: &mut Runner, form: &str, fields: &[String], cmd: Cmd, now: Now) -> bool {
    let Cmd::SetField(text) = cmd else {
        return false;
    };
    let Some(label) = fields.get(r.selected) else {
        return false;
    };
    r.sheet_mut(now)
        .forms
        .entry(form.to_string())
        .or_default()
        .insert(label.clone(), text);
    true
}
