//! The session screen: where we are, the timer, what the room sees, the activity, the guide.

use super::header::{draw_header, draw_notice, draw_progress};
use super::theme::Theme;
use super::theme::ThemeName;
use super::{activity, key_line, wrap::wrap};
use crate::app::{App, Session};
use crate::t;
use crate::text::{inert, inert_line};
use crate::ui::plain::{Plain, wrapped};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};
use tui_big_text::BigText;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &Session, theme: &Theme) {
    let [header, gauge, body, notice, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);

    draw_header(frame, header, app, s, theme);
    // The session's time against its plan, right of the progress; the progress gives way.
    let (used, planned) = s.runner.session_minutes(app.now_ms);
    let style = if used > u64::from(planned) {
        theme.warn()
    } else {
        theme.dim()
    };
    let short = s.runner.sheet().is_some_and(|sheet| sheet.short);
    let version = if short {
        t!("ui.session.short_version")
    } else {
        ""
    };
    let time = Span::styled(
        t!(
            "ui.session.session_time",
            used = used,
            planned = planned,
            version = version
        ),
        style,
    );
    let [gauge, time_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(time.width() as u16)])
            .areas(gauge);
    draw_progress(frame, gauge, s, theme);
    frame.render_widget(Paragraph::new(time).right_aligned(), time_area);

    // Body: the room view, and the facilitator's guide beside it unless hidden.
    let show_guide = app.show_guide && body.width >= 70;
    let (room_area, guide_area) = if show_guide {
        let [a, b] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
            .areas(body);
        (a, Some(b))
    } else if app.show_guide {
        let [a, b] = Layout::vertical([Constraint::Min(6), Constraint::Length(5)]).areas(body);
        (a, Some(b))
    } else {
        (body, None)
    };
    draw_room(frame, room_area, s, theme, app);
    if let Some(g) = guide_area {
        draw_guide(frame, g, s, theme, app.in_practice());
    }

    draw_notice(frame, notice, app, s, theme);
    if app.following {
        let text = t!("ui.follow.footer", name = inert_line(&s.runner.forlop.name));
        frame.render_widget(Plain::new(Span::styled(text, theme.dim())), footer);
    } else {
        frame.render_widget(
            Plain::new(key_line(&footer_keys(app, s), footer.width, theme)),
            footer,
        );
    }
}

fn draw_room(frame: &mut Frame, area: Rect, s: &Session, theme: &Theme, app: &App) {
    let r = &s.runner;
    let step = r.step();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = inner.width as usize;
    let room_lines: Vec<Line> = wrap(&inert(&step.room), width)
        .into_iter()
        .map(|l| Line::styled(l, theme.room()))
        .collect();
    let item_lines = for_each_lines(r, width, theme);
    let item_height = (item_lines.len() as u16).min(inner.height / 3);
    let room_height = (room_lines.len() as u16).min(inner.height.saturating_sub(2) / 2 + 1);
    let title = inert_line(&step.title);
    // On the projector (following, or the projector theme) a tall window gets the title in
    // large type, in the largest size that fits; otherwise one line.
    let big = (app.following || app.theme == ThemeName::Projector)
        .then(|| big_title(&title, inner, theme))
        .flatten();
    let title_height = big.as_ref().map_or(1, |(_, h)| *h);
    let [title_area, item_area, _, room_area, _, activity_area] = Layout::vertical([
        Constraint::Length(title_height),
        Constraint::Length(item_height),
        Constraint::Length(1),
        Constraint::Length(room_height),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    match big {
        Some((text, _)) => frame.render_widget(text, title_area),
        None => frame.render_widget(
            Plain::new(Span::styled(title.into_owned(), theme.title())),
            title_area,
        ),
    }
    frame.render_widget(Plain::new(item_lines), item_area);
    frame.render_widget(Plain::new(room_lines), room_area);
    let cx = activity::Cx {
        r,
        theme,
        matrix: s.matrix,
        column: s.column,
        today: app.today,
    };
    activity::draw(frame, activity_area, &cx);
}

/// For a step that repeats for each item: which item, what it is about, where to find the
/// film, and its rating.
fn for_each_lines(r: &crate::runner::Runner, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some((fe, items)) = r.for_each() else {
        return Vec::new();
    };
    let Some(item) = items.get(r.at.item) else {
        return vec![Line::styled(
            t!("ui.session.lista_list_er_tom_ingen", list = fe.list),
            theme.warn(),
        )];
    };
    let mut lines = vec![Line::styled(
        t!(
            "ui.session.item_of",
            n = r.at.item + 1,
            total = items.len(),
            text = inert_line(&item.text)
        ),
        theme.room(),
    )];
    for (label, text) in [("", &item.detail), (t!("ui.session.see"), &item.reference)] {
        if !text.is_empty() {
            for l in wrap(&format!("{label}{}", inert(text)), width) {
                lines.push(Line::styled(l, theme.dim()));
            }
        }
    }
    let noted = r.noted_before();
    if !noted.is_empty() {
        lines.push(Line::styled(t!("ui.session.noted_before"), theme.label()));
        for note in noted {
            for l in wrap(&format!("• {}", inert(&note)), width) {
                lines.push(Line::styled(l, theme.dim()));
            }
        }
    }
    if !fe.rate.is_empty() {
        let current = crate::text::rating_label(&fe.rate, item.rating)
            .unwrap_or_else(|| t!("ui.session.not_rated").into());
        let keys = fe
            .rate
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {}", i + 1, inert_line(l)))
            .collect::<Vec<_>>()
            .join(" · ");
        lines.push(Line::from(vec![
            Span::styled(t!("ui.session.rating", current = current), theme.label()),
            Span::styled(format!("   ({keys})"), theme.dim()),
        ]));
    }
    lines
}

/// The title in large type and its height, when the area is tall enough (30 rows) and the
/// title fits its width in one of the sizes, largest first.
fn big_title(title: &str, area: Rect, theme: &Theme) -> Option<(BigText<'static>, u16)> {
    use tui_big_text::PixelSize;
    if area.height < 30 {
        return None;
    }
    let chars = title.chars().count() as u16;
    // (size, columns per character, rows)
    let sizes = [
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
        (PixelSize::Sextant, 4, 3),
    ];
    let (size, _, height) = sizes
        .into_iter()
        .find(|(_, cols, _)| chars * cols <= area.width)?;
    let text = BigText::builder()
        .pixel_size(size)
        .style(theme.title())
        .lines([Line::from(title.to_string())])
        .build();
    Some((text, height))
}

fn draw_guide(frame: &mut Frame, area: Rect, s: &Session, theme: &Theme, practice: bool) {
    let r = &s.runner;
    let step = r.step();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            t!("ui.session.veiledning_f_skjuler"),
            theme.label(),
        ))
        .padding(Padding::horizontal(1));
    let mut lines = vec![Line::from(vec![
        Span::styled(t!("ui.session.minutes", n = step.minutes), theme.label()),
        Span::raw(format!(" · {}", step.activity.label())),
    ])];
    // A session with a short version offers it on its first step, where it is chosen.
    let def = r.session();
    if def.has_short_version() && r.at.step == 0 {
        lines.push(Line::styled(
            t!(
                "ui.session.short_offer",
                short = def.short_minutes(),
                full = def.planned_minutes()
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    for l in inert(&step.guide).lines() {
        lines.push(Line::raw(l.to_string()));
    }
    // The trainer's notes, for those learning to host: only in practice.
    if practice && !step.trainer.trim().is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t!("ui.session.trainer"), theme.warn()));
        for l in inert(&step.trainer).lines() {
            lines.push(Line::raw(l.to_string()));
        }
    }
    if let Some(fe) = &step.for_each {
        lines.push(Line::raw(""));
        let rate = if fe.rate.is_empty() {
            String::new()
        } else {
            t!("ui.session.1_n_vurderer_punktet", n = fe.rate.len())
        };
        lines.push(Line::styled(
            t!("ui.session.steget_gjentas_for_hvert_punkt", rate = rate),
            theme.dim(),
        ));
    }
    if let Some(hint) = activity::hint(&step.activity) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(hint, theme.dim()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match wrapped(lines, inner.width) {
        Ok(lines) => frame.render_widget(Plain::new(lines), inner),
        Err(lines) => frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner),
    }
}

/// The footer: the step keys, the activity kind's keys, then the session's, all from the key
/// table.
fn footer_keys(app: &App, s: &Session) -> Vec<(String, &'static str)> {
    let kind = s.runner.step().activity.kind();
    ["step", kind, "session"]
        .iter()
        .flat_map(|context| app.keys.footer_pairs(context))
        .collect()
}
