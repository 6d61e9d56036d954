//! What clap makes from the command line's definition: shell completion and the manual page,
//! in the interface's language.

use super::{args, warn};
use crate::t;
use std::io::Write;
use std::process::ExitCode;

/// `stafett completions SHELL`: a completion script for the shell, on standard output.
pub(super) fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut args::command(), "stafett", &mut out);
    print_bytes(&out)
}

/// `stafett man`: the manual page (roff), in the interface's language, on standard output.
pub(super) fn man() -> ExitCode {
    let mut out = Vec::new();
    match clap_mangen::Man::new(args::command()).render(&mut out) {
        Ok(()) => print_bytes(&out),
        Err(e) => {
            warn(&t!("cli.error", error = e));
            ExitCode::FAILURE
        }
    }
}

/// Writes generated text (our own, from the catalog and clap) to standard output.
fn print_bytes(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
