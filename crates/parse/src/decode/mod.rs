//! Turning a file's bytes into text the grammar can read.
//!
//! The decoded text has no byte-order mark and only `\n` line endings, so spans, lines and
//! columns are the same whichever line endings the file used. Whatever had to be guessed,
//! replaced or removed on the way is reported as a warning at its place in the text.

use std::borrow::Cow;

use dateline_model::{Diagnostic, Severity, Span};
use memchr::{memchr, memchr2, memmem};

use crate::lines::LineIndex;

mod html;
mod html_entities;

/// How far into a file a NUL byte makes it binary, as in git and ripgrep.
pub const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// How many changes of one kind are reported one by one before a single summary.
const MAX_REPORTED: usize = 10;

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// A NUL byte early in the file: it is binary, not an article.
    #[error("binary file (NUL byte at byte offset {offset}), skipped")]
    Binary {
        /// Offset of the first NUL byte in the file.
        offset: usize,
    },
}

/// Text decoded from a file, with warnings about anything that had to be guessed, replaced
/// or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: borrowed from the input when it was clean UTF-8 with `\n` endings.
    pub text: Cow<'a, str>,
    /// Warnings about what the decoder did, located in `text`.
    pub diagnostics: Vec<Diagnostic>,
}

/// Something the decoder did to the file's bytes: where it was in the file, and where it is
/// in the text (`len` bytes of text stand for it: a U+FFFD, or none for what was removed).
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub(crate) kind: ChangeKind,
    pub(crate) file_offset: usize,
    pub(crate) text_offset: usize,
    pub(crate) len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    /// Bytes that are not UTF-8 (at most 3: `utf8_chunks` never gives more), replaced with
    /// U+FFFD. `at_end` when they end the file.
    InvalidUtf8 { bytes: [u8; 3], len: usize, at_end: bool },
    /// A unit that is not UTF-16 (an unpaired surrogate, or a last odd byte), replaced.
    InvalidUtf16 { at_end: bool },
    /// A run of NUL characters past the binary sniff, removed.
    Nul { count: usize },
    /// A byte-order mark (U+FEFF) after the start of the file, removed.
    Bom,
    /// The file was read as Windows-1252: not UTF-8, and no UTF-8 multi-byte character.
    Windows1252 { byte: u8 },
    /// The file was read as UTF-16 without a byte-order mark.
    Utf16WithoutBom { big_endian: bool },
    /// UTF-8 that was read as Windows-1252 and saved again as UTF-8: `seen` for `meant`.
    /// `repaired` when the whole file read back that way and was decoded again.
    Mojibake { seen: String, meant: char, repaired: bool },
    /// HTML left in scraped text: character references decoded, tags removed (block tags
    /// such as `<p>` and `<br>` as a line break). One for the file, at the first.
    Html { references: usize, tags: usize, first: String },
}

/// The changes to report, in text order: all of the kinds reported once, and of the others
/// only the first [`MAX_REPORTED`] and one more (where the summary points), with how many
/// there were in all. A file of invalid bytes costs no more memory than a clean one.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(crate) kept: Vec<Change>,
    counts: [usize; 3],
}

impl Changes {
    /// Keeps `change` if it will be reported; gives its index if so.
    fn push(&mut self, change: Change) -> Option<usize> {
        if let Some(group) = change.kind.summarised() {
            self.counts[group] += 1;
            if self.counts[group] > MAX_REPORTED + 1 {
                return None;
            }
        }
        self.kept.push(change);
        Some(self.kept.len() - 1)
    }

    fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

impl ChangeKind {
    /// The kinds reported one by one up to [`MAX_REPORTED`], then in a summary.
    fn summarised(&self) -> Option<usize> {
        match self {
            Self::InvalidUtf8 { .. } | Self::InvalidUtf16 { .. } => Some(0),
            Self::Nul { .. } => Some(1),
            Self::Bom => Some(2),
            Self::Windows1252 { .. } | Self::Utf16WithoutBom { .. } | Self::Mojibake { .. } | Self::Html { .. } => None,
        }
    }

    fn message(&self, file_offset: usize) -> String {
        let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("0x{b:02X}")).collect::<Vec<_>>().join(" ");
        match self {
            Self::InvalidUtf8 { bytes, len, at_end } => {
                let bytes = &bytes[..*len];
                let lead = bytes.first().is_some_and(|b| (0xC2..=0xF4).contains(b));
                if *at_end && lead {
                    format!(
                        "the file ends inside a UTF-8 character (bytes {} at byte offset {file_offset}): truncated? Replaced with U+FFFD",
                        hex(bytes)
                    )
                } else if bytes.len() > 1 {
                    format!(
                        "incomplete UTF-8 character (bytes {}) at byte offset {file_offset}, replaced with U+FFFD",
                        hex(bytes)
                    )
                } else {
                    format!("invalid UTF-8 byte {} at byte offset {file_offset}, replaced with U+FFFD", hex(bytes))
                }
            }
            Self::InvalidUtf16 { at_end: true } => format!(
                "the file ends inside a UTF-16 character (an odd byte at byte offset {file_offset}): truncated? Replaced with U+FFFD"
            ),
            Self::InvalidUtf16 { at_end: false } => {
                format!("invalid UTF-16 at byte offset {file_offset}, replaced with U+FFFD")
            }
            Self::Nul { count: 1 } => format!("NUL at byte offset {file_offset}, removed"),
            Self::Nul { count } => format!("{count} NULs from byte offset {file_offset}, removed"),
            Self::Bom => {
                format!("byte-order mark (U+FEFF) at byte offset {file_offset}, removed: were two files joined?")
            }
            Self::Windows1252 { byte } => format!(
                "not UTF-8 (byte 0x{byte:02X} at byte offset {file_offset}) and no UTF-8 multi-byte character in the file: read as Windows-1252"
            ),
            Self::Utf16WithoutBom { big_endian } => format!(
                "no byte-order mark, but NUL bytes at every other offset: read as UTF-16{}",
                if *big_endian { "BE" } else { "LE" }
            ),
            Self::Mojibake { seen, meant, repaired: true } => format!(
                "mojibake: `{seen}` is `{meant}` in UTF-8 read as Windows-1252; the whole file reads that way, so it was decoded again"
            ),
            Self::Mojibake { seen, meant, repaired: false } => format!(
                "mojibake? `{seen}` is `{meant}` in UTF-8 read as Windows-1252; left as it is, since the rest of the file does not read that way"
            ),
            Self::Html { references, tags, first } => {
                let plural =
                    |n: &usize, one: &str, many: &str| if *n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
                let what = match (references, tags) {
                    (0, t) => format!("{} removed", plural(t, "tag", "tags")),
                    (r, 0) => format!("{} decoded", plural(r, "character reference", "character references")),
                    (r, t) => format!(
                        "{} decoded and {} removed",
                        plural(r, "character reference", "character references"),
                        plural(t, "tag", "tags")
                    ),
                };
                format!(
                    "HTML left in the text, first `{first}` here: {what}; block tags such as <p> and <br> became line breaks"
                )
            }
        }
    }

    fn summary(group: usize, count: usize, file_offset: usize, encoding: &str) -> String {
        match group {
            0 => format!(
                "{count} more invalid {encoding} sequences from byte offset {file_offset}, replaced with U+FFFD"
            ),
            1 => format!("{count} more runs of NULs from byte offset {file_offset}, removed"),
            _ => format!("{count} more byte-order marks from byte offset {file_offset}, removed"),
        }
    }
}

/// Decodes a file's bytes and says what it had to do:
///
/// - a UTF-8 byte-order mark is removed; UTF-16 with one is transcoded, and so is UTF-16
///   without one when every other byte of its start is NUL;
/// - a file that is not UTF-8 and holds no UTF-8 multi-byte character is read as
///   Windows-1252; otherwise invalid UTF-8 becomes U+FFFD (a warning names each byte offset);
/// - UTF-8 that was once read as Windows-1252 and saved again (`â€“` for `–`) is decoded
///   again when the whole file reads that way, and reported where it does not;
/// - NULs past the first [`BINARY_SNIFF_LEN`] bytes and byte-order marks after the start
///   are removed;
/// - CRLF and lone CR become LF;
/// - HTML left in scraped text is undone: character references (`&quot;`, `&#8220;`) are
///   decoded and tags removed (`<p>` and `<br>` as line breaks), with one warning.
///
/// # Errors
///
/// [`DecodeError::Binary`] when a NUL byte occurs in the first [`BINARY_SNIFF_LEN`] bytes of
/// a file that is not UTF-16.
///
/// # Example
///
/// ```
/// let decoded = dateline_parse::decode(b"\xEF\xBB\xBFTitle\r\n\r\nBody\xFF \xE2\x80\x93\r\n").unwrap();
/// assert_eq!(decoded.text, "Title\n\nBody\u{FFFD} –\n");
/// assert_eq!(decoded.diagnostics[0].line, 3);
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let (text, mut changes, encoding) = match bytes {
        // Mojibake is looked for in UTF-16 too: text garbled as Windows-1252 and saved again
        // reads the same whatever encoding it was saved in.
        [0xFF, 0xFE, rest @ ..] => {
            let (text, mut changes) = utf16(rest, 2, u16::from_le_bytes);
            (mojibake(text, &utf16_offset(2), &mut changes), changes, "UTF-16")
        }
        [0xFE, 0xFF, rest @ ..] => {
            let (text, mut changes) = utf16(rest, 2, u16::from_be_bytes);
            (mojibake(text, &utf16_offset(2), &mut changes), changes, "UTF-16")
        }
        _ => {
            let (body, bom) = match bytes {
                [0xEF, 0xBB, 0xBF, rest @ ..] => (rest, 3),
                _ => (bytes, 0),
            };
            let sniff = &body[..body.len().min(BINARY_SNIFF_LEN)];
            if let Some(offset) = memchr(0, sniff) {
                let Some(big_endian) = utf16_without_bom(sniff).filter(|_| bom == 0) else {
                    return Err(DecodeError::Binary { offset: offset + bom });
                };
                let unit = if big_endian { u16::from_be_bytes } else { u16::from_le_bytes };
                let (text, mut changes) = utf16(body, 0, unit);
                // Before the note that it was UTF-16, which changes no text.
                let text = mojibake(text, &utf16_offset(0), &mut changes);
                let kind = ChangeKind::Utf16WithoutBom { big_endian };
                changes.kept.insert(0, Change { kind, file_offset: 0, text_offset: 0, len: 0 });
                (text, changes, "UTF-16")
            } else {
                utf8_or_windows_1252(body, bom)
            }
        }
    };
    changes.kept.sort_by_key(|change| change.text_offset);
    let (text, mut changes) = normalize_line_endings(text, changes);
    let text = html::leftovers(text, &mut changes);
    let diagnostics = describe(&text, &changes, encoding);
    Ok(Decoded { text, diagnostics })
}

fn utf8_or_windows_1252(bytes: &[u8], bom: usize) -> (Cow<'_, str>, Changes, &'static str) {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let mut changes = Changes::default();
            let text = if memchr(0, bytes).is_some() || memmem::find(bytes, BOM).is_some() {
                let mut out = String::with_capacity(text.len());
                push_removing_nul_and_bom(&mut out, text, bom, &mut changes);
                Cow::Owned(out)
            } else {
                Cow::Borrowed(text)
            };
            (mojibake(text, &|before: &str| bom + before.len(), &mut changes), changes, "UTF-8")
        }
        // A byte-order mark says UTF-8, whatever follows.
        Err(_) if bom == 0 && is_windows_1252(bytes) => {
            let (text, changes) = windows_1252(bytes);
            (Cow::Owned(text), changes, "Windows-1252")
        }
        Err(_) => {
            let (text, changes) = utf8_lossy(bytes, bom);
            (Cow::Owned(text), changes, "UTF-8")
        }
    }
}

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Appends `chunk` (which starts at `file_offset` in the file) to `out`, without NULs and
/// byte-order marks; each run of NULs and each mark becomes a change.
fn push_removing_nul_and_bom(out: &mut String, chunk: &str, file_offset: usize, changes: &mut Changes) {
    let bytes = chunk.as_bytes();
    let (mut copied, mut at) = (0, 0);
    while let Some(found) = memchr2(0, BOM[0], &bytes[at..]).map(|i| at + i) {
        let (kind, skip) = if bytes[found] == 0 {
            let count = bytes[found..].iter().take_while(|&&b| b == 0).count();
            (ChangeKind::Nul { count }, count)
        } else if bytes[found..].starts_with(BOM) {
            (ChangeKind::Bom, BOM.len())
        } else {
            at = found + 1;
            continue;
        };
        out.push_str(&chunk[copied..found]);
        changes.push(Change { kind, file_offset: file_offset + found, text_offset: out.len(), len: 0 });
        at = found + skip;
        copied = at;
    }
    out.push_str(&chunk[copied..]);
}

fn utf8_lossy(bytes: &[u8], file_offset: usize) -> (String, Changes) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut changes = Changes::default();
    let mut at = file_offset;
    let end = file_offset + bytes.len();
    for chunk in bytes.utf8_chunks() {
        push_removing_nul_and_bom(&mut text, chunk.valid(), at, &mut changes);
        at += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            let mut bytes = [0; 3];
            let len = invalid.len().min(3);
            bytes[..len].copy_from_slice(&invalid[..len]);
            let at_end = at + invalid.len() == end;
            changes.push(Change {
                kind: ChangeKind::InvalidUtf8 { bytes, len, at_end },
                file_offset: at,
                text_offset: text.len(),
                len: char::REPLACEMENT_CHARACTER.len_utf8(),
            });
            text.push(char::REPLACEMENT_CHARACTER);
            at += invalid.len();
        }
    }
    (text, changes)
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F; `None` for the five it leaves
/// undefined. The bytes 0xA0 to 0xFF are U+00A0 to U+00FF.
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

pub(crate) fn windows_1252_char(byte: u8) -> Option<char> {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

/// The byte `c` was read from, if a Windows-1252 reading could give it. The five undefined
/// bytes come back from the C1 controls that lenient decoders (browsers, Windows) give them.
fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0..=0x7F | 0xA0..=0xFF | 0x81 | 0x8D | 0x8F | 0x90 | 0x9D => u8::try_from(u32::from(c)).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&high| high == Some(c))
            .and_then(|i| u8::try_from(i).ok())
            .map(|i| 0x80 + i),
    }
}

/// Whether bytes that are not UTF-8 read as Windows-1252: no undefined byte, no valid UTF-8
/// multi-byte character (which would make them UTF-8 with a few bad bytes), no start of one
/// cut short (`0xE2 0x80`, as a truncated file ends), and not only one bad byte at the very
/// end (a character cut after its first byte).
fn is_windows_1252(bytes: &[u8]) -> bool {
    let mut invalid_before_end = false;
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        at += chunk.valid().len() + chunk.invalid().len();
        if !chunk.valid().is_ascii() || chunk.invalid().len() > 1 {
            return false;
        }
        invalid_before_end |= !chunk.invalid().is_empty() && at < bytes.len();
    }
    invalid_before_end && bytes.iter().all(|&b| windows_1252_char(b).is_some())
}

fn windows_1252(bytes: &[u8]) -> (String, Changes) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut changes = Changes::default();
    let mut at = 0;
    let mut reported = false;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte == 0 {
            let count = bytes[at..].iter().take_while(|&&b| b == 0).count();
            changes.push(Change { kind: ChangeKind::Nul { count }, file_offset: at, text_offset: text.len(), len: 0 });
            at += count;
            continue;
        }
        let c = windows_1252_char(byte).unwrap_or(char::REPLACEMENT_CHARACTER);
        if !reported && !byte.is_ascii() {
            reported = true;
            let kind = ChangeKind::Windows1252 { byte };
            changes.push(Change { kind, file_offset: at, text_offset: text.len(), len: c.len_utf8() });
        }
        text.push(c);
        at += 1;
    }
    (text, changes)
}

/// The first UTF-8 character in `text` that was read as Windows-1252 and saved again as
/// UTF-8: `Ã©` for `é`, `Â` and a no-break space for a no-break space, `â€“` for `–`.
/// Only the leads `Â`, `Ã` and `â` are looked for (U+0080 to U+00FF and the punctuation at
/// U+2000 to U+2FFF, which is what news text holds); each must be followed by characters that
/// were continuation bytes. After `Â` and `Ã` only U+00A0 to U+00BF count: a quote or a dash
/// after a capital `Ã` is Portuguese more often than a garbled capital. Gives the garbled
/// text's byte range and the character meant.
fn mojibake_at(text: &str) -> Option<(usize, usize, char)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    // `Â`, `Ã` and `â` are U+00C2, U+00C3 and U+00E2: 0xC3 then 0x82, 0x83 or 0xA2 in UTF-8.
    while let Some(start) = memchr(0xC3, &bytes[from..]).map(|i| from + i) {
        from = start + 1;
        let len = match (bytes.get(start + 1), bytes.get(start + 2..start + 4)) {
            // U+00A0 to U+00BF are 0xC2 0xA0 to 0xC2 0xBF.
            (Some(0x82 | 0x83), Some([0xC2, 0xA0..=0xBF])) => 2,
            (Some(0xA2), _) => 3,
            _ => continue,
        };
        let mut utf8 = [0; 3];
        let mut end = start;
        for slot in &mut utf8[..len] {
            match text[end..].chars().next().and_then(|c| Some((c, windows_1252_byte(c)?))) {
                Some((c, byte)) => {
                    *slot = byte;
                    end += c.len_utf8();
                }
                None => break,
            }
        }
        if let Some(meant) = std::str::from_utf8(&utf8[..len]).ok().and_then(|s| s.chars().next()) {
            return Some((start, end, meant));
        }
    }
    None
}

/// `text` as the bytes a Windows-1252 reading made it from, read again as UTF-8; `None` when
/// some character could not have come from Windows-1252 or the bytes are not UTF-8.
fn undo_windows_1252(text: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = text.chars().map(windows_1252_byte).collect();
    String::from_utf8(bytes?).ok()
}

/// Where the text before a character started in a UTF-16 file whose text starts at
/// `file_start`, when nothing before it was removed.
fn utf16_offset(file_start: usize) -> impl Fn(&str) -> usize {
    move |before: &str| file_start + 2 * before.encode_utf16().count()
}

/// Repairs mojibake when the whole text reads as it (and nothing else was changed, so the
/// other changes' offsets stay right); reports it otherwise. `file_offset` gives where the
/// text before a character ended in the file.
fn mojibake<'a>(text: Cow<'a, str>, file_offset: &dyn Fn(&str) -> usize, changes: &mut Changes) -> Cow<'a, str> {
    let Some((start, end, meant)) = mojibake_at(&text) else {
        return text;
    };
    let seen = text[start..end].to_owned();
    let file_offset = file_offset(&text[..start]);
    match changes.is_empty().then(|| undo_windows_1252(&text)).flatten() {
        Some(repaired) => {
            // Each character was one byte, so the first garbled one now starts here.
            let text_offset = text[..start].chars().count();
            let kind = ChangeKind::Mojibake { seen, meant, repaired: true };
            changes.push(Change { kind, file_offset, text_offset, len: meant.len_utf8() });
            Cow::Owned(repaired)
        }
        None => {
            let kind = ChangeKind::Mojibake { seen, meant, repaired: false };
            changes.push(Change { kind, file_offset, text_offset: start, len: end - start });
            text
        }
    }
}

/// UTF-16 without a byte-order mark, told by its start: in ASCII and Latin-1 text every
/// other byte is NUL. Gives whether it is big-endian when every NUL byte of `sniff` falls on
/// the same side of its unit, at least half the units have one, and what that reads as has
/// no control characters but tabs, line ends and form feeds.
fn utf16_without_bom(sniff: &[u8]) -> Option<bool> {
    let units = sniff.len() / 2;
    let (high_first, high_second) = sniff
        .chunks_exact(2)
        .fold((0, 0), |(first, second), pair| (first + usize::from(pair[0] == 0), second + usize::from(pair[1] == 0)));
    let big_endian = match (high_first, high_second) {
        (0, nul) if nul > 0 && nul * 2 >= units => false,
        (nul, 0) if nul > 0 && nul * 2 >= units => true,
        _ => return None,
    };
    let unit = if big_endian { u16::from_be_bytes } else { u16::from_le_bytes };
    let units = sniff.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .all(|c| c.map_or(true, |c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}')))
        .then_some(big_endian)
}

/// Transcodes UTF-16 that starts at `file_start` in the file. NULs and byte-order marks
/// inside it are removed, as in UTF-8.
fn utf16(bytes: &[u8], file_start: usize, unit: fn([u8; 2]) -> u16) -> (Cow<'static, str>, Changes) {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2 + 16);
    let mut changes = Changes::default();
    let mut file_offset = file_start;
    let mut in_nul_run = false;
    // The run of NULs being read, if it is kept for a report.
    let mut nul_run: Option<usize> = None;
    for decoded in char::decode_utf16(units) {
        let was_nul_run = std::mem::take(&mut in_nul_run);
        match decoded {
            Ok('\0') => {
                if was_nul_run {
                    if let Some(Change { kind: ChangeKind::Nul { count }, .. }) =
                        nul_run.and_then(|i| changes.kept.get_mut(i))
                    {
                        *count += 1;
                    }
                } else {
                    let kind = ChangeKind::Nul { count: 1 };
                    nul_run = changes.push(Change { kind, file_offset, text_offset: text.len(), len: 0 });
                }
                in_nul_run = true;
                file_offset += 2;
            }
            Ok('\u{feff}') => {
                changes.push(Change { kind: ChangeKind::Bom, file_offset, text_offset: text.len(), len: 0 });
                file_offset += 2;
            }
            Ok(c) => {
                text.push(c);
                file_offset += c.len_utf16() * 2;
            }
            Err(_) => {
                changes.push(Change {
                    kind: ChangeKind::InvalidUtf16 { at_end: false },
                    file_offset,
                    text_offset: text.len(),
                    len: 3,
                });
                text.push(char::REPLACEMENT_CHARACTER);
                file_offset += 2;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let kind = ChangeKind::InvalidUtf16 { at_end: true };
        changes.push(Change { kind, file_offset, text_offset: text.len(), len: 3 });
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (Cow::Owned(text), changes)
}

/// Turns `\r\n` and lone `\r` into `\n`, moving the changes' text offsets to match.
/// `changes` are in text order.
fn normalize_line_endings(text: Cow<'_, str>, mut changes: Changes) -> (Cow<'_, str>, Changes) {
    if memchr(b'\r', text.as_bytes()).is_none() {
        return (text, changes);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut pending = changes.kept.iter_mut().peekable();
    let mut removed = 0;
    let mut start = 0;
    while let Some(cr) = memchr(b'\r', &bytes[start..]).map(|i| start + i) {
        out.push_str(&text[start..cr]);
        out.push('\n');
        // Changes up to this CR shift left by the CRs of CRLF pairs removed so far (one that
        // removed something right before the CR stands at the CR's offset).
        while let Some(change) = pending.next_if(|change| change.text_offset <= cr) {
            change.text_offset -= removed;
        }
        let crlf = bytes.get(cr + 1) == Some(&b'\n');
        removed += usize::from(crlf);
        start = cr + 1 + usize::from(crlf);
    }
    out.push_str(&text[start..]);
    for change in pending {
        change.text_offset -= removed;
    }
    (Cow::Owned(out), changes)
}

fn describe(text: &str, changes: &Changes, encoding: &str) -> Vec<Diagnostic> {
    if changes.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let diagnostic = |change: &Change, message: String| {
        let (line, column) = index.locate(change.text_offset);
        let span = Span::new(change.text_offset, change.text_offset + change.len);
        Diagnostic { severity: Severity::Warning, line, column, message, span }
    };
    let mut diagnostics = Vec::new();
    let mut reported = [0; 3];
    for change in &changes.kept {
        let message = match change.kind.summarised() {
            // The one kept past the reported ones stands for all the rest.
            Some(group) if reported[group] == MAX_REPORTED => {
                let unreported = changes.counts[group] - MAX_REPORTED;
                ChangeKind::summary(group, unreported, change.file_offset, encoding)
            }
            group => {
                if let Some(group) = group {
                    reported[group] += 1;
                }
                change.kind.message(change.file_offset)
            }
        };
        diagnostics.push(diagnostic(change, message));
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_utf8_is_borrowed() {
        let decoded = decode(b"plain\ntext").expect("text");
        assert!(matches!(decoded.text, Cow::Borrowed("plain\ntext")));
        assert!(decoded.diagnostics.is_empty());
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\r\n\r\n").expect("text").text, "a\nb\nc\n\n");
    }

    #[test]
    fn invalid_utf8_names_the_file_offset_and_lands_on_the_right_line() {
        let decoded = decode(b"ab\r\ncd\xFFe \xE2\x80\x93").expect("text");
        assert_eq!(decoded.text, "ab\ncd\u{FFFD}e –");
        let d = &decoded.diagnostics[0];
        assert_eq!((d.line, d.column), (2, 3));
        assert_eq!(d.span, Span::new(5, 8));
        assert!(d.message.contains("0xFF at byte offset 6"), "{}", d.message);
    }

    #[test]
    fn many_invalid_bytes_are_summarised() {
        let mut bytes = [b'x', 0xFF, b'y', 0xFE].repeat(20);
        bytes.extend("–".as_bytes());
        let decoded = decode(&bytes).expect("text");
        assert_eq!(decoded.diagnostics.len(), MAX_REPORTED + 1);
        assert!(
            decoded.diagnostics[MAX_REPORTED].message.starts_with("30 more"),
            "{}",
            decoded.diagnostics[MAX_REPORTED].message
        );
    }

    #[test]
    fn utf16_with_bom_is_transcoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Hé\r\nx".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).expect("text").text, "Hé\nx");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Hé".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).expect("text").text, "Hé");
    }

    #[test]
    fn nul_early_means_binary_but_late_is_removed() {
        assert_eq!(decode(b"\x89PNG\0\0").map(|_| ()), Err(DecodeError::Binary { offset: 4 }));
        assert_eq!(decode(&[0; 64]).map(|_| ()), Err(DecodeError::Binary { offset: 0 }));
        let mut late = vec![b'a'; BINARY_SNIFF_LEN];
        late.extend(b"\0\0\0b\r\n\0");
        let decoded = decode(&late).expect("text");
        assert_eq!(decoded.text.len(), BINARY_SNIFF_LEN + 2);
        let messages: Vec<_> = decoded.diagnostics.iter().map(|d| (d.column, d.message.as_str())).collect();
        let nul_at = BINARY_SNIFF_LEN + 1;
        assert_eq!(
            messages,
            [(nul_at, "3 NULs from byte offset 8192, removed"), (1, "NUL at byte offset 8198, removed")]
        );
    }

    #[test]
    fn many_runs_of_nuls_are_summarised_in_utf16_too() {
        let text = "ab\0\0".repeat(20);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&le).expect("text");
        assert_eq!(decoded.text, "ab".repeat(20));
        let messages: Vec<&str> = decoded.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), MAX_REPORTED + 1);
        assert_eq!(messages[0], "2 NULs from byte offset 6, removed");
        assert_eq!(messages[MAX_REPORTED], "10 more runs of NULs from byte offset 86, removed");
        assert_eq!(decoded.diagnostics[MAX_REPORTED].column, 2 * MAX_REPORTED + 3);
    }

    #[test]
    fn text_without_utf8_characters_is_windows_1252() {
        let decoded = decode(b"caf\xE9 \x96 \x93ok\x94\r\n").expect("text");
        assert_eq!(decoded.text, "café – “ok”\n");
        let d = &decoded.diagnostics[..];
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column, d[0].span), (1, 4, Span::new(3, 5)));
        assert!(d[0].message.contains("read as Windows-1252"), "{}", d[0].message);
        // A byte Windows-1252 leaves undefined, a UTF-8 character, or only a cut-off one at
        // the end: UTF-8 with bad bytes.
        for bytes in [&b"caf\xE9 \x81"[..], b"caf\xE9 \xE2\x80\x93", b"cafe \xE2\x80", b"cafe \xE9"] {
            assert!(decode(bytes).expect("text").text.contains('\u{FFFD}'), "{bytes:?}");
        }
    }

    #[test]
    fn a_character_cut_by_the_end_of_the_file_is_named() {
        let decoded = decode(b"ok \xE2\x80").expect("text");
        assert_eq!(decoded.text, "ok \u{FFFD}");
        assert_eq!(
            decoded.diagnostics[0].message,
            "the file ends inside a UTF-8 character (bytes 0xE2 0x80 at byte offset 3): truncated? Replaced with U+FFFD"
        );
    }

    #[test]
    fn byte_order_marks_after_the_start_are_removed() {
        let decoded = decode("\u{feff}one\r\n\u{feff}two\u{feff}".as_bytes()).expect("text");
        assert_eq!(decoded.text, "one\ntwo");
        let at: Vec<_> = decoded.diagnostics.iter().map(|d| (d.line, d.column, d.span)).collect();
        assert_eq!(at, [(2, 1, Span::new(4, 4)), (2, 4, Span::new(7, 7))]);
        assert!(decoded.diagnostics[0].message.contains("at byte offset 8"), "{}", decoded.diagnostics[0].message);
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_nul_bytes() {
        let le: Vec<u8> = "Hé\r\nx".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let decoded = decode(&le).expect("text");
        assert_eq!(decoded.text, "Hé\nx");
        assert!(decoded.diagnostics[0].message.ends_with("read as UTF-16LE"), "{:?}", decoded.diagnostics);
        let be: Vec<u8> = "Hé".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).expect("text").text, "Hé");
        // NULs on both sides of their units, or controls once read: binary.
        assert!(decode(b"a\0\0b").is_err());
        assert!(decode(b"\x01\0\x02\0").is_err());
    }

    #[test]
    fn mojibake_is_repaired_when_the_whole_file_reads_that_way() {
        let garbled = "Talks – Ministers’ café\u{a0}ok";
        let mojibake: String = garbled.bytes().map(|b| windows_1252_char(b).expect("defined")).collect();
        let decoded = decode(mojibake.as_bytes()).expect("text");
        assert_eq!(decoded.text, garbled);
        let d = &decoded.diagnostics[0];
        assert_eq!((d.line, d.column, d.span), (1, 7, Span::new(6, 9)));
        assert!(d.message.starts_with("mojibake: `â€“` is `–`"), "{}", d.message);
        // Next to text that is right, it is only reported.
        let mixed = format!("{mojibake} – right");
        let decoded = decode(mixed.as_bytes()).expect("text");
        assert_eq!(decoded.text, mixed);
        assert_eq!(decoded.diagnostics[0].span, Span::new(6, 14));
        // Latin letters and punctuation are not mojibake.
        assert!(decode("São Paulo, Â, Ã, â: “Ã”".as_bytes()).expect("text").diagnostics.is_empty());
    }

    #[test]
    fn mojibake_saved_as_utf16_is_repaired_as_in_utf8() {
        let garbled = "By\n\nTalks – café\u{a0}ok";
        let mojibake: String = garbled.bytes().map(|b| windows_1252_char(b).expect("defined")).collect();
        let utf8 = decode(mojibake.as_bytes()).expect("text");
        assert_eq!(utf8.text, garbled);
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(mojibake.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(mojibake.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            let decoded = decode(&bytes).expect("text");
            assert_eq!((decoded.text.as_ref(), &decoded.diagnostics), (garbled, &utf8.diagnostics));
        }
        // Without a byte-order mark, after the warning that says so.
        let bare: Vec<u8> = mojibake.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let decoded = decode(&bare).expect("text");
        assert_eq!(decoded.text, garbled);
        assert!(decoded.diagnostics[0].message.ends_with("read as UTF-16LE"), "{:?}", decoded.diagnostics);
        assert_eq!(decoded.diagnostics[1..], utf8.diagnostics[..]);
        // Next to text that is right, it is only reported, at its place.
        let mixed = format!("{mojibake} – right");
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(mixed.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let decoded = decode(&le).expect("text");
        assert_eq!(decoded.text, mixed);
        assert_eq!(decoded.diagnostics, decode(mixed.as_bytes()).expect("text").diagnostics);
    }
}
