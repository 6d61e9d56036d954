//! The home screen: the forløp on this machine; opening, creating and deleting one.

use super::errors::{CreateError, OpenError};
use super::forms::NewForlop;
use super::{Action, App, Home, HomeEntry, Overlay, Screen, Session, Then};
use crate::runner::Now;
use crate::t;
use crate::worksheet::recovery::Found;
use crate::worksheet::store::ForlopDir;

impl App {
    pub fn refresh_home(&mut self) {
        let entries = self
            .store
            .list_keeping_index()
            .into_iter()
            .map(|l| HomeEntry {
                dir: l.dir,
                overview: l.overview.map_err(|e| e.to_string()),
            })
            .collect();
        let selected = match &self.screen {
            Screen::Home(h) => h.selected,
            Screen::Session(_) => 0,
        };
        let mut home = Home { entries, selected };
        home.selected = home.selected.min(home.entries.len().saturating_sub(1));
        self.screen = Screen::Home(home);
    }

    pub(super) fn home_action(&mut self, action: Action) {
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        match action {
            Action::Up => home.selected = home.selected.saturating_sub(1),
            Action::Down if home.selected + 1 < home.entries.len() => home.selected += 1,
            Action::Add => self.overlays.push(Overlay::NewForlop(Box::default())),
            Action::Enter | Action::NextStep => {
                if let Some(entry) = home.entries.get(home.selected) {
                    let dir = entry.dir.clone();
                    if let Err(e) = self.open(dir) {
                        self.message = Some(e.to_string());
                    }
                }
            }
            Action::Delete => {
                if let Some(entry) = home.entries.get(home.selected) {
                    self.overlays.push(Overlay::Confirm {
                        question: t!(
                            "app.home.slette_forlopet_name_med_alle",
                            name = entry.name()
                        ),
                        then: Then::DeleteForlop(entry.dir.clone()),
                    });
                }
            }
            _ => {}
        }
    }

    /// Opens a forløp: takes its lock, loads it, and shows the session where it was left.
    /// Opens a forløp, offering back what an earlier run left (a backup, a recovery file). The
    /// error says why it did not open and nothing was offered instead.
    pub fn open(&mut self, dir: ForlopDir) -> Result<(), OpenError> {
        use crate::worksheet::store::backup_readable;
        match Session::open(dir.clone(), &self.library) {
            Ok((session, warnings)) => {
                self.warnings.extend(warnings);
                for key in &session.runner.read_only {
                    let path = session.dir.sheet_path(key);
                    if backup_readable::<crate::worksheet::Worksheet>(&path) {
                        self.overlays.push(Overlay::Confirm {
                            question: crate::t!(
                                "app.sheet_backup_offer",
                                file = path.file_name().unwrap_or_default().to_string_lossy()
                            ),
                            then: Then::RestoreSheet(key.clone()),
                        });
                    }
                }
                match session.dir.find_recovery(&session.runner.forlop.name) {
                    Some(Found {
                        path,
                        recovery: Ok(rec),
                    }) => self.overlays.push(Overlay::Confirm {
                        question: crate::t!(
                            "app.recovery_offer",
                            when = rec.written.format("%d.%m.%Y %H:%M")
                        ),
                        then: Then::Recover(path),
                    }),
                    Some(Found {
                        recovery: Err(e), ..
                    }) => self.message = Some(crate::t!("app.recovery_unreadable", error = e)),
                    None => {}
                }
                self.screen = Screen::Session(Box::new(session));
                Ok(())
            }
            // A forløp file that cannot be read, with a backup that can: offer the backup.
            Err(OpenError::Forlop(load))
                if backup_readable::<crate::worksheet::Forlop>(&dir.forlop_path()) =>
            {
                self.overlays.push(Overlay::Confirm {
                    question: t!("app.home.load_forrige_versjon_forlop_ron", load = load),
                    then: Then::RestoreForlop(dir),
                });
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    pub fn create(&mut self, workshop: &str, name: &str, now: Now) -> Result<(), CreateError> {
        let script = self
            .library
            .get(workshop)
            .ok_or_else(|| CreateError::NoProcess {
                workshop: workshop.to_string(),
                available: self
                    .library
                    .scripts
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?
            .clone();
        if name.trim().is_empty() {
            return Err(CreateError::NoName);
        }
        let first = script.session(script.round_sessions(1)[0]).id.clone();
        let (dir, _) = self
            .store
            .create(name, &script.id, &first, now.wall)
            .map_err(CreateError::Store)?;
        self.open(dir).map_err(CreateError::Open)
    }

    pub(super) fn new_forlop_action(&mut self, mut form: Box<NewForlop>, action: Action, now: Now) {
        let count = self.library.scripts.len();
        match action {
            Action::Cancel => return,
            Action::Submit => {
                let Some(src) = self.library.scripts.get(form.workshop) else {
                    return;
                };
                let id = src.id.clone();
                match self.create(&id, &form.name(), now) {
                    Ok(()) => return,
                    Err(e) => form.error = Some(e.to_string()),
                }
            }
            Action::Type(key) if key.code == ratatui::crossterm::event::KeyCode::Up => {
                form.workshop = form.workshop.saturating_sub(1)
            }
            Action::Type(key) if key.code == ratatui::crossterm::event::KeyCode::Down => {
                form.workshop = (form.workshop + 1).min(count.saturating_sub(1))
            }
            Action::NextField => form.workshop = (form.workshop + 1) % count.max(1),
            Action::PrevField => form.workshop = (form.workshop + count.max(1) - 1) % count.max(1),
            Action::Type(key) => {
                form.name.input(key);
            }
            _ => {}
        }
        self.overlays.push(Overlay::NewForlop(form));
    }
}
