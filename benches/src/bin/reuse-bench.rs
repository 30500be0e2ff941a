//! `reuse-bench`: writes reuse corpora, runs dateline-reuse over a tree of files the way
//! `dateline reuse` does (`benches/reuse-compare` times it beside datasketch), and scores the
//! pairs `dateline reuse` reported against the brute-force truth (`benches/run`'s reuse row).
//!
//! ```text
//! reuse-bench generate --out benches/corpus/reuse-1-10000 --docs 10000 --seed 1
//! reuse-bench run benches/corpus/reuse-1-10000 --truth all
//! dateline reuse --format jsonl benches/corpus/reuse-1-10000 > pairs.jsonl
//! reuse-bench run benches/corpus/reuse-1-10000 --truth all --pairs pairs.jsonl
//! ```

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dateline_benches::reuse::{reuse_corpus, reuse_doc};
use dateline_reuse::{ReuseDoc, ReuseFinder, ReuseOptions, Scores, Sketch, shingle_set, shingles};
use rayon::prelude::*;

const USAGE: &str = "\
usage: reuse-bench generate --out DIR --docs N [--seed S]
       reuse-bench run DIR [--truth none|designed|all] [--threads N] [--pairs FILE]

generate  writes a reuse corpus of N documents under DIR (absent or empty) and its manifest,
          DIR.manifest.tsv (path, kind, source path), beside it.
run       reads every file under DIR (sorted), sketches each as it is read and keeps only the
          sketch, then verifies the candidates, reading their files again. Prints key=value
          lines: files, bytes, candidates, pairs, families, dropped (by dedup), sketch_bytes
          (all sketches), and the seconds of each pass (work_s is all of them).
          --truth designed: recall over the pairs of each designed family, scored exactly.
          --truth all: recall against every pair of the corpus at a threshold, found by brute
          force over an inverted index of all shingles (minutes at 10,000 documents).
          Recall is printed per band: Jaccard >= 0.8, 0.5 <= Jaccard < 0.8, containment >= 0.5.
          --pairs FILE: the recall is that of the pairs in FILE, `dateline reuse --format
          jsonl` output over DIR (its paths DIR/...), not of this run's own pairs.

Examples:
  reuse-bench generate --out /tmp/reuse-10k --docs 10000
  reuse-bench run /tmp/reuse-10k --truth all";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") => generate(&args[1..]),
        Some("run") => run(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("a command, generate or run\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reuse-bench: {message}");
            ExitCode::from(2)
        }
    }
}

/// The value after `--name` in `args`, if given.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn number(args: &[String], name: &str, default: Option<u64>) -> Result<u64, String> {
    match flag(args, name) {
        Some(text) => text.parse().map_err(|_| format!("{name} takes a whole number, not '{text}'")),
        None => default.ok_or_else(|| format!("{name} is required\n\n{USAGE}")),
    }
}

fn generate(args: &[String]) -> Result<(), String> {
    let out = PathBuf::from(flag(args, "--out").ok_or(format!("--out is required\n\n{USAGE}"))?);
    let docs = usize::try_from(number(args, "--docs", None)?).map_err(|e| e.to_string())?;
    let seed = number(args, "--seed", Some(1))?;
    if std::fs::read_dir(&out).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(format!("{} is not empty", out.display()));
    }
    let corpus = reuse_corpus(seed, docs);
    let mut manifest = String::from("path\tkind\tsource\n");
    let mut bytes = 0;
    for article in &corpus {
        let path = out.join(&article.relative_path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, &article.text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += article.text.len();
        let source = article.source.map_or("", |s| corpus[s].relative_path.as_str());
        manifest.push_str(&format!("{}\t{}\t{source}\n", article.relative_path, article.kind.name()));
    }
    let manifest_path = manifest_of(&out);
    std::fs::write(&manifest_path, manifest).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    println!("files={}\nbytes={bytes}", corpus.len());
    Ok(())
}

fn manifest_of(tree: &Path) -> PathBuf {
    let mut name = tree.as_os_str().to_owned();
    name.push(".manifest.tsv");
    PathBuf::from(name)
}

/// Every file under `dir`, sorted by path.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))? {
            let entry = entry.map_err(|e| format!("{}: {e}", folder.display()))?;
            let kind = entry.file_type().map_err(|e| format!("{}: {e}", entry.path().display()))?;
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(args: &[String]) -> Result<(), String> {
    let tree = PathBuf::from(args.first().filter(|a| !a.starts_with("--")).ok_or(format!("a tree\n\n{USAGE}"))?);
    let truth = flag(args, "--truth").unwrap_or("none");
    if !matches!(truth, "none" | "designed" | "all") {
        return Err(format!("--truth is none, designed or all, not '{truth}'"));
    }
    if let Some(threads) = flag(args, "--threads") {
        let threads: usize = threads.parse().map_err(|_| format!("--threads takes a number, not '{threads}'"))?;
        rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().map_err(|e| e.to_string())?;
    }
    let finder = ReuseFinder::new(ReuseOptions::new()).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let paths = files_under(&tree)?;
    let names: Vec<String> =
        paths.iter().map(|p| p.strip_prefix(&tree).unwrap_or(p).to_string_lossy().into_owned()).collect();
    // First pass: each file read, tokenized and sketched on a worker; only the sketch is kept.
    let sketched: Result<Vec<(Sketch, usize)>, String> = paths
        .par_iter()
        .zip(&names)
        .map(|(path, name)| {
            let bytes = read(path)?;
            Ok((finder.sketch(&reuse_doc(name, &bytes)), bytes.len()))
        })
        .collect();
    let (sketches, sizes): (Vec<Sketch>, Vec<usize>) = sketched?.into_iter().unzip();
    let sketch_s = started.elapsed().as_secs_f64();
    // Second pass: only the candidates' files, read again.
    let report =
        finder.find_with(&sketches, |i| Ok::<_, String>(Cow::Owned(reuse_doc(&names[i], &read(&paths[i])?))))?;
    let work_s = started.elapsed().as_secs_f64();
    let dropped = report.dedup_keep().iter().filter(|keep| !**keep).count();
    println!("files={}", paths.len());
    println!("bytes={}", sizes.iter().sum::<usize>());
    println!("candidates={}", report.candidates);
    println!("pairs={}", report.pairs.len());
    println!("families={}", report.families.len());
    println!("dropped={dropped}");
    println!("sketch_bytes={}", sketches.iter().map(Sketch::bytes).sum::<usize>());
    println!("sketch_s={sketch_s:.4}");
    println!("verify_s={:.4}", work_s - sketch_s);
    println!("work_s={work_s:.4}");
    let reported: Reported = match flag(args, "--pairs") {
        Some(file) => {
            let pairs = cli_pairs(file, &tree, &names)?;
            println!("cli_pairs={}", pairs.len());
            pairs
        }
        None => report.pairs.iter().map(|p| (p.a.min(p.b), p.a.max(p.b))).collect(),
    };
    match truth {
        "designed" => {
            let manifest = std::fs::read_to_string(manifest_of(&tree)).map_err(|e| format!("the manifest: {e}"))?;
            recall(&reported, &designed_truth(&manifest, &names, &paths)?);
        }
        "all" => {
            let docs: Result<Vec<ReuseDoc>, String> =
                paths.par_iter().zip(&names).map(|(p, n)| Ok(reuse_doc(n, &read(p)?))).collect();
            recall(&reported, &brute_force(&docs?));
        }
        _ => {}
    }
    Ok(())
}

/// Pairs as `(smaller, larger)` document indices.
type Reported = HashSet<(usize, usize)>;

/// The pairs of `dateline reuse --format jsonl` output over `tree`, by document index.
fn cli_pairs(file: &str, tree: &Path, names: &[String]) -> Result<Reported, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let prefix = format!("{}/", tree.to_string_lossy().trim_end_matches('/'));
    let mut out = Reported::new();
    for (number, line) in text.lines().enumerate() {
        let pair: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{file}:{}: not a JSON line: {e}", number + 1))?;
        let doc = |key: &str| -> Result<usize, String> {
            let path = pair[key].as_str().ok_or_else(|| format!("{file}:{}: no `{key}` path", number + 1))?;
            let name = path.strip_prefix(&prefix).unwrap_or(path);
            index.get(name).copied().ok_or_else(|| format!("{file}:{}: {path} is not a file of the tree", number + 1))
        };
        let (a, b) = (doc("a")?, doc("b")?);
        out.insert((a.min(b), a.max(b)));
    }
    Ok(out)
}

type Truth = HashMap<(usize, usize), Scores>;

/// Exact scores of every pair inside each designed family (documents linked by `source`).
fn designed_truth(manifest: &str, names: &[String], paths: &[PathBuf]) -> Result<Truth, String> {
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let mut root: Vec<usize> = (0..names.len()).collect();
    for line in manifest.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        if let [path, _, source] = fields[..]
            && !source.is_empty()
            && let (Some(&d), Some(&s)) = (index.get(path), index.get(source))
        {
            root[d] = root[s];
        }
    }
    let mut families: HashMap<usize, Vec<usize>> = HashMap::new();
    for (doc, &r) in root.iter().enumerate() {
        families.entry(r).or_default().push(doc);
    }
    let sets: Result<Vec<Vec<u64>>, String> = paths
        .par_iter()
        .zip(names)
        .map(|(p, n)| Ok(shingle_set(&shingles(&reuse_doc(n, &read(p)?).tokens, 5, 0))))
        .collect();
    let sets = sets?;
    let mut truth = Truth::new();
    for members in families.values() {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                truth.insert((a.min(b), a.max(b)), Scores::of(&sets[a], &sets[b]));
            }
        }
    }
    Ok(truth)
}

/// Exact scores of every pair sharing at least one shingle, from an inverted index of all
/// shingles: the pairs at a threshold are among them.
fn brute_force(docs: &[ReuseDoc]) -> Truth {
    let sets: Vec<Vec<u64>> = docs.par_iter().map(|d| shingle_set(&shingles(&d.tokens, 5, 0))).collect();
    let mut postings: Vec<(u64, u32)> = sets
        .iter()
        .enumerate()
        .flat_map(|(doc, set)| set.iter().map(move |&h| (h, u32::try_from(doc).unwrap_or(u32::MAX))))
        .collect();
    postings.par_sort_unstable();
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for group in postings.chunk_by(|x, y| x.0 == y.0) {
        for (i, &(_, a)) in group.iter().enumerate() {
            for &(_, b) in &group[i + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .map(|((a, b), count)| {
            let (a, b) = (a as usize, b as usize);
            let scores = Scores { shared: count as usize, a_shingles: sets[a].len(), b_shingles: sets[b].len() };
            ((a, b), scores)
        })
        .collect()
}

fn recall(reported: &Reported, truth: &Truth) {
    let (mut high, mut mid, mut contained, mut true_pairs) = ((0, 0), (0, 0), (0, 0), 0);
    for (pair, scores) in truth {
        let found = usize::from(reported.contains(pair));
        let (j, c) = (scores.jaccard(), scores.containment());
        if j >= 0.8 {
            high = (high.0 + found, high.1 + 1);
        } else if j >= 0.5 {
            mid = (mid.0 + found, mid.1 + 1);
        }
        if c >= 0.5 {
            contained = (contained.0 + found, contained.1 + 1);
        }
        true_pairs += usize::from(scores.passes(0.5, 0.5));
    }
    let share = |(found, all): (usize, usize)| if all == 0 { 1.0 } else { found as f64 / all as f64 };
    println!("true_pairs={true_pairs}");
    println!("recall_jaccard_0.8={:.4} ({} of {})", share(high), high.0, high.1);
    println!("recall_jaccard_0.5_0.8={:.4} ({} of {})", share(mid), mid.0, mid.1);
    println!("recall_containment_0.5={:.4} ({} of {})", share(contained), contained.0, contained.1);
    let false_pairs = reported.iter().filter(|pair| !truth.get(pair).is_some_and(|s| s.passes(0.5, 0.5))).count();
    println!("reported_not_in_truth={false_pairs}");
}
