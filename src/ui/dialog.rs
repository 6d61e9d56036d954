//! Overlays: help, questions, text fields, the measure form, new forløp, plan and overview.

use super::theme::Theme;
use super::wrap::wrap;
use super::{centered, overview, plan, questions};
use crate::app::{App, Input, MeasureForm, NewForlop, Overlay, Screen};
use crate::keys::Keymap;
use crate::keys::show::HelpSection;
use crate::t;
use crate::text::inert_line;
use crate::ui::plain::Plain;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding};
use ratatui_textarea::TextArea;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, overlay: &Overlay, theme: &Theme) {
    match overlay {
        Overlay::Help { scroll } => help(frame, area, *scroll, &app.keys, theme),
        Overlay::Confirm { question, .. } => questions::confirm(frame, area, question, theme),
        Overlay::SaveFailed => questions::save_failed(frame, area, app, theme),
        Overlay::Choice { question, options } => {
            questions::choice(frame, area, question, options, theme)
        }
        Overlay::Input(input) => text_input(frame, area, input, theme),
        Overlay::Measure(form) => measure(frame, area, form, theme),
        Overlay::NewForlop(form) => new_forlop(frame, area, app, form, theme),
        Overlay::Overview { selected } => {
            if let Screen::Session(s) = &app.screen {
                let rect = centered(
                    area,
                    area.width.saturating_sub(4),
                    area.height.saturating_sub(2),
                );
                let keys = app.keys.footer_pairs("overview");
                overview::draw(frame, rect, &s.runner, *selected, &keys, theme);
            }
        }
        Overlay::Plan { selected } => {
            if let Screen::Session(s) = &app.screen {
                let rect = centered(
                    area,
                    area.width.saturating_sub(4),
                    area.height.saturating_sub(2),
                );
                let keys = app.keys.footer_pairs("plan_overlay");
                let block = frame_block(t!("ui.plan.overlay_title"), theme)
                    .title_bottom(super::title_keys(&keys, theme));
                frame.render_widget(Clear, rect);
                let inner = block.inner(rect);
                frame.render_widget(block, rect);
                plan::table(
                    frame.buffer_mut(),
                    inner,
                    &s.runner.forlop.plan,
                    Some(*selected),
                    false,
                    app.today,
                    theme,
                );
            }
        }
    }
}

pub(super) fn frame_block<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.title())
        .title(Span::styled(title, theme.title()))
        .padding(Padding::horizontal(1))
}

fn help(frame: &mut Frame, area: Rect, scroll: u16, keys: &Keymap, theme: &Theme) {
    let rect = centered(area, 110, area.height);
    frame.render_widget(Clear, rect);
    let block = frame_block(t!("ui.help.title"), theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let section = |s: &HelpSection, width: usize| {
        // Wide enough for the section's longest keys, with a space before the label.
        let key_w = s
            .rows
            .iter()
            .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
            .max()
            .unwrap_or(0)
            .max(14)
            + 1;
        let mut lines = vec![Line::styled(s.title, theme.label())];
        for (k, what) in &s.rows {
            for (i, part) in wrap(what, width.saturating_sub(key_w + 1).max(8))
                .into_iter()
                .enumerate()
            {
                let k = if i == 0 { k.as_str() } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("{k:<key_w$}"), theme.key()),
                    Span::raw(part),
                ]));
            }
        }
        lines.push(Line::raw(""));
        lines
    };
    // Sections in order, the left column filled to about half of all lines.
    let sections: Vec<Vec<Line>> = keys
        .help_sections()
        .iter()
        .map(|s| section(s, left.width as usize))
        .collect();
    let total: usize = sections.iter().map(Vec::len).sum();
    let mut left_lines: Vec<Line> = Vec::new();
    let mut right_lines: Vec<Line> = Vec::new();
    for s in sections {
        if left_lines.len() + s.len() / 2 <= total / 2 {
            left_lines.extend(s);
        } else {
            right_lines.extend(s);
        }
    }
    // How to put the room's view on a second screen.
    for part in super::wrap::wrap(t!("ui.follow.hint"), right.width as usize) {
        right_lines.push(Line::styled(part, theme.dim()));
    }
    let longest = left_lines.len().max(right_lines.len()) as u16;
    let scroll = scroll.min(longest.saturating_sub(inner.height));
    frame.render_widget(Plain::new(left_lines).scroll(scroll), left);
    frame.render_widget(Plain::new(right_lines).scroll(scroll), right);
}

fn field_height(area: &TextArea, max: u16) -> u16 {
    (area.lines().len() as u16 + 1).clamp(1, max)
}

fn text_input(frame: &mut Frame, area: Rect, input: &Input, theme: &Theme) {
    let height = field_height(&input.area, area.height.saturating_sub(8).max(1));
    let rect = centered(area, 76, height + 4);
    frame.render_widget(Clear, rect);
    let title = format!(" {} ", inert_line(&input.title));
    let block = frame_block(&title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [field, _, hint] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(&input.area, field);
    let newline = if input.target.single_line() {
        ""
    } else {
        t!("ui.dialog.alt_enter_ny_linje")
    };
    let hint_text = if input.discard_armed {
        Span::styled(t!("ui.input.discard_armed"), theme.warn())
    } else {
        Span::styled(
            t!(
                "ui.dialog.enter_lagrer_newline_esc_avbryter",
                newline = newline
            ),
            theme.dim(),
        )
    };
    frame.render_widget(Plain::new(hint_text), hint);
}

fn measure(frame: &mut Frame, area: Rect, form: &MeasureForm, theme: &Theme) {
    let tiltak_h = field_height(&form.fields[0], 4);
    let rect = centered(area, 76, tiltak_h + 13);
    frame.render_widget(Clear, rect);
    let title = if form.index.is_some() {
        t!("ui.dialog.rediger_tiltak")
    } else {
        t!("ui.dialog.nytt_tiltak_i_handlingsplanen")
    };
    let block = frame_block(title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(tiltak_h),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .split(inner);
    let label = |i: usize| {
        let marker = if form.focus == i { "› " } else { "  " };
        let style = if form.focus == i {
            theme.label()
        } else {
            theme.dim()
        };
        Plain::new(Span::styled(format!("{marker}{}", measure_label(i)), style))
    };
    frame.render_widget(label(0), rows[0]);
    frame.render_widget(&form.fields[0], rows[1]);
    frame.render_widget(label(1), rows[2]);
    frame.render_widget(&form.fields[1], rows[3]);
    frame.render_widget(label(2), rows[4]);
    frame.render_widget(&form.fields[2], rows[5]);
    frame.render_widget(label(3), rows[6]);
    let status = t!(
        "ui.dialog.status_mellomrom_eller_bytter",
        status = form.status.label()
    );
    let style = if form.focus == 3 {
        theme.selected()
    } else {
        ratatui::style::Style::new()
    };
    frame.render_widget(Plain::new(Span::styled(status, style)), rows[7]);
    if let Some(e) = &form.error {
        frame.render_widget(
            Plain::new(Span::styled(format!("⚠ {e}"), theme.alert())),
            rows[8],
        );
    }
    let hint = if form.discard_armed {
        Span::styled(t!("ui.input.discard_armed"), theme.warn())
    } else {
        Span::styled(t!("ui.dialog.tab_neste_felt_enter_lagrer"), theme.dim())
    };
    frame.render_widget(Plain::new(hint), rows[9]);
}

fn new_forlop(frame: &mut Frame, area: Rect, app: &App, form: &NewForlop, theme: &Theme) {
    let n = app.library.scripts.len() as u16;
    let rect = centered(area, 76, n + 10);
    frame.render_widget(Clear, rect);
    let block = frame_block(t!("ui.dialog.nytt_forlop"), theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [l1, list, _, l2, name, err, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(n),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(
        Plain::new(Span::styled(t!("ui.dialog.prosess_velger"), theme.label())),
        l1,
    );
    let lines: Vec<Line> = app
        .library
        .scripts
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let chosen = i == form.workshop;
            let text = format!(
                "{} {}",
                if chosen { "(•)" } else { "( )" },
                inert_line(&s.script().title)
            );
            if chosen {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Plain::new(lines), list);
    frame.render_widget(
        Plain::new(Span::styled(
            t!("ui.dialog.navn_pa_forlopet_f_eks"),
            theme.label(),
        )),
        l2,
    );
    frame.render_widget(&form.name, name);
    if let Some(e) = &form.error {
        frame.render_widget(
            Plain::new(Span::styled(format!("⚠ {}", inert_line(e)), theme.alert())),
            err,
        );
    }
    frame.render_widget(
        Plain::new(Span::styled(
            t!("ui.dialog.enter_oppretter_esc_avbryter"),
            theme.dim(),
        )),
        hint,
    );
}

/// The labels of the measure form's four fields.
fn measure_label(i: usize) -> &'static str {
    match i {
        0 => t!("ui.measure.tiltak"),
        1 => t!("ui.measure.ansvarlig"),
        2 => t!("ui.measure.frist"),
        _ => t!("ui.measure.status"),
    }
}
