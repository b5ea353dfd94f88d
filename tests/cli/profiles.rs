//! Authority profiles: the same case under the default and the example
//! profiles in `samples/profiles` gives different packs and deadlines, each
//! difference traceable to a seed; a profile named in the case is found
//! beside it (or is a built-in one); bad profiles are refused with the reason.

use serde_json::Value;

use super::*;

const CPM_PROFILE: &str = "samples/profiles/care-planning-meeting.yaml";
/// The legal gateway meeting within 7 days (001), as a file of the user's.
const SEVEN_DAYS: &str = "profile: seven-days\nname: Seven days\nsteps:\n  - id: lpm-held\n    when: Within 7 days\n    due: { after: start, days: 7 }\n    source: 001 \"within 7 days\"\n";
const WEEK_20_PROFILE: &str = "samples/profiles/review-by-week-20.yaml";

/// The due date of step `id` in `casepack timeline --format json` output.
fn due(case: &str, profile: Option<&str>, id: &str) -> String {
    let mut args = vec!["timeline", case, "--format", "json"];
    if let Some(p) = profile {
        args.extend(["--profile", p]);
    }
    let out = casepack(&root(), &args);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&out)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["steps"].as_array().unwrap())
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no step {id}"))["due"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A copy of the sample in a temp dir with the samples' attachments and
/// profiles beside it, changed by `edit`.
fn sample_dir(sample: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["attachments", "profiles"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for e in std::fs::read_dir(root().join("samples").join(sub)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.path().join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    let text = std::fs::read_to_string(root().join(sample)).unwrap();
    std::fs::write(dir.path().join("case.yaml"), edit(text)).unwrap();
    dir
}

#[test]
fn the_same_case_gives_different_deadlines_under_different_profiles() {
    // Request approved Wed 4 Nov 2026: the LPM within 2 weeks (004 §6f) is
    // due Wed 18 Nov; within 7 days, Wed 11 Nov.
    assert_eq!(due(SAMPLE, None, "lpm-held"), "2026-11-18");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("seven.yaml"), SEVEN_DAYS).unwrap();
    let seven = dir.path().join("seven.yaml");
    let seven = seven.to_str().unwrap();
    assert_eq!(due(SAMPLE, Some(seven), "lpm-held"), "2026-11-11");
    // The LPM on Mon 16 Nov was therefore late under it.
    let args = ["check", SAMPLE, "--profile", seven];
    let out = casepack(&root(), &args);
    pin!("check-seven-days", dir.path(), &args, &out);
    // Review LPM: before the 16-week point (004 §11a(ii)), the end of week
    // 16 counting the LPM (Mon 16 Nov 2026) as day 1, Sun 7 Mar 2027, so Fri
    // 5 Mar; in or before week 20 (004 App. 1, a limit): Sun 4 Apr, so Fri
    // 2 Apr 2027, and pre-proceedings end with it.
    assert_eq!(due(SAMPLE, None, "review-lpm"), "2027-03-05");
    assert_eq!(
        due(SAMPLE, Some(WEEK_20_PROFILE), "review-lpm"),
        "2027-04-02"
    );
    assert_eq!(
        due(SAMPLE, Some(WEEK_20_PROFILE), "end-of-pre-proceedings"),
        "2027-04-02"
    );
    let args = [
        "timeline",
        SAMPLE,
        "--profile",
        WEEK_20_PROFILE,
        "--today",
        TODAY,
    ];
    let out = casepack(&root(), &args);
    // The review LPM and the end shown as limits, not targets.
    pin!("timeline-week-20", &root(), &args, &out);
}

#[test]
fn a_review_lpm_after_the_end_of_pre_proceedings_is_refused() {
    // Moving the review LPM to week 20 while pre-proceedings still end at
    // week 16 would date the meeting after the end it decides.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.yaml"),
        "profile: p\nname: P\nsteps:\n  - id: review-lpm\n    due: { after: start, week: 20 }\n    source: 004 App. 1\n",
    )
    .unwrap();
    let args = ["check", &abs(SAMPLE), "--profile", "p.yaml"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    pin!("review-lpm-after-the-end", dir.path(), &args, &out);
}

#[test]
fn the_review_lpm_under_review_by_week_20_has_the_members_of_11d() {
    let args = ["explain", "review-lpm", "--profile", WEEK_20_PROFILE];
    let out = casepack(&root(), &args);
    let text = stdout(&out);
    assert!(!text.contains("May attend"), "{text}");
    pin!("explain-review-lpm-week-20", &root(), &args, &out);
}

#[test]
fn the_same_case_gives_a_different_pack_under_another_authority() {
    // Under 000 the pack also needs the care planning panel's decision.
    let args = [
        "check",
        SAMPLE,
        "--meeting",
        "lpm",
        "--profile",
        CPM_PROFILE,
    ];
    let out = casepack(&root(), &args);
    assert_eq!(out.status.code(), Some(1));
    pin!("check-care-planning-meeting", &root(), &args, &out);
    // With it attached, the pack is built in the authority's own words, on
    // its letterhead.
    let dir = sample_dir(SAMPLE, |t| {
        t.replace(
            "attachments:\n",
            "attachments:\n  - path: attachments/panel-decision.pdf\n    title: Panel decision\n    kind: panel-decision\n    date: 2026-10-29\n",
        )
    });
    let attachments = dir.path().join("attachments");
    std::fs::copy(
        attachments.join("hartley-nowak-assessment-plan.pdf"),
        attachments.join("panel-decision.pdf"),
    )
    .unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "-o",
            "pack.zip",
            "--meeting",
            "lpm",
            "--profile",
            "profiles/care-planning-meeting.yaml",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let entries = unzip(&dir.path().join("pack.zip"));
    let minutes = squash(&pdf_text(&entries["lpm-minutes.pdf"]));
    assert!(
        minutes.contains(&squash("Care Planning Meeting: record")),
        "{minutes}"
    );
    assert!(minutes.contains(&squash("Westshore Borough Council")));
    assert!(minutes.contains(&squash(
        "Defer the decision to a future Care Planning Meeting"
    )));
    assert!(!minutes.contains(&squash("Northmoor Borough Council")));
    let manifest: Value = serde_json::from_slice(&entries["manifest.json"]).unwrap();
    assert_eq!(manifest["profile"], "care-planning-meeting");
    // The default pack says Legal Planning Meeting, on the case's letterhead.
    let (_d, _, default) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let minutes = squash(&pdf_text(&default["lpm-minutes.pdf"]));
    assert!(minutes.contains(&squash("Legal Planning Meeting: minutes")));
    assert!(minutes.contains(&squash("Northmoor Borough Council")));
}

#[test]
fn freshness_limits_come_from_the_profile() {
    let dir = sample_dir(SAMPLE, |t| {
        t.replace(
            "    date: 2026-10-30\n    author: Grace Adeyemi",
            "    date: 2026-06-30\n    author: Grace Adeyemi",
        )
    });
    // 004 §4d(iv) asks only for a current assessment; the 3 months are the
    // profile's own reading, so a stale one is a warning that says so.
    let args = ["check", "case.yaml", "--meeting", "lpm"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning[missing-attachment]"), "{err}");
    assert!(
        err.contains("(a local limit of this profile, not the procedure's)"),
        "{err}"
    );
    assert!(
        err.contains("source: local limit of the `gloucestershire` profile (attachment_kinds[single-assessment].fresh_months), not the procedure's: 004 §4d(iv) asks only that it is current"),
        "{err}"
    );
    pin!("single-assessment-not-fresh", dir.path(), &args, &out);
    let under = |profile: &str| {
        casepack(
            dir.path(),
            &[
                "check",
                "case.yaml",
                "--meeting",
                "lpm",
                "--profile",
                profile,
            ],
        )
    };
    let out = under("profiles/review-by-week-20.yaml");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("missing-attachment"),
        "{}",
        stderr(&out)
    );
    // A profile may make its own limit an error.
    std::fs::write(
        dir.path().join("strict.yaml"),
        "profile: strict\nname: Strict\nextends: default\nattachment_kinds:\n  - { id: single-assessment, fresh_severity: error }\n",
    )
    .unwrap();
    let out = under("strict.yaml");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[missing-attachment]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_profile_named_in_the_case_is_read_from_beside_it() {
    let dir = sample_dir(SAMPLE, |t| {
        t.replace(
            "casepack: 2\n",
            "casepack: 2\nprofile: profiles/seven.yaml\n",
        )
    });
    std::fs::write(dir.path().join("profiles/seven.yaml"), SEVEN_DAYS).unwrap();
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    pin!(
        "profile-beside-the-case",
        dir.path(),
        &["check", "case.yaml"],
        &out
    );
    // --profile wins over the case's, and takes a built-in one by name.
    let args = ["check", "case.yaml", "--profile", "default"];
    let out = casepack(dir.path(), &args);
    assert!(
        !stderr(&out).contains("after its deadline"),
        "{}",
        stderr(&out)
    );
    pin!("profile-on-the-command-line-wins", dir.path(), &args, &out);
    // A case may name a built-in profile.
    let dir = sample_dir(SAMPLE, |t| {
        t.replace("casepack: 2\n", "casepack: 2\nprofile: gloucestershire\n")
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A profile that is not there is a finding at the line that names it.
    let dir = sample_dir(SAMPLE, |t| {
        t.replace(
            "casepack: 2\n",
            "casepack: 2\nprofile: profiles/nowhere.yaml\n",
        )
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    pin!(
        "profile-not-there",
        dir.path(),
        &["check", "case.yaml"],
        &out
    );
    // A name that is no built-in profile says which there are.
    let args = ["check", SAMPLE, "--profile", "gloucester"];
    let out = casepack(&root(), &args);
    assert_eq!(out.status.code(), Some(2));
    pin!("no-such-built-in-profile", &root(), &args, &out);
}

#[test]
fn bad_profiles_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "step.yaml",
        "profile: x\nname: X\nsteps:\n  - id: lpm-hled\n    due: { after: start, days: 7 }\n    source: \"001\"\n",
    );
    write(
        "loop.yaml",
        "profile: x\nname: X\nsteps:\n  - id: papers-to-panel\n    due: { after: papers-to-panel, days: 7 }\n    source: \"001\"\n",
    );
    write(
        "nosource.yaml",
        "profile: x\nname: X\nsteps:\n  - id: lpm-held\n    due: { after: start, days: 7 }\n",
    );
    write(
        "meeting.yaml",
        "profile: x\nname: X\nmeetings:\n  - id: lpm\n    requires:\n      - { id: genogramme, remove: true }\n",
    );
    write(
        "incomplete.yaml",
        "profile: x\nname: X\nmeetings:\n  - id: ftm\n    name: Families Together Meeting\n",
    );
    write("field.yaml", "profile: x\nname: X\ncolour: blue\n");
    write("noname.yaml", "profile: x\n");
    write("self.yaml", "profile: x\nname: X\nextends: self.yaml\n");
    write("templates.yaml", "profile: x\nname: X\ntemplates: tpl\n");
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    write("tpl/letter.typ", "= Hello\n");
    for (file, message) in [
        (
            "step.yaml",
            "steps[lpm-hled]: no timeline has this step; say which `timeline` to add it to",
        ),
        ("loop.yaml", "papers-to-panel"),
        (
            "nosource.yaml",
            "a changed timescale says where it comes from: give its `source`",
        ),
        (
            "meeting.yaml",
            "meetings[lpm].requires[genogramme]: there is nothing of that id to remove",
        ),
        ("incomplete.yaml", "meetings[ftm]: missing field"),
        ("field.yaml", "unknown field `colour`"),
        ("noname.yaml", "every profile gives its `name`"),
        ("self.yaml", "extends itself"),
        ("templates.yaml", "does not replace a built-in template"),
        ("missing.yaml", "cannot read the profile"),
    ] {
        let args = ["check", &abs(SAMPLE), "--profile", file];
        let out = casepack(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{file}: {}", stderr(&out));
        let name = format!("bad-profile-{}", file.trim_end_matches(".yaml"));
        pin!(name, dir.path(), &args, &out);
    }
}

#[test]
fn profiles_lists_the_built_in_ones() {
    let out = casepack(&root(), &["profiles"]);
    assert!(out.status.success());
    pin!("profiles", &root(), &["profiles"], &out);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // One a line, the default first, each with the procedure it encodes.
    for (line, (name, seed)) in lines.iter().zip([
        ("gloucestershire", "004"),
        ("blackpool", "000"),
        ("procedures-manual-2023", "001"),
        ("metropolitan-looked-after", "002"),
        ("wokingham", "003"),
    ]) {
        let (first, rest) = line.split_once(' ').unwrap();
        assert_eq!(first, name, "{text}");
        assert!(rest.trim_start().starts_with(seed), "{text}");
    }
    assert_eq!(lines.len(), 5, "{text}");
}

#[test]
fn a_profile_can_replace_a_template() {
    let dir = sample_dir(SAMPLE, |t| t);
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(
        dir.path().join("tpl/lpm-minutes.typ"),
        "#let d = json(sys.inputs.data)\n= Our own minutes form\nCase #d.meta.reference, chaired by #d.meeting.chair.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("own.yaml"),
        "profile: own\nname: Own forms\ntemplates: tpl\n",
    )
    .unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "-o",
            "pack.zip",
            "--meeting",
            "lpm",
            "--profile",
            "own.yaml",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squash(&pdf_text(
        &unzip(&dir.path().join("pack.zip"))["lpm-minutes.pdf"],
    ));
    assert!(text.contains(&squash("Our own minutes form")), "{text}");
    assert!(
        text.contains(&squash("Case NM/CS/2026/0147, chaired by Dr Helen Marsh.")),
        "{text}"
    );
}
