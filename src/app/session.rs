//! An open forløp: the runner, its folder and lock, and carrying out the runner's effects.

use super::errors::OpenError;
use super::saver::{Saver, Snapshot};
use super::{App, Screen};
use crate::export::markdown;
use crate::runner::{Cmd, Effect, Now, Runner};
use crate::script::Library;
use crate::t;
use crate::worksheet::overview::{FileStamp, Overview};
use crate::worksheet::risk::Column;
use crate::worksheet::store::StoreError;
use crate::worksheet::store::{ForlopDir, Lock, Recovery};
use std::collections::BTreeSet;

pub struct Session {
    pub runner: Runner,
    pub dir: ForlopDir,
    /// Held while the forløp is open for work; a follower holds none.
    _lock: Option<Lock>,
    /// A projector view that follows the files (`stafett follow`): never writes. The stamps
    /// of the files as last read.
    pub(super) following: Option<Vec<(std::path::PathBuf, Option<FileStamp>)>>,
    /// Saves off the key path, through a writer thread; keeps what failed to retry.
    saver: Saver,
    /// How the room sees a risk grid: the matrix rather than the table. Presentation only; it
    /// goes back to the step's own view when the step changes.
    pub matrix: bool,
    /// The risk grid column a level key or an edit goes to; Tab moves it.
    pub column: Column,
    /// What the last command from the user said back; the clock does not clear it.
    pub notice: Option<String>,
    /// The forløp at a glance as last handed to the writer (or found on disk at opening).
    overview: Option<Overview>,
}

impl Session {
    /// Locks and loads a forløp. Unreadable worksheets are reported and never written over.
    pub fn open(dir: ForlopDir, library: &Library) -> Result<(Session, Vec<String>), OpenError> {
        let lock = dir.lock().map_err(OpenError::Store)?;
        let (mut runner, warnings) = load(&dir, library)?;
        // The clock as the projector last saw it: a stopped one shared again unchanged is not
        // written again (see `Runner::share_clock`).
        runner.clock = dir.load_clock();
        let matrix = runner.step().activity.spec().opens_in_second_view();
        let overview = dir.stored_overview();
        let mut session = Session {
            runner,
            saver: Saver::new(dir.clone()),
            dir,
            _lock: Some(lock),
            following: None,
            matrix,
            column: Column::ALL[0],
            notice: None,
            overview,
        };
        // A clock still "running" was left by a Stafett that is gone (this one holds the lock
        // now): the projector is told it stands still, at the time last shared.
        if let Some(stale) = session.runner.clock.as_mut().filter(|c| c.running) {
            stale.running = false;
            let stopped = stale.clone();
            session.saver.clock(stopped);
        }
        // A missing or outdated overview (a forløp from an older Stafett) is written now.
        session.hand_over();
        Ok((session, warnings))
    }

    /// A session that follows the files and never writes (see `app/follow.rs`).
    pub(super) fn new_following(
        runner: Runner,
        dir: ForlopDir,
        stamps: Vec<(std::path::PathBuf, Option<FileStamp>)>,
    ) -> Session {
        let matrix = runner.step().activity.spec().opens_in_second_view();
        Session {
            runner,
            saver: Saver::new(dir.clone()),
            dir,
            _lock: None,
            following: Some(stamps),
            matrix,
            column: Column::ALL[0],
            notice: None,
            overview: None,
        }
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
            self.matrix = self.runner.step().activity.spec().opens_in_second_view();
            self.column = Column::ALL[0];
        }
        self.run_effects(fx, now.mono_ms)
    }

    /// Carries out the runner's effects: a save is noted, to be handed to the writer thread
    /// when due. Returns whether the bell should ring.
    fn run_effects(&mut self, fx: Vec<Effect>, now_ms: u64) -> bool {
        let mut bell = false;
        for effect in fx {
            match effect {
                Effect::Bell => bell = true,
                Effect::Notice(text) => self.notice = Some(text),
                // A follower never writes.
                _ if self.following.is_some() => {}
                save => self.saver.note(save, now_ms),
            }
        }
        bell
    }

    /// Takes in what the writer reported, and hands it the noted saves once they are due (and
    /// what failed, to try again).
    pub fn save_due(&mut self, now_ms: u64) {
        self.saver.collect(describe);
        if self.saver.due(now_ms) || self.saver.has_failed() {
            self.hand_over();
        }
    }

    /// Whether saves are noted and waiting to be handed over.
    pub fn saves_waiting(&self) -> bool {
        self.saver.waiting()
    }

    /// Hands over everything noted and waits until it is written. True when all is on disk.
    pub fn sync(&mut self) -> bool {
        if self.following.is_some() {
            return true;
        }
        // What is in flight first: a write that fails there is handed over again below.
        self.saver.wait(describe);
        self.hand_over();
        self.saver.wait(describe);
        self.saver.all_saved()
    }

    /// Copies what each noted save writes, and hands the copies to the writer; then the
    /// overview, when what it says or the `forlop.ron` it vouches for has changed.
    fn hand_over(&mut self) {
        if self.following.is_some() {
            return;
        }
        let mut forlop_written = false;
        for effect in self.saver.take() {
            forlop_written |= effect == Effect::SaveForlop;
            if effect == Effect::ShareClock {
                if let Some(clock) = &self.runner.clock {
                    self.saver.clock(clock.clone());
                }
                continue;
            }
            if let Some(snapshot) = self.snapshot(&effect) {
                self.saver.hand_over(effect, snapshot);
            }
        }
        // Written after every forlop.ron too: it carries that file's stamp.
        let now = Overview::of(&self.runner.forlop, &self.runner.sheets);
        if forlop_written || self.overview.as_ref() != Some(&now) {
            self.saver.overview(now.clone());
            self.overview = Some(now);
        }
    }

    /// What an effect writes, copied now; nothing for a worksheet that could not be read.
    fn snapshot(&self, effect: &Effect) -> Option<Snapshot> {
        let r = &self.runner;
        match effect {
            Effect::SaveForlop => Some(Snapshot::Forlop(Box::new(r.forlop.clone()))),
            Effect::SaveSheet(key) if !r.read_only.contains(key) => r
                .sheets
                .get(key)
                .map(|sheet| Snapshot::Sheet(Box::new(sheet.clone()))),
            Effect::HandOver(key) => r.sheets.get(key).map(|sheet| {
                let text = markdown::session(&r.script, &r.forlop, sheet, &r.sheets);
                Snapshot::Markdown(key.clone(), text)
            }),
            Effect::SaveSheet(_) | Effect::ShareClock | Effect::Bell | Effect::Notice(_) => None,
        }
    }

    /// The last save that failed, said on screen until saving works again.
    pub fn save_error(&self) -> Option<&str> {
        self.saver.error.as_deref()
    }

    /// Everything in memory, for the recovery file written after a crash.
    pub fn recovery(&self, now: Now) -> Recovery {
        Recovery {
            format: crate::worksheet::FORMAT,
            written: now.wall,
            folder: Some(self.dir.path.clone()),
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
        // On disk before the recovery file is set aside.
        self.sync();
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

    /// Whether every change is on disk, as far as the writer has reported.
    pub fn all_saved(&self) -> bool {
        self.saver.all_saved()
    }

    /// The files whose latest changes are not on disk, said so a person knows what they are.
    pub fn unsaved(&self) -> Vec<String> {
        self.saver
            .unsaved()
            .into_iter()
            .filter_map(|effect| match effect {
                Effect::SaveForlop => Some(crate::t!("app.unsaved_forlop").to_string()),
                Effect::SaveSheet(key) => {
                    Some(crate::t!("app.unsaved_sheet", sheet = key.file_stem()))
                }
                Effect::HandOver(key) => {
                    Some(crate::t!("app.unsaved_markdown", sheet = key.file_stem()))
                }
                Effect::ShareClock | Effect::Bell | Effect::Notice(_) => None,
            })
            .collect()
    }
}

/// The forløp and its worksheets as the files say, positioned where it was left; worksheets
/// that cannot be read are named in the warnings and kept read-only.
pub(super) fn load(dir: &ForlopDir, library: &Library) -> Result<(Runner, Vec<String>), OpenError> {
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
    Ok((Runner::new(script, forlop, sheets, read_only), warnings))
}

/// A failed save, as said on screen.
fn describe(e: &std::io::Error) -> String {
    t!("app.session.kunne_ikke_lagre_e_alt", e = e)
}

/// Leaving a forløp never leaves a noted change behind.
impl Drop for Session {
    fn drop(&mut self) {
        self.sync();
    }
}

impl App {
    pub(super) fn runner_cmd(&mut self, cmd: Cmd, now: Now) {
        if let Screen::Session(s) = &mut self.screen {
            self.bell |= s.command(cmd, now);
        }
    }
}
