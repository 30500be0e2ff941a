//! `dateline quotes`: every direct quotation of four or more words with its speaker.

use std::collections::BTreeMap;

use crate::cmd::Documents;
use anyhow::Result;
use serde_json::{Value, json};

use super::actors::{ActorsConfig, for_each};
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

/// Every quotation (JSON, JSON lines and CSV list them) and, for people, the quotations per
/// speaker (the table).
struct Quotes {
    list: Vec<Value>,
    by_speaker: Vec<(Option<String>, u64, u64)>,
}

impl Report for Quotes {
    fn tables(&self) -> Vec<Table> {
        let rows = self
            .by_speaker
            .iter()
            .map(|(speaker, quotes, articles)| vec![speaker.clone().into(), (*quotes).into(), (*articles).into()])
            .collect();
        vec![Table::new(vec![Column::text("speaker").nullable(), Column::int("quotes"), Column::int("articles")], rows)]
    }

    fn csv(&self) -> Table {
        let columns = vec![
            Column::text("path"),
            Column::text("speaker").nullable(),
            Column::text("text"),
            Column::int("start").nullable(),
            Column::int("end").nullable(),
            Column::text("cue").nullable(),
            Column::text("kind"),
        ];
        let rows = self
            .list
            .iter()
            .map(|q| {
                vec![
                    q["path"].as_str().unwrap_or("").into(),
                    q["speaker"].as_str().map(str::to_owned).into(),
                    q["text"].as_str().unwrap_or("").into(),
                    q["span"][0].as_u64().into(),
                    q["span"][1].as_u64().into(),
                    q["cue"].as_str().map(str::to_owned).into(),
                    q["kind"].as_str().unwrap_or("").into(),
                ]
            })
            .collect();
        Table::new(columns, rows)
    }

    fn json(&self) -> Value {
        Value::Array(self.list.clone())
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    config: &ActorsConfig,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let mut counts: BTreeMap<Option<String>, (u64, u64)> = BTreeMap::new();
    let mut list = Vec::new();
    for_each(documents, config, true, reporter, |article| {
        let mut seen = std::collections::BTreeSet::new();
        for quote in &article.quotes {
            let actor = quote.speaker.as_ref().and_then(|name| article.actors.iter().find(|a| &a.name == name));
            let speaker =
                quote.speaker.as_ref().map(|name| actor.map_or_else(|| name.clone(), |a| config.aliases.canonical(a)));
            let entry = counts.entry(speaker.clone()).or_default();
            entry.0 += 1;
            if seen.insert(speaker) {
                entry.1 += 1;
            }
            let kind = actor.map(|a| a.kind);
            if !config.types.is_empty() && !kind.is_some_and(|k| config.types.contains(&k)) {
                continue;
            }
            list.push(json!({"path": article.path, "speaker": quote.speaker, "text": quote.text,
                             "span": [quote.span.start, quote.span.end], "cue": quote.cue, "kind": quote.kind}));
        }
        Ok(())
    })?;
    let mut by_speaker: Vec<(Option<String>, u64, u64)> = counts.into_iter().map(|(s, (q, a))| (s, q, a)).collect();
    by_speaker.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    config.top.keep(&mut by_speaker);
    config.top.keep(&mut list);
    out.report(&Quotes { list, by_speaker })?;
    Ok(())
}
