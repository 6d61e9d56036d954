//! The command line: where data and scripts live, and the commands besides the TUI.

use crate::app::{App, CreateError, OpenError};
use crate::script::{Library, parse};
use crate::t;
use crate::text::{inert, inert_line};
use crate::tui as terminal;
use crate::worksheet::store::{Store, StoreError};
mod args;
mod export;
mod generated;
mod mistakes;
mod practice;

use args::parse_args;
pub use args::{Cli, CliTheme, Command, ExportFormat};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Why a command did not do what it was asked; each case has its one message.
#[derive(Debug)]
pub enum CliError {
    /// No home folder to keep the data in, and none given.
    NoDataDir,
    /// A forløp that cannot be found, is locked, or whose folder cannot be used.
    Store(StoreError),
    Open(OpenError),
    Create(CreateError),
    /// The forløp's process is not installed here.
    NoProcess(String),
    /// The export folder cannot be written.
    Write {
        dir: PathBuf,
        error: std::io::Error,
    },
    /// The export could not be made from this data.
    Export(crate::export::ExportError),
    /// `export --all` writes only the Excel roll-up.
    AllNeedsXlsx,
    /// `export --all` needs a folder to write to.
    AllNeedsOut,
    /// The TUI was asked for without a terminal.
    NeedsTerminal,
    Tui(terminal::TuiError),
    /// A practice forløp could not be made.
    Practice(crate::worksheet::practice::PracticeError),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::NoDataDir => f.write_str(t!("cli.fant_ingen_hjemmemappe_oppgi_en")),
            CliError::Store(e) => write!(f, "{e}"),
            CliError::Open(e) => write!(f, "{e}"),
            CliError::Create(e) => write!(f, "{e}"),
            CliError::Export(e) => write!(f, "{e}"),
            CliError::NoProcess(process) => f.write_str(&t!("cli.no_process", process = process)),
            CliError::Write { dir, error } => write!(f, "{}: {error}", dir.display()),
            CliError::NeedsTerminal => f.write_str(t!("cli.needs_terminal")),
            CliError::AllNeedsXlsx => f.write_str(t!("cli.all_needs_xlsx")),
            CliError::AllNeedsOut => f.write_str(t!("cli.all_needs_out")),
            CliError::Tui(e) => write!(f, "{e}"),
            CliError::Practice(e) => write!(f, "{e}"),
        }
    }
}

/// The user's data folder, or the one given.
pub fn data_dir(given: Option<PathBuf>) -> Result<PathBuf, CliError> {
    if let Some(d) = given {
        return Ok(d);
    }
    directories::ProjectDirs::from("no", "Stafett", "stafett")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(CliError::NoDataDir)
}

/// Folders with the user's own scripts: the config folder, then `--workshops`.
pub fn script_dirs(extra: Option<PathBuf>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(p) = directories::ProjectDirs::from("no", "Stafett", "stafett") {
        dirs.push(p.config_dir().join("workshops"));
    }
    dirs.extend(extra);
    dirs
}

/// Applies the user's `keys.ron` from the config folder, if there is one; a file that cannot be
/// used is named in a warning on the home screen and the standard keys stay.
fn user_keys(app: &mut App) {
    let Some(dirs) = directories::ProjectDirs::from("no", "Stafett", "stafett") else {
        return;
    };
    let path = dirs.config_dir().join("keys.ron");
    if std::fs::symlink_metadata(&path).is_err() {
        return;
    }
    use crate::worksheet::files::{Links, read_capped};
    let text = read_capped(&path, 64 * 1024, Links::Follow).map_err(|e| e.to_string());
    let keys = text.and_then(|t| {
        app.keys
            .clone()
            .with_overrides(&t)
            .map_err(|e| e.to_string())
    });
    match keys {
        Ok(keys) => app.keys = keys,
        Err(e) => app.warnings.push(crate::t!(
            "cli.keys_unusable",
            path = path.display(),
            error = e
        )),
    }
}

/// Every line the command line prints goes through one of these three: text from names,
/// titles, scripts, files and errors is made inert, so no escape sequence or bidi override
/// reaches the terminal or a pipe.
fn say(text: &str) {
    println!("{}", inert(text));
}

/// Like [`say`], on standard error.
fn warn(text: &str) {
    eprintln!("{}", inert(text));
}

/// Tab-separated columns; a tab or newline inside a field cannot make a column of its own.
/// Lines are printed together by [`print_lines`].
fn columns(fields: &[&str]) -> String {
    let line: Vec<String> = fields.iter().map(|f| inert_line(f).into_owned()).collect();
    line.join("\t") + "\n"
}

/// Prints lines made by [`columns`] in one write, not one per line.
fn print_lines(lines: impl IntoIterator<Item = String>) {
    let text: String = lines.into_iter().collect();
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

pub fn main() -> ExitCode {
    let cli = parse_args();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            warn(&t!("cli.error", error = e));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Some(Command::Completions { shell }) => return Ok(generated::completions(shell)),
        Some(Command::Man) => return Ok(generated::man()),
        _ => {}
    }
    let store = Store::new(data_dir(cli.data_dir)?);
    let library = Library::load(&script_dirs(cli.workshops));
    let today = chrono::Local::now().date_naive();
    let options = TuiOptions {
        theme: cli.theme,
        mouse: !cli.no_mouse,
    };
    match cli.command {
        None => tui(App::new(store, library, today), options),
        Some(Command::New { workshop, name }) => {
            let mut app = App::without_home(store, library, today);
            app.create(&workshop, &name, terminal::Clock::start().now())
                .map_err(CliError::Create)?;
            tui(app, options)
        }
        Some(Command::Open { name }) => {
            let dir = store.find(&name).map_err(CliError::Store)?;
            let mut app = App::without_home(store, library, today);
            app.open(dir).map_err(CliError::Open)?;
            tui(app, options)
        }
        Some(Command::Follow { name }) => {
            // A course's projector follows a practice forløp: looked for when no real one has
            // the name.
            let practice = crate::worksheet::practice::area(store.root());
            let (store, dir) = match store.find(&name) {
                Ok(dir) => (store, dir),
                Err(e) => practice
                    .find(&name)
                    .map(|dir| (practice, dir))
                    .map_err(|_| CliError::Store(e))?,
            };
            let mut app = App::without_home(store, library, today);
            app.follow(dir).map_err(CliError::Open)?;
            tui(app, options)
        }
        Some(Command::List) => list(&store, &library),
        Some(Command::Workshops) => workshops(&library),
        Some(Command::Check { files }) => Ok(check(&files)),
        Some(Command::Export {
            name: Some(name),
            out,
            format,
            ..
        }) => export::export((&store, &library), &name, out, format),
        Some(Command::Export { out, format, .. }) => export::export_all(&store, out, format),
        Some(Command::Delete { name, yes }) => delete(&store, &name, yes),
        Some(Command::Practice { workshop, reset }) => practice::practice(
            (&store, library, today),
            workshop.as_deref(),
            reset,
            options,
        ),
        Some(Command::Completions { .. } | Command::Man) => Ok(ExitCode::SUCCESS),
    }
}

/// `stafett list`: every forløp with its process, round and folder.
fn list(store: &Store, library: &Library) -> Result<ExitCode, CliError> {
    for w in &library.warnings {
        warn(&t!("cli.warning", text = w.0));
    }
    let all = store.list_keeping_index();
    if all.is_empty() {
        say(&t!("cli.no_forlop", folder = store.root().display()));
    }
    print_lines(all.into_iter().map(|l| match l.overview {
        Ok(f) => {
            let title = library
                .get(&f.workshop)
                .map_or(f.workshop.clone(), |s| s.title.clone());
            columns(&[
                &f.name,
                &title,
                &t!("cli.round", round = f.round),
                &l.dir.path.display().to_string(),
            ])
        }
        Err(e) => columns(&[&l.dir.slug(), &t!("cli.unreadable", error = e)]),
    }));
    Ok(ExitCode::SUCCESS)
}

/// `stafett workshops`: the processes available, and where each came from.
fn workshops(library: &Library) -> Result<ExitCode, CliError> {
    for w in &library.warnings {
        warn(&t!("cli.warning", text = w.0));
    }
    for s in &library.scripts {
        print_lines([columns(&[
            &s.id,
            &s.script().title,
            &format!("({})", s.origin),
        ])]);
    }
    Ok(ExitCode::SUCCESS)
}

/// `stafett delete`: after the name is typed (or `--yes`), all or nothing.
fn delete(store: &Store, name: &str, yes: bool) -> Result<ExitCode, CliError> {
    let dir = store.find(name).map_err(CliError::Store)?;
    let shown = dir
        .load_forlop()
        .map(|f| f.name)
        .unwrap_or_else(|_| dir.slug());
    if !yes {
        print!(
            "{}",
            inert(&t!(
                "cli.delete_prompt",
                name = shown,
                folder = dir.path.display()
            ))
        );
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if answer.trim() != shown && answer.trim() != dir.slug() {
            say(t!("cli.delete_cancelled"));
            return Ok(ExitCode::FAILURE);
        }
    }
    let lock = dir.lock().map_err(CliError::Store)?;
    drop(lock);
    dir.delete().map_err(|err| {
        CliError::Store(StoreError::Io {
            path: dir.path.clone(),
            err,
        })
    })?;
    say(&t!("cli.deleted", name = shown));
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut bad = false;
    for file in files {
        let shown = file.display().to_string();
        match crate::script::read_script(file) {
            Err(e) => {
                bad = true;
                say(&t!("cli.check_unreadable", file = shown, error = e));
            }
            Ok(src) => match parse(&src) {
                Ok(s) => {
                    let sessions = s.sessions().count();
                    let steps: usize = s.sessions().map(|(_, _, d)| d.steps.len()).sum();
                    say(&t!(
                        "cli.check_ok",
                        file = shown,
                        title = s.title,
                        id = s.id,
                        phases = s.phases.len(),
                        sessions = sessions,
                        steps = steps
                    ));
                }
                Err(problems) => {
                    bad = true;
                    for p in &problems {
                        say(&p.render(&shown));
                    }
                    say(&t!("cli.check_count", file = shown, n = problems.len()));
                }
            },
        }
    }
    if bad {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// How the TUI looks and what it listens to, from the command line.
#[derive(Debug, Clone, Copy)]
struct TuiOptions {
    theme: Option<CliTheme>,
    mouse: bool,
}

fn tui(mut app: App, options: TuiOptions) -> Result<ExitCode, CliError> {
    if !std::io::stdout().is_terminal() {
        return Err(CliError::NeedsTerminal);
    }
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.theme = options.theme.map(Into::into).unwrap_or_default();
    app.mouse = options.mouse;
    user_keys(&mut app);
    terminal::run(app).map_err(CliError::Tui)?;
    Ok(ExitCode::SUCCESS)
}
