//! Direct quotations and who speaks them.
//!
//! Marks are paired per paragraph: curly ones by their direction, straight ones by what
//! stands on each side (a mark between two letters is an apostrophe the scraper damaged,
//! `wasn"t`, never a quote mark). A quotation still open at the end of its paragraph runs
//! into the next when that one opens with a mark, as news style writes a long quotation;
//! otherwise the missing mark is put back at the paragraph's end.

use dateline_model::{Article, Span};
use serde::{Deserialize, Serialize};

use crate::extract::SPEECH_VERBS;
use crate::input::{self, Segment};
use crate::{Actor, ActorType};

/// How a quotation sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A quotation standing as its own clause: `"...," he said`, `He said: "..."`.
    Direct,
    /// A quotation woven into the writer's sentence: `he said "the more a state ..."`.
    Mixed,
}

/// A direct quotation of four or more words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The name of the actor of the article who speaks, or `None` when the text does not say.
    pub speaker: Option<String>,
    /// The words inside the marks (paragraphs it runs across joined by a space), without a
    /// trailing `, . ; :`.
    pub text: String,
    /// From the first quoted byte to the last, in the decoded file.
    pub span: Span,
    /// The verb that attributes it (`said`, `told`, `according to`), when there is one.
    pub cue: Option<String>,
    /// Direct or mixed.
    pub kind: QuoteKind,
}

/// Fewer words than this between marks are a scare quote or a title, not a quotation.
const MIN_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
}

/// The quote marks of `text`: byte offset, length and direction.
fn marks(text: &str) -> Vec<(usize, usize, Mark)> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let mark = match c {
            '\u{201c}' | '\u{ab}' | '\u{201e}' => Some(Mark::Open),
            '\u{201d}' | '\u{bb}' => Some(Mark::Close),
            '"' => {
                let letter_before = previous.is_some_and(char::is_alphanumeric);
                let letter_after = next.is_some_and(char::is_alphanumeric);
                if letter_before && letter_after {
                    None
                } else if previous.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(p)) {
                    Some(Mark::Open)
                } else {
                    Some(Mark::Close)
                }
            }
            _ => None,
        };
        if let Some(mark) = mark {
            found.push((at, c.len_utf8(), mark));
        }
        previous = Some(c);
    }
    found
}

/// A quotation's stretches of text: (segment index, start, end) in segment bytes, where its
/// opening mark starts and where its closing mark ends (segment index, byte).
#[derive(Debug)]
struct Raw {
    pieces: Vec<(usize, usize, usize)>,
    open: (usize, usize),
    close: (usize, usize),
}

fn pair(paragraphs: &[Segment<'_>]) -> Vec<Raw> {
    let mut raws = Vec::new();
    // A quotation left open by the previous paragraph.
    let mut carried: Option<Raw> = None;
    for (index, segment) in paragraphs.iter().enumerate() {
        let text = segment.text;
        let found = marks(text);
        let mut open_mark = 0;
        let mut open: Option<usize> = None;
        let mut rest = found.as_slice();
        if let Some(raw) = carried.take() {
            match found.first() {
                Some(&(at, len, Mark::Open)) if text[..at].trim().is_empty() => {
                    // The quotation goes on in this paragraph.
                    let mut raw = raw;
                    raw.pieces.push((index, at + len, at + len));
                    carried = Some(raw);
                    open = Some(at + len);
                    rest = &found[1..];
                }
                _ => raws.push(raw),
            }
        }
        for &(at, len, mark) in rest {
            match (open, mark) {
                (None, Mark::Open) => {
                    open = Some(at + len);
                    open_mark = at;
                }
                (Some(start), Mark::Close) => {
                    let raw = carried.take().map_or_else(
                        || Raw { pieces: vec![(index, start, at)], open: (index, open_mark), close: (index, at + len) },
                        |mut raw| {
                            if let Some(last) = raw.pieces.last_mut() {
                                last.2 = at;
                            }
                            raw.close = (index, at + len);
                            raw
                        },
                    );
                    raws.push(raw);
                    open = None;
                }
                // A second opening mark: the first lost its closing one; start again here.
                (Some(_), Mark::Open) => {
                    carried = None;
                    open = Some(at + len);
                    open_mark = at;
                }
                // A closing mark with none open before it in the paragraph: the opening one was
                // lost, and the quotation starts with the paragraph.
                (None, Mark::Close) => {
                    if raws.last().is_none_or(|raw: &Raw| raw.close.0 != index) {
                        let start = text.len() - text.trim_start().len();
                        raws.push(Raw {
                            pieces: vec![(index, start, at)],
                            open: (index, start),
                            close: (index, at + len),
                        });
                    }
                }
            }
        }
        if let Some(start) = open {
            let end = text.trim_end().len();
            match carried.as_mut() {
                Some(raw) => {
                    if let Some(last) = raw.pieces.last_mut() {
                        last.2 = end;
                    }
                    raw.close = (index, end);
                }
                None => {
                    let pieces = vec![(index, start, end)];
                    carried = Some(Raw { pieces, open: (index, open_mark), close: (index, end) });
                }
            }
        } else if let Some(raw) = carried.take() {
            raws.push(raw);
        }
    }
    raws.extend(carried);
    raws
}

/// An actor's mention: byte span in the file and the actor's index.
type Mentions = Vec<(usize, usize, usize)>;

/// The direct quotations of `article` with their speakers among `actors` (what
/// [`extract`](crate::extract) found in the same article), in reading order.
#[must_use]
pub fn quotes(article: &Article, actors: &[Actor]) -> Vec<Quote> {
    let paragraphs: Vec<Segment<'_>> = input::read(article).into_iter().filter(|s| s.paragraph.is_some()).collect();
    let mut mentions: Mentions = actors
        .iter()
        .enumerate()
        .flat_map(|(index, actor)| actor.mentions.iter().map(move |span| (span.start, span.end, index)))
        .collect();
    mentions.sort_unstable();
    let genders = genders(&paragraphs, &mentions, actors);
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, Option<usize>)> = None;
    let mut last_end: usize = 0;
    for raw in pair(&paragraphs) {
        let mut text = String::new();
        for &(index, start, end) in &raw.pieces {
            let piece = paragraphs[index].text.get(start..end).unwrap_or("").trim();
            if !text.is_empty() && !piece.is_empty() {
                text.push(' ');
            }
            text.push_str(piece);
        }
        let text = text.trim_end_matches([',', '.', ';', ':', ' ']).trim_start().to_owned();
        if text.split_whitespace().count() < MIN_WORDS {
            continue;
        }
        let (first, last) = (raw.pieces[0], raw.pieces[raw.pieces.len() - 1]);
        let span = Span::new(paragraphs[first.0].offset + first.1, paragraphs[last.0].offset + last.2);
        let open_segment = &paragraphs[raw.open.0];
        let before_open = open_segment.text.get(..raw.open.1).unwrap_or("").trim_end();
        let kind =
            if before_open.ends_with(|c: char| c.is_alphabetic()) { QuoteKind::Mixed } else { QuoteKind::Direct };
        let attribution = attribute(&paragraphs, &raw, &mentions, actors, &genders);
        let (speaker, cue) = match attribution {
            Some((speaker, cue)) => (speaker, Some(cue)),
            // No cue: a quotation that follows another closely goes on in the same voice.
            // No cue: a person named since the last quotation has the floor; else the last
            // speaker goes on; else the nearest person before.
            None => {
                let quote_start = span.start;
                let since = last_end;
                let person_before = |after: usize| {
                    mentions
                        .iter()
                        .rev()
                        .find(|(start, _, index)| {
                            *start < quote_start && *start >= after && actors[*index].kind == ActorType::Person
                        })
                        .map(|(_, _, index)| *index)
                };
                let previous = last_speaker.and_then(|(_, speaker)| speaker);
                // The same sentence as the last quotation: the same voice (`argued that "..."
                // of Trump's "..."`).
                let same_sentence = last_speaker.is_some_and(|(paragraph, _)| paragraph == raw.open.0)
                    && open_segment
                        .text
                        .get(last_end.saturating_sub(open_segment.offset)..raw.open.1)
                        .is_some_and(|between| sentence_end(between).is_none() && !between.contains(". "));
                if same_sentence {
                    (previous, None)
                } else {
                    (person_before(since).or(previous).or_else(|| person_before(0)), None)
                }
            }
        };
        last_speaker = Some((raw.close.0, speaker));
        last_end = span.end;
        out.push(Quote { speaker: speaker.map(|index| actors[index].name.clone()), text, span, cue, kind });
    }
    out
}

/// Each person's gender as the article's pronouns tell it: the first `he`/`his`/`him` or
/// `she`/`her` within a few words after a mention votes for that person.
fn genders(paragraphs: &[Segment<'_>], mentions: &Mentions, actors: &[Actor]) -> Vec<Option<bool>> {
    let mut votes = vec![(0u32, 0u32); actors.len()];
    for segment in paragraphs {
        let mut last: Option<(usize, usize)> = None;
        for (position, word) in segment.words.iter().enumerate() {
            let at = segment.offset + word.start;
            if let Ok(found) = mentions.binary_search_by(|(start, _, _)| start.cmp(&at)) {
                let index = mentions[found].2;
                if actors[index].kind == ActorType::Person {
                    last = Some((index, position));
                }
                continue;
            }
            let Some((index, from)) = last else { continue };
            if position - from > 15 {
                last = None;
                continue;
            }
            match word.text {
                "he" | "He" | "his" | "His" | "him" => votes[index].0 += 1,
                "she" | "She" | "her" | "Her" | "hers" => votes[index].1 += 1,
                _ => continue,
            }
            last = None;
        }
    }
    votes.into_iter().map(|(male, female)| (male != female).then_some(male > female)).collect()
}

/// Words that attribute a quotation.
fn is_cue(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
        || matches!(
            word,
            "according"
                | "acknowledged"
                | "admitted"
                | "agreed"
                | "alleged"
                | "cautioned"
                | "complained"
                | "conceded"
                | "countered"
                | "demanded"
                | "exclaimed"
                | "joked"
                | "maintained"
                | "observed"
                | "posted"
                | "predicted"
                | "promised"
                | "quoted"
                | "reiterated"
                | "responded"
                | "say"
                | "saying"
                | "tell"
                | "testified"
                | "urged"
                | "vowed"
                | "writes"
        )
}

/// Words that stand for a speaker already named.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "its", "He", "She", "They", "It", "Its"];

/// The speaker (an actor's index, or `None` when the cue names no actor) and the cue of a
/// quotation, from the clause after its closing mark or, failing that, before its opening one.
fn attribute(
    paragraphs: &[Segment<'_>],
    raw: &Raw,
    mentions: &Mentions,
    actors: &[Actor],
    genders: &[Option<bool>],
) -> Option<(Option<usize>, String)> {
    let close_segment = &paragraphs[raw.close.0];
    let after_text = close_segment.text.get(raw.close.1..).unwrap_or("");
    // The clause after: up to the next quotation or the end of the sentence.
    let after_end = after_text.find(['"', '\u{201c}', '\u{201d}']).unwrap_or(after_text.len());
    let after_end = sentence_end(&after_text[..after_end]).unwrap_or(after_end);
    let after = (close_segment.offset + raw.close.1, &after_text[..after_end]);
    if let Some(found) = clause(after, true, mentions, actors, genders, raw, paragraphs) {
        return Some(found);
    }
    let open_segment = &paragraphs[raw.open.0];
    let before_text = open_segment.text.get(..raw.open.1).unwrap_or("");
    // After the last closing mark before it (marks are one to three bytes long).
    let from = before_text
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '"' | '\u{201d}'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let from = before_text[from..].rfind(". ").map_or(from, |at| from + at + 2);
    let before = (open_segment.offset + from, &before_text[from..]);
    clause(before, false, mentions, actors, genders, raw, paragraphs)
}

fn sentence_end(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(at, c)| matches!(c, '.' | '!' | '?') && text[at + 1..].starts_with(' '))
        .map(|(at, _)| at)
}

/// Looks for a cue verb in a clause (file offset of its first byte, its text) and the actor it
/// names.
fn clause(
    (offset, text): (usize, &str),
    after: bool,
    mentions: &Mentions,
    actors: &[Actor],
    genders: &[Option<bool>],
    raw: &Raw,
    paragraphs: &[Segment<'_>],
) -> Option<(Option<usize>, String)> {
    let words: Vec<(usize, &str)> = text
        .split_inclusive(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some((start, piece.trim_end_matches(|c: char| !c.is_alphanumeric())))
        })
        .filter(|(_, word)| !word.is_empty())
        .collect();
    // Only the first words after a quotation attribute it (`"...," he said`), and the last
    // ones before it (`He said: "..."`).
    // (An apposition may stand between: `"...," Kimberly Ritter, director for development for
    // Exchange Initiative, tells CNN.`)
    let window: Vec<(usize, &str)> = if after { words.iter().take(14).copied().collect() } else { words.clone() };
    let colon = !after && text.trim_end().ends_with(':');
    let cue_at = window.iter().position(|(_, word)| is_cue(word));
    if cue_at.is_none() && !colon {
        return None;
    }
    let cue = cue_at.map_or_else(
        || "said".to_owned(),
        |at| if window[at].1 == "according" { "according to".to_owned() } else { window[at].1.to_owned() },
    );
    let cue_offset = cue_at.map_or(offset + text.len(), |at| offset + window[at].0);
    // Who is told is not who speaks: `told Al Jazeera`.
    let told = cue_at.is_some_and(|at| matches!(window[at].1, "told" | "tells" | "tell"));
    let cue_end = cue_at.map_or(cue_offset, |at| cue_offset + window[at].1.len());
    // After a quotation the speaker stands before the cue or right after it (`said Lavrov`,
    // not `said, referring to Russia`); places do not speak.
    let pronoun_first = window.iter().take(cue_at.unwrap_or(window.len())).any(|(_, word)| PRONOUNS.contains(word));
    let in_clause: Vec<&(usize, usize, usize)> = mentions
        .iter()
        .filter(|(start, end, _)| *start >= offset && *end <= offset + text.len())
        .filter(|(start, _, _)| !(told && *start > cue_offset))
        .filter(|(start, _, _)| !(after && *start > cue_end + 12))
        .filter(|(start, _, _)| !(pronoun_first && *start > cue_offset))
        .filter(|(_, _, index)| actors[*index].kind != ActorType::Place)
        .collect();
    // The nearest named actor to the cue in the clause, a person before anything else.
    let named = in_clause
        .iter()
        .min_by_key(|(start, _, index)| (actors[*index].kind != ActorType::Person, start.abs_diff(cue_offset)))
        .map(|(_, _, index)| *index);
    if let Some(index) = named {
        return Some((Some(index), cue));
    }
    // A pronoun or a role: the nearest fitting actor before the quotation.
    let quote_start = paragraphs[raw.open.0].offset + raw.open.1;
    let lower = text.to_lowercase();
    let role = actors
        .iter()
        .enumerate()
        .filter(|(_, actor)| actor.kind == ActorType::Person)
        .find(|(_, actor)| {
            actor.roles.iter().any(|role| {
                let role = role.to_lowercase();
                lower.contains(&format!("the {role}"))
                    || role.split(' ').next_back().is_some_and(|noun| lower.contains(&format!("the {noun} ")))
            })
        })
        .map(|(index, _)| index);
    if role.is_some() {
        return Some((role, cue));
    }
    let pronoun = window.iter().find(|(_, word)| PRONOUNS.contains(word)).map(|(_, word)| word.to_lowercase());
    let statement = ["statement", "ministry", "spokesman", "spokeswoman", "spokesperson", "company", "office"]
        .iter()
        .any(|word| lower.contains(word));
    let wanted = match pronoun.as_deref() {
        Some("they" | "it" | "its") => Some(ActorType::Organization),
        None if statement => Some(ActorType::Organization),
        Some(_) => Some(ActorType::Person),
        None => words.iter().any(|(_, word)| input::is_role(word)).then_some(ActorType::Person),
    };
    // `he` is no woman the article calls `she`, and the other way round.
    let male = match pronoun.as_deref() {
        Some("he") => Some(true),
        Some("she") => Some(false),
        _ => None,
    };
    let fits = |index: usize| male.is_none() || genders[index].is_none() || genders[index] == male;
    let resolved = wanted.and_then(|kind| {
        mentions
            .iter()
            .rev()
            .find(|(start, _, index)| *start < quote_start && actors[*index].kind == kind && fits(*index))
            .map(|(_, _, index)| *index)
    });
    Some((resolved, cue))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Option<String>, String, QuoteKind)> {
        let article = dateline_parse::parse_article(text).expect("parses");
        let actors = crate::extract(&article);
        quotes(&article, &actors).into_iter().map(|q| (q.speaker, q.text, q.kind)).collect()
    }

    #[test]
    fn cue_after_with_a_name() {
        let got = found(" date 2024-01-10 \"We will keep talking to them,\" Sergey Lavrov said.");
        assert_eq!(got, [(Some("Sergey Lavrov".into()), "We will keep talking to them".into(), QuoteKind::Direct)]);
    }

    #[test]
    fn pronouns_resolve_to_the_nearest_person_never_he() {
        let got = found(
            " date 2024-01-10 Sergey Lavrov met envoys in Moscow.\n\n\u{201c}We will keep talking to them,\u{201d} he said.",
        );
        assert_eq!(got[0].0.as_deref(), Some("Sergey Lavrov"));
    }

    #[test]
    fn colon_and_cue_before() {
        let got = found(" date 2024-01-10 Sergey Lavrov told reporters: \"Russia desires peace in the region.\"");
        assert_eq!(got[0].0.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(got[0].1, "Russia desires peace in the region");
    }

    #[test]
    fn apostrophes_are_never_marks_and_short_quotes_are_skipped() {
        let got = found(" date 2024-01-10 The States' envoy wasn\"t there, calling it \"unhindered access\" today.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_unclosed_quote_runs_into_the_next_paragraph() {
        let got = found(
            " date 2024-01-10 Sergey Lavrov said: \"We want peace in the region.\n\n\"And we want an end to the war.\"",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "We want peace in the region. And we want an end to the war");
    }

    #[test]
    fn mixed_quotes_and_no_speaker() {
        let got = found(" date 2024-01-10 The report said \"the more a state spends the less it gets\" in the end.");
        assert_eq!(got, [(None, "the more a state spends the less it gets".into(), QuoteKind::Mixed)]);
    }
}
