//! The step's activity on screen: one module per kind, named as in the runner and the script,
//! each a `Widget` over a borrow of the runner. This file holds the one dispatch.

mod checklist;
mod choose;
mod collect;
mod fields;
mod group;
mod items;
mod matrix;
mod pick_set;
mod plan;
mod risk_grid;
mod risk_setup;
mod roles;
mod stafettpinne;
mod summary;
mod vote;

pub use super::rows::rows_view;

use super::theme::Theme;
use crate::runner::Runner;
use crate::script::Activity;
use crate::t;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

/// A short line about the keys of an activity, for the guide panel.
pub fn hint(activity: &Activity) -> Option<String> {
    Some(match activity {
        Activity::Info => return None,
        Activity::Stafettpinne => t!("ui.stafettpinne.hint").into(),
        Activity::Checklist { .. } => t!("ui.checklist.hint").into(),
        Activity::Collect { from, .. } => collect::hint(from.is_some()).into(),
        Activity::Group { .. } => t!("ui.group.hint").into(),
        Activity::Vote { dots, .. } => t!("ui.vote.hint", dots = dots),
        Activity::Choose { max, .. } => choose::hint(*max),
        Activity::Fields { .. } => t!("ui.fields.hint").into(),
        Activity::Plan { .. } => t!("ui.plan.hint").into(),
        Activity::RiskSetup { .. } => t!("ui.risk_setup.hint").into(),
        Activity::PickSet { .. } => t!("ui.pick_set.hint").into(),
        Activity::Roles { .. } => t!("ui.roles.hint").into(),
        Activity::Summary => t!("ui.summary.hint").into(),
        Activity::RiskGrid { .. } => t!("ui.risk_grid.hint").into(),
    })
}

/// Draws the current step's activity.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    r: &Runner,
    matrix: bool,
    theme: &Theme,
    today: NaiveDate,
) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let activity = r.activity();
    match &activity {
        Activity::Info => {}
        Activity::Stafettpinne => {
            frame.render_widget(stafettpinne::Stafettpinne { r, theme }, area)
        }
        Activity::Checklist { items } => {
            frame.render_widget(checklist::Checklist { r, items, theme }, area)
        }
        Activity::Collect { from, .. } => frame.render_widget(
            items::Items::new(
                r,
                theme,
                collect::Collect {
                    from: from.as_deref(),
                },
            ),
            area,
        ),
        Activity::Group { list } => {
            frame.render_widget(items::Items::new(r, theme, group::Group { r, list }), area)
        }
        Activity::Vote { list, .. } => {
            frame.render_widget(items::Items::new(r, theme, vote::Vote { r, list }), area)
        }
        Activity::Choose { list, into, max } => frame.render_widget(
            items::Items::new(
                r,
                theme,
                choose::Choose {
                    r,
                    list,
                    into,
                    max: *max,
                },
            ),
            area,
        ),
        Activity::Fields { form, fields } => frame.render_widget(
            fields::Fields {
                r,
                form,
                fields,
                theme,
            },
            area,
        ),
        Activity::RiskSetup { grid } => {
            frame.render_widget(risk_setup::RiskSetup { r, grid, theme }, area)
        }
        Activity::PickSet { list } => {
            frame.render_widget(pick_set::PickSet { r, list, theme }, area)
        }
        Activity::Roles { tasks, roles } => frame.render_widget(
            roles::Roles {
                r,
                tasks,
                roles,
                theme,
            },
            area,
        ),
        Activity::Summary => frame.render_widget(summary::Summary { r, theme }, area),
        Activity::RiskGrid { grid, .. } => frame.render_widget(
            risk_grid::RiskGrid {
                r,
                grid,
                matrix,
                theme,
            },
            area,
        ),
        Activity::Plan { review } => frame.render_widget(
            plan::Plan {
                plan: &r.forlop.plan,
                selected: r.selected,
                review: *review,
                today,
                theme,
            },
            area,
        ),
    }
}
