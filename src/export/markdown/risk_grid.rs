//! A risk grid in Markdown: the agreed scale and bands, every row, the matrix with the row
//! IDs, rows whose levels lie outside the scale, and changes of scale made after rating.

use super::cell;
use crate::script::{RiskScale, Script};
use crate::t;
use crate::text::inert;
use crate::worksheet::Forlop;
use crate::worksheet::risk::{RiskRow, RiskSettings};
use std::fmt::Write;

/// A risk grid: the agreed scale and bands, every row, and the matrix with the row IDs.
pub(super) fn write_grid(
    out: &mut String,
    script: &Script,
    forlop: &Forlop,
    grid: &str,
    level: usize,
) {
    let h = "#".repeat(level);
    let Some(settings) = forlop
        .risk
        .get(grid)
        .cloned()
        .or_else(|| script.scales.first().map(RiskSettings::from_scale))
    else {
        return;
    };
    let Some(scale) = script.scale(&settings.scale) else {
        return;
    };
    let rows = forlop.grids.get(grid).map(Vec::as_slice).unwrap_or(&[]);
    let _ = writeln!(
        out,
        "{h} {}\n",
        t!("export.risk_heading", grid = inert(grid))
    );
    let max = (scale.sannsynlighet.len() * scale.konsekvens.len()) as u32;
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            "export.risk_scale",
            scale = inert(&scale.title),
            acceptable_to = settings.high_from.saturating_sub(1),
            high_from = settings.high_from,
            high_to = settings.unacceptable_from.saturating_sub(1),
            unacceptable_from = settings.unacceptable_from,
            max = max
        )
    );
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            t!("export.markdown.risk_grid.ingen_risikoer_enna")
        );
        return;
    }
    write_rows(out, scale, &settings, rows);
    let _ = writeln!(out);
    write_matrix(out, scale, &settings, rows);
}

/// Every row of the grid as a Markdown table.
fn write_rows(out: &mut String, scale: &RiskScale, settings: &RiskSettings, rows: &[RiskRow]) {
    let level_text = |labels: &[String], l: Option<u8>| match l {
        Some(l) => format!(
            "{l} {}",
            cell(&crate::worksheet::risk::level_name(labels, l))
        ),
        None => "–".into(),
    };
    let risk = |v: Option<u32>| match v {
        Some(v) => {
            let band = settings.band(v);
            format!("{} {v} {}", band.symbol(), band.label())
        }
        None => "–".into(),
    };
    let _ = writeln!(
        out,
        "{}",
        t!("export.markdown.risk_grid.id_tema_hva_kan_skje")
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|");
    for r in rows {
        let mut s = level_text(&scale.sannsynlighet, r.sannsynlighet);
        if !r.sannsynlighet_tekst.is_empty() {
            s.push_str(&format!(": {}", cell(&r.sannsynlighet_tekst)));
        }
        let mut k = level_text(&scale.konsekvens, r.konsekvens);
        if !r.konsekvens_tekst.is_empty() {
            k.push_str(&format!(": {}", cell(&r.konsekvens_tekst)));
        }
        let mut u = r
            .usikkerhet
            .map_or("–".to_string(), |u| u.label().to_string());
        if !r.usikkerhet_tekst.is_empty() {
            u.push_str(&format!(": {}", cell(&r.usikkerhet_tekst)));
        }
        let example = if r.example {
            format!(" _({})_", t!("export.example"))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| {}{example} | {} | {} | {} | {s} | {k} | {} | {u} | {} | {} |",
            r.id,
            cell(&r.tema),
            cell(&r.hendelse),
            cell(&r.sarbarhet),
            risk(r.value()),
            cell(&r.tiltak),
            risk(r.rest_value()),
        );
    }
}

fn write_matrix(out: &mut String, scale: &RiskScale, settings: &RiskSettings, rows: &[RiskRow]) {
    let _ = writeln!(
        out,
        "{}\n",
        t!("export.markdown.risk_grid.risikomatrise_sannsynlighet_nedover_fra_hoyest")
    );
    let _ = write!(out, "| S \\ K |");
    for (i, k) in scale.konsekvens.iter().enumerate() {
        let _ = write!(out, " {} {} |", i + 1, cell(k));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "|---|{}", "---|".repeat(scale.konsekvens.len()));
    for s in (1..=scale.sannsynlighet.len() as u8).rev() {
        let _ = write!(
            out,
            "| {s} {} |",
            cell(&scale.sannsynlighet[usize::from(s) - 1])
        );
        for k in 1..=scale.konsekvens.len() as u8 {
            let band = settings.band(u32::from(s) * u32::from(k));
            let ids: Vec<String> = rows
                .iter()
                .filter(|r| r.sannsynlighet == Some(s) && r.konsekvens == Some(k))
                .map(|r| r.id.to_string())
                .collect();
            let _ = write!(out, " {} {} |", band.symbol(), ids.join(", "));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        t!(
            "export.risk_legend",
            acceptable = crate::worksheet::risk::Band::Acceptable.symbol(),
            high = crate::worksheet::risk::Band::High.symbol(),
            unacceptable = crate::worksheet::risk::Band::Unacceptable.symbol()
        )
    );
    let (s_len, k_len) = (scale.sannsynlighet.len(), scale.konsekvens.len());
    let outside: Vec<String> = rows
        .iter()
        .filter(|r| r.outside(s_len, k_len))
        .map(|r| format!("R{}", r.id))
        .collect();
    if !outside.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            crate::t!("risk.outside_matrix", ids = outside.join(", "))
        );
    }
    if !settings.changes.is_empty() {
        let _ = writeln!(out, "{}\n", crate::t!("risk.changes_title"));
        for c in &settings.changes {
            let levels = if c.levels.is_empty() {
                String::new()
            } else {
                format!(" ({})", inert(&c.levels))
            };
            let _ = writeln!(
                out,
                "- {}: {} → {}{levels}",
                crate::text::format_date(c.at.date()),
                inert(&c.before),
                inert(&c.after)
            );
        }
        let _ = writeln!(out);
    }
}
