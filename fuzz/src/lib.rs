//! Plausible cases for fuzzing, built from the fuzzer's bytes: the
//! generator behind the `check_case` target and the `case_yaml` tool that
//! turns its corpus into the YAML kept in `tests/fuzz/check_case/`.
//!
//! A case is built as data (a family, an LPM and what followed it, a
//! meeting, attachments) with dates counted from the LPM in the order the
//! procedure expects, and written as YAML, so most inputs get past parsing
//! and into the checks; now and then a value is out of place (an unknown
//! id, a date out of order, jargon, a script no font shows) so the
//! findings are exercised too. Every name is invented.

mod draw;
mod family;
mod papers;
mod records;

use arbitrary::Unstructured;
use serde_json::{Map, Value};

pub use draw::Gen;

/// Builds one case from `u` and writes it as YAML. The first line names the
/// audience the case is prepared for (`# audience: parents`); the replay
/// reads it back (`tests/fuzz/harness.rs`).
pub fn case(u: &mut Unstructured) -> arbitrary::Result<String> {
    let mut g = Gen::new(u);
    let mut case = Map::new();
    let version = if g.chance(2) { 1 } else { 2 };
    case.insert("casepack".into(), version.into());
    let profile = g.profile();
    if let Some(p) = profile {
        case.insert("profile".into(), p.into());
    }
    let reference = if g.chance(2) {
        g.pick(&["", "NM/CS/2026/0999 (copy)"])
    } else {
        g.pick(REFERENCES)
    };
    case.insert("reference".into(), reference.into());
    case.insert("local_authority".into(), local_authority());
    let family = family::people(&mut g, &mut case)?;
    papers::lpm(&mut g, &family, &mut case)?;
    papers::meeting(&mut g, &family, profile, &mut case)?;
    papers::pre_proceedings(&mut g, &family, &mut case)?;
    papers::proceedings(&mut g, &family, &mut case)?;
    records::records(&mut g, &family, &mut case)?;
    let audience = g.pick(&["panel", "panel", "panel", "parents", "advocates", "legal"]);
    let yaml = serde_saphyr::to_string(&Value::Object(case))
        .map_err(|_| arbitrary::Error::IncorrectFormat)?;
    Ok(format!("# audience: {audience}\n{yaml}"))
}

const REFERENCES: &[&str] = &["NM/CS/2026/0147", "NM/CS/2026/0212", "X1"];

fn local_authority() -> Value {
    serde_json::json!({
        "name": "Northmoor Borough Council",
        "service": "Children's Services",
        "team": "Safeguarding and Family Support Team 3",
        "address": ["Civic Centre", "1 Market Street", "Northmoor", "NM1 2AB"],
        "phone": "01632 960 100",
        "email": "safeguarding.team3@northmoor.example",
    })
}
