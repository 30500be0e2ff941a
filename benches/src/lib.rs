//! Support for dateline's benches: a seeded generator of realistic article corpora,
//! pathological inputs for the parser's linear-time check (`malformed`), and corpora with known
//! text reuse (`reuse`).
//!
//! The criterion benches live in `benches/`, the generator's command line in
//! `src/bin/gen-corpus.rs`, and `run` times dateline's commands against `cat` and its peers
//! over a generated tree. See this package's `README.md` for how to run each and the figures
//! measured.
//!
//! # Example
//!
//! ```
//! use dateline_benches::corpus::{Generator, Limits};
//!
//! let dir = std::env::temp_dir().join(format!("dateline-corpus-doc-{}", std::process::id()));
//! let summary = Generator::new(1).write_tree(&dir, Limits::files(3))?;
//! assert_eq!(summary.files, 3);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod corpus;
pub mod malformed;
pub mod reuse;
