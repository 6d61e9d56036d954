//! Each session's items, and every session's record.

use super::{Names, bold};
use crate::script::Script;
use crate::t;
use crate::text::inert;
use crate::worksheet::{SheetKey, Worksheet};
use rust_xlsxwriter::{Worksheet as Sheet, XlsxError};
use std::collections::{BTreeMap, HashSet};

/// Every session's record (referat): a row per filled field, in the record's order.
pub(super) fn records_sheet(
    ws: &mut Sheet,
    names: &mut Names,
    script: &Script,
    sheets: &BTreeMap<SheetKey, Worksheet>,
) -> Result<(), XlsxError> {
    ws.set_name(names.take(t!("record.heading")))?;
    let headers = [
        t!("export.xlsx.session"),
        t!("export.xlsx.field"),
        t!("export.xlsx.value"),
    ];
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &bold())?;
    }
    let mut row = 0u32;
    for (key, sheet) in sheets {
        let session = session_title(script, key);
        for (id, label) in crate::worksheet::record::record_fields() {
            if let Some(value) = sheet.record.get(id) {
                row += 1;
                ws.write_string(row, 0, inert(&session))?;
                ws.write_string(row, 1, label)?;
                ws.write_string(row, 2, inert(value))?;
            }
        }
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(2, 60)?;
    Ok(())
}

/// `R1 Utforske Verksted`: a session as a row or sheet names it.
fn session_title(script: &Script, key: &SheetKey) -> String {
    let title = script
        .find_session(&key.session)
        .map_or(key.session.clone(), |at| {
            format!(
                "{} {}",
                script.phases[at.phase].title,
                script.session(at).title
            )
        });
    format!("R{} {title}", key.round)
}

/// A session's items: list, text, theme, votes, whether it was chosen, its rating.
pub(super) fn items_sheet(
    ws: &mut Sheet,
    names: &mut Names,
    script: &Script,
    key: &SheetKey,
    sheet: &Worksheet,
) -> Result<(), XlsxError> {
    ws.set_name(names.take(&session_title(script, key)))?;
    let headers = [
        t!("export.xlsx.list"),
        t!("export.xlsx.item"),
        t!("export.xlsx.theme"),
        t!("export.xlsx.votes"),
        t!("export.xlsx.chosen"),
        t!("export.xlsx.rating"),
    ];
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &bold())?;
    }
    let chosen: HashSet<_> = sheet
        .lists
        .values()
        .flatten()
        .filter_map(|i| i.source)
        .collect();
    let mut row = 1u32;
    for (list, items) in &sheet.lists {
        for item in items {
            ws.write_string(row, 0, inert(&script.list_title(list)))?;
            ws.write_string(row, 1, inert(&item.text))?;
            if let Some(theme) = &item.theme {
                ws.write_string(row, 2, inert(theme))?;
            }
            ws.write_number(row, 3, f64::from(item.votes))?;
            if chosen.contains(&item.id) {
                ws.write_string(row, 4, t!("export.xlsx.yes"))?;
            }
            if let Some(r) = item.rating {
                ws.write_number(row, 5, f64::from(r))?;
            }
            row += 1;
        }
    }
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 50)?;
    ws.set_column_width(2, 18)?;
    Ok(())
}
