//! `Info`: only the prompt and the guide; nothing is captured.

use super::Spec;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Info;

impl Spec for Info {
    fn label(&self) -> &'static str {
        crate::t!("activity.info")
    }
}
