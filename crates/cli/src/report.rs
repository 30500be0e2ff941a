//! What goes to stderr: diagnostics as `path:line:column: severity: message`, a progress
//! spinner on terminals, and the tally that decides the exit status.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dateline_model::{Document, Severity};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// How a run ended, as an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    Clean,
    Warnings,
    Failed,
}

impl Status {
    pub(crate) fn exit_code(self) -> ExitCode {
        match self {
            Self::Clean => ExitCode::SUCCESS,
            Self::Warnings => ExitCode::from(1),
            Self::Failed => ExitCode::from(2),
        }
    }
}

/// Counts over a run: the one-line summary of `dateline check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Tally {
    pub(crate) files: usize,
    pub(crate) articles: usize,
    pub(crate) warnings: usize,
    pub(crate) errors: usize,
}

impl Tally {
    pub(crate) fn status(&self) -> Status {
        if self.errors > 0 {
            Status::Failed
        } else if self.warnings > 0 {
            Status::Warnings
        } else {
            Status::Clean
        }
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{}, {}, {}, {}",
            plural(self.files, "file"),
            plural(self.articles, "article"),
            plural(self.warnings, "warning"),
            plural(self.errors, "error")
        )
    }
}

/// How long a run goes before a spinner is worth showing.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// Reports each document's diagnostics on stderr and keeps the tally.
pub(crate) struct Reporter {
    quiet: bool,
    tally: Tally,
    /// Hidden until the run has lasted [`PROGRESS_AFTER`], and for good when stderr is not
    /// a terminal: never in pipes, files or CI logs.
    progress: ProgressBar,
    show_progress_at: Option<Instant>,
}

impl Reporter {
    pub(crate) fn new(quiet: bool) -> Self {
        let show_progress_at = std::io::stderr().is_terminal().then(|| Instant::now() + PROGRESS_AFTER);
        Self { quiet, tally: Tally::default(), progress: ProgressBar::hidden(), show_progress_at }
    }

    fn tick(&mut self) {
        if self.show_progress_at.is_some_and(|at| Instant::now() >= at) {
            self.show_progress_at = None;
            self.progress.set_style(
                ProgressStyle::with_template("{spinner} {human_pos} files read, {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            self.progress.set_draw_target(ProgressDrawTarget::stderr());
            self.progress.enable_steady_tick(Duration::from_millis(120));
        }
        self.progress.inc(1);
    }

    pub(crate) fn document(&mut self, doc: &Document) {
        self.tally.files += 1;
        self.tally.articles += usize::from(doc.article.is_some());
        let errors = doc.error_count();
        self.tally.errors += errors;
        self.tally.warnings += doc.diagnostics.len() - errors;
        let shown: Vec<_> = doc.diagnostics.iter().filter(|d| !self.quiet || d.severity == Severity::Error).collect();
        if !shown.is_empty() {
            self.progress.suspend(|| {
                let mut stderr = std::io::stderr().lock();
                for d in shown {
                    // If stderr itself is gone there is nobody left to tell.
                    let _ = writeln!(stderr, "{}:{}:{}: {}: {}", doc.path, d.line, d.column, d.severity, d.message);
                }
            });
        }
        self.tick();
    }

    /// A remark about the run as a whole, on stderr.
    pub(crate) fn note(&self, message: &str) {
        self.progress.suspend(|| {
            let _ = writeln!(std::io::stderr().lock(), "dateline: note: {message}");
        });
    }

    /// The counts so far.
    pub(crate) fn tally(&self) -> Tally {
        self.tally
    }

    pub(crate) fn finish(self) -> Tally {
        self.progress.finish_and_clear();
        self.tally
    }
}

/// Whether an error is a closed pipe on stdout (`dateline parse ... | head`).
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
