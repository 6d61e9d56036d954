//! The handlingsplan sheet, and the roll-up of every forløp's plan.

use super::Names;
use crate::t;
use crate::text::inert;
use crate::worksheet::{Forlop, MeasureStatus};
use chrono::Datelike;
use rust_xlsxwriter::{
    DataValidation, ExcelDateTime, Format, Table, TableColumn, Workbook, Worksheet as Sheet,
    XlsxError,
};

/// The handlingsplan: a table with filters, the frist as a date, the status from a list.
pub(super) fn plan_sheet(
    ws: &mut Sheet,
    names: &mut Names,
    forlop: &Forlop,
) -> Result<(), XlsxError> {
    ws.set_name(names.take(t!("export.plan")))?;
    let headers = crate::export::csv::plan_header();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (i, m) in forlop.plan.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_number(row, 0, (i + 1) as f64)?;
        ws.write_string(row, 1, inert(&m.tiltak))?;
        ws.write_string(row, 2, inert(&m.ansvarlig))?;
        write_date(ws, row, 3, m.frist, &date)?;
        ws.write_string(row, 4, m.status.label())?;
        if let Some(r) = m.risk {
            ws.write_string(row, 5, format!("R{r}"))?;
        }
        ws.write_string(row, 6, inert(&m.origin))?;
    }
    let last = forlop.plan.len().max(1) as u32;
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    ws.add_table(0, 0, last, 6, &Table::new().set_columns(&columns))?;
    let statuses: Vec<&str> = [
        MeasureStatus::Planned,
        MeasureStatus::InProgress,
        MeasureStatus::Done,
        MeasureStatus::Dropped,
    ]
    .iter()
    .map(|s| s.label())
    .collect();
    let list = DataValidation::new().allow_list_strings(&statuses)?;
    ws.add_data_validation(1, 4, last.max(200), 4, &list)?;
    for (col, width) in [(0, 5), (1, 40), (2, 16), (3, 12), (4, 14), (5, 10), (6, 36)] {
        ws.set_column_width(col, width)?;
    }
    Ok(())
}

/// A date as a date; one Excel cannot hold (before 1900, after 9999) as text.
fn write_date(
    ws: &mut Sheet,
    row: u32,
    col: u16,
    date: Option<chrono::NaiveDate>,
    format: &Format,
) -> Result<(), XlsxError> {
    let Some(d) = date else {
        return Ok(());
    };
    let day = u16::try_from(d.year())
        .ok()
        .and_then(|y| ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok());
    match day {
        Some(day) => ws.write_datetime_with_format(row, col, &day, format)?,
        None => ws.write_string(row, col, crate::text::format_date(d))?,
    };
    Ok(())
}

/// Every forløp's handlingsplan on one sheet, a column naming the forløp: for a leader with
/// several units.
pub fn rollup(forlops: &[Forlop]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(t!("export.plan"))?;
    let headers = [
        t!("export.xlsx.forlop"),
        t!("export.csv.plan_tiltak"),
        t!("export.csv.plan_ansvarlig"),
        t!("export.csv.plan_frist"),
        t!("export.csv.plan_status"),
        t!("export.csv.plan_fra"),
    ];
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let mut row = 0u32;
    for forlop in forlops {
        for m in &forlop.plan {
            row += 1;
            ws.write_string(row, 0, inert(&forlop.name))?;
            ws.write_string(row, 1, inert(&m.tiltak))?;
            ws.write_string(row, 2, inert(&m.ansvarlig))?;
            write_date(ws, row, 3, m.frist, &date)?;
            ws.write_string(row, 4, m.status.label())?;
            ws.write_string(row, 5, inert(&m.origin))?;
        }
    }
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| TableColumn::new().set_header(*h))
        .collect();
    ws.add_table(0, 0, row.max(1), 5, &Table::new().set_columns(&columns))?;
    for (col, width) in [(0, 28), (1, 40), (2, 16), (3, 12), (4, 14), (5, 36)] {
        ws.set_column_width(col, width)?;
    }
    book.save_to_buffer()
}
