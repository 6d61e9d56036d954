//! The handlingsplan in Markdown: one row per measure.

use super::cell;
use crate::t;
use crate::text::format_date;
use crate::worksheet::Forlop;
use std::fmt::Write;

pub(super) fn write_plan(out: &mut String, forlop: &Forlop, level: usize) {
    let _ = writeln!(out, "{} {}\n", "#".repeat(level), t!("export.plan"));
    if forlop.plan.is_empty() {
        let _ = writeln!(out, "{}\n", t!("export.markdown.plan.ingen_tiltak_enna"));
        return;
    }
    let _ = writeln!(out, "{}", t!("export.plan_header"));
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for (i, m) in forlop.plan.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            cell(&m.tiltak),
            cell(&m.ansvarlig),
            m.frist.map(format_date).unwrap_or_default(),
            m.status.label(),
            m.risk.map(|r| format!("R{r}")).unwrap_or_default(),
            cell(&m.origin)
        );
    }
    let _ = writeln!(out);
}
