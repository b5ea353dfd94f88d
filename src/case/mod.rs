//! Stage 1, the case: read the YAML a social worker wrote, turn it into the
//! typed [`Case`], and check it for everything that can be known from the
//! file alone. Hands on a [`LoadedCase`] (the model, the text, and where
//! each value sits in it) plus findings.

mod load;
mod locate;
mod model;
mod records;
mod types;
mod validate;

pub use load::{LoadedCase, parse};
pub use locate::{LocationIndex, Position};
pub use model::*;
pub use records::*;
pub use types::{Date, Time};
pub use validate::validate;

/// The case format version this build of casepack reads.
pub const FORMAT_VERSION: u32 = 1;
