//! `build --bundle`: one PDF of every document and attachment, by section.
//! Its page count is the sum of its parts plus its index; every index row's
//! page is where that document starts (checked by the text on that page);
//! every page carries its section page number in the same place; every
//! section and document has a bookmark; the text stays searchable.

use super::*;
use hayro_syntax::Pdf;
use hayro_syntax::object::{Dict, String as PdfString};

/// Builds the sample's LPM pack with its bundle, in a temp dir.
fn lpm_bundle() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "build",
        &abs(SAMPLE),
        "--meeting",
        "lpm",
        "-o",
        "lpm-pack.zip",
        "--bundle",
    ];
    let out = casepack(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    // The pack and the bundle, with their pages: the same in every test here.
    pin!("build-lpm-bundle", dir.path(), &args, &out);
    let pack = unzip(&dir.path().join("lpm-pack.zip"));
    let bundle = std::fs::read(dir.path().join("lpm-bundle.pdf")).unwrap();
    (dir, pack, bundle)
}

/// One index row as printed: number, title, section pages, bundle page.
#[derive(Debug)]
struct Row {
    n: usize,
    title: String,
    first_mark: String,
    page: usize,
}

/// Reads the index rows off the index pages' laid-out text.
fn index_rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        // "1   Social Worker's PLO Summary   A1–A2   2"
        if cells.len() == 4
            && let (Ok(n), Ok(page)) = (cells[0].parse(), cells[3].parse())
        {
            let first_mark = cells[2].split('–').next().unwrap().to_string();
            rows.push(Row {
                n,
                title: cells[1].to_string(),
                first_mark,
                page,
            });
        }
    }
    rows
}

#[test]
fn the_bundle_is_its_parts_plus_an_index_and_every_row_points_at_its_first_page() {
    let (_dir, pack, bundle) = lpm_bundle();
    let pages = pdf_pages(&bundle);
    let manifest: serde_json::Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    // The parts: casepack's documents (its pack cover aside) and the attachments.
    let parts: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .chain(manifest["attachments"].as_array().unwrap())
        .map(|f| f["name"].as_str().unwrap())
        .filter(|n| *n != "cover-and-index.pdf")
        .collect();
    let part_pages: usize = parts.iter().map(|p| pdf_pages(&pack[*p]).len()).sum();
    let index_pages = pages.iter().filter(|p| p.contains("Index ")).count();
    assert!(index_pages >= 1);
    assert_eq!(pages.len(), index_pages + part_pages);

    let index_text: String = (1..=index_pages)
        .map(|p| page_layout_text(&bundle, p))
        .collect();
    let rows = index_rows(&index_text);
    assert_eq!(rows.len(), parts.len(), "{index_text}");
    // Sections in the LPM's order (004 §4d): the social worker's papers,
    // the assessments, then the meeting's own papers.
    let order: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        order,
        [
            "Social Worker's PLO Summary",
            "Chronology",
            "Genogram",
            "Single assessment",
            "Assessment plan",
            "Legal Planning Meeting: minutes"
        ]
    );
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.n, i + 1);
        let page = &pages[row.page - 1];
        // The page the index names carries the section mark it names …
        assert!(
            page.lines().any(|l| l.trim() == row.first_mark),
            "row {}: page {} lacks {}: {page}",
            row.n,
            row.page,
            row.first_mark
        );
        // … and is the first page of that document, text and all.
        let name = parts
            .iter()
            .find(|p| {
                let first = &pdf_pages(&pack[**p])[0];
                squash(page).contains(&squash(first))
            })
            .unwrap_or_else(|| {
                panic!(
                    "row {} ({}): page {} is no part's first page",
                    row.n, row.title, row.page
                )
            });
        assert!(!name.is_empty());
    }
    // Every index line jumps to the page it names: the link on its title
    // and on its section pages (poppler resolves each link to its page).
    let links = index_links(&bundle, index_pages);
    for row in &rows {
        for text in [row.title.as_str(), row.first_mark.as_str()] {
            let target = links
                .iter()
                .find(|(t, _)| t == text || t.starts_with(&format!("{text}–")))
                .unwrap_or_else(|| panic!("no link on {text}: {links:?}"));
            assert_eq!(target.1, row.page, "the link on {text}");
        }
    }
    // An attachment's own text is still text in the bundle.
    assert!(
        pages
            .iter()
            .any(|p| p.contains("Maisie tells her teacher she puts Leo to bed"))
    );
}

/// The links on the index pages: (linked text, page it goes to).
fn index_links(pdf: &[u8], index_pages: usize) -> Vec<(String, usize)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftohtml")
        .args([
            "-xml",
            "-i",
            "-stdout",
            "-f",
            "1",
            "-l",
            &index_pages.to_string(),
        ])
        .arg(&path)
        .output()
        .expect("pdftohtml (poppler-utils)");
    let xml = String::from_utf8(out.stdout).unwrap();
    xml.split("<a href=\"")
        .skip(1)
        .map(|a| {
            let href = &a[..a.find('"').unwrap()];
            let page = href.rsplit('#').next().unwrap().parse().unwrap();
            let text = &a[a.find('>').unwrap() + 1..a.find("</a>").unwrap()];
            (text.replace("&apos;", "'").replace("&amp;", "&"), page)
        })
        .collect()
}

/// One page's text laid out as printed.
fn page_layout_text(pdf: &[u8], page: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.pdf");
    std::fs::write(&path, pdf).unwrap();
    let n = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-f", &n, "-l", &n])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_page_is_stamped_in_the_same_place_in_section_order() {
    let (dir, _, bundle) = lpm_bundle();
    let path = dir.path().join("lpm-bundle.pdf");
    std::fs::write(&path, &bundle).unwrap();
    let out = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    // Per page: the topmost, rightmost word (the stamp sits above
    // everything, at the top right), with its distance from the right edge
    // and from the top.
    let mut stamps: Vec<(String, f64, f64)> = Vec::new();
    let attr = |s: &str, name: &str| -> f64 {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..at + s[at..].find('"').unwrap()].parse().unwrap()
    };
    for page in html.split("<page ").skip(1) {
        let width = attr(page, "width");
        let top = page
            .split("<word ")
            .skip(1)
            .min_by(|a, b| {
                let key = |w: &str| (attr(w, "yMin"), -attr(w, "xMax"));
                key(a).partial_cmp(&key(b)).unwrap()
            })
            .unwrap();
        let text = top[top.find('>').unwrap() + 1..top.find("</word>").unwrap()].to_string();
        stamps.push((text, width - attr(top, "xMax"), attr(top, "yMin")));
    }
    let marks: Vec<&str> = stamps.iter().map(|s| s.0.as_str()).collect();
    let expected = [
        "1", "A1", "A2", "A3", "A4", "B1", "B2", "B3", "D1", "D2", "D3", "D4", "D5",
    ];
    assert_eq!(marks, expected, "index page then A1 …");
    let (_, right, top) = stamps[1];
    for (mark, r, t) in &stamps[1..] {
        assert!(
            (r - right).abs() < 0.5 && (t - top).abs() < 0.5,
            "{mark} is stamped elsewhere: {r} {t} vs {right} {top}"
        );
    }
}

/// The outline's titles with their depth, in order.
fn bookmarks(pdf: &[u8]) -> Vec<(usize, String)> {
    let pdf = Pdf::new(pdf.to_vec()).unwrap();
    let catalog: Dict = pdf.xref().get(pdf.xref().root_id()).unwrap();
    let outlines: Dict = catalog.get(b"Outlines").expect("the bundle has an outline");
    let mut out = Vec::new();
    fn walk(item: Option<Dict>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut item = item;
        while let Some(d) = item {
            let title: PdfString = d.get(b"Title").unwrap();
            let bytes = title.as_bytes();
            let text = if bytes.starts_with(&[0xfe, 0xff]) {
                let units: Vec<u16> = bytes[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            };
            out.push((depth, text));
            walk(d.get(b"First"), depth + 1, out);
            item = d.get(b"Next");
        }
    }
    walk(outlines.get(b"First"), 0, &mut out);
    out
}

#[test]
fn every_section_and_document_has_a_bookmark() {
    let (_, _, bundle) = lpm_bundle();
    let marks = bookmarks(&bundle);
    let expected = [
        (0, "Index"),
        (0, "Section A — The social worker's papers"),
        (1, "A1–A2 Social Worker's PLO Summary"),
        (1, "A3 Chronology"),
        (1, "A4 Genogram"),
        (0, "Section B — Assessments"),
        (1, "B1–B2 Single assessment"),
        (1, "B3 Assessment plan"),
        (0, "Section D — The meeting and letters"),
        (1, "D1–D5 Legal Planning Meeting: minutes"),
    ];
    let got: Vec<(usize, &str)> = marks.iter().map(|(d, t)| (*d, t.as_str())).collect();
    assert_eq!(got, expected);
}

#[test]
fn the_bundle_is_not_overwritten_without_force_and_goes_with_its_pack() {
    let (dir, _, _) = lpm_bundle();
    std::fs::remove_file(dir.path().join("lpm-pack.zip")).unwrap();
    let args = [
        "build",
        &abs(SAMPLE),
        "--meeting",
        "lpm",
        "-o",
        "lpm-pack.zip",
        "--bundle",
    ];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("lpm-bundle.pdf already exists; use --force to replace it"));
    assert!(
        !dir.path().join("lpm-pack.zip").exists(),
        "the pack was written without its bundle"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(casepack(dir.path(), &forced).status.success());
}

/// A PDF of `n` pages, each saying its number: a long expert's report.
pub(super) fn long_pdf(n: usize) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
    ];
    let mut kids = Vec::new();
    for i in 1..=n {
        let text = format!("BT /F1 12 Tf 72 760 Td (Fictional expert report, page {i}) Tj ET");
        objects.push(format!(
            "<< /Length {} >>\nstream\n{text}\nendstream",
            text.len()
        ));
        let content = objects.len();
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>"
        ));
        kids.push(format!("{} 0 R", objects.len()));
    }
    objects[1] = format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" "));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

#[test]
fn a_bundle_over_350_pages_is_written_with_a_warning() {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap().replace(
        "attachments:\n",
        "attachments:\n  - path: attachments/expert.pdf\n    title: Psychological assessment\n    kind: expert-report\n    date: 2026-10-01\n    author: Dr Imogen Vale\n",
    );
    let dir = case_dir(&text);
    std::fs::write(dir.path().join("attachments/expert.pdf"), long_pdf(340)).unwrap();
    let args = ["build", "case.yaml", "--meeting", "lpm", "--bundle"];
    let out = casepack(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    // What was written, and the warning after the bundle, with its source.
    pin!("build-bundle-over-350-pages", dir.path(), &args, &out);
    let bundle = std::fs::read(dir.path().join("case-bundle.pdf")).unwrap();
    let pages = pdf_pages(&bundle);
    // The report sits in section C, "other relevant documents", whole.
    assert!(
        pages
            .iter()
            .any(|p| p.contains("C340") && p.contains("Fictional expert report, page 340"))
    );
    assert!(pages[0].contains("more than the 350 a court bundle may hold"));
}
