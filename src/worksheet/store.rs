//! Saving and loading forløp and worksheets: one folder per forløp, human-readable RON files,
//! atomic saves with a backup of the previous version, private permissions and a lock.

use super::bounds::Bounded;
pub use super::errors::{LoadError, StoreError};
pub use super::files::{create_private_dir, write_atomic, write_without_backup};
pub use super::lock::Lock;
use super::overview::Overview;
pub use super::recovery::{RECOVERY_FILE, Recovery};
use super::{FORMAT, Forlop, Position, SheetKey, Worksheet};
use chrono::NaiveDateTime;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

use super::files::{DATA_CAP, Links, read_capped};
use crate::t;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub const FORLOP_FILE: &str = "forlop.ron";
/// The start of the name a forløp folder gets while it is being deleted.
const REMNANT: &str = ".slettes-";

/// Removes what a stopped delete left (a folder named `.slettes-…`); true when `path` was one.
pub(super) fn remove_remnant(path: &Path) -> bool {
    let is_remnant = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(REMNANT));
    if is_remnant {
        let _ = fs::remove_dir_all(path);
    }
    is_remnant
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |err| StoreError::Io {
        path: path.to_path_buf(),
        err,
    }
}

/// The data folder: `<root>/forlop/<slug>/`.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    /// The practice area (`stafett practice`), not the real forløp.
    practice: bool,
}

/// A forløp as found by [`Store::list`]: its folder and what it is at a glance.
#[derive(Debug)]
pub struct Listed {
    pub dir: ForlopDir,
    pub overview: Result<Overview, LoadError>,
}

impl Store {
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store {
            root: root.into(),
            practice: false,
        }
    }

    /// The practice area at `root`: every forløp made in it is a practice one.
    pub fn practice(root: impl Into<PathBuf>) -> Store {
        Store {
            practice: true,
            ..Store::new(root)
        }
    }

    /// Whether this is the practice area.
    pub fn is_practice(&self) -> bool {
        self.practice
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub(super) fn forlop_root(&self) -> PathBuf {
        self.root.join("forlop")
    }

    /// Finds a forløp by its name or its folder name.
    pub fn find(&self, name: &str) -> Result<ForlopDir, StoreError> {
        let by_slug = self.forlop_root().join(crate::text::slug(name));
        let real_dir = fs::symlink_metadata(&by_slug).is_ok_and(|m| m.is_dir());
        if real_dir && by_slug.join(FORLOP_FILE).exists() {
            return Ok(ForlopDir { path: by_slug });
        }
        let found = self
            .list()
            .into_iter()
            .find(|l| l.overview.as_ref().is_ok_and(|f| f.name == name) || l.dir.slug() == name)
            .map(|l| l.dir);
        // A folder named exactly so but without forlop.ron (what a stopped delete left) can
        // still be found, so `stafett delete <folder>` can remove it.
        let remnant = self.forlop_root().join(name);
        let is_remnant = !name.contains(['/', '\\'])
            && !name.starts_with('.')
            && fs::symlink_metadata(&remnant).is_ok_and(|m| m.is_dir());
        found
            .or_else(|| is_remnant.then_some(ForlopDir { path: remnant }))
            .ok_or_else(|| StoreError::NotFound(name.to_string()))
    }

    /// The folder a new forløp of this name gets: its slug, or `<slug>-2`, `-3` … when another
    /// name already has the slug. The same name twice is refused, and so is a folder without
    /// `forlop.ron` (what is left of a delete that was stopped), with what to do about it.
    fn free_folder(&self, name: &str) -> Result<ForlopDir, StoreError> {
        let base = crate::text::slug(name);
        for n in 1..=99 {
            let slug = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let dir = ForlopDir {
                path: self.forlop_root().join(&slug),
            };
            if fs::symlink_metadata(&dir.path).is_err() {
                return Ok(dir);
            }
            match dir.load_forlop() {
                Ok(f) if f.name != name => continue,
                Ok(_) => return Err(StoreError::Exists(name.to_string())),
                Err(_) if !dir.forlop_path().exists() => {
                    return Err(StoreError::Remnant(dir.path));
                }
                Err(_) => return Err(StoreError::Exists(name.to_string())),
            }
        }
        Err(StoreError::Exists(name.to_string()))
    }

    /// Creates a new forløp folder with its first file.
    pub fn create(
        &self,
        name: &str,
        workshop: &str,
        first_session: &str,
        now: NaiveDateTime,
    ) -> Result<(ForlopDir, Forlop), StoreError> {
        let name = name.trim();
        let dir = self.free_folder(name)?;
        create_private_dir(&self.root).map_err(io_err(&self.root))?;
        create_private_dir(&self.forlop_root()).map_err(io_err(&self.root))?;
        create_private_dir(&dir.path).map_err(io_err(&dir.path))?;
        let forlop = Forlop {
            format: FORMAT,
            name: name.to_string(),
            workshop: workshop.to_string(),
            created: now,
            round: 1,
            position: Position {
                round: 1,
                session: first_session.to_string(),
                step: 0,
                item: 0,
            },
            plan: Vec::new(),
            grids: BTreeMap::new(),
            risk: BTreeMap::new(),
            roles: BTreeMap::new(),
            next_id: 1,
            practice: self.practice,
        };
        dir.save_forlop(&forlop).map_err(io_err(&dir.path))?;
        dir.save_overview(&Overview::of(&forlop, &BTreeMap::new()))
            .map_err(io_err(&dir.path))?;
        Ok((dir, forlop))
    }
}

/// One forløp's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForlopDir {
    pub path: PathBuf,
}

impl ForlopDir {
    pub fn slug(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    pub fn forlop_path(&self) -> PathBuf {
        self.path.join(FORLOP_FILE)
    }

    pub fn sheet_path(&self, key: &SheetKey) -> PathBuf {
        self.path.join(format!("{}.ron", key.file_stem()))
    }

    pub fn markdown_path(&self, key: &SheetKey) -> PathBuf {
        self.path.join(format!("{}.md", key.file_stem()))
    }

    pub fn load_forlop(&self) -> Result<Forlop, LoadError> {
        load_ron(&self.forlop_path())
    }

    /// Every worksheet in the folder; the ones that cannot be read come back as errors, keyed,
    /// so that the caller can refuse to overwrite them.
    pub fn load_sheets(&self) -> (BTreeMap<SheetKey, Worksheet>, BTreeMap<SheetKey, LoadError>) {
        let mut sheets = BTreeMap::new();
        let mut errors = BTreeMap::new();
        let Ok(entries) = fs::read_dir(&self.path) else {
            return (sheets, errors);
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            if path.extension().is_none_or(|x| x != "ron") {
                continue;
            }
            let Some(key) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(SheetKey::from_file_stem)
            else {
                continue;
            };
            match load_ron::<Worksheet>(&path) {
                Ok(sheet) => {
                    sheets.insert(key, sheet);
                }
                Err(e) => {
                    errors.insert(key, e);
                }
            }
        }
        (sheets, errors)
    }

    pub fn save_forlop(&self, forlop: &Forlop) -> io::Result<()> {
        write_atomic(&self.forlop_path(), to_ron(forlop).as_bytes())
    }

    pub fn save_sheet(&self, sheet: &Worksheet) -> io::Result<()> {
        write_atomic(&self.sheet_path(&sheet.key()), to_ron(sheet).as_bytes())
    }

    pub fn write_markdown(&self, key: &SheetKey, text: &str) -> io::Result<()> {
        write_atomic(&self.markdown_path(key), text.as_bytes())
    }

    /// Removes the whole folder, all or nothing: it is first renamed to a hidden remnant name
    /// in one step, then removed; a remnant left by a stop in between is cleaned up by the next
    /// `list`.
    pub fn delete(&self) -> io::Result<()> {
        let parent = self.path.parent().unwrap_or(Path::new("."));
        let aside = parent.join(format!("{REMNANT}{}-{}", self.slug(), std::process::id()));
        fs::rename(&self.path, &aside)?;
        fs::remove_dir_all(&aside)
    }
}

/// The text a value is saved as: pretty RON, two-space indent, ending in a newline.
pub fn to_ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string());
    let mut text =
        ron::ser::to_string_pretty(value, config).expect("worksheet data always serializes");
    text.push('\n');
    text
}

/// Reads a RON file, refusing files from a newer format version.
pub fn load_ron<T: DeserializeOwned + Bounded>(path: &Path) -> Result<T, LoadError> {
    let fail = |line, col, message: String| LoadError {
        path: path.to_path_buf(),
        line,
        col,
        message,
    };
    let text = read_capped(path, DATA_CAP, Links::Refuse)
        .map_err(|e| fail(0, 0, t!("worksheet.store.unreadable", error = e)))?;
    #[derive(serde::Deserialize)]
    struct Version {
        format: u32,
    }
    let newer = |format: u32| {
        fail(
            1,
            1,
            t!("bounds.newer_format", format = format, known = FORMAT),
        )
    };
    // Parsed once; only a file that does not parse is read again for its format version, to
    // tell a newer Stafett's file from a broken one.
    let value: T = ron::from_str(&text).map_err(|e| match ron::from_str::<Version>(&text) {
        Ok(v) if v.format > FORMAT => newer(v.format),
        _ => fail(
            e.span.start.line,
            e.span.start.col,
            t!("worksheet.store.invalid", error = e.code),
        ),
    })?;
    value
        .check_bounds()
        .map_err(|e| fail(0, 0, e.to_string()))?;
    Ok(value)
}

/// The backup kept next to a file: `<name>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{name}.bak"))
}

/// Whether the backup of `path` exists and reads as a `T`.
pub fn backup_readable<T: DeserializeOwned + Bounded>(path: &Path) -> bool {
    let bak = backup_path(path);
    bak.exists() && load_ron::<T>(&bak).is_ok()
}

/// Puts the backup in place of a file that cannot be read. The unreadable file is kept as
/// `<name>.odelagt-<stamp>`, never deleted.
pub fn restore_backup(path: &Path, stamp: NaiveDateTime) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = path.with_file_name(format!("{name}.odelagt-{}", stamp.format("%Y%m%d-%H%M%S")));
    let bytes = read_capped(&backup_path(path), DATA_CAP, Links::Refuse)?;
    // Moved aside first, so the atomic write below keeps the good backup as it is.
    if path.exists() {
        fs::rename(path, &kept)?;
    }
    write_atomic(path, bytes.as_bytes())?;
    Ok(kept)
}
