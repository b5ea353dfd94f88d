//! Whether a field of the case holds something, asked by path: what a
//! document's `needs` and a meeting's requirements are judged by.

use std::cell::OnceCell;

use super::model::Case;
use super::path::CasePath;

/// Whether case fields hold something: not missing, not null, not an
/// empty text or list. The case is made JSON once, when first asked
/// about: made again for every field asked about, it was a sixth of the
/// page's check.
pub struct Filled<'a> {
    case: &'a Case,
    json: OnceCell<Option<serde_json::Value>>,
}

impl<'a> Filled<'a> {
    /// Asks about `case`.
    pub fn new(case: &'a Case) -> Filled<'a> {
        Filled {
            case,
            json: OnceCell::new(),
        }
    }

    /// Whether the field at `path` holds something.
    pub fn at(&self, path: &CasePath) -> bool {
        let json = self
            .json
            .get_or_init(|| serde_json::to_value(self.case).ok());
        match json.as_ref().and_then(|v| path.get(v)) {
            None | Some(serde_json::Value::Null) => false,
            Some(serde_json::Value::String(s)) => !s.trim().is_empty(),
            Some(serde_json::Value::Array(a)) => !a.is_empty(),
            Some(serde_json::Value::Object(o)) => !o.is_empty(),
            Some(_) => true,
        }
    }
}
