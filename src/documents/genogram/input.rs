//! What the genogram draws, resolved from the case: people by index, the
//! partnerships between them and the households they live in. This is the
//! only input the layout reads, so the case model can change without the
//! layout changing; `super::job` builds it from the case.

use crate::case::{Date, Gender, PartnershipStatus};

/// Who the genogram draws, resolved from the case: people by index.
#[derive(Debug, Clone, Default)]
pub struct GenoFamily {
    /// Everyone drawn; every other index refers into this.
    pub people: Vec<GenoPerson>,
    /// Partnerships, each between two people; order does not matter.
    pub partnerships: Vec<GenoPartnership>,
    /// Groups of people living together, each drawn inside a dashed
    /// boundary. A person should be in at most one.
    pub households: Vec<Vec<usize>>,
}

/// One person in the genogram.
#[derive(Debug, Clone)]
pub struct GenoPerson {
    /// Full name, as printed under the symbol.
    pub name: String,
    /// Square, circle, diamond or diamond with "?".
    pub gender: Gender,
    /// When they were born: a day, or only a year.
    pub born: Option<Born>,
    /// An unborn child: drawn as a pregnancy triangle with "due 1 Mar 2027".
    pub expected: Option<Date>,
    /// When they died: a day, or only a year.
    pub died: Option<Born>,
    /// Died, date unknown.
    pub deceased: bool,
    /// A child the case is about (double outline).
    pub subject: bool,
    /// Short note under the label ("in prison", "looked after").
    pub note: Option<String>,
    /// Their parents, by index, and how each is their parent.
    pub parents: Vec<(usize, ParentKind)>,
}

/// A date that may be known only to the year: the case's own type.
pub use crate::case::DateOrYear as Born;
/// How someone is a child's parent: the case's own type. A birth parent's
/// line down is solid, an adoptive parent's dashed (and a child with
/// adopters hangs from them alone, the birth parents drawn apart); a
/// step-parent is shown by their partnership with the birth parent, and
/// joins the child's line (dotted) only when that parent is the only other
/// one drawn; another legal parent's line is dotted.
pub use crate::case::ParentKind;

/// A partnership between two people.
#[derive(Debug, Clone)]
pub struct GenoPartnership {
    /// One partner, by index.
    pub a: usize,
    /// The other partner, by index.
    pub b: usize,
    /// Married, partners, separated or divorced.
    pub status: PartnershipStatus,
    /// Domestic abuse between the two: a zigzag line between them, drawn
    /// besides the partnership line.
    pub domestic_abuse: bool,
}

impl GenoPerson {
    /// A person with a name and gender and nothing else known.
    pub fn new(name: impl Into<String>, gender: Gender) -> GenoPerson {
        GenoPerson {
            name: name.into(),
            gender,
            born: None,
            expected: None,
            died: None,
            deceased: false,
            subject: false,
            note: None,
            parents: Vec::new(),
        }
    }
}
