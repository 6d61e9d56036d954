//! An open forløp: the runner, its folder and lock, and carrying out the runner's effects.

use super::errors::OpenError;
use super::{App, Screen};
use crate::export::markdown;
use crate::runner::{Cmd, Effect, Now, Runner};
use crate::script::Library;
use crate::t;
use crate::worksheet::risk::Column;
use crate::worksheet::store::StoreError;
use crate::worksheet::store::{ForlopDir, Lock, Recovery};
use std::collections::BTreeSet;

pub struct Session {
    pub runner: Runner,
    pub dir: ForlopDir,
    _lock: Lock,
    /// Effects that failed (e.g. a full disk), kept to retry; the data stays in memory.
    failed: Vec<Effect>,
    pub save_error: Option<String>,
    /// How the room sees a risk grid: the matrix rather than the table. Presentation only; it
    /// goes back to the table when the step changes.
    pub matrix: bool,
    /// The risk grid column a level key or an edit goes to; Tab moves it.
    pub column: Column,
    /// What the last command from the user said back; the clock does not clear it.
    pub notice: Option<String>,
}

impl Session {
    /// Locks and loads a forløp. Unreadable worksheets are reported and never written over.
    pub fn open(dir: ForlopDir, library: &Library) -> Result<(Session, Vec<String>), OpenError> {
        let lock = dir.lock().map_err(OpenError::Store)?;
        let forlop = dir.load_forlop().map_err(OpenError::Forlop)?;
        let script = library
            .get(&forlop.workshop)
            .ok_or_else(|| OpenError::NoScript(forlop.workshop.clone()))?
            .clone();
        let (sheets, errors) = dir.load_sheets();
        let warnings = errors
            .values()
            .map(|e| t!("app.session.e_arbeidsarket_blir_ikke_endret", e = e))
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
                matrix: false,
                column: Column::ALL[0],
                notice: None,
            },
            warnings,
        ))
    }

    /// Hands the runner a command and carries out its effects. Returns whether the bell
    /// should ring. A notice stays until the next command from the user: the clock and
    /// quitting do not clear it.
    pub fn command(&mut self, cmd: Cmd, now: Now) -> bool {
        if !matches!(cmd, Cmd::Tick | Cmd::Suspend) {
            self.notice = None;
        }
        let step = self.runner.at;
        let fx = self.runner.handle(cmd, now);
        // What is only seen belongs to the step it was chosen on.
        if self.runner.at != step {
            self.matrix = false;
            self.column = Column::ALL[0];
        }
        self.run_effects(fx)
    }

    /// Carries out the runner's effects. Returns whether the bell should ring.
    fn run_effects(&mut self, fx: Vec<Effect>) -> bool {
        let mut bell = false;
        for effect in fx {
            if effect == Effect::Bell {
                bell = true;
            } else if let Effect::Notice(text) = effect {
                self.notice = Some(text);
            } else if let Err(e) = self.apply(&effect) {
                self.save_error = Some(t!("app.session.kunne_ikke_lagre_e_alt", e = e));
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
            Effect::Bell | Effect::Notice(_) => Ok(()),
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
        self.command(cmd, now);
        let _ = self.dir.set_recovery_aside(from, now.wall);
    }

    /// Puts a worksheet's backup in place of the unreadable file and loads it.
    pub fn restore_sheet(
        &mut self,
        key: &crate::worksheet::SheetKey,
        now: Now,
    ) -> Result<std::path::PathBuf, StoreError> {
        let path = self.dir.sheet_path(key);
        let kept = crate::worksheet::store::restore_backup(&path, now.wall).map_err(|err| {
            StoreError::Io {
                path: path.clone(),
                err,
            }
        })?;
        let sheet = crate::worksheet::store::load_ron(&path).map_err(StoreError::Load)?;
        self.command(Cmd::Restored(Box::new(sheet)), now);
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
                Effect::Bell | Effect::Notice(_) => None,
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
    pub(super) fn runner_cmd(&mut self, cmd: Cmd, now: Now) {
        if let Screen::Session(s) = &mut self.screen {
            self.bell |= s.command(cmd, now);
        }
    }
}
