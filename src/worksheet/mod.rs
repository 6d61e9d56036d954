//! What a group produced: the forløp (metadata, position, handlingsplan) and one worksheet per
//! session held. Plain data with pure mutators; saving and loading live in [`store`].

pub mod bounds;
pub mod clock;
mod edit;
mod errors;
pub mod files;
mod ids;
mod index;
mod lock;
pub mod overview;
pub mod practice;
pub mod record;
pub mod recovery;
pub mod risk;
pub mod store;

pub use edit::{ChooseError, choose_toggle, import_items};
pub use ids::{ItemId, MeasureId, RowId};

use crate::t;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The newest worksheet and forløp format this build writes.
pub const FORMAT: u32 = 1;

/// One workplace's run of a process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forlop {
    pub format: u32,
    pub name: String,
    /// The id of the script it follows.
    pub workshop: String,
    pub created: NaiveDateTime,
    /// The highest round started; a circle process goes on in rounds.
    pub round: u32,
    /// Where the facilitator was when they last left.
    pub position: Position,
    /// The handlingsplan, shared by the whole forløp.
    #[serde(default)]
    pub plan: Vec<Measure>,
    /// Risk grids by name: they span the sessions that assess and act on them.
    #[serde(default)]
    pub grids: BTreeMap<String, Vec<risk::RiskRow>>,
    /// The scale and bands agreed for each grid.
    #[serde(default)]
    pub risk: BTreeMap<String, risk::RiskSettings>,
    /// Who does each task: task → role.
    #[serde(default)]
    pub roles: BTreeMap<String, String>,
    #[serde(default)]
    pub next_id: u64,
    /// A practice forløp (`stafett practice`): marked ØVING on every screen and export, kept
    /// in the practice area, never among real ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub practice: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub round: u32,
    pub session: String,
    pub step: usize,
    /// The item of a step that repeats for each item of a list.
    #[serde(default)]
    pub item: usize,
}

/// One row of the handlingsplan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    pub id: MeasureId,
    pub tiltak: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ansvarlig: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frist: Option<NaiveDate>,
    #[serde(default)]
    pub status: MeasureStatus,
    /// Where it was agreed, e.g. "Runde 1 · Teste · Verksted".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin: String,
    /// The risk row it answers, if it came from a risk grid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RowId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum MeasureStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl MeasureStatus {
    pub fn label(self) -> &'static str {
        match self {
            MeasureStatus::Planned => t!("status.not_started"),
            MeasureStatus::InProgress => t!("worksheet.pagar"),
            MeasureStatus::Done => t!("worksheet.fullfort"),
            MeasureStatus::Dropped => t!("status.dropped"),
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, MeasureStatus::Planned | MeasureStatus::InProgress)
    }

    /// The next status when cycling with one key.
    pub fn next(self) -> MeasureStatus {
        match self {
            MeasureStatus::Planned => MeasureStatus::InProgress,
            MeasureStatus::InProgress => MeasureStatus::Done,
            MeasureStatus::Done => MeasureStatus::Dropped,
            MeasureStatus::Dropped => MeasureStatus::Planned,
        }
    }
}

/// The fields of a measure as typed in a form, before it gets an id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasureDraft {
    pub tiltak: String,
    pub ansvarlig: String,
    pub frist: Option<NaiveDate>,
    pub status: MeasureStatus,
}

/// Which session a worksheet belongs to: round and session id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SheetKey {
    pub round: u32,
    pub session: String,
}

impl SheetKey {
    pub fn new(round: u32, session: &str) -> SheetKey {
        SheetKey {
            round,
            session: session.to_string(),
        }
    }

    /// The worksheet's file name without extension: `r1-utforske-verksted`.
    pub fn file_stem(&self) -> String {
        format!("r{}-{}", self.round, self.session)
    }

    /// Reads a file stem back; `None` for files that are not worksheets.
    pub fn from_file_stem(stem: &str) -> Option<SheetKey> {
        let rest = stem.strip_prefix('r')?;
        let (round, session) = rest.split_once('-')?;
        Some(SheetKey::new(round.parse().ok()?, session))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SessionStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl SessionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SessionStatus::NotStarted => t!("status.not_started"),
            SessionStatus::InProgress => t!("worksheet.pagar"),
            SessionStatus::Done => t!("status.done"),
        }
    }

    /// A symbol that carries the status without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            SessionStatus::NotStarted => "○",
            SessionStatus::InProgress => "◐",
            SessionStatus::Done => "●",
        }
    }
}

/// What one session produced: its hand-off artefact, the stafettpinne.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Worksheet {
    pub format: u32,
    pub round: u32,
    pub session: String,
    #[serde(default)]
    pub status: SessionStatus,
    #[serde(default)]
    pub started: Option<NaiveDateTime>,
    #[serde(default)]
    pub finished: Option<NaiveDateTime>,
    /// When the finished session was last opened again for changes, on purpose; the export
    /// says so, as the hand-off changed after it was delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopened: Option<NaiveDateTime>,
    /// Run in its short version: the script's optional steps are skipped.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub short: bool,
    /// The session record (referat) by field id (see [`record::record_fields`]); optional.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub record: BTreeMap<String, String>,
    /// Named lists of items (challenges, ideas …).
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<Item>>,
    /// Checklists by step id.
    #[serde(default)]
    pub checks: BTreeMap<String, Vec<Check>>,
    /// Named forms: field label → text.
    #[serde(default)]
    pub forms: BTreeMap<String, BTreeMap<String, String>>,
    /// Time used per step id, in seconds.
    #[serde(default)]
    pub timers: BTreeMap<String, u64>,
    /// The summary the parties agreed on.
    #[serde(default)]
    pub summary: String,
    /// The item set picked for a list: list → set id.
    #[serde(default)]
    pub sets: BTreeMap<String, String>,
    #[serde(default)]
    pub next_id: u64,
}

impl Worksheet {
    pub fn new(key: &SheetKey) -> Worksheet {
        Worksheet {
            format: FORMAT,
            round: key.round,
            session: key.session.clone(),
            status: SessionStatus::NotStarted,
            started: None,
            finished: None,
            reopened: None,
            short: false,
            record: BTreeMap::new(),
            lists: BTreeMap::new(),
            checks: BTreeMap::new(),
            forms: BTreeMap::new(),
            timers: BTreeMap::new(),
            summary: String::new(),
            sets: BTreeMap::new(),
            next_id: 1,
        }
    }

    pub fn key(&self) -> SheetKey {
        SheetKey::new(self.round, &self.session)
    }

    pub fn list(&self, name: &str) -> &[Item] {
        self.lists.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn list_mut(&mut self, name: &str) -> &mut Vec<Item> {
        self.lists.entry(name.to_string()).or_default()
    }

    pub fn fresh_id(&mut self) -> ItemId {
        self.next_id = self.next_id.max(1);
        let id = self.next_id;
        self.next_id += 1;
        ItemId(id)
    }

    /// True when the group wrote anything in it.
    pub fn has_content(&self) -> bool {
        self.lists.values().any(|l| !l.is_empty())
            || self
                .forms
                .values()
                .any(|f| f.values().any(|v| !v.trim().is_empty()))
            || !self.summary.trim().is_empty()
            || self
                .checks
                .values()
                .any(|c| c.iter().any(|c| c.checked || c.count > 0))
    }
}

/// The name of a list or form kept for one item of a for-each step: `notater@3`.
pub fn scoped(name: &str, item: ItemId) -> String {
    format!("{name}@{item}")
}

/// For `skip_serializing_if`: a count of zero is left out of the file. Fields at their default
/// are not written (smaller files, read and written faster) and read back as that default.
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: ItemId,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "crate::worksheet::is_zero")]
    pub votes: u32,
    /// For an item carried forward by a choice: the id of the item it was chosen from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ItemId>,
    /// One line about it (from an item set).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// Where to find more, e.g. the film to show.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// How much it matters here, 1 = the lowest rating level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

impl Item {
    pub fn new(id: impl Into<ItemId>, text: impl Into<String>) -> Item {
        Item {
            id: id.into(),
            text: text.into(),
            theme: None,
            votes: 0,
            source: None,
            detail: String::new(),
            reference: String::new(),
            rating: None,
        }
    }
}

/// One line of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub label: String,
    #[serde(default)]
    pub checked: bool,
    #[serde(default)]
    pub count: u32,
}
