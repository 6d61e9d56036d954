//! The grid's columns: their names, their order, and reading and writing a row's text by column.

use super::{RiskRow, Uncertainty};
use crate::t;

/// The grid's columns, in the order Tab moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Tema,
    Hendelse,
    Sarbarhet,
    Sannsynlighet,
    SannsynlighetTekst,
    Konsekvens,
    KonsekvensTekst,
    Usikkerhet,
    UsikkerhetTekst,
    Tiltak,
    RestSannsynlighet,
    RestKonsekvens,
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::Tema,
        Column::Hendelse,
        Column::Sarbarhet,
        Column::Sannsynlighet,
        Column::SannsynlighetTekst,
        Column::Konsekvens,
        Column::KonsekvensTekst,
        Column::Usikkerhet,
        Column::UsikkerhetTekst,
        Column::Tiltak,
        Column::RestSannsynlighet,
        Column::RestKonsekvens,
    ];

    /// The column `by` columns on, round from the last to the first.
    pub fn moved(self, by: i64) -> Column {
        let len = Column::ALL.len() as i64;
        let at = Column::ALL.iter().position(|&c| c == self).unwrap_or(0) as i64;
        Column::ALL[(at + by).rem_euclid(len) as usize]
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Tema => t!("risk.column.tema"),
            Column::Hendelse => t!("worksheet.risk.hva_kan_skje"),
            Column::Sarbarhet => t!("worksheet.risk.sarbarhet"),
            Column::Sannsynlighet => t!("risk.column.sannsynlighet"),
            Column::SannsynlighetTekst => t!("worksheet.risk.begrunnelse_for_s"),
            Column::Konsekvens => t!("risk.column.konsekvens"),
            Column::KonsekvensTekst => t!("worksheet.risk.beskrivelse_av_k"),
            Column::Usikkerhet => t!("risk.column.usikkerhet"),
            Column::UsikkerhetTekst => t!("worksheet.risk.usikkerhet_hvorfor"),
            Column::Tiltak => t!("worksheet.risk.foreslatte_tiltak"),
            Column::RestSannsynlighet => t!("risk.column.rest_s"),
            Column::RestKonsekvens => t!("risk.column.rest_k"),
        }
    }

    /// True for columns set with a number key rather than typed text.
    pub fn is_level(self) -> bool {
        matches!(
            self,
            Column::Sannsynlighet
                | Column::Konsekvens
                | Column::Usikkerhet
                | Column::RestSannsynlighet
                | Column::RestKonsekvens
        )
    }

    pub fn text(self, row: &RiskRow) -> Option<&String> {
        Some(match self {
            Column::Tema => &row.tema,
            Column::Hendelse => &row.hendelse,
            Column::Sarbarhet => &row.sarbarhet,
            Column::SannsynlighetTekst => &row.sannsynlighet_tekst,
            Column::KonsekvensTekst => &row.konsekvens_tekst,
            Column::UsikkerhetTekst => &row.usikkerhet_tekst,
            Column::Tiltak => &row.tiltak,
            _ => return None,
        })
    }

    pub fn text_mut(self, row: &mut RiskRow) -> Option<&mut String> {
        Some(match self {
            Column::Tema => &mut row.tema,
            Column::Hendelse => &mut row.hendelse,
            Column::Sarbarhet => &mut row.sarbarhet,
            Column::SannsynlighetTekst => &mut row.sannsynlighet_tekst,
            Column::KonsekvensTekst => &mut row.konsekvens_tekst,
            Column::UsikkerhetTekst => &mut row.usikkerhet_tekst,
            Column::Tiltak => &mut row.tiltak,
            _ => return None,
        })
    }

    /// Sets a level from a number key; `max` is the scale's number of levels. Returns whether
    /// the number fits the column.
    pub fn set_level(self, row: &mut RiskRow, n: u8, max: u8) -> bool {
        if n == 0 {
            return self.clear_level(row);
        }
        let level = (1..=max).contains(&n).then_some(n);
        match self {
            Column::Usikkerhet => match Uncertainty::from_level(n) {
                Some(u) => row.usikkerhet = Some(u),
                None => return false,
            },
            _ if level.is_none() => return false,
            Column::Sannsynlighet => row.sannsynlighet = level,
            Column::Konsekvens => row.konsekvens = level,
            Column::RestSannsynlighet => row.rest_sannsynlighet = level,
            Column::RestKonsekvens => row.rest_konsekvens = level,
            _ => return false,
        }
        true
    }

    /// Takes the level away (`0`), so the row is unrated in this column again.
    fn clear_level(self, row: &mut RiskRow) -> bool {
        match self {
            Column::Usikkerhet => row.usikkerhet = None,
            Column::Sannsynlighet => row.sannsynlighet = None,
            Column::Konsekvens => row.konsekvens = None,
            Column::RestSannsynlighet => row.rest_sannsynlighet = None,
            Column::RestKonsekvens => row.rest_konsekvens = None,
            _ => return false,
        }
        true
    }
}
