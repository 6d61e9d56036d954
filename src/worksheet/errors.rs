//! What can go wrong reading and writing the data folder, each case with its one message.

use crate::t;
use std::fmt;
use std::io;
use std::path::PathBuf;

/// A file that could not be read as what it should be; never overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.col,
                self.message
            )
        } else {
            write!(f, "{}: {}", self.path.display(), self.message)
        }
    }
}

#[derive(Debug)]
pub enum StoreError {
    NotFound(String),
    Exists(String),
    Locked {
        pid: String,
    },
    /// A forløp folder without `forlop.ron`: what a stopped delete (or a hand) left.
    Remnant(PathBuf),
    Io {
        path: PathBuf,
        err: io::Error,
    },
    Load(LoadError),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotFound(name) => write!(f, "{}", t!("store.not_found", name = name)),
            StoreError::Exists(name) => write!(f, "{}", t!("store.exists", name = name)),
            StoreError::Locked { pid } => write!(f, "{}", t!("store.locked", pid = pid)),
            StoreError::Remnant(path) => {
                f.write_str(&crate::t!("store.remnant", path = path.display()))
            }
            StoreError::Io { path, err } => write!(f, "{}: {err}", path.display()),
            StoreError::Load(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}
