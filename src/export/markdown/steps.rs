//! A session's work in step order: each step's lists, fields, checks and picked set, the
//! items a for-each step went through with their notes, and what no step names any more.

use super::items::{write_fields, write_list};
use super::{Audience, indent};
use crate::script::{Activity, Script};
use crate::t;
use crate::text::inert;
use crate::worksheet::{Item, SheetKey, Worksheet};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

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

/// A session's work under its heading: the agreed summary, each step's work in step order,
/// and lists no step names any more (still the group's work: kept).
pub(super) fn write_body(
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
    write_record(out, &sub, sheet);
    let written = write_steps(out, &sub, script, (def, sheet), all, audience);
    // What no step names cannot be known to be the room's: only the group's own copy has it.
    if audience == Audience::Room {
        return;
    }
    for (name, items) in &sheet.lists {
        if !written.contains(name) && !items.is_empty() {
            write_list(out, &sub, &script.list_title(name), items, None);
        }
    }
    // So are forms: fields a changed script no longer names are written as they were.
    for (name, values) in &sheet.forms {
        let filled = values.values().any(|v| !v.trim().is_empty());
        if filled && !written.contains(&format!("form:{name}")) {
            let _ = writeln!(out, "{sub} {}\n", inert(&script.list_title(name)));
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
            .map_or(script.list_title(list), |s| s.title.clone())
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
            skip_private(step, &mut written);
            continue;
        }
        if let Some(fe) = &step.for_each {
            let mut items = for_each_items(script, sheet, all, &fe.list);
            if audience == Audience::Room {
                keep_chosen(def, sheet, &fe.list, &mut items);
            }
            write_for_each(out, sub, step, fe, &items, sheet, &mut written);
            continue;
        }
        let spec = step.activity.spec();
        write_picked_set(out, sub, script, step, sheet);
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
            write_list(out, sub, &script.list_title(into), sheet.list(into), None);
        }
    }
    written
}

/// A step that went through items: per item its title, rating, and notes or fields.
/// The session record (referat), its filled fields in order.
fn write_record(out: &mut String, sub: &str, sheet: &Worksheet) {
    if sheet.record.values().all(|v| v.trim().is_empty()) {
        return;
    }
    let _ = writeln!(out, "{sub} {}\n", t!("record.heading"));
    let mut labels = Vec::new();
    let mut values = BTreeMap::new();
    for (id, label) in crate::worksheet::record::record_fields() {
        if let Some(value) = sheet.record.get(id) {
            labels.push(label.to_string());
            values.insert(label.to_string(), value.clone());
        }
    }
    write_fields(out, &labels, &values);
}

/// When the session later chose among the items a for-each step went through, the room is
/// handed on the chosen ones (the group's own copy keeps them all).
fn keep_chosen(
    def: &crate::script::SessionDef,
    sheet: &Worksheet,
    list: &str,
    items: &mut Vec<Item>,
) {
    let chosen_into = def.steps.iter().find_map(|s| match &s.activity {
        Activity::Choose(c) if c.list == list => Some(c.into.as_str()),
        _ => None,
    });
    if let Some(into) = chosen_into {
        let chosen = sheet.list(into);
        items.retain(|i| chosen.iter().any(|c| c.source == Some(i.id)));
    }
}

/// A private step's lists and form count as written, so they are not shown further down as
/// lists no step names.
fn skip_private(step: &crate::script::Step, written: &mut HashSet<String>) {
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
}

/// The item set a `PickSet` step chose (an industry), with its warning if it has one.
fn write_picked_set(
    out: &mut String,
    sub: &str,
    script: &Script,
    step: &crate::script::Step,
    sheet: &Worksheet,
) {
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
}

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
