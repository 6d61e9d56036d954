//! The mouse: the wheel moves the selection as ↑ ↓ do, wherever they work (lists, the grid,
//! the overview, the plan, help); a click on a row selects it. Off with `--no-mouse`, which
//! leaves the terminal's own text selection (copying) free.

use super::App;
use crate::runner::Now;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// A row drawn in the last frame that a click can select: where its lines are, which row of
/// its list it is, and which row was selected then. Recorded by drawing, kept by the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowHit {
    pub area: Rect,
    pub index: usize,
    pub selected: usize,
}

impl App {
    /// Only the wheel and a left click do something, and only they ask for a frame.
    pub(super) fn on_mouse(&mut self, mouse: MouseEvent, now: Now) {
        let before = (self.redraw, self.now_ms);
        self.redraw = true;
        self.now_ms = now.mono_ms;
        match mouse.kind {
            MouseEventKind::ScrollDown => self.arrow(KeyCode::Down, 1, now),
            MouseEventKind::ScrollUp => self.arrow(KeyCode::Up, 1, now),
            MouseEventKind::Down(MouseButton::Left) => {
                let at = Position::new(mouse.column, mouse.row);
                if let Some(hit) = self.clickable.iter().find(|h| h.area.contains(at)).copied() {
                    // The same steps as the arrow keys, so every list keeps its own rules.
                    if hit.index > hit.selected {
                        self.arrow(KeyCode::Down, hit.index - hit.selected, now);
                    } else {
                        self.arrow(KeyCode::Up, hit.selected - hit.index, now);
                    }
                }
            }
            _ => (self.redraw, self.now_ms) = before,
        }
    }

    fn arrow(&mut self, code: KeyCode, times: usize, now: Now) {
        for _ in 0..times {
            self.on_key(KeyEvent::from(code), now);
        }
    }
}
