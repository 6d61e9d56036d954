//! The checks that make `stafett check` useful: every problem in a script that parses, placed
//! at its file:line:column with a hint, in bokmål.

use super::load::{Locator, Problem, find_field};
use super::{Activity, SCRIPT_FORMAT, Script};
use std::collections::{HashMap, HashSet};

pub fn check_source(src: &str, script: &Script) -> Vec<Problem> {
    let mut loc = Locator { src, cursor: 0 };
    let mut problems = Vec::new();

    if script.format > SCRIPT_FORMAT {
        problems.push(loc.problem(
            loc.key(0, "format"),
            format!(
                "skriptet har format {}, men denne Stafett kan bare lese til og med {SCRIPT_FORMAT}",
                script.format
            ),
            "oppdater Stafett, eller bruk en eldre utgave av skriptet",
        ));
    }
    if script.phases.is_empty() {
        problems.push(loc.problem(
            0,
            "skriptet har ingen faser".into(),
            "legg til minst én fase under `phases`",
        ));
    }

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
                format!("fase-id «{}» er brukt før", phase.id),
                "gi hver fase sin egen id",
            ));
        }
        if phase.sessions.is_empty() {
            problems.push(loc.problem(
                at,
                format!("fasen «{}» har ingen økter", phase.id),
                "legg til minst én økt under `sessions`",
            ));
        }
        for session in &phase.sessions {
            let ids = (&mut session_ids, &mut produced_before);
            check_session(&mut loc, session, script, ids, &mut problems);
        }
    }

    if let Some(cycle) = &script.cycle
        && !phase_ids.contains(cycle.restart_at.as_str())
    {
        problems.push(loc.problem(
            loc.peek(0, "restart_at", &cycle.restart_at),
            format!(
                "`restart_at` viser til fasen «{}», som ikke finnes",
                cycle.restart_at
            ),
            format!(
                "bruk id-en til en av fasene: {}",
                script.phases.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    problems.sort_by_key(|p| (p.line, p.col));
    problems
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
                format!("steget «{step_id}» gjentas for hvert punkt i «{}», men ingen tidligere steg lager den listen", fe.list),
                "lag listen først, med `Collect`, `Choose(into: …)` eller `PickSet`",
            ));
        }
        if !fe.rate.is_empty() {
            if !(2..=9).contains(&fe.rate.len()) {
                problems.push(loc.problem(
                    loc.key(step_at, "rate"),
                    format!(
                        "vurderingen i steget «{step_id}» har {}",
                        if fe.rate.len() == 1 { "bare ett nivå".to_string() } else { format!("{} nivåer", fe.rate.len()) }
                    ),
                    "gi 2 til 9 nivåer, lavest først, for eksempel `rate: [\"Lite\", \"Noe\", \"Mye\"]`",
                ));
            }
            if !here {
                problems.push(loc.problem(
                    loc.key(step_at, "rate"),
                    format!("steget «{step_id}» vurderer punktene i «{}», men lista hører ikke til denne økta", fe.list),
                    format!("hent lista inn i økta først med `Collect(list: \"{0}\", from: Some(\"{0}\"))`", fe.list),
                ));
            }
        }
    }
    if let Some(lead) = &step.lead {
        let known = script.sessions().any(|(_, _, s)| {
            s.steps.iter().any(
                |st| matches!(&st.activity, Activity::Roles { tasks, .. } if tasks.contains(lead)),
            )
        });
        if !known {
            problems.push(loc.problem(
                loc.peek(step_at, "lead", lead),
                format!(
                    "steget «{step_id}» sier at «{lead}» leder, men ingen `Roles` har den oppgaven"
                ),
                "bruk navnet på en oppgave fra et `Roles`-steg, skrevet helt likt",
            ));
        }
    }
    if matches!(step.activity, Activity::PickSet { .. }) && script.sets.is_empty() {
        problems.push(loc.problem(
            step_at,
            format!("steget «{step_id}» lar gruppa velge et sett, men skriptet har ingen `sets`"),
            "legg til `sets: [(id: …, title: …, items: [(title: …, detail: …, reference: …)])]`",
        ));
    }
}

fn check_scales(loc: &mut Locator, script: &Script, problems: &mut Vec<Problem>) {
    let mut set_ids = HashSet::new();
    for set in &script.sets {
        let at = find_field(loc.src, 0, "id", &set.id).unwrap_or(0);
        if !set_ids.insert(set.id.as_str()) {
            problems.push(loc.problem(
                at,
                format!("sett-id «{}» er brukt før", set.id),
                "gi hvert sett sin egen id",
            ));
        }
        if set.items.is_empty() {
            problems.push(loc.problem(
                at,
                format!("settet «{}» har ingen punkter", set.id),
                "legg til punkter i `items`",
            ));
        }
    }
    let mut ids = HashSet::new();
    for scale in &script.scales {
        let at = loc.seek("id", &scale.id);
        if !ids.insert(scale.id.as_str()) {
            problems.push(loc.problem(
                at,
                format!("skala-id «{}» er brukt før", scale.id),
                "gi hver skala sin egen id",
            ));
        }
        for (axis, levels) in [
            ("sannsynlighet", &scale.sannsynlighet),
            ("konsekvens", &scale.konsekvens),
        ] {
            if !(3..=5).contains(&levels.len()) {
                problems.push(loc.problem(
                    loc.key(at, axis),
                    format!(
                        "skalaen «{}» har {} nivåer for {axis}",
                        scale.id,
                        levels.len()
                    ),
                    "en skala har 3, 4 eller 5 nivåer, med én tekst per nivå, lavest først",
                ));
            }
        }
        let max = (scale.sannsynlighet.len() * scale.konsekvens.len()) as u32;
        if scale.high_from == 0
            || scale.high_from > scale.unacceptable_from
            || scale.unacceptable_from > max
        {
            problems.push(loc.problem(
                loc.key(at, "high_from"),
                format!(
                    "grensene i skalaen «{}» passer ikke: høy fra {}, uakseptabel fra {}, høyeste risikoverdi er {max}",
                    scale.id, scale.high_from, scale.unacceptable_from
                ),
                format!("velg 1 ≤ high_from ≤ unacceptable_from ≤ {max}"),
            ));
        }
    }
}

fn check_risk_activity(
    loc: &Locator,
    step_at: usize,
    step_id: &str,
    activity: &Activity,
    script: &Script,
    problems: &mut Vec<Problem>,
) {
    let seed = match activity {
        Activity::RiskSetup { .. } => &[][..],
        Activity::RiskGrid { seed, .. } => seed.as_slice(),
        _ => return,
    };
    let Some(scale) = script.scales.first() else {
        problems.push(loc.problem(
            step_at,
            format!("steget «{step_id}» bruker et risikorutenett, men skriptet har ingen skala"),
            "legg til `scales: [(id: …, title: …, sannsynlighet: […], konsekvens: […], high_from: …, unacceptable_from: …)]`",
        ));
        return;
    };
    let top = scale.sannsynlighet.len().min(scale.konsekvens.len()) as u8;
    for row in seed {
        for level in [row.sannsynlighet, row.konsekvens].into_iter().flatten() {
            if level == 0 || level > top {
                problems.push(loc.problem(
                    loc.peek(step_at, "tema", &row.tema),
                    format!(
                        "eksempelraden «{}» i steget «{step_id}» har nivå {level}",
                        row.tema
                    ),
                    format!("nivåer går fra 1 til {top} i skalaen «{}»", scale.id),
                ));
            }
        }
    }
}

fn check_activity(
    loc: &Locator,
    step_at: usize,
    step_id: &str,
    activity: &Activity,
    produced_before: &HashSet<String>,
    produced_here: &mut HashSet<String>,
    problems: &mut Vec<Problem>,
) {
    let needs_here = |list: &str,
                      field: &str,
                      problems: &mut Vec<Problem>,
                      here: &HashSet<String>| {
        if !here.contains(list) {
            let hint = if produced_before.contains(list) {
                format!(
                    "listen kommer fra en tidligere økt: hent den inn først med `Collect(list: \"{list}\", from: Some(\"{list}\"))`"
                )
            } else {
                format!("samle listen først i et tidligere steg med `Collect(list: \"{list}\")`")
            };
            problems.push(loc.problem(
                loc.peek(step_at, field, list),
                format!("steget «{step_id}» bruker listen «{list}», men ingen tidligere steg i økta lager den"),
                hint,
            ));
        }
    };
    match activity {
        Activity::Info
        | Activity::Stafettpinne
        | Activity::Plan { .. }
        | Activity::RiskSetup { .. }
        | Activity::Summary => {}
        Activity::PickSet { list } => {
            produced_here.insert(list.clone());
        }
        Activity::Roles { tasks, roles } => {
            if tasks.is_empty() || roles.is_empty() || roles.len() > 9 {
                problems.push(loc.problem(
                    step_at,
                    format!("rollene i steget «{step_id}» trenger minst én oppgave og 1 til 9 roller"),
                    "for eksempel `Roles(tasks: [\"Inviterer\"], roles: [\"Leder\", \"Tillitsvalgt\", \"Verneombud\"])`",
                ));
            }
        }
        Activity::RiskGrid { themes_from, .. } => {
            if let Some(from) = themes_from
                && !produced_before.contains(from)
                && !produced_here.contains(from)
            {
                problems.push(loc.problem(
                    loc.peek(step_at, "themes_from", from),
                    format!("steget «{step_id}» henter tema fra listen «{from}», men ingen tidligere steg lager den"),
                    "sjekk stavemåten, eller samle temaene i et tidligere steg med `Collect`",
                ));
            }
        }
        Activity::Checklist { items } => {
            if items.is_empty() {
                problems.push(loc.problem(
                    step_at,
                    format!("sjekklista i steget «{step_id}» er tom"),
                    "legg til punkter, for eksempel `CheckDef(label: \"Leder\")`",
                ));
            }
        }
        Activity::Collect { list, from } => {
            if let Some(from) = from
                && !produced_before.contains(from)
                && !produced_here.contains(from)
            {
                problems.push(loc.problem(
                    loc.peek(step_at, "from", from),
                    format!("steget «{step_id}» henter listen «{from}», men ingen tidligere steg lager den"),
                    "sjekk stavemåten, eller lag listen i en tidligere økt med `Collect` eller `Choose(into: …)`",
                ));
            }
            produced_here.insert(list.clone());
        }
        Activity::Group { list } => needs_here(list, "list", problems, produced_here),
        Activity::Vote { list, dots } => {
            needs_here(list, "list", problems, produced_here);
            if *dots == 0 {
                problems.push(loc.problem(
                    loc.key(step_at, "dots"),
                    format!("prikkstemmingen i steget «{step_id}» gir 0 prikker"),
                    "gi hver deltaker minst én prikk, for eksempel `dots: 3`",
                ));
            }
        }
        Activity::Choose { list, into, max } => {
            needs_here(list, "list", problems, produced_here);
            if *max == Some(0) {
                problems.push(loc.problem(
                    loc.key(step_at, "max"),
                    format!("steget «{step_id}» lar gruppa velge 0"),
                    "sett `max: Some(3)` eller la `max` stå ute",
                ));
            }
            produced_here.insert(into.clone());
        }
        Activity::Fields { fields, .. } => {
            if fields.is_empty() {
                problems.push(loc.problem(
                    step_at,
                    format!("steget «{step_id}» har ingen felter"),
                    "legg til feltnavn i `fields`, for eksempel `[\"Hva\", \"Hvem\"]`",
                ));
            }
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
            format!("økt-id «{}» er brukt før", session.id),
            "gi hver økt i skriptet sin egen id",
        ));
    }
    if session.steps.is_empty() {
        problems.push(loc.problem(
            at,
            format!("økta «{}» har ingen steg", session.id),
            "legg til minst ett steg under `steps`",
        ));
    }
    let mut step_ids = HashMap::new();
    let mut produced_here: HashSet<String> = HashSet::new();
    for step in &session.steps {
        let step_at = loc.seek("id", &step.id);
        if step_ids.insert(step.id.as_str(), step_at).is_some() {
            problems.push(loc.problem(
                step_at,
                format!("steg-id «{}» er brukt før i økta «{}»", step.id, session.id),
                "gi hvert steg i økta sin egen id",
            ));
        }
        if step.minutes == 0 {
            problems.push(loc.problem(
                loc.key(step_at, "minutes"),
                format!("steget «{}» har 0 minutter", step.id),
                "sett planlagt tid i hele minutter, for eksempel `minutes: 10,`",
            ));
        }
        if step.room.trim().is_empty() {
            problems.push(loc.problem(
                step_at,
                format!("steget «{}» har ingen tekst til rommet", step.id),
                "skriv en kort tekst i `room` som deltakerne ser på skjermen",
            ));
        }
        check_activity(
            loc,
            step_at,
            &step.id,
            &step.activity,
            produced_before,
            &mut produced_here,
            problems,
        );
        check_risk_activity(loc, step_at, &step.id, &step.activity, script, problems);
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
