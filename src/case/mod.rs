//! Stage 1, the case: read the YAML a social worker wrote, turn it into the
//! typed [`Case`], and check it for everything that can be known from the
//! file alone. Hands on a [`LoadedCase`] (the model, the text, and where
//! each value sits in it) plus findings; [`Family`] answers questions about
//! its people.

mod family;
mod filled;
mod load;
mod locate;
mod lpm;
pub mod migrate;
mod model;
pub mod path;
pub mod people;
mod proceedings;
mod records;
pub mod refer;
#[cfg(test)]
pub(crate) mod testing;
mod types;
pub mod withhold;

pub use family::{Family, Link, Party, Present, Team, join_and};
pub use filled::Filled;
pub use load::{LoadedCase, REPLACEMENT, parse, replace_unshowable};
pub use locate::LocationIndex;
pub use lpm::*;
pub use model::*;
pub use path::{CasePath, PathError, PathProblem};
pub use people::{
    DateOrYear, Gender, Greeting, Letters, ParentKind, Partnership, PartnershipStatus, Person,
    PersonId, Reader, Readers, Solicitor,
};
pub use proceedings::*;
pub use records::*;
pub use types::{Date, DateError, Time, TimeError};

/// The case format version this build of casepack reads.
pub const FORMAT_VERSION: u32 = 2;

/// The JSON Schema (draft-07) of the case format, for editors: with
/// `# yaml-language-server: $schema=…` at the top of a case file,
/// yaml-language-server completes field names and flags mistakes as you
/// type. It is strict JSON Schema (no formats outside the standard), so
/// `ajv --strict` and `check-jsonschema` accept it.
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::generate::SchemaSettings::draft07()
        .with_transform(strip_number_formats)
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

/// schemars marks Rust integer widths as `format: uint32` and the like,
/// which are not JSON Schema formats: strict validators refuse them. The
/// range they imply is said with `minimum` instead.
fn strip_number_formats(schema: &mut schemars::Schema) {
    if let Some(obj) = schema.as_object_mut()
        && let Some(format) = obj.get("format").and_then(|f| f.as_str())
        && matches!(
            format,
            "uint"
                | "uint8"
                | "uint16"
                | "uint32"
                | "uint64"
                | "int"
                | "int8"
                | "int16"
                | "int32"
                | "int64"
                | "float"
                | "double"
        )
    {
        let unsigned = format.starts_with('u');
        obj.remove("format");
        if unsigned && !obj.contains_key("minimum") {
            obj.insert("minimum".into(), 0.into());
        }
    }
    schemars::transform::transform_subschemas(&mut strip_number_formats, schema);
}
