//! The records a generated case keeps: steps done, the chronology, the
//! attached PDFs, the PLO summary pointing into both, kinship carers and
//! text withheld from some readers.

use serde_json::{Map, Value, json};

use crate::draw::Gen;
use crate::family::Family;

/// Step ids across the built-in profiles' timelines, and one misspelt.
const STEPS: &[&str] = &[
    "papers-to-panel",
    "lpm-held",
    "draft-letter-to-lawyer",
    "actions-recorded",
    "advice-recorded",
    "letter-before-proceedings",
    "agreement-to-legal",
    "assessment-plan-to-legal",
    "initial-meeting",
    "stage-2-referrals",
    "agreement-signed",
    "stage-2-complete",
    "outcome-recorded",
    "minutes-authorised",
    "application-issued",
    "proceedings-issued",
    "advocates-meeting",
    "case-management-hearing",
    "care-planning-meeting-one",
    "care-planning-meeting-two",
    "final-evidence",
    "issues-resolution-hearing",
    "final-hearing",
    "placement-planning-meeting",
    "first-statutory-review",
    "second-statutory-review",
    "care-planning-meeting",
    "request-decided",
    "week-7-lpm",
    "week-13-meeting",
    "papers-to-pannel",
];

/// The PDFs in the folder a generated case is checked in, with the kind
/// each is, and paths that are not there or not allowed.
const FILES: &[(&str, &str)] = &[
    (
        "attachments/hartley-nowak-single-assessment.pdf",
        "single-assessment",
    ),
    ("attachments/brennan-draft-swet.pdf", "draft-swet"),
    (
        "attachments/hartley-nowak-assessment-plan.pdf",
        "assessment-plan",
    ),
    (
        "attachments/brennan-looked-after-review.pdf",
        "looked-after-review",
    ),
    (
        "attachments/brennan-single-assessment.pdf",
        "pre-birth-assessment",
    ),
    ("attachments/no-pages.pdf", "care-plan"),
    ("attachments/password-protected.pdf", "expert-report"),
    ("attachments/restricted.pdf", "court-order"),
    ("attachments/missing.pdf", "other"),
    ("../outside.pdf", "other"),
    ("/etc/hostname", "other"),
    ("attachments", "swet"),
];

/// Writes `done`, `chronology`, `attachments`, `plo_summary`, `kinship` and `withhold`.
pub fn records(
    g: &mut Gen,
    family: &Family,
    case: &mut Map<String, Value>,
) -> arbitrary::Result<()> {
    let mut done = Map::new();
    let steps = if g.chance(50) { g.count(1, 4) } else { 0 };
    for _ in 0..steps {
        let step = g.pick(STEPS);
        let id = if g.chance(10) {
            format!("{step}#{}", g.int(0, 3))
        } else {
            step.to_string()
        };
        done.insert(id, g.date(-20, 120));
    }
    if !done.is_empty() {
        case.insert("done".into(), done.into());
    }
    let n = if g.chance(5) { 0 } else { g.count(1, 6) };
    let mut ids = Vec::new();
    let chronology: Vec<Value> = (0..n)
        .map(|i| {
            let mut e = json!({
                "date": g.date(-700, 0),
                "event": g.text(&["Referral from the health visitor", "The police found the children alone at 11pm"]),
                "source": g.text(&["Police", "Health visiting team"]),
            });
            if g.chance(40) {
                let id = ["garden", "alone-at-night", "cp-plan", "referral", "school", "garden"][i];
                ids.push(id);
                e["id"] = id.into();
            }
            if g.chance(50) {
                e["impact"] = g.text(&["Leo was at risk of serious harm"]);
            }
            if g.chance(40) {
                e["significant"] = true.into();
                e["significance"] = g.text(&["Second time in three weeks"]);
            }
            e
        })
        .collect();
    case.insert("chronology".into(), chronology.into());
    // The single assessment more often than not, each other good file now
    // and then, and once in a while a file the pack cannot hold.
    let mut files = Vec::new();
    if !g.chance(20) {
        files.push(FILES[0]);
    }
    files.extend(g.some_of(&FILES[1..5], 25));
    if g.chance(10) {
        files.push(g.pick(&FILES[5..]));
    }
    let mut paths = Vec::new();
    let attached: Vec<Value> = files
        .into_iter()
        .map(|(path, kind)| {
            paths.push(path);
            let mut a = json!({ "path": path, "title": g.text(&["Single assessment", "Assessment plan"]), "kind": kind, "date": g.date(-120, 5) });
            if g.chance(50) {
                a["author"] = "Grace Adeyemi".into();
            }
            if g.chance(20) {
                a["share_with"] = json!([g.pick(&["parents", "kerry", "advocates", "nobody"])]);
            }
            a
        })
        .collect();
    case.insert("attachments".into(), attached.into());
    if !g.chance(30) {
        case.insert("plo_summary".into(), plo_summary(g, &ids, &paths));
    }
    if g.chance(40) {
        let carers: Vec<Value> = g
            .some_of(&["brenda", "chloe", "derek"], 50)
            .into_iter()
            .map(|person| {
                let stage = if g.chance(5) { g.pick(&[0, 4]) } else { g.int(1, 3) };
                json!({
                    "person": person,
                    "put_forward_by": g.pick(&family.parents),
                    "put_forward": g.date(0, 10),
                    "assessments": [{ "stage": stage, "assessor": "Kim Cho", "started": g.date(2, 20), "completed": g.date(20, 60), "outcome": g.text(&["Positive"]) }],
                })
            })
            .collect();
        case.insert("kinship".into(), carers.into());
    }
    if g.chance(15) {
        let fields = [
            "worries[0].evidence[0]",
            "worries[0].worry",
            "people[kerry].address",
            "people[ryan].name",
            "people[brenda].name",
            "meeting.record.contact",
            "chronology[0].event",
            "plan[0].action",
            "people[kerry].born",
            "lpm.date",
            "worries[9].worry",
            "people",
            "people[nobody].name",
        ];
        let from = [
            json!(["tomasz"]),
            json!("parents"),
            json!("advocates"),
            json!("outside-authority"),
            json!(["ryan", "advocates"]),
            json!("nobody"),
        ];
        let withhold: Vec<Value> = (0..g.count(1, 2))
            .map(|_| json!({ "field": g.pick(&fields), "from": from[g.count(0, from.len() - 1)] }))
            .collect();
        case.insert("withhold".into(), withhold.into());
    }
    let _ = &family.everyone;
    Ok(())
}

/// The PLO summary, its evidence pointing at the chronology's ids and the
/// attachments' paths, now and then at neither or at nothing.
fn plo_summary(g: &mut Gen, ids: &[&str], paths: &[&str]) -> Value {
    let mut evidence = Vec::new();
    for _ in 0..g.count(1, 3) {
        let mut e =
            json!({ "what": g.text(&["Leo, aged 3, found alone in the front garden at 9pm."]) });
        if !ids.is_empty() && g.chance(70) {
            e["chronology"] = g.pick(ids).into();
        } else if g.chance(10) {
            e["chronology"] = "no-such-entry".into();
        }
        if !paths.is_empty() && g.chance(40) {
            e["attachment"] = g.pick(paths).into();
        }
        evidence.push(e);
    }
    let mut s = json!({
        "harm": g.text(&["The children are suffering neglect."]),
        "evidence": evidence,
    });
    if g.chance(50) {
        s["interventions"] = json!([{ "what": "Child protection plan (neglect)", "when": "June 2026 to now", "why_not_enough": g.text(&["The children were left alone at night twice in October."]) }]);
    }
    if g.chance(50) {
        s["options"] = json!([
            { "option": "Pre-proceedings, with the children at home", "for_it": "A clear written plan", "proposed": g.chance(80) },
            { "option": "Issue care proceedings", "against_it": "No formal plan yet", "proposed": g.chance(10) },
        ]);
    }
    if g.chance(50) {
        s["next_steps"] = g.texts(
            &["Letter before proceedings to both parents within 5 working days."],
            0,
            3,
        );
    }
    if g.chance(30) {
        s["why_care_order"] = g.text(&["The mother has withdrawn her agreement twice."]);
    }
    s
}
