//! Who appears with whom: undirected co-occurrence of actors in a sentence, paragraph or
//! article, weighted by count or by PMI, per period; and directed edges from a quotation's
//! speaker to the actors the quotation names. Writers for GEXF (periods as time slices)
//! and GraphML.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use dateline_model::Article;
use rustc_hash::FxHashMap;
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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Pair {
    count: u64,
    articles: u64,
}

/// A node's or a period's index in the network's own lists.
type Id = u32;

/// An edge's key: period, kind, and its two nodes (an undirected edge's in node order).
type PairKey = (Id, EdgeKind, Id, Id);

/// Edges gathered over articles; merge per-thread networks with [`Network::merge`].
///
/// Nodes and periods are interned: an edge costs four integers and its counts, not copies of
/// three names, so a corpus with hundreds of thousands of edges fits in a few tens of MB.
#[derive(Debug, Clone, Default)]
pub struct Network {
    nodes: Interned<Node>,
    periods: Interned<Option<String>>,
    pairs: FxHashMap<PairKey, Pair>,
    /// Units each actor appears in, per period, and the units per period, for PMI.
    singles: FxHashMap<(Id, Id), u64>,
    units: FxHashMap<Id, u64>,
}

/// An `f64` ordered by `total_cmp`, for sort keys.
#[derive(Debug, Clone, Copy)]
struct FloatOrd(f64);

impl PartialEq for FloatOrd {
    fn eq(&self, other: &Self) -> bool {
        self.0.total_cmp(&other.0).is_eq()
    }
}

impl Eq for FloatOrd {}

impl PartialOrd for FloatOrd {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FloatOrd {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Values numbered in the order they are first met.
#[derive(Debug, Clone)]
struct Interned<T> {
    values: Vec<T>,
    ids: FxHashMap<T, Id>,
}

impl<T> Default for Interned<T> {
    fn default() -> Self {
        Self { values: Vec::new(), ids: FxHashMap::default() }
    }
}

impl<T: Clone + Eq + std::hash::Hash> Interned<T> {
    fn id(&mut self, value: &T) -> Id {
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        let id = Id::try_from(self.values.len()).unwrap_or(Id::MAX);
        self.values.push(value.clone());
        self.ids.insert(value.clone(), id);
        id
    }

    fn get(&self, id: Id) -> &T {
        &self.values[id as usize]
    }
}

/// Equal when they hold the same edges, counts, units and nodes, whatever order they were
/// met in.
impl PartialEq for Network {
    fn eq(&self, other: &Self) -> bool {
        self.canonical() == other.canonical()
    }
}

impl Eq for Network {}

/// A network's content keyed by names rather than ids.
type Canonical<'a> = (
    BTreeMap<(&'a Option<String>, EdgeKind, &'a Node, &'a Node), Pair>,
    BTreeMap<(&'a Option<String>, &'a Node), u64>,
    BTreeMap<&'a Option<String>, u64>,
    BTreeSet<&'a Node>,
);

impl Network {
    /// An empty network.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn canonical(&self) -> Canonical<'_> {
        let (node, period) = (|id| self.nodes.get(id), |id| self.periods.get(id));
        (
            self.pairs.iter().map(|(&(p, kind, a, b), &pair)| ((period(p), kind, node(a), node(b)), pair)).collect(),
            self.singles.iter().map(|(&(p, n), &count)| ((period(p), node(n)), count)).collect(),
            self.units.iter().map(|(&p, &count)| (period(p), count)).collect(),
            self.nodes.values.iter().collect(),
        )
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
        let period = self.periods.id(&period.map(str::to_owned));
        let nodes: Vec<Id> = actors.iter().map(|a| self.nodes.id(&(aliases.canonical(a), a.kind))).collect();
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
        *self.units.entry(period).or_default() += starts.len() as u64;
        // In node order, so an undirected edge's source is the node that sorts first.
        let in_node_order = |ids: &mut Vec<Id>, all: &Interned<Node>| {
            ids.sort_unstable_by(|&a, &b| all.get(a).cmp(all.get(b)));
            ids.dedup();
        };
        let mut in_article: BTreeSet<(EdgeKind, Id, Id)> = BTreeSet::new();
        for members in units.values() {
            let mut members: Vec<Id> = members.iter().map(|&i| nodes[i]).collect();
            in_node_order(&mut members, &self.nodes);
            for &node in &members {
                *self.singles.entry((period, node)).or_default() += 1;
            }
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    self.pairs.entry((period, EdgeKind::Cooccurrence, a, b)).or_default().count += 1;
                    in_article.insert((EdgeKind::Cooccurrence, a, b));
                }
            }
        }
        for quote in quotes {
            let Some(speaker) = quote.speaker.as_ref().and_then(|name| actors.iter().position(|a| &a.name == name))
            else {
                continue;
            };
            let mut named: Vec<Id> = actors
                .iter()
                .enumerate()
                .filter(|(index, actor)| {
                    *index != speaker
                        && actor.mentions.iter().any(|m| m.start >= quote.span.start && m.end <= quote.span.end)
                })
                .map(|(index, _)| nodes[index])
                .collect();
            in_node_order(&mut named, &self.nodes);
            for target in named {
                if target == nodes[speaker] {
                    continue;
                }
                self.pairs.entry((period, EdgeKind::Quote, nodes[speaker], target)).or_default().count += 1;
                in_article.insert((EdgeKind::Quote, nodes[speaker], target));
            }
        }
        for (kind, a, b) in in_article {
            self.pairs.entry((period, kind, a, b)).or_default().articles += 1;
        }
    }

    /// Adds what another thread gathered.
    pub fn merge(&mut self, other: Self) {
        let nodes: Vec<Id> = other.nodes.values.iter().map(|node| self.nodes.id(node)).collect();
        let periods: Vec<Id> = other.periods.values.iter().map(|period| self.periods.id(period)).collect();
        let (node, period) = (|id: Id| nodes[id as usize], |id: Id| periods[id as usize]);
        for ((p, kind, a, b), pair) in other.pairs {
            let mine = self.pairs.entry((period(p), kind, node(a), node(b))).or_default();
            mine.count += pair.count;
            mine.articles += pair.articles;
        }
        for ((p, n), count) in other.singles {
            *self.singles.entry((period(p), node(n))).or_default() += count;
        }
        for (p, count) in other.units {
            *self.units.entry(period(p)).or_default() += count;
        }
    }

    /// The edges whose weight reaches `min_weight`, of actors of `types` (all when empty),
    /// heaviest first. With `pmi`, co-occurrence weights are PMI (base 2) over the units of
    /// the period; quote edges keep their counts.
    #[must_use]
    pub fn edges(&self, pmi: bool, min_weight: f64, types: &[ActorType]) -> Vec<Edge> {
        self.top_edges(pmi, min_weight, types, None)
    }

    /// [`edges`](Self::edges), only the first `limit` of each period when given: ranked before
    /// any name is copied, so asking for the top few of a large network costs little.
    #[must_use]
    pub fn top_edges(&self, pmi: bool, min_weight: f64, types: &[ActorType], limit: Option<usize>) -> Vec<Edge> {
        let wanted = |node: &Node| types.is_empty() || types.contains(&node.1);
        let mut ranked: Vec<(f64, PairKey, Pair)> = self
            .pairs
            .iter()
            .filter(|((_, _, a, b), _)| wanted(self.nodes.get(*a)) && wanted(self.nodes.get(*b)))
            .filter_map(|(&key, &pair)| {
                let (period, kind, a, b) = key;
                let weight = if pmi && kind == EdgeKind::Cooccurrence {
                    let units = self.units.get(&period).copied().unwrap_or(1) as f64;
                    let single = |node: Id| self.singles.get(&(period, node)).copied().unwrap_or(1);
                    ((pair.count as f64 * units) / (single(a) as f64 * single(b) as f64)).log2()
                } else {
                    pair.count as f64
                };
                (weight >= min_weight).then_some((weight, key, pair))
            })
            .collect();
        // Periods in order (the whole corpus last), heaviest first, then by names, kind and,
        // for two actors sharing a name under different types, their types.
        let order = |(weight, (period, kind, a, b), _): &(f64, PairKey, Pair)| {
            let period = self.periods.get(*period);
            let (a, b) = (self.nodes.get(*a), self.nodes.get(*b));
            (period.is_none(), period, std::cmp::Reverse(FloatOrd(*weight)), &a.0, &b.0, *kind, a.1, b.1)
        };
        if let Some(limit) = limit {
            // Each period keeps its own heaviest edges, chosen without sorting the rest.
            let mut periods: FxHashMap<Id, Vec<(f64, PairKey, Pair)>> = FxHashMap::default();
            for edge in ranked {
                periods.entry(edge.1.0).or_default().push(edge);
            }
            ranked = periods
                .into_values()
                .flat_map(|mut edges| {
                    if limit < edges.len() {
                        edges.select_nth_unstable_by(limit, |x, y| order(x).cmp(&order(y)));
                        edges.truncate(limit);
                    }
                    edges
                })
                .collect();
        }
        ranked.sort_unstable_by(|x, y| order(x).cmp(&order(y)));
        ranked
            .into_iter()
            .map(|(weight, (period, kind, a, b), pair)| Edge {
                source: self.nodes.get(a).0.clone(),
                target: self.nodes.get(b).0.clone(),
                weight,
                count: pair.count,
                articles: pair.articles,
                period: self.periods.get(period).clone(),
                kind,
            })
            .collect()
    }

    /// The type of each node, by name (a name used for two types keeps the one that sorts
    /// first).
    fn types(&self) -> BTreeMap<&str, ActorType> {
        let mut types = BTreeMap::new();
        for (name, kind) in self.nodes.values.iter().collect::<BTreeSet<_>>() {
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

    #[test]
    fn a_limit_keeps_the_heaviest_edges_of_every_period() {
        let article = dateline_parse::parse_article(TEXT).expect("parses");
        let actors = crate::extract(&article);
        let quotes = crate::quotes(&article, &actors);
        let mut network = Network::new();
        for period in ["2024-01", "2024-02"] {
            network.add(&article, &actors, &quotes, Level::Sentence, Some(period), &AliasTable::new());
        }
        let all = network.edges(false, 1.0, &[]);
        let top = network.top_edges(false, 1.0, &[], Some(1));
        let first_of = |period: &str| all.iter().find(|e| e.period.as_deref() == Some(period)).cloned();
        let expected: Vec<Edge> = ["2024-01", "2024-02"].into_iter().filter_map(first_of).collect();
        assert_eq!(top.len(), 2, "{top:?}");
        assert_eq!(top, expected);
        assert_eq!(network.top_edges(false, 1.0, &[], Some(all.len())), all);
    }
}
