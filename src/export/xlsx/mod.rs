//! The forløp as one Excel workbook: the handlingsplan as a real table (filters, dates as
//! dates, status from a list), each risk grid on a sheet of its own (levels and risk values as
//! numbers, the value filled with its band's colour and the band in words beside it), the
//! scales used, and per session the items collected, their votes and what was chosen. Example
//! rows nobody kept are left out. Every text goes in as a string cell, never as a formula.

use crate::script::Script;
use crate::t;
use crate::text::inert;
use crate::worksheet::risk::Band;
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use rust_xlsxwriter::{Color, Format, Workbook, XlsxError};
use std::collections::{BTreeMap, HashSet};

mod grid;
mod plan;
mod sessions;

use grid::{grid_sheet, scale_sheet};
use plan::plan_sheet;
pub use plan::rollup;
use sessions::{items_sheet, records_sheet};

/// The workbook's bytes.
pub fn workbook(
    script: &Script,
    forlop: &Forlop,
    sheets: &BTreeMap<SheetKey, Worksheet>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut names = Names::default();
    if forlop.practice {
        names.prefix = format!("{} ", t!("export.practice_sheet"));
    }
    plan_sheet(book.add_worksheet(), &mut names, forlop)?;
    for grid in forlop.grids.keys() {
        grid_sheet(book.add_worksheet(), &mut names, script, forlop, grid)?;
    }
    if !forlop.grids.is_empty() {
        scale_sheet(book.add_worksheet(), &mut names, script, forlop)?;
    }
    for (key, sheet) in sheets {
        if sheet.lists.values().any(|l| !l.is_empty()) {
            items_sheet(book.add_worksheet(), &mut names, script, key, sheet)?;
        }
    }
    if sheets.values().any(|s| !s.record.is_empty()) {
        records_sheet(book.add_worksheet(), &mut names, script, sheets)?;
    }
    book.save_to_buffer()
}

/// Sheet names Excel takes: at most 31 characters, none of `[]:*?/\`, each once; each led by
/// the prefix (ØVING in a practice forløp).
#[derive(Default)]
struct Names {
    taken: HashSet<String>,
    prefix: String,
}

impl Names {
    fn take(&mut self, wanted: &str) -> String {
        let clean: String = inert(&format!("{}{wanted}", self.prefix))
            .chars()
            .map(|c| if "[]:*?/\\'".contains(c) { '-' } else { c })
            .take(28)
            .collect();
        let mut name = clean.clone();
        let mut n = 2;
        while !self.taken.insert(name.to_lowercase()) {
            name = format!("{clean} {n}");
            n += 1;
        }
        name
    }
}

fn bold() -> Format {
    Format::new().set_bold()
}

fn band_fill(band: Band) -> Format {
    let colour = match band {
        Band::Acceptable => 0xC8E6C9,
        Band::High => 0xFFF59D,
        Band::Unacceptable => 0xEF9A9A,
    };
    Format::new().set_background_color(Color::RGB(colour))
}
