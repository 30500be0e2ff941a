//! Who appears with whom: undirected co-occurrence of actors in a sentence, paragraph or
//! article, weighted by count or by PMI, per period; and directed edges from a quotation's
//! speaker to the actors the quotation names. Writers for GEXF (periods as time slices)
//! and GraphML.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use dateline_model::Article;
use serde::Serialize;

use crate::corpus::AliasTable;
use crate::input;
use crate::{Actor, ActorType, Quote};

/// The stretch of text in which two actors count as appearing together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Level {
    /// The same sentence.
    Sentence,
    /// The same paragraph (a title or heading is a paragraph of its own).
    #[default]
    Paragraph,
    /// The same article.
    Article,
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// Undirected: the two appear together.
    Cooccurrence,
    /// Directed: the source is quoted naming the target.
    Quote,
}

/// One edge of the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// An actor's canonical name (the speaker, for a quote edge); of an undirected edge,
    /// the one that sorts first.
    pub source: String,
    /// The other actor.
    pub target: String,
    /// The count, or the PMI (base 2) when asked for.
    pub weight: f64,
    /// Units (sentences, paragraphs, articles; quotations for quote edges) the two share.
    pub count: u64,
    /// Articles in which they share one.
    pub articles: u64,
    /// The period label, or `None` over the whole corpus.
    pub period: Option<String>,
    /// Co-occurrence or quote.
    pub kind: EdgeKind,
}

/// A node: an actor's canonical name and type.
pub type Node = (String, ActorType);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Pair {
    count: u64,
    articles: u64,
}

/// Edges gathered over articles; merge per-thread networks with [`Network::merge`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    pairs: BTreeMap<(Option<String>, EdgeKind, Node, Node), Pair>,
    /// Units each actor appears in, per period, and the units per period, for PMI.
    singles: BTreeMap<(Option<String>, Node), u64>,
    units: BTreeMap<Option<String>, u64>,
    nodes: BTreeSet<Node>,
}

impl Network {
    /// An empty network.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one article: its actors (from [`extract`](crate::extract)), its quotations (from
    /// [`quotes`](crate::quotes), may be empty), the level and the article's period label.
    pub fn add(
        &mut self,
        article: &Article,
        actors: &[Actor],
        quotes: &[Quote],
        level: Level,
        period: Option<&str>,
        aliases: &AliasTable,
    ) {
        let period = period.map(str::to_owned);
        let nodes: Vec<Node> = actors.iter().map(|a| (aliases.canonical(a), a.kind)).collect();
        self.nodes.extend(nodes.iter().cloned());
        // The first byte of every unit, ascending: a mention belongs to the last unit that
        // starts at or before it.
        let starts: Vec<usize> = match level {
            Level::Article => vec![0],
            Level::Paragraph => input::read(article).iter().map(|s| s.offset).collect(),
            Level::Sentence => input::read(article)
                .iter()
                .flat_map(|s| {
                    let offset = s.offset;
                    s.words.iter().filter(|w| w.sentence_start).map(move |w| offset + w.start)
                })
                .collect(),
        };
        let mut units: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for (index, actor) in actors.iter().enumerate() {
            for span in &actor.mentions {
                let unit = starts.partition_point(|&start| start <= span.start).saturating_sub(1);
                units.entry(unit).or_default().insert(index);
            }
        }
        *self.units.entry(period.clone()).or_default() += starts.len() as u64;
        let mut in_article: BTreeSet<(EdgeKind, Node, Node)> = BTreeSet::new();
        for members in units.values() {
            let members: BTreeSet<&Node> = members.iter().map(|&i| &nodes[i]).collect();
            for node in &members {
                *self.singles.entry((period.clone(), (*node).clone())).or_default() += 1;
            }
            let members: Vec<&Node> = members.into_iter().collect();
            for (i, a) in members.iter().enumerate() {
                for b in &members[i + 1..] {
                    let key = (EdgeKind::Cooccurrence, (*a).clone(), (*b).clone());
                    self.pairs.entry((period.clone(), key.0, key.1.clone(), key.2.clone())).or_default().count += 1;
                    in_article.insert(key);
                }
            }
        }
        for quote in quotes {
            let Some(speaker) = quote.speaker.as_ref().and_then(|name| actors.iter().position(|a| &a.name == name))
            else {
                continue;
            };
            let named: BTreeSet<&Node> = actors
                .iter()
                .enumerate()
                .filter(|(index, actor)| {
                    *index != speaker
                        && actor.mentions.iter().any(|m| m.start >= quote.span.start && m.end <= quote.span.end)
                })
                .map(|(index, _)| &nodes[index])
                .collect();
            for target in named {
                if *target == nodes[speaker] {
                    continue;
                }
                let key = (EdgeKind::Quote, nodes[speaker].clone(), target.clone());
                self.pairs.entry((period.clone(), key.0, key.1.clone(), key.2.clone())).or_default().count += 1;
                in_article.insert(key);
            }
        }
        for (kind, a, b) in in_article {
            self.pairs.entry((period.clone(), kind, a, b)).or_default().articles += 1;
        }
    }

    /// Adds what another thread gathered.
    pub fn merge(&mut self, other: Self) {
        for (key, pair) in other.pairs {
            let mine = self.pairs.entry(key).or_default();
            mine.count += pair.count;
            mine.articles += pair.articles;
        }
        for (key, n) in other.singles {
            *self.singles.entry(key).or_default() += n;
        }
        for (key, n) in other.units {
            *self.units.entry(key).or_default() += n;
        }
        self.nodes.extend(other.nodes);
    }

    /// The edges whose weight reaches `min_weight`, of actors of `types` (all when empty),
    /// heaviest first. With `pmi`, co-occurrence weights are PMI (base 2) over the units of
    /// the period; quote edges keep their counts.
    #[must_use]
    pub fn edges(&self, pmi: bool, min_weight: f64, types: &[ActorType]) -> Vec<Edge> {
        let wanted = |node: &Node| types.is_empty() || types.contains(&node.1);
        let mut edges: Vec<Edge> = self
            .pairs
            .iter()
            .filter(|((_, _, a, b), _)| wanted(a) && wanted(b))
            .map(|((period, kind, a, b), pair)| {
                let weight = if pmi && *kind == EdgeKind::Cooccurrence {
                    let units = self.units.get(period).copied().unwrap_or(1) as f64;
                    let single = |node: &Node| self.singles.get(&(period.clone(), node.clone())).copied().unwrap_or(1);
                    ((pair.count as f64 * units) / (single(a) as f64 * single(b) as f64)).log2()
                } else {
                    pair.count as f64
                };
                Edge {
                    source: a.0.clone(),
                    target: b.0.clone(),
                    weight,
                    count: pair.count,
                    articles: pair.articles,
                    period: period.clone(),
                    kind: *kind,
                }
            })
            .filter(|edge| edge.weight >= min_weight)
            .collect();
        edges.sort_by(|a, b| {
            (a.period.is_none(), &a.period)
                .cmp(&(b.period.is_none(), &b.period))
                .then(b.weight.total_cmp(&a.weight))
                .then((&a.source, &a.target, a.kind).cmp(&(&b.source, &b.target, b.kind)))
        });
        edges
    }

    /// The type of each node, by name (a name used for two types keeps the first).
    fn types(&self) -> BTreeMap<&str, ActorType> {
        let mut types = BTreeMap::new();
        for (name, kind) in &self.nodes {
            types.entry(name.as_str()).or_insert(*kind);
        }
        types
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The nodes the edges touch, with their types, in name order.
fn used_nodes<'a>(network: &'a Network, edges: &'a [Edge]) -> Vec<(&'a str, ActorType)> {
    let types = network.types();
    let names: BTreeSet<&str> = edges.iter().flat_map(|e| [e.source.as_str(), e.target.as_str()]).collect();
    names.into_iter().map(|name| (name, types.get(name).copied().unwrap_or(ActorType::Person))).collect()
}

/// Writes `edges` as GEXF 1.3 for Gephi: periods (`2024-09`, `2024-Q3`, ...) become time
/// slices of a dynamic graph, labelled by the period's text.
///
/// # Errors
///
/// Whatever writing to `out` returns.
pub fn write_gexf(network: &Network, edges: &[Edge], out: &mut dyn Write) -> io::Result<()> {
    let dynamic = edges.iter().any(|e| e.period.is_some());
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
    writeln!(out, r#"  <meta><creator>dateline</creator><description>actor network</description></meta>"#)?;
    if dynamic {
        writeln!(out, r#"  <graph defaultedgetype="undirected" mode="dynamic" timeformat="string">"#)?;
    } else {
        writeln!(out, r#"  <graph defaultedgetype="undirected" mode="static">"#)?;
    }
    writeln!(out, r#"    <attributes class="node"><attribute id="type" title="type" type="string"/></attributes>"#)?;
    writeln!(
        out,
        r#"    <attributes class="edge"><attribute id="count" title="count" type="long"/><attribute id="articles" title="articles" type="long"/></attributes>"#
    )?;
    let nodes = used_nodes(network, edges);
    let ids: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, (name, _))| (*name, i)).collect();
    writeln!(out, "    <nodes>")?;
    for (i, (name, kind)) in nodes.iter().enumerate() {
        writeln!(
            out,
            r#"      <node id="n{i}" label="{}"><attvalues><attvalue for="type" value="{}"/></attvalues></node>"#,
            escape(name),
            kind.as_str()
        )?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, edge) in edges.iter().enumerate() {
        let directed = if edge.kind == EdgeKind::Quote { r#" type="directed""# } else { "" };
        let slice = edge.period.as_ref().map_or_else(String::new, |p| {
            let p = escape(p);
            format!(r#" start="{p}" end="{p}""#)
        });
        writeln!(
            out,
            r#"      <edge id="e{i}" source="n{}" target="n{}" weight="{}"{directed}{slice} label="{}"><attvalues><attvalue for="count" value="{}"/><attvalue for="articles" value="{}"/></attvalues></edge>"#,
            ids[edge.source.as_str()],
            ids[edge.target.as_str()],
            edge.weight,
            match edge.kind {
                EdgeKind::Cooccurrence => "cooccurrence",
                EdgeKind::Quote => "quote",
            },
            edge.count,
            edge.articles
        )?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

/// Writes `edges` as GraphML, with the period, count, articles and kind as edge data.
///
/// # Errors
///
/// Whatever writing to `out` returns.
pub fn write_graphml(network: &Network, edges: &[Edge], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
    writeln!(out, r#"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#)?;
    writeln!(out, r#"  <key id="type" for="node" attr.name="type" attr.type="string"/>"#)?;
    writeln!(out, r#"  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#)?;
    writeln!(out, r#"  <key id="count" for="edge" attr.name="count" attr.type="long"/>"#)?;
    writeln!(out, r#"  <key id="articles" for="edge" attr.name="articles" attr.type="long"/>"#)?;
    writeln!(out, r#"  <key id="period" for="edge" attr.name="period" attr.type="string"/>"#)?;
    writeln!(out, r#"  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>"#)?;
    writeln!(out, r#"  <graph id="actors" edgedefault="undirected">"#)?;
    let nodes = used_nodes(network, edges);
    let ids: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, (name, _))| (*name, i)).collect();
    for (i, (name, kind)) in nodes.iter().enumerate() {
        writeln!(
            out,
            r#"    <node id="n{i}"><data key="label">{}</data><data key="type">{}</data></node>"#,
            escape(name),
            kind.as_str()
        )?;
    }
    for (i, edge) in edges.iter().enumerate() {
        let directed = edge.kind == EdgeKind::Quote;
        write!(
            out,
            r#"    <edge id="e{i}" source="n{}" target="n{}" directed="{directed}"><data key="weight">{}</data><data key="count">{}</data><data key="articles">{}</data>"#,
            ids[edge.source.as_str()],
            ids[edge.target.as_str()],
            edge.weight,
            edge.count,
            edge.articles
        )?;
        if let Some(period) = &edge.period {
            write!(out, r#"<data key="period">{}</data>"#, escape(period))?;
        }
        let kind = if directed { "quote" } else { "cooccurrence" };
        writeln!(out, r#"<data key="kind">{kind}</data></edge>"#)?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network(text: &str, level: Level) -> (Network, Vec<Edge>) {
        let article = dateline_parse::parse_article(text).expect("parses");
        let actors = crate::extract(&article);
        let quotes = crate::quotes(&article, &actors);
        let mut network = Network::new();
        network.add(&article, &actors, &quotes, level, Some("2024-01"), &AliasTable::new());
        let edges = network.edges(false, 1.0, &[]);
        (network, edges)
    }

    const TEXT: &str = " date 2024-01-10 Sergey Lavrov met envoys in Moscow. Tehran waited.\n\n\"Tehran and Moscow will keep talking,\" Lavrov said.";

    #[test]
    fn levels_decide_what_counts_as_together() {
        let pairs = |edges: &[Edge]| -> Vec<(String, String, u64)> {
            edges
                .iter()
                .filter(|e| e.kind == EdgeKind::Cooccurrence)
                .map(|e| (e.source.clone(), e.target.clone(), e.count))
                .collect()
        };
        let (_, sentence) = network(TEXT, Level::Sentence);
        assert_eq!(
            pairs(&sentence),
            [
                ("Moscow".into(), "Sergey Lavrov".into(), 2),
                ("Moscow".into(), "Tehran".into(), 1),
                ("Sergey Lavrov".into(), "Tehran".into(), 1)
            ]
        );
        let (_, article) = network(TEXT, Level::Article);
        assert!(pairs(&article).iter().all(|(_, _, count)| *count == 1));
        assert_eq!(pairs(&article).len(), 3);
    }

    #[test]
    fn speakers_point_at_whom_they_name() {
        let (network, edges) = network(TEXT, Level::Paragraph);
        let quoted: Vec<(&str, &str)> = edges
            .iter()
            .filter(|e| e.kind == EdgeKind::Quote)
            .map(|e| (e.source.as_str(), e.target.as_str()))
            .collect();
        assert_eq!(quoted, [("Sergey Lavrov", "Moscow"), ("Sergey Lavrov", "Tehran")]);
        let mut gexf = Vec::new();
        write_gexf(&network, &edges, &mut gexf).expect("writes");
        let gexf = String::from_utf8(gexf).expect("UTF-8");
        assert!(gexf.contains(r#"mode="dynamic""#) && gexf.contains(r#"start="2024-01""#), "{gexf}");
        let mut graphml = Vec::new();
        write_graphml(&network, &edges, &mut graphml).expect("writes");
        assert!(String::from_utf8(graphml).expect("UTF-8").contains(r#"directed="true""#));
    }

    #[test]
    fn pmi_rewards_pairs_rarer_apart() {
        let (network, _) = network(TEXT, Level::Sentence);
        let edges = network.edges(true, f64::NEG_INFINITY, &[ActorType::Place]);
        assert!(edges.iter().all(|e| e.source != "Sergey Lavrov" && e.target != "Sergey Lavrov"));
        // Three sentences; Moscow in two, Tehran in two, together in one: log2(1*3/(2*2)).
        let pair = edges.iter().find(|e| e.kind == EdgeKind::Cooccurrence).expect("an edge");
        assert!((pair.weight - (0.75f64).log2()).abs() < 1e-9, "{pair:?}");
    }
}
