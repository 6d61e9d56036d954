//! Waiting for the keyboard without spinning when the terminal goes away.
//!
//! crossterm 0.29's `event::poll` loops forever once its tty is gone (it keeps re-reading a
//! descriptor that is readable at EOF; crossterm issue #793), so a closed terminal or a dropped
//! SSH session would leave Stafett burning a CPU core and never reaching its save-and-exit
//! path. We therefore wait on the tty ourselves with poll(2), which reports the hang-up, and ask
//! crossterm for events only when input is really there.

use std::io;
use std::time::Duration;

/// What waiting for the keyboard gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Input is ready for crossterm to read.
    Ready,
    /// Nothing came within the timeout (or a signal interrupted the wait).
    Timeout,
    /// The terminal is gone: hung up, closed or invalid.
    Gone,
}

#[cfg(unix)]
pub struct Input {
    /// The descriptor crossterm reads: stdin when it is a terminal, else /dev/tty.
    tty: Option<std::fs::File>,
}

#[cfg(unix)]
impl Input {
    pub fn new() -> io::Result<Input> {
        use std::io::IsTerminal;
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            Some(std::fs::File::open("/dev/tty")?)
        };
        Ok(Input { tty })
    }

    pub fn wait(&self, timeout: Duration) -> io::Result<Wait> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        use std::os::fd::AsFd;
        let stdin = io::stdin();
        let fd = match &self.tty {
            Some(f) => f.as_fd(),
            None => stdin.as_fd(),
        };
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        let timeout = Timespec {
            tv_sec: timeout.as_secs() as _,
            tv_nsec: timeout.subsec_nanos() as _,
        };
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => Ok(Wait::Timeout),
            Ok(_) => {
                let got = fds[0].revents();
                if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                    Ok(Wait::Gone)
                } else {
                    Ok(Wait::Ready)
                }
            }
            Err(rustix::io::Errno::INTR) => Ok(Wait::Timeout),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(not(unix))]
pub struct Input;

#[cfg(not(unix))]
impl Input {
    pub fn new() -> io::Result<Input> {
        Ok(Input)
    }

    pub fn wait(&self, timeout: Duration) -> io::Result<Wait> {
        Ok(if ratatui::crossterm::event::poll(timeout)? {
            Wait::Ready
        } else {
            Wait::Timeout
        })
    }
}
