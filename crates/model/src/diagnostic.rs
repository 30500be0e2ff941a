use serde::{Deserialize, Serialize};

use crate::Span;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was odd but the article was read; a partial or inferred value may result.
    Warning,
    /// Something could not be read: a value is missing, or the whole file was not parsed.
    Error,
}

impl Severity {
    /// The lowercase name used on the command line and in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A warning or error about one place in a file.
///
/// `line` and `column` are 1-based; the column counts characters, not bytes, so it matches
/// what an editor shows. Problems with a file as a whole (it cannot be read, it is binary)
/// point at line 1, column 1, or at the offending byte where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// 1-based line number in the decoded text.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, in a sentence a person can act on.
    pub message: String,
    /// The bytes of the decoded text the diagnostic is about.
    pub span: Span,
}

impl Diagnostic {
    /// Whether this is an error rather than a warning.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
