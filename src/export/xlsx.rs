//! The forløp as one Excel workbook: the handlingsplan as a real table (filters, dates as
//! dates, status from a list), each risk grid on a sheet of its own (levels and risk values as
//! numbers, the value filled with its band's colour and the band in words beside it), the
//! scales used, and per session the items collected, their votes and what was chosen. Example
//! rows nobody kept are left out. Every text goes in as a string cell, never as a formula.

use crate::script::Script;
use crate::t;
use crate::text::inert;
use crate::worksheet::risk::{Band, RiskRow, RiskSettings, level_name};
use crate::worksheet::{Forlop, MeasureStatus, SheetKey, Worksheet};
use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DataValidation, ExcelDateTime, Format, Table, TableColumn, Workbook, Worksheet as Sheet,
    XlsxError,
};
use std::collections::{BTreeMap, HashSet};

/// The workbook's bytes.
pub fn workbook(
    script: &Script,
    forlop: &Forlop,
    sheets: &BTreeMap<SheetKey, Worksheet>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut names = Names::default();
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
    book.save_to_buffer()
}

/// Sheet names Excel takes: at most 31 characters, none of `[]:*?/\`, each once.
#[derive(Default)]
struct Names(HashSet<String>);

impl Names {
    fn take(&mut self, wanted: &str) -> String {
        let clean: String = inert(wanted)
            .chars()
            .map(|c| if "[]:*?/\\'".contains(c) { '-' } else { c })
            .take(28)
            .collect();
        let mut name = clean.clone();
        let mut n = 2;
        while !self.0.insert(name.to_lowercase()) {
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

/// The handlingsplan: a table with filters, the frist as a date, the status from a list.
fn plan_sheet(ws: &mut Sheet, names: &mut Names, forlop: &Forlop) -> Result<(), XlsxError> {
    ws.set_name(names.take(t!("export.plan")))?;
    let headers = [
        t!("export.csv.plan_nr"),
        t!("export.csv.plan_tiltak"),
        t!("export.csv.plan_ansvarlig"),
        t!("export.csv.plan_frist"),
        t!("export.csv.plan_status"),
        t!("export.csv.plan_risiko"),
        t!("export.csv.plan_fra"),
    ];
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

/// One risk grid: a row per risk the group kept, numbers as numbers, bands as fill and words.
fn grid_sheet(
    ws: &mut Sheet,
    names: &mut Names,
    script: &Script,
    forlop: &Forlop,
    grid: &str,
) -> Result<(), XlsxError> {
    ws.set_name(names.take(&t!("export.xlsx.grid_sheet", grid = grid)))?;
    let settings = settings(script, forlop, grid);
    let scale = settings.as_ref().and_then(|s| script.scale(&s.scale));
    let headers = [
        t!("export.csv.id"),
        t!("export.csv.tema"),
        t!("export.csv.hva_kan_skje"),
        t!("export.csv.sarbarhet"),
        t!("export.csv.sannsynlighet"),
        t!("export.csv.sannsynlighet_niva"),
        t!("export.csv.konsekvens"),
        t!("export.csv.konsekvens_niva"),
        t!("export.csv.risikoverdi"),
        t!("export.csv.risikoniva"),
        t!("export.csv.usikkerhet"),
        t!("export.csv.usikkerhet_hvorfor"),
        t!("export.csv.foreslatte_tiltak"),
        t!("export.csv.restrisiko_sannsynlighet"),
        t!("export.csv.restrisiko_konsekvens"),
        t!("export.csv.restrisiko"),
        t!("export.csv.restrisiko_niva"),
    ];
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &bold())?;
    }
    let rows = forlop.grids.get(grid).map(Vec::as_slice).unwrap_or(&[]);
    for (i, r) in rows.iter().filter(|r| !r.example).enumerate() {
        let row = i as u32 + 1;
        ws.write_number(row, 0, r.id.0 as f64)?;
        for (col, text) in [(1, &r.tema), (2, &r.hendelse), (3, &r.sarbarhet)] {
            ws.write_string(row, col, inert(text))?;
        }
        let labels = |axis: fn(&crate::script::RiskScale) -> &Vec<String>, l: u8| {
            scale.map_or_else(String::new, |s| level_name(axis(s), l))
        };
        if let Some(l) = r.sannsynlighet {
            ws.write_number(row, 4, f64::from(l))?;
            ws.write_string(row, 5, labels(|s| &s.sannsynlighet, l))?;
        }
        if let Some(l) = r.konsekvens {
            ws.write_number(row, 6, f64::from(l))?;
            ws.write_string(row, 7, labels(|s| &s.konsekvens, l))?;
        }
        write_value(ws, row, 8, r.value(), settings.as_ref())?;
        if let Some(u) = r.usikkerhet {
            ws.write_string(row, 10, u.label())?;
        }
        ws.write_string(row, 11, inert(&r.usikkerhet_tekst))?;
        ws.write_string(row, 12, inert(&r.tiltak))?;
        write_rest(ws, row, r)?;
        write_value(ws, row, 15, r.rest_value(), settings.as_ref())?;
    }
    ws.set_column_width(1, 24)?;
    ws.set_column_width(2, 36)?;
    ws.set_column_width(12, 36)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_rest(ws: &mut Sheet, row: u32, r: &RiskRow) -> Result<(), XlsxError> {
    if let Some(l) = r.rest_sannsynlighet {
        ws.write_number(row, 13, f64::from(l))?;
    }
    if let Some(l) = r.rest_konsekvens {
        ws.write_number(row, 14, f64::from(l))?;
    }
    Ok(())
}

/// A risk value as a number filled with its band's colour, and the band in words beside it.
fn write_value(
    ws: &mut Sheet,
    row: u32,
    col: u16,
    value: Option<u32>,
    settings: Option<&RiskSettings>,
) -> Result<(), XlsxError> {
    let (Some(v), Some(s)) = (value, settings) else {
        if let Some(v) = value {
            ws.write_number(row, col, f64::from(v))?;
        }
        return Ok(());
    };
    let band = s.band(v);
    ws.write_number_with_format(row, col, f64::from(v), &band_fill(band))?;
    ws.write_string(row, col + 1, band.label())?;
    Ok(())
}

fn settings(script: &Script, forlop: &Forlop, grid: &str) -> Option<RiskSettings> {
    forlop
        .risk
        .get(grid)
        .cloned()
        .or_else(|| script.scales.first().map(RiskSettings::from_scale))
}

/// The scales and bands the grids used, so the numbers can be read without Stafett.
fn scale_sheet(
    ws: &mut Sheet,
    names: &mut Names,
    script: &Script,
    forlop: &Forlop,
) -> Result<(), XlsxError> {
    ws.set_name(names.take(t!("export.xlsx.scale_sheet")))?;
    let mut row = 0u32;
    for grid in forlop.grids.keys() {
        let Some(s) = settings(script, forlop, grid) else {
            continue;
        };
        let Some(scale) = script.scale(&s.scale) else {
            continue;
        };
        let title = t!("export.xlsx.scale_title", grid = grid, scale = scale.title);
        ws.write_string_with_format(row, 0, inert(&title), &bold())?;
        row += 1;
        for (axis, labels, means) in [
            (
                t!("export.csv.sannsynlighet"),
                &scale.sannsynlighet,
                &scale.sannsynlighet_means,
            ),
            (
                t!("export.csv.konsekvens"),
                &scale.konsekvens,
                &scale.konsekvens_means,
            ),
        ] {
            for (i, label) in labels.iter().enumerate() {
                ws.write_string(row, 0, axis)?;
                ws.write_number(row, 1, (i + 1) as f64)?;
                ws.write_string(row, 2, inert(label))?;
                if let Some(m) = means.get(i) {
                    ws.write_string(row, 3, inert(m))?;
                }
                row += 1;
            }
        }
        let max = (scale.sannsynlighet.len() * scale.konsekvens.len()) as u32;
        for (band, from, to) in [
            (Band::Acceptable, 1, s.high_from.saturating_sub(1)),
            (
                Band::High,
                s.high_from,
                s.unacceptable_from.saturating_sub(1),
            ),
            (Band::Unacceptable, s.unacceptable_from, max),
        ] {
            ws.write_string_with_format(row, 0, band.label(), &band_fill(band))?;
            ws.write_number(row, 1, f64::from(from))?;
            ws.write_number(row, 2, f64::from(to))?;
            row += 1;
        }
        row += 1;
    }
    ws.set_column_width(0, 18)?;
    ws.set_column_width(2, 22)?;
    ws.set_column_width(3, 50)?;
    Ok(())
}

/// A session's items: list, text, theme, votes, whether it was chosen, its rating.
fn items_sheet(
    ws: &mut Sheet,
    names: &mut Names,
    script: &Script,
    key: &SheetKey,
    sheet: &Worksheet,
) -> Result<(), XlsxError> {
    let title = script
        .find_session(&key.session)
        .map_or(key.session.clone(), |at| {
            format!(
                "{} {}",
                script.phases[at.phase].title,
                script.session(at).title
            )
        });
    ws.set_name(names.take(&format!("R{} {title}", key.round)))?;
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
