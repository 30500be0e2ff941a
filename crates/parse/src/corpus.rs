//! Reading a corpus: files, folders (recursively, in sorted order) and standard input, one
//! [`Document`] per file, in order, in parallel.
//!
//! Nothing is skipped silently. A file that cannot be read, a binary file, a dangling link or
//! a FIFO inside a folder each still yields a `Document`, with a diagnostic saying why.

use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};

use dateline_model::{Diagnostic, Document, Severity, Span};
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::decode::{DecodeError, decode};
use crate::parser::ArticleParser;

/// Where to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file (read whatever kind it is) or a folder (walked recursively, regular files only).
    Path(PathBuf),
    /// Standard input, read to its end as one article.
    Stdin,
}

impl Input {
    /// `-` means standard input, anything else a path.
    #[must_use]
    pub fn from_arg(arg: &std::ffi::OsStr) -> Self {
        if arg == "-" { Self::Stdin } else { Self::Path(PathBuf::from(arg)) }
    }
}

/// The path shown for standard input.
pub const STDIN_PATH: &str = "<stdin>";

/// How many files are read and parsed together before their documents are handed out.
/// Large enough to keep every core busy, small enough to bound memory.
const BATCH: usize = 256;

/// Reads documents from inputs with one [`ArticleParser`].
///
/// ```no_run
/// use dateline_parse::{ArticleParser, CorpusReader, Input};
///
/// let reader = CorpusReader::new(ArticleParser::new());
/// for doc in reader.documents(vec![Input::Path("seeds".into())]) {
///     println!("{}: {:?}", doc.path, doc.article.and_then(|a| a.title));
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct CorpusReader {
    parser: ArticleParser,
}

impl CorpusReader {
    /// A reader that parses with `parser`.
    #[must_use]
    pub const fn new(parser: ArticleParser) -> Self {
        Self { parser }
    }

    /// The documents of all `inputs`, in order: each input in turn, folders in sorted order.
    /// Files are parsed in parallel on the current rayon pool.
    pub fn documents(&self, inputs: Vec<Input>) -> Documents<'_> {
        Documents { reader: self, sources: Box::new(inputs.into_iter().flat_map(sources)), ready: VecDeque::new() }
    }

    /// Reads and parses one file.
    #[must_use]
    pub fn read_file(&self, path: &Path) -> Document {
        let shown = display_path(path);
        match std::fs::read(path) {
            Ok(bytes) => self.parse_bytes(shown, &bytes),
            Err(err) => failed(shown, format!("cannot read: {err}")),
        }
    }

    /// Decodes and parses one file's bytes, shown as `path`.
    #[must_use]
    pub fn parse_bytes(&self, path: String, bytes: &[u8]) -> Document {
        let decoded = match decode(bytes) {
            Ok(decoded) => decoded,
            Err(DecodeError::Binary { offset }) => {
                let (line, column) = byte_position(bytes, offset);
                let diagnostic = Diagnostic {
                    severity: Severity::Warning,
                    line,
                    column,
                    message: DecodeError::Binary { offset }.to_string(),
                    span: Span::new(offset, offset + 1),
                };
                return Document { path, article: None, diagnostics: vec![diagnostic] };
            }
        };
        let (article, parsed) = self.parser.parse_lenient(&decoded.text);
        let mut diagnostics = decoded.diagnostics;
        diagnostics.extend(parsed);
        diagnostics.sort_by_key(|d| d.span.start);
        let article = (!article.is_empty()).then_some(article);
        Document { path, article, diagnostics }
    }

    fn load(&self, source: &Source) -> Document {
        match source {
            Source::File(path) => self.read_file(path),
            Source::Stdin => {
                let mut bytes = Vec::new();
                match std::io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => self.parse_bytes(STDIN_PATH.to_owned(), &bytes),
                    Err(err) => failed(STDIN_PATH.to_owned(), format!("cannot read: {err}")),
                }
            }
            Source::Unreadable { path, message, severity } => {
                let mut doc = failed(path.clone(), message.clone());
                doc.diagnostics[0].severity = *severity;
                doc
            }
        }
    }
}

/// The documents of a corpus, in input order. Made by [`CorpusReader::documents`].
pub struct Documents<'r> {
    reader: &'r CorpusReader,
    sources: Box<dyn Iterator<Item = Source> + Send + 'r>,
    ready: VecDeque<Document>,
}

impl std::fmt::Debug for Documents<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents").field("ready", &self.ready.len()).finish_non_exhaustive()
    }
}

impl Iterator for Documents<'_> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        if self.ready.is_empty() {
            let batch: Vec<Source> = self.sources.by_ref().take(BATCH).collect();
            let reader = self.reader;
            let mut parsed = Vec::with_capacity(batch.len());
            batch.par_iter().map(|source| reader.load(source)).collect_into_vec(&mut parsed);
            self.ready.extend(parsed);
        }
        self.ready.pop_front()
    }
}

/// One thing to turn into a document.
#[derive(Debug)]
enum Source {
    File(PathBuf),
    Stdin,
    Unreadable { path: String, message: String, severity: Severity },
}

fn sources(input: Input) -> Box<dyn Iterator<Item = Source> + Send> {
    let path = match input {
        Input::Stdin => return Box::new(std::iter::once(Source::Stdin)),
        Input::Path(path) => path,
    };
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Box::new(walk(path)),
        // Named on the command line: read it whatever it is (a FIFO from `<(...)` included).
        Ok(_) => Box::new(std::iter::once(Source::File(path))),
        Err(err) => {
            let message = match std::fs::symlink_metadata(&path) {
                Ok(_) => format!("cannot read: broken symbolic link ({err})"),
                Err(_) => format!("cannot read: {err}"),
            };
            Box::new(std::iter::once(Source::Unreadable {
                path: display_path(&path),
                message,
                severity: Severity::Error,
            }))
        }
    }
}

fn walk(root: PathBuf) -> impl Iterator<Item = Source> + Send {
    WalkDir::new(&root).follow_links(true).sort_by_file_name().into_iter().filter_map(move |entry| match entry {
        Ok(entry) if entry.file_type().is_dir() => None,
        Ok(entry) if entry.file_type().is_file() => Some(Source::File(entry.into_path())),
        Ok(entry) => Some(Source::Unreadable {
            path: display_path(entry.path()),
            message: "not a regular file (a FIFO, socket or device), skipped".to_owned(),
            severity: Severity::Warning,
        }),
        Err(err) => {
            let path = err.path().map_or_else(|| display_path(&root), display_path);
            let message = if err.loop_ancestor().is_some() {
                "symbolic link loop, skipped".to_owned()
            } else if let Some(io) = err.io_error() {
                match io.kind() {
                    std::io::ErrorKind::NotFound => {
                        format!("cannot read: broken symbolic link ({io})")
                    }
                    _ => format!("cannot read: {io}"),
                }
            } else {
                format!("cannot read: {err}")
            };
            Some(Source::Unreadable { path, message, severity: Severity::Error })
        }
    })
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn failed(path: String, message: String) -> Document {
    let diagnostic = Diagnostic { severity: Severity::Error, line: 1, column: 1, message, span: Span::new(0, 0) };
    Document { path, article: None, diagnostics: vec![diagnostic] }
}

/// Line and column of a byte in undecoded bytes; columns count bytes here.
fn byte_position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    (line, offset - line_start + 1)
}
