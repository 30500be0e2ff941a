//! HTML left in scraped text: character references (`&quot;`, `&#8220;`, `&mdash;`, `&nbsp;`)
//! decoded, and stray tags (`<p>`, `<br>`, `<a href="...">`) removed, block tags as a line
//! break so paragraphs stay apart.
//!
//! ```text
//! html-reference = "&" 1*10ALNUM ";" / "&#" 1*7DIGIT ";" / "&#" ("x" / "X") 1*6HEXDIG ";"
//! html-tag       = "<" ["/"] tag-name ( ">" / "/>" / ws attributes ["/"] ">" )
//!                ; a tag-name of HTML's text tags; attributes hold an "=", no "<" or line break
//! ```
//!
//! Only names in the entity table and tags in the lists below are touched: `AT&T`, `x < y`
//! and `<Reuters>` stay as they are.

use std::borrow::Cow;

use memchr::memchr2;

use super::html_entities::ENTITIES;
use super::{Change, ChangeKind, Changes, windows_1252_char};

/// Tags that end a block of text: they become a line break.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "pre",
    "dd",
    "dt",
    "dl",
];

/// Tags inside a line of text: they go without a trace.
const INLINE_TAGS: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "font", "u", "s", "sup", "sub", "small", "big", "abbr", "cite", "code",
    "mark", "q", "time", "img", "wbr", "ins", "del", "strike", "tt",
];

/// The longest tag read, attributes and all.
const TAG_MAX_BYTES: usize = 500;

/// What stands for a piece of HTML.
enum Replacement {
    Char(char),
    LineBreak,
    Nothing,
}

/// A character reference at the start of `text`: its length and character.
fn reference(text: &str) -> Option<(usize, char)> {
    let rest = text.strip_prefix('&')?;
    let end = rest.bytes().take(12).position(|b| b == b';')?;
    let body = &rest[..end];
    let c = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            None if !number.is_empty() && number.len() <= 7 && number.bytes().all(|b| b.is_ascii_digit()) => {
                number.parse().ok()?
            }
            _ => return None,
        };
        // HTML reads the C1 range as Windows-1252 (`&#146;` is `’`).
        let c = match u8::try_from(value) {
            Ok(byte @ 0x80..=0x9F) => windows_1252_char(byte)?,
            _ => char::from_u32(value)?,
        };
        // Controls other than a tab or a line feed would be new mess (a CR, a NUL): left as written.
        if c.is_control() && !matches!(c, '\t' | '\n') {
            return None;
        }
        c
    } else {
        if body.is_empty() || body.len() > 10 || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        ENTITIES.binary_search_by(|(name, _)| name.cmp(&body)).ok().map(|i| ENTITIES[i].1)?
    };
    Some((end + 2, c))
}

/// A tag at the start of `text`: its length and what stands for it.
fn tag(text: &str) -> Option<(usize, Replacement)> {
    let rest = text.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = rest.get(..name_len)?.to_ascii_lowercase();
    let block = BLOCK_TAGS.contains(&name.as_str());
    if !block && !INLINE_TAGS.contains(&name.as_str()) {
        return None;
    }
    let after = &rest[name_len..];
    let close = after.bytes().take(TAG_MAX_BYTES).position(|b| b == b'>')?;
    let attributes = &after[..close];
    let plain = attributes.trim() == "/" || attributes.is_empty();
    let with_attributes =
        attributes.starts_with([' ', '\t']) && attributes.contains('=') && !attributes.contains(['<', '\n']);
    if !plain && !with_attributes {
        return None;
    }
    let len = text.len() - after.len() + close + 1;
    Some((len, if block { Replacement::LineBreak } else { Replacement::Nothing }))
}

/// Undoes HTML left in `text` and moves the other changes' offsets to match; adds one change
/// for it, at the first piece.
pub(super) fn leftovers<'a>(text: Cow<'a, str>, changes: &mut Changes) -> Cow<'a, str> {
    let Some(first_candidate) = memchr2(b'&', b'<', text.as_bytes()) else {
        return text;
    };
    let mut out = String::new();
    let mut copied = 0;
    // How many bytes the text has shrunk by before `copied`.
    let mut shrunk = 0usize;
    let mut next_change = 0;
    let (mut references, mut tags) = (0, 0);
    let mut first: Option<(usize, usize, String)> = None;
    let mut at = first_candidate;
    while at < text.len() {
        let piece = &text[at..];
        let found = match piece.as_bytes()[0] {
            b'&' => reference(piece).map(|(len, c)| (len, Replacement::Char(c))),
            _ => tag(piece),
        };
        if let Some((len, replacement)) = found {
            out.push_str(&text[copied..at]);
            // Changes before this piece move with the text; changes inside it go to its start.
            while let Some(change) = changes.kept.get_mut(next_change).filter(|c| c.text_offset < at + len) {
                if change.text_offset <= at {
                    change.text_offset -= shrunk;
                } else {
                    change.text_offset = out.len();
                    change.len = 0;
                }
                next_change += 1;
            }
            let start = out.len();
            match replacement {
                Replacement::Char(c) => {
                    out.push(c);
                    references += 1;
                }
                Replacement::LineBreak => {
                    out.push('\n');
                    tags += 1;
                }
                Replacement::Nothing => tags += 1,
            }
            if first.is_none() {
                first = Some((start, out.len() - start, piece[..len].to_owned()));
            }
            copied = at + len;
            shrunk = copied - out.len();
            at = copied;
        } else {
            at += 1;
        }
        match memchr2(b'&', b'<', &text.as_bytes()[at.min(text.len())..]) {
            Some(i) => at += i,
            None => break,
        }
    }
    let Some((start, len, first)) = first else {
        return text;
    };
    out.push_str(&text[copied..]);
    for change in &mut changes.kept[next_change..] {
        change.text_offset -= shrunk;
    }
    let kind = ChangeKind::Html { references, tags, first };
    changes.kept.push(Change { kind, file_offset: 0, text_offset: start, len });
    changes.kept.sort_by_key(|change| change.text_offset);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undo(text: &str) -> (String, Vec<Change>) {
        let mut changes = Changes::default();
        let out = leftovers(Cow::Borrowed(text), &mut changes).into_owned();
        (out, changes.kept)
    }

    #[test]
    fn references_are_decoded() {
        let (out, changes) =
            undo("&quot;Talks&quot; &#8220;went&#8221; on &mdash; Tom&nbsp;&amp;&nbsp;Jerry &#146;s &#x2019;");
        assert_eq!(out, "\"Talks\" “went” on — Tom\u{a0}&\u{a0}Jerry ’s ’");
        assert_eq!(changes.len(), 1);
        assert!(matches!(&changes[0].kind, ChangeKind::Html { references: 10, tags: 0, first } if first == "&quot;"));
        assert_eq!((changes[0].text_offset, changes[0].len), (0, 1));
    }

    #[test]
    fn tags_are_removed_block_tags_as_line_breaks() {
        let (out, _) = undo("<p>One <b>bold</b> line.<br>Next</p><p class=\"x\">Two <a href=\"/y\">link</a>.</p>");
        assert_eq!(out, "\nOne bold line.\nNext\n\nTwo link.\n");
    }

    #[test]
    fn text_that_only_looks_like_html_stays() {
        for text in
            ["AT&T and P&G", "x < y and y > z", "&nosuch; &#0; &#13; &#xD800; &amp", "<Reuters> <p and q>", "a <b"]
        {
            let (out, changes) = undo(text);
            assert_eq!(out, text);
            assert!(changes.is_empty(), "{text}");
        }
    }

    #[test]
    fn other_changes_move_with_the_text() {
        let mut changes = Changes::default();
        let kind = || ChangeKind::Bom;
        changes.kept.push(Change { kind: kind(), file_offset: 1, text_offset: 1, len: 0 });
        changes.kept.push(Change { kind: kind(), file_offset: 2, text_offset: 12, len: 0 });
        changes.kept.push(Change { kind: kind(), file_offset: 3, text_offset: 3, len: 0 });
        changes.kept.sort_by_key(|c| c.text_offset);
        let text = "a&amp;b&quot;c<br>d";
        let out = leftovers(Cow::Borrowed(text), &mut changes);
        assert_eq!(out, "a&b\"c\nd");
        let offsets: Vec<(usize, usize)> = changes.kept.iter().map(|c| (c.text_offset, c.len)).collect();
        // The mark before `&amp;` stays; those inside `&amp;` and `&quot;` go to their starts.
        assert_eq!(offsets, [(1, 0), (1, 0), (1, 1), (3, 0)]);
    }
}
