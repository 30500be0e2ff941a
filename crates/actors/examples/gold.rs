//! Writes dateline's actors and quotes for the articles of a gold file in the shape the
//! gold's `score.py` reads: `cargo run -p dateline-actors --example gold -- ROOT GOLD.jsonl`.

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, gold] = args.as_slice() else {
        return Err("usage: gold ROOT GOLD.jsonl".into());
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::fs::read_to_string(gold)?.lines().filter(|line| !line.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line)?;
        let file = record["file"].as_str().ok_or("a gold line without file")?;
        let bytes = std::fs::read(std::path::Path::new(root).join(file))?;
        let text = String::from_utf8_lossy(&bytes);
        let (article, _) = dateline_parse::parse_article_lenient(&text);
        let found = dateline_actors::extract(&article);
        let quotes: Vec<serde_json::Value> = dateline_actors::quotes(&article, &found)
            .into_iter()
            .map(|q| serde_json::json!({"speaker": q.speaker, "text": q.text}))
            .collect();
        let actors: Vec<serde_json::Value> = found
            .into_iter()
            .map(|a| serde_json::json!({"name": a.name, "type": a.kind.as_str(), "aliases": a.aliases}))
            .collect();
        writeln!(out, "{}", serde_json::json!({"file": file, "actors": actors, "quotes": quotes}))?;
    }
    Ok(())
}
