//! Writers that turn a forløp into files people read elsewhere: pure functions of the data.
//! [`documents`] says which files an export holds, by name and content; the one place that puts
//! them on disk is [`crate::worksheet::files::write_documents`].

pub mod csv;
pub mod html;
pub mod markdown;
pub mod xlsx;

use crate::script::Script;
use crate::text::slug;
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One exported file: a safe file name (no folder in it) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Document {
    fn text(file_name: String, text: String) -> Document {
        Document {
            file_name,
            bytes: text.into_bytes(),
        }
    }
}

/// Which kinds of file an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub md: bool,
    pub csv: bool,
    pub html: bool,
    pub xlsx: bool,
}

impl Formats {
    /// Markdown and the risk grids' CSV: what an export held before HTML.
    pub const STANDARD: Formats = Formats {
        md: true,
        csv: true,
        html: false,
        xlsx: false,
    };
    pub const ALL: Formats = Formats {
        md: true,
        csv: true,
        html: true,
        xlsx: true,
    };
    /// No format: a start to set one on.
    pub const NONE: Formats = Formats {
        md: false,
        csv: false,
        html: false,
        xlsx: false,
    };
}

/// The files of an export: `<name>.md` for the whole forløp, `<name>-<grid>.csv` for each risk
/// grid with rows and `<name>-handlingsplan.csv`, `<name>.html` with
/// `<name>-r<round>-<session>.html` for each session with a worksheet (printable), and
/// `<name>.xlsx` (one workbook). Every name is made safe and short by [`slug`], so nothing can
/// land outside the export folder. `today` dates the printed pages.
pub fn documents(
    name: &str,
    (script, forlop, sheets): (&Script, &Forlop, &BTreeMap<SheetKey, Worksheet>),
    formats: Formats,
    today: NaiveDate,
) -> Result<Vec<Document>, ExportError> {
    let name = file_stem(name, forlop);
    let mut out = Vec::new();
    if formats.md {
        out.push(Document::text(
            format!("{name}.md"),
            markdown::forlop(script, forlop, sheets),
        ));
    }
    if formats.csv {
        if !forlop.plan.is_empty() {
            out.push(Document::text(
                format!("{name}-handlingsplan.csv"),
                csv::plan(forlop),
            ));
        }
        for (grid, rows) in &forlop.grids {
            if !rows.is_empty() {
                out.push(Document::text(
                    format!("{name}-{}.csv", slug(grid)),
                    csv::grid(script, forlop, grid),
                ));
            }
        }
    }
    if formats.html {
        out.extend(html_documents(&name, (script, forlop, sheets), today));
    }
    if formats.xlsx {
        let bytes = xlsx::workbook(script, forlop, sheets)
            .map_err(|e| ExportError::Workbook(e.to_string()))?;
        out.push(Document {
            file_name: format!("{name}.xlsx"),
            bytes,
        });
    }
    Ok(out)
}

/// The start of every exported file's name: the forløp's name made safe, led by `oving-` for a
/// practice forløp, so a practice file is known by its name too.
fn file_stem(name: &str, forlop: &Forlop) -> String {
    let name = slug(name);
    let mark = slug(crate::t!("export.practice_file"));
    if forlop.practice && !name.starts_with(&mark) {
        format!("{mark}-{name}")
    } else {
        name
    }
}

/// The forløp's name as a document's title: led by ØVING for a practice forløp. Made inert.
pub fn title(forlop: &Forlop) -> String {
    let name = crate::text::inert(&forlop.name);
    if forlop.practice {
        crate::t!("export.practice_title", name = name)
    } else {
        name.into_owned()
    }
}

/// An export that could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The Excel workbook could not be built from this data.
    Workbook(String),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Workbook(e) => f.write_str(&crate::t!("export.xlsx.failed", error = e)),
        }
    }
}

/// The printable pages: the forløp, then each session that has a worksheet.
fn html_documents(
    name: &str,
    (script, forlop, sheets): (&Script, &Forlop, &BTreeMap<SheetKey, Worksheet>),
    today: NaiveDate,
) -> Vec<Document> {
    let date = crate::text::format_date(today);
    let subtitle = crate::t!("export.html.subtitle", process = script.title, date = date);
    let mut out = vec![Document::text(
        format!("{name}.html"),
        html::page(
            &title(forlop),
            &subtitle,
            &markdown::forlop(script, forlop, sheets),
        ),
    )];
    for (key, sheet) in sheets {
        out.push(Document::text(
            format!("{name}-{}.html", slug(&key.file_stem())),
            html::page(
                &title(forlop),
                &subtitle,
                &markdown::session(script, forlop, sheet, sheets),
            ),
        ));
    }
    out
}
