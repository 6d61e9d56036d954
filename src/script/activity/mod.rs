//! The activity kinds a step can have, listed once in [`activity_kinds!`]. Each kind is a struct
//! of its own in `script/activity/<kind>.rs` (its RON form and its checks); the runner and the
//! view expand the same list into their own dispatch, so adding a kind is one line here plus a
//! file per layer.

mod check;

pub(super) use check::StepCheck;

use super::{CheckDef, Problem};
use serde::de::{self, EnumAccess, MapAccess, VariantAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;

/// Every activity kind, once: `Variant => module`. Kinds that take no fields in a script are
/// `unit`. Each layer passes its own macro, which gets the list and writes the `mod` lines and
/// the match of that layer.
#[macro_export]
macro_rules! activity_kinds {
    ($layer:ident) => {
        $layer! {
            unit: [
                Info => info,
                Stafettpinne => stafettpinne,
                Summary => summary,
                Closing => closing,
            ],
            data: [
                Checklist => checklist,
                Collect => collect,
                Group => group,
                Vote => vote,
                Choose => choose,
                Fields => fields,
                Plan => plan,
                PickSet => pick_set,
                Roles => roles,
                RiskSetup => risk_setup,
                RiskGrid => risk_grid,
            ],
        }
    };
}

/// What every kind tells the layers that do not know it: its name and label, and the worksheet
/// data it works on (for checks, for-each scoping and the export).
pub trait Spec {
    /// A short name of the activity for headers and help, from the string catalog.
    fn label(&self) -> &'static str;
    /// The list this activity shows and works on, if any.
    fn list(&self) -> Option<&str> {
        None
    }
    /// The list it makes from the one it shows (choosing into a shortlist).
    fn makes(&self) -> Option<&str> {
        None
    }
    /// The form it writes, and the labels of its fields.
    fn form(&self) -> Option<(&str, &[String])> {
        None
    }
    /// The ticks and counts it records.
    fn checks(&self) -> Option<&[CheckDef]> {
        None
    }
    /// The risk grid it works on.
    fn grid(&self) -> Option<&str> {
        None
    }
    /// Whether the step can also be shown another way (a grid as a matrix).
    fn second_view(&self) -> bool {
        false
    }
    /// Whether the step opens in that other way.
    fn opens_in_second_view(&self) -> bool {
        false
    }
    /// The same activity with its list and form names made the item's own, for a step that
    /// repeats for each item; `None` when it keeps nothing per item.
    fn scoped(&self, _scope: &dyn Fn(&str) -> String) -> Option<Activity> {
        None
    }
    /// Its problems where it stands in the script; `made` holds the lists the session has made
    /// so far, and takes the ones this step makes.
    fn check(&self, _c: &StepCheck, _made: &mut HashSet<String>, _problems: &mut Vec<Problem>) {}
}

macro_rules! script_layer {
    (unit: [$($u:ident => $um:ident,)*], data: [$($d:ident => $dm:ident,)*] $(,)?) => {
        $(mod $um;)*
        $(mod $dm;)*
        $(pub use $um::$u;)*
        $(pub use $dm::$d;)*

        /// What a step asks the group to produce. Lists are named; a list produced in one
        /// session can be pulled into a later one by name. Each kind's fields are documented on
        /// its struct.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub enum Activity {
            $($u,)*
            $($d($d),)*
        }

        impl Activity {
            /// The kind's name, the same in every layer: `runner/activity/<kind>.rs`,
            /// `ui/activity/<kind>.rs`, the footer context in `assets/keys.ron`.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(Activity::$u => stringify!($um),)*
                    $(Activity::$d(_) => stringify!($dm),)*
                }
            }

            const VARIANTS: &[&str] = &[$(stringify!($u),)* $(stringify!($d),)*];

            /// Every kind's name, as [`Activity::kind`] gives it.
            pub const KINDS: &[&str] = &[$(stringify!($um),)* $(stringify!($dm),)*];

            /// The kind, as the layers that do not know it see it.
            pub fn spec(&self) -> &dyn Spec {
                match self {
                    $(Activity::$u => &$u,)*
                    $(Activity::$d(k) => k,)*
                }
            }
        }
    };
}

activity_kinds!(script_layer);

/// A script writes a kind's fields inside its name's brackets, `Vote(list: "x", dots: 3)`, as
/// for an enum's struct variant, though each kind is a struct of its own.
impl<'de> Deserialize<'de> for Activity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum("Activity", Activity::VARIANTS, KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = Activity;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // not user text: RON's own (English) detail, see script::load
        f.write_str("an activity")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Activity, A::Error> {
        macro_rules! by_name {
            (unit: [$($u:ident => $um:ident,)*], data: [$($d:ident => $dm:ident,)*] $(,)?) => {{
                let (KindName(name), access) = data.variant()?;
                match name {
                    $(stringify!($u) => {
                        access.unit_variant()?;
                        Ok(Activity::$u)
                    })*
                    $(stringify!($d) => access
                        .struct_variant(&[], KindFields::<$d>(PhantomData))
                        .map(Activity::$d),)*
                    other => Err(de::Error::unknown_variant(other, Activity::VARIANTS)),
                }
            }};
        }
        activity_kinds!(by_name)
    }
}

/// A kind's name where the script names it; only the listed names are taken.
struct KindName(&'static str);

impl<'de> Deserialize<'de> for KindName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KindName(""))
    }
}

impl<'de> Visitor<'de> for KindName {
    type Value = KindName;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // not user text: RON's own (English) detail, see script::load
        f.write_str("the name of an activity")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<KindName, E> {
        match Activity::VARIANTS.iter().find(|v| **v == name) {
            Some(known) => Ok(KindName(known)),
            None => Err(E::unknown_variant(name, Activity::VARIANTS)),
        }
    }
}

/// Reads a kind's struct from the fields of its variant.
struct KindFields<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for KindFields<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // not user text: RON's own (English) detail, see script::load
        f.write_str("the fields of an activity")
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<T, M::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl Activity {
    pub fn label(&self) -> &'static str {
        self.spec().label()
    }

    pub fn list(&self) -> Option<&str> {
        self.spec().list()
    }
}
