//! Text fields and forms on a step: which one a kind of activity opens for add, edit, delete
//! and theme, and what typing, Enter and Esc do in them.

use super::forms::{Input, InputTarget, MeasureForm};
use super::{Action, App, Overlay, Screen, Session, Then};
use crate::export::Formats;
use crate::runner::{Cmd, Now, Runner};
use crate::script::Activity;
use crate::t;
use crate::text::inert_line;
use crate::worksheet::risk::Column;

impl App {
    /// Opens the right text field or question for add/edit/delete/theme on the current step.
    pub(super) fn open_editor(&mut self, action: Action, activity: &Activity, selected: usize) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        match editor(s, activity, action, selected) {
            Editor::Open(overlay) => self.overlays.push(overlay),
            Editor::Say(message) => self.message = Some(message),
            Editor::Nothing => {}
        }
    }

    pub(super) fn input_action(&mut self, mut input: Box<Input>, action: Action, now: Now) {
        let armed = std::mem::take(&mut input.discard_armed);
        match action {
            // In the record, Esc means done: what was typed in the field is kept.
            Action::Cancel if matches!(input.target, InputTarget::Record { .. }) => {
                if let InputTarget::Record { key, field } = &input.target
                    && input.changed()
                {
                    self.runner_cmd(super::record::set(key, *field, input.text()), now);
                }
            }
            // Typed text is never thrown away by one Esc: the first says so, the second does.
            Action::Cancel if input.changed() && !armed => {
                input.discard_armed = true;
                self.overlays.push(Overlay::Input(input));
            }
            Action::Cancel => {}
            Action::Submit if input.target == InputTarget::ExportDir => {
                self.export_to(std::path::Path::new(input.text().trim()));
            }
            Action::Submit => {
                let text = input.text();
                let cmd = match &input.target {
                    InputTarget::AddItem => Cmd::Add(text),
                    InputTarget::EditItem => Cmd::Edit(text),
                    InputTarget::Theme => Cmd::SetTheme(text),
                    InputTarget::Field => Cmd::SetField(text),
                    InputTarget::Count => Cmd::Add(text),
                    InputTarget::Cell(column) => Cmd::CellText(*column, text),
                    InputTarget::Record { key, field } => super::record::set(key, *field, text),
                    InputTarget::ExportDir => return,
                };
                let adding = input.target == InputTarget::AddItem;
                self.runner_cmd(cmd, now);
                // Adding goes on with a fresh field, so a list can be typed in one go.
                if adding && !input.text().trim().is_empty() {
                    self.overlays
                        .push(Overlay::input(input.title, input.target, ""));
                }
            }
            // Tab in a form's field: keep what was typed and go on to the next field.
            Action::NextField | Action::PrevField if input.target == InputTarget::Field => {
                self.next_form_field(&input, action == Action::NextField, now);
            }
            Action::NextField | Action::PrevField
                if matches!(input.target, InputTarget::Record { .. }) =>
            {
                self.next_record_field(&input, action == Action::NextField, now);
            }
            Action::Newline if !input.target.single_line() => {
                input.area.insert_newline();
                self.overlays.push(Overlay::Input(input));
            }
            Action::Type(key) => {
                input.area.input(key);
                self.overlays.push(Overlay::Input(input));
            }
            _ => self.overlays.push(Overlay::Input(input)),
        }
    }

    /// Saves a form field and opens the next (or previous) one; at the end of the form the
    /// field just closes.
    fn next_form_field(&mut self, input: &Input, forward: bool, now: Now) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let activity = s.runner.activity();
        let Activity::Fields(_) = &activity else {
            // The summary is one field: Tab keeps what was typed and closes it.
            self.runner_cmd(Cmd::SetField(input.text()), now);
            return;
        };
        let before = s.runner.selected;
        self.runner_cmd(Cmd::SetField(input.text()), now);
        self.runner_cmd(if forward { Cmd::Down } else { Cmd::Up }, now);
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let selected = s.runner.selected;
        if selected != before {
            self.open_editor(Action::Enter, &activity, selected);
        }
    }

    pub(super) fn measure_action(&mut self, mut form: Box<MeasureForm>, action: Action, now: Now) {
        use ratatui::crossterm::event::KeyCode;
        let armed = std::mem::take(&mut form.discard_armed);
        match action {
            Action::Cancel if form.changed() && !armed => form.discard_armed = true,
            Action::Cancel => return,
            Action::Submit => match form.draft() {
                Ok(draft) => {
                    let cmd = match form.index {
                        Some(i) => Cmd::EditMeasure(i, draft),
                        None => Cmd::AddMeasure(draft),
                    };
                    self.runner_cmd(cmd, now);
                    return;
                }
                Err(e) => form.error = Some(e.to_string()),
            },
            Action::NextField => form.next_field(true),
            Action::PrevField => form.next_field(false),
            Action::Type(key) if form.focus == 3 => match key.code {
                KeyCode::Char(' ') | KeyCode::Right => form.status = form.status.next(),
                KeyCode::Left => {
                    for _ in 0..3 {
                        form.status = form.status.next();
                    }
                }
                KeyCode::Up => form.next_field(false),
                KeyCode::Down => form.next_field(true),
                _ => {}
            },
            Action::Type(key)
                if key.code == KeyCode::Up && form.fields[form.focus].cursor().0 == 0 =>
            {
                form.next_field(false)
            }
            Action::Type(key)
                if key.code == KeyCode::Down
                    && form.fields[form.focus].cursor().0 + 1
                        >= form.fields[form.focus].lines().len() =>
            {
                form.next_field(true)
            }
            Action::Type(key) => {
                form.fields[form.focus].input(key);
            }
            Action::Newline if form.focus == 0 => form.fields[0].insert_newline(),
            _ => {}
        }
        self.overlays.push(Overlay::Measure(form));
    }

    /// Writes the whole forløp, as it is in memory, into `dir`.
    fn export_to(&mut self, dir: &std::path::Path) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let r = &s.runner;
        // From the room, everything: Markdown, CSV, the printable pages and the workbook.
        let data = (&*r.script, &r.forlop, &r.sheets);
        let docs = match crate::export::documents(&s.dir.slug(), data, Formats::ALL, self.today) {
            Ok(docs) => docs,
            Err(e) => {
                self.message = Some(e.to_string());
                return;
            }
        };
        let written = crate::worksheet::files::write_documents(dir, &docs);
        self.message = Some(match written {
            Ok(paths) => t!(
                "app.exported_to",
                files = paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(e) => t!(
                "app.editor.kunne_ikke_eksportere_til_dir",
                dir = dir.display(),
                e = e
            ),
        });
    }
}

/// What add, edit, delete or theme leads to on a step.
enum Editor {
    Open(Overlay),
    /// Nothing to edit here, and why.
    Say(String),
    Nothing,
}

/// The one place that knows which editor each kind of activity opens.
fn editor(s: &Session, activity: &Activity, action: Action, selected: usize) -> Editor {
    let r = &s.runner;
    let edit = matches!(action, Action::Add | Action::Edit | Action::Enter);
    match activity {
        Activity::Summary if edit => {
            let current = r.sheet().map(|s| s.summary.clone()).unwrap_or_default();
            Editor::Open(Overlay::input(
                t!("app.summary"),
                InputTarget::Field,
                &current,
            ))
        }
        Activity::RiskGrid(g) if action != Action::Theme => {
            risk_grid_editor(r, &g.grid, s.column, action, selected)
        }
        Activity::Plan(_) if action != Action::Theme => plan_editor(r, action, selected),
        Activity::Fields(f) if edit => match f.fields.get(selected) {
            Some(label) => {
                let current = r
                    .sheet()
                    .and_then(|s| s.forms.get(&f.form))
                    .and_then(|f| f.get(label))
                    .cloned()
                    .unwrap_or_default();
                Editor::Open(Overlay::input(label.clone(), InputTarget::Field, &current))
            }
            None => Editor::Nothing,
        },
        Activity::Checklist(c) if edit => match c.items.get(selected) {
            Some(def) if def.count => {
                let current = r
                    .sheet()
                    .and_then(|s| s.checks.get(&r.step().id))
                    .and_then(|c| c.iter().find(|c| c.label == def.label))
                    .map_or(0, |c| c.count);
                let current = current.to_string();
                Editor::Open(Overlay::input(
                    def.label.clone(),
                    InputTarget::Count,
                    &current,
                ))
            }
            Some(_) => Editor::Say(t!("app.tick_with_space").into()),
            None => Editor::Nothing,
        },
        a if a.list().is_some() && (edit || action == Action::Delete) => {
            list_editor(r, action, selected)
        }
        Activity::Group(_) if action == Action::Theme => match r.visible_items().get(selected) {
            Some(item) => Editor::Open(Overlay::input(
                t!("app.theme_title"),
                InputTarget::Theme,
                item.theme.as_deref().unwrap_or(""),
            )),
            None => Editor::Nothing,
        },
        _ if action == Action::Theme => Editor::Say(t!("app.theme_elsewhere").into()),
        _ => Editor::Nothing,
    }
}

/// Add, edit or delete an item of a list.
fn list_editor(r: &Runner, action: Action, selected: usize) -> Editor {
    let item = r.visible_items().get(selected).copied();
    let new = || Overlay::input(t!("app.new_item"), InputTarget::AddItem, "");
    Editor::Open(match (action, item) {
        (Action::Add, _) | (_, None) if action != Action::Delete => new(),
        (Action::Delete, Some(item)) => Overlay::Confirm {
            question: t!("app.delete_item", text = inert_line(&item.text)),
            then: Then::DeleteItem,
        },
        (Action::Delete, None) => return Editor::Nothing,
        (_, Some(item)) => Overlay::input(t!("app.edit_item"), InputTarget::EditItem, &item.text),
        _ => return Editor::Nothing,
    })
}

/// Add a row, write in the focused text column, or delete a row of a risk grid.
fn risk_grid_editor(
    r: &Runner,
    grid: &str,
    column: Column,
    action: Action,
    selected: usize,
) -> Editor {
    let new = || Overlay::input(t!("app.new_risk"), InputTarget::AddItem, "");
    let row = r.grid_rows(grid).get(selected);
    Editor::Open(match (action, row) {
        (Action::Add, _) | (Action::Edit | Action::Enter, None) => new(),
        (Action::Edit | Action::Enter, Some(row)) => match column.text(row) {
            Some(text) => Overlay::input(
                t!("app.risk_column", id = row.id, column = column.label()),
                InputTarget::Cell(column),
                text,
            ),
            None => return Editor::Say(t!("app.risk_level_column", column = column.label())),
        },
        (Action::Delete, Some(row)) => Overlay::Confirm {
            question: t!("app.delete_risk", id = row.id, tema = inert_line(&row.tema)),
            then: Then::DeleteItem,
        },
        _ => return Editor::Nothing,
    })
}

/// Add, edit or delete a measure of the handlingsplan.
fn plan_editor(r: &Runner, action: Action, selected: usize) -> Editor {
    let measure = r.forlop.plan.get(selected);
    Editor::Open(match (action, measure) {
        (Action::Add, _) | (Action::Edit | Action::Enter, None) => Overlay::Measure(Box::default()),
        (Action::Edit | Action::Enter, Some(m)) => {
            Overlay::Measure(Box::new(MeasureForm::edit(selected, m)))
        }
        (Action::Delete, Some(m)) => Overlay::Confirm {
            question: t!("app.delete_measure", tiltak = inert_line(&m.tiltak)),
            then: Then::DeleteMeasure(selected),
        },
        _ => return Editor::Nothing,
    })
}
