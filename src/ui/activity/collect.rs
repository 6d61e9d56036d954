//! Collect: the list as it is gathered, numbered.

use super::items::ItemKind;
use crate::export::markdown::list_title;
use crate::t;

pub fn hint(pulls_in: bool) -> &'static str {
    if pulls_in {
        t!("ui.collect.hint_import")
    } else {
        t!("ui.collect.hint")
    }
}

pub struct Collect<'a> {
    /// The list this step pulls in from an earlier session, if any.
    pub from: Option<&'a str>,
}

impl ItemKind for Collect<'_> {
    fn empty(&self) -> String {
        match self.from {
            Some(from) => t!("ui.collect.empty_import", list = list_title(from)),
            None => t!("ui.items.empty").to_string(),
        }
    }
}
