//! Whether letters are written to someone, and how they reach them:
//! written `true`, `false` or `by-hand` (for a parent with no fixed
//! address, whose letters the social worker hands to them).

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Whether the case writes to someone, and how the letter reaches them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Letters {
    /// `true`: letters are written to them, by post to their address (or
    /// as their `custody` says).
    Yes,
    /// `false`: no letters are written to them.
    No,
    /// `by-hand`: letters are written to them and handed to them by the
    /// social worker; they print with no address.
    ByHand,
}

impl Letters {
    /// Whether letters are written to them at all.
    pub fn written(self) -> bool {
        self != Letters::No
    }
}

const WRITTEN: &[&str] = &["true", "false", "by-hand"];

impl<'de> Deserialize<'de> for Letters {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Letters;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`true`, `false` or `by-hand`")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Letters, E> {
                Ok(if v { Letters::Yes } else { Letters::No })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Letters, E> {
                match v.trim() {
                    "true" => Ok(Letters::Yes),
                    "false" => Ok(Letters::No),
                    "by-hand" => Ok(Letters::ByHand),
                    other => Err(E::unknown_variant(other, WRITTEN)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Letters {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Letters::Yes => s.serialize_bool(true),
            Letters::No => s.serialize_bool(false),
            Letters::ByHand => s.serialize_str("by-hand"),
        }
    }
}

impl JsonSchema for Letters {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Letters".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "`true` (letters are written to them, by post), `false` (none are), or `by-hand` (written, and handed to them by the social worker: for someone with no fixed address).",
            "anyOf": [
                { "type": "boolean" },
                { "const": "by-hand", "type": "string" },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Serialize, Debug)]
    struct Holder {
        letters: Vec<Letters>,
    }

    #[test]
    fn true_false_and_by_hand_read_and_write_back() {
        let h: Holder = serde_saphyr::from_str("letters: [true, false, by-hand]\n").unwrap();
        assert_eq!(h.letters, [Letters::Yes, Letters::No, Letters::ByHand]);
        assert_eq!(
            serde_json::to_string(&h).unwrap(),
            r#"{"letters":[true,false,"by-hand"]}"#
        );
        assert!(Letters::ByHand.written() && !Letters::No.written());
        let e = serde_saphyr::from_str::<Holder>("letters: [by-hnad]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown variant `by-hnad`"), "{e}");
    }
}
