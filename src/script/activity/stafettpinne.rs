//! `Stafettpinne`: what earlier sessions handed on: their lists, fields and the open measures.

use super::Spec;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stafettpinne;

impl Spec for Stafettpinne {
    fn label(&self) -> &'static str {
        crate::t!("activity.stafettpinne")
    }
}
