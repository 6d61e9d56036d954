//! Reading a script from RON and checking it, with every problem placed at file:line:column.

use super::{Activity, SCRIPT_FORMAT, Script};
use ron::error::{Error as RonError, SpannedError};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One problem in a script: where it is, what is wrong and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: String,
}

impl Problem {
    /// The problem as `file:line:col: feil: …` plus an indented help line.
    pub fn render(&self, file: &str) -> String {
        format!(
            "{file}:{}:{}: feil: {}\n    hjelp: {}",
            self.line, self.col, self.message, self.help
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Parses and checks a script. Every problem found is returned, not only the first.
pub fn parse(src: &str) -> Result<Script, Vec<Problem>> {
    let script: Script = ron::from_str(src).map_err(|e| vec![from_ron(&e)])?;
    let problems = check_source(src, &script);
    if problems.is_empty() {
        Ok(script)
    } else {
        Err(problems)
    }
}

fn from_ron(e: &SpannedError) -> Problem {
    let (line, col) = (e.span.start.line, e.span.start.col);
    let (message, help) = match &e.code {
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } if outer.as_deref() == Some("Activity") || expected.contains(&"Collect") => (
            format!("ukjent aktivitet «{found}»"),
            format!("bruk en av: {}", expected.join(", ")),
        ),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => (
            format!("ukjent verdi «{found}»"),
            format!("bruk en av: {}", expected.join(", ")),
        ),
        RonError::MissingStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" i {o}"))
                .unwrap_or_default();
            let help = if *field == "minutes" {
                "hvert steg trenger planlagte minutter, for eksempel `minutes: 10,`".to_string()
            } else {
                format!("legg til `{field}: …,`")
            };
            (format!("feltet `{field}` mangler{place}"), help)
        }
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" i {o}"))
                .unwrap_or_default();
            (
                format!("ukjent felt `{found}`{place}"),
                format!("gyldige felt er: {}", expected.join(", ")),
            )
        }
        RonError::DuplicateStructField { field, .. } => (
            format!("feltet `{field}` står to ganger"),
            "fjern det ene".to_string(),
        ),
        RonError::ExpectedComma => (
            "RON-syntaksfeil: her mangler et komma".to_string(),
            "sett komma etter verdien på linja før".to_string(),
        ),
        RonError::Eof => (
            "filen slutter før skriptet er ferdig".to_string(),
            "sjekk at alle ( [ og \" er lukket".to_string(),
        ),
        RonError::ExpectedStringEnd => (
            "teksten mangler avsluttende anførselstegn".to_string(),
            "avslutt teksten med \"".to_string(),
        ),
        RonError::ExpectedInteger => (
            "her skal det stå et helt tall".to_string(),
            "skriv et tall uten anførselstegn, for eksempel `minutes: 10,`".to_string(),
        ),
        other => (
            format!("RON-syntaksfeil: {other}"),
            "sjekk komma, parenteser og anførselstegn rett før dette stedet".to_string(),
        ),
    };
    Problem {
        line,
        col,
        message,
        help,
    }
}

/// Finds the places of ids and list names in the source, moving forwards as the script is
/// walked in document order, so that a repeated name is placed at the right occurrence.
struct Locator<'a> {
    src: &'a str,
    cursor: usize,
}

impl<'a> Locator<'a> {
    /// Moves to the next `field: "value"` at or after the cursor and returns its offset.
    fn seek(&mut self, field: &str, value: &str) -> usize {
        match find_field(self.src, self.cursor, field, value) {
            Some(at) => {
                self.cursor = at + 1;
                at
            }
            None => self.cursor,
        }
    }

    /// The next `field: "value"` after `from`, without moving the cursor.
    fn peek(&self, from: usize, field: &str, value: &str) -> usize {
        find_field(self.src, from, field, value).unwrap_or(from)
    }

    /// The next `field:` (any value) after `from`, without moving the cursor.
    fn key(&self, from: usize, field: &str) -> usize {
        find_key(self.src, from, field).unwrap_or(from)
    }

    fn problem(&self, at: usize, message: String, help: impl Into<String>) -> Problem {
        let (line, col) = line_col(self.src, at);
        Problem {
            line,
            col,
            message,
            help: help.into(),
        }
    }
}

fn find_field(src: &str, from: usize, field: &str, value: &str) -> Option<usize> {
    let quoted = format!("\"{value}\"");
    let mut start = from.min(src.len());
    while let Some(rel) = src[start..].find(&quoted) {
        let at = start + rel;
        let before = src[..at].trim_end();
        if let Some(before) = before.strip_suffix(':')
            && let Some(name) = before.trim_end().strip_suffix(field)
            && !name.ends_with(|c: char| c.is_alphanumeric() || c == '_')
        {
            return Some(name.len());
        }
        start = at + quoted.len();
    }
    None
}

fn find_key(src: &str, from: usize, field: &str) -> Option<usize> {
    let mut start = from.min(src.len());
    while let Some(rel) = src[start..].find(field) {
        let at = start + rel;
        let boundary = src[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary && src[at + field.len()..].trim_start().starts_with(':') {
            return Some(at);
        }
        start = at + field.len();
    }
    None
}

fn line_col(src: &str, at: usize) -> (usize, usize) {
    let before = &src[..at.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Checks what RON cannot: versions, ids, minutes and the flow of named lists.
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
                    &loc,
                    step_at,
                    &step.id,
                    &step.activity,
                    &produced_before,
                    &mut produced_here,
                    &mut problems,
                );
                check_risk_activity(
                    &loc,
                    step_at,
                    &step.id,
                    &step.activity,
                    script,
                    &mut problems,
                );
                check_step_extras(
                    &loc,
                    step_at,
                    step,
                    script,
                    &produced_before,
                    &produced_here,
                    &mut problems,
                );
            }
            produced_before.extend(produced_here);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("æø\nåx", 0), (1, 1));
        assert_eq!(line_col("æø\nåx", "æø\nå".len()), (2, 2));
    }

    #[test]
    fn find_field_needs_the_field_name_before_the_value() {
        let src = r#"list: "a", id: "a""#;
        assert_eq!(find_field(src, 0, "id", "a"), Some(11));
        assert_eq!(find_field(src, 0, "list", "a"), Some(0));
        assert_eq!(find_field(src, 7, "list", "a"), None);
        assert_eq!(find_field(r#"valid: "a""#, 0, "id", "a"), None);
    }
}
