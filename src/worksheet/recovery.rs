//! The recovery file: what was in memory when Stafett could not save it (a crash, a signal
//! while the disk failed, or quitting anyway). It goes into the forløp's folder, or, when that
//! cannot be written, into the user's own private folder in the system's temp folder
//! (`stafett-<uid>`), under a name that says which forløp it belongs to. The next opening of
//! that forløp offers to take it back; a used or declined file is set aside, never deleted.

use super::bounds::Bounded;
use super::files::write_new_private;
use super::store::{ForlopDir, LoadError, load_ron, to_ron, write_atomic};
use super::{Forlop, Worksheet};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub const RECOVERY_FILE: &str = "gjenoppretting.ron";
/// The start of a recovery file's name in the temp folder.
const TEMP_PREFIX: &str = "stafett-gjenoppretting-";

/// What was in memory when Stafett stopped without saving it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub format: u32,
    pub written: NaiveDateTime,
    /// The forløp folder it belongs to: a recovery file in the shared temp folder is only
    /// offered to that folder (two data folders may hold a forløp of the same name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
    pub forlop: Forlop,
    pub sheets: Vec<Worksheet>,
}

impl Bounded for Recovery {
    fn check_bounds(&self) -> Result<(), super::bounds::OutOfBounds> {
        self.forlop.check_bounds()?;
        self.sheets.iter().try_for_each(Bounded::check_bounds)
    }
}

/// A recovery file found for a forløp: where it is, and what it holds.
pub struct Found {
    pub path: PathBuf,
    pub recovery: Result<Recovery, LoadError>,
}

impl ForlopDir {
    pub fn recovery_path(&self) -> PathBuf {
        self.path.join(RECOVERY_FILE)
    }

    /// Writes what is in memory into the forløp's folder, or, when that fails, into the temp
    /// folder (a new private file, never through a planted link). Returns where.
    pub fn write_recovery(&self, recovery: &Recovery) -> io::Result<PathBuf> {
        let text = to_ron(recovery);
        let path = self.recovery_path();
        match write_atomic(&path, text.as_bytes()) {
            Ok(()) => Ok(path),
            Err(first) => {
                let name = format!(
                    "{TEMP_PREFIX}{}-{}-{}.ron",
                    self.slug(),
                    std::process::id(),
                    recovery.written.format("%Y%m%d-%H%M%S")
                );
                let temp = own_temp_dir(true)
                    .unwrap_or_else(std::env::temp_dir)
                    .join(name);
                write_new_private(&temp, text.as_bytes())
                    .map(|()| temp)
                    .map_err(|second| io::Error::other(format!("{first}; {second}")))
            }
        }
    }

    /// A recovery file for this forløp, if any: the one in its folder first, else the newest in
    /// the temp folder that is ours (our user, private) and names this forløp.
    pub fn find_recovery(&self, name: &str) -> Option<Found> {
        let own = self.recovery_path();
        if fs::symlink_metadata(&own).is_ok() {
            return Some(Found {
                recovery: load_ron(&own),
                path: own,
            });
        }
        let prefix = format!("{TEMP_PREFIX}{}-", self.slug());
        let mut found: Vec<(PathBuf, Recovery)> = fs::read_dir(temp_dir_to_search()?)
            .ok()?
            .filter_map(|e| e.ok())
            .filter(|e| {
                let n = e.file_name();
                let n = n.to_string_lossy();
                n.starts_with(&prefix) && n.ends_with(".ron") && is_ours(&e.path(), Is::File)
            })
            .filter_map(|e| Some((e.path(), load_ron::<Recovery>(&e.path()).ok()?)))
            .filter(|(_, r)| {
                r.forlop.name == name && r.folder.as_ref().is_none_or(|f| *f == self.path)
            })
            .collect();
        found.sort_by_key(|(_, r)| r.written);
        let (path, recovery) = found.pop()?;
        Some(Found {
            path,
            recovery: Ok(recovery),
        })
    }

    /// Moves a recovery file aside (kept, never deleted) once it has been used or declined.
    pub fn set_recovery_aside(&self, path: &Path, stamp: NaiveDateTime) -> io::Result<()> {
        let to = if path.starts_with(&self.path) {
            self.path.join(format!(
                "gjenoppretting-{}.ron.brukt",
                stamp.format("%Y%m%d-%H%M%S")
            ))
        } else {
            path.with_extension("ron.brukt")
        };
        fs::rename(path, to)
    }
}

/// This user's folder for recovery files in the temp folder (`stafett-<uid>`, private), made
/// when missing if `make`; none when something that is not ours has its name.
fn own_temp_dir(make: bool) -> Option<PathBuf> {
    let dir = own_temp_path();
    if make && fs::symlink_metadata(&dir).is_err() {
        let _ = super::files::create_private_dir(&dir);
    }
    is_ours(&dir, Is::Folder).then_some(dir)
}

/// Where to look for recovery files in the temp folder: this user's folder; the temp folder
/// itself only when something not ours took that folder's name (recovery files were written
/// there instead); nowhere when there is no such folder, so opening a forløp never lists a
/// temp folder of thousands of files.
fn temp_dir_to_search() -> Option<PathBuf> {
    let own = own_temp_path();
    if is_ours(&own, Is::Folder) {
        Some(own)
    } else {
        fs::symlink_metadata(&own).is_ok().then(std::env::temp_dir)
    }
}

/// `<temp>/stafett-<uid>`; on Windows, whose temp folder is the user's own, `<temp>/stafett`.
fn own_temp_path() -> PathBuf {
    #[cfg(unix)]
    let name = format!("stafett-{}", rustix::process::getuid().as_raw());
    #[cfg(not(unix))]
    let name = "stafett".to_string();
    std::env::temp_dir().join(name)
}

/// What [`is_ours`] expects to find.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Is {
    File,
    Folder,
}

/// Something in the shared temp folder is only trusted when it is what was expected (never a
/// link), this user owns it and only this user can read and write it.
fn is_ours(path: &Path, what: Is) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| {
        let kind = match what {
            Is::File => m.is_file(),
            Is::Folder => m.is_dir(),
        };
        #[cfg(unix)]
        let private = {
            use std::os::unix::fs::MetadataExt;
            m.uid() == rustix::process::getuid().as_raw() && m.mode() & 0o077 == 0
        };
        #[cfg(not(unix))]
        let private = true;
        kind && private
    })
}
