//! Every number read from a file is checked when the file is loaded, so no loop or sum in the
//! program runs longer or grows bigger than the data present justifies: a tampered
//! `round: 4294967295` is refused with a message, not looped over.

use super::{Forlop, Worksheet};
use crate::t;

/// The highest round Stafett accepts: a circle run every month for 80 years.
pub const MAX_ROUND: u32 = 999;
/// Ids stay far below where adding one could overflow.
pub const MAX_ID: u64 = 1 << 53;
pub const MAX_VOTES: u32 = 100_000;
pub const MAX_COUNT: u32 = 1_000_000;
pub const MAX_RATING: u8 = 9;
/// A risk level; a script's scales have 3 to 5.
pub const MAX_LEVEL: u8 = 9;
/// Time used on one step: ten years, in seconds.
pub const MAX_TIMER_S: u64 = 315_360_000;

/// What a file holds that is out of bounds, named so a person can find it.
pub trait Bounded {
    fn check_bounds(&self) -> Result<(), OutOfBounds>;
}

/// A number in a file that Stafett does not accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutOfBounds {
    /// A field's value outside what is accepted.
    Range {
        field: &'static str,
        value: String,
        low: String,
        high: String,
    },
    /// Written by a newer Stafett.
    NewerFormat { format: u32, known: u32 },
}

impl std::fmt::Display for OutOfBounds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            OutOfBounds::Range {
                field,
                value,
                low,
                high,
            } => t!(
                "bounds.out_of_range",
                field = field,
                value = value,
                low = low,
                high = high
            ),
            OutOfBounds::NewerFormat { format, known } => {
                t!("bounds.newer_format", format = format, known = known)
            }
        })
    }
}

pub(super) fn within<T: PartialOrd + std::fmt::Display + Copy>(
    field: &'static str,
    value: T,
    low: T,
    high: T,
) -> Result<(), OutOfBounds> {
    if value < low || value > high {
        return Err(OutOfBounds::Range {
            field,
            value: value.to_string(),
            low: low.to_string(),
            high: high.to_string(),
        });
    }
    Ok(())
}

/// A file from a newer Stafett that happened to parse is still refused: it may hold what this
/// one would drop on the next save.
pub(super) fn known_format(format: u32) -> Result<(), OutOfBounds> {
    if format > super::FORMAT {
        return Err(OutOfBounds::NewerFormat {
            format,
            known: super::FORMAT,
        });
    }
    Ok(())
}

impl Bounded for Forlop {
    fn check_bounds(&self) -> Result<(), OutOfBounds> {
        known_format(self.format)?;
        within("round", self.round, 1, MAX_ROUND)?;
        within("position.round", self.position.round, 1, self.round)?;
        within("next_id", self.next_id, 0, MAX_ID)?;
        for m in &self.plan {
            within("plan.id", m.id.0, 0, MAX_ID)?;
        }
        for row in self.grids.values().flatten() {
            within("grids.id", row.id.0, 0, MAX_ID)?;
            for level in [
                row.sannsynlighet,
                row.konsekvens,
                row.rest_sannsynlighet,
                row.rest_konsekvens,
            ]
            .into_iter()
            .flatten()
            {
                within(t!("worksheet.bounds.niva"), level, 1, MAX_LEVEL)?;
            }
        }
        Ok(())
    }
}

impl Bounded for Worksheet {
    fn check_bounds(&self) -> Result<(), OutOfBounds> {
        known_format(self.format)?;
        within("round", self.round, 1, MAX_ROUND)?;
        within("next_id", self.next_id, 0, MAX_ID)?;
        for item in self.lists.values().flatten() {
            within("id", item.id.0, 0, MAX_ID)?;
            within("votes", item.votes, 0, MAX_VOTES)?;
            if let Some(r) = item.rating {
                within("rating", r, 1, MAX_RATING)?;
            }
        }
        for check in self.checks.values().flatten() {
            within("count", check.count, 0, MAX_COUNT)?;
        }
        for &secs in self.timers.values() {
            within("timers", secs, 0, MAX_TIMER_S)?;
        }
        Ok(())
    }
}
