//! The scripts Stafett knows: the shipped ones embedded in the binary, then the user's own.

use super::{Script, load};
use crate::t;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The shipped scripts, embedded so `stafett` works from any folder on a fresh machine.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "oss-og-vart.ron",
        include_str!("../../workshops/oss-og-vart.ron"),
    ),
    (
        "grov-risikoanalyse.ron",
        include_str!("../../workshops/grov-risikoanalyse.ron"),
    ),
    (
        "en-bra-dag-pa-jobb.ron",
        include_str!("../../workshops/en-bra-dag-pa-jobb.ron"),
    ),
    (
        "dialogverktoy-partssamarbeid.ron",
        include_str!("../../workshops/dialogverktoy-partssamarbeid.ron"),
    ),
    (
        "indsatsmodel.ron",
        include_str!("../../workshops/indsatsmodel.ron"),
    ),
];

/// A script and where it came from.
#[derive(Debug, Clone)]
pub struct ScriptSource {
    pub script: Arc<Script>,
    /// `innebygd` for shipped scripts, otherwise the file path.
    pub origin: String,
}

/// A user script that could not be used, with a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryWarning(pub String);

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub scripts: Vec<ScriptSource>,
    pub warnings: Vec<LibraryWarning>,
}

impl Library {
    /// The shipped scripts only.
    pub fn shipped() -> Library {
        let mut lib = Library::default();
        for (name, src) in SHIPPED {
            match load::parse(src) {
                Ok(script) => lib.add(script, crate::t!("script.library.shipped").into()),
                // A shipped script is checked by the test suite; this is only a safety net.
                Err(problems) => lib.warnings.push(LibraryWarning(crate::t!(
                    "script.library.shipped_broken",
                    name = name,
                    problem = problems[0]
                ))),
            }
        }
        lib
    }

    /// The shipped scripts plus every `*.ron` in the given folders (missing folders are fine).
    /// A broken user script is skipped with a one-line warning; the others keep working.
    pub fn load(dirs: &[PathBuf]) -> Library {
        let mut lib = Library::shipped();
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect();
            files.sort();
            for file in files {
                lib.add_file(&file);
            }
        }
        lib
    }

    fn add_file(&mut self, file: &Path) {
        let shown = file.display();
        let src = match read_script(file) {
            Ok(src) => src,
            Err(e) => {
                self.warnings.push(LibraryWarning(crate::t!(
                    "script.library.unreadable",
                    file = shown,
                    error = e
                )));
                return;
            }
        };
        match load::parse(&src) {
            Ok(script) => self.add(script, shown.to_string()),
            Err(problems) => self.warnings.push(LibraryWarning(t!(
                "script.library.skipped",
                shown = shown,
                n = problems.len(),
                line = problems[0].line
            ))),
        }
    }

    fn add(&mut self, script: Script, origin: String) {
        if let Some(old) = self.scripts.iter_mut().find(|s| s.script.id == script.id) {
            self.warnings.push(LibraryWarning(t!(
                "script.library.origin_bruker_id_en_id",
                origin = origin,
                id = script.id,
                origin2 = old.origin
            )));
            *old = ScriptSource {
                script: Arc::new(script),
                origin,
            };
        } else {
            self.scripts.push(ScriptSource {
                script: Arc::new(script),
                origin,
            });
        }
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Script>> {
        self.scripts.iter().map(|s| &s.script).find(|s| s.id == id)
    }
}

/// The largest script Stafett reads: the shipped ones are about 30 KB.
pub const SCRIPT_CAP: u64 = 4 * 1024 * 1024;

/// Reads a script file: a regular file (a link to one is fine in the user's own folder) of at
/// most [`SCRIPT_CAP`]; a FIFO or a device is refused at once, without waiting on it.
pub fn read_script(file: &Path) -> std::io::Result<String> {
    crate::worksheet::files::read_capped(file, SCRIPT_CAP, crate::worksheet::files::Links::Follow)
}
