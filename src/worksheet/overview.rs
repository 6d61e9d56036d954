//! A forløp at a glance: what the home screen and `stafett list` show of it, kept beside it in
//! `oversikt.ron` so that listing 500 forløp reads 500 small files, not every worksheet.
//!
//! It is a copy, written by Stafett after `forlop.ron` and whenever what it says changes. It
//! records the size and time of the `forlop.ron` it was written after; when that file has
//! changed since (edited by hand, put back from a backup, broken), or the overview is missing
//! or cannot be read, the overview is made from the real files, as opening always does.

use super::bounds::{Bounded, MAX_ROUND, OutOfBounds, known_format, within};
use super::store::{ForlopDir, LoadError, load_ron, to_ron};
use super::{FORMAT, Forlop, SessionStatus, SheetKey, Worksheet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::time::UNIX_EPOCH;

pub const OVERVIEW_FILE: &str = "oversikt.ron";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub format: u32,
    pub name: String,
    /// The id of the script it follows.
    pub workshop: String,
    /// The highest round started.
    pub round: u32,
    /// The id of the session the facilitator was in when they left.
    pub session: String,
    /// How many sessions are finished, over all rounds.
    pub done: u32,
    /// The `forlop.ron` this was written after.
    #[serde(default)]
    pub forlop_file: Option<FileStamp>,
}

/// A file's size and modification time (ns since 1970): changes when the file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified_ns: u64,
}

impl FileStamp {
    /// The stamp of a regular file (never through a symlink); none when there is no such file.
    pub fn of(path: &Path) -> Option<FileStamp> {
        FileStamp::from_meta(&std::fs::symlink_metadata(path).ok()?)
    }

    /// The stamp from a file's metadata (as `symlink_metadata` gives it); none unless it is a
    /// regular file.
    pub fn from_meta(meta: &std::fs::Metadata) -> Option<FileStamp> {
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        meta.is_file().then(|| FileStamp {
            size: meta.len(),
            modified_ns: u64::try_from(modified.as_nanos()).unwrap_or(u64::MAX),
        })
    }
}

impl Overview {
    pub fn of(forlop: &Forlop, sheets: &BTreeMap<SheetKey, Worksheet>) -> Overview {
        let done = sheets
            .values()
            .filter(|s| s.status == SessionStatus::Done)
            .count();
        Overview {
            format: FORMAT,
            name: forlop.name.clone(),
            workshop: forlop.workshop.clone(),
            round: forlop.round,
            session: forlop.position.session.clone(),
            done: u32::try_from(done).unwrap_or(u32::MAX),
            forlop_file: None,
        }
    }
}

impl Bounded for Overview {
    fn check_bounds(&self) -> Result<(), OutOfBounds> {
        known_format(self.format)?;
        within("round", self.round, 1, MAX_ROUND)?;
        // At most every session of every round: far below this.
        within("done", self.done, 0, MAX_ROUND * 100)
    }
}

impl ForlopDir {
    pub fn overview_path(&self) -> std::path::PathBuf {
        self.path.join(OVERVIEW_FILE)
    }

    /// The forløp at a glance: from `oversikt.ron` when it was written after the `forlop.ron`
    /// that is there now, else made from the forløp and its worksheets. An error only when
    /// `forlop.ron` cannot be read.
    pub fn overview(&self) -> Result<Overview, LoadError> {
        self.overview_for(FileStamp::of(&self.forlop_path()))
    }

    /// As [`ForlopDir::overview`], with the stamp of `forlop.ron` already taken.
    pub fn overview_for(&self, stamp: Option<FileStamp>) -> Result<Overview, LoadError> {
        if let Some(overview) = stamp.and_then(|s| self.stored_overview_for(s)) {
            return Ok(overview);
        }
        let forlop = self.load_forlop()?;
        let (sheets, _) = self.load_sheets();
        Ok(Overview::of(&forlop, &sheets))
    }

    /// `oversikt.ron`, if it can be read and vouches for the `forlop.ron` there now. Its
    /// stamp is cleared, so it compares equal to one made in memory.
    pub fn stored_overview(&self) -> Option<Overview> {
        self.stored_overview_for(FileStamp::of(&self.forlop_path())?)
    }

    fn stored_overview_for(&self, stamp: FileStamp) -> Option<Overview> {
        let stored = load_ron::<Overview>(&self.overview_path()).ok()?;
        (stored.forlop_file == Some(stamp)).then_some(Overview {
            forlop_file: None,
            ..stored
        })
    }

    /// Writes the overview, stamped with the `forlop.ron` there now (no backup: it can always
    /// be made again).
    pub fn save_overview(&self, overview: &Overview) -> io::Result<()> {
        let stamped = Overview {
            forlop_file: FileStamp::of(&self.forlop_path()),
            ..overview.clone()
        };
        super::files::write_copy(&self.overview_path(), to_ron(&stamped).as_bytes())
    }
}
