//! Lists and form fields in Markdown: the items of a list with their themes, ratings and
//! votes; a form's fields in the script's order.

use super::indent;
use crate::t;
use crate::text::inert;
use crate::worksheet::Item;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A form's fields in the script's order, `—` for an empty one: one line each (a hard line
/// break between them), one paragraph in all.
pub(super) fn write_fields(out: &mut String, fields: &[String], values: &BTreeMap<String, String>) {
    for (i, label) in fields.iter().enumerate() {
        let value = values.get(label).map(|v| v.trim()).unwrap_or("");
        let shown = if value.is_empty() {
            "—".to_string()
        } else {
            indent(&inert(value))
        };
        let end = if i + 1 < fields.len() { "  " } else { "\n" };
        let _ = writeln!(out, "**{}:** {shown}{end}", inert(label));
    }
}

pub(super) fn write_list(
    out: &mut String,
    sub: &str,
    title: &str,
    items: &[Item],
    labels: Option<&[String]>,
) {
    let _ = writeln!(out, "{sub} {}\n", inert(title));
    if items.is_empty() {
        let _ = writeln!(out, "{}\n", t!("export.empty_list"));
        return;
    }
    for item in items {
        let mut line = format!("- {}", indent(&inert(&item.text)));
        if let Some(theme) = &item.theme {
            let _ = write!(line, " _({})_", t!("export.theme", theme = inert(theme)));
        }
        if let Some(r) = labels.and_then(|l| crate::text::rating_label(l, item.rating)) {
            let _ = write!(line, " — {}", t!("export.item_rating", rating = inert(&r)));
        }
        if item.votes > 0 {
            let _ = write!(
                line,
                " — {} {}",
                item.votes,
                if item.votes == 1 {
                    t!("export.dot")
                } else {
                    t!("export.dots")
                }
            );
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
}
