//! Authority profiles: the same case under the default and the example
//! profiles in `samples/profiles` gives different packs and deadlines, each
//! difference traceable to a seed; a profile named in the case is found
//! beside it; bad profiles are refused with the reason.

use serde_json::Value;

use super::*;

const CPM_PROFILE: &str = "samples/profiles/care-planning-meeting.yaml";
const GATEWAY_PROFILE: &str = "samples/profiles/legal-gateway-7-days.yaml";
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
    // due Wed 18 Nov; within 7 days (001) Wed 11 Nov.
    assert_eq!(due(SAMPLE, None, "lpm-held"), "2026-11-18");
    assert_eq!(due(SAMPLE, Some(GATEWAY_PROFILE), "lpm-held"), "2026-11-11");
    // The LPM on Mon 16 Nov was therefore late under 001.
    let out = casepack(&root(), &["check", SAMPLE, "--profile", GATEWAY_PROFILE]);
    assert!(
        stderr(&out).contains("held on 16 November 2026, after its deadline of 11 November 2026"),
        "{}",
        stderr(&out)
    );
    // Review LPM: week 14 (004 §11a(ii)) is Mon 22 Feb 2027; week 20 (004
    // App. 2) is Mon 5 Apr 2027.
    assert_eq!(due(SAMPLE, None, "week-14-lpm"), "2027-02-22");
    assert_eq!(
        due(SAMPLE, Some(WEEK_20_PROFILE), "week-14-lpm"),
        "2027-04-05"
    );
    // Final care planning meeting: two weeks before the final evidence
    // (003; week 15 from Fri 13 Nov 2026 is Fri 26 Feb 2027) is Fri 12 Feb;
    // week 18 (001) is Fri 19 Mar 2027.
    assert_eq!(
        due(ISSUE_SAMPLE, None, "final-care-planning-meeting"),
        "2027-02-12"
    );
    assert_eq!(
        due(
            ISSUE_SAMPLE,
            Some(GATEWAY_PROFILE),
            "final-care-planning-meeting"
        ),
        "2027-03-19"
    );
}

#[test]
fn the_same_case_gives_a_different_pack_under_another_authority() {
    // Under 000 the pack also needs the care planning panel's decision.
    let out = casepack(
        &root(),
        &[
            "check",
            SAMPLE,
            "--meeting",
            "lpm",
            "--profile",
            CPM_PROFILE,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[missing-attachment]: the Care Planning Meeting needs the care planning panel documents with the decision to seek legal advice"), "{err}");
    assert!(err.contains("source: 000 §2"), "{err}");
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
    let out = casepack(dir.path(), &["check", "case.yaml", "--meeting", "lpm"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("more than 3 months before Monday 16 November 2026"));
    let out = casepack(
        dir.path(),
        &[
            "check",
            "case.yaml",
            "--meeting",
            "lpm",
            "--profile",
            "profiles/review-by-week-20.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_profile_named_in_the_case_is_read_from_beside_it() {
    let dir = sample_dir(SAMPLE, |t| {
        t.replace(
            "casepack: 2\n",
            "casepack: 2\nprofile: profiles/legal-gateway-7-days.yaml\n",
        )
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert!(
        stderr(&out).contains("after its deadline of 11 November 2026"),
        "{}",
        stderr(&out)
    );
    // --profile wins over the case's.
    let out = casepack(
        dir.path(),
        &[
            "check",
            "case.yaml",
            "--profile",
            "profiles/review-by-week-20.yaml",
        ],
    );
    assert!(
        !stderr(&out).contains("after its deadline"),
        "{}",
        stderr(&out)
    );
    // A profile that is not there is a finding at the line that names it.
    let dir = sample_dir(SAMPLE, |t| {
        t.replace(
            "casepack: 2\n",
            "casepack: 2\nprofile: profiles/nowhere.yaml\n",
        )
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[profile]: cannot read the profile"),
        "{err}"
    );
    assert!(err.contains("case.yaml:6:10"), "{err}");
}

#[test]
fn bad_profiles_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "step.yaml",
        "profile: x\nname: X\ntimescales:\n  lpm-hled:\n    due: { after: start, days: 7 }\n    source: 001\n",
    );
    write(
        "loop.yaml",
        "profile: x\nname: X\ntimescales:\n  papers-to-panel:\n    due: { after: papers-to-panel, days: 7 }\n    source: 001\n",
    );
    write(
        "meeting.yaml",
        "profile: x\nname: X\nmeetings:\n  lpm:\n    drop_requires: [genogramme]\n",
    );
    write("field.yaml", "profile: x\nname: X\ncolour: blue\n");
    write("templates.yaml", "profile: x\nname: X\ntemplates: tpl\n");
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    write("tpl/letter.typ", "= Hello\n");
    for (file, message) in [
        ("step.yaml", "timescales: `lpm-hled` is not a step"),
        ("loop.yaml", "papers-to-panel"),
        (
            "meeting.yaml",
            "`genogramme` is not one of its requirements",
        ),
        ("field.yaml", "unknown field `colour`"),
        ("templates.yaml", "does not replace a built-in template"),
        ("missing.yaml", "cannot read the profile"),
    ] {
        let out = casepack(dir.path(), &["check", &abs(SAMPLE), "--profile", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{file}: {}", stderr(&out));
    }
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
