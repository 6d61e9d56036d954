//! Saving off the key path. A change the runner asks to save is only noted; at most every
//! [`SAVE_AFTER_MS`] the noted files are copied (the forløp, a worksheet) and handed to one
//! writer thread, which writes them in the order given and reports back. So a key that changes
//! the worksheet costs no more than one that does not, and a change is on disk at most
//! [`WINDOW_MS`] after it was made.
//!
//! Quitting, a signal and a closed terminal call [`Saver::sync`], which hands over what is
//! noted and waits until the writer has written it; what failed is kept to retry, as before.

use crate::runner::Effect;
use crate::worksheet::overview::Overview;
use crate::worksheet::store::ForlopDir;
use crate::worksheet::{Forlop, SheetKey, Worksheet};
use std::io;
use std::sync::mpsc::{self, Receiver, Sender};

/// How long a change waits for others to join it before the files are copied and handed over.
pub const SAVE_AFTER_MS: u64 = 200;

/// The longest a committed change can wait before it is on disk: handed over after
/// [`SAVE_AFTER_MS`], noticed by the event loop within one of its 250 ms ticks, and written by
/// the thread well inside the rest. Stated in the README and tested with a SIGKILL.
pub const WINDOW_MS: u64 = 1_000;

/// A copy of what one effect writes, taken on the main thread.
pub enum Snapshot {
    Forlop(Box<Forlop>),
    Sheet(Box<Worksheet>),
    /// The readable hand-off copy of a finished session.
    Markdown(SheetKey, String),
}

enum Job {
    Write(Effect, Snapshot),
    /// The forløp at a glance, for the home screen. A copy: not tracked, and on failure
    /// removed, so that a stale one is never shown.
    Overview(Box<Overview>),
    /// The timer for a follower: a copy for showing, not tracked.
    Clock(Box<crate::worksheet::clock::SharedClock>),
    /// Answered when every job before it is done.
    Barrier(Sender<()>),
}

pub struct Saver {
    /// Effects noted and not yet handed over, each once.
    pending: Vec<Effect>,
    /// When the oldest of them was noted (monotonic ms).
    since: Option<u64>,
    /// Handed over, not yet reported back.
    in_flight: Vec<Effect>,
    /// Written and failed (a full disk): kept to try again; the data stays in memory.
    failed: Vec<Effect>,
    /// The last failure, said on screen until a write works again.
    pub error: Option<String>,
    jobs: Sender<Job>,
    done: Receiver<(Effect, io::Result<()>)>,
    /// Whether jobs were handed over since the writer last answered a barrier: when not,
    /// waiting for it has nothing to wait for (each wait wakes two threads).
    unanswered: bool,
}

impl Saver {
    /// Starts the writer thread for a forløp's folder.
    pub fn new(dir: ForlopDir) -> Saver {
        let (jobs, queue) = mpsc::channel::<Job>();
        let (report, done) = mpsc::channel();
        std::thread::Builder::new()
            .name("stafett-writer".into())
            .spawn(move || write_jobs(&dir, &queue, &report))
            .expect("a thread can be started");
        Saver {
            pending: Vec::new(),
            since: None,
            in_flight: Vec::new(),
            failed: Vec::new(),
            error: None,
            jobs,
            done,
            unanswered: false,
        }
    }

    /// Notes a change to save.
    pub fn note(&mut self, effect: Effect, now_ms: u64) {
        if !self.pending.contains(&effect) {
            self.pending.push(effect);
        }
        self.since.get_or_insert(now_ms);
    }

    /// Whether the noted changes have waited long enough to be handed over.
    pub fn due(&self, now_ms: u64) -> bool {
        self.since
            .is_some_and(|t| now_ms.saturating_sub(t) >= SAVE_AFTER_MS)
    }

    /// Whether a write failed and waits to be tried again.
    pub fn has_failed(&self) -> bool {
        !self.failed.is_empty()
    }

    /// Whether anything is noted and waiting.
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Takes the noted effects (and the failed ones, to try again) for copying.
    pub fn take(&mut self) -> Vec<Effect> {
        self.since = None;
        let mut all = std::mem::take(&mut self.failed);
        for e in std::mem::take(&mut self.pending) {
            if !all.contains(&e) {
                all.push(e);
            }
        }
        all
    }

    /// Hands one copy to the writer.
    pub fn hand_over(&mut self, effect: Effect, snapshot: Snapshot) {
        self.in_flight.push(effect.clone());
        self.unanswered = true;
        // The thread lives as long as the saver; if it died, the effect stays in flight and
        // counts as not saved.
        let _ = self.jobs.send(Job::Write(effect, snapshot));
    }

    /// Hands the writer a new overview of the forløp, after the saves handed over before it.
    pub fn overview(&mut self, overview: Overview) {
        self.unanswered = true;
        let _ = self.jobs.send(Job::Overview(Box::new(overview)));
    }

    /// Hands the writer the timer as a follower should show it.
    pub fn clock(&mut self, clock: crate::worksheet::clock::SharedClock) {
        self.unanswered = true;
        let _ = self.jobs.send(Job::Clock(Box::new(clock)));
    }

    /// Takes in what the writer has reported. The error text is made by `describe`.
    pub fn collect(&mut self, describe: impl Fn(&io::Error) -> String) {
        while let Ok((effect, result)) = self.done.try_recv() {
            if let Some(i) = self.in_flight.iter().position(|e| *e == effect) {
                self.in_flight.remove(i);
            }
            match result {
                Ok(()) => {
                    self.failed.retain(|e| *e != effect);
                    if self.failed.is_empty() {
                        self.error = None;
                    }
                }
                Err(e) => {
                    self.error = Some(describe(&e));
                    if !self.failed.contains(&effect) {
                        self.failed.push(effect);
                    }
                }
            }
        }
    }

    /// Waits until the writer has done everything handed over so far.
    pub fn wait(&mut self, describe: impl Fn(&io::Error) -> String) {
        if self.unanswered {
            let (tx, rx) = mpsc::channel();
            if self.jobs.send(Job::Barrier(tx)).is_ok() && rx.recv().is_ok() {
                self.unanswered = false;
            }
        }
        self.collect(describe);
    }

    /// Whether every change is on disk (as far as reported).
    pub fn all_saved(&self) -> bool {
        self.pending.is_empty() && self.in_flight.is_empty() && self.failed.is_empty()
    }

    /// The effects not known to be on disk, each once.
    pub fn unsaved(&self) -> Vec<&Effect> {
        let mut all: Vec<&Effect> = Vec::new();
        for e in self
            .failed
            .iter()
            .chain(&self.in_flight)
            .chain(&self.pending)
        {
            if !all.contains(&e) {
                all.push(e);
            }
        }
        all
    }
}

/// The writer thread: one job after another, in the order handed over.
fn write_jobs(dir: &ForlopDir, queue: &Receiver<Job>, report: &Sender<(Effect, io::Result<()>)>) {
    for job in queue {
        match job {
            Job::Write(effect, snapshot) => {
                let result = match &snapshot {
                    Snapshot::Forlop(f) => dir.save_forlop(f),
                    Snapshot::Sheet(s) => dir.save_sheet(s),
                    Snapshot::Markdown(key, text) => dir.write_markdown(key, text),
                };
                if report.send((effect, result)).is_err() {
                    return;
                }
            }
            Job::Overview(overview) => {
                if dir.save_overview(&overview).is_err() {
                    let _ = std::fs::remove_file(dir.overview_path());
                }
            }
            Job::Clock(clock) => {
                let _ = dir.save_clock(&clock);
            }
            Job::Barrier(answer) => {
                let _ = answer.send(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn saver() -> Saver {
        Saver::new(ForlopDir {
            path: PathBuf::from("/nonexistent/stafett-test"),
        })
    }

    #[test]
    fn a_save_is_due_counted_from_the_first_change_not_the_last() {
        let mut s = saver();
        assert!(!s.due(10_000), "nothing noted, nothing due");
        s.note(Effect::SaveForlop, 1_000);
        s.note(Effect::SaveForlop, 1_150);
        assert!(!s.due(1_000 + SAVE_AFTER_MS - 1));
        assert!(
            s.due(1_000 + SAVE_AFTER_MS),
            "later changes never push it back"
        );
        assert_eq!(s.take(), [Effect::SaveForlop], "noted twice, written once");
        assert!(!s.due(1_000_000), "taken: nothing waits");
    }

    #[test]
    fn waiting_asks_the_writer_only_when_something_was_handed_over() {
        let mut s = saver();
        // The writer replaced by a queue the test reads.
        let (jobs, queue) = mpsc::channel();
        s.jobs = jobs;
        s.wait(|e| e.to_string());
        assert!(
            queue.try_recv().is_err(),
            "nothing handed over: nothing asked"
        );
        // The projector's clock counts as handed over: a quit waits for it to be written.
        s.clock(crate::worksheet::clock::SharedClock {
            round: 1,
            session: "s".into(),
            step: "x".into(),
            planned_s: 60,
            used_ms: 0,
            at: chrono::NaiveDateTime::default(),
            running: false,
        });
        assert!(matches!(queue.try_recv(), Ok(Job::Clock(_))));
        // A writer that answers: the wait asks once, then not again.
        let writer = std::thread::spawn(move || {
            let mut barriers = 0;
            for job in queue {
                if let Job::Barrier(answer) = job {
                    barriers += 1;
                    let _ = answer.send(());
                }
            }
            barriers
        });
        s.wait(|e| e.to_string());
        s.wait(|e| e.to_string());
        drop(s);
        assert_eq!(writer.join().unwrap(), 1, "one ask for one hand-over");
    }

    #[test]
    fn a_failed_write_is_kept_named_and_tried_again() {
        let mut s = saver();
        s.note(Effect::SaveForlop, 0);
        for effect in s.take() {
            s.hand_over(
                effect,
                Snapshot::Markdown(SheetKey::new(1, "x"), String::new()),
            );
        }
        s.wait(|e| e.to_string());
        assert!(s.has_failed() && s.error.is_some() && !s.all_saved());
        assert_eq!(s.unsaved(), [&Effect::SaveForlop]);
        assert_eq!(s.take(), [Effect::SaveForlop], "handed over again");
    }
}
