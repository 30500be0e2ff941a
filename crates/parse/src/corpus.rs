//! Reading a corpus: files, folders (recursively, in sorted order) and standard input, one
//! [`Document`] per file, in order, in parallel.
//!
//! Nothing is skipped silently. A file that cannot be read, a binary file, a dangling link, a
//! loop of links, or a FIFO, socket or device (named or inside a folder) each still yields a
//! `Document`, with a diagnostic saying why. Only regular files are read: a path's type is
//! checked before it is opened, and again on what was opened, so a FIFO never blocks the run.
//!
//! A path is shown as it is when it is UTF-8 without backslashes or control characters. On
//! Unix, where a file name is any bytes, others are shown losslessly as one line of text: `\\`
//! for a backslash, `\xHH` for each byte of a control character or of what is not UTF-8.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::{FileType, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};
use std::thread::JoinHandle;

use dateline_model::{Diagnostic, Document, Severity, Span};
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::decode::{DecodeError, decode};
use crate::parser::ArticleParser;

/// Where to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (walked recursively). Only regular files are read; anything else (a
    /// FIFO, a socket, a device) is skipped with a warning.
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

/// Parsed batches waiting for the consumer, besides the one it holds and the one being
/// parsed: the reader stays a batch ahead.
const BATCHES_AHEAD: usize = 1;

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
    excluded: Vec<Excluded>,
}

impl CorpusReader {
    /// A reader that parses with `parser`.
    #[must_use]
    pub const fn new(parser: ArticleParser) -> Self {
        Self { parser, excluded: Vec::new() }
    }

    /// Leaves the file at `path` out of every folder walk that meets it: the file a program's
    /// output is being written to, when that is inside a folder being read. The file must
    /// exist; it is recognised by its identity, not its spelling. A path named as an input
    /// is still read.
    ///
    /// # Errors
    ///
    /// When the file cannot be looked at.
    pub fn exclude(mut self, path: &Path) -> std::io::Result<Self> {
        let name = path.file_name().map(OsString::from).unwrap_or_default();
        self.excluded.push(Excluded { name, id: file_id(path)? });
        Ok(self)
    }

    /// The documents of all `inputs`, in order: each input in turn, folders in sorted order.
    ///
    /// A background thread reads and parses the files, a batch at a time, on a thread pool of
    /// its own as large as the current rayon pool, and keeps a batch ready ahead of the
    /// consumer (unless that pool has one thread: then the files are read as the documents
    /// are asked for). So files are parsed while the documents before them are being used, even
    /// when the consumer keeps every thread of the current pool busy (`par_bridge` does: its
    /// threads wait on each other, not on work, while one of them pulls the next document).
    pub fn documents(&self, inputs: Vec<Input>) -> Documents<'_> {
        let threads = rayon::current_num_threads();
        let inline = |inputs| Producer::Inline { reader: self, sources: Box::new(self.sources(inputs)) };
        // On a one-thread pool, asked for to use one core, nothing runs beside the consumer.
        if threads == 1 {
            return Documents { producer: inline(inputs), ready: VecDeque::new() };
        }
        let reader = self.clone();
        let fallback = inputs.clone();
        let sources = self.sources(inputs);
        let (batches, received) = std::sync::mpsc::sync_channel(BATCHES_AHEAD);
        let spawned = std::thread::Builder::new()
            .name("dateline-reader".into())
            .spawn(move || reader.produce(sources, threads, &batches));
        let producer = match spawned {
            Ok(thread) => Producer::Background { received, thread: Some(thread) },
            // No thread to spare: the files are read here, as the documents are asked for.
            Err(_) => inline(fallback),
        };
        Documents { producer, ready: VecDeque::new() }
    }

    fn sources(&self, inputs: Vec<Input>) -> impl Iterator<Item = Source> + Send + 'static {
        let excluded = self.excluded.clone();
        inputs.into_iter().flat_map(move |input| sources(input, &excluded))
    }

    /// Reads and parses the next batch of `sources`, in order, in parallel on `pool`. Empty
    /// when the sources have run out.
    fn next_batch(&self, sources: &mut dyn Iterator<Item = Source>, pool: Pool<'_>) -> Vec<Document> {
        let batch: Vec<Source> = sources.take(BATCH).collect();
        let parse = || {
            let mut parsed = Vec::with_capacity(batch.len());
            batch.par_iter().map(|source| self.load(source)).collect_into_vec(&mut parsed);
            parsed
        };
        match pool {
            Pool::Own(pool) => pool.install(parse),
            Pool::Current => parse(),
            Pool::None => batch.iter().map(|source| self.load(source)).collect(),
        }
    }

    /// Reads and parses `sources` batch by batch on a pool of `threads` threads of its own,
    /// and sends each batch on, until the sources run out or the documents are dropped.
    fn produce(&self, mut sources: impl Iterator<Item = Source>, threads: usize, batches: &SyncSender<Vec<Document>>) {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("dateline-parse-{i}"))
            .build()
            .ok();
        // Never on the consumer's pool: its threads may all be waiting for this one's batch.
        let pool = pool.as_ref().map_or(Pool::None, Pool::Own);
        loop {
            let batch = self.next_batch(&mut sources, pool);
            // An error: the documents were dropped, and nobody wants the rest.
            if batch.is_empty() || batches.send(batch).is_err() {
                return;
            }
        }
    }

    /// Reads and parses one file. Anything but a regular file is skipped with a warning, and
    /// never waited on: a FIFO is opened without waiting for a writer, and turned away.
    #[must_use]
    pub fn read_file(&self, path: &Path) -> Document {
        let shown = display_path(path);
        match read_regular(path) {
            Ok(bytes) => self.parse_bytes(shown, &bytes),
            Err(Unread::NotRegular(kind)) => skipped(shown, &not_regular(kind)),
            Err(Unread::Io(err)) => failed(shown, format!("cannot read: {err}")),
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

/// A file left out of folder walks: its name, to compare cheaply, and its identity.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Excluded {
    name: OsString,
    id: FileId,
}

impl Excluded {
    fn matches(&self, entry: &walkdir::DirEntry) -> bool {
        entry.file_name() == self.name && file_id(entry.path()).is_ok_and(|id| id == self.id)
    }
}

/// What makes a file the same file however it is reached: device and inode on Unix.
#[cfg(unix)]
type FileId = (u64, u64);

#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(path: &Path) -> std::io::Result<FileId> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path)?;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> std::io::Result<FileId> {
    std::fs::canonicalize(path)
}

/// Why a file's bytes were not read.
enum Unread {
    NotRegular(&'static str),
    Io(std::io::Error),
}

impl From<std::io::Error> for Unread {
    fn from(err: std::io::Error) -> Self {
        Self::Io(err)
    }
}

/// The bytes of a regular file. The type was checked before, from the folder listing or the
/// path; it is checked again on the open file, in case the path changed in between. Opening
/// does not wait for a FIFO's writer (`O_NONBLOCK`, which does nothing to a regular file).
fn read_regular(path: &Path) -> Result<Vec<u8>, Unread> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Unread::NotRegular(kind(&meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(expected_len(&meta));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The file's size as a capacity hint, as `std::fs::read` takes it.
fn expected_len(meta: &Metadata) -> usize {
    usize::try_from(meta.len()).unwrap_or(0)
}

const FIFO: &str = "a FIFO";

/// What a file that is not a regular file is, for messages.
fn kind(file_type: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return FIFO;
        } else if file_type.is_socket() {
            return "a socket";
        } else if file_type.is_char_device() {
            return "a character device";
        } else if file_type.is_block_device() {
            return "a block device";
        }
    }
    if file_type.is_dir() { "a folder" } else { "not a file or a folder" }
}

fn not_regular(kind: &str) -> String {
    format!("not a regular file ({kind}), skipped")
}

/// The documents of a corpus, in input order. Made by [`CorpusReader::documents`].
pub struct Documents<'r> {
    producer: Producer<'r>,
    ready: VecDeque<Document>,
}

/// Where a batch of files is parsed.
#[derive(Clone, Copy)]
enum Pool<'p> {
    /// On a pool of the reader's own.
    Own(&'p rayon::ThreadPool),
    /// On the current rayon pool, from the consumer's thread.
    Current,
    /// One file after another.
    None,
}

/// Where the batches of documents come from.
enum Producer<'r> {
    /// A thread reading ahead; its batches arrive in order.
    Background { received: Receiver<Vec<Document>>, thread: Option<JoinHandle<()>> },
    /// Reading here, as the documents are asked for: when no thread could be started.
    Inline { reader: &'r CorpusReader, sources: Box<dyn Iterator<Item = Source> + Send + 'r> },
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
            let batch = match &mut self.producer {
                Producer::Background { received, thread } => match received.recv() {
                    Ok(batch) => batch,
                    // The reader has finished, or panicked: its panic is this thread's, so
                    // that no file goes missing without a word.
                    Err(_) => {
                        if let Some(Err(panic)) = thread.take().map(JoinHandle::join) {
                            std::panic::resume_unwind(panic);
                        }
                        Vec::new()
                    }
                },
                Producer::Inline { reader, sources } => reader.next_batch(sources, Pool::Current),
            };
            self.ready.extend(batch);
        }
        self.ready.pop_front()
    }
}

impl Drop for Documents<'_> {
    fn drop(&mut self) {
        // Stop the reader before going on: dropping the receiver makes its next send fail.
        if let Producer::Background { received, thread } = &mut self.producer {
            drop(std::mem::replace(received, std::sync::mpsc::sync_channel(0).1));
            if let Some(thread) = thread.take() {
                let _ = thread.join();
            }
        }
    }
}

/// One thing to turn into a document.
#[derive(Debug)]
enum Source {
    File(PathBuf),
    Stdin,
    Unreadable { path: String, message: String, severity: Severity },
}

fn sources(input: Input, excluded: &[Excluded]) -> Box<dyn Iterator<Item = Source> + Send> {
    let path = match input {
        Input::Stdin => return Box::new(std::iter::once(Source::Stdin)),
        Input::Path(path) => path,
    };
    let unreadable = |message: String, severity| {
        Box::new(std::iter::once(Source::Unreadable { path: display_path(&path), message, severity }))
    };
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => {
            // A folder named to be read that holds nothing readable is said, not passed over.
            let mut files = walk(path.clone(), excluded.to_vec()).peekable();
            if files.peek().is_none() {
                return unreadable("no files in this folder".to_owned(), Severity::Warning);
            }
            Box::new(files)
        }
        Ok(meta) if meta.is_file() => Box::new(std::iter::once(Source::File(path))),
        // Named on the command line, yet never opened: opening a FIFO waits for a writer.
        Ok(meta) => {
            let kind = kind(&meta.file_type());
            let hint = if kind == FIFO { " (to read a pipe, send it to standard input and give `-`)" } else { "" };
            unreadable(format!("{}{hint}", not_regular(kind)), Severity::Warning)
        }
        Err(err) => unreadable(path_error(&path, &err), Severity::Error),
    }
}

/// Why a path could not be followed: a dangling link, a loop of links, or anything else.
fn path_error(path: &Path, err: &std::io::Error) -> String {
    let is_link = || std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_loop(err) {
        format!("cannot read: symbolic link loop ({err})")
    } else if err.kind() == std::io::ErrorKind::NotFound && is_link() {
        format!("cannot read: broken symbolic link ({err})")
    } else {
        format!("cannot read: {err}")
    }
}

#[cfg(unix)]
fn is_loop(err: &std::io::Error) -> bool {
    err.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_loop(_: &std::io::Error) -> bool {
    false
}

fn walk(root: PathBuf, excluded: Vec<Excluded>) -> impl Iterator<Item = Source> + Send {
    WalkDir::new(&root).follow_links(true).sort_by_file_name().into_iter().filter_map(move |entry| match entry {
        Ok(entry) if entry.file_type().is_dir() => None,
        Ok(entry) if entry.file_type().is_file() => {
            (!excluded.iter().any(|e| e.matches(&entry))).then(|| Source::File(entry.into_path()))
        }
        Ok(entry) => Some(Source::Unreadable {
            path: display_path(entry.path()),
            message: not_regular(kind(&entry.file_type())),
            severity: Severity::Warning,
        }),
        // A link to a folder the walk is already in: its files are read by their own path.
        Err(err) if err.loop_ancestor().is_some() => Some(Source::Unreadable {
            path: err.path().map_or_else(|| display_path(&root), display_path),
            message: "symbolic link to a folder it is in (a loop), skipped".to_owned(),
            severity: Severity::Warning,
        }),
        Err(err) => {
            let path = err.path().map_or_else(|| display_path(&root), display_path);
            let message = match (err.io_error(), err.path()) {
                (Some(io), Some(path)) => path_error(path, io),
                _ => format!("cannot read: {err}"),
            };
            Some(Source::Unreadable { path, message, severity: Severity::Error })
        }
    })
}

/// How a path is shown in documents and diagnostics: as it is, when it is UTF-8 with no
/// backslash and no control character. Otherwise (on Unix a name is any bytes but `/` and
/// NUL) a backslash is written `\\` and each byte of a control character or of bytes that
/// are not UTF-8 is written `\xHH`, so the path stays one line of text and its exact bytes
/// can be read back from it. Elsewhere, unpaired surrogates become U+FFFD.
#[cfg(unix)]
fn display_path(path: &Path) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;

    let bytes = path.as_os_str().as_bytes();
    let plain = |c: char| c != '\\' && !c.is_control();
    if let Ok(text) = std::str::from_utf8(bytes)
        && text.chars().all(plain)
    {
        return text.to_owned();
    }
    let mut shown = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if plain(c) {
                shown.push(c);
            } else if c == '\\' {
                shown.push_str("\\\\");
            } else {
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    let _ = write!(shown, "\\x{byte:02X}");
                }
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(shown, "\\x{byte:02X}");
        }
    }
    shown
}

#[cfg(not(unix))]
fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// A file passed over on purpose: a warning, no article.
fn skipped(path: String, message: &str) -> Document {
    let mut doc = failed(path, message.to_owned());
    doc.diagnostics[0].severity = Severity::Warning;
    doc
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

#[cfg(all(test, unix))]
mod tests {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    use proptest::prelude::*;

    use super::*;

    fn shown(bytes: &[u8]) -> String {
        display_path(Path::new(OsStr::from_bytes(bytes)))
    }

    /// The inverse of [`display_path`], as a script reading dateline's output would write it.
    fn read_back(shown: &str) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut rest = shown.as_bytes();
        while let Some((&first, tail)) = rest.split_first() {
            match (first, tail) {
                (b'\\', [b'\\', tail @ ..]) => {
                    bytes.push(b'\\');
                    rest = tail;
                }
                (b'\\', [b'x', high, low, tail @ ..]) => {
                    let hex = std::str::from_utf8(&[*high, *low]).map(str::to_owned).unwrap_or_default();
                    bytes.push(u8::from_str_radix(&hex, 16).unwrap_or_default());
                    rest = tail;
                }
                _ => {
                    bytes.push(first);
                    rest = tail;
                }
            }
        }
        bytes
    }

    #[test]
    fn utf8_paths_are_shown_as_they_are() {
        assert_eq!(shown("seeds/002_ff26b561ed4a4f97.txt".as_bytes()), "seeds/002_ff26b561ed4a4f97.txt");
        assert_eq!(shown("archive/Tehran – 2024/’s.txt".as_bytes()), "archive/Tehran – 2024/’s.txt");
    }

    #[test]
    fn bytes_that_are_not_utf8_backslashes_and_controls_are_escaped() {
        assert_eq!(shown(b"bad\xFF.txt"), "bad\\xFF.txt");
        assert_eq!(shown(b"latin1-caf\xE9.txt"), "latin1-caf\\xE9.txt");
        assert_eq!(shown(b"two\nlines.txt"), "two\\x0Alines.txt");
        assert_eq!(shown(b"back\\slash.txt"), "back\\\\slash.txt");
        // A name that spells an escape is told apart from the bytes it spells.
        assert_ne!(shown(b"bad\\xFF.txt"), shown(b"bad\xFF.txt"));
    }

    proptest! {
        #[test]
        fn prop_shown_paths_read_back_to_their_bytes(name in proptest::collection::vec(1u8.., 0..40)) {
            let text = shown(&name);
            prop_assert!(!text.contains('\n') && !text.contains('\r'));
            prop_assert_eq!(read_back(&text), name);
        }
    }

    #[test]
    fn a_fifo_is_turned_away_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("a folder");
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        // Were it opened plainly, this would wait forever for a writer: a hang fails the test.
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(CorpusReader::default().read_file(&fifo));
        });
        let doc = receiver.recv_timeout(std::time::Duration::from_secs(20)).expect("returns without a writer");
        assert!(doc.article.is_none());
        assert_eq!(doc.diagnostics.len(), 1);
        assert_eq!(doc.diagnostics[0].severity, Severity::Warning);
        assert_eq!(doc.diagnostics[0].message, "not a regular file (a FIFO), skipped");
    }

    /// Files named 0000.txt, 0001.txt, ...: more than two batches.
    fn numbered_files(dir: &Path, n: usize) {
        for i in 0..n {
            std::fs::write(dir.join(format!("{i:04}.txt")), format!("Title {i}\n\n2024-01-10\n\nText {i}.\n"))
                .expect("a file");
        }
    }

    #[test]
    fn documents_arrive_in_order_from_the_reading_thread_and_on_one_thread() {
        let dir = tempfile::tempdir().expect("a folder");
        let n = 2 * BATCH + 7;
        numbered_files(dir.path(), n);
        let reader = CorpusReader::default();
        let titles = |pool: &rayon::ThreadPool| -> Vec<String> {
            pool.install(|| {
                let documents = reader.documents(vec![Input::Path(dir.path().into())]);
                documents.filter_map(|d| d.article.and_then(|a| a.title)).collect()
            })
        };
        let expected: Vec<String> = (0..n).map(|i| format!("Title {i}")).collect();
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
            assert_eq!(titles(&pool), expected, "{threads} threads");
        }
    }

    #[test]
    fn dropping_the_documents_early_stops_the_reading_thread() {
        let dir = tempfile::tempdir().expect("a folder");
        numbered_files(dir.path(), 4 * BATCH);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("a pool");
        let (sender, receiver) = std::sync::mpsc::channel();
        let path = dir.path().to_owned();
        std::thread::spawn(move || {
            let first = pool.install(|| {
                let reader = CorpusReader::default();
                let mut documents = reader.documents(vec![Input::Path(path)]);
                documents.next().map(|d| d.path)
                // Dropped here, with the reader a batch ahead and blocked on sending it.
            });
            let _ = sender.send(first);
        });
        let first = receiver.recv_timeout(std::time::Duration::from_secs(60)).expect("the drop returns");
        assert!(first.is_some_and(|path| path.ends_with("0000.txt")));
    }

    #[test]
    fn an_empty_folder_is_a_warning_not_silence() {
        let dir = tempfile::tempdir().expect("a folder");
        std::fs::create_dir(dir.path().join("empty")).expect("a folder");
        std::fs::create_dir_all(dir.path().join("nested/deeper")).expect("folders");
        numbered_files(&dir.path().join("nested/deeper"), 0);
        let reader = CorpusReader::default();
        for name in ["empty", "nested"] {
            let docs: Vec<Document> = reader.documents(vec![Input::Path(dir.path().join(name))]).collect();
            assert_eq!(docs.len(), 1, "{name}");
            assert!(docs[0].article.is_none());
            assert_eq!(docs[0].diagnostics[0].severity, Severity::Warning);
            assert_eq!(docs[0].diagnostics[0].message, "no files in this folder");
        }
        // A folder with files gives only its files.
        numbered_files(&dir.path().join("nested/deeper"), 2);
        let docs: Vec<Document> = reader.documents(vec![Input::Path(dir.path().join("nested"))]).collect();
        assert_eq!(docs.len(), 2);
        assert!(docs.iter().all(|d| d.diagnostics.is_empty()));
    }
}
