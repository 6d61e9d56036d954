//! Writers that turn a forløp into files people read elsewhere: pure functions of the data.
//! [`documents`] says which files an export holds, by name and content; the one place that puts
//! them on disk is [`crate::worksheet::files::write_documents`].

pub mod csv;
pub mod markdown;

use crate::script::Script;
use crate::text::slug;
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use std::collections::BTreeMap;

/// One exported file: a safe file name (no folder in it) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub file_name: String,
    pub text: String,
}

/// `<name>.md` for the whole forløp and `<name>-<grid>.csv` for each risk grid with rows; both
/// names made safe and short by [`slug`], so nothing can land outside the export folder.
pub fn documents(
    name: &str,
    script: &Script,
    forlop: &Forlop,
    sheets: &BTreeMap<SheetKey, Worksheet>,
) -> Vec<Document> {
    let name = slug(name);
    let mut out = vec![Document {
        file_name: format!("{name}.md"),
        text: markdown::forlop(script, forlop, sheets),
    }];
    for (grid, rows) in &forlop.grids {
        if !rows.is_empty() {
            out.push(Document {
                file_name: format!("{name}-{}.csv", slug(grid)),
                text: csv::grid(script, forlop, grid),
            });
        }
    }
    out
}
