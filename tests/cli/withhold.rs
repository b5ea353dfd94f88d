//! Withheld text: a field the case marks confidential prints as
//! "[withheld]" in the packs of readers it is kept from — in every
//! document's text and in the PDFs' metadata — and as itself elsewhere.

use super::*;

/// The sample (which keeps Tomasz Nowak's address from the parents) with
/// Kerry Hartley's solicitor's firm kept from everyone outside the authority too.
fn withholding() -> tempfile::TempDir {
    let text = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replace(
            "\nwithhold:\n",
            "\nwithhold:\n  - { field: \"parents[0].solicitor.firm\", from: outside-authority }\n",
        );
    case_dir(&text)
}

/// Every PDF's text and metadata in a pack, as one string.
fn everything(pack: &BTreeMap<String, Vec<u8>>) -> String {
    let mut all = String::new();
    for (name, bytes) in pack {
        if name.ends_with(".pdf") && !name.starts_with("attachments/") {
            all.push_str(&pdf_text(bytes));
            let pdf = hayro_syntax::Pdf::new(bytes.clone()).unwrap();
            all.push_str(&format!("{:?}", pdf.metadata()));
            let catalog: hayro_syntax::object::Dict = pdf.xref().get(pdf.xref().root_id()).unwrap();
            if let Some(xmp) = catalog.get::<hayro_syntax::object::Stream>(b"Metadata") {
                all.push_str(&String::from_utf8_lossy(&xmp.decoded().unwrap()));
            }
        } else {
            all.push_str(&String::from_utf8_lossy(bytes));
        }
    }
    // Telephone numbers print with no-break spaces.
    all.replace('\u{a0}', " ")
}

#[test]
fn withheld_text_never_reaches_the_readers_it_is_kept_from() {
    let dir = withholding();
    let check = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let build = |audience: &str| {
        let out = casepack(
            dir.path(),
            &[
                "build",
                "case.yaml",
                "--audience",
                audience,
                "-o",
                &format!("{audience}.zip"),
            ],
        );
        assert!(out.status.success(), "{audience}: {}", stderr(&out));
        unzip(&dir.path().join(format!("{audience}.zip")))
    };
    let address = ["Flat 3, 82 Mill Road", "NM2 5HT"];
    let firm = "Raman & Cole";
    // Parents: neither the address nor the firm, anywhere.
    let parents = everything(&build("parents"));
    for secret in address.iter().chain([&firm]) {
        assert!(
            !parents.contains(secret),
            "the parents' pack holds {secret}"
        );
    }
    let tomasz = pdf_text(
        &unzip(&dir.path().join("parents.zip"))["letter-before-proceedings-tomasz-nowak.pdf"],
    );
    assert!(tomasz.contains("[withheld]"), "{tomasz}");
    // Advocates: the firm (outside the authority) but not the address.
    let advocates = everything(&build("advocates"));
    assert!(!advocates.contains(firm));
    assert!(advocates.contains(address[0]));
    // The panel sees everything.
    let panel = everything(&build("panel"));
    assert!(panel.contains(address[0]) && panel.contains(firm));
    assert!(!panel.contains("[withheld]"));
}

#[test]
fn withholding_a_field_that_holds_nothing_is_an_error_at_its_line() {
    let text = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replace(
            "\nwithhold:\n",
            "\nwithhold:\n  - field: parents[2].address\n    from: parents\n",
        );
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[withhold-nothing]: `parents[2].address` names no text in the case"),
        "{err}"
    );
    assert!(err.contains("--> case.yaml:"), "{err}");
}
