//! `stafett practice`: the practice area, for courses where new hosts learn by running it.

use super::{CliError, TuiOptions, tui};
use crate::app::App;
use crate::script::Library;
use crate::tui as terminal;
use crate::worksheet::store::Store;
use std::process::ExitCode;

/// `stafett practice [WORKSHOP] [--reset]`: the practice forløp, made from the shipped
/// examples where missing (or anew with `--reset`), in the practice area; opens the named one,
/// else the practice area's home screen. Practice mode marks every screen ØVING and shows the
/// trainer's notes.
pub(super) fn practice(
    (store, library, today): (&Store, Library, chrono::NaiveDate),
    workshop: Option<&str>,
    reset: bool,
    options: TuiOptions,
) -> Result<ExitCode, CliError> {
    use crate::worksheet::practice;
    let area = practice::area(store.root());
    let now = terminal::Clock::start().now().wall;
    let wanted: Vec<&str> = match workshop {
        Some(w) => vec![w],
        None => practice::SHIPPED.iter().map(|(id, _)| *id).collect(),
    };
    let mut made = Vec::new();
    for w in wanted {
        made.push(practice::prepare(&area, w, reset, now).map_err(CliError::Practice)?);
    }
    let mut app = App::without_home(area, library, today);
    match (workshop, made.pop()) {
        (Some(_), Some(dir)) => app.open(dir).map_err(CliError::Open)?,
        _ => app.refresh_home(),
    }
    tui(app, options)
}
