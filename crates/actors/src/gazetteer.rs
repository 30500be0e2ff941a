//! The crate's shipped data (`data/`), read once into lookup tables.
//!
//! Every table is keyed by the written form, case and all: news capitalises names, and the
//! gazetteers' lower-case city names (`Of`, `Police`) must not fire on ordinary words.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ActorType;

/// What the data says a written form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// A country: its ISO code, so that `US`, `U.S.` and `United States` merge.
    Country(&'static str),
    /// A place that is not a country; the population weighs a city's name against a person's.
    Place { population: u64 },
    /// An organisation from the hand-written lists or the news outlets.
    Organization,
}

/// How a word before a name relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleClass {
    /// `Mr`, `Sir`: taken off the name, not a role.
    Honorific,
    /// `Deputy`, `Former`: part of the role, never a role alone.
    Modifier,
    /// `Foreign`, `Defence`: part of a role before `Minister`, never a role alone.
    Portfolio,
    /// `Minister`, `General`, `Ayatollah`: a role.
    Office,
}

pub(crate) struct Gazetteer {
    pub(crate) known: FxHashMap<&'static str, Known>,
    /// Each country's canonical name by its ISO code, for merging across articles.
    pub(crate) country_names: FxHashMap<&'static str, &'static str>,
    pub(crate) demonyms: FxHashSet<&'static str>,
    pub(crate) org_heads: FxHashSet<&'static str>,
    pub(crate) place_heads: FxHashSet<&'static str>,
    /// Titles, multi-word ones as written (`Attorney General`), with their class and gender.
    pub(crate) titles: FxHashMap<&'static str, (TitleClass, Gender)>,
    /// The most words a title has.
    pub(crate) title_words: usize,
    /// Lower-case role nouns (`minister`, `spokesman`) with their gender.
    pub(crate) roles: FxHashMap<&'static str, Gender>,
    /// First names nearly all of whose bearers have one gender, with the percent of the
    /// people of that gender who bear it (`Cindy`: female, 0.192).
    pub(crate) given_names: FxHashMap<&'static str, (Gender, f32)>,
}

/// A person's grammatical gender as titles and role words tell it, for pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Unknown,
}

fn gender(cell: &str) -> Gender {
    match cell {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The data rows of a shipped TSV file, split into cells.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|line| !line.starts_with('#') && !line.is_empty()).map(|line| line.split('\t').collect())
}

fn cell(row: &[&'static str], index: usize) -> &'static str {
    row.get(index).copied().unwrap_or("")
}

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

impl Gazetteer {
    fn load() -> Self {
        let mut known = FxHashMap::default();
        // Later inserts win: places first, then countries, then organisations, so that a
        // form both a city and a country (`Georgia`) is the country.
        for row in rows(include_str!("../data/places.tsv")) {
            if cell(&row, 1) == "country" {
                continue;
            }
            let population = cell(&row, 3).parse().unwrap_or(0);
            known.insert(
                cell(&row, 0),
                Known::Place { population: if cell(&row, 1) == "city" { population } else { u64::MAX } },
            );
        }
        for row in rows(include_str!("../data/place-aliases.tsv")) {
            known.entry(cell(&row, 0)).or_insert(Known::Place { population: 0 });
        }
        for row in rows(include_str!("../data/places-extra.tsv")) {
            known.insert(cell(&row, 0), Known::Place { population: u64::MAX });
        }
        for row in rows(include_str!("../data/country-aliases.tsv")) {
            // Two-letter ISO codes (`IN`, `AT`, `US`) are words too; only forms news writes
            // as a country's name count, and `US`, `UK` are written forms (`abbreviation`).
            if matches!(cell(&row, 3), "iso2" | "iso3") {
                continue;
            }
            known.insert(cell(&row, 0), Known::Country(cell(&row, 1)));
        }
        for row in rows(include_str!("../data/country-aliases-extra.tsv")) {
            known.insert(cell(&row, 0), Known::Country(cell(&row, 1)));
        }
        for row in rows(include_str!("../data/organizations.tsv")) {
            known.insert(cell(&row, 0), Known::Organization);
        }
        for row in rows(include_str!("../data/news-outlets.tsv")) {
            known.insert(cell(&row, 0), Known::Organization);
        }
        let country_names =
            rows(include_str!("../data/countries.tsv")).map(|row| (cell(&row, 0), cell(&row, 2))).collect();
        let demonyms = rows(include_str!("../data/demonyms.tsv"))
            .chain(rows(include_str!("../data/demonyms-extra.tsv")))
            .map(|row| cell(&row, 0))
            .collect();
        // Company suffixes (`Inc`, `Ltd.`) are heads too; the tokenizer drops a final stop.
        let org_heads =
            rows(include_str!("../data/org-heads.tsv")).map(|row| cell(&row, 0).trim_end_matches('.')).collect();
        let place_heads = rows(include_str!("../data/place-heads.tsv")).map(|row| cell(&row, 0)).collect();
        let mut titles = FxHashMap::default();
        let mut title_words = 1;
        for row in rows(include_str!("../data/person-titles.tsv")) {
            let class = match cell(&row, 1) {
                "honorific" => TitleClass::Honorific,
                "modifier" => TitleClass::Modifier,
                "portfolio" => TitleClass::Portfolio,
                _ => TitleClass::Office,
            };
            // The tokenizer drops a title's final stop (`Mr.` is the token `Mr`).
            let title = cell(&row, 0).trim_end_matches('.');
            title_words = title_words.max(title.split(' ').count());
            titles.insert(title, (class, gender(cell(&row, 2))));
        }
        let roles =
            rows(include_str!("../data/role-words.tsv")).map(|row| (cell(&row, 0), gender(cell(&row, 1)))).collect();
        let given_names = rows(include_str!("../data/given-names.tsv"))
            .map(|row| (cell(&row, 0), (gender(cell(&row, 1)), cell(&row, 2).parse().unwrap_or(0.0))))
            .collect();
        Gazetteer { known, country_names, demonyms, org_heads, place_heads, titles, title_words, roles, given_names }
    }

    /// The type the data gives `name` on its own, if any.
    pub(crate) fn type_of(&self, name: &str) -> Option<ActorType> {
        self.known.get(name).map(|known| match known {
            Known::Country(_) | Known::Place { .. } => ActorType::Place,
            Known::Organization => ActorType::Organization,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_types_countries_places_and_organisations() {
        let g = &*GAZETTEER;
        assert_eq!(g.known.get("United States"), Some(&Known::Country("US")));
        assert_eq!(g.known.get("U.S."), Some(&Known::Country("US")));
        assert_eq!(g.type_of("Tehran"), Some(ActorType::Place));
        assert_eq!(g.type_of("Kremlin"), Some(ActorType::Organization));
        assert_eq!(g.type_of("IN"), None, "an ISO code alone is a word");
        assert!(g.titles.contains_key("Mr"));
        assert!(g.org_heads.contains("Ministry"));
        assert!(g.demonyms.contains("Iranian"));
        assert_eq!(g.given_names.get("Michelle").map(|(gender, _)| *gender), Some(Gender::Female));
        assert_eq!(g.given_names.get("Noah").map(|(gender, _)| *gender), Some(Gender::Male));
        assert!(!g.given_names.contains_key("Terry"), "a name both men and women have has no gender");
    }
}
