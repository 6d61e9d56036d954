//! The glue between keys, the runner and the store: modes, overlays and the only place that
//! carries out effects (saving, the bell).

pub mod forms;
mod quit;
mod session;

pub use crate::keys::{Action, KeyMode, Keymap};
pub use forms::{Input, InputTarget, MeasureForm, NewForlop};
pub use session::Session;

use crate::runner::Now;
use crate::script::Library;
use crate::worksheet::recovery::Found;
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
    /// Set when Stafett leaves with something it could not save: printed after the terminal
    /// is restored, and the exit status is then non-zero.
    pub exit_note: Option<String>,
    /// Colours on; off when `NO_COLOR` is set. Meaning is always carried by text too.
    pub color: bool,
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

pub struct HomeEntry {
    pub dir: ForlopDir,
    pub name: String,
    pub workshop: String,
    pub detail: String,
    pub error: Option<String>,
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
    pub fn new(store: Store, library: Library, today: NaiveDate) -> App {
        let warnings = library.warnings.iter().map(|w| w.0.clone()).collect();
        let mut app = App {
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
            exit_note: None,
            color: true,
            keys: Keymap::standard(),
            bell: false,
        };
        app.refresh_home();
        app
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
        self.now_ms = now.mono_ms;
        self.today = now.wall.date();
        if let Screen::Session(s) = &mut self.screen {
            let fx = s.runner.handle(crate::runner::Cmd::Tick, now);
            self.bell |= s.run_effects(fx);
            s.retry_failed();
        }
    }

    pub fn act(&mut self, action: Action, now: Now) {
        self.message = None;
        // Ctrl+C in a text field quits too, keeping what was typed.
        if action == Action::Quit && self.key_mode() == KeyMode::Text {
            self.request_quit(now);
            return;
        }
        if self.overlays.is_empty() {
            match action {
                Action::Quit => self.request_quit(now),
                Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
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
                        self.message =
                            Some("Gjenopprettingsfilen er lagt til side, ikke slettet.".into());
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

    // ---- home -------------------------------------------------------------------------

    pub fn refresh_home(&mut self) {
        let entries = self
            .store
            .list()
            .into_iter()
            .map(|l| match l.forlop {
                Ok(f) => {
                    let script = self.library.get(&f.workshop);
                    let workshop = script.map_or(f.workshop.clone(), |s| s.title.clone());
                    let (sheets, _) = l.dir.load_sheets();
                    let done = sheets
                        .values()
                        .filter(|s| s.status == crate::worksheet::SessionStatus::Done)
                        .count();
                    let at = script
                        .and_then(|s| s.find_session(&f.position.session).map(|at| (s, at)))
                        .map(|(s, at)| {
                            format!("{} · {}", s.phases[at.phase].title, s.session(at).title)
                        })
                        .unwrap_or_default();
                    HomeEntry {
                        dir: l.dir,
                        name: f.name,
                        workshop,
                        detail: format!("runde {} · {done} økter ferdig · sist: {at}", f.round),
                        error: script
                            .is_none()
                            .then(|| format!("skriptet «{}» finnes ikke her", f.workshop)),
                    }
                }
                Err(e) => HomeEntry {
                    name: l.dir.slug(),
                    dir: l.dir,
                    workshop: String::new(),
                    detail: String::new(),
                    error: Some(e.to_string()),
                },
            })
            .collect();
        let selected = match &self.screen {
            Screen::Home(h) => h.selected,
            Screen::Session(_) => 0,
        };
        let mut home = Home { entries, selected };
        home.selected = home.selected.min(home.entries.len().saturating_sub(1));
        self.screen = Screen::Home(home);
    }

    fn home_action(&mut self, action: Action) {
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        match action {
            Action::Up => home.selected = home.selected.saturating_sub(1),
            Action::Down if home.selected + 1 < home.entries.len() => home.selected += 1,
            Action::Add => self.overlays.push(Overlay::NewForlop(Box::default())),
            Action::Enter | Action::NextStep => {
                if let Some(entry) = home.entries.get(home.selected) {
                    let dir = entry.dir.clone();
                    self.open(dir);
                }
            }
            Action::Delete => {
                if let Some(entry) = home.entries.get(home.selected) {
                    self.overlays.push(Overlay::Confirm {
                        question: format!(
                            "Slette forløpet «{}» med alle arbeidsark for godt? Dette kan ikke angres.",
                            entry.name
                        ),
                        then: Then::DeleteForlop(entry.dir.clone()),
                    });
                }
            }
            _ => {}
        }
    }

    /// Opens a forløp: takes its lock, loads it, and shows the session where it was left.
    pub fn open(&mut self, dir: ForlopDir) {
        use crate::worksheet::store::backup_readable;
        match Session::open(dir.clone(), &self.library) {
            Ok((session, warnings)) => {
                self.warnings.extend(warnings);
                for key in &session.runner.read_only {
                    let path = session.dir.sheet_path(key);
                    if backup_readable::<crate::worksheet::Worksheet>(&path) {
                        self.overlays.push(Overlay::Confirm {
                            question: format!(
                                "Arbeidsarket {} kan ikke leses, men forrige versjon kan. Bruke den? Den ødelagte fila tas vare på.",
                                path.file_name().unwrap_or_default().to_string_lossy()
                            ),
                            then: Then::RestoreSheet(key.clone()),
                        });
                    }
                }
                match session.dir.find_recovery(&session.runner.forlop.name) {
                    Some(Found {
                        path,
                        recovery: Ok(rec),
                    }) => self.overlays.push(Overlay::Confirm {
                        question: crate::t!(
                            "app.recovery_offer",
                            when = rec.written.format("%d.%m.%Y kl. %H:%M")
                        ),
                        then: Then::Recover(path),
                    }),
                    Some(Found {
                        recovery: Err(e), ..
                    }) => self.message = Some(crate::t!("app.recovery_unreadable", error = e)),
                    None => {}
                }
                self.screen = Screen::Session(Box::new(session));
            }
            // A forløp file that cannot be read, with a backup that can: offer the backup.
            Err(e) => match dir.load_forlop() {
                Err(load) if backup_readable::<crate::worksheet::Forlop>(&dir.forlop_path()) => {
                    self.overlays.push(Overlay::Confirm {
                        question: format!(
                            "{load}. Forrige versjon (forlop.ron.bak) kan leses. Bruke den? Den ødelagte fila tas vare på."
                        ),
                        then: Then::RestoreForlop(dir),
                    });
                }
                _ => self.message = Some(e),
            },
        }
    }

    pub fn create(&mut self, workshop: &str, name: &str, now: Now) -> Result<(), String> {
        let script = self
            .library
            .get(workshop)
            .ok_or_else(|| {
                format!(
                    "fant ikke prosessen «{workshop}». Tilgjengelige: {}",
                    self.library
                        .scripts
                        .iter()
                        .map(|s| s.script.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?
            .clone();
        if name.trim().is_empty() {
            return Err(
                "Gi forløpet et navn, for eksempel enheten: «Randaberg sykehjem, avd. 2».".into(),
            );
        }
        let first = script.session(script.round_sessions(1)[0]).id.clone();
        let (dir, _) = self
            .store
            .create(name, &script.id, &first, now.wall)
            .map_err(|e| e.to_string())?;
        self.open(dir);
        match self.message.take() {
            Some(m) => Err(m),
            None => Ok(()),
        }
    }

    fn new_forlop_action(&mut self, mut form: Box<NewForlop>, action: Action, now: Now) {
        let count = self.library.scripts.len();
        match action {
            Action::Cancel => return,
            Action::Submit => {
                let Some(src) = self.library.scripts.get(form.workshop) else {
                    return;
                };
                let id = src.script.id.clone();
                match self.create(&id, &form.name(), now) {
                    Ok(()) => return,
                    Err(e) => form.error = Some(e),
                }
            }
            Action::Type(key) if key.code == ratatui::crossterm::event::KeyCode::Up => {
                form.workshop = form.workshop.saturating_sub(1)
            }
            Action::Type(key) if key.code == ratatui::crossterm::event::KeyCode::Down => {
                form.workshop = (form.workshop + 1).min(count.saturating_sub(1))
            }
            Action::NextField => form.workshop = (form.workshop + 1) % count.max(1),
            Action::PrevField => form.workshop = (form.workshop + count.max(1) - 1) % count.max(1),
            Action::Type(key) => {
                form.name.input(key);
            }
            _ => {}
        }
        self.overlays.push(Overlay::NewForlop(form));
    }

    fn confirmed(&mut self, then: Then, now: Now) {
        if then == Then::QuitAnyway {
            self.exit_note = Some(self.write_recovery(now));
            self.quit = true;
            return;
        }
        if let Then::RestoreForlop(dir) = &then {
            let restored = dir.lock().and_then(|_lock| {
                crate::worksheet::store::restore_backup(&dir.forlop_path(), now.wall).map_err(
                    |err| crate::worksheet::store::StoreError::Io {
                        path: dir.forlop_path(),
                        err,
                    },
                )
            });
            match restored {
                Ok(kept) => {
                    self.open(dir.clone());
                    if self.message.is_none() {
                        self.message = Some(format!(
                            "Forrige versjon er tatt i bruk; den ødelagte fila er {}",
                            kept.display()
                        ));
                    }
                }
                Err(e) => self.message = Some(e.to_string()),
            }
            return;
        }
        if let Then::DeleteForlop(dir) = &then {
            match dir.lock().and_then(|lock| {
                drop(lock);
                dir.delete()
                    .map_err(|err| crate::worksheet::store::StoreError::Io {
                        path: dir.path.clone(),
                        err,
                    })
            }) {
                Ok(()) => self.message = Some("Forløpet er slettet.".into()),
                Err(e) => self.message = Some(e.to_string()),
            }
            self.refresh_home();
            return;
        }
        let Screen::Session(s) = &mut self.screen else {
            return;
        };
        if let Then::RestoreSheet(key) = &then {
            match s.restore_sheet(key, now) {
                Ok(kept) => {
                    let name = s.dir.sheet_path(key).display().to_string();
                    self.warnings.retain(|w| !w.contains(&name));
                    self.message = Some(format!(
                        "Forrige versjon er tatt i bruk; den ødelagte fila er {}",
                        kept.display()
                    ));
                }
                Err(e) => self.message = Some(e),
            }
            return;
        }
        if let Then::Recover(path) = &then {
            match crate::worksheet::store::load_ron(path) {
                Ok(rec) => {
                    s.recover(rec, path, now);
                    self.message = Some(crate::t!("app.recovered").into());
                }
                Err(e) => self.message = Some(crate::t!("app.recovery_unreadable", error = e)),
            }
            return;
        }
        let cmd = match then {
            Then::SwitchScale { forward, levels } => {
                crate::runner::Cmd::SwitchScale { forward, levels }
            }
            Then::DeleteItem => crate::runner::Cmd::Delete,
            Then::DeleteMeasure(i) => crate::runner::Cmd::DeleteMeasure(i),
            Then::Finish => crate::runner::Cmd::Finish,
            Then::NewRound => crate::runner::Cmd::StartNextRound,
            Then::DeleteForlop(_)
            | Then::Recover(_)
            | Then::QuitAnyway
            | Then::RestoreForlop(_)
            | Then::RestoreSheet(_) => return,
        };
        let fx = s.runner.handle(cmd, now);
        s.run_effects(fx);
    }
}
