//! Article-shaped text and bytes with no promise beyond the invariants: the inputs of laws
//! that must hold on anything (no panic, spans valid, strict agreeing with lenient).
//!
//! Mostly article-shaped (titles, date lines in every documented style, datelines, `=====`
//! breaks, subheadings, hard-wrapped and indented paragraphs, furniture, NBSP, tabs, unicode
//! dashes and quotes), mixed with line soups of the same pieces and arbitrary strings, so the
//! laws meet realistic structure and not only noise.

use proptest::prelude::*;
use proptest::sample::select;

use super::articles::{BYLINES, CREDITS, FURNITURE};

const WORDS: &[&str] = &[
    "By",
    "BY",
    "JOHN",
    "Tags:",
    "©",
    "COPYRIGHT",
    "20:09",
    "pm",
    "at",
    "Share",
    "this",
    "(Xinhua)",
    "Tehran",
    "Moscow",
    "officials",
    "met",
    "on",
    "Sunday",
    "said",
    "the",
    "talks",
    "of",
    "in",
    "and",
    "a",
    "to",
    "Iran’s",
    "“ready”",
    "'unhindered",
    "access'",
    "–",
    "—",
    "-",
    "U.S.",
    "NATO",
    "café",
    "naïve",
    "Gaza",
    "aid",
    "2024",
    "20:9",
    "Sept.",
    "30",
    "(Reuters)",
    "(AP)",
    "date",
    "Leave",
    "Comment",
    "=====",
    "…",
    "é",
    "🙂",
    "日本",
    "Ministers",
    "Caspian",
    "Sea",
    "week",
    "«quoted»",
    "he",
    "she",
    "TEHRAN",
    "NEW",
    "YORK",
    "Feb",
    "26",
    "2024-09-15",
    "Published:",
    "share",
    "&quot;",
    "<br>",
    "&amp;",
    "(Reporting",
    "Staff",
    "Reporter",
    "۱۴۰۳",
    "Farvardin",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", " ", "\u{a0}", "\t", "  "];

fn word() -> impl Strategy<Value = &'static str> {
    select(WORDS)
}

/// `count` words joined by ordinary and odd white space.
fn words(count: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec((word(), select(SEPARATORS)), count).prop_map(|parts| {
        let mut out = String::new();
        for (i, (word, sep)) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(word);
        }
        out
    })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A sentence-like line: words, usually ending in punctuation.
fn sentence() -> impl Strategy<Value = String> {
    (words(1..14), select(&["", ".", ".", ".", ",", "?", "!", ":", "…", ".”", "’", ";"][..]))
        .prop_map(|(words, end)| capitalised(&words) + end)
}

/// A short line with no terminal punctuation: a title or subheading.
fn short_line() -> impl Strategy<Value = String> {
    words(1..7).prop_map(|w| capitalised(&w))
}

fn blank_line() -> impl Strategy<Value = String> {
    select(&["", "", "", " ", "\t", "\u{a0}", "  \t"][..]).prop_map(str::to_owned)
}

fn indent() -> impl Strategy<Value = &'static str> {
    select(&["", "", "", "", " ", "\t", "\u{a0}", "   "][..])
}

/// A paragraph of one to four hard-wrapped lines, any of which may be indented.
fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::bool::weighted(0.15), indent(), sentence()), 1..5).prop_map(|lines| {
        lines
            .into_iter()
            .enumerate()
            .map(|(i, (indent_it, indent, line))| if i == 0 || indent_it { format!("{indent}{line}") } else { line })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

const MONTHS: &[(&str, &str)] = &[
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", "May"),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
];

/// The date (and time) text of a date line, in one of the documented styles. Mostly real
/// dates; sometimes the 29th to 31st of a short month, or an hour of 24.
fn date_text() -> impl Strategy<Value = String> {
    (
        1990i32..2031,
        1usize..=12,
        prop_oneof![9 => 1u32..=28, 1 => 29u32..=31],
        0usize..12,
        (0u32..=24, 0u32..60, 0usize..9),
    )
        .prop_map(|(y, m, d, style, (hour, minute, time_style))| {
            let (full, abbr) = MONTHS[m - 1];
            let date = match style {
                0 => format!("{full} {d}, {y}"),
                1 => format!("{abbr}. {d}, {y}"),
                2 => format!("{abbr} {d}, {y}"),
                3 => format!("{d} {full} {y}"),
                4 => format!("{y}-{m:02}-{d:02}"),
                5 => format!("Sunday, {full} {d}, {y}"),
                6 => format!("{y}/{m:02}/{d:02}"),
                7 => format!("{d:02}.{m:02}.{y}"),
                8 => format!("{d}/{m}/{y}"),
                9 => format!("{m}/{d}/{y}"),
                10 => format!("{}/{m:02}/{d:02}", y - 621),
                _ => format!("{full} {d}th, {y}"),
            };
            let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
            let pm = if hour >= 12 { "pm" } else { "am" };
            let time = match time_style {
                0 | 1 => String::new(),
                2 => format!(" - {hour}:{minute}"),
                3 => format!(" – {hour:02}:{minute:02}"),
                4 => format!(" — {hour:02}:{minute:02} GMT"),
                5 => format!(", {twelve}:{minute:02} {pm}"),
                6 => format!(" {twelve} {}", pm.to_uppercase()),
                7 => return format!("{twelve}:{minute:02} {pm} {date}"),
                _ => format!(" at {hour}:{minute:02}"),
            };
            date + &time
        })
}

/// A header date line, sometimes labelled or indented, sometimes with its update.
fn date_line() -> impl Strategy<Value = String> {
    (
        select(&["", "", "", "Published: ", "Posted on ", "  ", "Tuesday, "][..]),
        date_text(),
        select(&["", "", " ", "\t"][..]),
        prop::option::weighted(0.2, (select(&[" | Updated: ", "\nUpdated: ", "\nLast modified on "][..]), date_text())),
    )
        .prop_map(|(label, date, trailing, updated)| {
            let updated = updated.map_or_else(String::new, |(sep, date)| format!("{sep}{date}"));
            format!("{label}{date}{trailing}{updated}")
        })
}

fn dateline_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "TEHRAN – ",
                "NEW YORK, Feb 26 - ",
                "MOSCOW, Sept 30 (Reuters) - ",
                "WASHINGTON (AP) — ",
                "WASHINGTON (AP)—",
                "SAN FRANCISCO, Calif. (AP) — ",
                "BEIJING, Sept. 30, 2024 (Xinhua) -- ",
                "LONDON, Feb 30 - ",
                "PARIS, 2 March 2024 – ",
                "KYIV, Ukraine, Feb 31, 2024 (Reuters) - ",
                "U.S. – ",
                "London, March 3 (Reuters) - ",
                "Lviv, Ukraine — ",
                "KARACHI: ",
                "Mashhad, IRNA -- ",
                "(UPI) -- ",
                "(CNN)",
                "March 3 (Reuters) - ",
                "MOSCOW, March 20. /TASS/.-",
                "Islamabad, Pakistan --",
                "BANGALORE (India), February 17. /TASS/. ",
                "Singapore - ",
                "MUMBAI (PTI) ",
            ][..]
        )
        .prop_map(str::to_owned),
        ("[A-Z][A-Z.'’&-]{1,10}( [A-Z]{2,8})?", select(&[" – ", " — ", " - ", "—", " -- "][..]))
            .prop_map(|(place, dash)| place + dash),
    ]
}

fn break_line() -> impl Strategy<Value = String> {
    (select(&["", "", " "][..]), 5usize..9, prop::option::of(short_line()), prop::bool::ANY).prop_map(
        |(lead, run, heading, closing)| {
            let mut line = format!("{lead}{}", "=".repeat(run));
            if let Some(heading) = heading {
                line.push_str(&heading);
                if closing {
                    line.push_str(" =====");
                }
            }
            line
        },
    )
}

/// The furniture [`articles`](super::articles) writes, and lines it reads only odd ways.
fn furniture() -> impl Strategy<Value = String> {
    prop_oneof![
        select(FURNITURE),
        select(&["Tags:", "  LEAVE A COMMENT  ", "COPYRIGHT Tehran Times", "Sponsored"][..]),
    ]
    .prop_map(str::to_owned)
}

fn byline() -> impl Strategy<Value = String> {
    prop_oneof![
        select(BYLINES).prop_map(|byline| byline.text.to_owned()),
        short_line().prop_map(|name| format!("By {name}")),
    ]
}

/// One body block: a paragraph (most often), a subheading, a section break or a stray line.
fn body_block() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => paragraph(),
        2 => short_line(),
        2 => break_line(),
        1 => furniture(),
        1 => date_line(),
        1 => byline(),
        1 => "[^\n\r]{0,30}",
    ]
}

/// A credit line closing the body.
fn credit_line() -> impl Strategy<Value = String> {
    select(CREDITS).prop_map(|credit| credit.text.to_owned())
}

/// One to three blank lines.
fn gap() -> impl Strategy<Value = String> {
    prop_oneof![6 => Just(String::from("\n\n")), 1 => blank_line().prop_map(|b| format!("\n{b}\n")), 1 => Just(String::from("\n\n\n"))]
}

/// How the date is given: not at all, on a header line, or as an inline prefix.
#[derive(Debug, Clone)]
enum DateSlot {
    None,
    Header(String),
    Inline(String),
}

fn date_slot() -> impl Strategy<Value = DateSlot> {
    prop_oneof![
        1 => Just(DateSlot::None),
        3 => date_line().prop_map(DateSlot::Header),
        2 => (select(&["date", " date", "Date:", "  date"][..]), date_text())
            .prop_map(|(word, date)| DateSlot::Inline(format!("{word} {date} "))),
    ]
}

/// Text laid out the way scraped articles are: title, date, lead with dateline, body, furniture.
fn structured_article() -> impl Strategy<Value = String> {
    (
        (prop::collection::vec(blank_line(), 0..2), prop::option::weighted(0.6, short_line()), date_slot()),
        (prop::option::weighted(0.15, (byline(), gap())), prop::option::weighted(0.4, dateline_prefix()), paragraph()),
        (prop::collection::vec((gap(), body_block()), 0..8), prop::option::weighted(0.15, credit_line())),
        prop::collection::vec(furniture(), 0..3),
        select(&["", "\n", "\n", "\n\n", "\n \n"][..]),
    )
        .prop_map(|((leading, title, date), (byline, dateline, lead), (body, credit), furniture, trailing)| {
            let mut text = String::new();
            for blank in leading {
                text.push_str(&blank);
                text.push('\n');
            }
            if let Some(title) = title {
                text.push_str(&title);
                text.push_str("\n\n");
            }
            match date {
                DateSlot::None => {}
                DateSlot::Header(line) => {
                    text.push_str(&line);
                    text.push_str("\n\n");
                }
                DateSlot::Inline(prefix) => text.push_str(&prefix),
            }
            if let Some((byline, gap)) = byline {
                text.push_str(&byline);
                text.push_str(&gap);
            }
            text.push_str(dateline.as_deref().unwrap_or(""));
            text.push_str(&lead);
            for (gap, block) in body {
                text.push_str(&gap);
                text.push_str(&block);
            }
            if let Some(credit) = credit {
                text.push_str("\n\n");
                text.push_str(&credit);
            }
            for line in furniture {
                text.push_str("\n\n");
                text.push_str(&line);
            }
            text.push_str(trailing);
            text
        })
}

/// Article pieces in any order, one per line.
fn line_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => sentence(),
            2 => blank_line(),
            1 => short_line(),
            1 => date_line(),
            1 => date_slot().prop_map(|slot| match slot {
                DateSlot::Inline(prefix) => prefix + "Body",
                DateSlot::Header(line) => line,
                DateSlot::None => String::new(),
            }),
            1 => (dateline_prefix(), sentence()).prop_map(|(d, s)| d + &s),
            1 => break_line(),
            1 => furniture(),
            1 => "\\PC{0,20}",
        ],
        0..16,
    )
    .prop_map(|lines| lines.join("\n"))
}

/// Any text: mostly article-shaped ([`articles`](super::articles), and looser: a title, a date line in any documented style or an
/// inline prefix, a byline, a lead with a dateline, paragraphs, breaks, subheadings, stray
/// date lines and bylines, credits and furniture, odd white space), sometimes lines of those
/// pieces in any order, sometimes arbitrary strings. Nothing is promised about what the text
/// parses to: this is the input of laws that hold on anything, such as
/// [`check_text`](super::check_text).
pub fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => super::articles().prop_map(|(text, _)| text),
        6 => structured_article(),
        3 => line_soup(),
        1 => any::<String>(),
        1 => "[ \t\u{a0}\r\n=a-zA-Z0-9:,.–—&;<>/#-]{0,60}",
    ]
}

/// Bytes as files hold them: [`texts`] (perhaps with a byte-order mark, CRLF or CR endings,
/// in UTF-16, with stray bytes anywhere) or arbitrary bytes: the input of laws that hold on
/// any file, such as [`check_invariants`](super::check_invariants).
pub fn files() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (texts(), 0usize..6, prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)).prop_map(
            |(text, encoding, stray)| {
                let mut bytes = match encoding {
                    0 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                    1 => text.replace('\n', "\r\n").into_bytes(),
                    2 => text.replace('\n', "\r").into_bytes(),
                    3 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
                    4 => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
                    _ => text.into_bytes(),
                };
                for (at, byte) in stray {
                    let at = at.index(bytes.len() + 1);
                    bytes.insert(at, byte);
                }
                bytes
            }
        ),
        1 => prop::collection::vec(any::<u8>(), 0..300),
    ]
}
