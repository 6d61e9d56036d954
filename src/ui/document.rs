//! A hand-off document (the Markdown a session is saved as) as lines for the screen: what
//! the stafettpinne and a session's closing view show.

use super::theme::Theme;
use ratatui::text::{Line, Span};

/// A hand-off copy (Markdown) as lines for the screen: headings in the room's colour, items
/// as bullets, a field's label in the label colour. Its text is already made inert.
pub fn document_lines(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut after_heading = false;
    for line in text.lines() {
        if line.starts_with('#') {
            // A heading stands on the line before its content, with a blank line above.
            if out.last().is_none_or(|l| l.width() > 0) {
                out.push(Line::raw(""));
            }
            let title = line.trim_start_matches('#').trim().to_string();
            out.push(Line::styled(title, theme.room()));
        } else if let Some(item) = line.strip_prefix("- ") {
            let item = item.replace(" _(", " (").replace(")_", ")");
            out.push(Line::raw(format!("• {item}")));
        } else if let Some((label, value)) =
            line.strip_prefix("**").and_then(|l| l.split_once(":** "))
        {
            out.push(Line::from(vec![
                Span::styled(format!("{label}: "), theme.label()),
                Span::raw(value.trim_end().to_string()),
            ]));
        } else if !line.is_empty() || !after_heading {
            out.push(Line::raw(line.to_string()));
        }
        after_heading = line.starts_with('#');
    }
    while out.last().is_some_and(|l| l.width() == 0) {
        out.pop();
    }
    out
}
