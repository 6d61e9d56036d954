//! The checks that make `stafett check` useful: every problem in a script that parses, placed
//! at its file:line:column with a hint, in the interface's language.

mod tables;

use super::activity::StepCheck;
use super::load::{Locator, Problem};
use super::{Activity, SCRIPT_FORMAT, Script};
use crate::t;
use std::collections::{HashMap, HashSet};
use tables::check_scales;

pub fn check_source(src: &str, script: &Script) -> Vec<Problem> {
    let mut loc = Locator { src, cursor: 0 };
    let mut problems = Vec::new();

    check_head(&loc, script, &mut problems);

    // Scales may stand before or after the phases: they get their own locator.
    check_scales(&mut Locator { src, cursor: 0 }, script, &mut problems);

    let mut phase_ids = HashSet::new();
    let mut session_ids = HashSet::new();
    // Lists produced by any earlier session, and by earlier steps of the current one.
    let mut produced_before: HashSet<String> = HashSet::new();

    for phase in &script.phases {
        let at = loc.seek("id", &phase.id);
        if !phase_ids.insert(phase.id.as_str()) {
            problems.push(loc.problem(
                at,
                t!("script.check.fase_id_id_er_brukt", id = phase.id),
                t!("script.check.unique_phase"),
            ));
        }
        if phase.sessions.is_empty() {
            problems.push(loc.problem(
                at,
                t!("script.check.fasen_id_har_ingen_okter", id = phase.id),
                t!("script.check.legg_til_minst_n_okt"),
            ));
        }
        for session in &phase.sessions {
            let ids = (&mut session_ids, &mut produced_before);
            check_session(&mut loc, session, script, ids, &mut problems);
        }
    }

    check_baton_sources(&mut Locator { src, cursor: 0 }, script, &mut problems);

    if let Some(cycle) = &script.cycle
        && !phase_ids.contains(cycle.restart_at.as_str())
    {
        problems.push(loc.problem(
            loc.peek(0, "restart_at", &cycle.restart_at),
            t!(
                "script.check.restart_at_viser_til_fasen",
                restart_at = cycle.restart_at
            ),
            t!(
                    "script.check.use_a_phase_id",
                    phases = script
                        .phases
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
        ));
    }
    problems.sort_by_key(|p| (p.line, p.col));
    problems
}

/// The script as a whole: its format, its language, whether it has phases.
fn check_head(loc: &Locator, script: &Script, problems: &mut Vec<Problem>) {
    if script.format > SCRIPT_FORMAT {
        problems.push(loc.problem(
            loc.key(0, "format"),
            t!(
                "script.check.skriptet_har_format_format_men",
                format = script.format,
                script_format = SCRIPT_FORMAT
            ),
            t!("script.check.oppdater_stafett_eller_bruk_en"),
        ));
    }
    if crate::strings::Lang::from_code(&script.language).is_none() {
        problems.push(loc.problem(
            loc.peek(0, "language", &script.language),
            t!("script.check.unknown_language", language = script.language),
            t!(
                "script.check.use_a_language",
                languages = crate::strings::Lang::codes()
            ),
        ));
    }
    if script.phases.is_empty() {
        problems.push(loc.problem(
            0,
            t!("script.check.no_phases").into(),
            t!("script.check.legg_til_minst_n_fase"),
        ));
    }
}

/// For-each, rating, lead and item sets.
fn check_step_extras(
    loc: &Locator,
    step_at: usize,
    step: &super::Step,
    script: &Script,
    produced_before: &HashSet<String>,
    produced_here: &HashSet<String>,
    problems: &mut Vec<Problem>,
) {
    let step_id = &step.id;
    if let Some(fe) = &step.for_each {
        let here = produced_here.contains(&fe.list);
        if !here && !produced_before.contains(&fe.list) {
            problems.push(loc.problem(
                loc.peek(step_at, "list", &fe.list),
                t!(
                    "script.check.steget_step_id_gjentas_for",
                    step_id = step_id,
                    list = fe.list
                ),
                t!("script.check.lag_listen_forst_med_collect"),
            ));
        }
        if !fe.rate.is_empty() {
            if !(2..=9).contains(&fe.rate.len()) {
                problems.push(loc.problem(
                    loc.key(step_at, "rate"),
                    t!(
                        "script.check.rating_levels",
                        step_id = step_id,
                        levels = if fe.rate.len() == 1 {
                            t!("script.check.one_level").to_string()
                        } else {
                            t!("script.check.n_levels", n = fe.rate.len())
                        }
                    ),
                    t!("script.check.gi_2_til_9_nivaer"),
                ));
            }
            if !here {
                problems.push(loc.problem(
                    loc.key(step_at, "rate"),
                    t!(
                        "script.check.steget_step_id_vurderer_punktene",
                        step_id = step_id,
                        list = fe.list
                    ),
                    t!("script.check.rate_pull_in_first", list = fe.list),
                ));
            }
        }
    }
    if let Some(lead) = &step.lead {
        let known = script.sessions().any(|(_, _, s)| {
            s.steps
                .iter()
                .any(|st| matches!(&st.activity, Activity::Roles(r) if r.tasks.contains(lead)))
        });
        if !known {
            problems.push(loc.problem(
                loc.peek(step_at, "lead", lead),
                t!(
                    "script.check.steget_step_id_sier_at",
                    step_id = step_id,
                    lead = lead
                ),
                t!("script.check.bruk_navnet_pa_en_oppgave"),
            ));
        }
    }
}

/// Whether an id can be part of a file name as it is: a session id names its worksheet,
/// `r<round>-<id>.ron`. Letters (æøå too), digits, `-` and `_`, at most 40 characters.
pub fn is_file_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= 40
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// One session: its id, its steps and what each step's activity needs.
fn check_session<'s>(
    loc: &mut Locator,
    session: &'s crate::script::SessionDef,
    script: &Script,
    (session_ids, produced_before): (&mut HashSet<&'s str>, &mut HashSet<String>),
    problems: &mut Vec<Problem>,
) {
    let at = loc.seek("id", &session.id);
    check_session_head(loc, at, session, session_ids, problems);
    let mut step_ids = HashMap::new();
    let mut produced_here: HashSet<String> = HashSet::new();
    for step in &session.steps {
        let step_at = loc.seek("id", &step.id);
        if step_ids.insert(step.id.as_str(), step_at).is_some() {
            problems.push(loc.problem(
                step_at,
                t!(
                    "script.check.steg_id_id_er_brukt",
                    id = step.id,
                    id2 = session.id
                ),
                t!("script.check.gi_hvert_steg_i_okta"),
            ));
        }
        if step.minutes == 0 {
            problems.push(loc.problem(
                loc.key(step_at, "minutes"),
                t!("script.check.steget_id_har_0_minutter", id = step.id),
                t!("script.check.sett_planlagt_tid_i_hele"),
            ));
        }
        if step.room.trim().is_empty() {
            problems.push(loc.problem(
                step_at,
                t!("script.check.steget_id_har_ingen_tekst", id = step.id),
                t!("script.check.skriv_en_kort_tekst_i"),
            ));
        }
        let check = StepCheck {
            loc,
            step_at,
            step_id: &step.id,
            produced_before,
            script,
        };
        step.activity
            .spec()
            .check(&check, &mut produced_here, problems);
        check_step_extras(
            loc,
            step_at,
            step,
            script,
            produced_before,
            &produced_here,
            problems,
        );
    }
    produced_before.extend(produced_here);
}

/// A session's id (usable as a file name, unique) and that it has steps.
fn check_session_head<'s>(
    loc: &Locator,
    at: usize,
    session: &'s crate::script::SessionDef,
    session_ids: &mut HashSet<&'s str>,
    problems: &mut Vec<Problem>,
) {
    if !is_file_safe_id(&session.id) {
        problems.push(loc.problem(
            at,
            crate::t!(
                "script.bad_session_id",
                id = crate::text::inert_line(&session.id)
            ),
            crate::t!("script.bad_session_id_help"),
        ));
    }
    if !session_ids.insert(session.id.as_str()) {
        problems.push(loc.problem(
            at,
            t!("script.check.okt_id_id_er_brukt", id = session.id),
            t!("script.check.gi_hver_okt_i_skriptet"),
        ));
    }
    if session.steps.is_empty() {
        problems.push(loc.problem(
            at,
            t!("script.check.okta_id_har_ingen_steg", id = session.id),
            t!("script.check.legg_til_minst_ett_steg"),
        ));
    }
}

/// Every session a stafettpinne is taken from exists, and is not the session itself.
fn check_baton_sources(loc: &mut Locator, script: &Script, problems: &mut Vec<Problem>) {
    let ids: Vec<&str> = script.sessions().map(|(_, _, s)| s.id.as_str()).collect();
    for (_, _, session) in script.sessions() {
        let at = loc.seek("id", &session.id);
        for from in &session.baton_from {
            if from == &session.id || !ids.contains(&from.as_str()) {
                // At the id itself, inside the list.
                let key = loc.key(at, "baton_from");
                let quoted = format!("\"{from}\"");
                let place = loc.src[key..].find(&quoted).map_or(key, |i| key + i);
                problems.push(loc.problem(
                    place,
                    t!(
                        "script.check.baton_from_unknown",
                        from = from,
                        id = session.id
                    ),
                    t!("script.check.baton_from_help", sessions = ids.join(", ")),
                ));
            }
        }
    }
}
