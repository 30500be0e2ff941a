//! Laws over random small corpora of real text: reported scores equal the brute force's, results
//! do not depend on the thread count or the order of the documents, and passages lie on the
//! text with matching ends.

use std::collections::{BTreeMap, BTreeSet};

use dateline_reuse::{ReuseDoc, ReuseFinder, ReuseOptions, ReuseReport};
use proptest::prelude::*;

use crate::support::{Rng, Speech, TextDoc, brute_force, edit, speeches, text_doc, words_in};

/// A corpus of `size` documents: each either fresh paragraphs of a speech, or made from an
/// earlier document by copying, editing, adding a lede, cutting the tail, or lifting two
/// paragraphs into fresh text. Dates follow the speech's, some documents undated.
fn corpus(seed: u64, size: usize) -> Vec<TextDoc> {
    let speeches: Vec<Speech> = speeches();
    let mut rng = Rng::new(seed);
    let mut made: Vec<Vec<String>> = Vec::new();
    let mut out = Vec::new();
    let fresh = |rng: &mut Rng, count: usize| -> Vec<String> {
        let speech = &speeches[rng.below(speeches.len())];
        let start = rng.below(speech.paragraphs.len() - count);
        speech.paragraphs[start..start + count].to_vec()
    };
    for i in 0..size {
        let paragraphs = if made.is_empty() || rng.below(3) == 0 {
            let count = 1 + rng.below(5);
            fresh(&mut rng, count)
        } else {
            let source = made[rng.below(made.len())].clone();
            match rng.below(5) {
                0 => source,
                1 => source.iter().map(|p| edit(p, 6 + rng.below(12), &mut rng)).collect(),
                2 => fresh(&mut rng, 1).into_iter().chain(source).collect(),
                3 => source[..source.len().div_ceil(2)].to_vec(),
                _ => {
                    let at = rng.below(source.len());
                    fresh(&mut rng, 1)
                        .into_iter()
                        .chain(source[at..(at + 2).min(source.len())].iter().cloned())
                        .collect()
                }
            }
        };
        let speech = &speeches[i % speeches.len()];
        let date = (rng.below(5) != 0).then(|| speech.date + chrono::Days::new(rng.below(20) as u64));
        out.push(text_doc(&format!("{}-{i:03}.txt", speech.id), date, &paragraphs));
        made.push(paragraphs);
    }
    out
}

fn find(docs: &[ReuseDoc], threads: usize) -> ReuseReport {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
    pool.install(|| ReuseFinder::new(ReuseOptions::new()).expect("valid").find(docs))
}

/// A report in terms of paths, so reports over reordered input compare.
fn by_path(docs: &[ReuseDoc], report: &ReuseReport) -> (Vec<String>, BTreeSet<Vec<String>>, Vec<String>) {
    let pairs = report
        .pairs
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {} {:?} {} {}",
                docs[p.a].path, docs[p.b].path, p.jaccard, p.containment, p.passages, p.a_reused, p.b_reused
            )
        })
        .collect();
    let families = report
        .families
        .iter()
        .map(|f| {
            let mut paths: Vec<String> = f.members.iter().map(|&m| docs[m].path.clone()).collect();
            paths.insert(0, format!("first {}", docs[f.first].path));
            paths
        })
        .collect();
    let mut dropped: Vec<String> =
        report.dedup_keep().iter().enumerate().filter(|(_, keep)| !**keep).map(|(i, _)| docs[i].path.clone()).collect();
    dropped.sort();
    (pairs, families, dropped)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn prop_reported_scores_equal_brute_force(seed in any::<u64>(), size in 2usize..14) {
        let docs: Vec<ReuseDoc> = corpus(seed, size).into_iter().map(|d| d.doc).collect();
        let report = find(&docs, 2);
        let truth: BTreeMap<(usize, usize), dateline_reuse::Scores> = brute_force(&docs, 5, 0).into_iter().collect();
        for p in &report.pairs {
            let scores = truth[&(p.a.min(p.b), p.a.max(p.b))];
            prop_assert!(scores.passes(0.5, 0.5));
            prop_assert_eq!((p.jaccard, p.containment), (scores.jaccard(), scores.containment()));
        }
        // Near-duplicates are missed with probability 3e-13 per pair: never, as a law.
        let reported: BTreeSet<(usize, usize)> = report.pairs.iter().map(|p| (p.a.min(p.b), p.a.max(p.b))).collect();
        for (pair, scores) in &truth {
            if scores.jaccard() >= 0.8 {
                prop_assert!(reported.contains(pair), "{:?} {:?}", pair, scores);
            }
        }
    }

    #[test]
    fn prop_results_do_not_depend_on_thread_count_or_document_order(seed in any::<u64>(), size in 2usize..14) {
        let docs: Vec<ReuseDoc> = corpus(seed, size).into_iter().map(|d| d.doc).collect();
        let one = by_path(&docs, &find(&docs, 1));
        prop_assert_eq!(&one, &by_path(&docs, &find(&docs, 3)));
        let mut shuffled = docs.clone();
        let mut rng = Rng::new(seed ^ 1);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        prop_assert_eq!(&one, &by_path(&shuffled, &find(&shuffled, 2)));
    }

    #[test]
    fn prop_passages_lie_on_the_text_and_the_reused_text_matches(seed in any::<u64>(), size in 2usize..14) {
        let docs = corpus(seed, size);
        let plain: Vec<ReuseDoc> = docs.iter().map(|d| d.doc.clone()).collect();
        for p in &find(&plain, 2).pairs {
            for passage in &p.passages {
                let (a, b) = (&docs[p.a], &docs[p.b]);
                prop_assert!(a.text.get(passage.a.start..passage.a.end).is_some());
                prop_assert!(b.text.get(passage.b.start..passage.b.end).is_some());
                let (wa, wb) = (words_in(a, passage.a), words_in(b, passage.b));
                prop_assert!(wa.len() >= 5 && wb.len() >= 5);
                prop_assert_eq!(&wa[..5], &wb[..5]);
                prop_assert_eq!(&wa[wa.len() - 5..], &wb[wb.len() - 5..]);
            }
        }
    }
}
