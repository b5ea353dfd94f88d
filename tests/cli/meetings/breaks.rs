//! Every requirement of every meeting type broken in turn, each by one
//! change to that type's clean case, and the finding it must get: code,
//! severity, message and the rule's source.

use serde_json::{Value, json};

use super::super::*;
use super::{case_dir, clean_cases};

/// A requirement broken: the clean case of `meeting` (as JSON, which is
/// YAML too) changed by `edit`, and the finding expected.
struct Break {
    meeting: &'static str,
    requirement: &'static str,
    edit: fn(&mut Value),
    finding: &'static str,
    message: &'static str,
}

/// Removes the attendee named `name` from the meeting at `at`.
/// Drops the attendee written by `name`, or by the id of the person of that name.
fn drop_attendee(case: &mut Value, at: &str, name: &str) {
    let id = case["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .map(|p| p["id"].clone());
    let list = case[at]["attendees"].as_array_mut().unwrap();
    let before = list.len();
    list.retain(|a| a["name"] != name && (id.is_none() || a["id"] != *id.as_ref().unwrap()));
    assert_eq!(list.len() + 1, before, "{name} was not at the {at}");
}

fn set_kind(case: &mut Value, from: &str, to: &str) {
    for a in case["attachments"].as_array_mut().unwrap() {
        if a["kind"] == from {
            a["kind"] = json!(to);
        }
    }
}

const BREAKS: &[Break] = &[
    Break {
        meeting: "lpm",
        requirement: "plo-summary",
        edit: |c| c["plo_summary"] = Value::Null,
        finding: "error[missing-document]",
        message: "casepack cannot write \"Social Worker's PLO Summary\" without `plo_summary`",
    },
    Break {
        meeting: "lpm",
        requirement: "team-manager-decision",
        edit: |c| c["lpm_request"]["rationale"] = Value::Null,
        finding: "error[missing-field]",
        message: "the LPM needs the team manager's decision to request the LPM, with a succinct rationale, for the PLO summary: `lpm_request.rationale` is not filled in",
    },
    Break {
        meeting: "lpm",
        requirement: "chronology",
        edit: |c| c["chronology"] = json!([]),
        finding: "error[chronology]",
        message: "the LPM needs an up-to-date chronology: the case has no chronology",
    },
    Break {
        meeting: "lpm",
        requirement: "chronology",
        edit: |c| {
            // Every entry before the 3 months, each kept (the case refers to them by id).
            for e in c["chronology"].as_array_mut().unwrap() {
                if e["date"].as_str().is_some_and(|d| d > "2026-07-30") {
                    e["date"] = json!("2026-07-30");
                }
            }
        },
        // 004 §4d(ii) asks for an up-to-date chronology; the 3 months are the profile's own.
        finding: "warning[chronology]",
        message: "its last entry is Thursday 30 July 2026: nothing in the 3 months before Monday 16 November 2026 (a local limit of this profile, not the procedure's)",
    },
    Break {
        meeting: "lpm",
        requirement: "genogram",
        edit: |c| {
            for m in c["people"].as_array_mut().unwrap() {
                if m["id"] == "kerry" || m["id"] == "tomasz" {
                    m["parents"] = json!([]);
                }
            }
        },
        finding: "error[genogram]",
        message: "the LPM needs a genogram of at least three generations: the family listed spans 2 generations, not 3",
    },
    Break {
        meeting: "lpm",
        requirement: "assessment",
        edit: |c| set_kind(c, "single-assessment", "other"),
        finding: "error[missing-attachment]",
        message: "no single assessment or pre-birth assessment attached",
    },
    Break {
        meeting: "lpm",
        requirement: "assessment",
        edit: |c| c["attachments"][0]["date"] = json!("2026-07-01"),
        // 004 §4d(iv) asks only that it is current: the 3 months are the profile's.
        finding: "warning[missing-attachment]",
        message: "the newest, \"Single assessment\", is dated Wednesday 1 July 2026, more than 3 months before Monday 16 November 2026 (a local limit of this profile, not the procedure's)",
    },
    Break {
        meeting: "lpm",
        requirement: "draft-swet",
        edit: |c| c["lpm"]["purpose"] = json!("issue-care-proceedings"),
        finding: "error[missing-attachment]",
        message: "the LPM needs a draft SWET, when the recommendation is to issue proceedings: no draft social work evidence template (SWET) or social work evidence template (SWET) attached",
    },
    Break {
        meeting: "lpm",
        requirement: "minutes",
        edit: |c| c["lpm"]["attendees"] = json!([]),
        finding: "error[missing-document]",
        message: "casepack cannot write \"Legal Planning Meeting: minutes\" without `lpm.attendees`",
    },
    Break {
        meeting: "lpm",
        requirement: "chair",
        edit: |c| drop_attendee(c, "lpm", "Dr Helen Marsh"),
        finding: "error[missing-attendee]",
        message: "the LPM needs the head of service in the chair: no one at the meeting is head of service",
    },
    Break {
        meeting: "lpm",
        requirement: "legal-adviser",
        edit: |c| drop_attendee(c, "lpm", "Owen Pritchard"),
        finding: "error[missing-attendee]",
        message: "no one at the meeting is the local authority's legal adviser",
    },
    Break {
        meeting: "lpm",
        requirement: "social-worker",
        edit: |c| drop_attendee(c, "lpm", "Grace Adeyemi"),
        finding: "warning[missing-attendee]",
        message: "no one at the meeting is the child's social worker",
    },
    Break {
        meeting: "lpm",
        requirement: "team-manager",
        edit: |c| {
            drop_attendee(c, "lpm", "Martin Shaw");
            drop_attendee(c, "lpm", "Sunita Bains");
        },
        finding: "warning[missing-attendee]",
        message: "no one at the meeting is team manager",
    },
    Break {
        meeting: "review-lpm",
        requirement: "progress",
        edit: |c| c["progress_since_lpm"] = Value::Null,
        finding: "error[missing-field]",
        message: "`progress_since_lpm` is not filled in",
    },
    Break {
        meeting: "review-lpm",
        requirement: "chair",
        edit: |c| drop_attendee(c, "meeting", "Dr Helen Marsh"),
        finding: "error[missing-attendee]",
        message: "the review LPM needs the head of service in the chair",
    },
    Break {
        meeting: "review-lpm",
        requirement: "legal-adviser",
        edit: |c| drop_attendee(c, "meeting", "Owen Pritchard"),
        finding: "error[missing-attendee]",
        message: "no one at the meeting is the local authority's legal adviser",
    },
    Break {
        meeting: "review-lpm",
        requirement: "forbidden-purpose",
        edit: |c| c["meeting"]["purpose"] = json!("revoke-order"),
        finding: "error[forbidden-purpose]",
        message: "Review LPMs must not decide whether to apply to revoke a care order or other order; only a full LPM may (004 §11b)",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "letter",
        edit: |c| c["letter_before_proceedings"] = Value::Null,
        finding: "error[missing-document]",
        message: "casepack cannot write \"Letter before proceedings\" without `letter_before_proceedings`",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "agreement",
        edit: |c| c["contingency_plan"] = Value::Null,
        finding: "error[missing-document]",
        message: "casepack cannot write \"Pre-proceedings agreement\" without `contingency_plan`",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "assessment-plan",
        edit: |c| set_kind(c, "assessment-plan", "other"),
        finding: "warning[missing-attachment]",
        message: "no assessment plan attached",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "kinship-schedule",
        edit: |c| {
            c["meeting"]["purpose"] = json!("review");
            c["kinship"] = json!([]);
        },
        finding: "warning[missing-document]",
        message: "casepack cannot write \"Schedule of kinship carers\" without `kinship`",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "parents",
        edit: |c| {
            drop_attendee(c, "meeting", "Kerry Hartley");
            drop_attendee(c, "meeting", "Tomasz Nowak");
        },
        finding: "warning[missing-attendee]",
        message: "no one at the meeting is the parents",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "chair",
        edit: |c| drop_attendee(c, "meeting", "Martin Shaw"),
        finding: "error[missing-attendee]",
        message: "the pre-proceedings meeting needs a team manager in the chair",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "lawyers",
        edit: |c| drop_attendee(c, "meeting", "Owen Pritchard"),
        finding: "error[missing-attendee]",
        message: "no one at the meeting is the local authority's legal adviser",
    },
    Break {
        meeting: "pre-proceedings-meeting",
        requirement: "parents-solicitors",
        edit: |c| drop_attendee(c, "meeting", "Priya Raman"),
        finding: "warning[missing-attendee]",
        message: "no one at the meeting is the parents' solicitors",
    },
    Break {
        meeting: "advocates-meeting",
        requirement: "proceedings",
        edit: |c| c["proceedings"]["issued"] = Value::Null,
        finding: "error[missing-field]",
        message: "`proceedings.issued` is not filled in",
    },
    Break {
        meeting: "advocates-meeting",
        requirement: "timeline",
        edit: |c| {
            c["proceedings"]["issued"] = Value::Null;
            c["lpm"]["outcome"] = json!("no-further-action");
        },
        finding: "error[missing-document]",
        message: "the advocates' meeting needs the 26-week court timeline: it counts from the issue of proceedings, which the case does not record yet",
    },
    Break {
        meeting: "advocates-meeting",
        requirement: "childs-solicitor",
        edit: |c| drop_attendee(c, "meeting", "Laura Finch"),
        finding: "warning[missing-attendee]",
        message: "no one at the meeting is the child's solicitor",
    },
];

#[test]
fn every_requirement_broken_gets_its_finding_with_severity_and_source() {
    let clean: BTreeMap<&str, (String, Vec<&str>)> = clean_cases()
        .into_iter()
        .map(|(id, text, args, _)| (id, (text, args)))
        .collect();
    let profile = casepack::profile::default_profile();
    // Every requirement of every meeting type is broken at least once.
    for m in &profile.meetings {
        for r in &m.requires {
            assert!(
                BREAKS
                    .iter()
                    .any(|b| b.meeting == m.id && b.requirement == r.id),
                "no case breaks {}/{}",
                m.id,
                r.id
            );
        }
    }
    for b in BREAKS {
        let (text, args) = &clean[b.meeting];
        let (loaded, _) = casepack::case::parse(text).unwrap();
        let mut case = serde_json::to_value(&loaded.case).unwrap();
        (b.edit)(&mut case);
        let dir = case_dir(&serde_json::to_string_pretty(&case).unwrap());
        let mut cmd = vec!["check", "case.yaml"];
        cmd.extend(args);
        let out = casepack(dir.path(), &cmd);
        let err = stderr(&out);
        let what = format!("{}/{}", b.meeting, b.requirement);
        assert!(
            err.contains(b.finding),
            "{what}: expected {} in\n{err}",
            b.finding
        );
        assert!(
            err.contains(b.message),
            "{what}: expected {:?} in\n{err}",
            b.message
        );
        let errors = b.finding.starts_with("error");
        assert_eq!(
            out.status.code(),
            Some(if errors { 1 } else { 0 }),
            "{what}: {err}"
        );
        // The rule's source is quoted with the finding; a limit the profile
        // sets itself cites the profile instead.
        if b.message.contains("(a local limit of this profile") {
            assert!(
                err.contains("source: local limit of the `gloucestershire` profile"),
                "{what}: {err}"
            );
        } else if let Some(r) = profile
            .meeting(b.meeting)
            .and_then(|m| m.requires.iter().find(|r| r.id == b.requirement))
        {
            assert!(
                err.contains(&format!("source: {}", r.source)),
                "{what}: {err}"
            );
        }
    }
}
