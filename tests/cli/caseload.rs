//! `casepack timeline` over a caseload: three fictional cases in
//! `tests/fixtures/caseload/` judged as at Wednesday 25 November 2026, each
//! row worked out by hand; a case with errors set aside while the others
//! are reported; the JSON; one calendar for every case; the one-page sheet.

use super::*;

const CASELOAD: &str = "tests/fixtures/caseload";
const DAY: &str = "2026-11-25";

/// The report's rows as (group, reference, step, status, due), in order.
fn rows(json: &serde_json::Value) -> Vec<(String, String, String, String, String)> {
    json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| {
            g["rows"].as_array().unwrap().iter().map(move |r| {
                let s = |k: &str| r[k].as_str().unwrap().to_string();
                (
                    g["role"].as_str().unwrap().to_string(),
                    s("reference"),
                    s("step"),
                    s("status"),
                    s("due"),
                )
            })
        })
        .collect()
}

/// The rows worked out by hand from the default profile (004).
///
/// NM/CS/2026/0147 (the pre-proceedings sample): LPM Mon 16 Nov. Five
/// working days on is Mon 23 Nov: the letter before proceedings (not yet
/// recorded as delivered), the legal adviser's record of advice and the
/// minutes on file are overdue. The first meeting is booked for Thu 26 Nov:
/// the agreement to legal 2 working days before (Tue 24 Nov) is overdue,
/// the assessment plan the working day before (Wed 25 Nov, today) and the
/// stage 2 referrals 2 days after (Sat 28 Nov, so Fri 27 Nov) are due soon
/// (within 5 working days); next, the agreement signed a week after the
/// meeting, Thu 3 Dec (6 working days away).
///
/// NM/CS/2026/0188 (LPM Mon 12 Oct, the first meeting held Thu 22 Oct,
/// the early steps done): the agreement signed a week after the meeting,
/// Thu 29 Oct, and stage 2 complete at the end of week 5 (day 35, Sun 15
/// Nov, so Fri 13 Nov) are overdue; next, the week 7/8 LPM at the end of
/// week 8 (day 56, Sun 6 Dec, so Fri 4 Dec), led by the head of service.
/// The week 8 review it shares that date with is booked for 3 Dec.
///
/// NM/CS/2026/0212 (the issue-stage sample; placed Wed 4 Nov, the CMH
/// listed for Tue 8 Dec): the first statutory review 15 working days after
/// placement is today, Wed 25 Nov, so due soon; next, care planning meeting
/// One the working day before the CMH, Mon 7 Dec.
///
/// Grouped by the role named first: "Social work team" and "FFAST social
/// worker, social worker" are the social worker's; no step of these cases
/// is led by the team manager. Overdue, then due soon, then next, by date.
fn by_hand() -> Vec<(String, String, String, String, String)> {
    let sw = "The child's social worker";
    // 0188's first meeting was Thu 22 Oct 2026, week 1 of 004 App. 2: the
    // agreement by the end of week 2 (22 Oct + 13 days, Wed 4 Nov), stage 2
    // by the end of week 5 (+ 34 days, Wed 25 Nov), the LPM of weeks 7/8 by
    // the end of week 8 (+ 55 days, Wed 16 Dec). 0147's meeting is booked
    // for Thu 26 Nov: the agreement by 26 Nov + 13 days, Wed 9 Dec. 0212 was
    // issued Fri 13 Nov: kinship viability by the end of week 5, 13 Nov + 34
    // days, Thu 17 Dec; Ruby was placed Wed 4 Nov: the first review within
    // 20 working days (reg. 33), Wed 2 Dec.
    [
        (
            sw,
            "NM/CS/2026/0188",
            "agreement-signed",
            "overdue",
            "2026-11-04",
        ),
        (
            sw,
            "NM/CS/2026/0147",
            "letter-before-proceedings",
            "overdue",
            "2026-11-23",
        ),
        (
            sw,
            "NM/CS/2026/0147",
            "minutes-on-file",
            "overdue",
            "2026-11-23",
        ),
        (
            sw,
            "NM/CS/2026/0147",
            "agreement-to-legal",
            "overdue",
            "2026-11-24",
        ),
        (
            sw,
            "NM/CS/2026/0147",
            "assessment-plan-to-legal",
            "due-soon",
            "2026-11-25",
        ),
        (
            sw,
            "NM/CS/2026/0188",
            "stage-2-complete",
            "due-soon",
            "2026-11-25",
        ),
        (
            sw,
            "NM/CS/2026/0147",
            "stage-2-referrals",
            "due-soon",
            "2026-11-27",
        ),
        (
            sw,
            "NM/CS/2026/0147",
            "agreement-signed",
            "next",
            "2026-12-09",
        ),
        (
            sw,
            "NM/CS/2026/0212",
            "kinship-viability-complete",
            "next",
            "2026-12-17",
        ),
        (
            "The local authority's legal adviser",
            "NM/CS/2026/0147",
            "advice-recorded",
            "overdue",
            "2026-11-23",
        ),
        (
            "Head of service",
            "NM/CS/2026/0188",
            "week-7-lpm",
            "next",
            "2026-12-16",
        ),
        (
            "The independent reviewing officer",
            "NM/CS/2026/0212",
            "first-statutory-review",
            "due-soon",
            "2026-12-02",
        ),
    ]
    .into_iter()
    .map(|(g, r, s, st, d)| (g.into(), r.into(), s.into(), st.into(), d.into()))
    .collect()
}

#[test]
fn a_folder_of_cases_gives_one_report_grouped_by_who_is_responsible() {
    let out = casepack(&root(), &["timeline", CASELOAD, "--today", DAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(
        "Caseload: overdue, due-soon and next steps, as at Wednesday 25 November 2026\n\
         3 cases: 5 overdue, 4 due soon, 3 next steps.\n"
    ));
    // The groups in order, each with its count.
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with(" step)") || l.ends_with(" steps)"))
        .collect();
    assert_eq!(
        headings,
        [
            "The child's social worker (9 steps)",
            "The local authority's legal adviser (1 step)",
            "Head of service (1 step)",
            "The independent reviewing officer (1 step)",
        ]
    );
    // Each row's first line: case, date, weekday, status; in the order worked out by hand.
    let firsts: Vec<String> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("NM/CS/"))
        .map(|l| l.split_whitespace().take(6).collect::<Vec<_>>().join(" "))
        .collect();
    let want: Vec<String> = by_hand()
        .iter()
        .map(|(_, r, _, st, d)| {
            let date = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            let status = match st.as_str() {
                "overdue" => "OVERDUE",
                "due-soon" => "due soon",
                _ => "next",
            };
            format!("{r} {} {status}", date.format("%-d %b %Y %a"))
        })
        .map(|s| s.split_whitespace().take(6).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(firsts, want, "{text}");
    // Who holds each role named: this case's social worker, team manager and lawyer.
    let signed = text
        .lines()
        .position(|l| l.contains("NM/CS/2026/0188") && l.contains("OVERDUE"))
        .unwrap();
    let cell: Vec<&str> = text.lines().skip(signed).take(3).collect();
    for name in ["Tom Barker", "Priti Shah", "Nadia Kowalczyk"] {
        assert!(cell.iter().any(|l| l.ends_with(name)), "{name}: {cell:?}");
    }
    // Warnings (the overdue steps) are counted, not printed case by case.
    assert_eq!(
        stderr(&out),
        "5 warnings in 2 cases: `casepack check FILE` explains a case's own\n"
    );
}

#[test]
fn the_json_report_has_every_row_with_who_holds_each_role() {
    let out = casepack(
        &root(),
        &["timeline", CASELOAD, "--today", DAY, "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows(&v), by_hand());
    assert_eq!(v["today"], DAY);
    assert_eq!(
        (
            &v["cases"],
            &v["overdue"],
            &v["due_soon"],
            &v["next"],
            &v["warnings"]
        ),
        (&3.into(), &5.into(), &4.into(), &3.into(), &5.into())
    );
    assert_eq!(v["not_reported"], serde_json::json!([]));
    let posts: Vec<&serde_json::Value> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| &g["post"])
        .collect();
    assert_eq!(
        posts,
        ["social_worker", "legal_adviser", "head_of_service", "null"]
            .map(|p| if p == "null" {
                serde_json::Value::Null
            } else {
                p.into()
            })
            .iter()
            .collect::<Vec<_>>()
    );
    let row = &v["groups"][0]["rows"][0];
    assert_eq!(
        row,
        &serde_json::json!({
            "reference": "NM/CS/2026/0188",
            "file": format!("{CASELOAD}/fenwick-doyle.yaml"),
            "timeline": "pre-proceedings-weeks",
            "step": "agreement-signed",
            "action": "Pre-proceedings agreement typed up, sent to parents' solicitors and signed by all; experts instructed if agreed",
            "due": "2026-11-04",
            "weekday": "Wednesday",
            "earliest": null,
            "limit": false,
            "status": "overdue",
            "responsible": "Social worker, team manager, Legal Services",
            "roles": [
                { "id": "social-worker", "name": "The child's social worker", "post": "social_worker", "person": "Tom Barker" },
                { "id": "team-manager", "name": "Team manager", "post": "team_manager", "person": "Priti Shah" },
                { "id": "legal-adviser", "name": "The local authority's legal adviser", "post": "legal_adviser", "person": "Nadia Kowalczyk" },
            ],
        })
    );
    // A role no case post holds names nobody.
    let iro = &v["groups"][3]["rows"][0]["roles"][0];
    assert_eq!(
        (&iro["id"], &iro["person"]),
        (&"iro".into(), &serde_json::Value::Null)
    );
}

/// A `cases` folder in `dir` with the fixtures' attachments, for case
/// files written into it.
fn cases_folder(dir: &Path) -> PathBuf {
    let cases = dir.join("cases");
    std::fs::create_dir_all(cases.join("attachments")).unwrap();
    for entry in std::fs::read_dir(root().join(CASELOAD).join("attachments")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            cases.join("attachments").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    cases
}

/// A copy of the caseload in a temporary folder, with `extra` files
/// (name, text) beside the cases.
fn caseload_copy(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases_folder(dir.path());
    for entry in std::fs::read_dir(root().join(CASELOAD)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            std::fs::copy(&path, cases.join(path.file_name().unwrap())).unwrap();
        }
    }
    for (name, text) in extra {
        std::fs::write(cases.join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_case_with_errors_is_not_reported_and_the_others_still_are() {
    let broken =
        std::fs::read_to_string(root().join("tests/fixtures/bad/no-worries.yaml")).unwrap();
    let twin = std::fs::read_to_string(root().join(CASELOAD).join("brennan.yaml")).unwrap();
    let dir = caseload_copy(&[("broken.yaml", &broken), ("zz-copy.yaml", &twin)]);
    let args = ["timeline", "cases", "--today", DAY];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    // Every row of the three good cases is still there, and the broken
    // case is named with why it is not reported.
    pin!("caseload-with-a-broken-case", dir.path(), &args, &out);
    assert_eq!(
        text.lines()
            .filter(|l| l.trim_start().starts_with("NM/CS/"))
            .count(),
        12
    );
    let errors = casepack(dir.path(), &["check", "cases/broken.yaml"]);
    let count = stderr(&errors).matches("error[").count();
    assert!(count >= 1, "{}", stderr(&errors));
    let tail: Vec<&str> = text.lines().rev().take(3).collect();
    assert_eq!(
        tail,
        [
            "  cases/zz-copy.yaml: has the same reference as cases/brennan.yaml; a reference names one case",
            &format!(
                "  cases/broken.yaml: {count} error{}; `casepack check cases/broken.yaml` lists {}",
                if count == 1 { "" } else { "s" },
                if count == 1 { "it" } else { "them" }
            ),
            "Not reported (2 case files):",
        ]
    );
    assert!(
        stderr(&out)
            .ends_with("error: 2 case files not reported: cases/broken.yaml, cases/zz-copy.yaml\n"),
        "{}",
        stderr(&out)
    );
    // The JSON says the same.
    let json = casepack(
        dir.path(),
        &["timeline", "cases", "--today", DAY, "--format", "json"],
    );
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows(&v).len(), 12);
    assert_eq!(
        v["not_reported"],
        serde_json::json!([
            { "file": "cases/broken.yaml", "reference": "NM/CS/2026/0147", "why": "errors", "errors": count, "same_reference_as": null },
            { "file": "cases/zz-copy.yaml", "reference": "NM/CS/2026/0212", "why": "same reference as another case file", "errors": null, "same_reference_as": "cases/brennan.yaml" },
        ])
    );
}

mod outputs;
