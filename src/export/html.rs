//! The printable hand-off: the same document as the Markdown export (one traversal of the
//! data), as one self-contained HTML page for A4: inline CSS, no scripts, no fonts or images
//! from elsewhere, a page break before each session, each risk band as colour and as text.
//!
//! Every text reaches the page through pulldown-cmark's escaper; HTML written in a worksheet
//! (or a script) is shown as text, never passed through.

use crate::worksheet::risk::Band;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag};
use std::fmt::Write;

const CSS: &str = include_str!("../../assets/export.css");

/// A whole page: `title` and `subtitle` in its header, then `markdown` as HTML.
pub fn page(title: &str, subtitle: &str, markdown: &str) -> String {
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events(markdown));
    let mut out = String::new();
    let _ = write!(
        out,
        // not user text: the page's markup
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header class=\"doc\"><h1>{}</h1><p>{}</p></header>\n<main>\n{body}</main>\n\
         </body>\n</html>\n",
        crate::strings::language().code(),
        escape(title),
        escape(title),
        escape(subtitle)
    );
    out
}

/// The Markdown as HTML events: raw HTML becomes text, the document's own top heading is
/// left to the page header, each session heading starts a page, and a risk band's text is
/// marked with its colour class.
fn events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    let mut first_h2 = true;
    let mut skip_h1 = false;
    Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(move |event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }) => {
            skip_h1 = true;
            None
        }
        Event::End(pulldown_cmark::TagEnd::Heading(HeadingLevel::H1)) => {
            skip_h1 = false;
            None
        }
        _ if skip_h1 => None,
        Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            id,
            mut classes,
            attrs,
        }) => {
            if !std::mem::take(&mut first_h2) {
                classes.push(CowStr::Borrowed("session"));
            }
            Some(Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                id,
                classes,
                attrs,
            }))
        }
        Event::Text(text) => Some(match band_of(&text) {
            Some(band) => Event::InlineHtml(CowStr::from(format!(
                "<span class=\"band band-{}\">{}</span>",
                band_class(band),
                escape(&text)
            ))),
            None => Event::Text(text),
        }),
        other => Some(other),
    })
}

/// The band a text names: one that starts with a band's symbol (`■ 12 uakseptabel`) and
/// names no other (a legend names all three).
fn band_of(text: &str) -> Option<Band> {
    let bands = [Band::Unacceptable, Band::High, Band::Acceptable];
    let named = bands.iter().filter(|b| text.contains(b.symbol())).count();
    bands
        .into_iter()
        .find(|b| named == 1 && text.trim_start().starts_with(b.symbol()))
}

fn band_class(band: Band) -> &'static str {
    match band {
        Band::Acceptable => "akseptabel",
        Band::High => "hoy",
        Band::Unacceptable => "uakseptabel",
    }
}

/// The one escaper for what is not Markdown (titles, band texts).
fn escape(text: &str) -> String {
    let mut out = String::new();
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_in_the_text_is_shown_never_run() {
        let html = page(
            "<b>T</b>",
            "s",
            "- <script>alert(1)</script> and <img src=x>\n",
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("<title>&lt;b&gt;T&lt;/b&gt;</title>"),
            "{html}"
        );
    }

    #[test]
    fn bands_are_coloured_and_sessions_start_pages() {
        let md = "# Forløp\n\n## Oppsummering\n\ntekst\n\n## Runde 1\n\n| R | Risiko |\n|---|---|\n| 1 | ■ 12 uakseptabel |\n";
        let html = page("T", "s", md);
        assert!(
            html.contains("<span class=\"band band-uakseptabel\">■ 12 uakseptabel</span>"),
            "{html}"
        );
        assert!(html.contains("<h2>Oppsummering</h2>"), "{html}");
        assert!(
            html.contains("<h2 class=\"session\">Runde 1</h2>"),
            "{html}"
        );
        assert!(
            !html.contains("<h1>Forløp</h1>"),
            "the page header has the title"
        );
    }
}
