//! The four seeds against their hand-written gold (`tests/gold/seeds.gold.jsonl`), scored the
//! way the shared `tests/gold/score.py` scores (its rules restated here, so that the test
//! needs no Python). The floors are the figures reached when they were last raised: a change
//! that loses an actor or a quote fails here.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Value, json};

/// Overall actor F1 on the seeds (spaCy `en_core_web_sm`: 0.861; tests/gold/README.md).
const ACTOR_F1: f64 = 0.88;
/// Quote end-to-end F1 (text and speaker) on the seeds.
const QUOTE_F1: f64 = 0.90;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// score.py's `norm`: case, dots, whitespace, curly apostrophes, a leading `the`.
fn norm(name: &str) -> String {
    let s = name.replace(['\u{2019}', '\u{2018}'], "'").replace('.', " ").to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.strip_prefix("the ").map_or(s.clone(), str::to_owned)
}

fn forms(actor: &Value) -> BTreeSet<String> {
    let mut forms: BTreeSet<String> = BTreeSet::from([norm(actor["name"].as_str().unwrap_or(""))]);
    for alias in actor["aliases"].as_array().into_iter().flatten() {
        forms.insert(norm(alias.as_str().unwrap_or("")));
    }
    forms
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 0.0 };
    if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
}

/// score.py's `tokens`: the set of lower-case word characters runs.
fn tokens(text: &str) -> BTreeSet<String> {
    text.replace('\u{2019}', "'")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

fn jaccard(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    let union = a.union(&b).count();
    if union == 0 { 0.0 } else { a.intersection(&b).count() as f64 / union as f64 }
}

/// Overall actor F1 and quote end-to-end F1 of `predicted` against `gold`, article by article.
fn score(gold: &[Value], predicted: &[Value]) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut n_gold, mut n_pred, mut right) = (0, 0, 0);
    for (g, p) in gold.iter().zip(predicted) {
        let gactors = g["actors"].as_array().expect("actors");
        let gforms: Vec<BTreeSet<String>> = gactors.iter().map(forms).collect();
        let mut matched = vec![false; gactors.len()];
        for actor in p["actors"].as_array().expect("actors") {
            let (n, t) = (norm(actor["name"].as_str().unwrap_or("")), &actor["type"]);
            let same: Vec<usize> =
                (0..gactors.len()).filter(|&i| &gactors[i]["type"] == t && gforms[i].contains(&n)).collect();
            if let Some(&free) = same.iter().find(|&&i| !matched[i]) {
                matched[free] = true;
                tp += 1;
            } else if same.is_empty() {
                fp += 1;
            }
        }
        fn_ += matched.iter().filter(|m| !**m).count();
        let gq = g["quotes"].as_array().expect("quotes");
        let pq = p["quotes"].as_array().expect("quotes");
        n_gold += gq.len();
        n_pred += pq.len();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, a) in pq.iter().enumerate() {
            for (j, b) in gq.iter().enumerate() {
                pairs.push((jaccard(a["text"].as_str().unwrap_or(""), b["text"].as_str().unwrap_or("")), i, j));
            }
        }
        pairs.sort_by(|a, b| b.partial_cmp(a).expect("no NaN"));
        let (mut used_p, mut used_g) = (BTreeSet::new(), BTreeSet::new());
        for (jac, i, j) in pairs {
            if jac < 0.5 {
                break;
            }
            if used_p.contains(&i) || used_g.contains(&j) {
                continue;
            }
            used_p.insert(i);
            used_g.insert(j);
            let (gs, ps) = (&gq[j]["speaker"], &pq[i]["speaker"]);
            let ok = match (gs.as_str(), ps.as_str()) {
                (None, None) => true,
                (Some(gs), Some(ps)) => {
                    let speaker =
                        gactors.iter().find(|a| a["name"] == gs).map_or_else(|| BTreeSet::from([norm(gs)]), forms);
                    speaker.contains(&norm(ps))
                }
                _ => false,
            };
            right += usize::from(ok);
        }
    }
    (f1(tp, fp, fn_), f1(right, n_pred - right, n_gold - right))
}

#[test]
fn seeds_score_at_least_the_committed_figures() {
    let gold_path = crate_dir().join("tests/gold/seeds.gold.jsonl");
    let gold: Vec<Value> = std::fs::read_to_string(gold_path)
        .expect("gold file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold JSON"))
        .collect();
    let predicted: Vec<Value> = gold
        .iter()
        .map(|record| {
            let file = record["file"].as_str().expect("file");
            let text = std::fs::read_to_string(crate_dir().join("../../seeds").join(file)).expect("seed file");
            let (article, _) = dateline_parse::parse_article_lenient(&text);
            let found = dateline_actors::extract(&article);
            let quotes: Vec<Value> = dateline_actors::quotes(&article, &found)
                .into_iter()
                .map(|q| json!({"speaker": q.speaker, "text": q.text}))
                .collect();
            let actors: Vec<Value> = found
                .into_iter()
                .map(|a| json!({"name": a.name, "type": a.kind.as_str(), "aliases": a.aliases}))
                .collect();
            json!({"file": file, "actors": actors, "quotes": quotes})
        })
        .collect();
    let (actor_f1, quote_f1) = score(&gold, &predicted);
    assert!(actor_f1 >= ACTOR_F1, "actor F1 on the seeds fell to {actor_f1:.3} (floor {ACTOR_F1})");
    assert!(quote_f1 >= QUOTE_F1, "quote end-to-end F1 on the seeds fell to {quote_f1:.3} (floor {QUOTE_F1})");
}

#[test]
fn the_restated_scorer_agrees_with_score_py_on_a_known_case() {
    let gold = vec![json!({"actors": [{"name": "Sergey Lavrov", "type": "person", "aliases": ["Lavrov"]},
                                       {"name": "Iran", "type": "place", "aliases": []}],
                           "quotes": [{"speaker": "Sergey Lavrov", "text": "We want peace in the region"}]})];
    let predicted = vec![json!({"actors": [{"name": "Lavrov", "type": "person"}, {"name": "Lavrov", "type": "person"},
                                            {"name": "Iran", "type": "organization"}],
                                "quotes": [{"speaker": "Lavrov", "text": "we want peace in the region."}]})];
    // One hit, one duplicate (free), one false positive, one miss: P = R = F1 = 0.5.
    let (actor_f1, quote_f1) = score(&gold, &predicted);
    assert!((actor_f1 - 0.5).abs() < 1e-9, "{actor_f1}");
    assert!((quote_f1 - 1.0).abs() < 1e-9, "{quote_f1}");
}
