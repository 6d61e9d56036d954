//! The risk grid and the handlingsplan as CSV for a spreadsheet in a Norwegian locale:
//! semicolon-separated, UTF-8 with a byte-order mark, CRLF line ends, one row per risk or
//! measure, levels and risk values as numbers with their labels in columns of their own.
//! Example rows the group did not keep are not the group's: they are left out.

use crate::script::Script;
use crate::t;
use crate::text::inert;
use crate::worksheet::Forlop;
use crate::worksheet::risk::RiskSettings;

/// The column headings.
fn header() -> [&'static str; 19] {
    [
        t!("export.csv.id"),
        t!("export.csv.tema"),
        t!("export.csv.hva_kan_skje"),
        t!("export.csv.sarbarhet"),
        t!("export.csv.sannsynlighet"),
        t!("export.csv.sannsynlighet_niva"),
        t!("export.csv.begrunnelse_for_sannsynlighet"),
        t!("export.csv.konsekvens"),
        t!("export.csv.konsekvens_niva"),
        t!("export.csv.beskrivelse_av_konsekvens"),
        t!("export.csv.risikoverdi"),
        t!("export.csv.risikoniva"),
        t!("export.csv.usikkerhet"),
        t!("export.csv.usikkerhet_hvorfor"),
        t!("export.csv.foreslatte_tiltak"),
        t!("export.csv.restrisiko_sannsynlighet"),
        t!("export.csv.restrisiko_konsekvens"),
        t!("export.csv.restrisiko"),
        t!("export.csv.restrisiko_niva"),
    ]
}

/// One field, quoted when needed. A leading `=`, `+`, `-` or `@` is escaped with `'` so a
/// spreadsheet never runs a cell as a formula.
fn field(s: &str) -> String {
    let s = inert(s).replace('\n', " ");
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([';', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub fn grid(script: &Script, forlop: &Forlop, grid: &str) -> String {
    let settings = forlop
        .risk
        .get(grid)
        .cloned()
        .or_else(|| script.scales.first().map(RiskSettings::from_scale));
    let scale = script.scale(settings.as_ref().map_or("", |s| s.scale.as_str()));
    let label = |labels: Option<&Vec<String>>, l: Option<u8>| -> (String, String) {
        match l {
            Some(l) => (
                l.to_string(),
                labels.map_or_else(String::new, |v| crate::worksheet::risk::level_name(v, l)),
            ),
            None => (String::new(), String::new()),
        }
    };
    let band = |v: Option<u32>| -> (String, String) {
        match (v, &settings) {
            (Some(v), Some(s)) => (v.to_string(), s.band(v).label().to_string()),
            (Some(v), None) => (v.to_string(), String::new()),
            _ => (String::new(), String::new()),
        }
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&header().join(";"));
    out.push_str("\r\n");
    let rows = forlop.grids.get(grid).map(Vec::as_slice).unwrap_or(&[]);
    for row in rows.iter().filter(|r| !r.example) {
        let (s, s_label) = label(scale.map(|s| &s.sannsynlighet), row.sannsynlighet);
        let (k, k_label) = label(scale.map(|s| &s.konsekvens), row.konsekvens);
        let (value, value_band) = band(row.value());
        let (rest, rest_band) = band(row.rest_value());
        let cells = [
            row.id.to_string(),
            row.tema.clone(),
            row.hendelse.clone(),
            row.sarbarhet.clone(),
            s,
            s_label,
            row.sannsynlighet_tekst.clone(),
            k,
            k_label,
            row.konsekvens_tekst.clone(),
            value,
            value_band,
            row.usikkerhet
                .map_or(String::new(), |u| u.label().to_string()),
            row.usikkerhet_tekst.clone(),
            row.tiltak.clone(),
            row.rest_sannsynlighet
                .map_or(String::new(), |l| l.to_string()),
            row.rest_konsekvens.map_or(String::new(), |l| l.to_string()),
            rest,
            rest_band,
        ];
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The handlingsplan's column headings, in the CSV and the workbook alike.
pub fn plan_header() -> [&'static str; 7] {
    [
        t!("export.csv.plan_nr"),
        t!("export.csv.plan_tiltak"),
        t!("export.csv.plan_ansvarlig"),
        t!("export.csv.plan_frist"),
        t!("export.csv.plan_status"),
        t!("export.csv.plan_risiko"),
        t!("export.csv.plan_fra"),
    ]
}

/// The handlingsplan: number, tiltak, ansvarlig, frist (dd.mm.åååå), status, the risk it
/// answers and where it was made.
pub fn plan(forlop: &Forlop) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&plan_header().join(";"));
    out.push_str("\r\n");
    for (i, m) in forlop.plan.iter().enumerate() {
        let cells = [
            (i + 1).to_string(),
            m.tiltak.clone(),
            m.ansvarlig.clone(),
            m.frist.map_or(String::new(), crate::text::format_date),
            m.status.label().to_string(),
            m.risk.map_or(String::new(), |r| format!("R{r}")),
            m.origin.clone(),
        ];
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("enkel"), "enkel");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("si \"hei\""), "\"si \"\"hei\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("to\nlinjer"), "to linjer");
        assert_eq!(field("\u{1b}[31m"), "\u{241b}[31m");
    }
}
