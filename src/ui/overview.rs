//! The forløp overview: the process drawn as the circle it is, and every session with status.

use super::activity::rows_view;
use super::theme::Theme;
use crate::runner::Runner;
use crate::t;
use crate::text::inert_line;
use crate::ui::plain::Plain;
use crate::worksheet::{SessionStatus, SheetKey};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Circle};
use ratatui::widgets::{Block, Borders, Clear};
use unicode_width::UnicodeWidthStr;

/// The overview of a forløp; `keys` are the hints for its bottom border.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    r: &Runner,
    selected: usize,
    keys: &[(String, &str)],
    theme: &Theme,
) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            t!("ui.overview.title", name = inert_line(&r.forlop.name)),
            theme.title(),
        ))
        .title_bottom(super::title_keys(keys, theme));
    frame.render_widget(Clear, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [circle, list] = if inner.width >= 90 {
        Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(inner)
    } else {
        Layout::horizontal([Constraint::Length(0), Constraint::Min(0)]).areas(inner)
    };
    if circle.width > 0 {
        draw_circle(frame, circle, r, theme);
    }
    draw_list(frame, list, r, selected, theme);
}

/// The status of a phase in the current round, as symbols for each of its sessions.
fn phase_marks(r: &Runner, phase: usize, round: u32) -> String {
    r.script.phases[phase]
        .sessions
        .iter()
        .map(|s| r.status_of(&SheetKey::new(round, &s.id)).symbol())
        .collect()
}

fn draw_circle(frame: &mut Frame, area: Rect, r: &Runner, theme: &Theme) {
    let round = r.at.round;
    let restart = r.script.restart_phase().unwrap_or(0);
    let ring: Vec<usize> = (restart..r.script.phases.len()).collect();
    let before: Vec<usize> = (0..restart).collect();
    // Cells are about twice as tall as wide: scale x so the circle looks round.
    let y_half = 1.3;
    let x_half = y_half * f64::from(area.width) / (2.0 * f64::from(area.height.max(1)));
    let col = 2.0 * x_half / f64::from(area.width.max(1));
    let label = |i: usize| -> String {
        let here = if i == r.at.session.phase { "▶ " } else { "" };
        format!(
            "{here}{} {}",
            r.script.phases[i].title,
            phase_marks(r, i, round)
        )
    };
    let current = r.at.session.phase;
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([-x_half, x_half])
        .y_bounds([-y_half, y_half])
        .paint(|ctx| {
            ctx.draw(&Circle {
                x: 0.0,
                y: -0.15,
                radius: 0.75,
                color: theme.line_color(),
            });
            ctx.layer();
            let n = ring.len().max(1) as f64;
            for (k, &phase) in ring.iter().enumerate() {
                let angle = std::f64::consts::FRAC_PI_2 - k as f64 * std::f64::consts::TAU / n;
                let (x, y) = (0.75 * angle.cos() * 1.15, 0.75 * angle.sin() - 0.15);
                let text = label(phase);
                let x = x - text.width() as f64 * col / 2.0;
                let style = if phase == current {
                    theme.title()
                } else {
                    theme.room()
                };
                ctx.print(x.clamp(-x_half, x_half), y, Line::styled(text, style));
            }
            for (k, &phase) in before.iter().enumerate() {
                let text = label(phase);
                let x = -(text.width() as f64) * col / 2.0;
                let style = if phase == current {
                    theme.title()
                } else {
                    theme.room()
                };
                ctx.print(
                    x,
                    y_half - 0.1 - k as f64 * 0.2,
                    Line::styled(format!("{text}  ↓"), style),
                );
            }
            if r.script.cycle.is_some() {
                let text = t!("ui.overview.next_round", round = round);
                ctx.print(
                    -(text.width() as f64) * col / 2.0,
                    -0.15,
                    Line::styled(text, theme.dim()),
                );
            }
        });
    frame.render_widget(canvas, area);
    let legend = Line::styled(t!("ui.overview.ikke_startet_pagar_ferdig"), theme.dim());
    let y = area.y + area.height.saturating_sub(1);
    frame.render_widget(
        Plain::new(legend),
        Rect {
            y,
            height: 1,
            ..area
        },
    );
}

fn draw_list(frame: &mut Frame, area: Rect, r: &Runner, selected: usize, theme: &Theme) {
    let mut rows: Vec<Vec<Line>> = Vec::new();
    let mut last_round = 0;
    for (round, at) in r.instances() {
        let phase = &r.script.phases[at.phase];
        let def = r.script.session(at);
        let status = r.status_of(&SheetKey::new(round, &def.id));
        let here = if round == r.at.round && at == r.at.session {
            "▶"
        } else {
            " "
        };
        let mut lines = Vec::new();
        if round != last_round {
            lines.push(Line::styled(
                t!("ui.overview.round", round = round),
                theme.label(),
            ));
            last_round = round;
        }
        let style = match status {
            SessionStatus::Done => theme.ok(),
            SessionStatus::InProgress => theme.warn(),
            SessionStatus::NotStarted => ratatui::style::Style::new(),
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{here} ")),
            Span::styled(status.symbol(), style),
            Span::raw(format!(
                " {} · {} ({}) — ",
                inert_line(&phase.title),
                inert_line(&def.title),
                match def.kind {
                    crate::script::SessionKind::HmsGruppe => t!("session_kind.hms_gruppe"),
                    crate::script::SessionKind::Verksted => t!("ui.overview.staff"),
                },
            )),
            Span::styled(status.label(), style),
        ]));
        rows.push(lines);
    }
    let done = r
        .sheets
        .values()
        .filter(|s| s.status == SessionStatus::Done)
        .count();
    let header = Line::styled(
        crate::tn!(
            "ui.overview.header",
            rows.len(),
            process = inert_line(&r.script.title),
            done = done,
            n = rows.len()
        ),
        theme.room(),
    );
    frame.render_widget(Plain::new(header), Rect { height: 1, ..area });
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    rows_view(frame.buffer_mut(), body, rows, Some(selected), theme);
}
