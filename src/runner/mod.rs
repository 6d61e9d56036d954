//! The session state machine. It never does IO, never reads a clock and never touches the
//! terminal: commands come in with the time, effects (save, bell, hand-off) go out as data.

mod activity;
mod foreach;
mod navigate;
mod query;

mod timer;

pub use timer::Timer;

use crate::script::{Script, SessionAt};
use crate::t;
use crate::worksheet::{Forlop, Item, MeasureDraft, SheetKey, Worksheet};
use chrono::NaiveDateTime;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The time a command happens at: a monotonic clock for timers and the wall clock for records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub mono_ms: u64,
    pub wall: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    NextStep,
    PrevStep,
    NextSession,
    PrevSession,
    GoTo {
        round: u32,
        session: String,
    },
    Up,
    Down,
    MoveUp,
    MoveDown,
    /// Add an item (or a checklist count, a field text) from typed text.
    Add(String),
    /// Replace the selected item's text.
    Edit(String),
    Delete,
    /// Space: a vote, a tick, a count up, a choice, keeping an example row, depending on
    /// the activity.
    Mark,
    /// Take one vote or count away.
    Unmark,
    SetTheme(String),
    SetField(String),
    /// Pull the list in from the earlier session again (new texts only).
    Import,
    AddMeasure(MeasureDraft),
    EditMeasure(usize, MeasureDraft),
    DeleteMeasure(usize),
    CycleMeasure(usize),
    MoveMeasure {
        index: usize,
        up: bool,
    },
    /// A level key (1–9): a set, a rating.
    Level(u8),
    /// A level key in a risk grid's column (the view's focus), on the selected row.
    CellLevel(crate::worksheet::risk::Column, u8),
    /// Typed text for a risk grid's column, on the selected row.
    CellText(crate::worksheet::risk::Column, String),
    /// Switch a grid's scale, saying what becomes of levels already set.
    SwitchScale {
        forward: bool,
        levels: crate::worksheet::risk::LevelChange,
    },
    SortByRisk,
    /// Turn the selected risk row's proposed measure into a handlingsplan row.
    ToPlan,
    /// Finish the session: its worksheet becomes the hand-off artefact.
    Finish,
    /// Open a finished session again for changes, on purpose.
    Reopen,
    /// Run the session in its short version (optional steps skipped), or in full again.
    ToggleShort,
    /// One field of a session's record (referat), by field id; empty text clears it. The
    /// session is named: the record of a session just finished is written from the next.
    SetRecord {
        key: crate::worksheet::SheetKey,
        field: String,
        text: String,
    },
    StartNextRound,
    TimerToggle,
    TimerAdjust(i64),
    TimerReset,
    Tick,
    /// The app is about to quit: pause and record the timer.
    Suspend,
    /// Take back what a recovery file held: the forløp and the worksheets replace those in
    /// memory (never one that could not be read) and are saved.
    Recover {
        forlop: Box<Forlop>,
        sheets: Vec<Worksheet>,
    },
    /// A worksheet that could not be read was replaced by its backup on disk: use it.
    Restored(Box<Worksheet>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveForlop,
    SaveSheet(SheetKey),
    /// Write the readable hand-off copy of a finished session.
    HandOver(SheetKey),
    /// Share the timer with a follower (`Runner::clock`); a copy for showing, not data.
    ShareClock,
    Bell,
    /// What the command says back: why it did nothing, or what it did besides. The app shows
    /// it until the next command from the user.
    Notice(String),
}

/// Where the runner is: which round, which session, which step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub round: u32,
    pub session: SessionAt,
    pub step: usize,
    /// The item of a for-each step.
    pub item: usize,
}

pub struct Runner {
    pub script: Arc<Script>,
    pub forlop: Forlop,
    pub sheets: BTreeMap<SheetKey, Worksheet>,
    /// Worksheets whose files could not be read: never written over.
    pub read_only: BTreeSet<SheetKey>,
    pub at: Cursor,
    pub selected: usize,
    pub timer: Timer,
    /// The timer as last shared with a follower (see [`Effect::ShareClock`]).
    pub clock: Option<crate::worksheet::clock::SharedClock>,
    /// What the command being handled says back, sent out as [`Effect::Notice`] when it is
    /// done; empty between commands.
    pub(crate) notice: Option<String>,
}

static EMPTY: Vec<Item> = Vec::new();

impl Runner {
    pub fn new(
        script: Arc<Script>,
        forlop: Forlop,
        sheets: BTreeMap<SheetKey, Worksheet>,
        read_only: BTreeSet<SheetKey>,
    ) -> Runner {
        let first = script.round_sessions(1)[0];
        let session = script
            .find_session(&forlop.position.session)
            .filter(|at| script.round_sessions(forlop.position.round).contains(at))
            .unwrap_or(first);
        let round = forlop.position.round.clamp(1, forlop.round.max(1));
        let steps = script.session(session).steps.len();
        let step = forlop.position.step.min(steps.saturating_sub(1));
        let mut r = Runner {
            script,
            forlop,
            sheets,
            read_only,
            at: Cursor {
                round,
                session,
                step,
                item: 0,
            },
            selected: 0,
            timer: Timer::new(0, 0),
            clock: None,
            notice: None,
        };
        r.timer = r.step_timer();
        r.at.item = r.forlop.position.item.min(r.item_count().saturating_sub(1));
        r
    }

    // ---- reading ------------------------------------------------------------------------

    pub fn handle(&mut self, cmd: Cmd, now: Now) -> Vec<Effect> {
        self.notice = None;
        let mut fx = Vec::new();
        match cmd {
            Cmd::NextStep => self.next_step(now, &mut fx),
            Cmd::PrevStep => self.prev_step(now, &mut fx),
            Cmd::NextSession => self.next_session(now, &mut fx),
            Cmd::PrevSession => self.prev_session(now, &mut fx),
            Cmd::GoTo { round, session } => self.go_to(round, &session, now, &mut fx),
            Cmd::Up => self.selected = self.selected.saturating_sub(1),
            Cmd::Down => {
                if self.selected + 1 < self.row_count() {
                    self.selected += 1;
                }
            }
            Cmd::Finish => self.finish(now, &mut fx),
            Cmd::Reopen => self.reopen(now, &mut fx),
            Cmd::ToggleShort => self.toggle_short(now, &mut fx),
            Cmd::SetRecord { key, field, text } => {
                self.set_record(key, (field, text), now, &mut fx)
            }
            Cmd::StartNextRound => self.start_next_round(now, &mut fx),
            Cmd::TimerToggle | Cmd::TimerAdjust(_) | Cmd::TimerReset | Cmd::Tick => {
                self.timer_cmd(cmd, now, &mut fx)
            }
            Cmd::Recover { forlop, sheets } => {
                self.forlop = *forlop;
                fx.push(Effect::SaveForlop);
                for sheet in sheets {
                    let key = sheet.key();
                    if !self.read_only.contains(&key) {
                        fx.push(Effect::SaveSheet(key.clone()));
                        self.sheets.insert(key, sheet);
                    }
                }
            }
            Cmd::Restored(sheet) => {
                let key = sheet.key();
                self.read_only.remove(&key);
                self.sheets.insert(key, *sheet);
            }
            // Everything else is saved as it changes; leaving only records the timer.
            Cmd::Suspend => {
                self.timer.pause(now.mono_ms);
                self.record_timer(now, &mut fx);
                self.share_clock(now, &mut fx);
            }
            other => self.activity_cmd(other, now, &mut fx),
        }
        dedup(&mut fx);
        fx.extend(self.notice.take().map(Effect::Notice));
        fx
    }
}

pub(crate) fn read_only_notice() -> String {
    t!("runner.arbeidsarket_for_denne_okta_kunne").into()
}

impl Runner {
    /// Why the current session's worksheet cannot be changed now, if it cannot: it could not
    /// be read, or the session is finished and not opened again.
    pub(crate) fn locked(&self) -> Option<String> {
        let key = self.key();
        if self.read_only.contains(&key) {
            return Some(read_only_notice());
        }
        let done = self
            .sheets
            .get(&key)
            .is_some_and(|s| s.status == crate::worksheet::SessionStatus::Done);
        done.then(|| t!("runner.finished_locked").to_string())
    }

    /// A change to the current worksheet is saved; a session opened again after it was
    /// finished also gets its hand-off copy rewritten.
    pub(crate) fn changed(&self, fx: &mut Vec<Effect>) {
        let key = self.key();
        if self.sheets.get(&key).is_some_and(|s| s.reopened.is_some()) {
            fx.push(Effect::HandOver(key.clone()));
        }
        fx.push(Effect::SaveSheet(key));
    }
}

fn dedup(fx: &mut Vec<Effect>) {
    let mut seen = Vec::new();
    fx.retain(|e| {
        if seen.contains(e) {
            false
        } else {
            seen.push(e.clone());
            true
        }
    });
}
