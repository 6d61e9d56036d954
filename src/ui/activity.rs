//! One view per activity kind, all drawn from the runner's state.

use super::plan;
use super::theme::Theme;
use super::wrap::wrap;
use crate::export::markdown::list_title;
use crate::runner::Runner;
use crate::script::Activity;
use crate::text::{format_date, inert, inert_line};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// A short line about the keys of an activity, for the guide panel.
pub fn hint(activity: &Activity) -> Option<String> {
    Some(match activity {
        Activity::Info => return None,
        Activity::Stafettpinne => "↑ ↓ blar i det som ble levert videre.".into(),
        Activity::Checklist { .. } => "Mellomrom krysser av eller teller opp, ⌫ teller ned, e skriver et antall.".into(),
        Activity::Collect { from: Some(_), .. } => {
            "a legger til, e redigerer, d sletter, K/J flytter. i henter inn fra stafettpinnen på nytt.".into()
        }
        Activity::Collect { .. } => "a legger til, e redigerer, d sletter, K/J flytter.".into(),
        Activity::Group { .. } => "g gir det markerte punktet et tema; punkter med samme tema samles.".into(),
        Activity::Vote { dots, .. } => format!("Mellomrom gir en prikk, ⌫ tar en bort. {dots} prikker per deltaker."),
        Activity::Choose { max: Some(m), .. } => format!("Mellomrom velger eller fjerner. Høyst {m} kan velges."),
        Activity::Choose { .. } => "Mellomrom velger eller fjerner.".into(),
        Activity::Fields { .. } => "↑ ↓ velger felt, Enter skriver. Alt+Enter gir ny linje.".into(),
        Activity::Plan { .. } => "a nytt tiltak, e rediger, s bytter status, d sletter. h viser hele planen.".into(),
        Activity::RiskSetup { .. } => "↑ ↓ velger linje; mellomrom og ⌫ bytter skala eller flytter grensen.".into(),
        Activity::PickSet { .. } => "↑ ↓ og mellomrom (eller et tall) velger settet.".into(),
        Activity::Roles { .. } => "↑ ↓ velger oppgave; mellomrom bytter rolle, et tall velger rollen direkte, ⌫ fjerner.".into(),
        Activity::Summary => "Enter skriver oppsummeringen; Alt+Enter gir ny linje.".into(),
        Activity::RiskGrid { .. } => {
            "Tab velger kolonne, 1–5 setter nivå, e skriver tekst, v bytter til matrise, S sorterer, m legger tiltaket i handlingsplanen.".into()
        }
    })
}

pub fn draw(frame: &mut Frame, area: Rect, r: &Runner, theme: &Theme, today: NaiveDate) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let width = area.width as usize;
    let sel = r.selected;
    let activity = r.activity();
    match &activity {
        Activity::Info => {}
        Activity::Stafettpinne => stafettpinne(frame, area, r, theme),
        Activity::Checklist { items } => {
            let checks = r.sheet().and_then(|s| s.checks.get(&r.step().id));
            let rows = items
                .iter()
                .map(|def| {
                    let c = checks.and_then(|c| c.iter().find(|c| c.label == def.label));
                    let text = if def.count {
                        format!("{}: {}", inert_line(&def.label), c.map_or(0, |c| c.count))
                    } else {
                        let mark = if c.is_some_and(|c| c.checked) {
                            "[x]"
                        } else {
                            "[ ]"
                        };
                        format!("{mark} {}", inert_line(&def.label))
                    };
                    vec![Line::raw(text)]
                })
                .collect();
            rows_view(frame, area, rows, Some(sel), theme);
        }
        Activity::Collect { .. }
        | Activity::Group { .. }
        | Activity::Vote { .. }
        | Activity::Choose { .. } => list(frame, area, r, theme, width),
        Activity::Fields { form, fields } => {
            let values = r.sheet().and_then(|s| s.forms.get(form));
            let rows = fields
                .iter()
                .map(|label| {
                    let mut lines = vec![Line::styled(
                        format!("{}:", inert_line(label)),
                        theme.label(),
                    )];
                    match values
                        .and_then(|v| v.get(label))
                        .filter(|v| !v.trim().is_empty())
                    {
                        Some(v) => lines.extend(
                            wrap(&inert(v), width.saturating_sub(4))
                                .into_iter()
                                .map(|l| Line::raw(format!("  {l}"))),
                        ),
                        None => {
                            lines.push(Line::styled("  (tomt — Enter for å skrive)", theme.dim()))
                        }
                    }
                    lines
                })
                .collect();
            rows_view(frame, area, rows, Some(sel), theme);
        }
        Activity::RiskSetup { grid } => super::risk::setup(frame, area, r, grid, theme),
        Activity::PickSet { list } => {
            let picked = r.sheet().and_then(|s| s.sets.get(list));
            let rows = r
                .script
                .sets
                .iter()
                .enumerate()
                .map(|(i, set)| {
                    let mark = if picked == Some(&set.id) {
                        "(•)"
                    } else {
                        "( )"
                    };
                    let mut lines = vec![Line::raw(format!(
                        "{mark} {} {}",
                        i + 1,
                        inert_line(&set.title)
                    ))];
                    if !set.note.is_empty() {
                        let note = format!("⚠ {}", inert_line(&set.note));
                        for part in wrap(&note, width.saturating_sub(8)) {
                            lines.push(Line::styled(format!("      {part}"), theme.warn()));
                        }
                    }
                    lines
                })
                .collect();
            rows_view(frame, area, rows, Some(sel), theme);
        }
        Activity::Roles { tasks, roles } => {
            let keys = roles
                .iter()
                .enumerate()
                .map(|(i, r)| format!("{} {}", i + 1, inert_line(r)))
                .collect::<Vec<_>>()
                .join(" · ");
            frame.render_widget(
                Paragraph::new(Line::styled(keys, theme.dim())),
                Rect { height: 1, ..area },
            );
            let rows = tasks
                .iter()
                .map(|task| {
                    let who = r
                        .forlop
                        .roles
                        .get(task)
                        .map_or("– ikke avtalt".to_string(), |w| {
                            format!("→ {}", inert_line(w))
                        });
                    vec![Line::raw(format!("{}  {who}", inert_line(task)))]
                })
                .collect();
            let body = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            };
            rows_view(frame, body, rows, Some(sel), theme);
        }
        Activity::Summary => {
            let text = r.sheet().map(|s| s.summary.as_str()).unwrap_or("");
            let lines: Vec<Line> = if text.trim().is_empty() {
                vec![Line::styled(
                    "(tomt — Enter for å skrive oppsummeringen)",
                    theme.dim(),
                )]
            } else {
                wrap(&inert(text), width)
                    .into_iter()
                    .map(Line::raw)
                    .collect()
            };
            frame.render_widget(Paragraph::new(lines), area);
        }
        Activity::RiskGrid { grid, .. } => super::risk::grid(frame, area, r, grid, theme),
        Activity::Plan { review } => plan::table(
            frame,
            area,
            &r.forlop.plan,
            Some(sel),
            *review,
            today,
            theme,
        ),
    }
}

fn list(frame: &mut Frame, area: Rect, r: &Runner, theme: &Theme, width: usize) {
    let activity = &r.activity();
    let items = r.visible_items();
    let mut header: Option<Line> = None;
    match activity {
        Activity::Choose { into, max, .. } => {
            let n = r.items(into).len();
            let of = max.map(|m| format!(" av høyst {m}")).unwrap_or_default();
            header = Some(Line::styled(
                format!("Valgt: {n}{of} → «{}»", list_title(into)),
                theme.label(),
            ));
        }
        Activity::Group { list } => {
            let themes = r.themes(list);
            let without = r.items(list).iter().filter(|i| i.theme.is_none()).count();
            let mut parts: Vec<String> = themes
                .iter()
                .map(|t| {
                    format!(
                        "{} ({})",
                        inert_line(t),
                        r.items(list)
                            .iter()
                            .filter(|i| i.theme.as_ref() == Some(t))
                            .count()
                    )
                })
                .collect();
            if without > 0 {
                parts.push(format!("uten tema ({without})"));
            }
            header = Some(Line::styled(
                format!("Tema: {}", parts.join(" · ")),
                theme.label(),
            ));
        }
        Activity::Vote { list, .. } => {
            let total: u32 = r.items(list).iter().map(|i| i.votes).sum();
            header = Some(Line::styled(
                format!("Prikker i alt: {total}"),
                theme.label(),
            ));
        }
        _ => {}
    }
    let mut area = area;
    if let Some(h) = header {
        frame.render_widget(Paragraph::new(h), Rect { height: 1, ..area });
        area.y += 1;
        area.height = area.height.saturating_sub(1);
    }
    if items.is_empty() {
        let text = match activity {
            Activity::Collect {
                from: Some(from), ..
            } => format!(
                "Ingen punkter ennå. a legger til; i henter inn «{}» fra stafettpinnen.",
                list_title(from)
            ),
            _ => "Ingen punkter ennå. Trykk a for å legge til.".to_string(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.dim())).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let rows = items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let (prefix, suffix) = match activity {
                Activity::Vote { .. } => {
                    let dots = "●".repeat(item.votes.min(10) as usize);
                    let more = if item.votes > 10 { "+" } else { "" };
                    (format!("{:>2} {dots}{more} ", item.votes), String::new())
                }
                Activity::Choose { into, .. } => {
                    let mark = if r.is_chosen(into, item.id) {
                        "[✓]"
                    } else {
                        "[ ]"
                    };
                    let mut votes = if item.votes > 0 {
                        format!("  ({} ●)", item.votes)
                    } else {
                        String::new()
                    };
                    if let Some(rating) = r.rating_text(activity.list().unwrap_or_default(), item) {
                        votes.push_str(&format!("  [{rating}]"));
                    }
                    (format!("{mark} "), votes)
                }
                Activity::Group { .. } => {
                    let theme_name = item.theme.as_deref().map(inert_line).unwrap_or("–".into());
                    (format!("[{theme_name}] "), String::new())
                }
                _ => (format!("{:>2}. ", n + 1), String::new()),
            };
            let indent = unicode_width::UnicodeWidthStr::width(prefix.as_str()).min(width / 2);
            let text = format!("{}{suffix}", inert(&item.text));
            let mut lines = Vec::new();
            for (i, l) in wrap(&text, width.saturating_sub(indent + 2).max(1))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(indent)
                };
                lines.push(Line::raw(format!("{lead}{l}")));
            }
            lines
        })
        .collect();
    rows_view(frame, area, rows, Some(r.selected), theme);
}

/// Rows of one or more lines, the selected one marked with › and reversed, scrolled so the
/// selection is always visible.
pub fn rows_view(
    frame: &mut Frame,
    area: Rect,
    rows: Vec<Vec<Line>>,
    selected: Option<usize>,
    theme: &Theme,
) {
    let height = area.height as usize;
    if height == 0 {
        return;
    }
    let sel = selected.unwrap_or(0).min(rows.len().saturating_sub(1));
    // The first row to show: as late as needed for the selected row to fit below it.
    let mut first = 0;
    while first < sel && rows[first..=sel].iter().map(Vec::len).sum::<usize>() > height {
        first += 1;
    }
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in rows.into_iter().enumerate().skip(first) {
        let is_sel = selected.is_some() && i == sel;
        for (j, line) in row.into_iter().enumerate() {
            let marker = if is_sel && j == 0 { "› " } else { "  " };
            let style = if is_sel {
                theme.selected()
            } else {
                Style::new()
            };
            let mut spans = vec![Span::styled(marker, style)];
            spans.extend(
                line.spans
                    .into_iter()
                    .map(|s| s.patch_style(line.style).patch_style(style)),
            );
            lines.push(Line::from(spans));
        }
        if lines.len() >= height {
            break;
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn stafettpinne(frame: &mut Frame, area: Rect, r: &Runner, theme: &Theme) {
    let mut lines: Vec<Line> = Vec::new();
    match r.previous_sheet() {
        None => lines.push(Line::styled(
            "Dette er første økt: ingen stafettpinne ennå.",
            theme.dim(),
        )),
        Some((key, sheet)) => {
            let name = r
                .script
                .find_session(&key.session)
                .map(|at| {
                    format!(
                        "{} · {}",
                        r.script.phases[at.phase].title,
                        r.script.session(at).title
                    )
                })
                .unwrap_or_else(|| key.session.clone());
            match sheet {
                None => lines.push(Line::styled(
                    format!(
                        "Forrige økt ({}) har ikke noe arbeidsark ennå.",
                        inert_line(&name)
                    ),
                    theme.dim(),
                )),
                Some(sheet) => {
                    let when = sheet
                        .finished
                        .map(|f| format!("levert {}", format_date(f.date())))
                        .unwrap_or_else(|| sheet.status.label().to_string());
                    lines.push(Line::styled(
                        format!("Fra runde {} · {} ({when})", key.round, inert_line(&name)),
                        theme.label(),
                    ));
                    for (list, items) in sheet.lists.iter().filter(|(_, i)| !i.is_empty()) {
                        lines.push(Line::raw(""));
                        lines.push(Line::styled(list_title(list), theme.room()));
                        for item in items {
                            let votes = if item.votes > 0 {
                                format!("  ({} ●)", item.votes)
                            } else {
                                String::new()
                            };
                            lines.push(Line::raw(format!("• {}{votes}", inert_line(&item.text))));
                        }
                    }
                    for (form, values) in &sheet.forms {
                        let filled: Vec<_> = values
                            .iter()
                            .filter(|(_, v)| !v.trim().is_empty())
                            .collect();
                        if filled.is_empty() {
                            continue;
                        }
                        lines.push(Line::raw(""));
                        lines.push(Line::styled(list_title(form), theme.room()));
                        for (label, value) in filled {
                            lines.push(Line::from(vec![
                                Span::styled(format!("{}: ", inert_line(label)), theme.label()),
                                Span::raw(inert_line(value).into_owned()),
                            ]));
                        }
                    }
                    if !sheet.has_content() {
                        lines.push(Line::styled("Arbeidsarket er tomt.", theme.dim()));
                    }
                }
            }
        }
    }
    // Lists this session pulls in from further back than the previous session.
    for step in &r.session().steps {
        if let Activity::Collect {
            from: Some(from), ..
        } = &step.activity
            && let Some((key, items)) = r.earlier_list(from)
            && r.previous_sheet().is_none_or(|(prev, _)| prev != key)
        {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!(
                    "{} (fra runde {} · {})",
                    list_title(from),
                    key.round,
                    key.session
                ),
                theme.room(),
            ));
            for item in items {
                lines.push(Line::raw(format!("• {}", inert_line(&item.text))));
            }
        }
    }
    let open = r.forlop.plan.iter().filter(|m| m.status.is_open()).count();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Åpne tiltak i handlingsplanen: {open} (h viser planen)"),
        theme.dim(),
    ));
    let scroll = r.selected.min(lines.len().saturating_sub(1)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
