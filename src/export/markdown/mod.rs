//! Markdown: one readable copy per finished session (next to its worksheet) and one for the
//! whole forløp (`stafett export`). Every text is made inert first.

use crate::script::{Activity, Script};
use crate::text::inert;
use crate::text::list_title;
use crate::worksheet::{Forlop, Item, SheetKey, Worksheet};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

mod items;
mod plan;
mod risk_grid;

use crate::t;
use items::{write_fields, write_list};
use plan::write_plan;
use risk_grid::write_grid;

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
    let _ = writeln!(out, "# {} — {}", inert(&forlop.name), inert(&script.title));
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

/// A session's work under its heading: the agreed summary, each step's work in step order,
/// and lists no step names any more (still the group's work: kept).
fn write_body(
    out: &mut String,
    script: &Script,
    sheet: &Worksheet,
    all: &BTreeMap<SheetKey, Worksheet>,
    level: usize,
    audience: Audience,
) {
    let Some(at) = script.find_session(&sheet.session) else {
        return;
    };
    let def = script.session(at);
    let sub = "#".repeat(level);
    if !sheet.summary.trim().is_empty() {
        let _ = writeln!(
            out,
            "{sub} {}\n\n{}\n",
            t!("export.summary"),
            inert(sheet.summary.trim())
        );
    }
    let written = write_steps(out, &sub, script, (def, sheet), all, audience);
    // What no step names cannot be known to be the room's: only the group's own copy has it.
    if audience == Audience::Room {
        return;
    }
    for (name, items) in &sheet.lists {
        if !written.contains(name) && !items.is_empty() {
            write_list(out, &sub, &list_title(name), items, None);
        }
    }
    // So are forms: fields a changed script no longer names are written as they were.
    for (name, values) in &sheet.forms {
        let filled = values.values().any(|v| !v.trim().is_empty());
        if filled && !written.contains(&format!("form:{name}")) {
            let _ = writeln!(out, "{sub} {}\n", inert(&list_title(name)));
            let labels: Vec<String> = values.keys().cloned().collect();
            write_fields(out, &labels, values);
        }
    }
}

/// What each step of the session made, in step order; returns what was written, so lists no
/// step names any more can follow.
fn write_steps(
    out: &mut String,
    sub: &str,
    script: &Script,
    (def, sheet): (&crate::script::SessionDef, &Worksheet),
    all: &BTreeMap<SheetKey, Worksheet>,
    audience: Audience,
) -> HashSet<String> {
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
    // Ratings are labelled by the step that rated the list.
    let labels = |list: &str| -> Option<&[String]> {
        def.steps
            .iter()
            .filter_map(|s| s.for_each.as_ref())
            .find(|fe| fe.list == list && !fe.rate.is_empty())
            .map(|fe| fe.rate.as_slice())
    };
    for (i, step) in def.steps.iter().enumerate() {
        if audience == Audience::Room && step.private {
            // Counted as written, so the lists it made are not shown further down either.
            let spec = step.activity.spec();
            written.extend(
                spec.list()
                    .into_iter()
                    .chain(spec.makes())
                    .map(String::from),
            );
            if let Some((form, _)) = spec.form() {
                written.insert(format!("form:{form}"));
            }
            continue;
        }
        if let Some(fe) = &step.for_each {
            let items = for_each_items(script, sheet, all, &fe.list);
            write_for_each(out, sub, step, fe, &items, sheet, &mut written);
            continue;
        }
        let spec = step.activity.spec();
        if let Activity::PickSet(pick) = &step.activity
            && let Some(set) = sheet
                .sets
                .get(&pick.list)
                .and_then(|id| script.sets.iter().find(|s| s.id == *id))
        {
            let _ = writeln!(
                out,
                "{sub} {}\n\n{}\n",
                inert(&step.title),
                inert(&set.title)
            );
            if !set.note.is_empty() {
                let _ = writeln!(out, "> ⚠ {}\n", inert(&set.note));
            }
        }
        if let Some(items) = spec.checks() {
            write_checks(out, sub, step, items, sheet);
        }
        if let Some((form, fields)) = spec.form()
            && let Some(values) = sheet.forms.get(form)
            && written.insert(format!("form:{form}"))
        {
            let _ = writeln!(out, "{sub} {}\n", inert(&step.title));
            write_fields(out, fields, values);
        }
        // The room is not shown what is empty.
        let shown = |list: &str| audience == Audience::All || !sheet.list(list).is_empty();
        if let Some(list) = spec.list()
            && last_use.get(list) == Some(&i)
            && written.insert(list.to_string())
            && shown(list)
        {
            write_list(out, sub, &first_title(list), sheet.list(list), labels(list));
        }
        if let Some(into) = spec.makes()
            && written.insert(into.to_string())
            && shown(into)
        {
            write_list(out, sub, &list_title(into), sheet.list(into), None);
        }
    }
    written
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

/// A step that went through items: per item its title, rating, and notes or fields.
fn write_for_each(
    out: &mut String,
    sub: &str,
    step: &crate::script::Step,
    fe: &crate::script::ForEach,
    items: &[Item],
    sheet: &Worksheet,
    written: &mut HashSet<String>,
) {
    for item in items {
        let _ = writeln!(out, "{sub} {}: {}\n", inert(&step.title), inert(&item.text));
        if let Some(r) = crate::text::rating_label(&fe.rate, item.rating) {
            let _ = writeln!(out, "{}\n", t!("export.rating", rating = inert(&r)));
        }
        let scoped = |name: &str| crate::worksheet::scoped(name, item.id);
        let spec = step.activity.spec();
        if let Some((form, fields)) = spec.form()
            && let Some(values) = sheet.forms.get(&scoped(form))
        {
            write_fields(out, fields, values);
            written.insert(format!("form:{}", scoped(form)));
        }
        if let Some(list) = spec.list() {
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

/// A checklist step: ticks and counts.
fn write_checks(
    out: &mut String,
    sub: &str,
    step: &crate::script::Step,
    items: &[crate::script::CheckDef],
    sheet: &Worksheet,
) {
    let Some(checks) = sheet.checks.get(&step.id) else {
        return;
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
