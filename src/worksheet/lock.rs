//! The lock that keeps a forløp to one Stafett at a time: `flock` on `forlop.lock`, holding the
//! holder's process id. A lock left by a process that is gone is released by the operating
//! system and taken over without asking.

use super::files::{make_dir_private, make_private, private_options};
use super::store::{ForlopDir, StoreError};
use std::fs::{self, File};
use std::io::{Read, Seek, Write};
use std::path::Path;

const LOCK_FILE: &str = "forlop.lock";

/// Held while a forløp is open; dropping it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |err| StoreError::Io {
        path: path.to_path_buf(),
        err,
    }
}

/// The process id written in the lock file, or "" when there is none.
fn holder(file: &mut File) -> String {
    let mut pid = String::new();
    let _ = file.rewind();
    let _ = file.read_to_string(&mut pid);
    pid.trim().to_string()
}

/// The lock file's length: a process id, padded, so that it is always written over in place.
const HOLDER_LEN: u64 = 20;

/// Writes our process id over the one in the file. Always the same length, so the file is never
/// truncated: a truncation makes ext4 flush the file on close, the slowest part of opening.
fn write_holder(file: &mut File) -> std::io::Result<()> {
    if file.metadata()?.len() > HOLDER_LEN {
        file.set_len(HOLDER_LEN)?;
    }
    file.rewind()?;
    let padded = format!(
        "{:<width$}\n",
        std::process::id(),
        width = HOLDER_LEN as usize - 1
    );
    file.write_all(padded.as_bytes())
}

impl ForlopDir {
    /// Takes the forløp's lock for this process. A lock left by a process that is gone is
    /// released by the operating system and taken over without asking.
    pub fn lock(&self) -> Result<Lock, StoreError> {
        let path = self.path.join(LOCK_FILE);
        make_dir_private(&self.path).map_err(io_err(&self.path))?;
        // A symlink planted at the lock's name is removed, never followed.
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            fs::remove_file(&path).map_err(io_err(&path))?;
        }
        let mut file = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_err(&path))?;
        make_private(&file).map_err(io_err(&path))?;
        // Our own process id in the file means the lock is ours from a session this process
        // has just closed, still held for a moment by a child that was forking when it closed:
        // wait a little for it instead of refusing.
        for _ in 0..40 {
            if !matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock))
                || holder(&mut file) != std::process::id().to_string()
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        match file.try_lock() {
            Ok(()) => {
                write_holder(&mut file).map_err(io_err(&path))?;
                Ok(Lock { _file: file })
            }
            Err(fs::TryLockError::WouldBlock) => {
                let pid = holder(&mut file);
                let pid = if pid.is_empty() { "ukjent".into() } else { pid };
                Err(StoreError::Locked { pid })
            }
            Err(fs::TryLockError::Error(err)) => Err(StoreError::Io { path, err }),
        }
    }

    /// Whether the Stafett whose process id is in the lock file still runs. A follower asks
    /// this to stop a clock whose facilitator is gone (a crash, a kill). Where a process
    /// cannot be asked about (not unix), it is taken to run.
    pub fn holder_alive(&self) -> bool {
        // Windows locks the file against reading while it is held: nothing to ask there.
        if cfg!(not(unix)) {
            return true;
        }
        let path = self.path.join(LOCK_FILE);
        let Ok(text) = super::files::read_capped(&path, HOLDER_LEN, super::files::Links::Refuse)
        else {
            return false;
        };
        text.trim()
            .parse::<i32>()
            .is_ok_and(|pid| pid > 0 && alive(pid))
    }
}

#[cfg(unix)]
fn alive(pid: i32) -> bool {
    use rustix::process::{Pid, test_kill_process};
    // Only "no such process" means gone: a process of another user answers "not permitted".
    Pid::from_raw(pid).is_some_and(|pid| test_kill_process(pid) != Err(rustix::io::Errno::SRCH))
}

#[cfg(not(unix))]
fn alive(_pid: i32) -> bool {
    true
}
