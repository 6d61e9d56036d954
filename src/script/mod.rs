//! Workshop scripts: a process described as data (phases → sessions → steps → activity).
//!
//! The engine knows nothing about any particular process; everything specific to «Oss og vårt»
//! or any other process lives in a RON file under `workshops/` or the user's own folders.

pub mod activity;
mod check;
pub mod library;
mod load;

pub use activity::{Activity, Spec};
pub use check::{check_source, is_file_safe_id};
pub use library::{Library, LibraryWarning, ScriptSource, read_script};
pub use load::{Problem, parse};

use serde::{Deserialize, Serialize};

/// The newest script format this build understands.
pub const SCRIPT_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    pub format: u32,
    /// Stable identifier, used by `stafett new <id>` and stored in every forløp.
    pub id: String,
    pub title: String,
    /// One or two sentences shown when choosing a process.
    pub summary: String,
    pub phases: Vec<Phase>,
    /// Where the process goes on after its last phase, if it is a circle.
    #[serde(default)]
    pub cycle: Option<Cycle>,
    /// Risk scales a group can choose between; the first is the default.
    #[serde(default)]
    pub scales: Vec<RiskScale>,
    /// Predefined sets of items a group picks one of (e.g. an industry's five challenges).
    #[serde(default)]
    pub sets: Vec<ItemSet>,
    /// Titles for list and form names that read poorly as they are (a name cannot always carry
    /// æøå): `titles: {"losninger-til-test": "Løsninger til test"}`.
    #[serde(default)]
    pub titles: std::collections::BTreeMap<String, String>,
    /// The language the script is written in (`nb`, `nn`, `en`, `da`); the interface may speak
    /// another. Bokmål when left out.
    #[serde(
        default = "default_language",
        skip_serializing_if = "is_default_language"
    )]
    pub language: String,
}

fn default_language() -> String {
    crate::strings::Lang::Nb.code().to_string()
}

fn is_default_language(code: &str) -> bool {
    code == crate::strings::Lang::Nb.code()
}

/// A named set of predefined items, e.g. the five challenges of one industry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSet {
    pub id: String,
    pub title: String,
    /// Shown wherever the set is used, e.g. that a draft must be checked against its source.
    #[serde(default)]
    pub note: String,
    pub items: Vec<SetItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetItem {
    pub title: String,
    /// One line about it.
    #[serde(default)]
    pub detail: String,
    /// Where to find more, e.g. the film to show.
    #[serde(default)]
    pub reference: String,
}

/// Repeats a step for each item of a list; with `rate`, a number key rates the current item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForEach {
    pub list: String,
    /// Labels of the rating levels, lowest first (2 to 9), e.g. ["Lite", "Noe", "Mye"].
    #[serde(default)]
    pub rate: Vec<String>,
}

/// A sannsynlighet × konsekvens scale with its default acceptance bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskScale {
    pub id: String,
    pub title: String,
    /// One label per level, lowest first (3 to 5 levels).
    pub sannsynlighet: Vec<String>,
    pub konsekvens: Vec<String>,
    /// What each sannsynlighet level means here, lowest first, shown while rating; none, or
    /// one per level.
    #[serde(default)]
    pub sannsynlighet_means: Vec<String>,
    /// What each konsekvens level means here, as `sannsynlighet_means`.
    #[serde(default)]
    pub konsekvens_means: Vec<String>,
    /// Risk values from this one up are høy.
    pub high_from: u32,
    /// Risk values from this one up are uakseptabel.
    pub unacceptable_from: u32,
}

/// An example row a risk grid starts with, clearly marked as example text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RiskSeed {
    pub tema: String,
    pub hendelse: String,
    pub sarbarhet: String,
    pub sannsynlighet: Option<u8>,
    pub konsekvens: Option<u8>,
    pub tiltak: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub sessions: Vec<SessionDef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    /// The phase a new round starts with.
    pub restart_at: String,
    /// What the facilitator is told when a round ends.
    #[serde(default)]
    pub note: String,
}

/// Who meets: the HMS-gruppe on its own, or a verksted with the staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionKind {
    HmsGruppe,
    Verksted,
}

impl SessionKind {
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::HmsGruppe => crate::t!("session_kind.hms_gruppe"),
            SessionKind::Verksted => crate::t!("session_kind.verksted"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionDef {
    pub id: String,
    pub title: String,
    pub kind: SessionKind,
    /// What the session must hand on; shown in the overview.
    #[serde(default)]
    pub goal: String,
    /// The sessions whose work its stafettpinne shows, in this order: each the latest run of
    /// that session before this one (a later session of the circle: the round before). Empty:
    /// the session just before.
    #[serde(default)]
    pub baton_from: Vec<String>,
    pub steps: Vec<Step>,
}

impl SessionDef {
    pub fn planned_minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }

    /// The planned minutes of the short version: the steps that are not optional.
    pub fn short_minutes(&self) -> u32 {
        self.steps
            .iter()
            .filter(|s| !s.optional)
            .map(|s| s.minutes)
            .sum()
    }

    /// Whether the session has a short version (some of its steps are optional).
    pub fn has_short_version(&self) -> bool {
        self.steps.iter().any(|s| s.optional)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    /// What the room sees: a short prompt.
    pub room: String,
    /// What the facilitator should do and say.
    #[serde(default)]
    pub guide: String,
    pub activity: Activity,
    /// Repeat the step for each item of a list, each item with its own notes.
    #[serde(default)]
    pub for_each: Option<ForEach>,
    /// The task (from a `Roles` activity) whose role leads this part; shown in the header.
    #[serde(default)]
    pub lead: Option<String>,
    /// For the group that prepares only: what the step makes is never shown in another
    /// session's stafettpinne, which the room sees.
    #[serde(default)]
    pub private: bool,
    /// Left out of the session's short version (chosen with `T`, e.g. a 45-minute verksted).
    #[serde(default)]
    pub optional: bool,
    /// For trainers teaching others to host: what to watch for, common mistakes. Shown in the
    /// guide only in practice mode (`stafett practice`).
    #[serde(default)]
    pub trainer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    pub label: String,
    /// A counted entry (e.g. number of staff) instead of a tick.
    #[serde(default)]
    pub count: bool,
}

/// One session's place in the script: phase index and session index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionAt {
    pub phase: usize,
    pub session: usize,
}

impl Script {
    /// A list's (or form's) name as a heading: the script's title for it, else the name made
    /// readable (`valgte-utfordringer` → `Valgte utfordringer`).
    pub fn list_title(&self, name: &str) -> String {
        self.titles
            .get(name)
            .cloned()
            .unwrap_or_else(|| crate::text::list_title(name))
    }

    /// All sessions in script order.
    pub fn sessions(&self) -> impl Iterator<Item = (SessionAt, &Phase, &SessionDef)> {
        self.phases.iter().enumerate().flat_map(|(p, phase)| {
            phase.sessions.iter().enumerate().map(move |(s, def)| {
                (
                    SessionAt {
                        phase: p,
                        session: s,
                    },
                    phase,
                    def,
                )
            })
        })
    }

    pub fn session(&self, at: SessionAt) -> &SessionDef {
        &self.phases[at.phase].sessions[at.session]
    }

    pub fn find_session(&self, id: &str) -> Option<SessionAt> {
        self.sessions()
            .find(|(_, _, s)| s.id == id)
            .map(|(at, _, _)| at)
    }

    /// Index of the phase a new round starts with, if the process is a circle.
    /// A risk scale by id, or the first one.
    pub fn scale(&self, id: &str) -> Option<&RiskScale> {
        self.scales
            .iter()
            .find(|s| s.id == id)
            .or(self.scales.first())
    }

    pub fn restart_phase(&self) -> Option<usize> {
        let cycle = self.cycle.as_ref()?;
        self.phases.iter().position(|p| p.id == cycle.restart_at)
    }

    /// The sessions of one round, in order: round 1 holds all; later rounds start at the
    /// cycle's restart phase.
    pub fn round_sessions(&self, round: u32) -> Vec<SessionAt> {
        let first_phase = if round <= 1 {
            0
        } else {
            self.restart_phase().unwrap_or(0)
        };
        self.sessions()
            .filter(|(at, _, _)| at.phase >= first_phase)
            .map(|(at, _, _)| at)
            .collect()
    }
}
