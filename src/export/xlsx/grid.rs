//! A risk grid's sheet and the sheet of the scales it used.

use super::{Names, band_fill, bold};
use crate::script::Script;
use crate::t;
use crate::text::inert;
use crate::worksheet::Forlop;
use crate::worksheet::risk::{Band, RiskRow, RiskSettings, level_name};
use rust_xlsxwriter::{Worksheet as Sheet, XlsxError};

/// One risk grid: a row per risk the group kept, numbers as numbers, bands as fill and words.
pub(super) fn grid_sheet(
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
pub(super) fn scale_sheet(
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
