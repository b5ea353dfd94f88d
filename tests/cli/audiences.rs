//! Packs for an audience (`--audience`): for every meeting type and every
//! audience, the pack holds only documents the profile declares for that
//! audience, a parents' or advocates' pack never holds anything privileged,
//! and a meeting that requires a privileged document has no such pack at
//! all: the build refuses and writes nothing.

use super::meetings::clean_cases;
use super::*;

const AUDIENCES: [&str; 4] = ["panel", "parents", "advocates", "legal"];

/// What `casepack explain` says `audience` gets at `meeting`.
fn declared(dir: &Path, meeting: &str, audience: &str) -> Vec<String> {
    let out = casepack(dir, &["explain", meeting]);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("  {audience}: ")))
        .unwrap_or_else(|| panic!("explain {meeting} lists no {audience}: {text}"));
    let gets = &line[audience.len() + 4..];
    if gets == "none of casepack's documents" {
        return Vec::new();
    }
    // "Name [id], Name [id]": the ids.
    gets.split("], ")
        .map(|g| {
            g.rsplit('[')
                .next()
                .unwrap()
                .trim_end_matches(']')
                .to_string()
        })
        .collect()
}

/// The id of the first person in a case with parental responsibility.
fn first_recipient(text: &str) -> String {
    let case: serde_json::Value = serde_saphyr::from_str(text).unwrap();
    case["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p.get("parental_responsibility").is_some())
        .and_then(|p| p["id"].as_str())
        .unwrap()
        .to_string()
}

#[test]
fn every_meeting_and_audience_gets_only_its_documents_and_nothing_privileged_outside() {
    let mut refused = Vec::new();
    let mut built = 0;
    for (id, text, args, _) in clean_cases() {
        let dir = case_dir(&text);
        for audience in AUDIENCES {
            let mut build = vec![
                "build",
                "case.yaml",
                "-o",
                "pack.zip",
                "--audience",
                audience,
            ];
            build.extend(&args);
            // A parents' build writes one pack per parent: this takes the first's.
            let first = first_recipient(&text);
            if audience == "parents" {
                build.extend(["--recipient", first.as_str()]);
            }
            let out = casepack(dir.path(), &build);
            let err = stderr(&out);
            let pack = dir.path().join("pack.zip");
            let outside = matches!(audience, "parents" | "advocates");
            if out.status.code() == Some(1) {
                // Refused: only outside the authority, for a reason it names,
                // and with nothing written.
                assert!(outside, "{id} for {audience} refused: {err}");
                assert!(
                    err.contains("error[document-not-for-audience]")
                        || err.contains("would be empty"),
                    "{id} for {audience}: {err}"
                );
                assert!(!pack.exists(), "{id} for {audience}: a pack was written");
                refused.push(format!("{id}/{audience}"));
                continue;
            }
            assert!(out.status.success(), "{id} for {audience}: {err}");
            built += 1;
            let entries = unzip(&pack);
            let manifest: serde_json::Value =
                serde_json::from_slice(&entries["manifest.json"]).unwrap();
            assert_eq!(manifest["audience"], audience);
            let allowed = declared(dir.path(), id, audience);
            for f in manifest["files"].as_array().unwrap() {
                let name = f["name"].as_str().unwrap();
                let document = f["document"].as_str().unwrap();
                if name == "cover-and-index.pdf" {
                    let cover = squash(&pdf_text(&entries[name]));
                    assert!(cover.contains("Packfor"), "{id}/{audience}: {cover}");
                    continue;
                }
                assert!(
                    allowed.iter().any(|a| a == document),
                    "{id} for {audience}: {name} ({document}) is not declared for them ({allowed:?})"
                );
                if outside {
                    assert_eq!(f["privileged"], false, "{id} for {audience}: {name}");
                    let text = pdf_text(&entries[name]);
                    assert!(
                        !text.contains("LEGALLY PRIVILEGED"),
                        "{id} for {audience}: {name} is marked privileged"
                    );
                }
            }
            std::fs::remove_file(&pack).unwrap();
        }
    }
    // The LPM requires privileged papers: it has no parents' or advocates'
    // pack.
    for must in ["lpm/parents", "lpm/advocates"] {
        assert!(
            refused.contains(&must.to_string()),
            "{must} was built: {refused:?}"
        );
    }
    assert!(built >= 12, "only {built} packs built");
}

#[test]
fn each_parents_pack_is_named_for_them_and_says_who_it_is_for() {
    let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
    let args = ["build", "case.yaml", "--audience", "parents"];
    let out = casepack(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    // Each pack written, whose it is, and what the meeting's pack holds
    // that parents do not get: said, not hidden.
    pin!("build-for-parents", dir.path(), &args, &out);
    for (id, name) in [("kerry", "Kerry Hartley"), ("tomasz", "Tomasz Nowak")] {
        let entries = unzip(&dir.path().join(format!("case-parents-{id}-pack.zip")));
        let names: Vec<&str> = entries.keys().map(String::as_str).collect();
        let letter = format!("letter-before-proceedings-{id}.pdf");
        let mut expected = vec![
            "attachments/hartley-nowak-assessment-plan.pdf",
            "cover-and-index.pdf",
            letter.as_str(),
            "manifest.json",
            "pre-proceedings-agreement.pdf",
        ];
        // Kerry needs Easy Read: her versions of the letter and the agreement.
        if id == "kerry" {
            expected.insert(2, "easy-read-letter-before-proceedings-kerry.pdf");
            expected.insert(3, "easy-read-pre-proceedings-agreement-kerry.pdf");
        }
        assert_eq!(names, expected);
        // In the order written: Tomasz's large-print cover lays its table
        // out in a column of labels beside a column of values.
        let cover = pdf_text_raw(&entries["cover-and-index.pdf"]);
        assert!(
            squash(&cover).contains(&format!("Packfor{}", squash(name))),
            "{cover}"
        );
        // Their own copy of the agreement: them, not the other parent.
        let agreement = pdf_text(&entries["pre-proceedings-agreement.pdf"]);
        let other = if id == "kerry" {
            "Tomasz Nowak"
        } else {
            "Kerry Hartley"
        };
        assert!(
            agreement.contains(name) && !agreement.contains(other),
            "{agreement}"
        );
    }
}

#[test]
fn a_meeting_requiring_a_privileged_document_has_no_parents_pack() {
    let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "--meeting",
            "lpm",
            "--audience",
            "parents",
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[document-not-for-audience]: the Legal Planning Meeting pack cannot be for parents: it must hold \"Social Worker's PLO Summary\", and it is legally privileged"), "{err}");
    assert!(err.contains("= note: source: 000 §6"), "{err}");
    assert!(err.contains("`--audience panel`"), "{err}");
    // `check` says the same before anything is built.
    let out = casepack(
        dir.path(),
        &[
            "check",
            "case.yaml",
            "--meeting",
            "lpm",
            "--audience",
            "advocates",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot be for the parties' legal representatives"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".zip") || n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
