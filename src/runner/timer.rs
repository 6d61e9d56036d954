//! The step timer: pure arithmetic on an injected monotonic clock (milliseconds).

/// Counts the time used on one step against its planned minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    /// Planned time in seconds, including time added during the session.
    pub planned_s: u64,
    /// Time used before the current run, in milliseconds.
    used_ms: u64,
    /// When the current run started, if running.
    since_ms: Option<u64>,
    /// Whether the bell has rung for this overrun.
    rang: bool,
}

impl Timer {
    /// A paused timer that has already used `used_s` seconds.
    pub fn new(planned_s: u64, used_s: u64) -> Timer {
        Timer {
            planned_s,
            used_ms: used_s * 1000,
            since_ms: None,
            rang: used_s >= planned_s,
        }
    }

    /// A timer as another process shares it: `used_ms` so far, running from `now_ms` on if it
    /// runs there.
    pub fn shared(planned_s: u64, used_ms: u64, running: bool, now_ms: u64) -> Timer {
        Timer {
            planned_s,
            used_ms,
            since_ms: running.then_some(now_ms),
            rang: used_ms / 1000 >= planned_s,
        }
    }

    pub fn running(&self) -> bool {
        self.since_ms.is_some()
    }

    pub fn used_ms(&self, now_ms: u64) -> u64 {
        self.used_ms + self.since_ms.map_or(0, |s| now_ms.saturating_sub(s))
    }

    pub fn used_s(&self, now_ms: u64) -> u64 {
        self.used_ms(now_ms) / 1000
    }

    /// Seconds left (positive) or over time (negative).
    pub fn left_s(&self, now_ms: u64) -> i64 {
        self.planned_s as i64 - self.used_s(now_ms) as i64
    }

    pub fn over(&self, now_ms: u64) -> bool {
        self.left_s(now_ms) < 0
    }

    pub fn toggle(&mut self, now_ms: u64) {
        match self.since_ms.take() {
            Some(s) => self.used_ms += now_ms.saturating_sub(s),
            None => self.since_ms = Some(now_ms),
        }
    }

    pub fn pause(&mut self, now_ms: u64) {
        if self.running() {
            self.toggle(now_ms);
        }
    }

    /// Adds (or with a negative number removes) planned seconds; never below one minute.
    pub fn adjust(&mut self, delta_s: i64, now_ms: u64) {
        self.planned_s = (self.planned_s as i64 + delta_s).max(60) as u64;
        self.rang = self.used_s(now_ms) >= self.planned_s;
    }

    pub fn reset(&mut self) {
        self.used_ms = 0;
        self.since_ms = None;
        self.rang = false;
    }

    /// Called on every tick: true exactly once when a running timer reaches its planned time.
    pub fn tick(&mut self, now_ms: u64) -> bool {
        if self.running() && !self.rang && self.used_s(now_ms) >= self.planned_s {
            self.rang = true;
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_while_running() {
        let mut t = Timer::new(60, 0);
        t.toggle(1_000);
        assert_eq!(t.used_s(31_000), 30);
        t.toggle(31_000);
        assert_eq!(t.used_s(100_000), 30);
        t.toggle(200_000);
        assert_eq!(t.used_s(210_000), 40);
        assert_eq!(t.left_s(210_000), 20);
    }

    #[test]
    fn rings_once_when_time_is_up_and_shows_overtime() {
        let mut t = Timer::new(60, 0);
        t.toggle(0);
        assert!(!t.tick(59_999));
        assert!(t.tick(60_000));
        assert!(!t.tick(61_000));
        assert!(t.over(61_000));
        assert_eq!(t.left_s(90_000), -30);
    }

    #[test]
    fn adding_time_after_the_bell_lets_it_ring_again() {
        let mut t = Timer::new(60, 0);
        t.toggle(0);
        assert!(t.tick(60_000));
        t.adjust(60, 61_000);
        assert!(!t.over(61_000));
        assert!(!t.tick(100_000));
        assert!(t.tick(120_000));
    }

    #[test]
    fn planned_time_never_goes_below_a_minute() {
        let mut t = Timer::new(120, 0);
        t.adjust(-600, 0);
        assert_eq!(t.planned_s, 60);
    }

    #[test]
    fn a_restored_timer_that_was_over_does_not_ring_again() {
        let mut t = Timer::new(60, 90);
        t.toggle(0);
        assert!(!t.tick(1_000));
    }
}
