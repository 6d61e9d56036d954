//! Closing: only read; the view scrolls line by line.

use super::super::Runner;
use super::Run;
use crate::script::activity::Closing;

impl Run for Closing {
    /// The view clamps the scroll to its real length.
    fn rows(&self, _r: &Runner) -> usize {
        200
    }

    fn writes_sheet(&self) -> bool {
        false
    }
}
