//! The terminal driver: draw the UI from the app's state, wait for a key or a tick, hand
//! events to the app, ring the bell. It is the one place that knows both `app` (state and
//! logic) and `ui` (drawing), so neither imports the other.
//! The terminal is restored on exit, on error and on panic (ratatui's hook), and a closed
//! terminal (SIGHUP) or SIGTERM saves before leaving.

mod input;

use crate::app::App;
use crate::runner::Now;
use crate::t;
use input::{Input, Wait};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use std::io::BufWriter;
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

/// Runs the app until it quits. A panic restores the terminal (ratatui's hook), writes what
/// was in memory to a recovery file in the forløp folder and comes back as an error that says
/// where it is.
pub fn run(mut app: App) -> Result<(), TuiError> {
    let clock = Clock::start();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut app, &clock)
    }));
    match outcome {
        Ok(result) => {
            result.map_err(TuiError::Terminal)?;
            // Something could not be saved: say where it went, and exit non-zero.
            app.exit_note
                .take()
                .map_or(Ok(()), |note| Err(TuiError::NotSaved(note)))
        }
        Err(_) => {
            leave_modes();
            ratatui::restore();
            // A follower has nothing of its own to keep, and never writes.
            let Some(session) = app.session().filter(|_| !app.following) else {
                return Err(TuiError::Panicked);
            };
            match session.dir.write_recovery(&session.recovery(clock.now())) {
                Ok(path) => Err(TuiError::PanickedKept(path)),
                Err(error) => Err(TuiError::PanickedLost {
                    error,
                    folder: session.dir.path.clone(),
                }),
            }
        }
    }
}

/// How a run ended when it did not end well.
#[derive(Debug)]
pub enum TuiError {
    /// The terminal could not be used.
    Terminal(io::Error),
    /// Quit without everything saved; the note says where the rest went.
    NotSaved(String),
    /// A panic with no forløp open.
    Panicked,
    /// A panic; what was in memory is in this recovery file.
    PanickedKept(std::path::PathBuf),
    /// A panic, and the recovery file could not be written either.
    PanickedLost {
        error: io::Error,
        folder: std::path::PathBuf,
    },
}

impl std::fmt::Display for TuiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            TuiError::Terminal(e) => t!("tui.terminal_error", error = e),
            TuiError::NotSaved(note) => note.clone(),
            TuiError::Panicked => t!("tui.stafett_stoppet_pa_grunn_av").to_string(),
            TuiError::PanickedKept(path) => {
                t!("tui.stafett_stoppet_pa_grunn_av_2", path = path.display())
            }
            TuiError::PanickedLost { error, folder } => t!(
                "tui.stafett_stoppet_pa_grunn_av_3",
                e = error,
                path = folder.display()
            ),
        })
    }
}

/// ratatui's set-up, as `ratatui::try_init` makes it (the hook that restores the terminal on a
/// panic, raw mode, the alternate screen), with a terminal that draws through a buffer so a
/// frame goes out in one write, not in 1 KiB pieces. `try_init` itself would also make a
/// terminal of its own, two screen buffers only to be dropped.
fn init_terminal() -> io::Result<Terminal<CrosstermBackend<BufWriter<io::Stdout>>>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    let screen = ratatui::crossterm::terminal::EnterAlternateScreen;
    let terminal = execute!(io::stdout(), screen).and_then(|()| {
        Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
            1 << 16,
            io::stdout(),
        )))
    });
    // A set-up that fails half way leaves the terminal as it found it.
    if terminal.is_err() {
        ratatui::restore();
    }
    terminal
}

fn event_loop(app: &mut App, clock: &Clock) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = init_terminal()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if app.mouse {
        mouse_capture(true);
    }
    let input = Input::new()?;
    let test_panic = cfg!(debug_assertions) && std::env::var_os("STAFETT_TEST_PANIC").is_some();
    let result = (|| -> io::Result<()> {
        while !app.quit {
            if std::mem::take(&mut app.redraw) {
                terminal.draw(|frame| crate::ui::draw(frame, app))?;
                app.clickable = crate::ui::hits::take();
            }
            if app.take_bell() {
                let mut out = io::stdout();
                out.write_all(b"\x07")?;
                out.flush()?;
            }
            if stop.load(Ordering::Relaxed) {
                app.shutdown(clock.now());
                break;
            }
            // While changes wait to be handed to the writer, wake often enough to hand them
            // over on time even when no key comes.
            let wait = if app.following {
                crate::app::FOLLOW_EVERY_MS
            } else if app.saves_waiting() {
                50
            } else {
                250
            };
            match input.wait(Duration::from_millis(wait))? {
                Wait::Ready => {
                    let ev = event::read()?;
                    // Debug builds only: lets the end-to-end tests exercise the crash path.
                    if test_panic && ev == event::Event::Key(event::KeyCode::F(12).into()) {
                        panic!("test panic requested with F12");
                    }
                    app.on_event(ev, clock.now());
                    app.save_due(clock.now());
                }
                Wait::Timeout => app.tick(clock.now()),
                Wait::Gone => {
                    app.shutdown(clock.now());
                    break;
                }
            }
        }
        Ok(())
    })();
    if result.is_err() && !app.quit {
        app.shutdown(clock.now());
    }
    leave_modes();
    ratatui::restore();
    result
}

/// Takes back what Stafett asked of the terminal beyond ratatui's own set-up (pasting as one
/// event, the mouse), on every way out: a normal end, an error, a panic.
fn leave_modes() {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    mouse_capture(false);
}

/// The mouse on or off: buttons and the wheel only (no motion reports, so moving the mouse
/// never wakes Stafett), in SGR encoding, which has no limit on columns.
fn mouse_capture(on: bool) {
    #[cfg(unix)]
    {
        let mut out = io::stdout();
        let codes: &[u8] = if on {
            b"\x1b[?1000h\x1b[?1006h"
        } else {
            b"\x1b[?1006l\x1b[?1000l"
        };
        let _ = out.write_all(codes).and_then(|()| out.flush());
    }
    #[cfg(not(unix))]
    {
        use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
        let _ = if on {
            execute!(io::stdout(), EnableMouseCapture)
        } else {
            execute!(io::stdout(), DisableMouseCapture)
        };
    }
}
