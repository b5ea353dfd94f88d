//! Lays a family out as a genogram, in millimetres, so the template only
//! draws. The stages, each in its own module:
//!
//! 1. `kin`, `levels`: unions (a couple or lone parent with their
//!    children) and each person's row.
//! 2. `order`: the left-to-right order of every row, walked out from one
//!    union so that every link's people stay together.
//! 3. `place`: positions along the rows in slots.
//! 4. `route`, `channel`, `lines`: every line, with the horizontals
//!    between rows at heights where none crosses another link's.
//! 5. `households`: the boundaries.
//! 6. `check`, `search`: the faults of a layout, and the search over order
//!    choices for the layout with the fewest.

use super::draw::Input;
use super::input::GenoFamily;
use super::kin::Kin;
use super::label::texts;
use super::search::best;
pub use super::shapes::{Key, Layout, Line, Node, Rect};

/// How wide and tall the drawing may be, in millimetres (A4 landscape
/// inside the margins, less the title and the key).
pub const MAX_WIDTH: f64 = 250.0;
/// See [`MAX_WIDTH`].
pub const MAX_HEIGHT: f64 = 118.0;

/// Lays out `family`. A note longer than three lines of a label becomes a
/// numbered note under the drawing.
pub fn layout(family: &GenoFamily) -> Layout {
    let kin = Kin::new(family);
    let texts = texts(family);
    let subject: Vec<bool> = family.people.iter().map(|p| p.subject).collect();
    // Each household's members once each, ignoring indices out of range.
    let households: Vec<Vec<usize>> = family
        .households
        .iter()
        .map(|h| {
            let mut members: Vec<usize> = h.iter().copied().filter(|&p| p < kin.n).collect();
            members.sort();
            members.dedup();
            members
        })
        .collect();
    best(&Input {
        kin: &kin,
        texts: &texts,
        subject: &subject,
        households: &households,
    })
}
