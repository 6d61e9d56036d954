//! Fields: named text fields stored under a form.

use super::super::{Cmd, Now, Runner};
use super::Run;
use super::super::Effect;
use crate::script::activity::Fields;

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

impl Run for Fields {
    fn handle(&self, r: &mut Runner, cmd: Cmd, now: Now, _fx: &mut Vec<Effect>) -> bool {
        handle(r, &self.form, &self.fields, cmd, now)
    }

    fn rows(&self, _r: &Runner) -> usize {
        self.fields.len()
    }
}
