//! Saving off the key path: whatever keys come and however the clock moves, the writer thread
//! writes every change in the order made and drops none, so after a sync the files on disk are
//! exactly what is in memory.

use crate::common::at;
use crate::common::harness::Harness;
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;
use stafett::app::{SAVE_AFTER_MS, Screen};
use stafett::worksheet::store::to_ron;

#[derive(Clone, Debug)]
enum Op {
    /// Tick or untick the selected line (changes the worksheet).
    Toggle,
    Down,
    Up,
    /// Next or previous step (changes the forløp's position).
    Next,
    Prev,
    /// Time passes with no key; saves that are due are handed over.
    Wait(u64),
    /// Everything noted is handed over and waited for; disk must equal memory.
    Sync,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Toggle),
        2 => Just(Op::Down),
        1 => Just(Op::Up),
        1 => Just(Op::Next),
        1 => Just(Op::Prev),
        2 => (0..3 * SAVE_AFTER_MS).prop_map(Op::Wait),
        1 => Just(Op::Sync),
    ]
}

/// Every file the session writes, compared with what is in memory.
fn disk_matches_memory(h: &Harness) -> Result<(), TestCaseError> {
    let Screen::Session(s) = &h.app.screen else {
        return Err(TestCaseError::fail("no session open"));
    };
    let r = &s.runner;
    let on_disk = std::fs::read_to_string(s.dir.forlop_path()).unwrap_or_default();
    prop_assert_eq!(on_disk, to_ron(&r.forlop), "forlop.ron");
    for (key, sheet) in &r.sheets {
        let path = s.dir.sheet_path(key);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        prop_assert_eq!(on_disk, to_ron(sheet), "{}", path.display());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_writer_never_reorders_or_drops_a_change(ops in prop::collection::vec(op(), 1..60)) {
        let mut h = Harness::with_forlop();
        for op in ops {
            match op {
                Op::Toggle => { h.keys(" "); }
                Op::Down => { h.key(KeyCode::Down); }
                Op::Up => { h.key(KeyCode::Up); }
                Op::Next => { h.keys("n"); }
                Op::Prev => { h.keys("p"); }
                Op::Wait(ms) => {
                    h.ms += ms;
                    h.app.save_due(at(h.ms));
                }
                Op::Sync => {
                    prop_assert!(h.app.sync());
                    disk_matches_memory(&h)?;
                }
            }
        }
        prop_assert!(h.app.sync());
        disk_matches_memory(&h)?;
    }
}

/// A change waits at most [`SAVE_AFTER_MS`] before it is handed to the writer, even when keys
/// keep coming (they never push the save further back).
#[test]
fn a_stream_of_keys_does_not_hold_a_save_back() {
    let mut h = Harness::with_forlop();
    h.keys(" ");
    assert!(h.app.saves_waiting());
    let first = h.ms;
    // Moving keys every 100 ms, changing nothing more.
    while h.ms < first + SAVE_AFTER_MS {
        h.key(KeyCode::Down).key(KeyCode::Up);
    }
    assert!(
        !h.app.saves_waiting(),
        "handed over {SAVE_AFTER_MS} ms after the change, though keys kept coming"
    );
    assert!(h.app.sync());
}
