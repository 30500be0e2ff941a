//! `dateline reuse` and `--dedup` on a corpus made from the seeds with known copies: a
//! verbatim republication, a copy with a new lede and the tail cut, a lightly edited copy, and
//! articles that share nothing with any other.

use std::path::Path;

use serde_json::Value;

use super::{corpus, dateline, workspace_root};

fn seed(name: &str) -> String {
    std::fs::read_to_string(workspace_root().join("seeds").join(name)).expect("a seed")
}

const SEED_000: &str = "000_2110fb2c7be67491.txt";
const SEED_001: &str = "001_d63be5d8afa5ed75.txt";
const SEED_002: &str = "002_ff26b561ed4a4f97.txt";
const SEED_003: &str = "003_44541c66476e1ad4.txt";

/// A text of its own, about another subject: it pairs with nothing.
const UNRELATED: &str = "date 2024-03-02 Heavy rain closed schools across the northern provinces for a second day \
on Tuesday, and the weather service warned that rivers could burst their banks before the weekend.\n\n\
Farmers said the harvest of early vegetables was already lost in the lowest valleys, where water stood \
a metre deep in the fields and the roads to the markets were cut.\n";

/// The originals: the four seeds and one unrelated article, under `wire/` and `other/`.
fn originals() -> Vec<(String, String)> {
    vec![
        ("wire/000.txt".into(), seed(SEED_000)),
        ("wire/001.txt".into(), seed(SEED_001)),
        ("wire/002.txt".into(), seed(SEED_002)),
        ("wire/003.txt".into(), seed(SEED_003)),
        ("other/rain.txt".into(), UNRELATED.into()),
    ]
}

/// The copies, under `copies/`, each dated after its source.
fn copies() -> Vec<(String, String)> {
    // Seed 002 republished two days later, word for word.
    let verbatim = seed(SEED_002).replace("September 15, 2024 - 20:9", "September 17, 2024");
    // Seed 003's paragraphs 2 to 6 under a lede of the copying site's own, 13 days later.
    let paragraphs: Vec<String> = seed(SEED_003).split("\n\n").map(str::to_owned).collect();
    let lede = format!(
        "date 2023-11-05 A regional outlet ran the story of the minister's visit with an opening line of its own.\n\n{}\n",
        paragraphs[1..6].join("\n\n")
    );
    // Seed 000 a day later with a few words changed.
    let edited = seed(SEED_000).replacen("2024-01-10", "2024-01-11", 1).replace(" said ", " stated ");
    vec![
        ("copies/002-verbatim.txt".into(), verbatim),
        ("copies/003-lede.txt".into(), lede),
        ("copies/000-edited.txt".into(), edited),
    ]
}

/// A temporary folder holding `corpus/` with these files.
fn folder(files: &[(String, String)]) -> tempfile::TempDir {
    let files: Vec<(String, &[u8])> =
        files.iter().map(|(name, text)| (format!("corpus/{name}"), text.as_bytes())).collect();
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(name, bytes)| (name.as_str(), *bytes)).collect();
    corpus(&borrowed)
}

fn everything() -> tempfile::TempDir {
    folder(&[originals(), copies()].concat())
}

/// Runs `dateline ARGS` in `dir`; its stdout, after checking the exit code.
fn run_in(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let output = dateline().current_dir(dir).args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "dateline {args:?}: {stderr}");
    (String::from_utf8(output.stdout).expect("UTF-8"), stderr)
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

/// The pairs as `(a, b)` paths.
fn pair_paths(pairs: &[Value]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .iter()
        .map(|p| (p["a"].as_str().expect("a").to_owned(), p["b"].as_str().expect("b").to_owned()))
        .collect();
    out.sort();
    out
}

fn pair(a: &str, b: &str) -> (String, String) {
    (format!("corpus/{a}"), format!("corpus/{b}"))
}

#[test]
fn reuse_finds_the_known_copies_and_nothing_else() {
    let dir = everything();
    let (out, _) = run_in(dir.path(), &["reuse", "--format", "jsonl", "corpus"], 0);
    let pairs = json_lines(&out);
    assert_eq!(
        pair_paths(&pairs),
        [
            pair("wire/000.txt", "copies/000-edited.txt"),
            pair("wire/002.txt", "copies/002-verbatim.txt"),
            pair("wire/003.txt", "copies/003-lede.txt"),
        ]
    );
    for p in &pairs {
        for key in ["a", "b", "jaccard", "containment", "passages"] {
            assert!(p.get(key).is_some(), "a pair has {key}: {p}");
        }
        let (j, c) = (p["jaccard"].as_f64().expect("a number"), p["containment"].as_f64().expect("a number"));
        assert!((0.5..=1.0).contains(&j) || (0.5..=1.0).contains(&c), "{p}");
        assert!(j <= c, "Jaccard never exceeds containment: {p}");
    }
    let verbatim = pairs.iter().find(|p| p["b"] == "corpus/copies/002-verbatim.txt").expect("the verbatim pair");
    assert_eq!((verbatim["jaccard"].as_f64(), verbatim["containment"].as_f64()), (Some(1.0), Some(1.0)));
    let lede = pairs.iter().find(|p| p["b"] == "corpus/copies/003-lede.txt").expect("the lede pair");
    assert!(lede["jaccard"].as_f64() < Some(0.8) && lede["containment"].as_f64() > Some(0.9), "{lede}");
}

#[test]
fn passages_are_byte_spans_of_the_same_words_in_both_files() {
    let dir = everything();
    let (out, _) = run_in(dir.path(), &["reuse", "--format", "json", "corpus"], 0);
    let pairs: Vec<Value> = serde_json::from_str::<Value>(&out).expect("JSON").as_array().expect("an array").clone();
    assert_eq!(pairs.len(), 3);
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    for p in &pairs {
        let a = std::fs::read_to_string(dir.path().join(p["a"].as_str().expect("a path"))).expect("a");
        let b = std::fs::read_to_string(dir.path().join(p["b"].as_str().expect("b path"))).expect("b");
        let passages = p["passages"].as_array().expect("passages");
        assert!(!passages.is_empty(), "{p}");
        for passage in passages {
            let span = |side: &str, text: &str| -> String {
                let offset = |i: usize| usize::try_from(passage[side][i].as_u64().expect("an offset")).expect("fits");
                text.get(offset(0)..offset(1)).expect("a span on character boundaries").to_owned()
            };
            let (in_a, in_b) = (words(&span("a", &a)), words(&span("b", &b)));
            assert!(in_a.len() >= 10, "a passage of at least ten words: {in_a:?}");
            // A passage starts and ends on a shingle both share, whatever lies between (a
            // changed word, or a date line between the title and the body).
            assert_eq!(in_a[..5], in_b[..5], "{p}");
            assert_eq!(in_a[in_a.len() - 5..], in_b[in_b.len() - 5..], "{p}");
        }
    }
}

#[test]
fn the_earlier_article_is_a_whatever_the_order_of_the_paths() {
    let dir = everything();
    // `copies/` comes before `wire/` on the command line, and in sorted order too.
    let (out, _) = run_in(dir.path(), &["reuse", "--format", "jsonl", "corpus/copies", "corpus/wire"], 0);
    for p in json_lines(&out) {
        assert!(p["a"].as_str().expect("a").starts_with("corpus/wire/"), "{p}");
        assert!(p["a_date"].as_str() < p["b_date"].as_str(), "{p}");
    }
}

#[test]
fn clusters_are_story_families_with_their_first_source() {
    let dir = everything();
    let (out, _) = run_in(dir.path(), &["reuse", "--clusters", "--format", "jsonl", "corpus"], 0);
    let families = json_lines(&out);
    assert_eq!(families.len(), 3);
    for family in &families {
        for key in ["cluster", "paths", "first"] {
            assert!(family.get(key).is_some(), "a family has {key}: {family}");
        }
        let first = family["first"].as_str().expect("first");
        assert!(first.starts_with("corpus/wire/"), "the original came first: {family}");
        assert_eq!(family["paths"][0].as_str(), Some(first), "the first source leads its paths");
        assert_eq!(family["paths"].as_array().map(Vec::len), Some(2));
    }
    let ids: Vec<u64> = families.iter().map(|f| f["cluster"].as_u64().expect("a number")).collect();
    assert_eq!(ids, [1, 2, 3]);
    let (csv, _) = run_in(dir.path(), &["reuse", "--clusters", "--format", "csv", "corpus"], 0);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("cluster,path,date,first"));
    assert_eq!(lines.filter(|l| l.ends_with(",true")).count(), 3, "{csv}");
    let (table, _) = run_in(dir.path(), &["reuse", "--clusters", "corpus"], 0);
    assert!(table.contains("3 pairs in 3 story families among 8 articles"), "{table}");
    assert!(table.lines().any(|l| l.contains("corpus/wire/003.txt") && l.contains("corpus/copies/003-lede.txt")));
}

#[test]
fn top_cuts_pairs_and_families_in_every_format_when_given() {
    let dir = everything();
    let (all, _) = run_in(dir.path(), &["reuse", "--format", "jsonl", "corpus"], 0);
    let all = json_lines(&all);
    assert_eq!(all.len(), 3, "formats for tools show every pair by default");
    for format in ["jsonl", "json", "csv"] {
        let (one, _) = run_in(dir.path(), &["reuse", "--top", "1", "--format", format, "corpus"], 0);
        let rows = match format {
            "json" => serde_json::from_str::<Value>(&one).expect("JSON").as_array().map_or(0, Vec::len),
            "csv" => one.lines().count() - 1,
            _ => json_lines(&one).len(),
        };
        assert_eq!(rows, 1, "{format}: {one}");
    }
    let (one, _) = run_in(dir.path(), &["reuse", "--top", "1", "--format", "jsonl", "corpus"], 0);
    assert_eq!(json_lines(&one), all[..1], "the most similar pair is kept");
    let (table, _) = run_in(dir.path(), &["reuse", "--top", "1", "corpus"], 0);
    assert!(table.contains("2 more pairs not shown (--top 0 shows all)"), "{table}");
    let (csv, _) = run_in(dir.path(), &["reuse", "--clusters", "--top", "1", "--format", "csv", "corpus"], 0);
    let members: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(members.len(), 2, "the two members of the first family: {csv}");
    assert!(members.iter().all(|row| row.starts_with("1,")), "{csv}");
}

#[test]
fn every_format_holds_the_same_pairs() {
    let dir = everything();
    let (table, _) = run_in(dir.path(), &["reuse", "corpus"], 0);
    assert!(table.starts_with("3 pairs in 3 story families among 8 articles"), "{table}");
    assert!(table.contains("containment") && table.contains("corpus/copies/002-verbatim.txt"), "{table}");
    let (json, _) = run_in(dir.path(), &["reuse", "--format", "json", "corpus"], 0);
    let (jsonl, _) = run_in(dir.path(), &["reuse", "--format", "jsonl", "corpus"], 0);
    assert_eq!(serde_json::from_str::<Value>(&json).expect("JSON"), Value::Array(json_lines(&jsonl)));
    let (csv, _) = run_in(dir.path(), &["reuse", "--format", "csv", "corpus"], 0);
    let mut rows = csv.lines();
    assert_eq!(rows.next(), Some("a,b,a_date,b_date,jaccard,containment,shared,a_reused,b_reused,passages"));
    let rows: Vec<&str> = rows.collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.starts_with("corpus/wire/")), "{csv}");
    // The verbatim copy's one passage runs over the whole body in both.
    assert!(rows.iter().any(|r| r.contains("copies/002-verbatim.txt") && r.contains(",1,1,")), "{csv}");
}

#[test]
fn thresholds_leave_out_the_pairs_below_them() {
    let dir = everything();
    let (out, _) = run_in(
        dir.path(),
        &["reuse", "--min-jaccard", "1", "--min-containment", "1", "--format", "jsonl", "corpus"],
        0,
    );
    assert_eq!(pair_paths(&json_lines(&out)), [pair("wire/002.txt", "copies/002-verbatim.txt")]);
    // Containment alone still finds the lede copy, whose Jaccard similarity is low.
    let (out, _) = run_in(
        dir.path(),
        &["reuse", "--min-jaccard", "0.95", "--min-containment", "0.9", "--format", "jsonl", "corpus"],
        0,
    );
    assert!(pair_paths(&json_lines(&out)).contains(&pair("wire/003.txt", "copies/003-lede.txt")));
}

#[test]
fn window_pairs_only_articles_published_close_together() {
    let dir = everything();
    let (out, _) = run_in(dir.path(), &["reuse", "--window", "5", "--format", "jsonl", "corpus"], 0);
    // The lede copy came 13 days after its source.
    assert_eq!(
        pair_paths(&json_lines(&out)),
        [pair("wire/000.txt", "copies/000-edited.txt"), pair("wire/002.txt", "copies/002-verbatim.txt")]
    );
    let (out, _) = run_in(dir.path(), &["reuse", "--window", "0", "--format", "jsonl", "corpus"], 0);
    assert!(out.is_empty(), "no copy was published the same day: {out}");
}

#[test]
fn since_and_until_limit_the_articles_compared() {
    let dir = everything();
    let (out, stderr) = run_in(dir.path(), &["reuse", "--since", "2024-01-01", "--format", "jsonl", "corpus"], 0);
    assert_eq!(pair_paths(&json_lines(&out)).len(), 2, "seed 003 and its copy are from 2023");
    assert!(stderr.contains("2 articles outside --since/--until"), "{stderr}");
}

#[test]
fn bad_input_is_reported_and_every_file_accounted_for() {
    let mut files = [originals(), copies()].concat();
    files.push(("corpus/binary.txt".into(), "\0\0\0binary".into()));
    let dir = folder(&files);
    let (out, stderr) = run_in(dir.path(), &["reuse", "--format", "jsonl", "corpus", "missing.txt"], 2);
    assert_eq!(json_lines(&out).len(), 3, "the readable files are still compared");
    assert!(stderr.contains("corpus/binary.txt:1:1: warning:"), "{stderr}");
    assert!(stderr.contains("missing.txt") && stderr.contains("error"), "{stderr}");
}

#[test]
fn bad_settings_are_usage_errors() {
    for (args, says) in [
        (&["reuse", "--min-jaccard", "0", "seeds"][..], "--min-jaccard must be above 0 and at most 1"),
        (&["reuse", "--min-containment", "1.5", "seeds"][..], "--min-containment must be above 0 and at most 1"),
        (&["reuse", "--max-df", "1", "seeds"][..], "--max-df must be at least 2"),
        (&["reuse", "--since", "2024-02-01", "--until", "2024-01-01", "seeds"][..], "no article can match"),
        (&["stats", "--dedup", "-"][..], "standard input"),
    ] {
        let output = dateline().args(args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn the_seeds_reuse_nothing() {
    let output = dateline().args(["reuse", "--format", "json", "seeds"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "[]");
}

/// Every command that counts over the corpus, as `--format json` runs it.
const COUNTING: [&[&str]; 13] = [
    &["stats"],
    &["terms"],
    &["tfidf"],
    &["ngrams"],
    &["collocations"],
    &["keyness", "--target", "corpus/wire"],
    &["trends", "--terms", "lavrov,iran"],
    &["topics", "-k", "2", "--iterations", "20"],
    &["kwic", "--query", "Lavrov"],
    &["actors"],
    &["quotes"],
    &["network"],
    &["network", "--level", "sentence"],
];

#[test]
fn dedup_counts_as_if_the_copies_were_not_there() {
    let all = everything();
    let originals_only = folder(&originals());
    for command in COUNTING {
        let with = |extra: &[&'static str]| -> Vec<&'static str> {
            [command, extra, &["--format", "json", "--top", "0", "corpus"]].concat()
        };
        let (deduplicated, stderr) = run_in(all.path(), &with(&["--dedup"]), 0);
        let (expected, _) = run_in(originals_only.path(), &with(&[]), 0);
        let (counted_all, _) = run_in(all.path(), &with(&[]), 0);
        let parse = |text: &str| serde_json::from_str::<Value>(text).expect("JSON");
        assert_eq!(parse(&deduplicated), parse(&expected), "{command:?} --dedup");
        assert_ne!(parse(&counted_all), parse(&expected), "{command:?} counts the copies without --dedup");
        assert!(
            stderr
                .contains("--dedup: 3 later copies left out; the earliest article of each of 3 story families counted"),
            "{command:?}: {stderr}"
        );
    }
}

#[test]
fn dedup_says_what_it_left_out_under_the_table() {
    let dir = everything();
    let (table, _) = run_in(dir.path(), &["stats", "--dedup", "corpus"], 0);
    let articles = table.lines().find(|l| l.starts_with("articles ")).expect("the articles row");
    assert!(articles.ends_with(" 5"), "{table}");
    assert!(table.trim_end().ends_with("3 story families counted"), "{table}");
    let (csv, _) = run_in(dir.path(), &["terms", "--dedup", "--format", "csv", "corpus"], 0);
    assert!(!csv.contains("--dedup"), "CSV is data only");
}

#[test]
fn dedup_keeps_the_earliest_within_the_date_range() {
    let dir = everything();
    // From 2023-10-24 on, seed 003 is out and its copy of 2023-11-05 is the earliest left.
    let (out, stderr) =
        run_in(dir.path(), &["stats", "--dedup", "--since", "2023-10-24", "--format", "json", "corpus"], 0);
    let stats: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(stats["summary"]["articles"], 5, "000, 001, 002, the lede copy and the unrelated one");
    assert!(stderr.contains("--dedup: 2 later copies left out"), "{stderr}");
}

#[test]
fn dedup_still_reports_the_diagnostics_of_the_copies_it_leaves_out() {
    let dir = everything();
    // A copy with a warning of its own: an invalid UTF-8 byte after its text.
    let mut bad = std::fs::read(dir.path().join("corpus/copies/002-verbatim.txt")).expect("the copy");
    bad.extend_from_slice(b"\xff\n");
    std::fs::write(dir.path().join("corpus/copies/002-verbatim.txt"), bad).expect("written");
    let (_, stderr) = run_in(dir.path(), &["terms", "--dedup", "corpus"], 1);
    assert!(stderr.contains("corpus/copies/002-verbatim.txt:"), "{stderr}");
    assert!(stderr.contains("--dedup: 3 later copies left out"), "{stderr}");
}
