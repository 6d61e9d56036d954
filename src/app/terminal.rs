//! The terminal loop: draw, wait for a key or a tick, hand events to the app, ring the bell.
//! The terminal is restored on exit, on error and on panic (ratatui's hook), and a closed
//! terminal (SIGHUP) or SIGTERM saves before leaving.

use super::App;
use crate::runner::Now;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The app's clock: monotonic milliseconds since start and the local wall time.
pub struct Clock(Instant);

impl Clock {
    pub fn start() -> Clock {
        Clock(Instant::now())
    }

    pub fn now(&self) -> Now {
        Now {
            mono_ms: self.0.elapsed().as_millis() as u64,
            wall: chrono::Local::now().naive_local(),
        }
    }
}

pub fn run(mut app: App) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let clock = Clock::start();
    let result = (|| -> io::Result<()> {
        while !app.quit {
            terminal.draw(|frame| crate::ui::draw(frame, &app))?;
            if app.take_bell() {
                let mut out = io::stdout();
                out.write_all(b"\x07")?;
                out.flush()?;
            }
            if stop.load(Ordering::Relaxed) {
                app.shutdown(clock.now());
                break;
            }
            if event::poll(Duration::from_millis(250))? {
                let ev = event::read()?;
                app.on_event(ev, clock.now());
            } else {
                app.tick(clock.now());
            }
        }
        Ok(())
    })();
    if result.is_err() {
        app.shutdown(clock.now());
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}
