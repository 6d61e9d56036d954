//! Where the clickable rows went in the frame being drawn. Drawing only reads the app; it
//! notes each row it draws here, and the terminal driver takes the notes after the frame and
//! gives them to the app, so a click can select the row under it. An overlay drawn on top
//! replaces what lies under it: only the topmost layer's rows can be clicked.

use crate::app::RowHit;
use std::cell::RefCell;

thread_local! {
    static ROWS: RefCell<Vec<RowHit>> = const { RefCell::new(Vec::new()) };
}

/// Notes a row drawn in this frame.
pub(super) fn note(hit: RowHit) {
    ROWS.with_borrow_mut(|rows| rows.push(hit));
}

/// Forgets the rows noted so far (a new frame, or an overlay over them).
pub(super) fn forget() {
    ROWS.with_borrow_mut(Vec::clear);
}

/// The rows of the frame just drawn.
pub fn take() -> Vec<RowHit> {
    ROWS.with_borrow_mut(std::mem::take)
}
