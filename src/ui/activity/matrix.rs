//! The risk matrix: sannsynlighet up, konsekvens across, each cell with its band and the row
//! IDs; rows whose levels lie outside the scale are named below it.

use super::super::theme::Theme;
use super::super::wrap::wrap;
use super::risk_grid::band_style;
use crate::script::RiskScale;
use crate::text::inert_line;
use crate::worksheet::risk::{RiskRow, RiskSettings};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The risk matrix: sannsynlighet up, konsekvens across, each cell showing its band and the
/// IDs of the rows in it. The selected row's cell is marked.
pub fn matrix(
    buf: &mut Buffer,
    area: Rect,
    rows: &[RiskRow],
    selected: Option<&RiskRow>,
    set: &RiskSettings,
    scale: &RiskScale,
    theme: &Theme,
) {
    let s_levels = scale.sannsynlighet.len();
    let k_levels = scale.konsekvens.len();
    if s_levels == 0 || k_levels == 0 || area.height < 4 || area.width < 20 {
        return;
    }
    let label_w = ((area.width as usize) / 5).clamp(6, 22);
    let cell_w = ((area.width as usize - label_w) / k_levels).max(4);
    let cell_h = ((area.height as usize - 2) / s_levels).clamp(1, 4);
    let sel_cell = selected.and_then(|r| Some((r.sannsynlighet?, r.konsekvens?)));
    for (si, s) in (1..=s_levels as u8).rev().enumerate() {
        let y = area.y + (si * cell_h) as u16;
        let label = format!(
            "{s} {}",
            inert_line(&scale.sannsynlighet[usize::from(s) - 1])
        );
        let label: String = wrap(&label, label_w - 1)
            .into_iter()
            .take(cell_h)
            .collect::<Vec<_>>()
            .join("\n");
        (Paragraph::new(label)).render(Rect::new(area.x, y, label_w as u16, cell_h as u16), buf);
        for k in 1..=k_levels as u8 {
            let x = area.x + (label_w + (usize::from(k) - 1) * cell_w) as u16;
            let band = set.band(u32::from(s) * u32::from(k));
            let ids: Vec<String> = rows
                .iter()
                .filter(|r| r.sannsynlighet == Some(s) && r.konsekvens == Some(k))
                .map(|r| r.id.to_string())
                .collect();
            let here = sel_cell == Some((s, k));
            let rect = Rect::new(x, y, (cell_w as u16).saturating_sub(1), cell_h as u16);
            draw_cell(buf, rect, band, &ids, here, theme);
        }
    }
    // Konsekvens along the bottom.
    let y = area.y + (s_levels * cell_h) as u16;
    if y < area.y + area.height {
        for k in 1..=k_levels {
            let x = area.x + (label_w + (k - 1) * cell_w) as u16;
            let label = format!("{k} {}", inert_line(&scale.konsekvens[k - 1]));
            let h = (area.y + area.height - y).min(2);
            (Paragraph::new(wrap(&label, cell_w.saturating_sub(1)).join("\n")).style(theme.dim()))
                .render(Rect::new(x, y, (cell_w as u16).saturating_sub(1), h), buf);
        }
        (Paragraph::new(Line::styled("S ↑  K →", theme.dim())))
            .render(Rect::new(area.x, y, label_w as u16, 1), buf);
    }
    // Rows whose levels lie outside this scale have no cell: they are named, never hidden.
    let outside: Vec<String> = rows
        .iter()
        .filter(|r| r.outside(s_levels, k_levels))
        .map(|r| format!("R{}", r.id))
        .collect();
    let last = area.y + area.height.saturating_sub(1);
    if !outside.is_empty() && last > y {
        (Paragraph::new(Line::styled(
            crate::t!("risk.outside_matrix", ids = outside.join(", ")),
            theme.warn(),
        )))
        .render(Rect::new(area.x, last, area.width, 1), buf);
    }
}

/// One cell of the matrix: its band as symbol and word (as room allows) and the row IDs in it;
/// the selected row's cell reversed and marked.
fn draw_cell(
    buf: &mut Buffer,
    rect: Rect,
    band: crate::worksheet::risk::Band,
    ids: &[String],
    here: bool,
    theme: &Theme,
) {
    let (cell_w, cell_h) = (usize::from(rect.width) + 1, usize::from(rect.height));
    let mut style = band_style(band, theme);
    if here {
        style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
    }
    let marker = if here { "›" } else { "" };
    let room = cell_w.saturating_sub(1);
    let fits = |label: &str| marker.width() + 2 + label.width() <= room;
    let first = if fits(band.label()) {
        format!("{marker}{} {}", band.symbol(), band.label())
    } else if fits(band.short_label()) {
        format!("{marker}{} {}", band.symbol(), band.short_label())
    } else {
        format!("{marker}{}", band.symbol())
    };
    let mut text = vec![Line::raw(first)];
    if cell_h > 1 {
        for part in wrap(&ids.join(","), cell_w.saturating_sub(1))
            .into_iter()
            .take(cell_h - 1)
        {
            text.push(Line::raw(part));
        }
    } else if !ids.is_empty() {
        text[0] = Line::raw(format!("{} {}", band.symbol(), ids.join(",")));
    }
    (Paragraph::new(text).style(style)).render(rect, buf);
}
