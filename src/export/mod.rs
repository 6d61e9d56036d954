//! Writers that turn a forløp into files people read elsewhere: pure functions of the data.
//! [`documents`] says which files an export holds, by name and content; the one place that puts
//! them on disk is [`crate::worksheet::files::write_documents`].

pub mod csv;
pub mod html;
pub mod markdown;

use crate::script::Script;
use crate::text::slug;
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One exported file: a safe file name (no folder in it) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub file_name: String,
    pub text: String,
}

/// Which kinds of file an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub md: bool,
    pub csv: bool,
    pub html: bool,
}

impl Formats {
    /// Markdown and the risk grids' CSV: what an export held before HTML.
    pub const STANDARD: Formats = Formats {
        md: true,
        csv: true,
        html: false,
    };
    pub const ALL: Formats = Formats {
        md: true,
        csv: true,
        html: true,
    };
}

/// The files of an export: `<name>.md` for the whole forløp, `<name>-<grid>.csv` for each risk
/// grid with rows, and `<name>.html` with `<name>-r<round>-<session>.html` for each session
/// with a worksheet (printable). Every name is made safe and short by [`slug`], so nothing can
/// land outside the export folder. `today` dates the printed pages.
pub fn documents(
    name: &str,
    (script, forlop, sheets): (&Script, &Forlop, &BTreeMap<SheetKey, Worksheet>),
    formats: Formats,
    today: NaiveDate,
) -> Vec<Document> {
    let name = slug(name);
    let mut out = Vec::new();
    if formats.md {
        out.push(Document {
            file_name: format!("{name}.md"),
            text: markdown::forlop(script, forlop, sheets),
        });
    }
    if formats.csv {
        if !forlop.plan.is_empty() {
            out.push(Document {
                file_name: format!("{name}-handlingsplan.csv"),
                text: csv::plan(forlop),
            });
        }
        for (grid, rows) in &forlop.grids {
            if !rows.is_empty() {
                out.push(Document {
                    file_name: format!("{name}-{}.csv", slug(grid)),
                    text: csv::grid(script, forlop, grid),
                });
            }
        }
    }
    if formats.html {
        out.extend(html_documents(&name, (script, forlop, sheets), today));
    }
    out
}

/// The printable pages: the forløp, then each session that has a worksheet.
fn html_documents(
    name: &str,
    (script, forlop, sheets): (&Script, &Forlop, &BTreeMap<SheetKey, Worksheet>),
    today: NaiveDate,
) -> Vec<Document> {
    let date = crate::text::format_date(today);
    let subtitle = crate::t!("export.html.subtitle", process = script.title, date = date);
    let mut out = vec![Document {
        file_name: format!("{name}.html"),
        text: html::page(
            &forlop.name,
            &subtitle,
            &markdown::forlop(script, forlop, sheets),
        ),
    }];
    for (key, sheet) in sheets {
        out.push(Document {
            file_name: format!("{name}-{}.html", slug(&key.file_stem())),
            text: html::page(
                &forlop.name,
                &subtitle,
                &markdown::session(script, forlop, sheet, sheets),
            ),
        });
    }
    out
}
