//! `Summary`: a free summary text, put first in the export.

use super::Spec;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary;

impl Spec for Summary {
    fn label(&self) -> &'static str {
        crate::t!("activity.summary")
    }
}
