//! Ids, one type per kind of thing, so an item's id can never be taken for a measure's. In the
//! files they are plain numbers.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($name:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            PartialOrd,
            Ord,
            Hash,
            Default,
            Serialize,
            Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<u64> for $name {
            fn from(n: u64) -> $name {
                $name(n)
            }
        }

        impl PartialEq<u64> for $name {
            fn eq(&self, other: &u64) -> bool {
                self.0 == *other
            }
        }
    };
}

id_type!(ItemId, "An item of a list, unique within its worksheet."); // not user text: a doc
id_type!(
    MeasureId,
    "A row of the handlingsplan, unique within the forløp." // not user text: a doc
);
id_type!(RowId, "A row of a risk grid, unique within the forløp."); // not user text: a doc
