//! The grammar of the loose article formats, one function per production of `FORMAT.md`.
//!
//! Every function here works on a single line (no `\n` inside) with nom's `complete`
//! combinators. A production only says whether its shape matches; whether the values make
//! sense (is there a 30th of February?) is checked afterwards, so that a line shaped like a
//! date but impossible becomes an error at the right place instead of body text.

pub(crate) mod body;
pub(crate) mod boilerplate;
pub(crate) mod credits;
pub(crate) mod date;
pub(crate) mod dateline;
pub(crate) mod persian;
pub(crate) mod wire;

use nom::bytes::complete::{take_while, take_while1};
use nom::{IResult, Parser};

/// What every production returns: the rest of the line and the value.
pub(crate) type Res<'a, T> = IResult<&'a str, T>;

/// Any white space within a line: spaces, tabs, no-break spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Characters that take no room and carry nothing between the parts of a date or a dateline:
/// the zero-width space, the word joiner, the zero-width no-break space, and the direction
/// marks that sites writing in both directions scatter around. The zero-width joiner and
/// non-joiner are left out: they join or part letters in Persian and Indic words.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// What the grammar's `ws` is made of: white space, and invisible characters beside it.
pub(crate) fn is_gap(c: char) -> bool {
    is_space(c) || is_invisible(c)
}

// ws = 1*( space / invisible )
pub(crate) fn ws(input: &str) -> Res<'_, &str> {
    take_while1(is_gap).parse(input)
}

// ws0 = *( space / invisible )
pub(crate) fn ws0(input: &str) -> Res<'_, &str> {
    take_while(is_gap).parse(input)
}

/// The byte offset of `rest` inside `input`, where `rest` is a suffix of `input`.
pub(crate) fn consumed(input: &str, rest: &str) -> usize {
    input.len() - rest.len()
}
