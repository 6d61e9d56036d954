//! Text fields and forms: the only state with a cursor. Built on ratatui-textarea.

use super::errors::DraftError;
use crate::text;
use crate::worksheet::{Measure, MeasureDraft, MeasureStatus};
use ratatui_textarea::TextArea;

/// What a single text field is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputTarget {
    AddItem,
    EditItem,
    Theme,
    Field,
    Count,
    /// A folder to export the forløp to.
    ExportDir,
    /// A text column of a risk grid's selected row.
    Cell(crate::worksheet::risk::Column),
    /// A field of a session's record (referat), by its place in the record.
    Record {
        key: crate::worksheet::SheetKey,
        field: usize,
    },
}

impl InputTarget {
    /// Single-line fields turn pasted newlines into spaces and ignore Alt+Enter.
    pub fn single_line(&self) -> bool {
        matches!(
            self,
            InputTarget::Theme | InputTarget::Count | InputTarget::ExportDir
        )
    }
}

/// A text field in a dialog.
pub struct Input {
    pub title: String,
    pub target: InputTarget,
    pub area: TextArea<'static>,
    /// The text the field opened with, to tell whether anything was typed.
    pub initial: String,
    /// Esc was pressed once with typed text: a second Esc throws it away.
    pub discard_armed: bool,
}

impl Input {
    pub fn new(title: impl Into<String>, target: InputTarget, initial: &str) -> Input {
        let area = text_area(initial);
        Input {
            title: title.into(),
            target,
            initial: area.lines().join("\n"),
            area,
            discard_armed: false,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Whether something was typed that Esc would throw away.
    pub fn changed(&self) -> bool {
        let text = self.text();
        text != self.initial && !text.trim().is_empty()
    }
}

/// A text area holding `initial` (made inert), with the cursor at its end.
pub fn text_area(initial: &str) -> TextArea<'static> {
    let lines: Vec<String> = text::inert(initial).lines().map(str::to_string).collect();
    let mut area = if lines.is_empty() {
        TextArea::default()
    } else {
        TextArea::new(lines)
    };
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// Pasted text as it may enter a field: line endings normalised, control characters made
/// visible, newlines turned into spaces for single-line fields.
pub fn clean_paste(pasted: &str, single_line: bool) -> String {
    let unified = pasted.replace("\r\n", "\n").replace('\r', "\n");
    if single_line {
        text::inert_line(&unified.replace('\n', " ")).into_owned()
    } else {
        text::inert(&unified).into_owned()
    }
}

/// The handlingsplan row form: three text fields and a status chosen with Space or ← →.
pub struct MeasureForm {
    /// The plan row being edited, or None for a new one.
    pub index: Option<usize>,
    pub fields: [TextArea<'static>; 3],
    pub status: MeasureStatus,
    pub focus: usize,
    pub error: Option<String>,
    /// The fields as the form opened, to tell whether anything was typed.
    pub initial: [String; 3],
    /// Esc was pressed once with typed text: a second Esc throws it away.
    pub discard_armed: bool,
}

impl MeasureForm {
    pub fn new() -> MeasureForm {
        MeasureForm {
            index: None,
            fields: [text_area(""), text_area(""), text_area("")],
            status: MeasureStatus::Planned,
            focus: 0,
            error: None,
            initial: Default::default(),
            discard_armed: false,
        }
    }

    pub fn edit(index: usize, m: &Measure) -> MeasureForm {
        let fields = [
            text_area(&m.tiltak),
            text_area(&m.ansvarlig),
            text_area(&m.frist.map(text::format_date).unwrap_or_default()),
        ];
        MeasureForm {
            index: Some(index),
            initial: fields.clone().map(|f| f.lines().join("\n")),
            fields,
            status: m.status,
            focus: 0,
            error: None,
            discard_armed: false,
        }
    }

    /// Whether something was typed that Esc would throw away.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, i)| f.lines().join("\n") != *i && !f.lines().join("").trim().is_empty())
    }

    pub fn next_field(&mut self, forward: bool) {
        self.focus = if forward {
            (self.focus + 1) % 4
        } else {
            (self.focus + 3) % 4
        };
    }

    /// The typed row, or a message saying what to fix.
    pub fn draft(&self) -> Result<MeasureDraft, DraftError> {
        let tiltak = self.fields[0].lines().join("\n").trim().to_string();
        if tiltak.is_empty() {
            return Err(DraftError::NoTiltak);
        }
        let frist_text = self.fields[2].lines().join(" ");
        let frist = if frist_text.trim().is_empty() {
            None
        } else {
            Some(
                text::parse_date(&frist_text)
                    .ok_or_else(|| DraftError::NotADate(frist_text.clone()))?,
            )
        };
        Ok(MeasureDraft {
            tiltak,
            ansvarlig: self.fields[1].lines().join(" ").trim().to_string(),
            frist,
            status: self.status,
        })
    }
}

impl Default for MeasureForm {
    fn default() -> Self {
        MeasureForm::new()
    }
}

/// Starting a new forløp: choose the process with ↑ ↓, type the unit's name.
pub struct NewForlop {
    pub workshop: usize,
    pub name: TextArea<'static>,
    pub error: Option<String>,
}

impl NewForlop {
    pub fn new() -> NewForlop {
        NewForlop {
            workshop: 0,
            name: text_area(""),
            error: None,
        }
    }

    pub fn name(&self) -> String {
        self.name.lines().join(" ").trim().to_string()
    }
}

impl Default for NewForlop {
    fn default() -> Self {
        NewForlop::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn paste_is_made_inert_and_single_line_where_needed() {
        assert_eq!(
            clean_paste("a\r\nb\u{1b}]52;c;x\u{7}", false),
            "a\nb\u{241b}]52;c;x\u{2407}"
        );
        assert_eq!(clean_paste("a\nb", true), "a b");
    }

    #[test]
    fn measure_form_checks_text_and_date() {
        let mut f = MeasureForm::new();
        assert_eq!(f.draft(), Err(DraftError::NoTiltak));
        assert_eq!(DraftError::NoTiltak.to_string(), "Skriv hva tiltaket er.");
        f.fields[0].insert_str("Fast rapporttid");
        f.fields[2].insert_str("32.01.2027");
        let err = f.draft().unwrap_err();
        assert_eq!(err, DraftError::NotADate("32.01.2027".into()));
        assert!(err.to_string().contains("er ikke en dato"), "{err}");
        f.fields[2] = text_area("15.01.2027");
        f.fields[1].insert_str(" Leder ");
        let d = f.draft().unwrap();
        assert_eq!(d.tiltak, "Fast rapporttid");
        assert_eq!(d.ansvarlig, "Leder");
        assert_eq!(d.frist, NaiveDate::from_ymd_opt(2027, 1, 15));
    }

    #[test]
    fn focus_wraps_round_four_fields() {
        let mut f = MeasureForm::new();
        f.next_field(false);
        assert_eq!(f.focus, 3);
        f.next_field(true);
        assert_eq!(f.focus, 0);
    }
}
