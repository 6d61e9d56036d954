//! Stafettpinne: what earlier sessions handed on, only read.

use super::super::Runner;
use super::Run;
use crate::script::activity::Stafettpinne;

impl Run for Stafettpinne {
    /// The hand-off view scrolls line by line; the view clamps to its real length.
    fn rows(&self, _r: &Runner) -> usize {
        200
    }
}
