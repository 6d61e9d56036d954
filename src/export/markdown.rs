//! Markdown: one readable copy per finished session (next to its worksheet) and one for the
//! whole forløp (`stafett export`). Every text is made inert first.

use crate::script::{Activity, Script};
use crate::text::{format_date, inert};
use crate::worksheet::{Forlop, Item, SheetKey, Worksheet};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

/// A list name as a heading: `valgte-utfordringer` → `Valgte utfordringer`.
pub fn list_title(name: &str) -> String {
    let spaced = name.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The hand-off copy of one session's worksheet. `all` holds the forløp's other worksheets,
/// for the items a step went through that an earlier session handed on.
pub fn session(
    script: &Script,
    forlop: &Forlop,
    sheet: &Worksheet,
    all: &BTreeMap<SheetKey, Worksheet>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", inert(&forlop.name));
    let _ = writeln!(out);
    write_sheet(&mut out, script, sheet, all, 2);
    if session_has_plan(script, &sheet.session) {
        write_plan(&mut out, forlop, 2);
    }
    if let Some(at) = script.find_session(&sheet.session) {
        let mut grids: Vec<&str> = Vec::new();
        for step in &script.session(at).steps {
            if let Activity::RiskGrid { grid, .. } | Activity::RiskSetup { grid } = &step.activity
                && !grids.contains(&grid.as_str())
            {
                grids.push(grid);
            }
        }
        for grid in grids {
            write_grid(&mut out, script, forlop, grid, 2);
        }
    }
    out
}

/// The whole forløp: every session with content, then the handlingsplan.
pub fn forlop(script: &Script, forlop: &Forlop, sheets: &BTreeMap<SheetKey, Worksheet>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}", inert(&forlop.name), inert(&script.title));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Startet {} · runde {} · eksportert fra Stafett",
        forlop.created.format("%d.%m.%Y"),
        forlop.round
    );
    let _ = writeln!(out);
    let in_order: Vec<&Worksheet> = (1..=forlop.round.max(1))
        .flat_map(|round| {
            script
                .round_sessions(round)
                .into_iter()
                .filter_map(move |at| sheets.get(&SheetKey::new(round, &script.session(at).id)))
        })
        .collect();
    // The agreed summary comes first.
    let summaries: Vec<&Worksheet> = in_order
        .iter()
        .copied()
        .filter(|s| !s.summary.trim().is_empty())
        .collect();
    if !summaries.is_empty() {
        let _ = writeln!(out, "## Oppsummering\n");
        for s in summaries {
            let _ = writeln!(out, "{}\n", inert(s.summary.trim()));
        }
    }
    for sheet in in_order {
        write_sheet(&mut out, script, sheet, sheets, 2);
    }
    write_plan(&mut out, forlop, 2);
    for grid in forlop.grids.keys() {
        write_grid(&mut out, script, forlop, grid, 2);
    }
    out
}

/// The items a for-each step went through: this worksheet's list, or else the latest one an
/// earlier session of the forløp handed on.
fn for_each_items(
    script: &Script,
    sheet: &Worksheet,
    all: &BTreeMap<SheetKey, Worksheet>,
    list: &str,
) -> Vec<Item> {
    if !sheet.list(list).is_empty() {
        return sheet.list(list).to_vec();
    }
    let mut found = Vec::new();
    for round in 1..=sheet.round {
        for at in script.round_sessions(round) {
            let id = &script.session(at).id;
            if round == sheet.round && *id == sheet.session {
                return found;
            }
            if let Some(s) = all.get(&SheetKey::new(round, id))
                && !s.list(list).is_empty()
            {
                found = s.list(list).to_vec();
            }
        }
    }
    found
}

fn session_has_plan(script: &Script, session: &str) -> bool {
    script.find_session(session).is_some_and(|at| {
        script
            .session(at)
            .steps
            .iter()
            .any(|s| matches!(s.activity, Activity::Plan { .. }))
    })
}

fn write_sheet(
    out: &mut String,
    script: &Script,
    sheet: &Worksheet,
    all: &BTreeMap<SheetKey, Worksheet>,
    level: usize,
) {
    let h = "#".repeat(level);
    let Some(at) = script.find_session(&sheet.session) else {
        let _ = writeln!(out, "{h} {} (ukjent økt)\n", inert(&sheet.session));
        return;
    };
    let def = script.session(at);
    let phase = &script.phases[at.phase];
    let _ = writeln!(
        out,
        "{h} Runde {} · {} · {}",
        sheet.round,
        inert(&phase.title),
        inert(&def.title)
    );
    let _ = writeln!(out);
    let mut meta = vec![
        format!("Hvem: {}", def.kind.label()),
        format!("Status: {}", sheet.status.label()),
    ];
    if let Some(s) = sheet.started {
        meta.push(format!("startet {}", s.format("%d.%m.%Y %H:%M")));
    }
    if let Some(f) = sheet.finished {
        meta.push(format!("ferdig {}", f.format("%d.%m.%Y %H:%M")));
    }
    let _ = writeln!(out, "{}\n", meta.join(" · "));

    // Each list is written once, at the last step that works on it, so themes and votes show.
    let last_use: BTreeMap<&str, usize> = def
        .steps
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.activity.list().map(|l| (l, i)))
        .collect();
    let first_title = |list: &str| {
        def.steps
            .iter()
            .find(|s| s.activity.list() == Some(list))
            .map_or(list_title(list), |s| s.title.clone())
    };
    let mut written: HashSet<String> = HashSet::new();
    let sub = "#".repeat(level + 1);
    if !sheet.summary.trim().is_empty() {
        let _ = writeln!(
            out,
            "{sub} Oppsummering\n\n{}\n",
            inert(sheet.summary.trim())
        );
    }
    // Ratings are labelled by the step that rated the list.
    let labels = |list: &str| -> Option<&[String]> {
        def.steps
            .iter()
            .filter_map(|s| s.for_each.as_ref())
            .find(|fe| fe.list == list && !fe.rate.is_empty())
            .map(|fe| fe.rate.as_slice())
    };
    for (i, step) in def.steps.iter().enumerate() {
        if let Some(fe) = &step.for_each {
            for item in for_each_items(script, sheet, all, &fe.list) {
                let _ = writeln!(out, "{sub} {}: {}\n", inert(&step.title), inert(&item.text));
                if let Some(r) = crate::runner::rating_label(&fe.rate, item.rating) {
                    let _ = writeln!(out, "Vurdering: {}\n", inert(&r));
                }
                let scoped = |name: &str| format!("{name}@{}", item.id);
                match &step.activity {
                    Activity::Fields { form, fields } => {
                        let Some(values) = sheet.forms.get(&scoped(form)) else {
                            continue;
                        };
                        write_fields(out, fields, values);
                        written.insert(format!("form:{}", scoped(form)));
                    }
                    a => {
                        if let Some(list) = a.list() {
                            let name = scoped(list);
                            for note in sheet.list(&name) {
                                let _ = writeln!(out, "- {}", indent(&inert(&note.text)));
                            }
                            if !sheet.list(&name).is_empty() {
                                let _ = writeln!(out);
                            }
                            written.insert(name);
                        }
                    }
                }
            }
            continue;
        }
        match &step.activity {
            Activity::Checklist { items } => {
                let Some(checks) = sheet.checks.get(&step.id) else {
                    continue;
                };
                let _ = writeln!(out, "{sub} {}\n", inert(&step.title));
                for def in items {
                    let Some(c) = checks.iter().find(|c| c.label == def.label) else {
                        continue;
                    };
                    if def.count {
                        let _ = writeln!(out, "- {}: {}", inert(&c.label), c.count);
                    } else {
                        let _ = writeln!(
                            out,
                            "- [{}] {}",
                            if c.checked { "x" } else { " " },
                            inert(&c.label)
                        );
                    }
                }
                let _ = writeln!(out);
            }
            Activity::Fields { form, fields } => {
                let Some(values) = sheet.forms.get(form) else {
                    continue;
                };
                if !written.insert(format!("form:{form}")) {
                    continue;
                }
                let _ = writeln!(out, "{sub} {}\n", inert(&step.title));
                write_fields(out, fields, values);
            }
            a => {
                if let Some(list) = a.list()
                    && last_use.get(list) == Some(&i)
                    && written.insert(list.to_string())
                {
                    write_list(
                        out,
                        &sub,
                        &first_title(list),
                        sheet.list(list),
                        labels(list),
                    );
                }
                if let Activity::Choose { into, .. } = a
                    && written.insert(into.clone())
                {
                    write_list(out, &sub, &list_title(into), sheet.list(into), None);
                }
            }
        }
    }
    // Lists the script does not name any more are still the group's work: keep them.
    for (name, items) in &sheet.lists {
        if !written.contains(name) && !items.is_empty() {
            write_list(out, &sub, &list_title(name), items, None);
        }
    }
}

/// A form's fields in the script's order, `—` for an empty one.
fn write_fields(out: &mut String, fields: &[String], values: &BTreeMap<String, String>) {
    for label in fields {
        let value = values.get(label).map(|v| v.trim()).unwrap_or("");
        let shown = if value.is_empty() {
            "—".to_string()
        } else {
            indent(&inert(value))
        };
        let _ = writeln!(out, "**{}:** {shown}\n", inert(label));
    }
}

fn write_list(out: &mut String, sub: &str, title: &str, items: &[Item], labels: Option<&[String]>) {
    let _ = writeln!(out, "{sub} {}\n", inert(title));
    if items.is_empty() {
        let _ = writeln!(out, "(tom)\n");
        return;
    }
    for item in items {
        let mut line = format!("- {}", indent(&inert(&item.text)));
        if let Some(theme) = &item.theme {
            let _ = write!(line, " _(tema: {})_", inert(theme));
        }
        if let Some(r) = labels.and_then(|l| crate::runner::rating_label(l, item.rating)) {
            let _ = write!(line, " — vurdering: {}", inert(&r));
        }
        if item.votes > 0 {
            let _ = write!(
                line,
                " — {} {}",
                item.votes,
                if item.votes == 1 { "prikk" } else { "prikker" }
            );
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
}

fn write_plan(out: &mut String, forlop: &Forlop, level: usize) {
    let _ = writeln!(out, "{} Handlingsplan\n", "#".repeat(level));
    if forlop.plan.is_empty() {
        let _ = writeln!(out, "Ingen tiltak ennå.\n");
        return;
    }
    let _ = writeln!(
        out,
        "| # | Tiltak | Ansvarlig | Frist | Status | Risiko | Fra |"
    );
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

/// A risk grid: the agreed scale and bands, every row, and the matrix with the row IDs.
fn write_grid(out: &mut String, script: &Script, forlop: &Forlop, grid: &str, level: usize) {
    use crate::worksheet::risk::RiskSettings;
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
    let _ = writeln!(out, "{h} Risikovurdering ({})\n", inert(grid));
    let max = (scale.sannsynlighet.len() * scale.konsekvens.len()) as u32;
    let _ = writeln!(
        out,
        "Skala: {}. Akseptabel: 1–{}, høy: {}–{}, uakseptabel: {}–{max}.\n",
        inert(&scale.title),
        settings.high_from.saturating_sub(1),
        settings.high_from,
        settings.unacceptable_from.saturating_sub(1),
        settings.unacceptable_from
    );
    if rows.is_empty() {
        let _ = writeln!(out, "Ingen risikoer ennå.\n");
        return;
    }
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
        "| ID | Tema | Hva kan skje? | Sårbarhet | Sannsynlighet | Konsekvens | Risikoverdi | Usikkerhet | Foreslåtte tiltak | Restrisiko |"
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
        let example = if r.example { " _(eksempel)_" } else { "" };
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
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Risikomatrise (sannsynlighet nedover fra høyest, konsekvens bortover; ID-ene står i rutene):\n"
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
        "\n{} akseptabel · {} høy · {} uakseptabel\n",
        crate::worksheet::risk::Band::Acceptable.symbol(),
        crate::worksheet::risk::Band::High.symbol(),
        crate::worksheet::risk::Band::Unacceptable.symbol()
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

fn cell(s: &str) -> String {
    inert(s).replace('|', "\\|").replace('\n', "<br>")
}

fn indent(s: &str) -> String {
    s.replace('\n', "\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_titles_read_as_headings() {
        assert_eq!(list_title("valgte-utfordringer"), "Valgte utfordringer");
        assert_eq!(list_title("ærlig_tale"), "Ærlig tale");
    }

    #[test]
    fn cells_escape_pipes_newlines_and_escapes() {
        assert_eq!(cell("a|b\nc\u{1b}[31m"), "a\\|b<br>c\u{241b}[31m");
    }
}
