//! RiskSetup on screen: the scale and the acceptance bands, with the band legend.

use super::super::rows::rows_view;
use super::super::theme::Theme;
use super::matrix::matrix;
use super::risk_grid::legend;
use crate::runner::Runner;
use crate::t;
use crate::text::inert_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::{Paragraph, Wrap};
use super::{Cx, View};
use crate::script::activity as spec;

fn setup(buf: &mut Buffer, area: Rect, r: &Runner, grid: &str, theme: &Theme) {
    let (Some(set), Some(scale)) = (r.risk_settings(grid), r.risk_scale(grid)) else {
        return;
    };
    let rows = vec![
        vec![Line::raw(t!(
            "ui.risk_setup.scale",
            scale = inert_line(&scale.title)
        ))],
        vec![Line::raw(t!(
            "ui.activity.risk_setup.hoy_fra_risikoverdi_high_from",
            high_from = set.high_from
        ))],
        vec![Line::raw(t!(
            "ui.activity.risk_setup.uakseptabel_fra_risikoverdi_unacceptable_from",
            unacceptable_from = set.unacceptable_from
        ))],
    ];
    let top = Rect {
        height: 3.min(area.height),
        ..area
    };
    rows_view(buf, top, rows, Some(r.selected), theme);
    if area.height < 6 {
        return;
    }
    let rest = Rect {
        y: area.y + 4,
        height: area.height - 4,
        ..area
    };
    let mut lines = vec![Line::styled(legend(&set, scale), theme.label())];
    lines.push(Line::raw(t!(
        "ui.risk_setup.sannsynlighet",
        levels = scale
            .sannsynlighet
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {}", i + 1, inert_line(l)))
            .collect::<Vec<_>>()
            .join(" · ")
    )));
    lines.push(Line::raw(t!(
        "ui.risk_setup.konsekvens",
        levels = scale
            .konsekvens
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {}", i + 1, inert_line(l)))
            .collect::<Vec<_>>()
            .join(" · ")
    )));
    let text_height = 5.min(rest.height);
    (Paragraph::new(lines).wrap(Wrap { trim: false })).render(
        Rect {
            height: text_height,
            ..rest
        },
        buf,
    );
    if rest.height > text_height + 6 {
        let m = Rect {
            y: rest.y + text_height,
            height: rest.height - text_height,
            ..rest
        };
        matrix(buf, m, &[], None, &set, scale, theme);
    }
}

/// The scale and bands of a grid, with the matrix they give.
pub struct RiskSetup<'a> {
    pub r: &'a Runner,
    pub grid: &'a str,
    pub theme: &'a Theme,
}

impl Widget for RiskSetup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        setup(buf, area, self.r, self.grid, self.theme);
    }
}

impl View for spec::RiskSetup {
    fn hint(&self) -> Option<String> {
        Some(t!("ui.risk_setup.hint").into())
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        RiskSetup {
            r: cx.r,
            grid: &self.grid,
            theme: cx.theme,
        }
        .render(area, buf);
    }
}
