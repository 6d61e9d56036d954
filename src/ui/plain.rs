//! Lines drawn as they are: left-aligned, one per row, cut at the area's right edge. This is
//! what `Paragraph::new(lines)` draws, cell for cell (a property test holds the two equal), at a
//! fraction of the cost: most of Stafett's text is Latin script, where every character is a
//! grapheme of one cell, so it is put into the buffer a character at a time. Any other span goes
//! through grapheme segmentation exactly as ratatui does.
//!
//! Lines with an alignment of their own are left to `Paragraph`; so is wrapped text that
//! [`wrapped`] cannot break as ratatui's word wrapper would.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;

/// Text for [`Widget::render`], optionally scrolled down by a number of lines.
pub struct Plain<'a> {
    text: Text<'a>,
    scroll: usize,
}

impl<'a> Plain<'a> {
    pub fn new(text: impl Into<Text<'a>>) -> Plain<'a> {
        Plain {
            text: text.into(),
            scroll: 0,
        }
    }

    /// Skips the first `lines` lines.
    pub fn scroll(self, lines: u16) -> Plain<'a> {
        Plain {
            scroll: lines as usize,
            ..self
        }
    }
}

impl Widget for Plain<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let text = &self.text;
        let aligned = |a: Option<Alignment>| a.is_some_and(|a| a != Alignment::Left);
        if aligned(text.alignment) || text.lines.iter().any(|l| aligned(l.alignment)) {
            Paragraph::new(self.text)
                .scroll((self.scroll as u16, 0))
                .render(area, buf);
            return;
        }
        let rows = text.lines.iter().skip(self.scroll);
        for (y, line) in (area.top()..area.bottom()).zip(rows) {
            line_at(buf, (area.left(), y, area.width), text.style, line);
        }
    }
}

/// Lines broken at spaces to fit `width` columns (see [`super::wrap::wrap`]), each piece keeping
/// its line's style; what `Paragraph::wrap(Wrap { trim: false })` makes of plain prose. The
/// lines come back unchanged as `Err` when one that needs breaking is one this does not break
/// as ratatui does (several spans, or leading spaces): the caller then wraps with `Paragraph`.
pub fn wrapped(lines: Vec<Line<'_>>, width: u16) -> Result<Vec<Line<'_>>, Vec<Line<'_>>> {
    let width = width as usize;
    let breakable = |l: &Line| matches!(l.spans.as_slice(), [s] if !s.content.starts_with(' '));
    let fits: Vec<bool> = lines.iter().map(|l| l.width() <= width).collect();
    if lines
        .iter()
        .zip(&fits)
        .any(|(l, &fits)| !fits && !breakable(l))
    {
        return Err(lines);
    }
    let mut out = Vec::with_capacity(lines.len());
    for (line, fits) in lines.into_iter().zip(fits) {
        if fits {
            out.push(line);
            continue;
        }
        let style = line.style.patch(line.spans[0].style);
        let pieces = super::wrap::wrap(&line.spans[0].content, width);
        out.extend(pieces.into_iter().map(|p| Line::styled(p, style)));
    }
    Ok(out)
}

/// Draws one line at (x, y) in at most `width` cells over the text's style, as `Paragraph`
/// would.
fn line_at(buf: &mut Buffer, (x, y, width): (u16, u16, u16), base: Style, line: &Line) {
    let mut used = 0u16;
    for span in &line.spans {
        let style = base.patch(line.style).patch(span.style);
        let text = span.content.as_ref();
        if text.chars().all(one_cell) {
            for c in text.chars() {
                if used == width {
                    return;
                }
                buf[(x + used, y)].set_char(c).set_style(style);
                used += 1;
            }
            continue;
        }
        for g in text.graphemes(true) {
            if g.contains(char::is_control) {
                continue;
            }
            let w = g.cell_width();
            if w > width {
                continue;
            }
            if used + w > width {
                return;
            }
            if w > 0 {
                buf[(x + used, y)].set_symbol(g).set_style(style);
                used += w;
            }
        }
    }
}

/// A character one cell wide that is a grapheme of its own, whatever stands beside it: printable
/// ASCII, Latin-1 and the Latin extensions (æ ø å é …), general punctuation (– … ›) and box
/// drawing. None of them extends, joins or prefixes a neighbour (their grapheme break property
/// is "Other"), so only a combining mark or joiner outside the set could attach to one, and a
/// span with such a character is not drawn character by character. Combining marks, joiners,
/// controls, the soft hyphen and wide characters are not in the set.
fn one_cell(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7e}'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{2ff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2500}'..='\u{257f}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;

    #[test]
    fn every_one_cell_character_is_one_cell_and_its_own_grapheme() {
        let set: Vec<char> = (char::MIN..=char::MAX).filter(|&c| one_cell(c)).collect();
        for &c in &set {
            assert_eq!(c.to_string().cell_width(), 1, "U+{:04X}", c as u32);
            // Neither extends what comes before it nor binds to what follows.
            for pair in [
                format!("a{c}"),
                format!("{c}a"),
                format!("{c}{c}"),
                format!("©{c}"),
            ] {
                assert_eq!(pair.graphemes(true).count(), 2, "U+{:04X}", c as u32);
            }
        }
        assert!(set.len() > 900);
        for c in [
            '\u{ad}', '\u{300}', '\u{200d}', '\u{fe0f}', '\t', '你', '🙂',
        ] {
            assert!(!one_cell(c), "U+{:04X}", c as u32);
        }
    }

    fn paragraph(lines: &[Line<'static>], width: u16, scroll: u16) -> Buffer {
        let area = Rect::new(0, 0, width, 4);
        let mut buf = Buffer::empty(area);
        Paragraph::new(Text::from(lines.to_vec()).style(Color::Green))
            .scroll((scroll, 0))
            .render(area, &mut buf);
        buf
    }

    fn plain(lines: &[Line<'static>], width: u16, scroll: u16) -> Buffer {
        let area = Rect::new(0, 0, width, 4);
        let mut buf = Buffer::empty(area);
        Plain::new(Text::from(lines.to_vec()).style(Color::Green))
            .scroll(scroll)
            .render(area, &mut buf);
        buf
    }

    /// Text from a mix of the easy and the hard cases: Latin, combining marks, joined and
    /// wide emoji, CJK, controls, tabs.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Æ",
            "ø",
            " ",
            "–",
            "…",
            "›",
            "─",
            "e\u{301}",
            "\u{301}",
            "👩\u{200d}💻",
            "🙂",
            "你好",
            "\t",
            "\u{1b}[31m",
            "\u{ad}",
            "\u{fe0f}",
            "\n",
            "ﾞ",
            "x",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
    }

    fn style() -> impl Strategy<Value = Style> {
        prop::sample::select(vec![
            Style::new(),
            Style::new().fg(Color::Cyan),
            Style::new().add_modifier(Modifier::REVERSED),
            Style::new().bg(Color::Red).add_modifier(Modifier::BOLD),
        ])
    }

    fn line() -> impl Strategy<Value = Line<'static>> {
        (prop::collection::vec((text(), style()), 0..4), style()).prop_map(|(spans, s)| {
            Line::from(
                spans
                    .into_iter()
                    .map(|(t, st)| Span::styled(t, st))
                    .collect::<Vec<_>>(),
            )
            .style(s)
        })
    }

    proptest! {
        #[test]
        fn plain_draws_what_a_paragraph_draws(
            lines in prop::collection::vec(line(), 0..6),
            width in 1u16..30,
            scroll in 0u16..3,
        ) {
            prop_assert_eq!(plain(&lines, width, scroll), paragraph(&lines, width, scroll));
        }
    }

    /// A guide's text as lines, as `draw_guide` makes them.
    fn text_lines(text: &str) -> Vec<Line<'static>> {
        text.lines().map(|l| Line::raw(l.to_string())).collect()
    }

    /// The guide's first line: two spans, as the real one.
    fn first_line() -> Line<'static> {
        Line::from(vec![
            Span::styled("10 min", Style::new().fg(Color::Cyan)),
            Span::raw(" · gjennomgang av handlingsplanen"),
        ])
    }

    fn wrapped_both_ways(lines: Vec<Line<'static>>, width: u16) -> (Buffer, Buffer) {
        let area = Rect::new(0, 0, width, 60);
        let mut by_paragraph = Buffer::empty(area);
        Paragraph::new(lines.clone())
            .wrap(ratatui::widgets::Wrap { trim: false })
            .render(area, &mut by_paragraph);
        let mut by_plain = Buffer::empty(area);
        match wrapped(lines, width) {
            Ok(w) => Plain::new(w).render(area, &mut by_plain),
            Err(lines) => Paragraph::new(lines)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .render(area, &mut by_plain),
        }
        (by_plain, by_paragraph)
    }

    #[test]
    fn every_shipped_guide_wraps_as_a_wrapped_paragraph_would() {
        let mut texts = Vec::new();
        let library = crate::script::Library::shipped();
        for (file, _) in crate::script::library::SHIPPED {
            let script = library.get(file.trim_end_matches(".ron")).unwrap();
            for step in script
                .phases
                .iter()
                .flat_map(|p| &p.sessions)
                .flat_map(|s| &s.steps)
            {
                texts.push(step.guide.clone());
                texts.push(step.trainer.clone());
            }
        }
        assert!(texts.len() > 400);
        for width in [12, 20, 26, 34, 45, 59] {
            for text in &texts {
                // Every shipped text is broken here, never handed back to Paragraph.
                assert!(wrapped(text_lines(text), width).is_ok(), "{width}: {text}");
                let (plain, paragraph) = wrapped_both_ways(text_lines(text), width);
                assert_eq!(plain, paragraph, "{width}: {text}");
            }
            // With the first line of two spans, as drawn: handed back when it must be broken.
            let mut lines = vec![first_line(), Line::raw("")];
            lines.extend(text_lines(&texts[0]));
            assert_eq!(
                wrapped(lines.clone(), width).is_ok(),
                width >= 38,
                "{width}"
            );
            let (plain, paragraph) = wrapped_both_ways(lines, width);
            assert_eq!(plain, paragraph, "{width}");
        }
        let indented = vec![Line::raw("  - et punkt som er langt nok til å brytes")];
        assert_eq!(wrapped(indented.clone(), 20), Err(indented));
    }

    #[test]
    fn aligned_lines_are_left_to_paragraph() {
        let lines = vec![Line::from("midt").centered(), Line::from("venstre")];
        assert_eq!(plain(&lines, 20, 0), paragraph(&lines, 20, 0));
        assert_eq!(plain(&lines, 20, 0)[(8, 0)].symbol(), "m");
    }
}
