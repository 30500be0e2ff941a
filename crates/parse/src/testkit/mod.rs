//! A property-testing kit for tools built on the parser (the `proptest` feature).
//!
//! The generators and invariants the project tests itself with, for tests of one's own:
//!
//! - [`articles`]: well-formed articles in every layout the grammar reads, each with the
//!   [`Article`](dateline_model::Article) it must parse to;
//! - [`malformed`]: a text damaged the ways FORMAT.md lists ("Malformed input"), each case
//!   with the outcome FORMAT.md promises, which [`Malformed::check`] asserts;
//! - [`check_invariants`]: reads bytes as the corpus reader reads a file and checks every
//!   invariant the project's laws and fuzz targets check, in one call;
//! - [`texts`] and [`files`]: article-shaped text and bytes with no promise beyond the
//!   invariants, for laws that must hold on anything.
//!
//! The project's own property laws and cargo-fuzz targets run these same functions.
//!
//! The crate docs' "Property-testing your tool" section shows a whole test.

mod articles;
mod invariants;
mod malformed;
mod texts;
mod violation;

pub use articles::{Layout, articles, articles_in};
pub use invariants::{
    FUZZ_TARGETS, FuzzTarget, check_date_line, check_file, check_invariants, check_round_trip, check_text, parsers,
    reference_date, solar_hijri_to_gregorian,
};
pub use malformed::{Damage, Malformed, Outcome, malformed};
pub use texts::{files, texts};
pub use violation::{Law, Violation};

/// Line and column (from 1, columns in characters) of byte `offset` in `text`, as
/// diagnostics give them.
fn locate(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}
