//! `Plan(review: true)`: the forløp's handlingsplan; `review` marks a review of open measures.

use super::Spec;
use crate::t;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default)]
    pub review: bool,
}

impl Spec for Plan {
    fn label(&self) -> &'static str {
        if self.review {
            t!("activity.plan_review")
        } else {
            t!("activity.plan")
        }
    }
}
