//! The session state machine. It never does IO, never reads a clock and never touches the
//! terminal: commands come in with the time, effects (save, bell, hand-off) go out as data.

mod activity;
mod foreach;

pub use foreach::rating_label;
mod timer;

pub use timer::Timer;

use crate::script::{Activity, Phase, Script, SessionAt, SessionDef, Step};
use crate::worksheet::{Forlop, Item, MeasureDraft, SessionStatus, SheetKey, Worksheet};
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
    /// Move the grid's column focus by this many columns.
    Column(i8),
    /// A level key (1–5) for the focused grid column.
    Level(u8),
    /// Switch a grid's scale, saying what becomes of levels already set.
    SwitchScale {
        forward: bool,
        levels: crate::worksheet::risk::LevelChange,
    },
    /// Switch the grid between table and risk matrix.
    ToggleView,
    SortByRisk,
    /// Turn the selected risk row's proposed measure into a handlingsplan row.
    ToPlan,
    /// Finish the session: its worksheet becomes the hand-off artefact.
    Finish,
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
    Bell,
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
    /// The focused column of a risk grid, an index into `Column::ALL`.
    pub column: usize,
    /// Whether a risk grid shows as the matrix rather than the table.
    pub matrix: bool,
    pub timer: Timer,
    /// A short message for the facilitator after a command (e.g. why nothing happened).
    pub notice: Option<String>,
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
            column: 0,
            matrix: false,
            timer: Timer::new(0, 0),
            notice: None,
        };
        r.timer = r.step_timer();
        r.at.item = r.forlop.position.item.min(r.item_count().saturating_sub(1));
        r
    }

    // ---- reading ------------------------------------------------------------------------

    pub fn phase(&self) -> &Phase {
        &self.script.phases[self.at.session.phase]
    }

    pub fn session(&self) -> &SessionDef {
        self.script.session(self.at.session)
    }

    pub fn step(&self) -> &Step {
        &self.session().steps[self.at.step]
    }

    pub fn key(&self) -> SheetKey {
        SheetKey::new(self.at.round, &self.session().id)
    }

    pub fn sheet(&self) -> Option<&Worksheet> {
        self.sheets.get(&self.key())
    }

    pub fn status_of(&self, key: &SheetKey) -> SessionStatus {
        self.sheets
            .get(key)
            .map_or(SessionStatus::NotStarted, |s| s.status)
    }

    /// Every session of every round started so far, in order.
    pub fn instances(&self) -> Vec<(u32, SessionAt)> {
        (1..=self.forlop.round.max(1))
            .flat_map(|r| {
                self.script
                    .round_sessions(r)
                    .into_iter()
                    .map(move |at| (r, at))
            })
            .collect()
    }

    fn instance_index(&self) -> usize {
        self.instances()
            .iter()
            .position(|&(r, at)| r == self.at.round && at == self.at.session)
            .unwrap_or(0)
    }

    /// Steps done before the current one and steps in all, over the current round.
    pub fn progress(&self) -> (usize, usize) {
        let mut before = 0;
        let mut total = 0;
        for at in self.script.round_sessions(self.at.round) {
            let n = self.script.session(at).steps.len();
            if at < self.at.session {
                before += n;
            }
            total += n;
        }
        (before + self.at.step, total)
    }

    /// The latest non-empty list of that name from a session before the current one.
    pub fn earlier_list(&self, name: &str) -> Option<(SheetKey, &[Item])> {
        let here = self.instance_index();
        self.instances()[..here]
            .iter()
            .rev()
            .find_map(|&(round, at)| {
                let key = SheetKey::new(round, &self.script.session(at).id);
                let items = self.sheets.get(&key)?.lists.get(name)?;
                (!items.is_empty()).then_some((key, items.as_slice()))
            })
    }

    /// The session before the current one, if any, and its worksheet if it has one.
    pub fn previous_sheet(&self) -> Option<(SheetKey, Option<&Worksheet>)> {
        let here = self.instance_index();
        let &(round, at) = self.instances()[..here].last()?;
        let key = SheetKey::new(round, &self.script.session(at).id);
        let sheet = self.sheets.get(&key);
        Some((key, sheet))
    }

    pub fn items(&self, list: &str) -> &[Item] {
        self.sheet().map_or(EMPTY.as_slice(), |s| s.list(list))
    }

    /// The items of the current step's list in the order they are shown: grouping shows them
    /// by theme, choosing by votes (most first); otherwise in list order.
    pub fn visible_items(&self) -> Vec<&Item> {
        let activity = self.activity();
        let Some(list) = activity.list() else {
            return Vec::new();
        };
        let mut items: Vec<&Item> = self.items(list).iter().collect();
        match activity {
            Activity::Group { .. } => items.sort_by(|a, b| match (&a.theme, &b.theme) {
                (Some(x), Some(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }),
            Activity::Choose { .. } => {
                items.sort_by_key(|i| std::cmp::Reverse((i.votes, i.rating)))
            }
            _ => {}
        }
        items
    }

    /// How many rows the current step lets the facilitator select among.
    pub fn row_count(&self) -> usize {
        match &self.activity() {
            Activity::Checklist { items } => items.len(),
            Activity::Fields { fields, .. } => fields.len(),
            Activity::Plan { .. } => self.forlop.plan.len(),
            // The hand-off view scrolls line by line; the view clamps to its real length.
            Activity::Stafettpinne => 200,
            Activity::RiskSetup { .. } => 3,
            Activity::RiskGrid { grid, .. } => self.grid_rows(grid).len(),
            Activity::PickSet { .. } => self.script.sets.len(),
            Activity::Roles { tasks, .. } => tasks.len(),
            a if a.list().is_some() => self.visible_items().len(),
            _ => 0,
        }
    }

    /// Whether an item of `list` has been chosen into `into` in the current worksheet.
    pub fn is_chosen(&self, into: &str, id: u64) -> bool {
        self.items(into).iter().any(|c| c.source == Some(id))
    }

    /// Themes in use in a list, in first-use order.
    pub fn themes(&self, list: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for item in self.items(list) {
            if let Some(t) = &item.theme
                && !out.contains(t)
            {
                out.push(t.clone());
            }
        }
        out
    }

    // ---- commands ---------------------------------------------------------------------

    pub fn handle(&mut self, cmd: Cmd, now: Now) -> Vec<Effect> {
        // A notice stays until the next command from the user; the clock does not clear it.
        if !matches!(cmd, Cmd::Tick | Cmd::Suspend) {
            self.notice = None;
        }
        let mut fx = Vec::new();
        match cmd {
            Cmd::NextStep => {
                if self.step_item(true, &mut fx) {
                } else if self.at.step + 1 < self.session().steps.len() {
                    self.move_to(
                        self.at.round,
                        self.at.session,
                        self.at.step + 1,
                        now,
                        &mut fx,
                    );
                } else {
                    self.notice = Some(
                        "Dette er siste steg. Trykk F for å avslutte økta og levere stafettpinnen, eller N for neste økt."
                            .into(),
                    );
                }
            }
            Cmd::PrevStep => {
                if self.step_item(false, &mut fx) {
                } else if self.at.step > 0 {
                    self.move_to(
                        self.at.round,
                        self.at.session,
                        self.at.step - 1,
                        now,
                        &mut fx,
                    );
                    // Coming back into a for-each step lands on its last item.
                    let last = self.item_count().saturating_sub(1);
                    self.at.item = last;
                    self.forlop.position.item = last;
                } else {
                    self.notice =
                        Some("Dette er første steg i økta. P går til forrige økt.".into());
                }
            }
            Cmd::NextSession => self.next_session(now, &mut fx),
            Cmd::PrevSession => {
                let here = self.instance_index();
                if here == 0 {
                    self.notice = Some("Dette er første økt i forløpet.".into());
                } else {
                    let (round, at) = self.instances()[here - 1];
                    self.move_to(round, at, 0, now, &mut fx);
                }
            }
            Cmd::GoTo { round, session } => {
                match self
                    .instances()
                    .into_iter()
                    .find(|&(r, at)| r == round && self.script.session(at).id == session)
                {
                    Some((r, at)) => self.move_to(r, at, 0, now, &mut fx),
                    None => {
                        self.notice = Some(format!("Fant ikke økta «{session}» i runde {round}."))
                    }
                }
            }
            Cmd::Up => self.selected = self.selected.saturating_sub(1),
            Cmd::Down => {
                if self.selected + 1 < self.row_count() {
                    self.selected += 1;
                }
            }
            Cmd::Finish => self.finish(now, &mut fx),
            Cmd::StartNextRound => self.start_next_round(now, &mut fx),
            Cmd::TimerToggle => {
                self.timer.toggle(now.mono_ms);
                if self.timer.running() {
                    self.touch(now, &mut fx);
                } else {
                    self.record_timer(now, &mut fx);
                }
            }
            Cmd::TimerAdjust(delta) => self.timer.adjust(delta, now.mono_ms),
            Cmd::TimerReset => {
                self.timer.reset();
                self.record_timer(now, &mut fx);
            }
            Cmd::Tick => {
                if self.timer.tick(now.mono_ms) {
                    fx.push(Effect::Bell);
                }
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
            Cmd::Suspend => {
                self.timer.pause(now.mono_ms);
                self.record_timer(now, &mut fx);
                fx.push(Effect::SaveForlop);
            }
            other => self.activity_cmd(other, now, &mut fx),
        }
        dedup(&mut fx);
        fx
    }

    fn next_session(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let here = self.instance_index();
        let instances = self.instances();
        if let Some(&(round, at)) = instances.get(here + 1) {
            self.move_to(round, at, 0, now, fx);
        } else if self.script.cycle.is_some() {
            self.notice = Some(
                "Runden er ferdig. Åpne oversikten (o) og trykk R for å starte en ny runde.".into(),
            );
        } else {
            self.notice = Some("Dette er siste økt i forløpet.".into());
        }
    }

    fn finish(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let key = self.key();
        if self.read_only.contains(&key) {
            self.notice = Some(read_only_notice());
            return;
        }
        self.timer.pause(now.mono_ms);
        self.record_timer(now, fx);
        let sheet = self.sheet_mut(now);
        sheet.status = SessionStatus::Done;
        sheet.finished = Some(now.wall);
        fx.push(Effect::SaveSheet(key.clone()));
        fx.push(Effect::HandOver(key));
        let title = self.session().title.clone();
        let phase = self.phase().title.clone();
        self.next_session(now, fx);
        self.notice = Some(match &self.notice {
            Some(n) => format!("{phase} · {title} er ferdig og levert videre. {n}"),
            None => format!("{phase} · {title} er ferdig og levert videre som stafettpinne."),
        });
        fx.push(Effect::SaveForlop);
    }

    fn start_next_round(&mut self, now: Now, fx: &mut Vec<Effect>) {
        if self.script.cycle.is_none() {
            self.notice = Some("Denne prosessen går ikke i runder.".into());
            return;
        }
        self.forlop.round += 1;
        let round = self.forlop.round;
        let first = self.script.round_sessions(round)[0];
        self.move_to(round, first, 0, now, fx);
        fx.push(Effect::SaveForlop);
        self.notice = Some(format!("Runde {round} er startet."));
    }

    /// Leaves the current step (recording its timer) and enters another.
    fn move_to(
        &mut self,
        round: u32,
        session: SessionAt,
        step: usize,
        now: Now,
        fx: &mut Vec<Effect>,
    ) {
        self.timer.pause(now.mono_ms);
        self.record_timer(now, fx);
        self.at = Cursor {
            round,
            session,
            step,
            item: 0,
        };
        self.selected = 0;
        self.column = 0;
        self.matrix = false;
        self.timer = self.step_timer();
        self.forlop.position = crate::worksheet::Position {
            round,
            session: self.session().id.clone(),
            step,
            item: 0,
        };
        fx.push(Effect::SaveForlop);
        self.auto_import(now, fx);
    }

    fn step_timer(&self) -> Timer {
        let step = self.step();
        let used = self
            .sheet()
            .and_then(|s| s.timers.get(&step.id))
            .copied()
            .unwrap_or(0);
        Timer::new(u64::from(step.minutes) * 60, used)
    }

    /// Stores the step's used time in the worksheet if it changed.
    fn record_timer(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let used = self.timer.used_s(now.mono_ms);
        let step_id = self.step().id.clone();
        let stored = self
            .sheet()
            .and_then(|s| s.timers.get(&step_id))
            .copied()
            .unwrap_or(0);
        if used == stored || self.read_only.contains(&self.key()) {
            return;
        }
        self.sheet_mut(now).timers.insert(step_id, used);
        fx.push(Effect::SaveSheet(self.key()));
    }

    /// Marks the session as started, creating its worksheet if needed.
    fn touch(&mut self, now: Now, fx: &mut Vec<Effect>) {
        if self.read_only.contains(&self.key()) {
            return;
        }
        let before = self.sheet().map(|s| s.status);
        self.sheet_mut(now);
        if before != Some(SessionStatus::InProgress) && before != Some(SessionStatus::Done) {
            fx.push(Effect::SaveSheet(self.key()));
        }
    }

    /// The current worksheet, created and marked in progress on first use.
    fn sheet_mut(&mut self, now: Now) -> &mut Worksheet {
        let key = self.key();
        let sheet = self
            .sheets
            .entry(key.clone())
            .or_insert_with(|| Worksheet::new(&key));
        if sheet.status == SessionStatus::NotStarted {
            sheet.status = SessionStatus::InProgress;
            sheet.started = Some(now.wall);
        }
        sheet
    }

    /// A step that starts from an earlier list pulls it in the first time it is entered; a
    /// risk grid starts with its example rows and themes.
    fn auto_import(&mut self, now: Now, fx: &mut Vec<Effect>) {
        if let Activity::RiskGrid {
            grid, themes_from, ..
        } = &self.step().activity
            && !self.forlop.grids.contains_key(grid)
        {
            let (grid, themes_from) = (grid.clone(), themes_from.clone());
            if self.seed_grid(&grid, themes_from.as_deref(), false) {
                fx.push(Effect::SaveForlop);
            }
            return;
        }
        if let Activity::Collect {
            list,
            from: Some(_),
        } = &self.step().activity
        {
            let exists = self.sheet().is_some_and(|s| s.lists.contains_key(list));
            if !exists {
                self.activity_cmd(Cmd::Import, now, fx);
            }
        }
    }
}

pub(crate) fn read_only_notice() -> String {
    "Arbeidsarket for denne økta kunne ikke leses og blir ikke skrevet over. Se meldingen på startsiden."
        .into()
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
