//! Styles, as data: a theme is a RON file in `assets/themes/` (embedded), naming a style for
//! each role on screen. Colour only ever repeats what text and symbols already say, so every
//! screen reads in black and white; with colour off (NO_COLOR) only bold and reverse remain.

use crate::worksheet::risk::Band;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::str::FromStr;
use std::sync::OnceLock;

/// The shipped standard theme.
pub const STANDARD: &str = include_str!("../../assets/themes/standard.ron");
pub const PROJECTOR: &str = include_str!("../../assets/themes/projector.ron");

/// The shipped themes: the standard one, and one for a projector (high contrast).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Standard,
    Projector,
}

impl ThemeName {
    /// The other theme: `V` switches between them.
    pub fn other(self) -> ThemeName {
        match self {
            ThemeName::Standard => ThemeName::Projector,
            ThemeName::Projector => ThemeName::Standard,
        }
    }
}

/// One role's look, as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleDef {
    #[serde(default)]
    pub fg: Option<String>,
    #[serde(default)]
    pub bg: Option<String>,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub reversed: bool,
}

/// A theme file: a style per role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeDef {
    pub title: StyleDef,
    pub room: StyleDef,
    pub dim: StyleDef,
    pub label: StyleDef,
    pub selected: StyleDef,
    pub key: StyleDef,
    pub ok: StyleDef,
    pub warn: StyleDef,
    pub alert: StyleDef,
    pub border: StyleDef,
    pub line: StyleDef,
    pub gauge: StyleDef,
    pub band_acceptable: StyleDef,
    pub band_high: StyleDef,
    pub band_unacceptable: StyleDef,
}

/// Why a theme file cannot be used.
#[derive(Debug)]
pub enum ThemeError {
    Ron(ron::error::SpannedError),
    /// A colour name ratatui does not know.
    UnknownColour(String),
}

impl std::fmt::Display for ThemeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ThemeError::Ron(e) => write!(f, "{e}"),
            ThemeError::UnknownColour(c) => {
                f.write_str(&crate::t!("theme.unknown_colour", colour = c))
            }
        }
    }
}

/// Reads a theme file; an unknown colour name is an error that names it.
pub fn parse(text: &str) -> Result<ThemeDef, ThemeError> {
    let def: ThemeDef = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(ThemeError::Ron)?;
    for s in def.all() {
        for c in s.fg.iter().chain(&s.bg) {
            Color::from_str(c).map_err(|_| ThemeError::UnknownColour(c.clone()))?;
        }
    }
    Ok(def)
}

impl ThemeDef {
    fn all(&self) -> [&StyleDef; 15] {
        [
            &self.title,
            &self.room,
            &self.dim,
            &self.label,
            &self.selected,
            &self.key,
            &self.ok,
            &self.warn,
            &self.alert,
            &self.border,
            &self.line,
            &self.gauge,
            &self.band_acceptable,
            &self.band_high,
            &self.band_unacceptable,
        ]
    }
}

fn shipped(name: ThemeName) -> &'static ThemeDef {
    static DEFS: [OnceLock<ThemeDef>; 2] = [OnceLock::new(), OnceLock::new()];
    let (slot, text) = match name {
        ThemeName::Standard => (&DEFS[0], STANDARD),
        ThemeName::Projector => (&DEFS[1], PROJECTOR),
    };
    // Checked by a test; should it ever fail, every role falls back to the terminal's default
    // look, which still reads because colour never carries meaning alone.
    slot.get_or_init(|| parse(text).unwrap_or_else(|_| plain()))
}

fn plain() -> ThemeDef {
    let s = StyleDef::default;
    ThemeDef {
        title: s(),
        room: s(),
        dim: s(),
        label: s(),
        selected: StyleDef {
            reversed: true,
            ..s()
        },
        key: s(),
        ok: s(),
        warn: s(),
        alert: s(),
        border: s(),
        line: s(),
        gauge: s(),
        band_acceptable: s(),
        band_high: s(),
        band_unacceptable: s(),
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    def: &'static ThemeDef,
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme::named(ThemeName::Standard, color)
    }

    pub fn named(name: ThemeName, color: bool) -> Theme {
        Theme {
            def: shipped(name),
            color,
        }
    }

    pub fn has_color(&self) -> bool {
        self.color
    }

    fn style(&self, s: &StyleDef) -> Style {
        let mut style = Style::new();
        if self.color {
            if let Some(c) = s.fg.as_deref().and_then(|c| Color::from_str(c).ok()) {
                style = style.fg(c);
            }
            if let Some(c) = s.bg.as_deref().and_then(|c| Color::from_str(c).ok()) {
                style = style.bg(c);
            }
        }
        if s.bold {
            style = style.add_modifier(Modifier::BOLD);
        }
        if s.reversed {
            style = style.add_modifier(Modifier::REVERSED);
        }
        style
    }

    pub fn title(&self) -> Style {
        self.style(&self.def.title)
    }
    pub fn room(&self) -> Style {
        self.style(&self.def.room)
    }
    pub fn dim(&self) -> Style {
        self.style(&self.def.dim)
    }
    pub fn label(&self) -> Style {
        self.style(&self.def.label)
    }
    pub fn selected(&self) -> Style {
        self.style(&self.def.selected)
    }
    pub fn key(&self) -> Style {
        self.style(&self.def.key)
    }
    pub fn ok(&self) -> Style {
        self.style(&self.def.ok)
    }
    pub fn warn(&self) -> Style {
        self.style(&self.def.warn)
    }
    pub fn alert(&self) -> Style {
        self.style(&self.def.alert)
    }
    pub fn border(&self) -> Style {
        self.style(&self.def.border)
    }
    /// The colour of drawn lines (the overview's circle).
    pub fn line_color(&self) -> Color {
        self.style(&self.def.line).fg.unwrap_or(Color::Reset)
    }
    pub fn gauge(&self) -> Style {
        self.style(&self.def.gauge)
    }
    /// The look of a risk value's cell: colour and, without colour, bold for uakseptabel.
    pub fn band(&self, band: Band) -> Style {
        self.style(match band {
            Band::Acceptable => &self.def.band_acceptable,
            Band::High => &self.def.band_high,
            Band::Unacceptable => &self.def.band_unacceptable,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_theme_parses_and_every_colour_is_known() {
        let def = parse(STANDARD).expect("assets/themes/standard.ron");
        assert_eq!(def.title.fg.as_deref(), Some("cyan"));
        let theme = Theme::new(true);
        assert_eq!(theme.band(Band::Unacceptable).bg, Some(Color::Red));
    }

    #[test]
    fn the_projector_theme_parses_and_has_no_dark_grey() {
        let def = parse(PROJECTOR).expect("assets/themes/projector.ron");
        let theme = Theme::named(ThemeName::Projector, true);
        assert_eq!(theme.dim().fg, Some(Color::Gray));
        assert_ne!(theme.border().fg, Some(Color::DarkGray));
        assert!(
            !PROJECTOR.contains("dark gray"),
            "dark grey vanishes on a projector"
        );
        assert_eq!(def.room.fg.as_deref(), Some("white"));
        assert_eq!(ThemeName::Projector.other(), ThemeName::Standard);
    }

    #[test]
    fn an_unknown_colour_is_named() {
        let bad = STANDARD.replace("\"cyan\"", "\"cyanish\"");
        let err = parse(&bad).unwrap_err();
        assert!(matches!(&err, ThemeError::UnknownColour(c) if c == "cyanish"));
        assert_eq!(err.to_string(), "ukjent farge «cyanish»");
    }

    #[test]
    fn without_colour_only_bold_and_reverse_remain() {
        let theme = Theme::new(false);
        for style in [theme.title(), theme.gauge(), theme.band(Band::High)] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(
            theme
                .band(Band::Unacceptable)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        assert!(theme.selected().add_modifier.contains(Modifier::REVERSED));
        assert_eq!(theme.line_color(), Color::Reset);
    }
}
