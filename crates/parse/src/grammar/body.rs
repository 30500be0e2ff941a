//! Body lines: blank lines, section breaks, standalone subheadings, the title line.

use nom::Parser;
use nom::bytes::complete::take_while_m_n;
use nom::combinator::recognize;

use super::{Res, consumed, is_space, ws0};

// blank-line = *space
pub(crate) fn is_blank(line: &str) -> bool {
    // Most lines start with a visible ASCII byte, so look at that before walking characters.
    match line.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => line.chars().all(is_space),
    }
}

/// Whether a line starts with white space (wire copy indents each new paragraph).
pub(crate) fn is_indented(line: &str) -> bool {
    line.starts_with(is_space)
}

/// A `=====` line: where its heading text stands in the line, if it has any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SectionBreak {
    pub(crate) heading: Option<(usize, usize)>,
}

// break-marker = ws0 5*"=" ws0
fn break_marker(line: &str) -> Res<'_, &str> {
    recognize((ws0, take_while_m_n(5, usize::MAX, |c| c == '='), ws0)).parse(line)
}

// section-break = break-marker [heading-text] *( "=" / space )
pub(crate) fn section_break(line: &str) -> Option<SectionBreak> {
    let (after, _) = break_marker(line).ok()?;
    // The whole closing run goes, `= =` too: a heading ending in `=` could not be written back.
    let heading = after.trim_end_matches(|c| c == '=' || is_space(c));
    let start = consumed(line, after);
    Some(SectionBreak { heading: (!heading.is_empty()).then_some((start, start + heading.len())) })
}

const HEADING_MAX_WORDS: usize = 15;
const HEADING_MAX_BYTES: usize = 150;
const TITLE_MAX_WORDS: usize = 40;
/// The longest line read as a title by its shape; a longer one above a date line is still the
/// title, with a warning.
pub(crate) const TITLE_MAX_BYTES: usize = 400;

/// The last character that is not a closing quote or bracket.
fn last_significant(line: &str) -> Option<char> {
    line.trim_end().chars().rev().find(|c| !matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']'))
}

fn short_line(line: &str, max_words: usize, max_bytes: usize) -> bool {
    line.len() <= max_bytes
        && line.split_whitespace().count() <= max_words
        && line.chars().any(char::is_alphabetic)
        && !line.trim_start().starts_with(char::is_lowercase)
}

// subheading = a line of at most 15 words and 150 bytes, flush left, with a letter, not
//              starting in lower case, and not ending in . , ; : ! ? … or =
pub(crate) fn looks_like_heading(line: &str) -> bool {
    // The closing punctuation rules out nearly every body line, so it is checked first.
    !is_indented(line)
        && !matches!(last_significant(line), Some('.' | ',' | ';' | ':' | '!' | '?' | '…'))
        && short_line(line, HEADING_MAX_WORDS, HEADING_MAX_BYTES)
        // Headings are written back after `=====`, where a final `=` would join the marker.
        && !line.trim_end().ends_with('=')
}

// title = a line of at most 40 words and 400 bytes, with a letter, not starting in lower
//         case, and not ending in . , ; : or …       (a headline may ask a question)
pub(crate) fn looks_like_title(line: &str) -> bool {
    !matches!(last_significant(line), Some('.' | ',' | ';' | ':' | '…'))
        && short_line(line, TITLE_MAX_WORDS, TITLE_MAX_BYTES)
}

// setext-underline = ws0 3*"=" ws0        ; directly under a title or a subheading
pub(crate) fn is_setext_underline(line: &str) -> bool {
    let trimmed = line.trim_matches(is_space);
    trimmed.len() >= 3 && trimmed.bytes().all(|b| b == b'=')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_include_tabs_and_no_break_spaces() {
        assert!(is_blank(""));
        assert!(is_blank(" \t\u{a0} "));
        assert!(!is_blank(" x"));
    }

    #[test]
    fn section_breaks_carry_optional_headings() {
        let heading = |line: &str| section_break(line).map(|b| b.heading.map(|(s, e)| line[s..e].to_owned()));
        assert_eq!(heading("=====Commander expresses"), Some(Some("Commander expresses".into())));
        assert_eq!(heading("===== Title ====="), Some(Some("Title".into())));
        assert_eq!(heading("=========="), Some(None));
        assert_eq!(heading("====short"), None);
        assert_eq!(heading("a ===== b"), None);
    }

    #[test]
    fn a_closing_run_with_spaces_is_not_part_of_the_heading() {
        let heading = |line: &str| section_break(line).and_then(|b| b.heading.map(|(s, e)| line[s..e].to_owned()));
        assert_eq!(heading("=====Tehran ===== ====="), Some("Tehran".into()));
        assert_eq!(heading("=====Tehran = "), Some("Tehran".into()));
    }

    #[test]
    fn a_line_ending_in_equals_signs_is_no_subheading() {
        assert!(!looks_like_heading("Tehran ====="));
        assert!(!looks_like_heading("Tehran ="));
    }

    #[test]
    fn headings_are_short_unpunctuated_lines() {
        assert!(looks_like_heading("Putin calls 'unhindered access' for Gaza humanitarian aid"));
        assert!(!looks_like_heading("He said it was fine."));
        assert!(!looks_like_heading("“We are ready,” he said."));
        assert!(!looks_like_heading("lower case start"));
        assert!(!looks_like_heading(" Indented line"));
        assert!(!looks_like_heading("* * *"));
        assert!(!looks_like_heading(&"Word ".repeat(16)));
    }

    #[test]
    fn setext_underlines_are_runs_of_equals_signs() {
        assert!(is_setext_underline("==="));
        assert!(is_setext_underline(" ========== "));
        assert!(!is_setext_underline("=="));
        assert!(!is_setext_underline("=====Heading"));
    }

    #[test]
    fn titles_may_ask_questions() {
        assert!(looks_like_title("Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit"));
        assert!(looks_like_title("Is a deal near?"));
        assert!(!looks_like_title("The talks ended."));
    }
}
