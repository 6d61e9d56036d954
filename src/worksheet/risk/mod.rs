//! The coarse risk grid: rows, levels, risk value and bands. Pure data and arithmetic.

mod column;

pub use column::Column;

use crate::script::RiskScale;
use crate::t;
use serde::{Deserialize, Serialize};

/// How sure the group is of an assessment; where the parties disagree, it is written here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Uncertainty {
    Low,
    Medium,
    High,
}

impl Uncertainty {
    pub fn label(self) -> &'static str {
        match self {
            Uncertainty::Low => t!("risk.uncertainty.low"),
            Uncertainty::Medium => t!("risk.uncertainty.medium"),
            Uncertainty::High => t!("worksheet.risk.hoy"),
        }
    }

    /// From the key pressed: 1 lav, 2 middels, 3 høy.
    pub fn from_level(n: u8) -> Option<Uncertainty> {
        match n {
            1 => Some(Uncertainty::Low),
            2 => Some(Uncertainty::Medium),
            3 => Some(Uncertainty::High),
            _ => None,
        }
    }
}

/// The three bands a risk value falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Acceptable,
    High,
    Unacceptable,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Acceptable => t!("risk.band.acceptable"),
            Band::High => t!("worksheet.risk.hoy"),
            Band::Unacceptable => t!("risk.band.unacceptable"),
        }
    }

    /// The label shortened for narrow matrix cells.
    pub fn short_label(self) -> &'static str {
        match self {
            Band::Acceptable => t!("risk.band.acceptable_short"),
            Band::High => t!("worksheet.risk.hoy"),
            Band::Unacceptable => t!("risk.band.unacceptable_short"),
        }
    }

    /// A symbol that carries the band without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Band::Acceptable => "○",
            Band::High => "◆",
            Band::Unacceptable => "■",
        }
    }
}

/// The scale and bands a group agreed before assessing, stored with the forløp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskSettings {
    /// The id of the script's scale.
    pub scale: String,
    /// Risk values from this one up are høy.
    pub high_from: u32,
    /// Risk values from this one up are uakseptabel.
    pub unacceptable_from: u32,
    /// Changes of scale or bands made after rows were assessed: the export shows them, so a
    /// reader knows the levels were set on another scale.
    #[serde(default)]
    pub changes: Vec<ScaleChange>,
}

/// One change of scale or bands after assessing began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleChange {
    pub at: chrono::NaiveDateTime,
    /// The scale and bands before, as words: "5x5, høy fra 5, uakseptabel fra 12".
    pub before: String,
    pub after: String,
    /// What happened to the levels: "regnet om", "fjernet" or "" for a band change.
    #[serde(default)]
    pub levels: String,
}

/// What becomes of assessed levels when the scale changes size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelChange {
    /// Spread evenly over the new scale: the first level stays first, the last stays last.
    Map,
    /// Levels that fit stay; the others are cleared (the texts are kept).
    Clear,
}

/// A level moved from a scale of `from` levels to one of `to`: the ends stay the ends, the
/// levels between are spread evenly and rounded (5→4: 1 2 3 3 4; 4→5: 1 2 4 5).
pub fn map_level(level: u8, from: usize, to: usize) -> u8 {
    if from <= 1 || to == 0 {
        return level.clamp(1, to.max(1) as u8);
    }
    let l = f64::from(level.clamp(1, from as u8)) - 1.0;
    let mapped = 1.0 + (l * (to as f64 - 1.0) / (from as f64 - 1.0)).round();
    mapped as u8
}

/// A level's name on a scale, or a clear word when the level lies outside it (a file edited by
/// hand, or a scale changed without regard to it): never hidden.
pub fn level_name(labels: &[String], level: u8) -> String {
    match usize::from(level)
        .checked_sub(1)
        .and_then(|i| labels.get(i))
    {
        Some(name) => name.clone(),
        None => crate::t!("risk.outside_scale").to_string(),
    }
}

impl RiskRow {
    /// Whether any level is set.
    pub fn is_assessed(&self) -> bool {
        [
            self.sannsynlighet,
            self.konsekvens,
            self.rest_sannsynlighet,
            self.rest_konsekvens,
        ]
        .iter()
        .any(Option::is_some)
    }

    /// Whether a level lies outside a scale of `s` × `k` levels.
    pub fn outside(&self, s: usize, k: usize) -> bool {
        let out = |l: Option<u8>, n: usize| l.is_some_and(|l| usize::from(l) > n || l == 0);
        out(self.sannsynlighet, s)
            || out(self.konsekvens, k)
            || out(self.rest_sannsynlighet, s)
            || out(self.rest_konsekvens, k)
    }

    /// Moves the levels from one scale size to another.
    pub fn rescale(&mut self, from: (usize, usize), to: (usize, usize), how: LevelChange) {
        let change = |l: &mut Option<u8>, from: usize, to: usize| {
            if let Some(v) = *l {
                *l = match how {
                    LevelChange::Map => Some(map_level(v, from, to)),
                    LevelChange::Clear => (usize::from(v) <= to).then_some(v),
                };
            }
        };
        change(&mut self.sannsynlighet, from.0, to.0);
        change(&mut self.konsekvens, from.1, to.1);
        change(&mut self.rest_sannsynlighet, from.0, to.0);
        change(&mut self.rest_konsekvens, from.1, to.1);
    }
}

impl RiskSettings {
    pub fn from_scale(scale: &RiskScale) -> RiskSettings {
        RiskSettings {
            scale: scale.id.clone(),
            high_from: scale.high_from,
            unacceptable_from: scale.unacceptable_from,
            changes: Vec::new(),
        }
    }

    /// The scale and bands in words, for the record of changes.
    pub fn describe(&self) -> String {
        crate::t!(
            "risk.settings",
            scale = self.scale,
            high = self.high_from,
            unacceptable = self.unacceptable_from
        )
    }

    pub fn band(&self, value: u32) -> Band {
        if value >= self.unacceptable_from {
            Band::Unacceptable
        } else if value >= self.high_from {
            Band::High
        } else {
            Band::Acceptable
        }
    }
}

/// Risk value: sannsynlighet × konsekvens, when both are set.
pub fn value(s: Option<u8>, k: Option<u8>) -> Option<u32> {
    Some(u32::from(s?) * u32::from(k?))
}

/// One row of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskRow {
    pub id: super::RowId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tema: String,
    /// Hva kan skje? An unwanted event.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hendelse: String,
    /// What is already in place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sarbarhet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sannsynlighet: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sannsynlighet_tekst: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konsekvens: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub konsekvens_tekst: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usikkerhet: Option<Uncertainty>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub usikkerhet_tekst: String,
    /// Foreslåtte nye tiltak.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tiltak: String,
    /// Restrisiko: sannsynlighet and konsekvens after the measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_sannsynlighet: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_konsekvens: Option<u8>,
    /// Still the script's example text, not yet kept or edited by the group.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    /// The handlingsplan row made from this row's measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<super::MeasureId>,
}

impl RiskRow {
    pub fn new(id: impl Into<super::RowId>) -> RiskRow {
        RiskRow {
            id: id.into(),
            tema: String::new(),
            hendelse: String::new(),
            sarbarhet: String::new(),
            sannsynlighet: None,
            sannsynlighet_tekst: String::new(),
            konsekvens: None,
            konsekvens_tekst: String::new(),
            usikkerhet: None,
            usikkerhet_tekst: String::new(),
            tiltak: String::new(),
            rest_sannsynlighet: None,
            rest_konsekvens: None,
            example: false,
            measure: None,
        }
    }

    pub fn value(&self) -> Option<u32> {
        value(self.sannsynlighet, self.konsekvens)
    }

    pub fn rest_value(&self) -> Option<u32> {
        value(self.rest_sannsynlighet, self.rest_konsekvens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_keeps_the_ends_and_spreads_the_middle() {
        let down: Vec<u8> = (1..=5).map(|l| map_level(l, 5, 4)).collect();
        assert_eq!(down, [1, 2, 3, 3, 4]);
        let up: Vec<u8> = (1..=4).map(|l| map_level(l, 4, 5)).collect();
        assert_eq!(up, [1, 2, 4, 5]);
        assert_eq!(map_level(3, 3, 3), 3);
    }

    #[test]
    fn a_level_outside_the_scale_is_named_not_hidden() {
        let labels = vec!["Lav".to_string(), "Høy".to_string()];
        assert_eq!(level_name(&labels, 2), "Høy");
        assert_eq!(level_name(&labels, 5), "utenfor skalaen");
        assert_eq!(level_name(&labels, 0), "utenfor skalaen");
    }

    fn settings(high: u32, unacceptable: u32) -> RiskSettings {
        RiskSettings {
            scale: "x".into(),
            high_from: high,
            unacceptable_from: unacceptable,
            changes: Vec::new(),
        }
    }

    /// Every value of every scale size from 3×3 to 5×5 lands in the band its thresholds say.
    #[test]
    fn band_table_for_every_scale_size_and_setting() {
        for levels in 3u8..=5 {
            let max = u32::from(levels) * u32::from(levels);
            for high in 1..=max {
                for unacceptable in high..=max {
                    let set = settings(high, unacceptable);
                    for s in 1..=levels {
                        for k in 1..=levels {
                            let v = value(Some(s), Some(k)).unwrap();
                            assert_eq!(v, u32::from(s) * u32::from(k));
                            let want = if v >= unacceptable {
                                Band::Unacceptable
                            } else if v >= high {
                                Band::High
                            } else {
                                Band::Acceptable
                            };
                            assert_eq!(
                                set.band(v),
                                want,
                                "{levels}×{levels} {high}/{unacceptable} {s}×{k}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn known_bands_of_the_shipped_defaults() {
        // 5×5: 1–4 akseptabel, 5–11 høy, 12–25 uakseptabel.
        let five = settings(5, 12);
        let cases = [
            (1, Band::Acceptable),
            (4, Band::Acceptable),
            (5, Band::High),
            (11, Band::High),
            (12, Band::Unacceptable),
            (25, Band::Unacceptable),
        ];
        for (v, band) in cases {
            assert_eq!(five.band(v), band, "{v}");
        }
        // 4×4: 1–3, 4–8, 9–16.
        let four = settings(4, 9);
        assert_eq!(
            (four.band(3), four.band(4), four.band(8), four.band(9)),
            (Band::Acceptable, Band::High, Band::High, Band::Unacceptable)
        );
    }

    #[test]
    fn no_value_until_both_levels_are_set() {
        assert_eq!(value(Some(3), None), None);
        assert_eq!(value(None, Some(3)), None);
        assert_eq!(value(Some(3), Some(4)), Some(12));
    }

    #[test]
    fn levels_outside_the_scale_are_refused() {
        let mut row = RiskRow::new(1);
        assert!(Column::Sannsynlighet.set_level(&mut row, 4, 4));
        assert!(!Column::Sannsynlighet.set_level(&mut row, 5, 4));
        assert_eq!(row.sannsynlighet, Some(4));
        // 0 clears a level column, and only a level column.
        assert!(Column::Konsekvens.set_level(&mut row, 3, 5));
        assert!(Column::Konsekvens.set_level(&mut row, 0, 5));
        assert_eq!(row.konsekvens, None);
        assert!(!Column::Tema.set_level(&mut row, 0, 5));
        assert!(Column::Usikkerhet.set_level(&mut row, 3, 5));
        assert_eq!(row.usikkerhet, Some(Uncertainty::High));
        assert!(!Column::Usikkerhet.set_level(&mut row, 4, 5));
        assert!(!Column::Tema.set_level(&mut row, 1, 5));
    }
}
