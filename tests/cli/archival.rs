//! Archival and accessible output: every document casepack writes is
//! PDF/A-2b and tagged PDF/UA-1 with a title and the language en-GB; the
//! bundle, which places other PDFs' pages, stays
//! plain PDF. Read with hayro-syntax (the catalog, its structure tree and
//! its XMP metadata). Text no font can show is replaced and warned about,
//! never a failed export.

use super::*;
use hayro_syntax::Pdf;
use hayro_syntax::object::{Dict, Stream};

/// What the catalog says: its XMP metadata, whether it has a structure
/// tree, and its language.
fn catalog_facts(pdf: &[u8]) -> (String, bool, Option<String>) {
    let pdf = Pdf::new(pdf.to_vec()).unwrap();
    let catalog: Dict = pdf.xref().get(pdf.xref().root_id()).unwrap();
    let xmp = catalog
        .get::<Stream>(b"Metadata")
        .map(|s| String::from_utf8_lossy(&s.decoded().unwrap()).into_owned())
        .unwrap_or_default();
    let lang = catalog
        .get::<hayro_syntax::object::String>(b"Lang")
        .map(|l| String::from_utf8_lossy(l.as_bytes()).into_owned());
    (xmp, catalog.contains_key(b"StructTreeRoot"), lang)
}

#[test]
fn every_document_is_pdf_a_and_tagged_pdf_ua_in_british_english() {
    // The pre-proceedings pack (letters before proceedings, agreement,
    // schedule, timeline, cover) and the issue-stage LPM pack (PLO summary,
    // chronology, genogram, minutes, letters of issue).
    let (_a, _, mut all) = build_with(&abs(SAMPLE), &[]);
    let (_b, _, issue) = build_with(&abs(ISSUE_SAMPLE), &["--meeting", "lpm"]);
    assert!(issue.keys().any(|k| k.starts_with("letter-of-issue-")));
    all.extend(issue);
    let mut letters = 0;
    for (name, bytes) in &all {
        if !name.ends_with(".pdf") || name.starts_with("attachments/") {
            continue;
        }
        let (xmp, tagged, lang) = catalog_facts(bytes);
        // The title (shown in every PDF reader's window and file lists)
        // never names a child in full.
        let title = &xmp[xmp.find("<dc:title>").unwrap_or(0)..];
        let title = &title[..title.find("</dc:title>").unwrap_or(0)];
        assert!(!title.is_empty(), "{name} has no title");
        for child in ["Maisie Nowak", "Leo Nowak", "Ruby Brennan"] {
            assert!(
                !title.contains(child),
                "{name}'s title names {child}: {title}"
            );
        }
        assert!(
            xmp.contains("<pdfaid:part>2</pdfaid:part>"),
            "{name} is not PDF/A-2: {xmp}"
        );
        assert!(
            xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "{name}"
        );
        assert!(tagged, "{name} has no structure tree");
        assert_eq!(lang.as_deref(), Some("en-GB"), "{name}");
        // Every document, the letters and the rest alike, is PDF/UA-1.
        assert!(
            xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{name} is not PDF/UA-1"
        );
        if name.starts_with("letter-") {
            letters += 1;
        }
    }
    assert!(letters >= 2, "{letters} letters checked");
    // The bundle embeds other PDFs' pages: plain PDF, as typst-pdf requires.
    let (_dir, _, bundle) = {
        let dir = tempfile::tempdir().unwrap();
        let out = casepack(
            dir.path(),
            &["build", &abs(SAMPLE), "-o", "b.zip", "--bundle"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let b = std::fs::read(dir.path().join("b-bundle.pdf")).unwrap();
        (dir, (), b)
    };
    let (xmp, _, _) = catalog_facts(&bundle);
    assert!(!xmp.contains("pdfaid"), "the bundle claims PDF/A");
}

#[test]
fn text_no_font_can_show_is_replaced_and_warned_about_not_a_failed_export() {
    let text = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replacen(
            "      - Maisie told her teacher",
            "      - 漢字 ஆ Maisie told her teacher",
            1,
        );
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["build", "case.yaml"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning[unsupported-characters]: the documents' fonts cannot show 漢 (U+6F22), 字 (U+5B57), ஆ (U+0B86); they will print as �"),
        "{err}"
    );
    assert!(err.contains("--> case.yaml:"), "{err}");
    let pack = unzip(&dir.path().join("case-pack.zip"));
    let letter = pdf_text(&pack["letter-before-proceedings-kerry.pdf"]);
    assert!(letter.contains("�� � Maisie told her teacher"), "{letter}");
    assert!(!letter.contains('漢'));
}
