//! The step's activity on screen: one module per kind, named as in the runner and the script,
//! each a `Widget` over a borrow of the runner and a [`View`] of its script struct. The
//! modules and the one dispatch on the kind are written from the list in
//! `script/activity/mod.rs`.

mod items;
mod matrix;

pub use super::rows::rows_view;

use super::theme::Theme;
use crate::runner::Runner;
use crate::script::Activity;
use crate::script::activity as spec;
use crate::worksheet::risk::Column;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What every kind's view is drawn with.
pub struct Cx<'a> {
    pub r: &'a Runner,
    pub theme: &'a Theme,
    /// A grid shown as the risk matrix rather than the table.
    pub matrix: bool,
    /// A grid's focused column.
    pub column: Column,
    pub today: NaiveDate,
}

/// A kind's part on screen. Rendering only reads.
trait View {
    /// A short line about its keys, for the guide panel.
    fn hint(&self) -> Option<String> {
        None
    }

    fn draw(&self, _area: Rect, _buf: &mut Buffer, _cx: &Cx) {}
}

macro_rules! view_layer {
    (unit: [$($u:ident => $um:ident,)*], data: [$($d:ident => $dm:ident,)*] $(,)?) => {
        $(mod $um;)*
        $(mod $dm;)*

        /// The kind's view: the one dispatch on the kind in this layer.
        fn view(activity: &Activity) -> &dyn View {
            match activity {
                $(Activity::$u => &spec::$u,)*
                $(Activity::$d(k) => k,)*
            }
        }
    };
}

crate::activity_kinds!(view_layer);

/// A short line about the keys of an activity, for the guide panel.
pub fn hint(activity: &Activity) -> Option<String> {
    view(activity).hint()
}

/// Draws the current step's activity.
pub fn draw(frame: &mut Frame, area: Rect, cx: &Cx) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    view(&cx.r.activity()).draw(area, frame.buffer_mut(), cx);
}
