//! Attached PDFs: each bad attachment gets its own finding at its line,
//! and nothing is written; good ones go into the pack byte for byte, with
//! their page counts and checksums in the index and the manifest.

use super::*;
use sha2::{Digest, Sha256};

/// The sample in a folder of its own, its single assessment replaced by
/// `path` holding `bytes` (or nothing, when `bytes` is `None`).
fn with_assessment(path: &str, bytes: Option<&[u8]>) -> tempfile::TempDir {
    let text = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replace(
            "path: attachments/hartley-nowak-single-assessment.pdf",
            &format!("path: {path}"),
        );
    let dir = case_dir(&text);
    if let Some(bytes) = bytes {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    }
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/attachments").join(name)).unwrap()
}

/// The line of the sample's single assessment `path:`, as the finding must point at it.
fn assessment_line() -> usize {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    text.lines()
        .position(|l| l.contains("path: attachments/hartley-nowak-single-assessment.pdf"))
        .unwrap()
        + 1
}

#[test]
fn each_bad_attachment_gets_its_finding_and_nothing_is_written() {
    let good =
        std::fs::read(root().join("samples/attachments/hartley-nowak-single-assessment.pdf"))
            .unwrap();
    let line = assessment_line();
    let cases: Vec<(&str, &str, Option<Vec<u8>>, &str)> = vec![
        (
            "missing",
            "attachments/gone.pdf",
            None,
            "error[attachment-missing]: `attachments/gone.pdf` does not exist",
        ),
        (
            "not a PDF",
            "attachments/assessment.pdf",
            Some(
                b"Single assessment\nThis is a Word document saved with the wrong name.\n".to_vec(),
            ),
            "error[attachment-not-pdf]: `attachments/assessment.pdf` is not a PDF",
        ),
        (
            "truncated",
            "attachments/assessment.pdf",
            Some(good[..good.len() * 2 / 3].to_vec()),
            "error[attachment-truncated]: `attachments/assessment.pdf` is cut short",
        ),
        (
            "password",
            "attachments/assessment.pdf",
            Some(fixture("password-protected.pdf")),
            "error[attachment-encrypted]: `attachments/assessment.pdf` is encrypted: it needs a password to open",
        ),
        (
            "restricted",
            "attachments/assessment.pdf",
            Some(fixture("restricted.pdf")),
            "error[attachment-encrypted]: `attachments/assessment.pdf` is encrypted: it opens, but with restrictions",
        ),
        (
            "no pages",
            "attachments/assessment.pdf",
            Some(fixture("no-pages.pdf")),
            "error[attachment-no-pages]: `attachments/assessment.pdf` is a PDF with no pages",
        ),
        (
            "escaping",
            "../assessment.pdf",
            None,
            "error[attachment-outside-case]: `../assessment.pdf` is outside the case's folder",
        ),
        (
            "absolute",
            "/etc/passwd",
            None,
            "error[attachment-outside-case]: `/etc/passwd` is outside the case's folder",
        ),
    ];
    for (what, path, bytes, expected) in cases {
        let dir = with_assessment(path, bytes.as_deref());
        for command in ["check", "build"] {
            let out = casepack(dir.path(), &[command, "case.yaml"]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{what} ({command}): {err}");
            assert!(err.contains(expected), "{what} ({command}): {err}");
            assert!(
                err.contains(&format!("--> case.yaml:{line}:")),
                "{what}: {err}"
            );
            // The whole finding: the line quoted, the help.
            let name = format!("{command}-{}", what.replace(' ', "-"));
            pin!(name, dir.path(), &[command, "case.yaml"], &out);
        }
        assert!(
            !dir.path().join("case-pack.zip").exists(),
            "{what}: a pack was written"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".zip") || n.ends_with(".pdf") || n.ends_with(".part"))
            .collect();
        assert!(left.is_empty(), "{what}: left {left:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_case_folder_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("assessment.pdf");
    std::fs::copy(
        root().join("samples/attachments/hartley-nowak-single-assessment.pdf"),
        &target,
    )
    .unwrap();
    let dir = with_assessment("attachments/linked.pdf", None);
    std::os::unix::fs::symlink(&target, dir.path().join("attachments/linked.pdf")).unwrap();
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    pin!(
        "check-a-link-outside",
        dir.path(),
        &["check", "case.yaml"],
        &out
    );
}

#[test]
fn the_pack_holds_each_attachment_byte_for_byte_with_its_pages_and_checksum() {
    let (_dir, out, pack) = build_with(&abs(SAMPLE), &[]);
    assert!(out.status.success());
    let manifest: serde_json::Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    let listed = manifest["attachments"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    for a in listed {
        let name = a["name"].as_str().unwrap();
        let original = std::fs::read(root().join("samples").join(name)).unwrap();
        assert_eq!(pack[name], original, "{name} changed in the pack");
        let sha = Sha256::digest(&original)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        assert_eq!(a["sha256"], sha);
        assert_eq!(a["bytes"], original.len());
        assert_eq!(a["pages"], pdf_pages(&original).len(), "{name}");
    }
    assert_eq!(listed[0]["title"], "Single assessment");
    assert_eq!(listed[0]["kind"], "single-assessment");
    assert_eq!(listed[0]["date"], "2026-10-30");
    assert_eq!(listed[0]["author"], "Grace Adeyemi");
    assert_eq!(
        listed[0]["source"],
        "attachments/hartley-nowak-single-assessment.pdf"
    );
    // The index lists them after the documents, in pack page order.
    let cover = pdf_text(&pack["cover-and-index.pdf"]);
    assert!(
        squash(&cover).contains(&squash("Single assessment")),
        "{cover}"
    );
    assert!(
        cover.contains("attachments/hartley-nowak-single-assessment.pdf"),
        "{cover}"
    );
}
