//! Writers that turn a forløp into files people read elsewhere: pure functions of the data,
//! plus [`write_all`], the one place that puts them on disk.

pub mod csv;
pub mod markdown;

use crate::script::Script;
use crate::worksheet::store::{create_private_dir, write_atomic};
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Writes `<name>.md` for the whole forløp and `<name>-<grid>.csv` for each risk grid with
/// rows into `dir`. Returns the files written.
pub fn write_all(
    dir: &Path,
    name: &str,
    script: &Script,
    forlop: &Forlop,
    sheets: &BTreeMap<SheetKey, Worksheet>,
) -> io::Result<Vec<PathBuf>> {
    create_private_dir(dir)?;
    let md = dir.join(format!("{name}.md"));
    write_atomic(&md, markdown::forlop(script, forlop, sheets).as_bytes())?;
    let mut written = vec![md];
    for (grid, rows) in &forlop.grids {
        if rows.is_empty() {
            continue;
        }
        let path = dir.join(format!("{name}-{grid}.csv"));
        write_atomic(&path, csv::grid(script, forlop, grid).as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
