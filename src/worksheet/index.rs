//! `forlop/.oversikt.ron`: every forløp's overview in one file, so that the home screen and
//! `stafett list` open one file, not one per forløp.
//!
//! It is a cache over the overviews (`oversikt.ron` in each folder, see `overview.rs`). An
//! entry vouches only while both the `forlop.ron` and the `oversikt.ron` in the folder have the
//! size and time it records (a worksheet finished or reopened changes only the latter); a
//! forløp with no entry, or a stale one, is read from its folder as before, and the index is
//! written again.
//! A missing, broken or tampered index costs that reading, nothing else. It is written without
//! fsync, like the overviews, since it can always be made again.

use super::FORMAT;
use super::bounds::{Bounded, OutOfBounds, known_format, within};
use super::files::{DATA_CAP, Links, read_capped, write_copy};
use super::overview::{FileStamp, Overview};
use super::store::{FORLOP_FILE, ForlopDir, Listed, Store, remove_remnant, to_ron};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub const INDEX_FILE: &str = ".oversikt.ron";

/// More forløp than anyone keeps: an index claiming more is not read.
const MAX_ENTRIES: u64 = 100_000;

mod lines;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Index {
    format: u32,
    entries: Vec<Entry>,
}

/// One forløp: folder name, name, workshop, round, session, sessions done, then the size and
/// time of its `forlop.ron` and of its `oversikt.ron` when the entry was made. A tuple, not
/// named fields: the index is a cache, read at every home screen, and a tuple reads in a
/// third of the time.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Entry(String, String, String, u32, String, u32, Stamp, Stamp);

/// A file's size and time (ns), as in [`FileStamp`].
type Stamp = (u64, u64);

/// The stamps a folder's entry is believed for: its `forlop.ron` and its `oversikt.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamps {
    forlop: Option<FileStamp>,
    overview: Option<FileStamp>,
}

impl Stamps {
    /// Both files there: only then can an entry be believed, or written.
    fn complete(self) -> bool {
        self.forlop.is_some() && self.overview.is_some()
    }

    fn of(dir: &ForlopDir, forlop: Option<FileStamp>) -> Stamps {
        Stamps {
            forlop,
            overview: FileStamp::of(&dir.overview_path()),
        }
    }
}

impl Entry {
    fn overview(&self) -> Overview {
        Overview {
            format: FORMAT,
            name: self.1.clone(),
            workshop: self.2.clone(),
            round: self.3,
            session: self.4.clone(),
            done: self.5,
            forlop_file: None,
        }
    }

    fn stamps(&self) -> Stamps {
        let stamp = |(size, modified_ns): Stamp| Some(FileStamp { size, modified_ns });
        Stamps {
            forlop: stamp(self.6),
            overview: stamp(self.7),
        }
    }
}

impl Bounded for Index {
    fn check_bounds(&self) -> Result<(), OutOfBounds> {
        known_format(self.format)?;
        within("entries", self.entries.len() as u64, 0, MAX_ENTRIES)?;
        self.entries
            .iter()
            .try_for_each(|e| e.overview().check_bounds())
    }
}

/// The index's entries by folder name; none when there is no index that reads.
fn load(forlop_root: &Path) -> HashMap<String, Entry> {
    let path = forlop_root.join(INDEX_FILE);
    // Read as every data file is (a regular file, no link, a size cap), in the layout `save`
    // writes (see `index/lines.rs`), else by RON. An index that is missing, does not read, or
    // claims too much is as good as none: every forløp is read from its folder.
    let Ok(text) = read_capped(&path, DATA_CAP, Links::Refuse) else {
        return HashMap::new();
    };
    lines::read(&text)
        .or_else(|| ron::from_str(&text).ok())
        .filter(|index: &Index| index.check_bounds().is_ok())
        .map(|index| {
            index
                .entries
                .into_iter()
                .map(|e| (e.0.clone(), e))
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the index: each folder's overview with the stamps of its files. A failure is not
/// reported: the next list reads the folders, as it would without an index.
fn save<'a>(forlop_root: &Path, entries: impl Iterator<Item = (&'a str, Overview, Stamps)>) {
    let entries = entries
        .filter_map(|(folder, o, stamps)| {
            let (f, v) = (stamps.forlop?, stamps.overview?);
            Some(Entry(
                folder.to_string(),
                o.name,
                o.workshop,
                o.round,
                o.session,
                o.done,
                (f.size, f.modified_ns),
                (v.size, v.modified_ns),
            ))
        })
        .collect();
    let index = Index {
        format: FORMAT,
        entries,
    };
    let _ = write_copy(&forlop_root.join(INDEX_FILE), to_ron(&index).as_bytes());
}

impl Store {
    /// Every forløp folder, sorted by name; unreadable ones are listed with their error. Reads
    /// the index and never writes it (`stafett follow` finds its forløp this way).
    pub fn list(&self) -> Vec<Listed> {
        self.scan().0
    }

    /// As [`Store::list`], and writes the index again when it did not vouch for every forløp
    /// that could be read (or held one that is gone): for the home screen and `stafett list`.
    pub fn list_keeping_index(&self) -> Vec<Listed> {
        let (listed, stamps, stale) = self.scan();
        if stale {
            let entries = listed.iter().zip(stamps).filter_map(|(l, stamps)| {
                let folder = l.dir.path.file_name()?.to_str()?;
                let overview = l.overview.as_ref().ok()?;
                Some((folder, overview.clone(), stamps))
            });
            save(&self.forlop_root(), entries);
        }
        listed
    }

    /// The forløp, the stamps of their files, and whether the index needs writing.
    fn scan(&self) -> (Vec<Listed>, Vec<Stamps>, bool) {
        let root = self.forlop_root();
        let Ok(entries) = fs::read_dir(&root) else {
            return (Vec::new(), Vec::new(), false);
        };
        let mut folders: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            // Never through a symlink: a linked folder is not ours.
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .filter(|path| !remove_remnant(path))
            .collect();
        // Folders side by side, so their paths differ only in the name: compared as bytes, the
        // paths are in name order (without splitting them into components at every comparison).
        folders.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        let mut index = load(&root);
        let mut stale = false;
        let mut listed = Vec::with_capacity(folders.len());
        let mut stamps = Vec::with_capacity(folders.len());
        for path in folders {
            // One look at forlop.ron: whether the folder is a forløp, and its stamp.
            let Ok(meta) = fs::symlink_metadata(path.join(FORLOP_FILE)) else {
                continue;
            };
            let stamp = FileStamp::from_meta(&meta);
            let dir = ForlopDir { path };
            let now = Stamps::of(&dir, stamp);
            // A folder whose name is not text cannot be in the index: read, never indexed.
            let name = dir.path.file_name().and_then(|n| n.to_str());
            // An entry is believed only for the files there now: both stamps known and equal.
            let indexed = name
                .and_then(|n| index.remove(n))
                .filter(|entry| now.complete() && entry.stamps() == now);
            let overview = match indexed {
                Some(entry) => Ok(entry.overview()),
                None => {
                    let read = dir.overview_for(stamp);
                    // One that cannot be read, or has no overview file yet (a forløp not opened
                    // since an older Stafett), stays out of the index and is read next time:
                    // it does not make the index be written again each time.
                    stale |= read.is_ok() && name.is_some() && now.complete();
                    read
                }
            };
            listed.push(Listed { dir, overview });
            stamps.push(now);
        }
        // Entries left over are for forløp deleted since.
        stale |= !index.is_empty();
        (listed, stamps, stale)
    }
}
