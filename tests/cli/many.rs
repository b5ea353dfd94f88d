//! Many cases in one run: `build` and `check` given a folder or several
//! files build and check every case, one failing case stops no other, and
//! each pack is the same as building its case alone.

use super::*;

/// A team's folder: both samples (with their attachments), a case with an
/// error, and an authority profile that is not a case.
fn caseload() -> tempfile::TempDir {
    let sample = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let dir = case_dir(&sample);
    let path = dir.path();
    std::fs::rename(path.join("case.yaml"), path.join("hartley-nowak.yaml")).unwrap();
    std::fs::copy(
        root().join("samples/brennan-issue.yaml"),
        path.join("brennan-issue.yaml"),
    )
    .unwrap();
    // One misspelt key: the case is refused, at its line.
    let broken = sample.replacen("reference:", "referance:", 1);
    assert_ne!(broken, sample);
    std::fs::write(path.join("broken.yaml"), broken).unwrap();
    std::fs::create_dir(path.join("profiles")).unwrap();
    std::fs::copy(
        root().join("samples/profiles/review-by-week-20.yaml"),
        path.join("profiles/review-by-week-20.yaml"),
    )
    .unwrap();
    dir
}

#[test]
fn a_folder_is_built_case_by_case_and_a_broken_case_stops_no_other() {
    let dir = caseload();
    let out = casepack(dir.path(), &["build", ".", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    // Each case said as it finished (stderr is not a terminal here).
    for case in ["brennan-issue.yaml", "hartley-nowak.yaml", "broken.yaml"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with('[') && l.contains("/3] ") && l.contains(case)),
            "no progress line for {case}: {err}"
        );
    }
    // The profile passed over, the broken case's finding at its file, each
    // pack written and the summary naming the broken case.
    pin!(
        "build-a-folder",
        dir.path(),
        &["build", ".", "-o", "out"],
        &out
    );
    let mut written: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["brennan-issue-pack.zip", "hartley-nowak-pack.zip"],
        "{err}"
    );
    // Built together, in parallel, each pack is byte for byte the one its
    // case gives alone.
    for case in ["brennan-issue", "hartley-nowak"] {
        let alone = format!("{case}-alone.zip");
        let one = casepack(
            dir.path(),
            &["build", &format!("{case}.yaml"), "-o", &alone],
        );
        assert!(one.status.success(), "{}", stderr(&one));
        let together = std::fs::read(dir.path().join("out").join(format!("{case}-pack.zip")));
        assert!(
            together.unwrap() == std::fs::read(dir.path().join(&alone)).unwrap(),
            "{case}: the pack built with the others differs from the one built alone"
        );
    }
}

#[test]
fn cases_in_their_own_folders_keep_them_and_same_names_are_refused() {
    let dir = caseload();
    let path = dir.path();
    for family in ["north", "south"] {
        std::fs::create_dir(path.join(family)).unwrap();
        std::fs::create_dir(path.join(family).join("attachments")).unwrap();
        for entry in std::fs::read_dir(path.join("attachments")).unwrap() {
            let from = entry.unwrap().path();
            let to = path
                .join(family)
                .join("attachments")
                .join(from.file_name().unwrap());
            std::fs::copy(&from, to).unwrap();
        }
        std::fs::copy(
            path.join("hartley-nowak.yaml"),
            path.join(family).join("case.yaml"),
        )
        .unwrap();
    }
    // Each folder given is its own root, and both cases sit at the top of
    // theirs: their packs would have the same name, so neither is built.
    let args = ["build", "north", "south", "-o", "packs"];
    let out = casepack(path, &args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    pin!("build-two-folders-one-name", path, &args, &out);
    assert!(!path.join("packs/case-pack.zip").exists(), "{err}");
    // Given as one folder, each keeps its own subfolder.
    let out = casepack(
        path,
        &[
            "build",
            ".",
            "-o",
            "all",
            "--meeting",
            "pre-proceedings-meeting",
        ],
    );
    let err = stderr(&out);
    assert!(path.join("all/north/case-pack.zip").exists(), "{err}");
    assert!(path.join("all/south/case-pack.zip").exists(), "{err}");
    // Two files of the same name given directly would write the same
    // pack: refused before anything is built.
    let args = ["build", "north/case.yaml", "south/case.yaml", "-o", "clash"];
    let out = casepack(path, &args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    pin!("build-two-files-one-name", path, &args, &out);
    assert!(
        std::fs::read_dir(path.join("clash"))
            .map(|mut d| d.next().is_none())
            .unwrap_or(true),
        "nothing may be written: {err}"
    );
}

#[test]
fn a_folder_is_checked_case_by_case_with_every_finding_in_one_json_document() {
    let dir = caseload();
    let out = casepack(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cases = json["cases"].as_array().unwrap();
    let files: Vec<&str> = cases.iter().map(|c| c["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "./brennan-issue.yaml",
            "./broken.yaml",
            "./hartley-nowak.yaml"
        ]
    );
    assert_eq!(json["failed"], 1);
    assert!(cases[1]["errors"].as_u64().unwrap() >= 1);
    assert_eq!(cases[0]["errors"], 0);
    assert_eq!(cases[2]["errors"], 0);
    // The sample's letters are read as printed for each case.
    assert!(
        cases[2]["plain_language"]["letters"]
            .as_array()
            .unwrap()
            .len()
            >= 2
    );
    let out = casepack(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    pin!("check-a-folder", dir.path(), &["check", "."], &out);
}
