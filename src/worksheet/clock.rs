//! The step timer as the projector should show it: which step it belongs to, how much of it
//! was used at a moment of wall time, and whether it was running then. The facilitator's
//! Stafett writes it (`klokke.ron`, not part of the hand-off) when the timer starts, stops,
//! changes or the step changes; `stafett follow` reads it to count along. A copy for showing
//! only: a missing or unreadable one just shows the saved time.

use super::bounds::{Bounded, OutOfBounds, within};
use super::store::{ForlopDir, load_ron, to_ron};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

const CLOCK_FILE: &str = "klokke.ron";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedClock {
    pub round: u32,
    pub session: String,
    pub step: String,
    pub planned_s: u64,
    /// Time used at `at`.
    pub used_ms: u64,
    pub at: NaiveDateTime,
    pub running: bool,
}

impl SharedClock {
    /// The time used at `now` (wall time): counting on from `at` while running.
    pub fn used_ms_at(&self, now: NaiveDateTime) -> u64 {
        let since = if self.running {
            (now - self.at).num_milliseconds().max(0) as u64
        } else {
            0
        };
        self.used_ms.saturating_add(since)
    }
}

impl Bounded for SharedClock {
    fn check_bounds(&self) -> Result<(), OutOfBounds> {
        // A day is far more than any step; anything beyond is not a clock of ours.
        const DAY_S: u64 = 24 * 3600;
        within("planned_s", self.planned_s, 0, DAY_S)?;
        within("used_ms", self.used_ms, 0, DAY_S * 1000)?;
        within("round", u64::from(self.round), 1, 10_000)?;
        within("step", self.step.len() as u64, 0, 200)?;
        within("session", self.session.len() as u64, 0, 200)
    }
}

impl ForlopDir {
    /// Writes the shared clock, replacing the last one.
    pub fn save_clock(&self, clock: &SharedClock) -> std::io::Result<()> {
        super::files::write_copy(&self.path.join(CLOCK_FILE), to_ron(clock).as_bytes())
    }

    /// The shared clock, if there is one that reads.
    pub fn load_clock(&self) -> Option<SharedClock> {
        load_ron(&self.path.join(CLOCK_FILE)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(running: bool) -> SharedClock {
        SharedClock {
            round: 1,
            session: "s".into(),
            step: "t".into(),
            planned_s: 300,
            used_ms: 10_000,
            at: chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(8, 0, 0)
                .unwrap(),
            running,
        }
    }

    #[test]
    fn a_running_clock_counts_on_from_when_it_was_shared_and_a_paused_one_stands() {
        let later = clock(true).at + chrono::Duration::seconds(5);
        assert_eq!(clock(true).used_ms_at(later), 15_000);
        assert_eq!(clock(false).used_ms_at(later), 10_000);
        // A clock from the future (another machine's time) never counts backwards.
        let earlier = clock(true).at - chrono::Duration::seconds(5);
        assert_eq!(clock(true).used_ms_at(earlier), 10_000);
    }

    #[test]
    fn a_clock_file_is_read_back_and_a_tampered_one_is_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = ForlopDir {
            path: tmp.path().to_path_buf(),
        };
        assert_eq!(dir.load_clock(), None);
        dir.save_clock(&clock(true)).unwrap();
        assert_eq!(dir.load_clock(), Some(clock(true)));
        let huge = SharedClock {
            used_ms: u64::MAX,
            ..clock(true)
        };
        dir.save_clock(&huge).unwrap();
        assert_eq!(
            dir.load_clock(),
            None,
            "a count out of bounds is not a clock of ours"
        );
    }
}
