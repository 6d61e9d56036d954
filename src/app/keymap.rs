//! Keys to actions: a pure function of the key and the kind of focus, so it is table-tested.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What kind of thing has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    /// Screens, lists and overlays: single keys are commands.
    Normal,
    /// A text field: keys type text.
    Text,
    /// A yes/no question.
    Confirm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    Guide,
    Overview,
    Plan,
    NewRound,
    Export,
    /// A number key, for levels in a risk grid.
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
    Type(KeyEvent),
    // Questions
    Yes,
    No,
}

pub fn resolve(key: KeyEvent, mode: KeyMode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    match mode {
        KeyMode::Text => Some(match key.code {
            KeyCode::Enter if alt || shift => Action::Newline,
            KeyCode::Enter => Action::Submit,
            KeyCode::Esc => Action::Cancel,
            KeyCode::Char('c') if ctrl => Action::Cancel,
            KeyCode::Tab => Action::NextField,
            KeyCode::BackTab => Action::PrevField,
            _ => Action::Type(key),
        }),
        KeyMode::Confirm => match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') | KeyCode::Enter => Some(Action::Yes),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::No),
            KeyCode::Char('c') if ctrl => Some(Action::No),
            _ => None,
        },
        KeyMode::Normal => {
            if ctrl {
                return match key.code {
                    KeyCode::Char('c') => Some(Action::Quit),
                    _ => None,
                };
            }
            Some(match key.code {
                KeyCode::Char('q') => Action::Quit,
                KeyCode::Char('?') | KeyCode::F(1) => Action::Help,
                KeyCode::Esc => Action::Back,
                KeyCode::Enter => Action::Enter,
                KeyCode::Char('n') | KeyCode::Right => Action::NextStep,
                KeyCode::Char('p') | KeyCode::Left => Action::PrevStep,
                KeyCode::Char('N') | KeyCode::PageDown => Action::NextSession,
                KeyCode::Char('P') | KeyCode::PageUp => Action::PrevSession,
                KeyCode::Char('F') => Action::Finish,
                KeyCode::Up if shift => Action::MoveUp,
                KeyCode::Down if shift => Action::MoveDown,
                KeyCode::Char('K') => Action::MoveUp,
                KeyCode::Char('J') => Action::MoveDown,
                KeyCode::Up | KeyCode::Char('k') => Action::Up,
                KeyCode::Down | KeyCode::Char('j') => Action::Down,
                KeyCode::Char('a') => Action::Add,
                KeyCode::Char('e') => Action::Edit,
                KeyCode::Char('d') | KeyCode::Delete => Action::Delete,
                KeyCode::Char('g') => Action::Theme,
                KeyCode::Char('i') => Action::Import,
                KeyCode::Char(' ') => Action::Mark,
                KeyCode::Backspace => Action::Unmark,
                KeyCode::Char('s') => Action::Status,
                KeyCode::Char('t') => Action::TimerToggle,
                KeyCode::Char('+') => Action::TimerMore,
                KeyCode::Char('-') => Action::TimerLess,
                KeyCode::Char('r') => Action::TimerReset,
                KeyCode::Char('f') => Action::Guide,
                KeyCode::Char('o') => Action::Overview,
                KeyCode::Char('h') => Action::Plan,
                KeyCode::Char('R') => Action::NewRound,
                KeyCode::Char('x') => Action::Export,
                KeyCode::Char(c @ '0'..='9') => Action::Digit(c as u8 - b'0'),
                KeyCode::Tab => Action::NextField,
                KeyCode::BackTab => Action::PrevField,
                KeyCode::Char('v') => Action::ToggleView,
                KeyCode::Char('S') => Action::Sort,
                KeyCode::Char('m') => Action::ToPlan,
                _ => return None,
            })
        }
    }
}

/// The keys, grouped, as the help overlay shows them. One list, so help and keymap agree.
pub const HELP: &[(&str, &[(&str, &str)])] = &[
    (
        "Gå gjennom økta",
        &[
            ("n  →", "neste steg"),
            ("p  ←", "forrige steg"),
            ("N  PgDn", "neste økt"),
            ("P  PgUp", "forrige økt"),
            ("F", "avslutt økta, lever stafettpinnen"),
            ("o", "oversikten over forløpet"),
            ("R", "ny runde (i oversikten)"),
            ("h", "handlingsplanen"),
            ("f", "veiledningen av/på"),
            ("x", "eksporter (Markdown)"),
        ],
    ),
    (
        "Arbeidsarket",
        &[
            ("↑ ↓  k j", "flytt markeringen"),
            ("a", "legg til"),
            ("e  Enter", "rediger det markerte"),
            ("d  Del", "slett (spør først)"),
            ("K J Shift+↑↓", "flytt opp/ned"),
            ("Mellomrom", "prikk, kryss, tell, velg"),
            ("⌫", "ta bort prikk, tell ned"),
            ("g", "gi punktet et tema"),
            ("1–9", "vurder punktet · velg rolle/sett"),
            ("i", "hent inn lista på nytt"),
            ("s", "bytt status på tiltak"),
        ],
    ),
    (
        "Risikovurdering",
        &[
            ("Tab Shift+Tab", "neste/forrige kolonne"),
            ("1–5", "sett nivå i kolonnen"),
            ("e  Enter", "skriv i kolonnen"),
            ("Mellomrom", "behold eksempelrad"),
            ("v", "tabell ↔ risikomatrise"),
            ("S", "sorter etter risiko"),
            ("m", "tiltaket til handlingsplanen"),
        ],
    ),
    (
        "Tidtaker",
        &[
            ("t", "start/pause"),
            ("+  -", "ett minutt mer/mindre"),
            ("r", "nullstill"),
        ],
    ),
    (
        "Skrivefelt",
        &[
            ("Enter", "lagre"),
            ("Alt+Enter", "ny linje"),
            ("Tab Shift+Tab", "neste/forrige felt"),
            ("Esc", "avbryt uten å lagre"),
            ("← → Home End", "flytt markøren"),
        ],
    ),
    (
        "Ellers",
        &[
            ("?", "denne hjelpen"),
            ("Esc", "lukk / tilbake"),
            ("q", "avslutt (alt er lagret)"),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }
    fn with(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn normal_mode_table() {
        let table: &[(KeyEvent, Option<Action>)] = &[
            (key(KeyCode::Char('q')), Some(Quit)),
            (with(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Quit)),
            (key(KeyCode::Char('?')), Some(Help)),
            (key(KeyCode::Char('n')), Some(NextStep)),
            (key(KeyCode::Right), Some(NextStep)),
            (key(KeyCode::Char('p')), Some(PrevStep)),
            (key(KeyCode::Left), Some(PrevStep)),
            (
                with(KeyCode::Char('N'), KeyModifiers::SHIFT),
                Some(NextSession),
            ),
            (key(KeyCode::Char('F')), Some(Finish)),
            (key(KeyCode::Up), Some(Up)),
            (key(KeyCode::Char('j')), Some(Down)),
            (with(KeyCode::Up, KeyModifiers::SHIFT), Some(MoveUp)),
            (with(KeyCode::Down, KeyModifiers::SHIFT), Some(MoveDown)),
            (key(KeyCode::Char('K')), Some(MoveUp)),
            (key(KeyCode::Char('a')), Some(Add)),
            (key(KeyCode::Char('e')), Some(Edit)),
            (key(KeyCode::Char('d')), Some(Delete)),
            (key(KeyCode::Char(' ')), Some(Mark)),
            (key(KeyCode::Backspace), Some(Unmark)),
            (key(KeyCode::Char('t')), Some(TimerToggle)),
            (key(KeyCode::Char('+')), Some(TimerMore)),
            (key(KeyCode::Char('-')), Some(TimerLess)),
            (key(KeyCode::Char('f')), Some(Guide)),
            (key(KeyCode::Char('o')), Some(Overview)),
            (key(KeyCode::Char('h')), Some(Plan)),
            (key(KeyCode::Char('s')), Some(Status)),
            (key(KeyCode::Char('x')), Some(Export)),
            (key(KeyCode::Char('3')), Some(Digit(3))),
            (key(KeyCode::Tab), Some(NextField)),
            (key(KeyCode::BackTab), Some(PrevField)),
            (key(KeyCode::Char('v')), Some(ToggleView)),
            (key(KeyCode::Char('S')), Some(Sort)),
            (key(KeyCode::Char('m')), Some(ToPlan)),
            (key(KeyCode::Esc), Some(Back)),
            (key(KeyCode::Char('z')), None),
            (with(KeyCode::Char('x'), KeyModifiers::CONTROL), None),
        ];
        for (k, want) in table {
            assert_eq!(resolve(*k, KeyMode::Normal), *want, "{k:?}");
        }
    }

    #[test]
    fn text_mode_types_letters_that_are_commands_elsewhere() {
        for c in ['q', 'n', 'a', 'd', ' ', 'æ', 'ø', 'å', '?'] {
            let k = key(KeyCode::Char(c));
            assert_eq!(resolve(k, KeyMode::Text), Some(Type(k)));
        }
        assert_eq!(resolve(key(KeyCode::Enter), KeyMode::Text), Some(Submit));
        assert_eq!(
            resolve(with(KeyCode::Enter, KeyModifiers::ALT), KeyMode::Text),
            Some(Newline)
        );
        assert_eq!(resolve(key(KeyCode::Esc), KeyMode::Text), Some(Cancel));
        assert_eq!(resolve(key(KeyCode::Tab), KeyMode::Text), Some(NextField));
        assert_eq!(
            resolve(key(KeyCode::BackTab), KeyMode::Text),
            Some(PrevField)
        );
        assert_eq!(
            resolve(key(KeyCode::Home), KeyMode::Text),
            Some(Type(key(KeyCode::Home)))
        );
    }

    #[test]
    fn confirm_mode_takes_norwegian_and_english_yes() {
        assert_eq!(
            resolve(key(KeyCode::Char('j')), KeyMode::Confirm),
            Some(Yes)
        );
        assert_eq!(
            resolve(key(KeyCode::Char('y')), KeyMode::Confirm),
            Some(Yes)
        );
        assert_eq!(resolve(key(KeyCode::Enter), KeyMode::Confirm), Some(Yes));
        assert_eq!(resolve(key(KeyCode::Char('n')), KeyMode::Confirm), Some(No));
        assert_eq!(resolve(key(KeyCode::Esc), KeyMode::Confirm), Some(No));
        assert_eq!(resolve(key(KeyCode::Char('q')), KeyMode::Confirm), None);
    }
}
