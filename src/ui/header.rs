//! The lines above a session's room: where the group is (process › phase › meeting › step) with
//! the timer, the progress over the round, and the notice line.

use super::theme::Theme;
use crate::app::{App, Session};
use crate::t;
use crate::text::{clock, inert_line};
use crate::ui::plain::Plain;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Process › phase › meeting › step n of m, and the timer on the right.
pub(super) fn draw_header(frame: &mut Frame, area: Rect, app: &App, s: &Session, theme: &Theme) {
    let r = &s.runner;
    let timer = Line::from(timer_span(app, s, theme));
    let timer_width = timer.width() as u16;
    let [crumbs_area, timer_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(timer_width + 1)]).areas(area);
    let (step, steps) = (r.at.step + 1, r.session().steps.len());
    let optional = if r.step().optional {
        t!("ui.session.optional_step")
    } else {
        ""
    };
    let session = inert_line(&r.session().title);
    // The step counter is what the facilitator looks for: when the whole path does not fit,
    // the process and the phase go first, then the meeting.
    let candidates = [
        t!(
            "ui.session.crumbs",
            process = inert_line(&r.script.title),
            phase = inert_line(&r.phase().title),
            session = session,
            step = step,
            steps = steps,
            optional = optional
        ),
        t!(
            "ui.session.crumbs_session",
            session = session,
            step = step,
            steps = steps,
            optional = optional
        ),
    ];
    let crumbs = candidates
        .into_iter()
        .find(|c| c.width() <= crumbs_area.width as usize)
        .unwrap_or_else(|| {
            t!(
                "ui.session.crumbs_step",
                step = step,
                steps = steps,
                optional = optional
            )
        });
    frame.render_widget(Plain::new(Span::styled(crumbs, theme.title())), crumbs_area);
    frame.render_widget(Paragraph::new(timer).right_aligned(), timer_area);
}

/// Progress over the whole round, with the forløp's name and who leads this part.
pub(super) fn draw_progress(frame: &mut Frame, area: Rect, s: &Session, theme: &Theme) {
    let r = &s.runner;
    let (done, total) = r.progress();
    let lead = r.lead().map(|(task, role)| match role {
        Some(role) => format!(" · {}: {}", inert_line(&task), inert_line(&role)),
        None => t!("ui.session.lead_unagreed", task = inert_line(&task)),
    });
    let label = t!(
        "ui.session.progress",
        forlop = inert_line(&r.forlop.name),
        lead = lead.unwrap_or_default(),
        round = r.at.round,
        kind = r.session().kind.label(),
        step = done + 1,
        total = total
    );
    let ratio = if total == 0 {
        0.0
    } else {
        (done + 1) as f64 / total as f64
    };
    frame.render_widget(
        LineGauge::default()
            .ratio(ratio)
            .label(label)
            .filled_style(theme.gauge())
            .unfilled_style(theme.dim()),
        area,
    );
}

/// A notice from the last command, or a save problem, which always wins.
pub(super) fn draw_notice(frame: &mut Frame, area: Rect, app: &App, s: &Session, theme: &Theme) {
    let (text, style) = if let Some(err) = s.save_error() {
        (format!(" ⚠ {err}"), theme.alert())
    } else if let Some(m) = &app.message {
        (format!(" {}", inert_line(m)), theme.warn())
    } else if let Some(n) = &s.notice {
        (format!(" {}", inert_line(n)), theme.warn())
    } else {
        (String::new(), theme.dim())
    };
    frame.render_widget(Plain::new(Span::styled(text, style)), area);
}

fn timer_span<'a>(app: &App, s: &Session, theme: &Theme) -> Span<'a> {
    let t = &s.runner.timer;
    let now = app.now_ms;
    let symbol = if t.running() { "▶" } else { "⏸" };
    let left = t.left_s(now);
    if left < 0 {
        Span::styled(
            t!(
                "ui.session.over_time",
                symbol = symbol,
                over = clock(left.unsigned_abs()),
                planned = clock(t.planned_s)
            ),
            theme.alert(),
        )
    } else {
        let style = if t.running() { theme.ok() } else { theme.dim() };
        Span::styled(
            format!(
                "{symbol} {} / {} ",
                clock(t.used_s(now)),
                clock(t.planned_s)
            ),
            style,
        )
    }
}
