//! Pathological inputs for the parser's linear-time check: each a family of files that can be
//! made at any size, built so that a step quadratic in the input would show.
//!
//! `benches/parse.rs` times each at two sizes (`parse/malformed/*`), and the `linear-check`
//! binary prints how much longer the larger takes. The cases and what the parser reports for
//! each are in `crates/parse/tests/integration/malformed.rs` and FORMAT.md.

/// One family of pathological files.
#[derive(Debug, Clone, Copy)]
pub struct Pathological {
    /// The bench's name: `parse/malformed/<name>/<size>`.
    pub name: &'static str,
    /// What the files hold.
    pub about: &'static str,
    build: fn(usize) -> Vec<u8>,
}

impl Pathological {
    /// A file of this family of about `bytes` bytes (never fewer).
    #[must_use]
    pub fn build(&self, bytes: usize) -> Vec<u8> {
        (self.build)(bytes)
    }
}

const HEADER: &str =
    "Port workers strike over pay\n\nSeptember 15, 2024 - 20:09\n\nHAMBURG – Dock workers walked out.\n\n";
const SENTENCE: &str = "Officials met again on Sunday to discuss the budget, the ports and the new rail link. ";

/// `unit` repeated until the result holds at least `bytes` bytes, after `head`.
fn repeat(head: &str, unit: &str, bytes: usize) -> String {
    let count = bytes.saturating_sub(head.len()).div_ceil(unit.len().max(1)).max(1);
    let mut text = String::with_capacity(head.len() + unit.len() * count);
    text.push_str(head);
    for _ in 0..count {
        text.push_str(unit);
    }
    text
}

/// Each byte of `text` that Windows-1252 reads as a character, as that byte: the file a
/// Windows-1252 editor would have written.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '–' => 0x96,
            '—' => 0x97,
            '’' => 0x92,
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect()
}

/// UTF-8 text read as Windows-1252 and saved again as UTF-8.
fn mojibake(text: &str) -> Vec<u8> {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        out.push(match byte {
            0x80 => '€',
            0x93 => '“',
            0x94 => '”',
            0x99 => '™',
            0x9C => 'œ',
            // The rest of what `–`, `—` and `’` are made of reads as itself in Windows-1252.
            b => char::from(b),
        });
    }
    out.into_bytes()
}

/// The families, in the order the checks report them.
pub const ALL: &[Pathological] = &[
    Pathological {
        name: "date-lines",
        about: "lines of ` date 2024-01-10 ...`, an inline date prefix on every line (10^5 lines at 4 MiB)",
        build: |bytes| repeat("", " date 2024-01-10 Officials met again.\n", bytes).into_bytes(),
    },
    Pathological {
        name: "long-title",
        about: "one title line of the whole size above a date line",
        build: |bytes| {
            let mut text = repeat("", "Officials meet again on Sunday to discuss the budget ", bytes);
            text.push_str("\n\nSeptember 15, 2024\n\nThe talks ended.\n");
            text.into_bytes()
        },
    },
    Pathological {
        name: "one-line",
        about: "the whole file one line of sentences, no line break",
        build: |bytes| repeat("", SENTENCE, bytes).into_bytes(),
    },
    Pathological {
        name: "capitals",
        about: "one line of capital words, as a dateline's place would start, then a dash",
        build: |bytes| {
            let mut text = repeat("Port workers strike\n\nSeptember 15, 2024\n\n", "TEHRAN ", bytes);
            text.push_str("– Officials met.\n");
            text.into_bytes()
        },
    },
    Pathological {
        name: "nul-padding",
        about: "an article of half the size, then NUL bytes to the end, as a file preallocated and cut short",
        build: |bytes| {
            let mut file = repeat(HEADER, SENTENCE, bytes / 2).into_bytes();
            file.resize(bytes.max(file.len() + 1), 0);
            file
        },
    },
    Pathological {
        name: "nul-runs",
        about: "a NUL in every line past the first 8 KiB, each run removed with a warning",
        build: |bytes| repeat(&repeat(HEADER, "No NULs here yet.\n", 8192), "Officials\0 met.\n", bytes).into_bytes(),
    },
    Pathological {
        name: "stray-ff",
        about: "UTF-8 lines with a stray 0xFF byte in each, each replaced with U+FFFD",
        build: |bytes| {
            let line: &[u8] = b"Officials\xFF met \xE2\x80\x93 again.\n";
            let mut file = HEADER.as_bytes().to_vec();
            while file.len() < bytes {
                file.extend_from_slice(line);
            }
            file
        },
    },
    Pathological {
        name: "windows-1252",
        about: "a Windows-1252 file: dashes and quotes as single bytes on every line",
        build: |bytes| {
            windows_1252(&repeat(HEADER, "Officials met – again — on the city’s budget.\n\n", bytes + bytes / 7))
        },
    },
    Pathological {
        name: "mojibake",
        about: "UTF-8 read as Windows-1252 and saved again, on every line: repaired",
        build: |bytes| mojibake(&repeat(HEADER, "Officials met – again — on the city’s budget.\n\n", bytes)),
    },
    Pathological {
        name: "mid-file-boms",
        about: "a byte-order mark at the start of every line, each removed with a warning",
        build: |bytes| repeat(HEADER, "\u{feff}Officials met again.\n", bytes).into_bytes(),
    },
    Pathological {
        name: "utf16-no-bom",
        about: "UTF-16LE without a byte-order mark",
        build: |bytes| {
            let text = repeat(HEADER, "Officials met again.\n\n", bytes / 2 + 16);
            text.encode_utf16().flat_map(u16::to_le_bytes).collect()
        },
    },
    Pathological {
        name: "concatenated-articles",
        about: "articles with a title and a date line each, one after another in one file",
        build: |bytes| {
            let article =
                "Port workers strike over pay\n\nSeptember 15, 2024\n\nDock workers walked out on Sunday.\n\n";
            repeat("", article, bytes).into_bytes()
        },
    },
    Pathological {
        name: "full-width-date-lines",
        about: "a title, then date lines in full-width digits between blank lines",
        build: |bytes| repeat("Ferry service resumes\n\n", "２０２４-０９-１５ ２０：０９\n\n", bytes).into_bytes(),
    },
    Pathological {
        name: "zero-width",
        about: "titles and date lines behind runs of zero-width spaces, between blank lines",
        build: |bytes| {
            let gap = "\u{200b}".repeat(50);
            let unit = format!("{gap}Talks resume\n\n{gap}September 15, 2024\n\n");
            repeat("Port workers strike over pay\n\nSeptember 15, 2024\n\n", &unit, bytes).into_bytes()
        },
    },
    Pathological {
        name: "furniture-only",
        about: "a title and a date line, then only furniture lines",
        build: |bytes| {
            repeat("Council approves budget\n\nSeptember 15, 2024\n\n", "Leave a Comment\n", bytes).into_bytes()
        },
    },
    Pathological {
        name: "blank-lines",
        about: "a title, blank lines for the whole size, then a date line",
        build: |bytes| {
            let mut text = repeat("Port workers strike over pay\n", " \n", bytes);
            text.push_str("September 15, 2024\n\nThe talks ended.\n");
            text.into_bytes()
        },
    },
    Pathological {
        name: "short-lines",
        about: "lone short title-shaped lines between blank lines, each a subheading-to-be",
        build: |bytes| repeat(HEADER, "Talks resume in Tehran\n\n", bytes).into_bytes(),
    },
    Pathological {
        name: "html-references",
        about: "character references and tags on every line, each decoded or removed",
        build: |bytes| {
            repeat(HEADER, "<p>&quot;Officials&quot; met &#8220;again&#8221;&nbsp;&mdash; <b>today</b>.</p>\n", bytes)
                .into_bytes()
        },
    },
    Pathological {
        name: "credit-lines",
        about: "credit lines to the end of the file, each naming people not named before, all taken off",
        build: |bytes| {
            let mut text = String::from(HEADER);
            let mut n = 0u64;
            while text.len() < bytes {
                n += 1;
                // Letters for digits: a name of letters only, new each time.
                let tag: String = n.to_string().bytes().map(|d| char::from(b'a' + (d - b'0'))).collect();
                text.push_str(&format!("(Reporting by Ali Kaya{tag} and Sara Ahmadi{tag}; Editing by Jon Boyle)\n\n"));
            }
            text.into_bytes()
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_makes_files_of_the_size_asked() {
        for family in ALL {
            for bytes in [1 << 16, 1 << 20] {
                let file = family.build(bytes);
                assert!(
                    file.len() >= bytes && file.len() < bytes * 2,
                    "{}: {} bytes for {bytes}",
                    family.name,
                    file.len()
                );
            }
        }
    }
}
