//! `stafett follow`: the projector's view of a forløp someone is running on the same machine.
//! It reads the files (never through the lock, never writing one) and reads them again when
//! they change, so the room sees each change soon after it is saved.

use super::errors::OpenError;
use super::session::{Session, load};
use super::{App, Screen};
use crate::runner::{Now, Timer};
use crate::script::Library;
use crate::worksheet::overview::FileStamp;
use crate::worksheet::store::ForlopDir;
use std::path::PathBuf;

/// How often the follower looks at the files (ms): a change is shown within this, plus the
/// facilitator's own save delay.
pub const FOLLOW_EVERY_MS: u64 = 100;

impl Session {
    /// The forløp as its files say now, for following: no lock, nothing written.
    pub fn follow(dir: ForlopDir, library: &Library) -> Result<Session, OpenError> {
        let (runner, _) = load(&dir, library)?;
        // No stamps yet: the first tick reads the files again, with the facilitator's timer.
        Ok(Session::new_following(runner, dir, Vec::new()))
    }

    /// Reads the files again when any of them changed since they were last read; true when
    /// there is something new to show. A file that cannot be read now keeps the last view.
    pub fn follow_changes(&mut self, library: &Library, now: Now) -> bool {
        // A facilitator that is gone without saying so (a crash, a kill) leaves the shared
        // clock running: it stops here where it was.
        let stopped = self.runner.timer.running() && !self.dir.holder_alive();
        if stopped {
            self.runner.timer.pause(now.mono_ms);
        }
        let stamps_now = stamps(&self.dir);
        if self.following.as_ref() == Some(&stamps_now) {
            return stopped;
        }
        let Ok((mut runner, _)) = load(&self.dir, library) else {
            return false;
        };
        // The facilitator's timer, counting along when it runs there and is on this step.
        if let Some(clock) = self.dir.load_clock()
            && clock.round == runner.at.round
            && clock.session == runner.session().id
            && clock.step == runner.step().id
        {
            // A clock left running by a facilitator that is gone shows the time last shared.
            let running = clock.running && self.dir.holder_alive();
            let used = if running {
                clock.used_ms_at(now.wall)
            } else {
                clock.used_ms
            };
            runner.timer = Timer::shared(clock.planned_s, used, running, now.mono_ms);
        }
        let matrix = runner.step().activity.spec().opens_in_second_view();
        let moved = runner.at != self.runner.at;
        self.runner = runner;
        self.following = Some(stamps_now);
        if moved {
            self.matrix = matrix;
        }
        true
    }
}

/// Every data file of the forløp with its size and time: what tells that one changed.
fn stamps(dir: &ForlopDir) -> Vec<(PathBuf, Option<FileStamp>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir.path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stamp = FileStamp::of(&p);
            (p, stamp)
        })
        .collect()
}

impl App {
    /// Opens a forløp to follow: the room's view only, read-only, no guide.
    pub fn follow(&mut self, dir: ForlopDir) -> Result<(), OpenError> {
        let session = Session::follow(dir, &self.library)?;
        self.screen = Screen::Session(Box::new(session));
        self.following = true;
        self.show_guide = false;
        self.redraw = true;
        Ok(())
    }
}
