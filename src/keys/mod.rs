//! The keys, declared once as data: `assets/keys.ron` binds keys to actions per mode and lists
//! the rows of the help overlay and the footer. The keymap resolves from the bindings (a pure
//! function of the key and the mode, table-tested); `show` makes the help, footer and README
//! rows from the same table. A user's `keys.ron` in the config folder can rebind actions.

mod name;
pub mod show;

pub use name::{KeyName, UnknownKey, parse_key};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The standard key table, as shipped.
pub const STANDARD: &str = include_str!("../../assets/keys.ron");

/// What kind of thing has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum KeyMode {
    /// Screens, lists and overlays: single keys are commands.
    Normal,
    /// A text field: keys type text.
    Text,
    /// A yes/no question.
    Confirm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Action {
    Quit,
    Help,
    Back,
    Enter,
    NextStep,
    PrevStep,
    NextSession,
    PrevSession,
    Finish,
    Up,
    Down,
    MoveUp,
    MoveDown,
    Add,
    Edit,
    Delete,
    Theme,
    Import,
    Mark,
    Unmark,
    Status,
    TimerToggle,
    TimerMore,
    TimerLess,
    TimerReset,
    /// The session's short version on or off.
    ShortVersion,
    /// The session record (referat).
    Record,
    /// The standard look or the projector's.
    SwitchTheme,
    Guide,
    Overview,
    Plan,
    NewRound,
    Export,
    /// A number key: levels in a risk grid, ratings, roles, sets. In the table `Digit(0)`
    /// stands for whichever digit was typed.
    Digit(u8),
    ToggleView,
    Sort,
    ToPlan,
    // Text fields
    Submit,
    Cancel,
    NextField,
    PrevField,
    Newline,
    /// A key for the text field itself (characters, cursor keys, home/end, backspace …).
    #[serde(skip)]
    Type(KeyEvent),
    // Questions
    Yes,
    No,
}

impl Action {
    /// The same action, with a digit's value forgotten, for comparing with the table.
    fn kind(self) -> Action {
        match self {
            Action::Digit(_) => Action::Digit(0),
            a => a,
        }
    }
}

/// One key bound to one action in one mode.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Binding {
    pub mode: KeyMode,
    pub key: String,
    pub action: Action,
}

/// A row of the help overlay or the footer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Row {
    pub actions: Vec<Action>,
    /// The keys as shown while the actions keep their standard keys.
    #[serde(default)]
    pub show: Option<String>,
    /// A key into the string catalog.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Section {
    /// A key into the string catalog.
    pub section: String,
    pub mode: KeyMode,
    pub rows: Vec<Row>,
}

/// The key table file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Table {
    bindings: Vec<Binding>,
    help: Vec<Section>,
    footer: BTreeMap<String, Vec<Row>>,
}

/// The keys in use: the standard table, with the user's changes if any.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(KeyMode, KeyName, Action)>,
    help: Vec<Section>,
    footer: BTreeMap<String, Vec<Row>>,
    /// Actions (per mode) the user rebound: their rows derive the keys shown.
    changed: Vec<(KeyMode, Action)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::standard()
    }
}

impl Keymap {
    /// The shipped table. It is checked by tests, so reading it cannot fail in a release.
    pub fn standard() -> Keymap {
        let table: Table = read(STANDARD)
            .unwrap_or_else(|e| unreachable!("assets/keys.ron is checked by the tests: {e}"));
        let bindings = table
            .bindings
            .iter()
            .filter_map(|b| Some((b.mode, parse_key(&b.key).ok()?, b.action)))
            .collect();
        Keymap {
            bindings,
            help: table.help,
            footer: table.footer,
            changed: Vec::new(),
        }
    }

    /// Applies a user's `keys.ron`: each action named there loses its standard keys in that
    /// mode and takes the given ones; a key given there leaves any other action it had.
    pub fn with_overrides(mut self, text: &str) -> Result<Keymap, KeysError> {
        let wanted: Vec<Binding> = read(text).map_err(KeysError::Ron)?;
        let mut parsed = Vec::new();
        for b in &wanted {
            if matches!(b.action, Action::Type(_)) {
                continue;
            }
            let key = parse_key(&b.key).map_err(KeysError::Key)?;
            parsed.push((b.mode, key, b.action));
        }
        for &(mode, key, action) in &parsed {
            self.bindings
                .retain(|&(m, k, a)| m != mode || (a.kind() != action.kind() && k != key));
            if !self.changed.contains(&(mode, action.kind())) {
                self.changed.push((mode, action.kind()));
            }
        }
        self.bindings.extend(parsed);
        Ok(self)
    }

    /// The action a key stands for in a mode. In a text field every other key types; in a
    /// question other keys do nothing.
    pub fn resolve(&self, key: KeyEvent, mode: KeyMode) -> Option<Action> {
        let pressed = KeyName::from_event(key);
        // The exact key first; then, as a terminal may add Shift or Alt on its own, without
        // them (Alt is meaningful in a text field: Alt+Enter).
        let mut tries = vec![pressed, pressed.without(KeyModifiers::SHIFT)];
        if mode != KeyMode::Text {
            tries.push(pressed.without(KeyModifiers::ALT));
            tries.push(pressed.without(KeyModifiers::ALT | KeyModifiers::SHIFT));
        }
        let found = tries
            .iter()
            .find_map(|want| {
                self.bindings
                    .iter()
                    .find(|&&(m, k, _)| m == mode && k == *want)
            })
            .map(|&(_, _, a)| match (a, key.code) {
                (Action::Digit(_), KeyCode::Char(c @ '0'..='9')) => Action::Digit(c as u8 - b'0'),
                (a, _) => a,
            });
        match mode {
            KeyMode::Text => Some(found.unwrap_or(Action::Type(key))),
            _ => found,
        }
    }

    /// The keys bound to an action in a mode, in table order.
    pub fn keys_of(&self, mode: KeyMode, action: Action) -> Vec<KeyName> {
        self.bindings
            .iter()
            .filter(|&&(m, _, a)| m == mode && a.kind() == action.kind())
            .map(|&(_, k, _)| k)
            .collect()
    }

    fn is_changed(&self, mode: KeyMode, actions: &[Action]) -> bool {
        actions
            .iter()
            .any(|a| self.changed.contains(&(mode, a.kind())))
    }

    pub fn help(&self) -> &[Section] {
        &self.help
    }

    /// The footer rows of a context ("home", "step", "session" or an activity kind).
    pub fn footer(&self, context: &str) -> &[Row] {
        self.footer.get(context).map_or(&[], Vec::as_slice)
    }
}

/// Reads the key table's RON, where `show: "…"` needs no `Some(…)`.
/// Why a user's `keys.ron` cannot be used.
#[derive(Debug)]
pub enum KeysError {
    /// It is not a list of bindings.
    Ron(ron::error::SpannedError),
    /// A binding names a key that is not understood.
    Key(UnknownKey),
}

impl std::fmt::Display for KeysError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeysError::Ron(e) => write!(f, "{e}"),
            KeysError::Key(e) => write!(f, "{e}"),
        }
    }
}

fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

/// Whether `key` with these modifiers is what a binding names: letters ignore Shift (the
/// terminal reports `K` with or without it), and so does BackTab.
pub(crate) fn normalise(code: KeyCode, mods: KeyModifiers) -> (KeyCode, KeyModifiers) {
    let mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    match code {
        KeyCode::Char(_) | KeyCode::BackTab => (code, mods - KeyModifiers::SHIFT),
        _ => (code, mods),
    }
}

#[cfg(test)]
mod tests;
