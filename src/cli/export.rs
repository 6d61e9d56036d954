//! `stafett export`: one forløp's documents into a folder, or every forløp's handlingsplan in
//! one workbook.

use super::{CliError, ExportFormat, say, warn};
use crate::script::Library;
use crate::t;
use crate::worksheet::store::{Store, StoreError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `stafett export --all --format xlsx --out DIR`: one workbook with every forløp's
/// handlingsplan, a column naming the forløp, for a leader with several units.
pub(super) fn export_all(
    store: &Store,
    out: Option<PathBuf>,
    format: Option<ExportFormat>,
) -> Result<ExitCode, CliError> {
    if format != Some(ExportFormat::Xlsx) {
        return Err(CliError::AllNeedsXlsx);
    }
    let out_dir = out.ok_or(CliError::AllNeedsOut)?;
    let mut plans = Vec::new();
    for listed in store.list() {
        match listed.dir.load_forlop() {
            Ok(f) => plans.push(f),
            Err(e) => warn(&t!("cli.skipped_forlop", error = e)),
        }
    }
    let bytes = crate::export::xlsx::rollup(&plans)
        .map_err(|e| CliError::Export(crate::export::ExportError::Workbook(e.to_string())))?;
    let doc = crate::export::Document {
        file_name: t!("cli.rollup_file").to_string(),
        bytes,
    };
    write_and_say(&out_dir, &[doc])
}

/// Writes an export's files into `out_dir` and prints each one's path.
fn write_and_say(out_dir: &Path, docs: &[crate::export::Document]) -> Result<ExitCode, CliError> {
    let written = crate::worksheet::files::write_documents(out_dir, docs).map_err(|error| {
        CliError::Write {
            dir: out_dir.to_path_buf(),
            error,
        }
    })?;
    for path in written {
        say(&path.display().to_string());
    }
    Ok(ExitCode::SUCCESS)
}

/// `stafett export`: the forløp's documents into a folder.
pub(super) fn export(
    (store, library): (&Store, &Library),
    name: &str,
    out: Option<PathBuf>,
    format: Option<ExportFormat>,
) -> Result<ExitCode, CliError> {
    let dir = store.find(name).map_err(CliError::Store)?;
    let forlop = dir
        .load_forlop()
        .map_err(|e| CliError::Store(StoreError::Load(e)))?;
    let script = library
        .get(&forlop.workshop)
        .ok_or_else(|| CliError::NoProcess(forlop.workshop.clone()))?;
    let (sheets, errors) = dir.load_sheets();
    for e in errors.values() {
        warn(&t!("cli.skipped_sheet", error = e));
    }
    let out_dir = out.unwrap_or_else(|| dir.path.clone());
    let formats = format.map_or(crate::export::Formats::STANDARD, ExportFormat::formats);
    let today = chrono::Local::now().date_naive();
    let docs = crate::export::documents(&dir.slug(), (script, &forlop, &sheets), formats, today)
        .map_err(CliError::Export)?;
    write_and_say(&out_dir, &docs)
}
