//! The glue between keys, the runner and the store: modes, overlays and the only place that
//! carries out effects (saving, the bell).

mod confirm;
mod editor;
mod errors;
mod follow;
pub mod forms;
mod home;
mod mouse;
pub use mouse::RowHit;
mod overlays;
mod quit;
mod record;
mod saver;
pub use follow::FOLLOW_EVERY_MS;
pub use saver::{SAVE_AFTER_MS, WINDOW_MS};
mod session;
mod step;

pub use crate::keys::{Action, KeyMode, Keymap};
pub use errors::{CreateError, DraftError, OpenError};
pub use forms::{Input, InputTarget, MeasureForm, NewForlop};
pub use session::Session;

use crate::runner::Now;
use crate::script::Library;
use crate::t;
use crate::worksheet::store::{ForlopDir, Store};
use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};

pub struct App {
    pub store: Store,
    pub library: Library,
    pub screen: Screen,
    /// Dialogs and overlays, the last one on top.
    pub overlays: Vec<Overlay>,
    pub show_guide: bool,
    /// Warnings from start-up (skipped scripts, unreadable files), shown on the home screen.
    pub warnings: Vec<String>,
    /// A message from the last action that failed.
    pub message: Option<String>,
    pub today: NaiveDate,
    /// The monotonic time of the last event, for drawing the timer.
    pub now_ms: u64,
    pub quit: bool,
    /// Something on screen may have changed since the last frame: draw again. Nothing is
    /// drawn while nothing changes.
    pub redraw: bool,
    /// Set when Stafett leaves with something it could not save: printed after the terminal
    /// is restored, and the exit status is then non-zero.
    pub exit_note: Option<String>,
    /// Colours on; off when `NO_COLOR` is set. Meaning is always carried by text too.
    pub color: bool,
    /// The look: the standard theme or the projector's (`--theme`, `V` switches).
    pub theme: crate::ui::theme::ThemeName,
    /// Following a forløp for the projector (`stafett follow`): read-only, nothing saved.
    pub following: bool,
    /// The mouse is on (the wheel scrolls, a click selects); off with `--no-mouse`.
    pub mouse: bool,
    /// The rows a click can select, as drawn in the last frame.
    pub clickable: Vec<RowHit>,
    /// The keys in use: the standard table with the user's `keys.ron` applied.
    pub keys: Keymap,
    bell: bool,
}

pub enum Screen {
    Home(Home),
    Session(Box<Session>),
}

#[derive(Default)]
pub struct Home {
    pub entries: Vec<HomeEntry>,
    pub selected: usize,
}

/// A forløp on the home screen: its folder, and what its overview says or why it could not be
/// read. The lines shown are made when drawn, for the rows on screen only.
pub struct HomeEntry {
    pub dir: ForlopDir,
    pub overview: Result<crate::worksheet::overview::Overview, String>,
}

impl HomeEntry {
    /// The forløp's name, or its folder's when it could not be read.
    pub fn name(&self) -> String {
        match &self.overview {
            Ok(o) => o.name.clone(),
            Err(_) => self.dir.slug(),
        }
    }
}

pub enum Overlay {
    /// The key help, scrolled this many lines.
    Help {
        scroll: u16,
    },
    Overview {
        selected: usize,
    },
    Plan {
        selected: usize,
    },
    Confirm {
        question: String,
        then: Then,
    },
    /// Quitting was asked for, but changes could not be saved: retry, export or quit anyway.
    SaveFailed,
    /// A question with numbered answers; Esc answers none.
    Choice {
        question: String,
        options: Vec<(String, Then)>,
    },
    Input(Box<Input>),
    Measure(Box<MeasureForm>),
    NewForlop(Box<NewForlop>),
}

impl Overlay {
    /// A text field dialog.
    pub fn input(title: impl Into<String>, target: InputTarget, initial: &str) -> Overlay {
        Overlay::Input(Box::new(Input::new(title, target, initial)))
    }
}

/// What a yes to a question does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    DeleteItem,
    DeleteMeasure(usize),
    Finish,
    /// Open a finished session again for changes.
    Reopen,
    NewRound,
    DeleteForlop(ForlopDir),
    /// Take back the recovery file a crash or a failed save left (where it is).
    Recover(std::path::PathBuf),
    /// Use the backup of a forløp file that cannot be read.
    RestoreForlop(ForlopDir),
    /// Use the backup of a worksheet that cannot be read.
    RestoreSheet(crate::worksheet::SheetKey),
    /// Leave although changes could not be saved (they go to a recovery file if possible).
    QuitAnyway,
    /// Switch a risk grid's scale, saying what becomes of the levels already set.
    SwitchScale {
        forward: bool,
        levels: crate::worksheet::risk::LevelChange,
    },
}

impl App {
    /// Whether the screen is a practice one: practice mode (`stafett practice`: ØVING on every
    /// screen, the trainer's notes in the guide), or a practice forløp however it was opened.
    pub fn in_practice(&self) -> bool {
        self.store.is_practice()
            || matches!(&self.screen, Screen::Session(s) if s.runner.forlop.practice)
    }

    /// The app on its home screen, listing every forløp.
    pub fn new(store: Store, library: Library, today: NaiveDate) -> App {
        let mut app = App::without_home(store, library, today);
        app.refresh_home();
        app
    }

    /// The app before any screen is filled: for `stafett open` and `new`, which go straight to
    /// one forløp and need not read all the others.
    pub fn without_home(store: Store, library: Library, today: NaiveDate) -> App {
        let warnings = library.warnings.iter().map(|w| w.0.clone()).collect();
        App {
            store,
            library,
            screen: Screen::Home(Home::default()),
            overlays: Vec::new(),
            show_guide: true,
            warnings,
            message: None,
            today,
            now_ms: 0,
            quit: false,
            redraw: true,
            exit_note: None,
            color: true,
            theme: crate::ui::theme::ThemeName::Standard,
            following: false,
            mouse: true,
            clickable: Vec::new(),
            keys: Keymap::standard(),
            bell: false,
        }
    }

    /// True once after the runner asked for the bell.
    pub fn take_bell(&mut self) -> bool {
        std::mem::take(&mut self.bell)
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Session(s) => Some(s),
            Screen::Home(_) => None,
        }
    }

    pub fn key_mode(&self) -> KeyMode {
        match self.overlays.last() {
            Some(Overlay::Input(_) | Overlay::Measure(_) | Overlay::NewForlop(_)) => KeyMode::Text,
            Some(Overlay::Confirm { .. }) => KeyMode::Confirm,
            _ => KeyMode::Normal,
        }
    }

    pub fn on_event(&mut self, event: Event, now: Now) {
        if let Event::Mouse(mouse) = event {
            if self.mouse {
                self.on_mouse(mouse, now);
            }
            return;
        }
        self.redraw = true;
        self.now_ms = now.mono_ms;
        self.today = now.wall.date();
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.on_key(key, now),
            Event::Paste(text) => self.on_paste(&text),
            _ => {}
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Now) {
        if let Some(action) = self.keys.resolve(key, self.key_mode()) {
            self.act(action, now);
        }
    }

    /// The clock moved on: ring the bell when a step's time is up, retry failed saves.
    pub fn tick(&mut self, now: Now) {
        let before = self.clock_view();
        self.now_ms = now.mono_ms;
        self.today = now.wall.date();
        if let Screen::Session(s) = &mut self.screen {
            if self.following {
                self.redraw |= s.follow_changes(&self.library, now);
            }
            self.bell |= s.command(crate::runner::Cmd::Tick, now);
            s.save_due(now.mono_ms);
        }
        // Only what the clock changes on screen asks for a new frame: the timer's seconds, a
        // save that now works (or fails), the date.
        if self.clock_view() != before {
            self.redraw = true;
        }
    }

    /// Hands the saves that are due to the writer thread and takes in what it reported; asks
    /// for a frame when a save problem appears or goes away. Called after every event.
    pub fn save_due(&mut self, now: Now) {
        if let Screen::Session(s) = &mut self.screen {
            let failing = s.save_error().is_some();
            s.save_due(now.mono_ms);
            self.redraw |= s.save_error().is_some() != failing;
        }
    }

    /// Whether changes are noted and not yet handed to the writer: the event loop then wakes
    /// sooner, so they are handed over on time.
    pub fn saves_waiting(&self) -> bool {
        matches!(&self.screen, Screen::Session(s) if s.saves_waiting())
    }

    /// Hands over every noted change and waits until the writer has written it. True when
    /// everything is on disk.
    pub fn sync(&mut self) -> bool {
        match &mut self.screen {
            Screen::Session(s) => s.sync(),
            Screen::Home(_) => true,
        }
    }

    /// What the passing of time can change on screen.
    fn clock_view(&self) -> (u64, i64, bool, NaiveDate) {
        match &self.screen {
            Screen::Session(s) => {
                let t = &s.runner.timer;
                (
                    t.used_s(self.now_ms),
                    t.left_s(self.now_ms),
                    s.save_error().is_some(),
                    self.today,
                )
            }
            Screen::Home(_) => (0, 0, false, self.today),
        }
    }

    pub fn act(&mut self, action: Action, now: Now) {
        self.message = None;
        if self.following {
            // The follower only looks: it quits without saving (it has nothing of its own),
            // shows help and switches the look.
            match action {
                Action::Quit | Action::Back if self.overlays.is_empty() => self.quit = true,
                Action::Help if self.overlays.is_empty() => {
                    self.overlays.push(Overlay::Help { scroll: 0 })
                }
                Action::SwitchTheme => self.theme = self.theme.other(),
                _ => self.overlays.clear(),
            }
            return;
        }
        // Ctrl+C in a text field quits too, keeping what was typed.
        if action == Action::Quit && self.key_mode() == KeyMode::Text {
            self.request_quit(now);
            return;
        }
        if self.overlays.is_empty() {
            match action {
                Action::Quit => self.request_quit(now),
                Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
                Action::SwitchTheme => self.theme = self.theme.other(),
                _ => match &self.screen {
                    Screen::Home(_) => self.home_action(action),
                    Screen::Session(_) => self.session_action(action, now),
                },
            }
            return;
        }
        self.overlay_action(action, now);
    }

    fn overlay_action(&mut self, action: Action, now: Now) {
        let Some(top) = self.overlays.pop() else {
            return;
        };
        match top {
            Overlay::Help { scroll } => {
                let scroll = match action {
                    Action::Up => scroll.saturating_sub(1),
                    Action::Down => scroll.saturating_add(1).min(60),
                    Action::Back | Action::Help | Action::Enter | Action::Quit => return,
                    _ => scroll,
                };
                self.overlays.push(Overlay::Help { scroll });
            }
            Overlay::Overview { selected } => self.overview_action(selected, action, now),
            Overlay::Plan { selected } => self.plan_overlay_action(selected, action, now),
            Overlay::Confirm { question, then } => match action {
                Action::Yes => self.confirmed(then, now),
                Action::No => {
                    if let Then::Recover(path) = &then
                        && let Screen::Session(s) = &self.screen
                    {
                        let _ = s.dir.set_recovery_aside(path, now.wall);
                        self.message = Some(t!("app.gjenopprettingsfilen_er_lagt_til_side").into());
                    }
                }
                _ => self.overlays.push(Overlay::Confirm { question, then }),
            },
            Overlay::SaveFailed => self.save_failed_action(action, now),
            Overlay::Choice { question, options } => match action {
                Action::Digit(n) if (1..=options.len()).contains(&usize::from(n)) => {
                    let then = options[usize::from(n) - 1].1.clone();
                    self.confirmed(then, now);
                }
                Action::Back | Action::No | Action::Quit => {}
                _ => self.overlays.push(Overlay::Choice { question, options }),
            },
            Overlay::Input(input) => self.input_action(input, action, now),
            Overlay::Measure(form) => self.measure_action(form, action, now),
            Overlay::NewForlop(form) => self.new_forlop_action(form, action, now),
        }
    }

    fn on_paste(&mut self, pasted: &str) {
        match self.overlays.last_mut() {
            Some(Overlay::Input(input)) => {
                let single = input.target.single_line();
                input.area.insert_str(forms::clean_paste(pasted, single));
            }
            Some(Overlay::Measure(form)) if form.focus < 3 => {
                let single = form.focus > 0;
                form.fields[form.focus].insert_str(forms::clean_paste(pasted, single));
            }
            Some(Overlay::NewForlop(form)) => {
                form.name.insert_str(forms::clean_paste(pasted, true));
            }
            _ => {}
        }
    }
}
