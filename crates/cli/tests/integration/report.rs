//! `dateline report`: one offline HTML file, escaped, the same for the same input.

use super::{dateline, workspace_root};

// The offline check the report crate's own tests use.
#[path = "../../../report/tests/integration/offline.rs"]
mod offline;

const SECTIONS: &[&str] = &["overview", "periods", "terms", "keyness", "phrases", "actors", "families", "search"];

fn report(args: &[&str]) -> (String, std::process::Output) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("report.html");
    let output = dateline().arg("report").args(args).arg("-o").arg(&path).output().expect("dateline runs");
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    (html, output)
}

#[test]
fn report_on_the_seeds_is_one_offline_file_with_every_view() {
    let (html, output) = report(&["seeds"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    offline::assert_offline(&html);
    for id in SECTIONS {
        assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
    }
    assert!(!html.contains("<section id=\"topics\">"), "topics only with -k");
    // The seeds' figures, from the analyses.
    assert!(html.contains("2023-10-23 to 2024-09-30"));
    assert!(html.contains("TEHRAN"));
    let value: serde_json::Value = serde_json::from_str(offline::data_block(&html)).expect("JSON");
    assert!(value["kwic"]["lavrov"].as_array().is_some_and(|lines| !lines.is_empty()), "{}", value["kwic"]);
    assert!(value["trends"]["series"].as_array().is_some_and(|s| !s.is_empty()));
}

#[test]
fn report_with_topics_draws_them() {
    let (html, output) = report(&["-k", "2", "--iterations", "20", "seeds"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(html.contains("<section id=\"topics\">"));
    assert!(html.contains("id=\"topics-chart\"><svg"));
}

#[test]
fn report_is_the_same_on_one_thread_and_on_two() {
    let (one, _) = report(&["-j", "1", "seeds"]);
    let (two, _) = report(&["-j", "2", "seeds"]);
    assert!(!one.is_empty());
    assert!(one == two, "the report depends on the number of threads");
}

#[test]
fn report_on_the_hostile_corpus_runs_nothing_from_it() {
    let (html, output) = report(&["crates/report/tests/hostile"]);
    // The parser warns about the HTML it takes out of the text.
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    offline::assert_offline(&html);
    assert_eq!(html.matches("<script").count(), 3);
    assert!(!html.contains("<img") && !html.contains("<b onmouseover"));
    assert!(html.contains("&lt;/script&gt;"), "the corpus's `</script>` shows as text");
    assert!(html.contains("<section id=\"families\">") && html.contains("a-wire.txt"));
}

#[test]
fn report_needs_an_output_file() {
    let output = dateline().args(["report", "seeds"]).output().expect("dateline runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("-o report.html"));
    assert!(workspace_root().join("seeds").is_dir());
}

#[test]
fn report_help_shows_examples() {
    let output = dateline().args(["report", "--help"]).output().expect("dateline runs");
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("Examples:") && help.contains("dateline report seeds -o report.html"), "{help}");
}

/// The size budget at scale, through the whole pipeline: `.ci/run` runs it on a release build
/// after building `gen-corpus` beside the binary.
#[test]
#[ignore = "writes and reads 100,000 generated articles (about 650 MB); .ci/run runs it after the other tests"]
fn report_of_100000_generated_articles_stays_within_its_budget() {
    let binary = std::path::PathBuf::from(env!("CARGO_BIN_EXE_dateline"));
    let generator = binary.with_file_name("gen-corpus");
    assert!(
        generator.is_file(),
        "build gen-corpus beside the binary first: cargo build -p dateline-benches --bin gen-corpus (add --release for a release run)"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let corpus = dir.path().join("corpus");
    let status = std::process::Command::new(&generator)
        .args(["--files", "100000", "--seed", "3", "--out"])
        .arg(&corpus)
        .status()
        .expect("gen-corpus runs");
    assert!(status.success());
    let out = dir.path().join("report.html");
    let output =
        dateline().args(["report", "--quiet", "--by", "week"]).arg(&corpus).arg("-o").arg(&out).output().expect("runs");
    // The generated corpus holds files that warn (exit 1); a failure (2) is a bug.
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(&out).expect("the report");
    offline::assert_offline(&html);
    // The crate docs promise under 2 MB whatever the input; the issue allows 10 MB for a
    // million articles.
    assert!(html.len() < 2_000_000, "{} bytes for 100,000 articles", html.len());
    assert!(html.contains("100,000"), "every article counted");
}

#[test]
fn report_on_a_full_disk_fails_with_exit_2() {
    let output = dateline().args(["report", "seeds", "-o", "/dev/full"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write the output to /dev/full: No space left on device"), "{stderr}");
}
