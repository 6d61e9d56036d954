//! Word wrapping by display width, for lists whose rows are taller than one line.

use unicode_width::UnicodeWidthStr;

/// Splits text into lines of at most `width` columns, breaking at spaces where possible and
/// inside words that are longer than a line. Wide characters count as two columns.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ') {
            let sep = if line.is_empty() { 0 } else { 1 };
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
