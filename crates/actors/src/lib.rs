//! Who is in the news: the people, organisations and places named in each article, with
//! their aliases and roles; the direct quotations with their speakers; and which actors
//! appear together.
//!
//! Everything is rules over the text layer's tokens and the data this crate ships (`data/`:
//! gazetteers generated from GeoNames, countryinfo and the US Census' first names, word lists
//! written by hand): no model, nothing downloaded, the same output for the same input.
//!
//! # Example
//!
//! ```
//! use dateline_actors::{ActorType, extract};
//!
//! let article = dateline_parse::parse_article(
//!     " date 2024-01-10 Iranian Foreign Minister Hossein Amir-Abdollahian met Sergey Lavrov in Moscow. Lavrov said talks went well.",
//! )?;
//! let actors = extract(&article);
//! let lavrov = actors.iter().find(|a| a.name == "Sergey Lavrov").unwrap();
//! assert_eq!((lavrov.kind, lavrov.aliases.as_slice()), (ActorType::Person, ["Lavrov".to_owned()].as_slice()));
//! assert_eq!(actors[0].roles, ["Foreign Minister"]);
//! assert!(actors.iter().any(|a| a.name == "Moscow" && a.kind == ActorType::Place));
//! # Ok::<(), dateline_parse::ParseError>(())
//! ```

#![deny(missing_docs)]

mod corpus;
mod cues;
mod extract;
mod furniture;
mod gazetteer;
mod input;
mod network;
mod quotes;

use dateline_model::Span;
use serde::{Deserialize, Serialize};

pub use corpus::{ActorRow, AliasError, AliasTable, CorpusActors};
pub use extract::extract;
pub use network::{Edge, EdgeKind, Level, Network, Node, write_gexf, write_graphml};
pub use quotes::{Quote, QuoteKind, quotes};

/// What kind of actor a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    /// A person, real or fictional.
    Person,
    /// A company, government body, party, armed group, club, outlet, institution.
    Organization,
    /// A country, region, city, sea, building or other place.
    Place,
}

impl ActorType {
    /// The name used in output: `person`, `organization`, `place`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
        }
    }
}

/// An actor as one article names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The fullest form the article uses (`Hossein Amir-Abdollahian`).
    pub name: String,
    /// Person, organisation or place.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// The article's other forms of the name (`Amir-Abdollahian`), sorted.
    pub aliases: Vec<String>,
    /// Byte spans of every mention in the decoded file text, in order.
    pub mentions: Vec<Span>,
    /// Titles and roles the article gives the actor (`Foreign Minister`).
    pub roles: Vec<String>,
}
