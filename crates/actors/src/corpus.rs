//! Actors over a corpus: one canonical actor for the forms many articles use, with the
//! articles and mentions it has, its first and last date and its roles, per period on
//! request. Per-thread results merge in any order to the same table.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::gazetteer::{GAZETTEER, Known};
use crate::{Actor, ActorType};

/// Hand-made merges and splits, read from a TSV file users edit: `form<TAB>canonical` makes
/// every actor named `form` (or using it as an alias) the actor `canonical`; `form<TAB>-`
/// keeps `form` apart from every automatic merge. `#` starts a comment line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AliasTable {
    merge: FxHashMap<String, String>,
    apart: FxHashSet<String>,
}

/// A line of an aliases file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct AliasError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl AliasTable {
    /// An empty table: automatic merges only.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a table from the text of an aliases file.
    ///
    /// # Errors
    ///
    /// A line that is not `form<TAB>canonical` (or `form<TAB>-`), naming the line.
    pub fn parse(text: &str) -> Result<Self, AliasError> {
        let mut table = Self::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: &str| AliasError { line: index + 1, message: message.to_owned() };
            let Some((form, canonical)) = line.split_once('\t') else {
                return Err(error("expected `form<TAB>canonical` or `form<TAB>-`"));
            };
            let (form, canonical) = (form.trim(), canonical.trim());
            if form.is_empty() || canonical.is_empty() || canonical.contains('\t') {
                return Err(error("expected `form<TAB>canonical` or `form<TAB>-`, each non-empty"));
            }
            if canonical == "-" {
                table.apart.insert(form.to_owned());
            } else {
                table.merge.insert(form.to_owned(), canonical.to_owned());
            }
        }
        Ok(table)
    }

    /// The corpus-wide name of an article's actor.
    #[must_use]
    pub fn canonical(&self, actor: &Actor) -> String {
        if let Some(name) = self.merge.get(&actor.name) {
            return name.clone();
        }
        if self.apart.contains(&actor.name) {
            return actor.name.clone();
        }
        if let Some(name) = actor.aliases.iter().find_map(|alias| self.merge.get(alias)) {
            return name.clone();
        }
        // Every name of a country is the country: `US`, `U.S.`, `United States`.
        if actor.kind == ActorType::Place
            && let Some(Known::Country(code)) =
                std::iter::once(&actor.name).chain(&actor.aliases).find_map(|form| GAZETTEER.known.get(form.as_str()))
            && let Some(name) = GAZETTEER.country_names.get(code)
        {
            return (*name).to_owned();
        }
        actor.name.clone()
    }

    fn is_apart(&self, form: &str) -> bool {
        self.apart.contains(form)
    }
}

/// One row of the corpus table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRow {
    /// The period (`2024-09`), with `--by`; `None` over the whole corpus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The canonical name.
    #[serde(rename = "actor")]
    pub name: String,
    /// Person, organisation or place.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// Articles that name it.
    pub articles: u64,
    /// Mentions over those articles.
    pub mentions: u64,
    /// The earliest and latest publication dates of those articles (`YYYY-MM-DD`).
    pub first: Option<String>,
    /// See `first`.
    pub last: Option<String>,
    /// Roles the articles give it, sorted.
    pub roles: Vec<String>,
    /// The other forms the articles use, sorted.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Entry {
    articles: u64,
    mentions: u64,
    first: Option<String>,
    last: Option<String>,
    roles: BTreeSet<String>,
    forms: BTreeSet<String>,
}

impl Entry {
    fn absorb(&mut self, other: Entry) {
        self.articles += other.articles;
        self.mentions += other.mentions;
        self.first = min_date(self.first.take(), other.first);
        self.last = max_date(self.last.take(), other.last);
        self.roles.extend(other.roles);
        self.forms.extend(other.forms);
    }
}

fn min_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_date(a: Option<String>, b: Option<String>) -> Option<String> {
    a.max(b)
}

/// Actors gathered over articles; see [`CorpusActors::finish`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusActors {
    entries: BTreeMap<(Option<String>, ActorType, String), Entry>,
}

impl CorpusActors {
    /// Nothing gathered yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one article's actors, with its date (`YYYY-MM-DD`) and its period label when the
    /// table is per period.
    pub fn add(&mut self, date: Option<&str>, period: Option<&str>, actors: &[Actor], aliases: &AliasTable) {
        for actor in actors {
            let name = aliases.canonical(actor);
            let entry = self.entries.entry((period.map(str::to_owned), actor.kind, name.clone())).or_default();
            entry.articles += 1;
            entry.mentions += actor.mentions.len() as u64;
            entry.first = min_date(entry.first.take(), date.map(str::to_owned));
            entry.last = max_date(entry.last.take(), date.map(str::to_owned));
            entry.roles.extend(actor.roles.iter().cloned());
            entry.forms.extend(std::iter::once(&actor.name).chain(&actor.aliases).filter(|f| **f != name).cloned());
        }
    }

    /// Adds what another thread gathered.
    pub fn merge(&mut self, other: Self) {
        for (key, entry) in other.entries {
            self.entries.entry(key).or_default().absorb(entry);
        }
    }

    /// The table: a person named by a single word anywhere is merged into the one person
    /// whose fuller name ends with it (`Lavrov` into `Sergey Lavrov`) unless the aliases file
    /// keeps it apart or two fuller names share it; rows by mentions, most first.
    #[must_use]
    pub fn finish(mut self, aliases: &AliasTable) -> Vec<ActorRow> {
        let mut surnames: BTreeMap<(Option<String>, String), Vec<String>> = BTreeMap::new();
        for (period, kind, name) in self.entries.keys() {
            if *kind == ActorType::Person
                && let Some((_, last)) = name.rsplit_once(' ')
            {
                surnames.entry((period.clone(), last.to_owned())).or_default().push(name.clone());
            }
        }
        let single: Vec<(Option<String>, String)> = self
            .entries
            .keys()
            .filter(|(_, kind, name)| *kind == ActorType::Person && !name.contains(' ') && !aliases.is_apart(name))
            .map(|(period, _, name)| (period.clone(), name.clone()))
            .collect();
        for (period, name) in single {
            // The one fuller name, or the one far more often named than the others
            // (`Donald Trump` beside `Melania Trump`).
            let articles = |full: &String| {
                self.entries.get(&(period.clone(), ActorType::Person, full.clone())).map_or(0, |e| e.articles)
            };
            let chosen = surnames.get(&(period.clone(), name.clone())).and_then(|fulls| {
                let mut ranked: Vec<(u64, &String)> = fulls.iter().map(|full| (articles(full), full)).collect();
                ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
                match ranked.as_slice() {
                    [(_, only)] => Some((*only).clone()),
                    [(first, full), (second, _), ..] if *first >= 5 * *second.max(&1) => Some((*full).clone()),
                    _ => None,
                }
            });
            if let Some(full) = chosen
                && let Some(mut entry) = self.entries.remove(&(period.clone(), ActorType::Person, name.clone()))
            {
                entry.forms.insert(name);
                if let Some(target) = self.entries.get_mut(&(period, ActorType::Person, full.clone())) {
                    target.absorb(entry);
                }
            }
        }
        let mut rows: Vec<ActorRow> = self
            .entries
            .into_iter()
            .map(|((period, kind, name), entry)| {
                let mut forms = entry.forms;
                forms.remove(&name);
                ActorRow {
                    period,
                    name,
                    kind,
                    articles: entry.articles,
                    mentions: entry.mentions,
                    first: entry.first,
                    last: entry.last,
                    roles: entry.roles.into_iter().collect(),
                    aliases: forms.into_iter().collect(),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            (a.period.is_none(), &a.period)
                .cmp(&(b.period.is_none(), &b.period))
                .then(b.mentions.cmp(&a.mentions))
                .then(b.articles.cmp(&a.articles))
                .then(a.name.cmp(&b.name))
                .then(a.kind.cmp(&b.kind))
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::Span;

    fn actor(name: &str, kind: ActorType, aliases: &[&str]) -> Actor {
        Actor {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            mentions: vec![Span::new(0, 1)],
            roles: vec![],
        }
    }

    #[test]
    fn country_names_surnames_and_hand_merges() {
        let table = AliasTable::parse("# merges\nTehran Times\tTehran Times Daily\nPutin\t-\n").expect("valid");
        let mut corpus = CorpusActors::new();
        corpus.add(Some("2024-01-10"), None, &[actor("US", ActorType::Place, &[])], &table);
        corpus.add(
            Some("2024-01-12"),
            None,
            &[actor("United States", ActorType::Place, &["U.S."]), actor("Sergey Lavrov", ActorType::Person, &[])],
            &table,
        );
        corpus.add(
            None,
            None,
            &[actor("Lavrov", ActorType::Person, &[]), actor("Putin", ActorType::Person, &[])],
            &table,
        );
        corpus.add(None, None, &[actor("Vladimir Putin", ActorType::Person, &[])], &table);
        corpus.add(None, None, &[actor("Tehran Times", ActorType::Organization, &[])], &table);
        let rows = corpus.finish(&table);
        let us = rows.iter().find(|r| r.name == "United States").expect("one country");
        assert_eq!((us.articles, us.first.as_deref(), us.last.as_deref()), (2, Some("2024-01-10"), Some("2024-01-12")));
        assert_eq!(rows.iter().find(|r| r.name == "Sergey Lavrov").map(|r| r.articles), Some(2));
        assert!(rows.iter().any(|r| r.name == "Putin"), "kept apart by hand");
        assert!(rows.iter().any(|r| r.name == "Tehran Times Daily"));
    }

    #[test]
    fn a_surname_goes_to_the_fuller_name_far_more_often_named() {
        let table = AliasTable::new();
        let mut corpus = CorpusActors::new();
        for _ in 0..5 {
            corpus.add(None, None, &[actor("Donald Trump", ActorType::Person, &[])], &table);
        }
        corpus.add(None, None, &[actor("Melania Trump", ActorType::Person, &[])], &table);
        corpus.add(None, None, &[actor("Trump", ActorType::Person, &[])], &table);
        let rows = corpus.finish(&table);
        assert_eq!(rows.iter().find(|r| r.name == "Donald Trump").map(|r| r.articles), Some(6));
        assert!(!rows.iter().any(|r| r.name == "Trump"));
    }

    #[test]
    fn a_bad_aliases_line_is_named() {
        assert_eq!(
            AliasTable::parse("ok\tfine\nbroken\n").map(|_| ()),
            Err(AliasError { line: 2, message: "expected `form<TAB>canonical` or `form<TAB>-`".into() })
        );
    }
}
