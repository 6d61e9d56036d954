//! Waiting for the keyboard without spinning when the terminal goes away, and without losing a
//! key that arrives together with a resize.
//!
//! crossterm 0.29's `event::poll` loops once its tty is gone (it keeps re-reading a descriptor
//! that is readable at EOF; crossterm issue #793), so a closed terminal or a dropped SSH session
//! would leave Stafett burning a CPU core and never reaching its save-and-exit path. Before each
//! wait we therefore ask poll(2) ourselves whether the tty has hung up.
//!
//! crossterm's default (mio) event source is edge-triggered and returns a resize before reading
//! the tty when both are ready at once, so the key that came with the resize stayed unread until
//! the next key (a projector plugged in mid-session swallowed the first key). Stafett builds
//! crossterm with `use-dev-tty`, whose source polls the tty level-triggered, and waits in
//! crossterm's own `poll` with the real timeout: every event is read as soon as it is there.

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
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        match poll(&mut fds, Some(&now)) {
            Ok(_)
                if fds[0]
                    .revents()
                    .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
            {
                return Ok(Wait::Gone);
            }
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
        Ok(if ratatui::crossterm::event::poll(timeout)? {
            Wait::Ready
        } else {
            Wait::Timeout
        })
    }
}

#[cfg(not(unix))]
pub struct Input;

#[cfg(not(unix))]
impl Input {
    pub fn new() -> io::Result<Input> {
        Ok(Input)
    }

    /// A console that can no longer be read (closed, or its handle invalid) is gone: the
    /// caller saves and leaves, as on a hang-up elsewhere.
    pub fn wait(&self, timeout: Duration) -> io::Result<Wait> {
        Ok(match ratatui::crossterm::event::poll(timeout) {
            Ok(true) => Wait::Ready,
            Ok(false) => Wait::Timeout,
            Err(_) => Wait::Gone,
        })
    }
}
