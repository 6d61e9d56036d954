//! RiskSetup on screen: the scale and the acceptance bands, with the band legend.

use super::super::rows::rows_view;
use super::super::theme::Theme;
use super::matrix::matrix;
use super::risk_grid::legend;
use crate::runner::Runner;
use crate::t;
use crate::text::inert_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn setup(frame: &mut Frame, area: Rect, r: &Runner, grid: &str, theme: &Theme) {
    let (Some(set), Some(scale)) = (r.risk_settings(grid), r.risk_scale(grid)) else {
        return;
    };
    let rows = vec![
        vec![Line::raw(t!(
            "ui.activity.risk_setup.skala_value_mellomrom_bytter",
            value = inert_line(&scale.title)
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
    rows_view(frame, top, rows, Some(r.selected), theme);
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
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        Rect {
            height: text_height,
            ..rest
        },
    );
    if rest.height > text_height + 6 {
        let m = Rect {
            y: rest.y + text_height,
            height: rest.height - text_height,
            ..rest
        };
        matrix(frame, m, &[], None, &set, scale, theme);
    }
}
