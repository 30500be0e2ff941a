//! What the tests share: a tokenizer written for them, the real text they build corpora from,
//! a generator of story families, and the brute-force truth.

use std::collections::HashSet;

use chrono::NaiveDate;
use dateline_model::Span;
use dateline_reuse::{ReuseDoc, Scores, shingles};

/// One test document: its text and what the finder reads of it.
#[derive(Debug, Clone)]
pub(crate) struct TextDoc {
    pub(crate) text: String,
    pub(crate) doc: ReuseDoc,
}

/// Lower-cased runs of word characters (`\w+`), each paragraph (a block between blank lines)
/// its own segment: the tokenizer the brief allows until the term stream lands.
pub(crate) fn tokenize(path: &str, date: Option<NaiveDate>, text: &str) -> ReuseDoc {
    let mut doc = ReuseDoc::new(path, date);
    let mut paragraph = 0u32;
    let mut offset = 0;
    let mut seen_words = false;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if seen_words {
                paragraph += 1;
                seen_words = false;
            }
        } else {
            seen_words |= push_words(&mut doc, line, offset, paragraph);
        }
        offset += line.len();
    }
    doc
}

/// Pushes the words of `text` (which starts at byte `offset` of the file) as segment
/// `paragraph`; whether there were any.
pub(crate) fn push_words(doc: &mut ReuseDoc, text: &str, offset: usize, paragraph: u32) -> bool {
    let mut start = None;
    let mut any = false;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                doc.push(&text[s..i].to_lowercase(), Span::new(offset + s, offset + i), paragraph);
                start = None;
                any = true;
            }
            _ => {}
        }
    }
    any
}

pub(crate) fn text_doc(path: &str, date: Option<NaiveDate>, paragraphs: &[String]) -> TextDoc {
    let text = paragraphs.join("\n\n") + "\n";
    TextDoc { doc: tokenize(path, date, &text), text }
}

/// One speech of the committed real text.
#[derive(Debug, Clone)]
pub(crate) struct Speech {
    pub(crate) id: String,
    pub(crate) date: NaiveDate,
    pub(crate) paragraphs: Vec<String>,
}

/// The paragraphs of `tests/data/sotu-paragraphs.txt` (see its header), by speech.
pub(crate) fn speeches() -> Vec<Speech> {
    let text = include_str!("../data/sotu-paragraphs.txt");
    let mut out: Vec<Speech> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(header) = line.strip_prefix("@ ") {
            let (id, date) = header.split_once(' ').expect("@ ID DATE");
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a date");
            out.push(Speech { id: id.to_owned(), date, paragraphs: Vec::new() });
        } else {
            out.last_mut().expect("a speech first").paragraphs.push(line.to_owned());
        }
    }
    out
}

/// SplitMix64, for the generators: tests must not depend on another crate's random streams.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

/// Light editing: about one word in `every` replaced by another word of the text, dropped, or
/// doubled; punctuation and paragraphs kept.
pub(crate) fn edit(paragraph: &str, every: usize, rng: &mut Rng) -> String {
    let words: Vec<&str> = paragraph.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len() + 4);
    for (i, &word) in words.iter().enumerate() {
        if rng.below(every) == 0 {
            match rng.below(3) {
                0 => out.push(words[(i * 7 + 3) % words.len()]),
                1 => {}
                _ => out.extend([word, word]),
            }
        } else {
            out.push(word);
        }
    }
    out.join(" ")
}

/// What each generated document is, so tests can say which pairs must and must not appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    Original,
    Verbatim,
    LedeAddedTailCut,
    LightlyEdited,
    PartialReuse,
    /// Other paragraphs of the same speech: the same topic and voice, no shared passage.
    Distractor,
    /// Two paragraphs of each of two families, dated after both.
    Digest,
}

#[derive(Debug, Clone)]
pub(crate) struct Generated {
    pub(crate) docs: Vec<TextDoc>,
    /// Per document: its family (`None` for digests) and role.
    pub(crate) roles: Vec<(Option<usize>, Role)>,
}

/// Families of real text: each story is `story_len` consecutive paragraphs of one speech, with a
/// verbatim copy, a copy with a new lede and the tail cut, a lightly edited copy, an article
/// lifting two of its paragraphs into other text, and a distractor from the same speech; plus
/// `digests` round-ups quoting two families each. Paragraphs are never shared between stories,
/// ledes, filler and distractors, so any pair the brute force finds is one the design put there.
pub(crate) fn generate(families: usize, digests: usize, seed: u64) -> Generated {
    let speeches = speeches();
    let mut rng = Rng::new(seed);
    let story_len = 6;
    // Each family takes story_len + 3 (filler, lede) + 2 (distractor) paragraphs of one speech.
    let need = story_len + 5;
    let mut cursor: Vec<usize> = vec![0; speeches.len()];
    let mut docs = Vec::new();
    let mut roles = Vec::new();
    let mut stories: Vec<(Vec<String>, NaiveDate)> = Vec::new();
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");
    for family in 0..families {
        let s = (family + cursor.iter().sum::<usize>()) % speeches.len();
        let speech = (0..speeches.len())
            .map(|k| (s + k) % speeches.len())
            .find(|&k| cursor[k] + need <= speeches[k].paragraphs.len())
            .expect("the committed text holds enough paragraphs for the families asked");
        let p = &speeches[speech].paragraphs[cursor[speech]..cursor[speech] + need];
        cursor[speech] += need;
        let story: Vec<String> = p[..story_len].to_vec();
        let (lede, filler, distractor) = (&p[story_len], &p[story_len + 1..story_len + 3], &p[story_len + 3..]);
        let day = base + chrono::Days::new(rng.below(300) as u64);
        let later = |d: u64| Some(day + chrono::Days::new(d));
        let path = |kind: &str| format!("f{family:03}/{kind}.txt");
        let mut add = |doc: TextDoc, role: Role| {
            docs.push(doc);
            roles.push((Some(family), role));
        };
        add(text_doc(&path("original"), Some(day), &story), Role::Original);
        add(text_doc(&path("verbatim"), later(1), &story), Role::Verbatim);
        let keep = 3 + rng.below(2);
        let ledeed: Vec<String> = std::iter::once(lede.clone()).chain(story[..keep].iter().cloned()).collect();
        add(text_doc(&path("lede"), later(1 + rng.below(3) as u64), &ledeed), Role::LedeAddedTailCut);
        let every = 8 + rng.below(10);
        let edited: Vec<String> = story.iter().map(|para| edit(para, every, &mut rng)).collect();
        add(text_doc(&path("edited"), later(2), &edited), Role::LightlyEdited);
        // Two paragraphs lifted into other text about half as long: containment about 2/3.
        let lifted = 1 + rng.below(story_len - 2);
        let lifted_words: usize = story[lifted..lifted + 2].iter().map(|p| p.split(' ').count()).sum();
        let filler_words: Vec<&str> = filler.iter().flat_map(|p| p.split(' ')).take(lifted_words / 2).collect();
        let partial: Vec<String> =
            std::iter::once(filler_words.join(" ")).chain(story[lifted..lifted + 2].iter().cloned()).collect();
        add(text_doc(&path("partial"), later(3), &partial), Role::PartialReuse);
        add(text_doc(&path("distractor"), Some(day), distractor), Role::Distractor);
        stories.push((story, day));
    }
    for d in 0..digests {
        let (x, y) = (rng.below(families), rng.below(families));
        if x == y {
            continue;
        }
        let (sx, dx) = &stories[x];
        let (sy, dy) = &stories[y];
        let date = (*dx).max(*dy) + chrono::Days::new(5);
        let paragraphs = [sx[0].clone(), sx[1].clone(), sy[2].clone(), sy[3].clone()];
        docs.push(text_doc(&format!("digest{d:02}.txt"), Some(date), &paragraphs));
        roles.push((None, Role::Digest));
    }
    Generated { docs, roles }
}

/// The truth: every pair `(i, j)`, `i < j`, with its exact scores, computed with hash sets over
/// every pair of documents (another route than the finder's sorted merges).
pub(crate) fn brute_force(docs: &[ReuseDoc], n: usize, seed: u64) -> Vec<((usize, usize), Scores)> {
    let sets: Vec<HashSet<u64>> =
        docs.iter().map(|d| shingles(&d.tokens, n, seed).iter().map(|s| s.hash).collect()).collect();
    let mut out = Vec::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let shared = sets[i].intersection(&sets[j]).count();
            let scores = Scores { shared, a_shingles: sets[i].len(), b_shingles: sets[j].len() };
            out.push(((i, j), scores));
        }
    }
    out
}

/// The folded words of the tokens inside `span`.
pub(crate) fn words_in(doc: &TextDoc, span: Span) -> Vec<String> {
    doc.doc
        .tokens
        .iter()
        .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
        .map(|t| doc.text[t.span.start..t.span.end].to_lowercase())
        .collect()
}
