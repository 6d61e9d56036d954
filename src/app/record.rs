//! The session record (referat): offered field by field when a session is finished, opened
//! again with `M`; Tab and Shift+Tab go between its fields, each saved as it is left.

use super::forms::{Input, InputTarget};
use super::{App, Overlay, Screen};
use crate::runner::{Cmd, Now};
use crate::t;
use crate::worksheet::SheetKey;
use crate::worksheet::record::record_fields;

/// The command that saves one field of a session's record.
pub(super) fn set(key: &SheetKey, field: usize, text: String) -> Cmd {
    let id = record_fields()[field.min(record_fields().len() - 1)].0;
    Cmd::SetRecord {
        key: key.clone(),
        field: id.to_string(),
        text,
    }
}

impl App {
    /// Opens field `field` of the record of session `key`, with what it holds.
    pub(super) fn open_record(&mut self, key: SheetKey, field: usize) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let fields = record_fields();
        let Some((id, label)) = fields.get(field) else {
            return;
        };
        let current = s
            .runner
            .sheets
            .get(&key)
            .and_then(|sheet| sheet.record.get(*id))
            .cloned()
            .unwrap_or_default();
        let title = t!(
            "record.title",
            n = field + 1,
            of = fields.len(),
            field = label
        );
        self.overlays.push(Overlay::input(
            title,
            InputTarget::Record { key, field },
            &current,
        ));
    }

    /// Saves the record field and opens the next (or previous); past the last it closes.
    pub(super) fn next_record_field(&mut self, input: &Input, forward: bool, now: Now) {
        let InputTarget::Record { key, field } = &input.target else {
            return;
        };
        self.runner_cmd(set(key, *field, input.text()), now);
        let next = if forward {
            field + 1
        } else {
            field.saturating_sub(1)
        };
        if next < record_fields().len() && (forward || *field > 0) {
            self.open_record(key.clone(), next);
        }
    }
}
