//! Every document of every sample's packs, checked by veraPDF, the PDF
//! Association's reference validator, as PDF/A-2b and as PDF/UA-1. Runs
//! when `CASEPACK_VERAPDF` names the `verapdf` script (`.ci/run` sets it
//! to `../shared/tools/verapdf/verapdf`); without it the test says it was
//! skipped. The bundle, which places other PDFs' pages, is plain PDF by
//! design and is not built here.

use super::*;

#[test]
fn every_document_of_every_sample_pack_passes_verapdf_2b_and_ua1() {
    let Some(script) = std::env::var_os("CASEPACK_VERAPDF") else {
        eprintln!(
            "SKIPPED: veraPDF was not run (set CASEPACK_VERAPDF to ../shared/tools/verapdf/verapdf, as .ci/run does)"
        );
        return;
    };
    // The sample's own pack, each parent's pack (Easy Read and large print
    // among them), the LPM packs, and the caseload sheet.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("parents")).unwrap();
    let runs: Vec<Vec<String>> = vec![
        vec!["build".into(), abs(SAMPLE), "-o".into(), "a.zip".into()],
        vec![
            "build".into(),
            abs(SAMPLE),
            "--audience".into(),
            "parents".into(),
            "-o".into(),
            "parents".into(),
        ],
        vec![
            "build".into(),
            abs(SAMPLE),
            "--recipient".into(),
            "kerry".into(),
            "-o".into(),
            "k.zip".into(),
        ],
        vec![
            "build".into(),
            abs(SAMPLE),
            "--meeting".into(),
            "lpm".into(),
            "-o".into(),
            "b.zip".into(),
        ],
        vec![
            "build".into(),
            abs(ISSUE_SAMPLE),
            "--meeting".into(),
            "lpm".into(),
            "-o".into(),
            "c.zip".into(),
        ],
    ];
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = casepack(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let sheet = dir.path().join("caseload.pdf");
    let out = casepack(
        dir.path(),
        &[
            "timeline",
            &abs("samples"),
            "--sheet",
            sheet.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "caseload: {}", stderr(&out));
    let pdfs = dir.path().join("pdfs");
    std::fs::create_dir(&pdfs).unwrap();
    let mut zips = vec![
        dir.path().join("a.zip"),
        dir.path().join("b.zip"),
        dir.path().join("c.zip"),
    ];
    zips.push(dir.path().join("k.zip"));
    for entry in std::fs::read_dir(dir.path().join("parents")).unwrap() {
        zips.push(entry.unwrap().path());
    }
    let mut files = vec![sheet];
    for (z, zip) in zips.iter().enumerate() {
        for (name, bytes) in unzip(zip) {
            if name.ends_with(".pdf") && !name.starts_with("attachments/") {
                let path = pdfs.join(format!("{z}-{}", name.replace('/', "-")));
                std::fs::write(&path, bytes).unwrap();
                files.push(path);
            }
        }
    }
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().contains("easy-read-")),
        "an Easy Read document is among them"
    );
    for flavour in ["2b", "ua1"] {
        let out = Command::new(&script)
            .arg(flavour)
            .args(&files)
            .output()
            .expect("run verapdf");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "veraPDF {flavour} failed on {} documents:\n{text}\n{}",
            files.len(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
