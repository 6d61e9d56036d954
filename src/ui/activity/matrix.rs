//! The risk matrix: sannsynlighet up, konsekvens across, each cell with its band and the row
//! IDs; rows whose levels lie outside the scale are named below it.

use super::super::theme::Theme;
use super::super::wrap::{clip, wrap};
use super::risk_grid::band_style;
use crate::script::RiskScale;
use crate::text::inert_line;
use crate::ui::plain::Plain;
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
    // Where there is room, a legend beside it says which risk each ID is.
    let legend_w = if area.width >= 72 { area.width / 3 } else { 0 };
    if legend_w > 0 {
        let at = Rect::new(
            area.right() - legend_w + 1,
            area.y,
            legend_w - 1,
            area.height,
        );
        legend(buf, at, rows, selected, (s_levels, k_levels), theme);
    }
    let area = Rect {
        width: area.width - legend_w,
        ..area
    };
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
        (Plain::new(label)).render(Rect::new(area.x, y, label_w as u16, cell_h as u16), buf);
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
        (Plain::new(Line::styled("S ↑  K →", theme.dim())))
            .render(Rect::new(area.x, y, label_w as u16, 1), buf);
    }
    outside_note(buf, area, y, rows, (s_levels, k_levels), theme);
}

/// Rows whose levels lie outside this scale have no cell: they are named on the last line
/// (below `y`), never hidden.
fn outside_note(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    rows: &[RiskRow],
    (s_levels, k_levels): (usize, usize),
    theme: &Theme,
) {
    let outside: Vec<String> = rows
        .iter()
        .filter(|r| r.outside(s_levels, k_levels))
        .map(|r| format!("R{}", r.id))
        .collect();
    let last = area.y + area.height.saturating_sub(1);
    if !outside.is_empty() && last > y {
        (Plain::new(Line::styled(
            crate::t!("risk.outside_matrix", ids = outside.join(", ")),
            theme.warn(),
        )))
        .render(Rect::new(area.x, last, area.width, 1), buf);
    }
}

/// The rows in the matrix, ID and tema, the selected one marked; scrolled to keep it in sight.
fn legend(
    buf: &mut Buffer,
    area: Rect,
    rows: &[RiskRow],
    selected: Option<&RiskRow>,
    (s_levels, k_levels): (usize, usize),
    theme: &Theme,
) {
    let placed: Vec<&RiskRow> = rows
        .iter()
        .filter(|r| r.value().is_some() && !r.outside(s_levels, k_levels))
        .collect();
    let height = usize::from(area.height);
    let at = selected
        .and_then(|s| placed.iter().position(|r| r.id == s.id))
        .unwrap_or(0);
    let start = at
        .saturating_sub(height / 2)
        .min(placed.len().saturating_sub(height));
    let width = usize::from(area.width);
    let lines: Vec<Line> = placed
        .iter()
        .skip(start)
        .take(height)
        .map(|r| {
            let here = selected.is_some_and(|s| s.id == r.id);
            let text = format!(
                "{}{} {}",
                if here { "›" } else { " " },
                r.id,
                inert_line(&r.tema)
            );
            let text = clip(&text, width);
            if here {
                Line::styled(text, theme.selected())
            } else {
                Line::styled(text, theme.dim())
            }
        })
        .collect();
    Plain::new(lines).render(area, buf);
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
        let packed = pack_ids(ids, cell_w.saturating_sub(1), cell_h - 1);
        text.extend(packed.into_iter().map(Line::raw));
    } else if !ids.is_empty() {
        let lead = format!("{marker}{} ", band.symbol());
        let packed = pack_ids(ids, cell_w.saturating_sub(1 + lead.width()), 1);
        text[0] = Line::raw(format!("{lead}{}", packed.concat()));
    }
    (Paragraph::new(text).style(style)).render(rect, buf);
}

/// The IDs in at most `lines` lines of `width` columns, never splitting one; when they do not
/// all fit, the last line ends with `+n`, the number of IDs left out.
fn pack_ids(ids: &[String], width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut shown = 0;
    while shown < ids.len() && lines > 0 {
        let id = &ids[shown];
        let candidate = if line.is_empty() {
            id.clone()
        } else {
            format!("{line},{id}")
        };
        let last_line = out.len() + 1 == lines;
        let left_after = ids.len() - shown - 1;
        let suffix = if last_line && left_after > 0 {
            format!(" +{left_after}").len()
        } else {
            0
        };
        if candidate.width() + suffix <= width {
            line = candidate;
            shown += 1;
        } else if line.is_empty() || last_line {
            break;
        } else {
            out.push(std::mem::take(&mut line));
        }
    }
    let left = ids.len() - shown;
    if left > 0 && lines > 0 {
        line = if line.is_empty() {
            format!("+{left}")
        } else {
            format!("{line} +{left}")
        };
    }
    if !line.is_empty() && out.len() < lines {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pack_ids;

    fn ids(n: u64) -> Vec<String> {
        (1..=n).map(|i| (i * 7).to_string()).collect()
    }

    #[test]
    fn ids_are_never_split_and_the_rest_is_counted() {
        for n in 0..60 {
            for width in 4..16 {
                for lines in 1..4 {
                    let all = ids(n);
                    let out = pack_ids(&all, width, lines);
                    assert!(out.len() <= lines);
                    let mut shown = 0;
                    let mut counted = 0;
                    for line in &out {
                        assert!(line.len() <= width, "{line:?} wider than {width}");
                        for token in line.split([',', ' ']) {
                            if let Some(n) = token.strip_prefix('+') {
                                counted += n.parse::<usize>().unwrap();
                            } else {
                                assert!(all.contains(&token.to_string()), "{token:?} split");
                                shown += 1;
                            }
                        }
                    }
                    assert_eq!(shown + counted, all.len(), "{out:?}");
                }
            }
        }
    }

    #[test]
    fn everything_that_fits_is_shown_without_a_count() {
        assert_eq!(pack_ids(&ids(3), 10, 2), ["7,14,21"]);
        assert_eq!(pack_ids(&ids(5), 8, 2), ["7,14,21", "28,35"]);
        assert_eq!(pack_ids(&ids(9), 8, 2), ["7,14,21", "28,35 +4"]);
    }
}
