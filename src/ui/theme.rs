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

/// One value for each role on screen: a [`StyleDef`] in a theme file ([`ThemeDef`]), a resolved
/// `Style` once read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles<T> {
    pub title: T,
    pub room: T,
    pub dim: T,
    pub label: T,
    pub selected: T,
    pub key: T,
    pub ok: T,
    pub warn: T,
    pub alert: T,
    pub border: T,
    pub line: T,
    pub gauge: T,
    pub band_acceptable: T,
    pub band_high: T,
    pub band_unacceptable: T,
}

/// A theme file: a style per role.
pub type ThemeDef = Roles<StyleDef>;

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

impl<T> Roles<T> {
    fn all(&self) -> [&T; 15] {
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

    fn map<U>(&self, f: impl Fn(&T) -> U) -> Roles<U> {
        Roles {
            title: f(&self.title),
            room: f(&self.room),
            dim: f(&self.dim),
            label: f(&self.label),
            selected: f(&self.selected),
            key: f(&self.key),
            ok: f(&self.ok),
            warn: f(&self.warn),
            alert: f(&self.alert),
            border: f(&self.border),
            line: f(&self.line),
            gauge: f(&self.gauge),
            band_acceptable: f(&self.band_acceptable),
            band_high: f(&self.band_high),
            band_unacceptable: f(&self.band_unacceptable),
        }
    }
}

/// With no theme file: the terminal's own look, the selection reversed.
fn plain() -> ThemeDef {
    Roles {
        selected: StyleDef {
            reversed: true,
            ..StyleDef::default()
        },
        ..Roles::default()
    }
}

/// A style from its definition; colours only when colour is on.
fn resolve(s: &StyleDef, color: bool) -> Style {
    let mut style = Style::new();
    if color {
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

/// The shipped theme's styles, with or without colour, resolved once: drawing a frame asks
/// for styles hundreds of times, and a colour name is parsed only here.
fn styles(name: ThemeName, color: bool) -> &'static Roles<Style> {
    static RESOLVED: [OnceLock<Roles<Style>>; 4] = [const { OnceLock::new() }; 4];
    let (theme, text) = match name {
        ThemeName::Standard => (0, STANDARD),
        ThemeName::Projector => (1, PROJECTOR),
    };
    RESOLVED[theme * 2 + usize::from(color)].get_or_init(|| {
        // Checked by a test; should it ever fail, every role falls back to the terminal's
        // default look, which still reads because colour never carries meaning alone.
        let def = parse(text).unwrap_or_else(|_| plain());
        def.map(|d| resolve(d, color))
    })
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    styles: &'static Roles<Style>,
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme::named(ThemeName::Standard, color)
    }

    pub fn named(name: ThemeName, color: bool) -> Theme {
        Theme {
            styles: styles(name, color),
            color,
        }
    }

    pub fn has_color(&self) -> bool {
        self.color
    }

    pub fn title(&self) -> Style {
        self.styles.title
    }
    pub fn room(&self) -> Style {
        self.styles.room
    }
    pub fn dim(&self) -> Style {
        self.styles.dim
    }
    pub fn label(&self) -> Style {
        self.styles.label
    }
    pub fn selected(&self) -> Style {
        self.styles.selected
    }
    pub fn key(&self) -> Style {
        self.styles.key
    }
    pub fn ok(&self) -> Style {
        self.styles.ok
    }
    pub fn warn(&self) -> Style {
        self.styles.warn
    }
    pub fn alert(&self) -> Style {
        self.styles.alert
    }
    pub fn border(&self) -> Style {
        self.styles.border
    }
    /// The colour of drawn lines (the overview's circle).
    pub fn line_color(&self) -> Color {
        self.styles.line.fg.unwrap_or(Color::Reset)
    }
    pub fn gauge(&self) -> Style {
        self.styles.gauge
    }
    /// The look of a risk value's cell: colour and, without colour, bold for uakseptabel.
    pub fn band(&self, band: Band) -> Style {
        match band {
            Band::Acceptable => self.styles.band_acceptable,
            Band::High => self.styles.band_high,
            Band::Unacceptable => self.styles.band_unacceptable,
        }
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
