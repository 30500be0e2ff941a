//! Site furniture the scraper left inside paragraphs: bylines, photo and wire credits,
//! sharing bars and newsletter promotions. Their names are no actors of the story and their
//! marks quote no one (the gold's conventions say so), so both are looked past.

use crate::input::Segment;

/// The furniture of an article: byte spans in the decoded file, and the names its bylines
/// give (`Follow Mariya Petkova on Twitter`), which are the author's wherever they appear.
#[derive(Debug, Default)]
pub(crate) struct Furniture {
    spans: Vec<(usize, usize)>,
    pub(crate) bylines: Vec<String>,
}

impl Furniture {
    /// Whether the file span `start..end` overlaps furniture.
    pub(crate) fn covers(&self, start: usize, end: usize) -> bool {
        self.spans.iter().any(|&(s, e)| start < e && s < end)
    }
}

/// Networks a sharing bar lists, compared in lower case.
const SHARING: &[&str] = &[
    "digg",
    "email",
    "facebook",
    "google",
    "google+",
    "linkedin",
    "newsvine",
    "permalink",
    "pinterest",
    "reddit",
    "stumble",
    "tumblr",
    "twitter",
    "whatsapp",
];

/// The furniture of `segments` (an article's title, headings and paragraphs).
pub(crate) fn find(segments: &[Segment<'_>]) -> Furniture {
    let mut furniture = Furniture::default();
    for segment in segments {
        let text = segment.text;
        let mut add = |start: usize, end: usize| furniture.spans.push((segment.offset + start, segment.offset + end));
        for (start, end) in sharing_bars(text) {
            add(start, end);
        }
        if let Some((start, end)) = trailing_credit(text) {
            add(start, end);
        }
        if let Some(at) = text.rfind("Source:") {
            let rest = &text[at..];
            if rest.split_whitespace().count() <= 7 {
                add(at, text.len());
            }
        }
        for (start, end) in
            sentences_with(text, &["contributed to this report", "newsletter", "do not necessarily reflect"])
        {
            add(start, end);
        }
        for at in text.match_indices(" / For ").map(|(at, _)| at) {
            // `Su Yang / For China Daily`: a photographer's name, a slash, the outlet.
            let start = name_before(text, at);
            let end = at + " / For ".len() + name_after(&text[at + " / For ".len()..]).0;
            add(start, end);
        }
        for (at, lead) in text.match_indices("Follow ").map(|(at, lead)| (at, lead.len())) {
            let (len, name) = name_after(&text[at + lead..]);
            let rest = &text[at + lead + len..];
            if !name.is_empty() && rest.starts_with(" on Twitter") {
                furniture.bylines.push(name.to_owned());
                let mut end = at + lead + len + " on Twitter".len();
                let rest = &text[end..];
                let trimmed = rest.trim_start();
                if let Some(handle) = trimmed.split_whitespace().next().filter(|word| word.contains('@')) {
                    end += rest.len() - trimmed.len() + handle.len();
                }
                furniture.spans.push((segment.offset + at, segment.offset + end));
            }
        }
        if let Some(at) = text.find("Author: ") {
            // `Author: Rachel Stewart, Mara Bierbach mb/rt`.
            let mut end = at + "Author: ".len();
            loop {
                let (len, name) = name_after(&text[end..]);
                if name.is_empty() {
                    break;
                }
                furniture.bylines.push(name.to_owned());
                end += len;
                match text[end..].strip_prefix(", ") {
                    Some(_) => end += 2,
                    None => break,
                }
            }
            furniture.spans.push((segment.offset + at, segment.offset + end));
        }
    }
    furniture.spans.sort_unstable();
    furniture
}

/// A run of three or more networks, with a `Send`/`Share` before it and a link after it.
fn sharing_bars(text: &str) -> Vec<(usize, usize)> {
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .collect();
    let mut bars = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let run = words[i..].iter().take_while(|(_, word)| SHARING.contains(&word.to_lowercase().as_str())).count();
        if run >= 3 {
            let first = if i > 0 && matches!(words[i - 1].1, "Send" | "Share") { i - 1 } else { i };
            let mut last = i + run - 1;
            if words.get(last + 1).is_some_and(|(_, word)| word.starts_with("http")) {
                last += 1;
            }
            bars.push((words[first].0, words[last].0 + words[last].1.len()));
            i += run;
        } else {
            i += 1;
        }
    }
    bars
}

/// Where a wire or photo credit in brackets that closes the paragraph starts and ends:
/// `... in the region. dm/sms (dpa, AFP)`, `(China Daily European Weekly 03/10/2017 page27)`.
fn trailing_credit(text: &str) -> Option<(usize, usize)> {
    let trimmed = text.trim_end().trim_end_matches([' ', '-']);
    let inner = trimmed.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let inside = &inner[open + 1..];
    let before = inner[..open].trim_end();
    // After a sentence, the desk's initials (`dm/sms`) or the writer's address.
    let after_a_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '\u{201d}', '-'])
        || before.rsplit(' ').next().is_some_and(|word| word.contains(['/', '@']));
    // A print credit carries its date: `(China Daily European Weekly 03/10/2017 page27)`.
    let dated = inside.split(' ').any(|word| word.split('/').filter(|part| part.parse::<u16>().is_ok()).count() == 3);
    ((after_a_sentence || dated)
        && !inside.contains('(')
        && !inside.contains(". ")
        && inside.split_whitespace().count() <= 8)
        .then_some((open, trimmed.len()))
}

/// The spans of the sentences of `text` that contain one of `phrases`, each to the end of
/// the paragraph when it is a promotion (`newsletter`), which closes the text.
fn sentences_with(text: &str, phrases: &[&str]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for phrase in phrases {
        for (at, _) in text.match_indices(phrase) {
            let start = sentence_start(&text[..at]);
            let end = if *phrase == "newsletter" {
                text.len()
            } else {
                text[at..].find('.').map_or(text.len(), |stop| at + stop + 1)
            };
            if end - at <= 400 {
                found.push((start, end));
            }
        }
    }
    found
}

/// Where the sentence that `text` ends in starts: after the last `.`, `!` or `?` (and the
/// closing marks after it) that a space follows.
fn sentence_start(text: &str) -> usize {
    let bytes = text.as_bytes();
    (1..bytes.len())
        .rev()
        .find(|&at| {
            bytes[at] == b' '
                && text[..at].trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']).ends_with(['.', '!', '?'])
        })
        .map_or(0, |at| at + 1)
}

/// Up to four capitalised words right before byte `at` of `text`: where they start.
fn name_before(text: &str, at: usize) -> usize {
    let mut start = at;
    for _ in 0..4 {
        let before = text[..start].trim_end();
        let word_start = before.rfind(' ').map_or(0, |space| space + 1);
        let word = &before[word_start..];
        if !word.starts_with(char::is_uppercase) || word.ends_with(['.', ',', ':', ';']) {
            break;
        }
        start = word_start;
    }
    start
}

/// Up to four capitalised words at the start of `text`, up to a comma or a stop: their
/// length in bytes and the name.
fn name_after(text: &str) -> (usize, &str) {
    let mut end = 0;
    let mut at = 0;
    for (count, piece) in text.split(' ').enumerate() {
        if count == 4 || !piece.starts_with(char::is_uppercase) {
            break;
        }
        let word = piece.trim_end_matches([',', ':', ';', '.']);
        end = at + word.len();
        if word.len() < piece.len() {
            break;
        }
        at += piece.len() + 1;
    }
    (end, &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_and_bylines(text: &str) -> (Vec<&str>, Vec<String>) {
        let article = dateline_parse::parse_article(text).expect("parses");
        let segments = crate::input::read(&article);
        let furniture = find(&segments);
        let spans = furniture.spans.iter().filter_map(|&(start, end)| text.get(start..end)).collect();
        (spans, furniture.bylines)
    }

    #[test]
    fn credits_bylines_and_sharing_bars_are_furniture() {
        let (spans, bylines) = spans_and_bylines(
            " date 2024-01-10 Dealers met in Nanjing. Su Yang / For China Daily  (China Daily European Weekly 03/10/2017 page27)\n\nIt ended well. Follow Mariya Petkova on Twitter:-@mkpetkova Source:-Al Jazeera News\n\nTalks go on. Send Facebook Twitter Google+ Whatsapp Tumblr Newsvine Permalink http://dw.com/p/2WoZM dm/sms (dpa, AFP)\n\nIt grew. Author: Rachel Stewart, Mara Bierbach mb/rt\n\nPolice arrived. \"We will go on.\" Jane Doe in Washington contributed to this report.\n\nhg/jd (dpa, AP, vovworld.vn) -",
        );
        for expected in [
            "Su Yang / For China Daily",
            "(China Daily European Weekly 03/10/2017 page27)",
            "Follow Mariya Petkova on Twitter:-@mkpetkova",
            "Source:-Al Jazeera News",
            "Send Facebook Twitter Google+ Whatsapp Tumblr Newsvine Permalink http://dw.com/p/2WoZM",
            "(dpa, AFP)",
            "(dpa, AP, vovworld.vn)",
            "Author: Rachel Stewart, Mara Bierbach",
            "Jane Doe in Washington contributed to this report.",
        ] {
            assert!(spans.contains(&expected), "{expected:?} not in {spans:?}");
        }
        assert_eq!(bylines, ["Mariya Petkova", "Rachel Stewart", "Mara Bierbach"]);
    }

    #[test]
    fn brackets_and_sources_inside_the_story_are_text() {
        let (spans, _) = spans_and_bylines(
            " date 2024-01-10 The party (the PKK) said so. Source: ONS, Department for Communities and Local Government, Land Registry and the banks said prices rose.",
        );
        assert!(spans.is_empty(), "{spans:?}");
    }
}
