//! Runs the real binary in a pseudo-terminal and reads its screen through a vt100 parser.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Tui {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
    /// Tells the reader thread to let go of its copy of the terminal after its next read.
    stop: Arc<AtomicBool>,
    /// Every byte the program has written to the terminal so far.
    written: Arc<AtomicUsize>,
}

impl Tui {
    pub fn start(data: &Path, args: &[&str]) -> Tui {
        Tui::start_with_env(data, args, &[])
    }

    pub fn start_with_env(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_stafett"));
        cmd.args(args);
        cmd.env("STAFETT_DATA_DIR", data);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        // Bokmål, whatever the machine's locale; a test of another language sets its own.
        cmd.env("STAFETT_LANG", "nb");
        // A temp folder of the test's own: a recovery file one run leaves in the shared one
        // must not be offered to another.
        let tmp = data.join(".tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        cmd.env("TMPDIR", &tmp);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn stafett");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
        let parser = Arc::clone(&screen);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let written = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&written);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stopped.load(Ordering::Relaxed) {
                    break;
                }
                counted.fetch_add(n, Ordering::Relaxed);
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
        Tui {
            child,
            writer,
            screen,
            _master: pty.master,
            stop,
            written,
        }
    }

    /// How many bytes the program has written to the terminal so far.
    pub fn bytes_written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Whether the terminal is set to report the mouse, as far as the program's output says.
    pub fn mouse_on(&self) -> bool {
        self.screen.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// Waits (at most 15 s) until the terminal's mouse reporting is `on`.
    pub fn wait_mouse(&self, on: bool) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if self.mouse_on() == on {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the mouse is still {}", if on { "off" } else { "on" });
    }

    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits (at most 15 s) until the screen shows `text`; fails with the screen otherwise.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("waited for {text:?}; the screen shows:\n{}", self.screen());
    }

    /// Waits (at most 15 s) until the screen no longer shows `text` (the last bytes a process
    /// writes may be read a moment after it has exited).
    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited for {text:?} to go; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Types keys. An escape is followed by a short pause so it is not read as Alt+key.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        let pause = if keys.ends_with('\x1b') { 150 } else { 30 };
        std::thread::sleep(Duration::from_millis(pause));
    }

    /// Waits (at most 15 s) for the process to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("stafett did not exit; the screen shows:\n{}", self.screen());
    }

    /// Closes the terminal, as a closed window or a dropped SSH session does, and waits (at
    /// most 15 s) for the process to end. Returns whether it ended. The app must be writing
    /// (e.g. a running timer) so the reader thread wakes and lets go of its copy.
    pub fn close_terminal(self) -> bool {
        let Tui {
            mut child,
            writer,
            _master,
            stop,
            ..
        } = self;
        stop.store(true, Ordering::Relaxed);
        drop(writer);
        drop(_master);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if child.try_wait().unwrap().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        false
    }

    /// Resizes the terminal, as plugging in a projector does.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The parser first, so the redraw that answers the resize lands on the new size.
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Sends a signal (e.g. "-TERM") to the process.
    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([signal, &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }
}

pub const DOWN: &str = "\x1b[B";
pub const ESC: &str = "\x1b";
pub const ENTER: &str = "\r";
