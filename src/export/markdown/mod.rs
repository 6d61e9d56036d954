//! Markdown: one readable copy per finished session (next to its worksheet) and one for the
//! whole forløp (`stafett export`). Every text is made inert first.

use crate::script::{Activity, Script};
use crate::text::inert;
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use std::collections::BTreeMap;
use std::fmt::Write;

mod items;
mod plan;
mod risk_grid;
mod steps;

use crate::t;
use plan::write_plan;
use risk_grid::write_grid;
use steps::write_body;

/// The hand-off copy of one session's worksheet. `all` holds the forløp's other worksheets,
/// for the items a step went through that an earlier session handed on.
pub fn session(
    script: &Script,
    forlop: &Forlop,
    sheet: &Worksheet,
    all: &BTreeMap<SheetKey, Worksheet>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", super::title(forlop));
    let _ = writeln!(out);
    write_sheet(&mut out, script, sheet, all, 2, Audience::All);
    if session_has(script, &sheet.session, |a| matches!(a, Activity::Roles(_))) {
        write_roles(&mut out, script, forlop);
    }
    if session_has_plan(script, &sheet.session) {
        write_plan(&mut out, forlop, 2);
    }
    if let Some(at) = script.find_session(&sheet.session) {
        let mut grids: Vec<&str> = Vec::new();
        for step in &script.session(at).steps {
            if let Some(grid) = step.activity.spec().grid()
                && !grids.contains(&grid)
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
    let _ = writeln!(out, "# {} — {}", super::title(forlop), inert(&script.title));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        t!(
            "export.started",
            date = forlop.created.format("%d.%m.%Y"),
            round = forlop.round
        )
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
        let _ = writeln!(out, "## {}\n", t!("export.summary"));
        for s in summaries {
            let _ = writeln!(out, "{}\n", inert(s.summary.trim()));
        }
    }
    write_roles(&mut out, script, forlop);
    for sheet in in_order {
        write_sheet(&mut out, script, sheet, sheets, 2, Audience::All);
    }
    write_plan(&mut out, forlop, 2);
    for grid in forlop.grids.keys() {
        write_grid(&mut out, script, forlop, grid, 2);
    }
    out
}

fn session_has_plan(script: &Script, session: &str) -> bool {
    session_has(script, session, |a| matches!(a, Activity::Plan(_)))
}

fn session_has(script: &Script, session: &str, kind: impl Fn(&Activity) -> bool) -> bool {
    script
        .find_session(session)
        .is_some_and(|at| script.session(at).steps.iter().any(|s| kind(&s.activity)))
}

/// Who does what, as agreed in a `Roles` step, in the script's order of tasks.
fn write_roles(out: &mut String, script: &Script, forlop: &Forlop) {
    if forlop.roles.is_empty() {
        return;
    }
    let tasks = script
        .sessions()
        .flat_map(|(_, _, s)| &s.steps)
        .filter_map(|s| match &s.activity {
            Activity::Roles(r) => Some(&r.tasks),
            _ => None,
        });
    let _ = writeln!(out, "## {}\n", t!("export.roles"));
    for task in tasks.flatten() {
        let role = forlop.roles.get(task).map_or("—", String::as_str);
        let _ = writeln!(out, "- {}: {}", inert(task), inert(role));
    }
    let _ = writeln!(out);
}

/// Who a text is for: everything, or only what the room may see (no private step's work).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Audience {
    All,
    Room,
}

/// What a session handed on that the room may see: its steps' work in step order, without the
/// steps the script keeps for the group that prepares. The next stafettpinne shows it.
pub fn handed_on(
    script: &Script,
    sheet: &Worksheet,
    all: &BTreeMap<SheetKey, Worksheet>,
) -> String {
    let mut out = String::new();
    write_body(&mut out, script, sheet, all, 3, Audience::Room);
    out
}

fn write_sheet(
    out: &mut String,
    script: &Script,
    sheet: &Worksheet,
    all: &BTreeMap<SheetKey, Worksheet>,
    level: usize,
    audience: Audience,
) {
    let h = "#".repeat(level);
    let Some(at) = script.find_session(&sheet.session) else {
        let _ = writeln!(
            out,
            "{h} {}\n",
            t!("export.unknown_session", session = inert(&sheet.session))
        );
        return;
    };
    let def = script.session(at);
    write_heading(out, &h, &script.phases[at.phase], def, sheet);
    write_body(out, script, sheet, all, level + 1, audience);
}

/// A session's heading, and who took part, its status and its times.
fn write_heading(
    out: &mut String,
    h: &str,
    phase: &crate::script::Phase,
    def: &crate::script::SessionDef,
    sheet: &Worksheet,
) {
    let _ = writeln!(
        out,
        "{h} {}",
        t!(
            "export.session_heading",
            round = sheet.round,
            phase = inert(&phase.title),
            session = inert(&def.title)
        )
    );
    let _ = writeln!(out);
    let mut meta = vec![
        t!("export.who", who = def.kind.label()),
        t!("export.status", status = sheet.status.label()),
    ];
    if let Some(s) = sheet.started {
        meta.push(t!("export.started_at", at = s.format("%d.%m.%Y %H:%M")));
    }
    if let Some(f) = sheet.finished {
        meta.push(t!("export.finished_at", at = f.format("%d.%m.%Y %H:%M")));
    }
    if let Some(r) = sheet.reopened {
        meta.push(t!("export.reopened_at", at = r.format("%d.%m.%Y %H:%M")));
    }
    let _ = writeln!(out, "{}\n", meta.join(" · "));
}

pub(super) fn cell(s: &str) -> String {
    inert(s).replace('|', "\\|").replace('\n', "<br>")
}

/// A text's own line breaks kept in Markdown (two spaces end a line), its following lines
/// indented under the item or field they belong to.
pub(super) fn indent(s: &str) -> String {
    s.replace('\n', "  \n  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_newlines_and_escapes() {
        assert_eq!(cell("a|b\nc\u{1b}[31m"), "a\\|b<br>c\u{241b}[31m");
    }
}
