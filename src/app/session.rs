//! An open forløp: the runner, its folder and lock, and the keys that drive a session.

use super::forms::{Input, InputTarget, MeasureForm};
use super::{Action, App, Overlay, Screen, Then};
use crate::export::markdown;
use crate::runner::{Cmd, Effect, Now, Runner};
use crate::script::{Activity, Library};
use crate::worksheet::store::{ForlopDir, Lock, Recovery};
use std::collections::BTreeSet;

pub struct Session {
    pub runner: Runner,
    pub dir: ForlopDir,
    _lock: Lock,
    /// Effects that failed (e.g. a full disk), kept to retry; the data stays in memory.
    failed: Vec<Effect>,
    pub save_error: Option<String>,
}

impl Session {
    /// Locks and loads a forløp. Unreadable worksheets are reported and never written over.
    pub fn open(dir: ForlopDir, library: &Library) -> Result<(Session, Vec<String>), String> {
        let lock = dir.lock().map_err(|e| e.to_string())?;
        let forlop = dir.load_forlop().map_err(|e| {
            format!("{e}. Filen blir ikke endret; rett den, eller hent forrige versjon fra forlop.ron.bak")
        })?;
        let script = library
            .get(&forlop.workshop)
            .ok_or_else(|| {
                format!(
                    "forløpet følger prosessen «{}», som ikke finnes her. Legg skriptet i workshops-mappa eller bruk --workshops",
                    forlop.workshop
                )
            })?
            .clone();
        let (sheets, errors) = dir.load_sheets();
        let warnings = errors
            .values()
            .map(|e| format!("{e}. Arbeidsarket blir ikke endret; resten av forløpet kan brukes"))
            .collect();
        let read_only: BTreeSet<_> = errors.into_keys().collect();
        let runner = Runner::new(script, forlop, sheets, read_only);
        Ok((
            Session {
                runner,
                dir,
                _lock: lock,
                failed: Vec::new(),
                save_error: None,
            },
            warnings,
        ))
    }

    /// Carries out the runner's effects. Returns whether the bell should ring.
    pub fn run_effects(&mut self, fx: Vec<Effect>) -> bool {
        let mut bell = false;
        for effect in fx {
            if effect == Effect::Bell {
                bell = true;
            } else if let Err(e) = self.apply(&effect) {
                self.save_error = Some(format!(
                    "Kunne ikke lagre ({e}). Alt er i minnet og lagres så snart det går; du kan også eksportere til en annen mappe."
                ));
                if !self.failed.contains(&effect) {
                    self.failed.push(effect);
                }
            }
        }
        bell
    }

    fn apply(&self, effect: &Effect) -> std::io::Result<()> {
        let r = &self.runner;
        match effect {
            Effect::SaveForlop => self.dir.save_forlop(&r.forlop),
            Effect::SaveSheet(key) => match r.sheets.get(key) {
                Some(sheet) if !r.read_only.contains(key) => self.dir.save_sheet(sheet),
                _ => Ok(()),
            },
            Effect::HandOver(key) => match r.sheets.get(key) {
                Some(sheet) => {
                    let text = markdown::session(&r.script, &r.forlop, sheet, &r.sheets);
                    self.dir.write_markdown(key, &text)
                }
                None => Ok(()),
            },
            Effect::Bell => Ok(()),
        }
    }

    /// Everything in memory, for the recovery file written after a crash.
    pub fn recovery(&self, now: Now) -> Recovery {
        Recovery {
            format: crate::worksheet::FORMAT,
            written: now.wall,
            forlop: self.runner.forlop.clone(),
            sheets: self.runner.sheets.values().cloned().collect(),
        }
    }

    /// Takes back what a crash left: the recovered forløp and worksheets replace the ones on
    /// disk (never a worksheet that could not be read), and are saved at once.
    pub fn recover(&mut self, rec: Recovery, from: &std::path::Path, now: Now) {
        let cmd = Cmd::Recover {
            forlop: Box::new(rec.forlop),
            sheets: rec.sheets,
        };
        let fx = self.runner.handle(cmd, now);
        self.run_effects(fx);
        let _ = self.dir.set_recovery_aside(from, now.wall);
    }

    /// Puts a worksheet's backup in place of the unreadable file and loads it.
    pub fn restore_sheet(
        &mut self,
        key: &crate::worksheet::SheetKey,
        now: Now,
    ) -> Result<std::path::PathBuf, String> {
        let path = self.dir.sheet_path(key);
        let kept = crate::worksheet::store::restore_backup(&path, now.wall)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let sheet = crate::worksheet::store::load_ron(&path).map_err(|e| e.to_string())?;
        let fx = self.runner.handle(Cmd::Restored(Box::new(sheet)), now);
        self.run_effects(fx);
        Ok(kept)
    }

    /// Whether every change is on disk.
    pub fn all_saved(&self) -> bool {
        self.failed.is_empty()
    }

    /// The files whose latest changes are not on disk, said so a person knows what they are.
    pub fn unsaved(&self) -> Vec<String> {
        self.failed
            .iter()
            .filter_map(|effect| match effect {
                Effect::SaveForlop => Some(crate::t!("app.unsaved_forlop").to_string()),
                Effect::SaveSheet(key) => {
                    Some(crate::t!("app.unsaved_sheet", sheet = key.file_stem()))
                }
                Effect::HandOver(key) => {
                    Some(crate::t!("app.unsaved_markdown", sheet = key.file_stem()))
                }
                Effect::Bell => None,
            })
            .collect()
    }

    /// Tries the failed saves again.
    pub fn retry_failed(&mut self) {
        if self.failed.is_empty() {
            return;
        }
        let failed = std::mem::take(&mut self.failed);
        self.failed = failed
            .into_iter()
            .filter(|e| self.apply(e).is_err())
            .collect();
        if self.failed.is_empty() {
            self.save_error = None;
        }
    }
}

impl App {
    fn runner_cmd(&mut self, cmd: Cmd, now: Now) {
        if let Screen::Session(s) = &mut self.screen {
            let fx = s.runner.handle(cmd, now);
            self.bell |= s.run_effects(fx);
        }
    }

    pub(super) fn session_action(&mut self, action: Action, now: Now) {
        let Screen::Session(s) = &self.screen else {
            return;
        };
        let r = &s.runner;
        let activity = r.activity();
        let selected = r.selected;
        if let (Action::Mark | Action::Unmark, Activity::RiskSetup { grid }) = (action, &activity)
            && selected == 0
            && let Some((next, assessed)) = r.scale_switch(grid, action == Action::Mark)
            && assessed > 0
        {
            let choice = scale_choice(r, grid, next, assessed, action == Action::Mark);
            self.overlays.push(choice);
            return;
        }
        let cmd = match action {
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
            Action::Digit(n) => Cmd::Level(n),
            Action::NextField => Cmd::Column(1),
            Action::PrevField => Cmd::Column(-1),
            Action::ToggleView => Cmd::ToggleView,
            Action::Sort => Cmd::SortByRisk,
            Action::ToPlan => Cmd::ToPlan,
            Action::Guide => {
                self.show_guide = !self.show_guide;
                return;
            }
            Action::Overview => {
                let selected = r
                    .instances()
                    .iter()
                    .position(|&(round, at)| round == r.at.round && at == r.at.session)
                    .unwrap_or(0);
                self.overlays.push(Overlay::Overview { selected });
                return;
            }
            Action::Plan => {
                self.overlays.push(Overlay::Plan { selected: 0 });
                return;
            }
            Action::Finish => {
                let question = format!(
                    "Avslutte «{} · {}» og levere arbeidsarket videre som stafettpinne?",
                    r.phase().title,
                    r.session().title
                );
                self.overlays.push(Overlay::Confirm {
                    question,
                    then: Then::Finish,
                });
                return;
            }
            Action::Enter
                if matches!(activity, Activity::PickSet { .. } | Activity::Roles { .. }) =>
            {
                Cmd::Mark
            }
            Action::Add | Action::Edit | Action::Enter | Action::Delete | Action::Theme => {
                return self.open_editor(action, &activity, selected);
            }
            Action::Status => match activity {
                Activity::Plan { .. } => Cmd::CycleMeasure(selected),
                _ => return,
            },
            Action::MoveUp | Action::MoveDown => {
                let up = action == Action::MoveUp;
                match activity {
                    Activity::Plan { .. } => Cmd::MoveMeasure {
                        index: selected,
                        up,
                    },
                    _ if up => Cmd::MoveUp,
                    _ => Cmd::MoveDown,
                }
            }
            Action::Export => {
                let home = directories::UserDirs::new()
                    .map(|u| u.home_dir().display().to_string())
                    .unwrap_or_default();
                self.overlays.push(Overlay::input(
                    "Eksporter hele forløpet som Markdown til mappa",
                    InputTarget::ExportDir,
                    &home,
                ));
                return;
            }
            Action::NewRound => {
                self.message = Some("Ny runde startes fra oversikten: trykk o, så R.".into());
                return;
            }
            _ => return,
        };
        self.runner_cmd(cmd, now);
    }

    /// Writes the whole forløp, as it is in memory, as Markdown into `dir`.
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

    fn plan_move(&mut self, index: usize, up: bool, now: Now) -> bool {
        let Screen::Session(s) = &mut self.screen else {
            return false;
        };
        let before = s.runner.forlop.plan.clone();
        let fx = s.runner.handle(Cmd::MoveMeasure { index, up }, now);
        s.run_effects(fx);
        before != s.runner.forlop.plan
    }

    /// Opens the right text field or question for add/edit/delete/theme on the current step.
    fn open_editor(&mut self, action: Action, activity: &Activity, selected: usize) {
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
                    self.message = Some("Denne prosessen går ikke i runder.".into());
                } else {
                    let question = format!(
                        "Starte runde {}? Prosessen begynner igjen med {}; handlingsplanen følger med.",
                        s.runner.forlop.round + 1,
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
                    let question = format!(
                        "Slette tiltaket «{}» fra handlingsplanen?",
                        crate::text::inert_line(&m.tiltak)
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
        question: crate::t!(
            "risk.switch_question",
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
