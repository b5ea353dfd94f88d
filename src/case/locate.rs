//! Where each value sits in the YAML text, by path (`people[0].name`).
//!
//! serde hands us values without positions, and wrapping every field in a
//! spanned type would clutter the model every later stage reads. Instead the
//! YAML is walked once more with the parser serde-saphyr itself uses, and
//! each node's position is recorded under its path. A finding then names a
//! path and gets its line and column from here.

use std::collections::BTreeMap;

use granit_parser::{Event, Parser};

use super::path::CasePath;
use crate::diagnostics::Position;

/// Positions of every key and value in a YAML document, by path.
#[derive(Debug, Default, Clone)]
pub struct LocationIndex {
    values: BTreeMap<CasePath, Position>,
    keys: BTreeMap<CasePath, Position>,
}

enum Frame {
    Map { path: CasePath, key: Option<String> },
    Seq { path: CasePath, index: usize },
}

impl LocationIndex {
    /// Indexes `text`. YAML the parser rejects yields whatever was indexed
    /// before the error; the deserializer reports the error itself.
    pub fn build(text: &str) -> LocationIndex {
        let mut index = LocationIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let pos = Position {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map {
                        path,
                        key: key @ None,
                    }) = stack.last_mut()
                    {
                        index.keys.insert(path.key(&value), pos);
                        *key = Some(value.into_owned());
                    } else if let Some(path) = value_path(&mut stack) {
                        index.values.insert(path, pos);
                    }
                }
                Event::Alias(_) => {
                    if let Some(path) = value_path(&mut stack) {
                        index.values.insert(path, pos);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let is_map = matches!(event, Event::MappingStart(..));
                    let path = value_path(&mut stack).unwrap_or_default();
                    index.values.entry(path.clone()).or_insert(pos);
                    stack.push(if is_map {
                        Frame::Map { path, key: None }
                    } else {
                        Frame::Seq { path, index: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        index
    }

    /// The position of the value at `path` (concrete, as findings give
    /// it), or of the nearest enclosing value that exists (a missing field
    /// points at the mapping that lacks it).
    pub fn value(&self, path: &str) -> Option<Position> {
        let mut p = CasePath::parse(path).ok()?;
        loop {
            if let Some(pos) = self.values.get(&p) {
                return Some(*pos);
            }
            p = p.parent()?;
        }
    }

    /// The position of the key naming `path` (`lpm.date` → the `date:` key).
    pub fn key(&self, path: &str) -> Option<Position> {
        CasePath::parse(path)
            .ok()
            .and_then(|p| self.keys.get(&p).copied())
            .or_else(|| self.value(path))
    }
}

/// Consumes the slot a value fills in the innermost container, returning its path.
fn value_path(stack: &mut [Frame]) -> Option<CasePath> {
    match stack.last_mut() {
        None => Some(CasePath::root()),
        Some(Frame::Map { path, key }) => key.take().map(|k| path.key(&k)),
        Some(Frame::Seq { path, index }) => {
            let p = path.index(*index);
            *index += 1;
            Some(p)
        }
    }
}

impl crate::diagnostics::Locate for LocationIndex {
    fn value(&self, path: &str) -> Option<Position> {
        LocationIndex::value(self, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "reference: X1\npeople:\n  - name: Kerry\n    address:\n      - 1 Road\n      - Town\n  - name: Tom\nlpm:\n  date: 2026-11-16\n";

    #[test]
    fn values_and_keys_are_found_by_path() {
        let idx = LocationIndex::build(YAML);
        assert_eq!(
            idx.value("reference"),
            Some(Position {
                line: 1,
                column: 12
            })
        );
        assert_eq!(
            idx.value("people[0].name"),
            Some(Position {
                line: 3,
                column: 11
            })
        );
        assert_eq!(
            idx.value("people[0].address[1]"),
            Some(Position { line: 6, column: 9 })
        );
        assert_eq!(
            idx.value("people[1].name"),
            Some(Position {
                line: 7,
                column: 11
            })
        );
        assert_eq!(idx.key("lpm.date"), Some(Position { line: 9, column: 3 }));
        assert_eq!(idx.value("lpm.date"), Some(Position { line: 9, column: 9 }));
    }

    #[test]
    fn a_missing_path_falls_back_to_its_parent() {
        let idx = LocationIndex::build(YAML);
        assert_eq!(idx.value("lpm.outcome"), idx.value("lpm"));
        assert_eq!(idx.value("people[1].address[0]"), idx.value("people[1]"));
    }
}
