//! The handlingsplan as a table: used by the plan step and by the plan overlay.

use super::theme::Theme;
use super::wrap::wrap;
use crate::t;
use crate::text::{format_date, inert};
use crate::ui::plain::Plain;
use crate::worksheet::Measure;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Whether a measure is open and past its deadline.
pub fn overdue(m: &Measure, today: NaiveDate) -> bool {
    m.status.is_open() && m.frist.is_some_and(|f| f < today)
}

pub fn table(
    buf: &mut Buffer,
    area: Rect,
    plan: &[Measure],
    selected: Option<usize>,
    review: bool,
    today: NaiveDate,
    theme: &Theme,
) {
    if area.height < 2 {
        return;
    }
    let open = plan.iter().filter(|m| m.status.is_open()).count();
    let late = plan.iter().filter(|m| overdue(m, today)).count();
    let summary = if review {
        t!(
            "ui.plan.apne_tiltak_open_forfalt_late",
            open = open,
            late = late,
            n = plan.len()
        )
    } else {
        t!(
            "ui.plan.tiltak_i_planen_n_apne",
            n = plan.len(),
            open = open
        )
    };
    (Plain::new(Span::styled(summary, theme.label()))).render(Rect { height: 1, ..area }, buf);
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    if plan.is_empty() {
        (Plain::new(Span::styled(
            t!("ui.plan.ingen_tiltak_enna_trykk_a"),
            theme.dim(),
        )))
        .render(body, buf);
        return;
    }
    let (w_tiltak, w_ans, w_frist) = column_widths(plan, today, body.width.saturating_sub(2));
    let head = format!(
        "{:<w_tiltak$} {:<w_ans$} {:<w_frist$} {}",
        t!("ui.plan.tiltak"),
        t!("ui.plan.ansvarlig"),
        t!("ui.plan.frist"),
        t!("ui.plan.status")
    );
    (Plain::new(Line::styled(format!("  {head}"), theme.dim())))
        .render(Rect { height: 1, ..body }, buf);
    let rows_area = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    let widths = (w_tiltak, w_ans, w_frist);
    (super::rows::Rows {
        count: plan.len(),
        row: |i: usize| measure_lines(&plan[i], today, widths),
        selected,
        theme,
    })
    .render(rows_area, buf);
}

/// The widths of tiltak, ansvarlig and frist: ansvarlig and status as wide as their longest
/// text (within a quarter and a half of the width), tiltak what is left.
fn column_widths(plan: &[Measure], today: NaiveDate, width: u16) -> (usize, usize, usize) {
    let width = usize::from(width);
    let longest = plan
        .iter()
        .map(|m| inert(&m.ansvarlig).width())
        .chain([t!("ui.plan.ansvarlig").width()])
        .max()
        .unwrap_or(0);
    let w_ans = longest.clamp(9, (width / 4).max(9));
    let w_status = plan
        .iter()
        .map(|m| status_text(m, today).width())
        .max()
        .unwrap_or(0)
        .clamp(8, (width / 2).max(8));
    let w_frist = 11;
    let w_tiltak = width.saturating_sub(w_ans + w_frist + w_status + 3).max(8);
    (w_tiltak, w_ans, w_frist)
}

/// A measure's status; overdue is said beside it, never instead of it.
fn status_text(m: &Measure, today: NaiveDate) -> String {
    if overdue(m, today) {
        t!("ui.plan.overdue", status = m.status.label())
    } else {
        m.status.label().to_string()
    }
}

/// One measure's lines: tiltak and ansvarlig wrapped side by side, frist and status on the
/// first line.
fn measure_lines(
    m: &Measure,
    today: NaiveDate,
    (w_tiltak, w_ans, w_frist): (usize, usize, usize),
) -> Vec<Line<'static>> {
    let text = match m.risk {
        Some(id) => format!("[R{id}] {}", inert(&m.tiltak)),
        None => inert(&m.tiltak).into_owned(),
    };
    let tiltak = wrap(&text, w_tiltak);
    let ansvarlig = wrap(&inert(&m.ansvarlig), w_ans);
    let frist = m.frist.map(format_date).unwrap_or_else(|| "–".into());
    let status = status_text(m, today);
    let n = tiltak.len().max(ansvarlig.len());
    (0..n)
        .map(|i| {
            let t = tiltak.get(i).map(String::as_str).unwrap_or("");
            let a = ansvarlig.get(i).map(String::as_str).unwrap_or("");
            let (f, s) = if i == 0 {
                (frist.as_str(), status.as_str())
            } else {
                ("", "")
            };
            Line::raw(format!(
                "{}{} {}{} {:<w_frist$} {s}",
                t,
                pad(t, w_tiltak),
                a,
                pad(a, w_ans),
                f
            ))
        })
        .collect()
}

fn pad(s: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(s.width()))
}
