//! Moving through the forløp: steps, sessions, finishing a session, a new round; and what moving
//! brings along (the step's timer, worksheets started, lists pulled in).

use super::{Cmd, Cursor, Effect, Now, Runner, Timer};
use crate::script::SessionAt;
use crate::t;
use crate::worksheet::{SessionStatus, SheetKey, Worksheet};

impl Runner {
    pub(super) fn next_step(&mut self, now: Now, fx: &mut Vec<Effect>) {
        if self.step_item(true, fx) {
        } else if let Some(next) = self.step_along(true) {
            self.move_to(self.at.round, self.at.session, next, now, fx);
        } else {
            self.notice = Some(crate::t!("runner.last_step").into());
        }
    }

    /// The next (or previous) step to go to; the short version skips optional steps.
    fn step_along(&self, forward: bool) -> Option<usize> {
        let short = self.sheet().is_some_and(|s| s.short);
        let steps = &self.session().steps;
        let taken = |i: &usize| !(short && steps[*i].optional);
        if forward {
            (self.at.step + 1..steps.len()).find(taken)
        } else {
            (0..self.at.step).rev().find(taken)
        }
    }

    /// Writes a field of the session record. Allowed on a finished session too (a record is
    /// written afterwards); its hand-off copy is then rewritten.
    pub(super) fn set_record(
        &mut self,
        key: SheetKey,
        (field, text): (String, String),
        now: Now,
        fx: &mut Vec<Effect>,
    ) {
        if self.read_only.contains(&key) {
            self.notice = Some(super::read_only_notice());
            return;
        }
        let sheet = if key == self.key() {
            self.sheet_mut(now)
        } else {
            match self.sheets.get_mut(&key) {
                Some(sheet) => sheet,
                None => return,
            }
        };
        let text = text.trim().to_string();
        let changed = if text.is_empty() {
            sheet.record.remove(&field).is_some()
        } else {
            sheet.record.insert(field, text.clone()) != Some(text)
        };
        if !changed {
            return;
        }
        if sheet.status == SessionStatus::Done || sheet.reopened.is_some() {
            fx.push(Effect::HandOver(key.clone()));
        }
        fx.push(Effect::SaveSheet(key));
    }

    /// Switches the session between its short version and the whole, if it has one.
    pub(super) fn toggle_short(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let def = self.session();
        if !def.has_short_version() {
            self.notice = Some(t!("runner.no_short_version").into());
            return;
        }
        let (short_min, full_min) = (def.short_minutes(), def.planned_minutes());
        if let Some(why) = self.locked() {
            self.notice = Some(why);
            return;
        }
        let sheet = self.sheet_mut(now);
        sheet.short = !sheet.short;
        self.notice = Some(if sheet.short {
            t!("runner.short_on", minutes = short_min)
        } else {
            t!("runner.short_off", minutes = full_min)
        });
        self.changed(fx);
    }

    pub(super) fn prev_step(&mut self, now: Now, fx: &mut Vec<Effect>) {
        if self.step_item(false, fx) {
        } else if let Some(prev) = self.step_along(false) {
            self.move_to(self.at.round, self.at.session, prev, now, fx);
            // Coming back into a for-each step lands on its last item.
            let last = self.item_count().saturating_sub(1);
            self.at.item = last;
            self.forlop.position.item = last;
        } else {
            self.notice = Some(crate::t!("runner.first_step").into());
        }
    }

    pub(super) fn prev_session(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let here = self.instance_index();
        if here == 0 {
            self.notice = Some(crate::t!("runner.first_session").into());
        } else {
            let (round, at) = self.instances()[here - 1];
            self.move_to(round, at, 0, now, fx);
        }
    }

    pub(super) fn go_to(&mut self, round: u32, session: &str, now: Now, fx: &mut Vec<Effect>) {
        let found = self
            .instances()
            .into_iter()
            .find(|&(r, at)| r == round && self.script.session(at).id == session);
        match found {
            Some((r, at)) => self.move_to(r, at, 0, now, fx),
            None => {
                self.notice = Some(crate::t!(
                    "runner.no_session",
                    session = session,
                    round = round
                ))
            }
        }
    }

    pub(super) fn timer_cmd(&mut self, cmd: Cmd, now: Now, fx: &mut Vec<Effect>) {
        match cmd {
            Cmd::TimerToggle => {
                self.timer.toggle(now.mono_ms);
                if self.timer.running() {
                    self.touch(now, fx);
                } else {
                    self.record_timer(now, fx);
                }
            }
            Cmd::TimerAdjust(delta) => self.timer.adjust(delta, now.mono_ms),
            Cmd::TimerReset => {
                self.timer.reset();
                self.record_timer(now, fx);
            }
            Cmd::Tick if self.timer.tick(now.mono_ms) => fx.push(Effect::Bell),
            _ => {}
        }
        if cmd != Cmd::Tick {
            self.share_clock(now, fx);
        }
    }

    /// Notes the timer as a follower should show it from now on.
    /// A stopped clock shared again unchanged is not written again.
    pub(super) fn share_clock(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let clock = crate::worksheet::clock::SharedClock {
            round: self.at.round,
            session: self.session().id.clone(),
            step: self.step().id.clone(),
            planned_s: self.timer.planned_s,
            used_ms: self.timer.used_ms(now.mono_ms),
            at: now.wall,
            running: self.timer.running(),
        };
        let unchanged = self.clock.as_ref().is_some_and(|old| {
            !old.running
                && *old
                    == crate::worksheet::clock::SharedClock {
                        at: old.at,
                        ..clock.clone()
                    }
        });
        if !unchanged {
            self.clock = Some(clock);
            fx.push(Effect::ShareClock);
        }
    }

    pub(super) fn next_session(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let here = self.instance_index();
        let instances = self.instances();
        if let Some(&(round, at)) = instances.get(here + 1) {
            self.move_to(round, at, 0, now, fx);
        } else if self.script.cycle.is_some() {
            self.notice = Some(t!("runner.navigate.runden_er_ferdig_apne_oversikten").into());
        } else {
            self.notice = Some(t!("runner.navigate.dette_er_siste_okt_i").into());
        }
    }

    /// Finishes the session and moves on to the next; a session opened again and finished
    /// once more stays where it is (it was visited on purpose, perhaps rounds back).
    pub(super) fn finish(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let key = self.key();
        if let Some(why) = self.locked() {
            self.notice = Some(why);
            return;
        }
        self.timer.pause(now.mono_ms);
        self.record_timer(now, fx);
        let sheet = self.sheet_mut(now);
        sheet.status = SessionStatus::Done;
        sheet.finished = Some(now.wall);
        let again = sheet.reopened.is_some();
        fx.push(Effect::SaveSheet(key.clone()));
        fx.push(Effect::HandOver(key));
        let title = self.session().title.clone();
        let phase = self.phase().title.clone();
        if again {
            self.notice = Some(t!("runner.finished_again", phase = phase, title = title));
            return;
        }
        self.next_session(now, fx);
        self.notice = Some(match &self.notice {
            Some(n) => t!(
                "runner.navigate.phase_title_er_ferdig_og",
                phase = phase,
                title = title,
                n = n
            ),
            None => t!(
                "runner.navigate.phase_title_er_ferdig_og_2",
                phase = phase,
                title = title
            ),
        });
        fx.push(Effect::SaveForlop);
    }

    /// Opens a finished session again for changes; the time is kept and shown in the export.
    pub(super) fn reopen(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let key = self.key();
        let Some(sheet) = self.sheets.get_mut(&key) else {
            return;
        };
        if sheet.status != SessionStatus::Done || self.read_only.contains(&key) {
            return;
        }
        sheet.status = SessionStatus::InProgress;
        sheet.reopened = Some(now.wall);
        fx.push(Effect::SaveSheet(key.clone()));
        fx.push(Effect::HandOver(key));
        self.notice = Some(t!("runner.reopened").into());
    }

    pub(super) fn start_next_round(&mut self, now: Now, fx: &mut Vec<Effect>) {
        if self.script.cycle.is_none() {
            self.notice = Some(t!("runner.navigate.denne_prosessen_gar_ikke_i").into());
            return;
        }
        self.forlop.round += 1;
        let round = self.forlop.round;
        let first = self.script.round_sessions(round)[0];
        self.move_to(round, first, 0, now, fx);
        fx.push(Effect::SaveForlop);
        self.notice = Some(t!("runner.navigate.runde_round_er_startet", round = round));
    }

    /// Leaves the current step (recording its timer) and enters another.
    pub(super) fn move_to(
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
        self.timer = self.step_timer();
        self.share_clock(now, fx);
        self.forlop.position = crate::worksheet::Position {
            round,
            session: self.session().id.clone(),
            step,
            item: 0,
        };
        fx.push(Effect::SaveForlop);
        self.auto_import(now, fx);
    }

    pub(super) fn step_timer(&self) -> Timer {
        let step = self.step();
        let used = self
            .sheet()
            .and_then(|s| s.timers.get(&step.id))
            .copied()
            .unwrap_or(0);
        Timer::new(u64::from(step.minutes) * 60, used)
    }

    /// Stores the step's used time in the worksheet if it changed.
    pub(super) fn record_timer(&mut self, now: Now, fx: &mut Vec<Effect>) {
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
    pub(super) fn touch(&mut self, now: Now, fx: &mut Vec<Effect>) {
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
    pub(super) fn sheet_mut(&mut self, now: Now) -> &mut Worksheet {
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
    pub(super) fn auto_import(&mut self, now: Now, fx: &mut Vec<Effect>) {
        let activity = self.step().activity.clone();
        super::activity::run(&activity).enter(self, now, fx);
    }
}
