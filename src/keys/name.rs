//! Key names as written in the key table ("a", "Ctrl+C", "Shift+Up", "PgDn") and as shown.

use super::normalise;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, normalised as the keymap compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyName {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl KeyName {
    pub fn from_event(key: KeyEvent) -> KeyName {
        let (code, mods) = normalise(key.code, key.modifiers);
        KeyName { code, mods }
    }

    pub fn without(self, mods: KeyModifiers) -> KeyName {
        KeyName {
            mods: self.mods - mods,
            ..self
        }
    }

    /// How the key is written on screen: arrows as arrows; `space` is the word the caller
    /// wants for the space bar (the help spells it out, the footer uses ␣).
    pub fn show(&self, space: &str) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => space.to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Backspace => "⌫".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other}"),
        };
        let mut out = String::new();
        for (m, name) in [
            (KeyModifiers::CONTROL, "Ctrl+"),
            (KeyModifiers::ALT, "Alt+"),
            (KeyModifiers::SHIFT, "Shift+"),
        ] {
            if self.mods.contains(m) {
                out.push_str(name);
            }
        }
        out + &base
    }
}

/// A key name in a key table that is not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey(pub String);

impl std::fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!(
            "keys.unknown_key",
            key = crate::text::inert_line(&self.0)
        ))
    }
}

/// Reads a key name from the table; the error names what was not understood.
pub fn parse_key(text: &str) -> Result<KeyName, UnknownKey> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let before = rest;
        for (prefix, m) in [
            ("Ctrl+", KeyModifiers::CONTROL),
            ("Alt+", KeyModifiers::ALT),
            ("Shift+", KeyModifiers::SHIFT),
        ] {
            if let Some(r) = rest.strip_prefix(prefix)
                && !r.is_empty()
            {
                mods |= m;
                rest = r;
            }
        }
        if before == rest {
            break;
        }
    }
    let code = match rest {
        "Space" => KeyCode::Char(' '),
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Backspace" => KeyCode::Backspace,
        "Delete" | "Del" => KeyCode::Delete,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        f if f.len() > 1
            && f.starts_with('F')
            && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
        {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        c if c.chars().count() == 1 => {
            let ch = c.chars().next().unwrap_or(' ');
            // Ctrl+C is the same key whether or not Shift is down.
            if mods.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(ch.to_ascii_lowercase())
            } else {
                KeyCode::Char(ch)
            }
        }
        _ => {
            return Err(UnknownKey(text.to_string()));
        }
    };
    let (code, mods) = normalise(code, mods);
    Ok(KeyName { code, mods })
}
