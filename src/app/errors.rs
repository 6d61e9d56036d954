//! Why something the facilitator asked for did not happen: one enum per request, one message
//! per case, each saying what to do.

use crate::t;
use crate::worksheet::store::{LoadError, StoreError};
use std::fmt;

/// Why a forløp could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// Locked by another Stafett, or its folder cannot be used.
    Store(StoreError),
    /// `forlop.ron` cannot be read; it is left as it is.
    Forlop(LoadError),
    /// The forløp follows a process that is not installed here.
    NoScript(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Store(e) => write!(f, "{e}"),
            OpenError::Forlop(e) => f.write_str(&t!("app.session.e_filen_blir_ikke_endret", e = e)),
            OpenError::NoScript(workshop) => f.write_str(&t!(
                "app.session.forlopet_folger_prosessen_workshop_som",
                workshop = workshop
            )),
        }
    }
}

impl std::error::Error for OpenError {}

/// Why a new forløp was not made.
#[derive(Debug)]
pub enum CreateError {
    /// No process has that id; `available` lists the ones that do.
    NoProcess { workshop: String, available: String },
    /// The name is empty.
    NoName,
    /// Its folder could not be made.
    Store(StoreError),
    /// It was made but could not be opened.
    Open(OpenError),
}

impl fmt::Display for CreateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreateError::NoProcess {
                workshop,
                available,
            } => f.write_str(&t!(
                "app.no_process",
                workshop = workshop,
                available = available
            )),
            CreateError::NoName => f.write_str(t!("app.home.gi_forlopet_et_navn_for")),
            CreateError::Store(e) => write!(f, "{e}"),
            CreateError::Open(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CreateError {}

/// Why a measure cannot be saved as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// The measure itself is empty.
    NoTiltak,
    /// The deadline is not a date.
    NotADate(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::NoTiltak => f.write_str(t!("app.forms.skriv_hva_tiltaket_er")),
            DraftError::NotADate(text) => f.write_str(&t!(
                "app.forms.not_a_date",
                text = crate::text::inert_line(text.trim())
            )),
        }
    }
}
