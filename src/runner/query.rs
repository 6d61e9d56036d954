//! What the runner can tell about where it is and what the worksheets hold: read only.

use super::{EMPTY, Runner};
use crate::script::{Phase, SessionAt, SessionDef, Step};
use crate::worksheet::{Item, SessionStatus, SheetKey, Worksheet};

impl Runner {
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

    pub(super) fn instance_index(&self) -> usize {
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

    /// The session instance after the current one: the next meeting.
    pub fn next_instance(&self) -> Option<(u32, SessionAt)> {
        let here = self.instance_index();
        self.instances().get(here + 1).copied()
    }

    /// The later sessions whose stafettpinne shows this one's work: those that name it in
    /// `baton_from` (up to the next run of this session, which takes over), and the next one
    /// when it names none.
    pub fn handed_to(&self) -> Vec<(u32, SessionAt)> {
        let here = self.instance_index();
        let id = &self.session().id;
        let mut to = Vec::new();
        for (i, (round, at)) in self.instances().into_iter().enumerate().skip(here + 1) {
            let def = self.script.session(at);
            if def.id == *id {
                break;
            }
            let from = &def.baton_from;
            if from.contains(id) || (from.is_empty() && i == here + 1) {
                to.push((round, at));
            }
        }
        to
    }

    /// Minutes used in the current session (every step's timer, the running one to now) and
    /// minutes planned for it (the sum of its steps; in the short version, without the
    /// optional ones).
    pub fn session_minutes(&self, now_ms: u64) -> (u64, u32) {
        let current = &self.step().id;
        let recorded: u64 = self.sheet().map_or(0, |sheet| {
            self.session()
                .steps
                .iter()
                .filter(|s| s.id != *current)
                .filter_map(|s| sheet.timers.get(&s.id))
                .sum()
        });
        let used_s = recorded + self.timer.used_s(now_ms);
        let def = self.session();
        let short = self.sheet().is_some_and(|s| s.short);
        let planned = if short {
            def.short_minutes()
        } else {
            def.planned_minutes()
        };
        (used_s / 60, planned)
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

    /// Where the current session's stafettpinne comes from, in the script's order: for each
    /// session it names (`baton_from`), its latest run before this one; without names, the
    /// session just before. Each with its worksheet, if it has one. Empty at the very start.
    pub fn baton(&self) -> Vec<(SheetKey, Option<&Worksheet>)> {
        let from = &self.session().baton_from;
        if from.is_empty() {
            return self.previous_sheet().into_iter().collect();
        }
        let here = self.instance_index();
        let earlier = &self.instances()[..here];
        from.iter()
            .filter_map(|id| {
                let &(round, _) = earlier
                    .iter()
                    .rev()
                    .find(|(_, at)| self.script.session(*at).id == *id)?;
                let key = SheetKey::new(round, id);
                let sheet = self.sheets.get(&key);
                Some((key, sheet))
            })
            .collect()
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
        super::activity::run(&activity).order(&mut items);
        items
    }

    /// How many rows the current step lets the facilitator select among.
    pub fn row_count(&self) -> usize {
        super::activity::run(&self.activity()).rows(self)
    }

    /// Whether an item of `list` has been chosen into `into` in the current worksheet.
    pub fn is_chosen(&self, into: &str, id: crate::worksheet::ItemId) -> bool {
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
}
