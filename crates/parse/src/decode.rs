//! Turning a file's bytes into text the grammar can read.
//!
//! The decoded text has no byte-order mark and only `\n` line endings, so spans, lines and
//! columns are the same whichever line endings the file used.

use std::borrow::Cow;

use dateline_model::{Diagnostic, Severity, Span};
use memchr::memchr;

use crate::lines::LineIndex;

/// How far into a file a NUL byte makes it binary, as in git and ripgrep.
pub const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// How many undecodable sequences are reported one by one before a single summary.
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

/// Text decoded from a file, with warnings about anything that had to be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: borrowed from the input when it was clean UTF-8 with `\n` endings.
    pub text: Cow<'a, str>,
    /// Warnings about bytes replaced with U+FFFD, located in `text`.
    pub diagnostics: Vec<Diagnostic>,
}

/// A replaced sequence: where it was in the file and where its U+FFFD is in the text.
#[derive(Debug, Clone, Copy)]
struct Replacement {
    file_offset: usize,
    text_offset: usize,
    len: usize,
    first_byte: Option<u8>,
}

/// Decodes a file's bytes: strips a UTF-8 BOM, transcodes UTF-16 with a BOM, replaces invalid
/// UTF-8 with U+FFFD (a warning names each byte offset), and turns CRLF and lone CR into LF.
///
/// # Errors
///
/// [`DecodeError::Binary`] when a NUL byte occurs in the first [`BINARY_SNIFF_LEN`] bytes of
/// a file that is not UTF-16.
///
/// # Example
///
/// ```
/// let decoded = dateline_parse::decode(b"\xEF\xBB\xBFTitle\r\n\r\nBody\xFF\r\n").unwrap();
/// assert_eq!(decoded.text, "Title\n\nBody\u{FFFD}\n");
/// assert_eq!(decoded.diagnostics[0].line, 3);
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let (text, replacements, encoding) = match bytes {
        [0xFF, 0xFE, rest @ ..] => {
            let (text, replaced) = utf16(rest, u16::from_le_bytes);
            (Cow::Owned(text), replaced, "UTF-16")
        }
        [0xFE, 0xFF, rest @ ..] => {
            let (text, replaced) = utf16(rest, u16::from_be_bytes);
            (Cow::Owned(text), replaced, "UTF-16")
        }
        _ => {
            let (body, bom) = match bytes {
                [0xEF, 0xBB, 0xBF, rest @ ..] => (rest, 3),
                _ => (bytes, 0),
            };
            if let Some(offset) = memchr(0, &body[..body.len().min(BINARY_SNIFF_LEN)]) {
                return Err(DecodeError::Binary { offset: offset + bom });
            }
            let (text, replaced) = utf8(body, bom);
            (text, replaced, "UTF-8")
        }
    };
    let (text, replacements) = normalize_line_endings(text, replacements);
    let diagnostics = describe(&text, &replacements, encoding);
    Ok(Decoded { text, diagnostics })
}

fn utf8(bytes: &[u8], file_offset: usize) -> (Cow<'_, str>, Vec<Replacement>) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut replacements = Vec::new();
    let mut at = file_offset;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            replacements.push(Replacement {
                file_offset: at,
                text_offset: text.len(),
                len: char::REPLACEMENT_CHARACTER.len_utf8(),
                first_byte: invalid.first().copied(),
            });
            text.push(char::REPLACEMENT_CHARACTER);
            at += invalid.len();
        }
    }
    (Cow::Owned(text), replacements)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, Vec<Replacement>) {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2 + 16);
    let mut replacements = Vec::new();
    let mut file_offset = 2;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                file_offset += c.len_utf16() * 2;
            }
            Err(_) => {
                replacements.push(Replacement { file_offset, text_offset: text.len(), len: 3, first_byte: None });
                text.push(char::REPLACEMENT_CHARACTER);
                file_offset += 2;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        replacements.push(Replacement { file_offset, text_offset: text.len(), len: 3, first_byte: None });
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, replacements)
}

/// Turns `\r\n` and lone `\r` into `\n`, moving the replacements' text offsets to match.
fn normalize_line_endings(text: Cow<'_, str>, mut replacements: Vec<Replacement>) -> (Cow<'_, str>, Vec<Replacement>) {
    if memchr(b'\r', text.as_bytes()).is_none() {
        return (text, replacements);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut pending = replacements.iter_mut().peekable();
    let mut removed = 0;
    let mut start = 0;
    while let Some(cr) = memchr(b'\r', &bytes[start..]).map(|i| start + i) {
        out.push_str(&text[start..cr]);
        out.push('\n');
        // Replacements before this CR shift left by the CRs of CRLF pairs removed so far.
        while let Some(r) = pending.next_if(|r| r.text_offset < cr) {
            r.text_offset -= removed;
        }
        let crlf = bytes.get(cr + 1) == Some(&b'\n');
        removed += usize::from(crlf);
        start = cr + 1 + usize::from(crlf);
    }
    out.push_str(&text[start..]);
    for r in pending {
        r.text_offset -= removed;
    }
    (Cow::Owned(out), replacements)
}

fn describe(text: &str, replacements: &[Replacement], encoding: &str) -> Vec<Diagnostic> {
    if replacements.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let mut diagnostics: Vec<Diagnostic> = replacements
        .iter()
        .take(MAX_REPORTED)
        .map(|r| {
            let (line, column) = index.locate(r.text_offset);
            let what = r
                .first_byte
                .map_or_else(|| format!("invalid {encoding}"), |b| format!("invalid {encoding} byte 0x{b:02X}"));
            Diagnostic {
                severity: Severity::Warning,
                line,
                column,
                message: format!("{what} at byte offset {}, replaced with U+FFFD", r.file_offset),
                span: Span::new(r.text_offset, r.text_offset + r.len),
            }
        })
        .collect();
    if let Some(first_unreported) = replacements.get(MAX_REPORTED) {
        let (line, column) = index.locate(first_unreported.text_offset);
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            line,
            column,
            message: format!(
                "{} more invalid {encoding} sequences from byte offset {}, replaced with U+FFFD",
                replacements.len() - MAX_REPORTED,
                first_unreported.file_offset
            ),
            span: Span::new(first_unreported.text_offset, first_unreported.text_offset + first_unreported.len),
        });
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
        let decoded = decode(b"ab\r\ncd\xFFe").expect("text");
        assert_eq!(decoded.text, "ab\ncd\u{FFFD}e");
        let d = &decoded.diagnostics[0];
        assert_eq!((d.line, d.column), (2, 3));
        assert_eq!(d.span, Span::new(5, 8));
        assert!(d.message.contains("0xFF at byte offset 6"), "{}", d.message);
    }

    #[test]
    fn many_invalid_bytes_are_summarised() {
        let bytes = [b'x', 0xFF, b'y', 0xFE].repeat(20);
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
    fn nul_early_means_binary_but_late_does_not() {
        assert_eq!(decode(b"\x89PNG\0\0").map(|_| ()), Err(DecodeError::Binary { offset: 4 }));
        let mut late = vec![b'a'; BINARY_SNIFF_LEN];
        late.push(0);
        assert!(decode(&late).is_ok());
    }
}
