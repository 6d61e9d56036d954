//! A scrolled list of rows, each one or more lines, the selected one marked with › and
//! reversed. Only the rows that can be seen are built: drawing costs the height of the area,
//! not the length of the list.

use super::theme::Theme;
use crate::ui::plain::Plain;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Rows built on demand: `row(i)` gives the lines of row `i` of `count`.
pub struct Rows<'t, F> {
    pub count: usize,
    pub row: F,
    pub selected: Option<usize>,
    pub theme: &'t Theme,
}

impl<'a, 't, F: Fn(usize) -> Vec<Line<'a>>> Widget for Rows<'t, F> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = area.height as usize;
        if height == 0 || self.count == 0 {
            return;
        }
        let sel = self.selected.unwrap_or(0).min(self.count - 1);
        // The first row to show: as late as needed for the selected row to fit below it.
        // Walking back from the selection builds only rows that will be drawn.
        let mut built: Vec<Vec<Line<'a>>> = vec![(self.row)(sel)];
        let mut used = built[0].len();
        let mut first = sel;
        while first > 0 {
            let above = (self.row)(first - 1);
            if used + above.len() > height {
                break;
            }
            used += above.len();
            built.push(above);
            first -= 1;
        }
        built.reverse();
        let mut next = sel + 1;
        while used < height && next < self.count {
            let row = (self.row)(next);
            used += row.len();
            built.push(row);
            next += 1;
        }
        let mut lines: Vec<Line> = Vec::with_capacity(height);
        for (offset, row) in built.into_iter().enumerate() {
            let is_sel = self.selected.is_some() && first + offset == sel;
            let top = lines.len() as u16;
            let style = if is_sel {
                self.theme.selected()
            } else {
                Style::new()
            };
            for (j, line) in row.into_iter().enumerate() {
                let marker = if is_sel && j == 0 { "› " } else { "  " };
                let mut spans = vec![Span::styled(marker, style)];
                spans.extend(
                    line.spans
                        .into_iter()
                        .map(|s| s.patch_style(line.style).patch_style(style)),
                );
                lines.push(Line::from(spans));
                if lines.len() >= height {
                    break;
                }
            }
            if self.selected.is_some() {
                let shown = lines.len() as u16 - top;
                super::hits::note(crate::app::RowHit {
                    area: Rect::new(area.x, area.y + top, area.width, shown),
                    index: first + offset,
                    selected: sel,
                });
            }
            if lines.len() >= height {
                break;
            }
        }
        Plain::new(lines).render(area, buf);
    }
}

/// Rows already built, for short lists (home, overview).
pub fn rows_view(
    buf: &mut Buffer,
    area: Rect,
    rows: Vec<Vec<Line>>,
    selected: Option<usize>,
    theme: &Theme,
) {
    let count = rows.len();
    Rows {
        count,
        row: |i: usize| rows[i].clone(),
        selected,
        theme,
    }
    .render(area, buf);
}
