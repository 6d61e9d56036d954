//! Writers that turn a forløp into files people read elsewhere: pure functions of the data,
//! plus [`write_all`], the one place that puts them on disk.

pub mod csv;
pub mod markdown;

use crate::script::Script;
use crate::text::slug;
use crate::worksheet::store::{create_private_dir, write_without_backup};
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Writes `<name>.md` for the whole forløp and `<name>-<grid>.csv` for each risk grid with
/// rows into `dir`, both names made safe and short by [`slug`], so nothing lands outside `dir`.
/// Exports keep no `.bak`: the folder is the user's. Returns the files written.
pub fn write_all(
    dir: &Path,
    name: &str,
    script: &Script,
    forlop: &Forlop,
    sheets: &BTreeMap<SheetKey, Worksheet>,
) -> io::Result<Vec<PathBuf>> {
    create_private_dir(dir)?;
    let name = slug(name);
    let md = dir.join(format!("{name}.md"));
    write_without_backup(&md, markdown::forlop(script, forlop, sheets).as_bytes())?;
    let mut written = vec![md];
    for (grid, rows) in &forlop.grids {
        if rows.is_empty() {
            continue;
        }
        let path = dir.join(format!("{name}-{}.csv", slug(grid)));
        write_without_backup(&path, csv::grid(script, forlop, grid).as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
