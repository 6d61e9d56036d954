//! Word wrapping by display width, for lists whose rows are taller than one line.

use unicode_width::UnicodeWidthStr;

/// Splits text into lines of at most `width` columns, breaking at spaces where possible and
/// inside words that are longer than a line. Wide characters count as two columns.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        // The width of `line`, kept as words are added: widths add up across a space.
        let mut used = 0;
        for word in para.split(' ') {
            let sep = usize::from(!line.is_empty());
            let word_w = word.width();
            if used + sep + word_w <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += sep + word_w;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            // A word longer than a line is broken between characters; within a word the width
            // of the whole is measured, as sequences (emoji, variation selectors) count as one.
            used = 0;
            for ch in word.chars() {
                let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                if used + w > width && !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                line.push(ch);
                used = line.width();
            }
        }
        out.push(line);
    }
    out
}

/// The text in at most `width` columns on one line: cut at a character, ending with `…` when
/// cut.
pub fn clip(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain way: the line measured again before every word and character.
    fn measured_every_time(text: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        let mut out = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split(' ') {
                let sep = usize::from(!line.is_empty());
                if line.width() + sep + word.width() <= width {
                    if sep == 1 {
                        line.push(' ');
                    }
                    line.push_str(word);
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                for ch in word.chars() {
                    let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                    if line.width() + w > width && !line.is_empty() {
                        out.push(std::mem::take(&mut line));
                    }
                    line.push(ch);
                }
            }
            out.push(line);
        }
        out
    }

    proptest! {
        #[test]
        fn keeping_the_width_wraps_as_measuring_it_every_time(
            words in prop::collection::vec(prop::sample::select(vec![
                "ord", "æøå", "", "langtordutenmellomrom", "日本", "👩\u{200d}💻", "☺\u{fe0f}",
                "e\u{301}", "\n", "–", "لا",
            ]), 0..14),
            width in 1usize..16,
        ) {
            let text = words.join(" ");
            prop_assert_eq!(wrap(&text, width), measured_every_time(&text, width));
        }
    }

    #[test]
    fn wraps_at_spaces_and_breaks_long_words() {
        assert_eq!(wrap("en to tre", 6), ["en to", "tre"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(wrap("日本語です", 4), ["日本", "語で", "す"]);
        for line in wrap("😀😀😀 å é\u{301}", 3) {
            assert!(line.width() <= 3, "{line:?}");
        }
    }

    #[test]
    fn never_exceeds_the_width() {
        let text = "Vi rekker ikke å gi rapport når vakta er full av innleie, og nøkkelen til medisinrommet er borte";
        for w in 1..40 {
            for line in wrap(text, w) {
                assert!(line.width() <= w, "{w}: {line:?}");
            }
        }
    }
}
