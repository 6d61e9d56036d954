//! Text fields and forms on a step: which one a kind of activity opens for add, edit, delete
//! and theme, and what typing, Enter and Esc do in them.

use super::forms::{Input, InputTarget, MeasureForm};
use super::{Action, App, Overlay, Screen, Then};
use crate::runner::{Cmd, Now};
use crate::script::Activity;

impl App {
    /// Opens the right text field or question for add/edit/delete/theme on the current step.
    pub(super) fn open_editor(&mut self, action: Action, activity: &Activity, selected: usize) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let r = &s.runner;
        let overlay = match (activity, action) {
            (Activity::Summary, Action::Add | Action::Edit | Action::Enter) => {
                let current = r.sheet().map(|s| s.summary.clone()).unwrap_or_default();
                Overlay::input("Oppsummering", InputTarget::Field, &current)
            }
            (Activity::RiskGrid { .. }, Action::Add) => {
                Overlay::input("Ny risiko: tema", InputTarget::AddItem, "")
            }
            (Activity::RiskGrid { grid, .. }, Action::Edit | Action::Enter) => {
                let column = r.column();
                match r.grid_rows(grid).get(selected) {
                    Some(row) => match column.text(row) {
                        Some(text) => Overlay::input(
                            format!("Risiko {}: {}", row.id, column.label()),
                            InputTarget::EditItem,
                            text,
                        ),
                        None => {
                            self.message = Some(format!(
                                "{} settes med et tall. Tab flytter til en tekstkolonne.",
                                column.label()
                            ));
                            return;
                        }
                    },
                    None => Overlay::input("Ny risiko: tema", InputTarget::AddItem, ""),
                }
            }
            (Activity::RiskGrid { grid, .. }, Action::Delete) => {
                match r.grid_rows(grid).get(selected) {
                    Some(row) => Overlay::Confirm {
                        question: format!(
                            "Slette risiko {} «{}»?",
                            row.id,
                            crate::text::inert_line(&row.tema)
                        ),
                        then: Then::DeleteItem,
                    },
                    None => return,
                }
            }
            (Activity::Plan { .. }, Action::Add) => Overlay::Measure(Box::default()),
            (Activity::Plan { .. }, Action::Edit | Action::Enter) => {
                match r.forlop.plan.get(selected) {
                    Some(m) => Overlay::Measure(Box::new(MeasureForm::edit(selected, m))),
                    None => Overlay::Measure(Box::default()),
                }
            }
            (Activity::Plan { .. }, Action::Delete) => match r.forlop.plan.get(selected) {
                Some(m) => Overlay::Confirm {
                    question: format!(
                        "Slette tiltaket «{}» fra handlingsplanen?",
                        crate::text::inert_line(&m.tiltak)
                    ),
                    then: Then::DeleteMeasure(selected),
                },
                None => return,
            },
            (a, Action::Add) if a.list().is_some() => {
                Overlay::input("Nytt punkt", InputTarget::AddItem, "")
            }
            (a, Action::Edit | Action::Enter) if a.list().is_some() => match r
                .visible_items()
                .get(selected)
            {
                Some(item) => Overlay::input("Rediger punkt", InputTarget::EditItem, &item.text),
                None => Overlay::input("Nytt punkt", InputTarget::AddItem, ""),
            },
            (a, Action::Delete) if a.list().is_some() => match r.visible_items().get(selected) {
                Some(item) => Overlay::Confirm {
                    question: format!("Slette «{}»?", crate::text::inert_line(&item.text)),
                    then: Then::DeleteItem,
                },
                None => return,
            },
            (Activity::Group { .. }, Action::Theme) => match r.visible_items().get(selected) {
                Some(item) => Overlay::input(
                    "Tema for punktet (tomt fjerner temaet)",
                    InputTarget::Theme,
                    item.theme.as_deref().unwrap_or(""),
                ),
                None => return,
            },
            (Activity::Fields { form, fields }, Action::Add | Action::Edit | Action::Enter) => {
                let Some(label) = fields.get(selected) else {
                    return;
                };
                let current = r
                    .sheet()
                    .and_then(|s| s.forms.get(form))
                    .and_then(|f| f.get(label))
                    .cloned()
                    .unwrap_or_default();
                Overlay::input(label.clone(), InputTarget::Field, &current)
            }
            (Activity::Checklist { items }, Action::Add | Action::Edit | Action::Enter) => {
                match items.get(selected) {
                    Some(def) if def.count => {
                        let current = r
                            .sheet()
                            .and_then(|s| s.checks.get(&r.step().id))
                            .and_then(|c| c.iter().find(|c| c.label == def.label))
                            .map_or(0, |c| c.count);
                        Overlay::input(def.label.clone(), InputTarget::Count, &current.to_string())
                    }
                    Some(_) => {
                        self.message = Some("Kryss av med mellomrom.".into());
                        return;
                    }
                    None => return,
                }
            }
            (_, Action::Theme) => {
                self.message = Some("Tema gis i steget der punktene grupperes.".into());
                return;
            }
            _ => return,
        };
        self.overlays.push(overlay);
    }

    pub(super) fn input_action(&mut self, mut input: Box<Input>, action: Action, now: Now) {
        let armed = std::mem::take(&mut input.discard_armed);
        match action {
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
                let cmd = match input.target {
                    InputTarget::AddItem => Cmd::Add(text),
                    InputTarget::EditItem => Cmd::Edit(text),
                    InputTarget::Theme => Cmd::SetTheme(text),
                    InputTarget::Field => Cmd::SetField(text),
                    InputTarget::Count => Cmd::Add(text),
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
                Err(e) => form.error = Some(e),
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
        let docs = crate::export::documents(&s.dir.slug(), &r.script, &r.forlop, &r.sheets);
        let written = crate::worksheet::files::write_documents(dir, &docs);
        self.message = Some(match written {
            Ok(paths) => format!(
                "Eksportert til {}",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(e) => format!("Kunne ikke eksportere til {}: {e}", dir.display()),
        });
    }
}
