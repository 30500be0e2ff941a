//! What identifies a document in reports.

use chrono::NaiveDate;

/// What identifies a document in reports: its path and publication date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocMeta {
    /// The file's path as shown to the user.
    pub path: String,
    /// The publication date, if the article has one.
    pub date: Option<NaiveDate>,
}
