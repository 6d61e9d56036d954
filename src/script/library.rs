//! The scripts Stafett knows: the shipped ones embedded in the binary, then the user's own.

use super::{Script, load};
use crate::t;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

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

/// A script and where it came from. A shipped script is parsed the first time it is asked for:
/// a start that opens one forløp reads one script, not all of them.
#[derive(Debug, Clone)]
pub struct ScriptSource {
    /// The script's id; for a shipped script its file name (a test holds them equal).
    pub id: String,
    /// `innebygd` for shipped scripts, otherwise the file path.
    pub origin: String,
    /// The embedded text of a shipped script not yet parsed; empty for one read from a file.
    embedded: &'static str,
    parsed: OnceLock<Arc<Script>>,
}

impl ScriptSource {
    /// A script already parsed and checked (a user's file, or a test's variant).
    pub fn parsed(script: Arc<Script>, origin: String) -> ScriptSource {
        ScriptSource {
            id: script.id.clone(),
            origin,
            embedded: "",
            parsed: OnceLock::from(script),
        }
    }

    /// The script, parsed now if it is a shipped one not asked for before.
    pub fn script(&self) -> &Arc<Script> {
        self.parsed.get_or_init(|| {
            // Every shipped script is parsed and checked by the test suite before it ships
            // (`every_shipped_script_parses_without_problems`): here it is only read.
            let parsed = ron::from_str::<Script>(self.embedded);
            Arc::new(parsed.expect("a shipped script parses and passes the check"))
        })
    }
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
    /// The shipped scripts only, not yet parsed.
    pub fn shipped() -> Library {
        let scripts = SHIPPED
            .iter()
            .map(|(file, text)| ScriptSource {
                id: file.trim_end_matches(".ron").to_string(),
                origin: t!("script.library.shipped").into(),
                embedded: text,
                parsed: OnceLock::new(),
            })
            .collect();
        Library {
            scripts,
            warnings: Vec::new(),
        }
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
            Ok(script) => self.add(ScriptSource::parsed(Arc::new(script), shown.to_string())),
            Err(problems) => self.warnings.push(LibraryWarning(t!(
                "script.library.skipped",
                shown = shown,
                n = problems.len(),
                line = problems[0].line
            ))),
        }
    }

    /// Adds a script; one with the id of a script already here takes its place, with a warning.
    fn add(&mut self, source: ScriptSource) {
        if let Some(old) = self.scripts.iter_mut().find(|s| s.id == source.id) {
            self.warnings.push(LibraryWarning(t!(
                "script.library.origin_bruker_id_en_id",
                origin = source.origin,
                id = source.id,
                origin2 = old.origin
            )));
            *old = source;
        } else {
            self.scripts.push(source);
        }
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Script>> {
        self.scripts
            .iter()
            .find(|s| s.id == id)
            .map(ScriptSource::script)
    }
}

/// The largest script Stafett reads: the shipped ones are about 30 KB.
pub const SCRIPT_CAP: u64 = 4 * 1024 * 1024;

/// Reads a script file: a regular file (a link to one is fine in the user's own folder) of at
/// most [`SCRIPT_CAP`]; a FIFO or a device is refused at once, without waiting on it.
pub fn read_script(file: &Path) -> std::io::Result<String> {
    crate::worksheet::files::read_capped(file, SCRIPT_CAP, crate::worksheet::files::Links::Follow)
}
