//! Drives the app with key events as a facilitator would press them, and draws it on a
//! TestBackend.

use super::at;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind,
};
use stafett::app::App;
use stafett::script::Library;
use stafett::worksheet::store::Store;

pub struct Harness {
    pub tmp: tempfile::TempDir,
    pub app: App,
    pub ms: u64,
}

impl Harness {
    pub fn new() -> Harness {
        Harness::with_library(Library::shipped())
    }

    /// With scripts of the test's own.
    pub fn with_library(library: Library) -> Harness {
        let tmp = tempfile::tempdir().unwrap();
        let app = App::new(
            Store::new(tmp.path().join("data")),
            library,
            at(0).wall.date(),
        );
        Harness { tmp, app, ms: 0 }
    }

    /// A new «Oss og vårt» forløp, opened at its first step.
    pub fn with_forlop() -> Harness {
        let mut h = Harness::new();
        h.app
            .create("oss-og-vart", "Randaberg sykehjem, avd. 2", at(0))
            .unwrap();
        h
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.key_mod(code, KeyModifiers::NONE)
    }

    pub fn key_mod(&mut self, code: KeyCode, m: KeyModifiers) -> &mut Self {
        self.ms += 100;
        self.app
            .on_event(Event::Key(KeyEvent::new(code, m)), at(self.ms));
        self.app.save_due(at(self.ms));
        self
    }

    /// Each character as a key press.
    pub fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    pub fn add_items(&mut self, items: &[&str]) -> &mut Self {
        self.keys("a");
        for item in items {
            self.keys(item).key(KeyCode::Enter);
        }
        self.key(KeyCode::Esc)
    }

    pub fn draw(&self, w: u16, h: u16) -> Terminal<TestBackend> {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| stafett::ui::draw(f, &self.app)).unwrap();
        t
    }

    pub fn text(&self, w: u16, h: u16) -> String {
        format!("{}", self.draw(w, h).backend())
    }

    /// Draws a frame (as the terminal driver does, keeping where the rows went), then sends a
    /// mouse event at column `x`, row `y`.
    pub fn mouse(&mut self, kind: MouseEventKind, x: u16, y: u16) -> &mut Self {
        self.draw(100, 30);
        self.app.clickable = stafett::ui::hits::take();
        self.ms += 100;
        let event = MouseEvent {
            kind,
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        };
        self.app.on_event(Event::Mouse(event), at(self.ms));
        self
    }

    /// Goes to the Utforske verksted's step `n` (1-based).
    pub fn utforske_verksted_step(&mut self, n: usize) -> &mut Self {
        self.keys("NN");
        for _ in 1..n {
            self.keys("n");
        }
        self
    }
}
