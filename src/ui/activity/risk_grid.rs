//! RiskGrid on screen: the table with a detail panel, or the risk matrix (`matrix.rs`).
//! Every band is shown with its symbol and its word as well as its colour.

use crate::ui::plain::Plain;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::runner::Runner;
use crate::script::RiskScale;
use crate::t;
use crate::text::{inert, inert_line};
use crate::worksheet::risk::level_name;
use crate::worksheet::risk::{Band, Column, RiskRow, RiskSettings};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;
use super::{Cx, View};
use crate::script::activity as spec;

pub(super) fn band_style(band: Band, theme: &Theme) -> Style {
    theme.band(band)
}

/// `■ 12 uakseptabel`, or a dash when a level is missing.
pub(super) fn risk_text(
    value: Option<u32>,
    set: &RiskSettings,
    long: bool,
) -> (String, Option<Band>) {
    match value {
        Some(v) => {
            let band = set.band(v);
            let text = if long {
                format!("{} {v:>2} {}", band.symbol(), band.label())
            } else {
                format!("{} {v:>2}", band.symbol())
            };
            (text, Some(band))
        }
        None => ("–".into(), None),
    }
}

/// The bands as a legend line: `○ akseptabel 1–4 · ◆ høy 5–11 · ■ uakseptabel 12–25`.
pub(super) fn legend(set: &RiskSettings, scale: &RiskScale) -> String {
    let max = (scale.sannsynlighet.len() * scale.konsekvens.len()) as u32;
    let range = |a: u32, b: u32| {
        if a > b {
            t!("ui.risk.none").to_string()
        } else if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        }
    };
    t!(
        "ui.risk.legend",
        acceptable_symbol = Band::Acceptable.symbol(),
        acceptable = range(1, set.high_from.saturating_sub(1)),
        high_symbol = Band::High.symbol(),
        high = range(set.high_from, set.unacceptable_from.saturating_sub(1)),
        unacceptable_symbol = Band::Unacceptable.symbol(),
        unacceptable = range(set.unacceptable_from, max)
    )
}

fn grid(buf: &mut Buffer, area: Rect, w: &RiskGrid) {
    let (r, grid, matrix, theme) = (w.r, w.grid, w.matrix, w.theme);
    let (Some(set), Some(scale)) = (r.risk_settings(grid), r.risk_scale(grid)) else {
        return;
    };
    let rows = r.grid_rows(grid);
    let selected = rows.get(r.selected);
    let view = if matrix {
        t!("ui.risk.to_table")
    } else {
        t!("ui.risk.to_matrix")
    };
    let head = Line::from(vec![
        Span::styled(legend(&set, scale), theme.label()),
        Span::styled(format!("  · {view}"), theme.dim()),
    ]);
    (Plain::new(head)).render(Rect { height: 1, ..area }, buf);
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    if rows.is_empty() {
        (Plain::new(Span::styled(
            t!("ui.activity.risk_grid.ingen_risikoer_enna_trykk_a"),
            theme.dim(),
        )))
        .render(body, buf);
        return;
    }
    if matrix {
        super::matrix::matrix(buf, body, rows, selected, &set, scale, theme);
        return;
    }
    // Table above, the selected row in full below.
    let (detail_lines, focus_line) = selected
        .map(|row| detail(row, w.column, &set, scale, body.width as usize, theme))
        .unwrap_or_default();
    let detail_h = (detail_lines.len() as u16).min(body.height * 2 / 5);
    // Scroll the detail so the focused field is in sight near the top (two lines of context
    // above), with what its levels mean below it; never past the end.
    let scroll = (focus_line as u16)
        .saturating_sub(2)
        .min((detail_lines.len() as u16).saturating_sub(detail_h));
    let table_area = Rect {
        height: body.height - detail_h,
        ..body
    };
    table(buf, table_area, rows, r.selected, &set, theme);
    let detail_area = Rect {
        y: body.y + table_area.height,
        height: detail_h,
        ..body
    };
    (Plain::new(detail_lines).scroll(scroll)).render(detail_area, buf);
}

fn table(
    buf: &mut Buffer,
    area: Rect,
    rows: &[RiskRow],
    selected: usize,
    set: &RiskSettings,
    theme: &Theme,
) {
    if area.height < 2 {
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let wide = width >= 90;
    let risk_w = if wide { 16 } else { 5 };
    // ID and space, two spaces around the texts, "S K ", the risk, and on wide screens
    // usikkerhet and restrisiko.
    let fixed = 4 + 2 + 4 + risk_w + if wide { 9 + 5 } else { 0 };
    let text_w = width.saturating_sub(fixed).max(10);
    let tema_w = (text_w * 2 / 5).max(6);
    let hva_w = text_w.saturating_sub(tema_w + 1).max(4);
    let mut head = format!(
        "{:<3} {:<tema_w$} {:<hva_w$} {:.1} {:.1} {:<risk_w$}",
        t!("ui.risk.id"),
        t!("ui.risk.tema"),
        t!("ui.activity.risk_grid.hva_kan_skje"),
        t!("ui.risk.likelihood_letter"),
        t!("ui.risk.consequence_letter"),
        t!("ui.risk.risk")
    );
    if wide {
        head.push_str(&format!(
            " {:<8} {}",
            t!("ui.risk.uncertain"),
            t!("ui.risk.rest")
        ));
    }
    (Plain::new(Line::styled(format!("  {head}"), theme.dim())))
        .render(Rect { height: 1, ..area }, buf);
    let widths = (tema_w, hva_w, risk_w, wide);
    // Only the rows that can be seen are wrapped and formatted.
    super::super::rows::Rows {
        count: rows.len(),
        row: |i: usize| row_lines(&rows[i], set, widths, theme),
        selected: Some(selected),
        theme,
    }
    .render(
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        },
        buf,
    );
}

/// One row of the table: its ID, tema and event (at most two lines), levels, risk and, on a wide
/// screen, usikkerhet and restrisiko.
fn row_lines(
    row: &RiskRow,
    set: &RiskSettings,
    (tema_w, hva_w, risk_w, wide): (usize, usize, usize, bool),
    theme: &Theme,
) -> Vec<Line<'static>> {
    let tema = wrap(&inert(&row.tema), tema_w);
    let hva = wrap(&inert(&row.hendelse), hva_w);
    let n = tema.len().max(hva.len()).min(2);
    let (risk, band) = risk_text(row.value(), set, wide);
    (0..n)
        .map(|i| {
            let t = tema.get(i).map(String::as_str).unwrap_or("");
            let h = hva.get(i).map(String::as_str).unwrap_or("");
            let id = if i == 0 {
                format!("{}{}", row.id, if row.example { "✎" } else { "" })
            } else {
                String::new()
            };
            let mut spans = vec![Span::raw(format!(
                "{id:<3} {t}{} {h}{} ",
                pad(t, tema_w),
                pad(h, hva_w)
            ))];
            if i == 0 {
                let level = |l: Option<u8>| l.map_or("–".to_string(), |l| l.to_string());
                spans.push(Span::raw(format!(
                    "{} {} ",
                    level(row.sannsynlighet),
                    level(row.konsekvens)
                )));
                let style = band.map_or(Style::new(), |b| band_style(b, theme));
                spans.push(Span::styled(format!("{risk:<risk_w$}"), style));
                if wide {
                    let u = row.usikkerhet.map_or("–", |u| u.label());
                    let (rest, _) = risk_text(row.rest_value(), set, false);
                    spans.push(Span::raw(format!(" {u:<8} {rest}")));
                }
            }
            Line::from(spans)
        })
        .collect()
}

fn pad(s: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(s.width()))
}

/// Every field of the selected row, the focused column marked.
/// The lines, and the index of the focused field's first line.
fn detail(
    row: &RiskRow,
    focus: Column,
    set: &RiskSettings,
    scale: &RiskScale,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, usize) {
    let mut lines = vec![Line::styled("─".repeat(width), theme.border())];
    let title = if row.example {
        t!(
            "ui.activity.risk_grid.risiko_id_eksempeltekst_behold_mellomrom",
            id = row.id
        )
    } else {
        t!("ui.risk_grid.risk_id", id = row.id)
    };
    lines.push(Line::styled(title, theme.label()));
    let mut focus_line = 0;
    for column in Column::ALL {
        let focused = column == focus;
        if focused {
            focus_line = lines.len();
        }
        let value = column_value(row, column, scale);
        field_lines(&mut lines, column.label(), &value, focused, width, theme);
        if focused {
            level_meanings(&mut lines, column, scale, width, theme);
        }
        let risk = match column {
            Column::Konsekvens => Some((t!("ui.risk.value_label"), row.value())),
            Column::RestKonsekvens => Some((t!("ui.risk.rest_label"), row.rest_value())),
            _ => None,
        };
        if let Some((label, value)) = risk {
            let (risk, band) = risk_text(value, set, true);
            let style = band.map_or(Style::new(), |b| band_style(b, theme));
            lines.push(Line::from(vec![
                Span::styled(label, theme.dim()),
                Span::styled(risk, style),
            ]));
        }
    }
    if row.measure.is_some() {
        lines.push(Line::styled(
            t!("ui.activity.risk_grid.tiltaket_star_i_handlingsplanen"),
            theme.ok(),
        ));
    }
    (lines, focus_line)
}

/// A column's value in a row, as the detail shows it.
fn column_value(row: &RiskRow, column: Column, scale: &RiskScale) -> String {
    let level_label = |labels: &[String], l: Option<u8>| match l {
        Some(l) => format!("{l} {}", inert_line(&level_name(labels, l))),
        None => t!("ui.risk.press_level", n = labels.len()),
    };
    match column {
        Column::Sannsynlighet => level_label(&scale.sannsynlighet, row.sannsynlighet),
        Column::Konsekvens => level_label(&scale.konsekvens, row.konsekvens),
        Column::RestSannsynlighet => level_label(&scale.sannsynlighet, row.rest_sannsynlighet),
        Column::RestKonsekvens => level_label(&scale.konsekvens, row.rest_konsekvens),
        Column::Usikkerhet => row.usikkerhet.map_or(
            t!("ui.activity.risk_grid.1_lav_2_middels_3").to_string(),
            |u| u.label().to_string(),
        ),
        c => c
            .text(row)
            .map(|t| inert_line(t).into_owned())
            .unwrap_or_default(),
    }
}

/// While rating: what each level of the focused column means here, from the script.
fn level_meanings(
    lines: &mut Vec<Line<'static>>,
    column: Column,
    scale: &RiskScale,
    width: usize,
    theme: &Theme,
) {
    let (labels, means) = match column {
        Column::Sannsynlighet | Column::RestSannsynlighet => {
            (&scale.sannsynlighet, &scale.sannsynlighet_means)
        }
        Column::Konsekvens | Column::RestKonsekvens => {
            (&scale.konsekvens, &scale.konsekvens_means)
        }
        _ => return,
    };
    for (i, (label, means)) in labels.iter().zip(means).enumerate() {
        let text = format!("{} {}: {}", i + 1, inert_line(label), inert_line(means));
        for part in wrap(&text, width.saturating_sub(6).max(8)) {
            lines.push(Line::styled(format!("      {part}"), theme.dim()));
        }
    }
}

/// One field of the detail: its label, and its value wrapped beside it.
fn field_lines(
    lines: &mut Vec<Line<'static>>,
    label: &str,
    value: &str,
    focused: bool,
    width: usize,
    theme: &Theme,
) {
    let marker = if focused { "› " } else { "  " };
    let label_style = if focused {
        theme.selected()
    } else {
        theme.dim()
    };
    let label = format!("{marker}{:<19} ", format!("{label}:"));
    let avail = width.saturating_sub(label.width()).max(8);
    for (i, part) in wrap(value, avail).into_iter().enumerate() {
        let lead = if i == 0 {
            Span::styled(label.clone(), label_style)
        } else {
            Span::raw(" ".repeat(label.width()))
        };
        lines.push(Line::from(vec![lead, Span::raw(part)]));
    }
}

/// A risk grid: the table with the selected row's details, or the matrix.
pub struct RiskGrid<'a> {
    pub r: &'a Runner,
    pub grid: &'a str,
    /// The matrix rather than the table (the app's choice of view).
    pub matrix: bool,
    /// The focused column (the app's).
    pub column: Column,
    pub theme: &'a Theme,
}

impl Widget for RiskGrid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        grid(buf, area, &self);
    }
}

impl View for spec::RiskGrid {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.risk_grid.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        RiskGrid {
            r: cx.r,
            grid: &self.grid,
            matrix: cx.matrix,
            column: cx.column,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
