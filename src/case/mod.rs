//! Stage 1, the case: read the YAML a social worker wrote, turn it into the
//! typed [`Case`], and check it for everything that can be known from the
//! file alone. Hands on a [`LoadedCase`] (the model, the text, and where
//! each value sits in it) plus findings.

mod family;
mod links;
mod load;
mod locate;
mod lpm;
mod model;
mod papers;
mod records;
mod types;
mod validate;

pub use family::generation_count;
pub mod withhold;
pub use load::{LoadedCase, REPLACEMENT, parse, replace_unshowable};
pub use locate::{LocationIndex, Position};
pub use lpm::*;
pub use model::*;
pub use papers::*;
pub use records::*;
pub use types::{Date, Time};
pub use validate::validate;

/// The case format version this build of casepack reads.
pub const FORMAT_VERSION: u32 = 1;

/// The JSON Schema (draft-07) of the case format, for editors: with
/// `# yaml-language-server: $schema=…` at the top of a case file,
/// yaml-language-server completes field names and flags mistakes as you type.
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Case>();
    schema.insert("title".into(), "casepack case file".into());
    schema.insert(
        "description".into(),
        format!(
            "One family's case, written once, from which casepack {} checks meeting packs and writes their documents.",
            env!("CARGO_PKG_VERSION")
        )
        .into(),
    );
    schema.to_value()
}
