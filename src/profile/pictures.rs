//! An authority's own pictures for Easy Read documents (many councils
//! license a photo-symbol set): a profile file's `pictures:` folder, with
//! one file for each of casepack's picture names (`meeting.svg`,
//! `solicitor.png`, …). Checked as the profile loads: every name present,
//! each file a readable SVG or PNG, nothing there that names no picture,
//! so a missing or broken picture is found before any letter is made.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use super::error::{ProfileError, rule};
use crate::templates::PICTURES;

/// One of an authority's pictures.
#[derive(Debug, Clone)]
pub struct Picture {
    /// `svg` or `png`.
    pub ext: &'static str,
    /// The file.
    pub bytes: Vec<u8>,
}

/// Every picture in `dir`, by name: one for each of casepack's names.
pub(super) fn read_pictures(dir: &Path) -> Result<BTreeMap<String, Picture>, ProfileError> {
    let folder = |e| ProfileError::File {
        what: "the pictures folder",
        path: dir.to_path_buf(),
        source: Arc::new(e),
    };
    let names = || {
        PICTURES
            .iter()
            .map(|(n, ..)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = BTreeMap::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(folder)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(folder)?;
    entries.sort();
    for path in entries {
        let (Some(stem), Some(ext)) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|e| e.to_str()),
        ) else {
            continue;
        };
        // A licence or a note beside the pictures is welcome.
        let ext = match ext.to_ascii_lowercase().as_str() {
            "svg" => "svg",
            "png" => "png",
            _ => continue,
        };
        if !PICTURES.iter().any(|(n, ..)| *n == stem) {
            return Err(rule!(
                "{} names no picture casepack uses (they are {})",
                path.display(),
                names()
            ));
        }
        if out.contains_key(stem) {
            return Err(rule!(
                "the pictures folder {} has two pictures called `{stem}`",
                dir.display()
            ));
        }
        let bytes = std::fs::read(&path).map_err(|e| ProfileError::File {
            what: "the picture",
            path: path.clone(),
            source: Arc::new(e),
        })?;
        if !readable(ext, &bytes) {
            return Err(rule!(
                "{} is not a readable {} file",
                path.display(),
                ext.to_uppercase()
            ));
        }
        out.insert(stem.to_string(), Picture { ext, bytes });
    }
    let missing: Vec<&str> = PICTURES
        .iter()
        .map(|(n, ..)| *n)
        .filter(|n| !out.contains_key(*n))
        .collect();
    if !missing.is_empty() {
        return Err(rule!(
            "the pictures folder {} has no picture for {} (an Easy Read row needs every one: add `NAME.svg` or `NAME.png` for each)",
            dir.display(),
            missing.join(", ")
        ));
    }
    Ok(out)
}

/// Whether `bytes` look like a picture of their kind: a PNG's signature,
/// or an SVG document's root element.
fn readable(ext: &str, bytes: &[u8]) -> bool {
    match ext {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        _ => std::str::from_utf8(bytes).is_ok_and(|t| t.contains("<svg")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for n in names {
            std::fs::write(
                dir.path().join(format!("{n}.svg")),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            )
            .unwrap();
        }
        dir
    }

    #[test]
    fn a_whole_set_is_read_by_name() {
        let all: Vec<&str> = PICTURES.iter().map(|(n, ..)| *n).collect();
        let dir = folder_with(&all);
        std::fs::write(dir.path().join("LICENCE.txt"), "ours").unwrap();
        let read = read_pictures(dir.path()).unwrap();
        assert_eq!(read.len(), PICTURES.len());
        assert_eq!(read["meeting"].ext, "svg");
    }

    #[test]
    fn a_missing_a_stray_or_a_broken_picture_is_refused() {
        let all: Vec<&str> = PICTURES.iter().map(|(n, ..)| *n).collect();
        let dir = folder_with(&all[1..]);
        let e = read_pictures(dir.path()).unwrap_err().to_string();
        assert!(e.contains("has no picture for meeting"), "{e}");

        let dir = folder_with(&all);
        std::fs::write(dir.path().join("judge.svg"), "<svg/>").unwrap();
        let e = read_pictures(dir.path()).unwrap_err().to_string();
        assert!(e.contains("judge.svg names no picture"), "{e}");

        let dir = folder_with(&all);
        std::fs::write(dir.path().join("court.svg"), "").unwrap();
        std::fs::write(dir.path().join("court.png"), "not a png").unwrap();
        let e = read_pictures(dir.path()).unwrap_err().to_string();
        assert!(
            e.contains("not a readable") || e.contains("two pictures"),
            "{e}"
        );
    }
}
