//! The grammar of the loose article formats, one function per production of `FORMAT.md`.
//!
//! Every function here works on a single line (no `\n` inside) with nom's `complete`
//! combinators. A production only says whether its shape matches; whether the values make
//! sense (is there a 30th of February?) is checked afterwards, so that a line shaped like a
//! date but impossible becomes an error at the right place instead of body text.

pub(crate) mod body;
pub(crate) mod boilerplate;
pub(crate) mod date;
pub(crate) mod dateline;

use nom::bytes::complete::{take_while, take_while1};
use nom::{IResult, Parser};

/// What every production returns: the rest of the line and the value.
pub(crate) type Res<'a, T> = IResult<&'a str, T>;

/// Any white space within a line: spaces, tabs, no-break spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

// ws = 1*space
pub(crate) fn ws(input: &str) -> Res<'_, &str> {
    take_while1(is_space).parse(input)
}

// ws0 = *space
pub(crate) fn ws0(input: &str) -> Res<'_, &str> {
    take_while(is_space).parse(input)
}

/// The byte offset of `rest` inside `input`, where `rest` is a suffix of `input`.
pub(crate) fn consumed(input: &str, rest: &str) -> usize {
    input.len() - rest.len()
}
