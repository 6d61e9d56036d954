//! Practice forløp for train-the-trainer courses: shipped examples with history (a finished
//! Utforske round, a half-assessed risk grid, meeting 1 of «En bra dag på jobb» done), made
//! in a practice area of their own beside the real forløp, so they are never listed or
//! exported among them. Each example is one RON file in `assets/practice/`: the forløp and
//! its worksheets, as the app writes them.

use super::errors::StoreError;
use super::overview::Overview;
use super::store::{ForlopDir, Store};
use super::{Forlop, SheetKey, Worksheet};
use crate::t;
use chrono::NaiveDateTime;
use serde::Deserialize;
use std::path::Path;

/// The practice area's folder inside the data folder.
pub const AREA: &str = "ovelse";

/// The shipped examples: the script they follow, and the forløp with its worksheets.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "oss-og-vart",
        include_str!("../../assets/practice/oss-og-vart.ron"),
    ),
    (
        "grov-risikoanalyse",
        include_str!("../../assets/practice/grov-risikoanalyse.ron"),
    ),
    (
        "en-bra-dag-pa-jobb",
        include_str!("../../assets/practice/en-bra-dag-pa-jobb.ron"),
    ),
];

/// One example: the forløp and every worksheet it has so far.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub forlop: Forlop,
    pub sheets: Vec<Worksheet>,
}

/// Why a practice forløp could not be made.
#[derive(Debug)]
pub enum PracticeError {
    /// No example follows this process.
    Unknown {
        workshop: String,
        available: String,
    },
    /// A shipped example does not read (the tests keep this from happening).
    Broken {
        workshop: String,
        error: String,
    },
    Store(StoreError),
}

impl std::fmt::Display for PracticeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PracticeError::Unknown {
                workshop,
                available,
            } => f.write_str(&t!(
                "practice.unknown",
                workshop = workshop,
                available = available
            )),
            PracticeError::Broken { workshop, error } => {
                f.write_str(&t!("practice.broken", workshop = workshop, error = error))
            }
            PracticeError::Store(e) => write!(f, "{e}"),
        }
    }
}

/// The practice area beside the real forløp in `data_dir`.
pub fn area(data_dir: &Path) -> Store {
    Store::practice(data_dir.join(AREA))
}

/// The example for a process, read.
pub fn example(workshop: &str) -> Result<Example, PracticeError> {
    let (_, src) = SHIPPED
        .iter()
        .find(|(id, _)| *id == workshop)
        .ok_or_else(|| PracticeError::Unknown {
            workshop: workshop.to_string(),
            available: SHIPPED
                .iter()
                .map(|(id, _)| *id)
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    ron::from_str(src).map_err(|e| PracticeError::Broken {
        workshop: workshop.to_string(),
        error: e.to_string(),
    })
}

/// The practice forløp of `workshop` in `area`: the one there already, or a new one made from
/// the example. With `reset` an existing one is deleted first (refused while it is open).
pub fn prepare(
    area: &Store,
    workshop: &str,
    reset: bool,
    now: NaiveDateTime,
) -> Result<ForlopDir, PracticeError> {
    let example = example(workshop)?;
    let name = example.forlop.name.clone();
    if let Ok(dir) = area.find(&name) {
        if !reset {
            return Ok(dir);
        }
        let lock = dir.lock().map_err(PracticeError::Store)?;
        drop(lock);
        dir.delete().map_err(|err| {
            PracticeError::Store(StoreError::Io {
                path: dir.path.clone(),
                err,
            })
        })?;
    }
    let first = example.forlop.position.session.clone();
    let (dir, _) = area
        .create(&name, workshop, &first, now)
        .map_err(PracticeError::Store)?;
    let io = |err| {
        PracticeError::Store(StoreError::Io {
            path: dir.path.clone(),
            err,
        })
    };
    for sheet in &example.sheets {
        dir.save_sheet(sheet).map_err(io)?;
    }
    let forlop = Forlop {
        practice: true,
        ..example.forlop
    };
    dir.save_forlop(&forlop).map_err(io)?;
    let sheets = example
        .sheets
        .into_iter()
        .map(|sheet| (SheetKey::new(sheet.round, &sheet.session), sheet))
        .collect();
    dir.save_overview(&Overview::of(&forlop, &sheets))
        .map_err(io)?;
    Ok(dir)
}
