//! The home screen: the forløp on this machine, and how to start a new one.

use super::key_line;
use super::rows::Rows;
use super::theme::Theme;
use crate::app::{App, Home};
use crate::t;
use crate::text::inert_line;
use crate::ui::plain::Plain;
use crate::worksheet::overview::Overview;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, home: &Home, theme: &Theme) {
    let warn_height = if app.warnings.is_empty() {
        0
    } else {
        (app.warnings.len() as u16 + 2).min(6)
    };
    let [title, body, warnings, message, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(4),
        Constraint::Length(warn_height),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Plain::new(vec![
            Line::styled(t!("home.title"), theme.title()),
            Line::styled(t!("home.tagline"), theme.dim()),
            Line::styled(t!("ui.follow.hint"), theme.dim()),
        ]),
        title,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(t!("home.list_title"), theme.label()))
        .padding(Padding::horizontal(1));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    forlop_list(frame, inner, app, home, theme);
    if warn_height > 0 {
        let lines: Vec<Line> = app
            .warnings
            .iter()
            .map(|w| Line::raw(format!("⚠ {}", inert_line(w))))
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .style(theme.warn())
                .block(
                    Block::new()
                        .borders(Borders::ALL)
                        .border_style(theme.border())
                        .title(t!("home.warnings")),
                ),
            warnings,
        );
    }
    if let Some(m) = &app.message {
        frame.render_widget(
            Plain::new(Span::styled(format!(" {}", inert_line(m)), theme.warn())),
            message,
        );
    }
    let keys = app.keys.footer_pairs("home");
    frame.render_widget(Plain::new(key_line(&keys, footer.width, theme)), footer);
}

/// The forløp on this machine, or how to start the first one.
fn forlop_list(frame: &mut Frame, inner: Rect, app: &App, home: &Home, theme: &Theme) {
    if home.entries.is_empty() {
        let mut lines = vec![
            Line::raw(t!("home.empty")),
            Line::raw(""),
            Line::from(vec![
                Span::raw(t!("home.empty_press")),
                Span::styled("a", theme.key()),
                Span::raw(t!("home.empty_to_start")),
            ]),
            Line::raw(""),
            Line::styled(t!("home.shipped"), theme.label()),
        ];
        for s in &app.library.scripts {
            lines.push(Line::raw(format!(
                "• {} — {}",
                inert_line(&s.script().title),
                inert_line(&s.script().summary)
            )));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    } else {
        // Only the rows that fit are built (`Rows`): 500 forløp cost what 20 do.
        let row = |i: usize| {
            let e = &home.entries[i];
            match &e.overview {
                Ok(o) => overview_lines(app, o, theme),
                Err(err) => vec![
                    Line::styled(inert_line(&e.dir.slug()).into_owned(), theme.room()),
                    Line::styled(format!("  ⚠ {}", inert_line(err)), theme.alert()),
                ],
            }
        };
        let rows = Rows {
            count: home.entries.len(),
            row,
            selected: Some(home.selected),
            theme,
        };
        frame.render_widget(rows, inner);
    }
}

/// A forløp's two lines: its name and process, then its round, sessions done and where it was
/// left, or that this machine lacks its script.
fn overview_lines<'a>(app: &App, o: &Overview, theme: &Theme) -> Vec<Line<'a>> {
    let script = app.library.get(&o.workshop);
    let workshop = script.map_or(o.workshop.as_str(), |s| s.title.as_str());
    let first = Line::from(vec![
        Span::styled(inert_line(&o.name).into_owned(), theme.room()),
        Span::raw(format!("  {}", inert_line(workshop))),
    ]);
    let Some(script) = script else {
        let missing = t!(
            "app.home.skriptet_workshop_finnes_ikke_her",
            workshop = o.workshop
        );
        return vec![
            first,
            Line::styled(format!("  ⚠ {}", inert_line(&missing)), theme.alert()),
        ];
    };
    let at = script
        .find_session(&o.session)
        .map(|at| {
            format!(
                "{} · {}",
                script.phases[at.phase].title,
                script.session(at).title
            )
        })
        .unwrap_or_default();
    let detail = crate::tn!(
        "app.home.runde_round_done_okter_ferdig",
        o.done,
        round = o.round,
        done = o.done,
        at = inert_line(&at)
    );
    vec![first, Line::styled(format!("  {detail}"), theme.dim())]
}
