//! `Closing`: the end of a session on screen: what it made, where that goes on, the next
//! meeting and the open measures. Nothing is captured.

use super::Spec;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closing;

impl Spec for Closing {
    fn label(&self) -> &'static str {
        crate::t!("activity.closing")
    }
}
