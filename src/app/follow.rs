//! `stafett follow`: the projector's view of a forløp someone is running on the same machine.
//! It reads the files (never through the lock, never writing one) and reads them again when
//! they change, so the room sees each change soon after it is saved.

use super::errors::OpenError;
use super::session::{Session, load};
use super::{App, Screen};
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
        let stamps = stamps(&dir);
        let (runner, _) = load(&dir, library)?;
        Ok(Session::new_following(runner, dir, stamps))
    }

    /// Reads the files again when any of them changed since they were last read; true when
    /// there is something new to show. A file that cannot be read now keeps the last view.
    pub fn follow_changes(&mut self, library: &Library) -> bool {
        let now = stamps(&self.dir);
        if self.following.as_ref() == Some(&now) {
            return false;
        }
        let Ok((runner, _)) = load(&self.dir, library) else {
            return false;
        };
        let matrix = runner.step().activity.spec().opens_in_second_view();
        let moved = runner.at != self.runner.at;
        self.runner = runner;
        self.following = Some(now);
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
