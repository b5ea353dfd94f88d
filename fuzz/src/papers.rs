//! The LPM and what followed it in a generated case: its outcome, the
//! worries, the pre-proceedings letter, meeting and plan, review LPMs,
//! care proceedings and a looked-after child's placement, and the meeting
//! the pack is for. Dates are counted from the LPM in the procedure's order.

use serde_json::{Map, Value, json};

use crate::draw::Gen;
use crate::family::Family;

const WORRIES: &[&str] = &[
    "The children are often left at home without an adult to look after them.",
    "Maisie is missing a lot of school.",
    "Leo's health needs are not being met.",
    "Ruby has had two injuries that have not been explained.",
];
const EVIDENCE: &[&str] = &[
    "On 3 October 2026 a neighbour found Leo alone in the front garden at 9pm.",
    "Maisie has been at school for 71 out of every 100 school days since September.",
    "Leo has missed three appointments with the speech therapist.",
];
const CHANGE: &[&str] = &[
    "An adult who can keep them safe must be with the children at all times.",
    "Maisie goes to school every day and on time.",
];
const ACTIONS: &[&str] = &[
    "Go to every session of the parenting course",
    "Take Maisie to school every day, on time",
];

/// Writes `lpm_request`, `lpm` and `worries`.
pub fn lpm(g: &mut Gen, family: &Family, case: &mut Map<String, Value>) -> arbitrary::Result<()> {
    if !g.chance(10) {
        let mut request = json!({ "approved": g.date(-14, -1), "rationale": g.text(&["The children have twice been left alone at night; a formal plan is now needed."]) });
        if g.chance(15) {
            request["deferred"] = g.date(-30, -15);
        }
        if g.chance(15) {
            request["panel_recommended"] = g.date(-40, -20);
        }
        case.insert("lpm_request".into(), request);
    }
    let lpm = g.lpm.format("%Y-%m-%d").to_string();
    let purpose = g.pick(&[
        "consider-proceedings",
        "initiate-pre-proceedings",
        "issue-care-proceedings",
        "revoke-order",
        "extend-supervision-order",
    ]);
    let mut record = json!({ "date": lpm, "chair": if g.chance(2) { "" } else { g.pick(&["Dr Helen Marsh", "Martin Shaw"]) }, "purpose": purpose });
    if let Some(outcome) = g.pick(&[
        Some("initiate-pre-proceedings"),
        Some("issue-care-proceedings"),
        None,
        Some("defer"),
        Some("no-further-action"),
    ]) {
        record["outcome"] = outcome.into();
    }
    if !g.chance(30) {
        record["time"] = g.time();
    }
    record["attendees"] = attendees(g, family);
    if g.chance(15) {
        record["dates_agreed"] =
            json!([{ "what": g.text(&["Next review LPM"]), "date": g.date(-5, 90) }]);
    }
    case.insert("lpm".into(), record);
    let n = if g.chance(3) { 0 } else { g.count(1, 3) };
    let worries: Vec<Value> = (0..n)
        .map(|_| {
            let mut w = json!({ "worry": g.text(WORRIES), "evidence": g.texts(EVIDENCE, 1, 3), "must_change": g.text(CHANGE) });
            if g.chance(20) {
                w["children"] = children_of(g, family);
            }
            w
        })
        .collect();
    case.insert("worries".into(), worries.into());
    Ok(())
}

/// Some of the children, now and then an id that is none of them.
pub fn children_of(g: &mut Gen, family: &Family) -> Value {
    let mut some = g.some_of(&family.children, 60);
    if g.chance(5) {
        some.push(g.pick(&["kerry", "nobody"]));
    }
    some.into()
}

/// Who attended: the professionals and parents, each more often than not.
fn attendees(g: &mut Gen, family: &Family) -> Value {
    const ROLES: &[(&str, &str)] = &[
        ("Dr Helen Marsh", "Head of Service (chair)"),
        ("Martin Shaw", "Team manager (chair)"),
        ("Grace Adeyemi", "Social worker"),
        ("Owen Pritchard", "Legal adviser"),
        ("Kerry Hartley", "Mother"),
        ("Tomasz Nowak", "Father"),
        ("Priya Raman", "Solicitor for the mother"),
        ("Marta Zielinska", "Polish interpreter"),
        ("Laura Finch", "Child's solicitor"),
        ("Sam Reid", "Independent reviewing officer"),
        ("Jo Bell", "Supervising social worker (fostering)"),
        ("Ann Lowe", "Service manager"),
        ("Pat Quinn", "Advocate"),
        ("Dee Moss", "Foster carer"),
        ("Lee Hart", "Parenting assessor"),
        ("Kim Cho", "Kinship assessor"),
    ];
    let _ = family;
    let mut who = g.most_of(&ROLES[..4], 10);
    who.extend(g.some_of(&ROLES[4..], 30));
    who.into_iter()
        .map(|(name, role)| json!({ "name": name, "role": role }))
        .collect::<Vec<_>>()
        .into()
}

/// The meeting types each built-in profile has, with their purposes.
fn meeting_types(profile: Option<&str>) -> &'static [(&'static str, &'static [&'static str])] {
    const LPM: &[&str] = &[
        "consider-proceedings",
        "initiate-pre-proceedings",
        "issue-care-proceedings",
    ];
    match profile {
        Some("blackpool") => &[("lpm", LPM)],
        Some("metropolitan-looked-after") => {
            &[("looked-after-cpm", &["between-reviews", "placement-order"])]
        }
        Some("wokingham") => &[("care-planning-meeting", &["final-care-plan"])],
        Some("procedures-manual-2023") => &[
            ("lpm", LPM),
            ("pre-proceedings-meeting", &["initial", "review"]),
            ("cpm-one", &["initial-care-plan"]),
            ("cpm-two", &["progress"]),
            ("cpm-three", &["final-care-plan"]),
            ("placement-planning-meeting", &["placement"]),
        ],
        _ => &[
            ("lpm", LPM),
            ("review-lpm", &["review-pre-proceedings"]),
            ("pre-proceedings-meeting", &["initial", "review", "final"]),
            ("advocates-meeting", &["before-cmh", "before-irh"]),
            ("cpm-one", &["initial-care-plan"]),
            ("cpm-two", &["progress"]),
            ("cpm-three", &["final-care-plan"]),
            ("looked-after-cpm", &["between-reviews"]),
        ],
    }
}

/// Agenda items a meeting's `record` may hold notes for, across the profiles.
const AGENDA: &[&str] = &[
    "care-plan",
    "contact",
    "assessments",
    "placement",
    "parents",
    "carers",
    "record",
    "actions",
    "permanence",
    "fostering",
    "kinship",
    "timeline",
    "chair",
    "minutes",
    "progress",
    "key-actions",
    "positions",
    "no-such-item",
];

/// Writes `meeting`: which meeting the pack is for, most often one of the
/// profile's own with one of its purposes.
pub fn meeting(
    g: &mut Gen,
    family: &Family,
    profile: Option<&str>,
    case: &mut Map<String, Value>,
) -> arbitrary::Result<()> {
    if g.chance(30) {
        return Ok(());
    }
    let (kind, purposes) = g.pick(meeting_types(profile));
    let kind = if g.chance(3) {
        g.pick(&["lpn", "cpm-four", "LPM", ""])
    } else {
        kind
    };
    let mut m = json!({ "type": kind });
    if g.chance(50) {
        m["purpose"] = if g.chance(5) {
            "review".into()
        } else {
            g.pick(purposes).into()
        };
    }
    if !g.chance(20) {
        m["date"] = g.date(0, 200);
    }
    if g.chance(30) {
        m["time"] = g.time();
    }
    if g.chance(30) {
        m["place"] = json!(["Meeting Room 2, Eastfield Family Hub", "40 Station Road"]);
    }
    if g.chance(60) {
        m["chair"] = g.pick(&family.names).into();
    }
    if g.chance(70) {
        m["attendees"] = attendees(g, family);
    }
    if g.chance(30) {
        let mut record = Map::new();
        for _ in 0..g.count(1, 3) {
            record.insert(
                g.pick(AGENDA).into(),
                g.text(&["Discussed and agreed.", "The carers are doing well."]),
            );
        }
        m["record"] = record.into();
    }
    case.insert("meeting".into(), m);
    Ok(())
}

/// Writes what pre-proceedings needs: support, the letter, the meeting,
/// the plan and its review; present far more often when the LPM decided on
/// pre-proceedings, and then now and then one is missing.
pub fn pre_proceedings(
    g: &mut Gen,
    family: &Family,
    case: &mut Map<String, Value>,
) -> arbitrary::Result<()> {
    let decided =
        case["lpm"].get("outcome").and_then(Value::as_str) == Some("initiate-pre-proceedings");
    let wanted = |g: &mut Gen| if decided { !g.chance(4) } else { g.chance(15) };
    if wanted(g) {
        let n = g.count(1, 3);
        let support: Vec<Value> = (0..n)
            .map(|_| {
                let mut s = json!({ "what": g.text(&["A family support worker twice a week", "A parenting course"]), "who": g.text(&["Northmoor Family Hub"]) });
                if g.chance(60) {
                    s["starts"] = g.date(3, 30);
                }
                if g.chance(15) {
                    s["children"] = children_of(g, family);
                }
                s
            })
            .collect();
        case.insert("support".into(), support.into());
    }
    let letter_days = g.int(1, 7);
    if wanted(g) {
        let mut letter = json!({ "date": g.date(letter_days, letter_days) });
        if g.chance(50) {
            letter["delivered"] = g.date(letter_days, letter_days + 4);
        }
        case.insert("letter_before_proceedings".into(), letter);
    }
    if wanted(g) {
        let mut m = json!({ "date": g.date(letter_days + 5, letter_days + 20), "time": g.time() });
        if g.chance(80) {
            m["place"] = json!([
                "Meeting Room 2, Eastfield Family Hub",
                "40 Station Road",
                "Northmoor",
                "NM4 6BN"
            ]);
        } else {
            m["video_link"] = "https://meet.northmoor.example/ppm".into();
        }
        case.insert("pre_proceedings_meeting".into(), m);
    }
    if wanted(g) {
        let n = g.count(1, 4);
        let plan: Vec<Value> = (0..n)
            .map(|_| {
                let mut row = json!({ "action": g.text(ACTIONS), "who": g.text(&["Ms Hartley", "Grace Adeyemi, social worker"]), "by": g.date(7, 120), "measured_by": g.text(&["Attendance record from the children's centre"]) });
                if g.chance(15) {
                    row["children"] = children_of(g, family);
                }
                row
            })
            .collect();
        case.insert("plan".into(), plan.into());
    }
    if wanted(g) {
        case.insert("contingency_plan".into(), g.text(&["If the children are left alone again, we will hold another meeting with our lawyers straight away."]));
    }
    if wanted(g) {
        case.insert("review_date".into(), g.date(20, 60));
    }
    if g.chance(20) {
        case.insert(
            "progress_since_lpm".into(),
            g.text(&["Maisie has been at school every day since the plan began."]),
        );
    }
    if g.chance(20) {
        let n = g.count(1, 2);
        let reviews: Vec<Value> = (0..n)
            .map(|i| {
                let at = 40 + 40 * i as i64;
                let mut r = json!({ "date": g.date(at, at + 30) });
                if let Some(d) = g.pick(&[
                    Some("continue"),
                    Some("extend-pre-proceedings"),
                    Some("issue-care-proceedings"),
                    Some("end-pre-proceedings"),
                    None,
                ]) {
                    r["decision"] = d.into();
                }
                if g.chance(40) {
                    r["extension_weeks"] = g.int(0, 6).into();
                }
                if g.chance(50) {
                    r["head_of_service_agreed"] = true.into();
                }
                r
            })
            .collect();
        case.insert("review_lpms".into(), reviews.into());
    }
    if g.chance(10) {
        case.insert("pre_proceedings_end".into(), json!({ "date": g.date(60, 120), "progress": g.texts(&["Maisie goes to school every day."], 0, 2), "continues": g.text(&["The child in need plan carries on."]), "next_meeting": g.date(90, 150) }));
    }
    if g.chance(10) {
        case.insert("adoption_possible".into(), true.into());
    }
    Ok(())
}

/// Writes `proceedings`, `letter_of_issue` and `looked_after`: far more
/// often when the LPM decided to issue.
pub fn proceedings(
    g: &mut Gen,
    family: &Family,
    case: &mut Map<String, Value>,
) -> arbitrary::Result<()> {
    let meeting = case
        .get("meeting")
        .and_then(|m| m["type"].as_str())
        .unwrap_or("lpm");
    let in_court = [
        "advocates-meeting",
        "cpm-one",
        "cpm-two",
        "cpm-three",
        "care-planning-meeting",
    ]
    .contains(&meeting);
    let looked_after =
        ["looked-after-cpm", "cpm-one", "placement-planning-meeting"].contains(&meeting);
    let decided = in_court
        || case["lpm"].get("outcome").and_then(Value::as_str) == Some("issue-care-proceedings");
    if decided && !g.chance(20) || g.chance(10) {
        case.insert("letter_of_issue".into(), json!({ "date": g.date(1, 5), "why": g.text(&["We have not seen enough change to keep Ruby safe at home."]) }));
    }
    if decided && !g.chance(20) || g.chance(10) {
        let issued = g.int(1, 20);
        let mut p = Map::new();
        if !g.chance(if in_court { 5 } else { 30 }) {
            p.insert("issued".into(), g.date(issued, issued));
        }
        let listed = [
            ("advocates_meeting", 15),
            ("case_management_hearing", 18),
            ("final_evidence", 100),
            ("issues_resolution_hearing", 140),
            ("final_hearing", 175),
        ];
        for (field, at) in listed {
            if g.chance(if in_court { 70 } else { 40 }) {
                p.insert(field.into(), g.date(issued + at - 5, issued + at + 10));
            }
        }
        for (field, value) in [
            ("court", "Family Court at Northmoor"),
            ("case_number", "NM26C00412"),
            ("guardian", "femi"),
        ] {
            if g.chance(60) {
                p.insert(field.into(), value.into());
            }
        }
        if g.chance(50) {
            p.insert(
                "childs_solicitor".into(),
                json!({ "name": "Laura Finch", "firm": "Finch Solicitors" }),
            );
        }
        if g.chance(50) {
            let parties = g.some_of(
                &[
                    "local-authority",
                    "guardian",
                    "kerry",
                    "tomasz",
                    "ryan",
                    "nobody",
                ],
                50,
            );
            let positions: Vec<Value> = parties
                .into_iter()
                .map(|party| json!({ "party": party, "position": g.text(&["Opposes removal."]) }))
                .collect();
            p.insert("positions".into(), positions.into());
        }
        if g.chance(30) {
            p.insert("experts".into(), json!([{ "discipline": "Psychologist", "proposed_by": g.pick(&family.parents), "why_necessary": g.text(&["To assess the mother's capacity to change."]) }]));
        }
        if g.chance(30) {
            p.insert(
                "disclosure".into(),
                g.texts(&["Police disclosure requested"], 0, 2),
            );
        }
        if g.chance(30) {
            p.insert(
                "contested_ico".into(),
                g.text(&["The mother contests the interim care order."]),
            );
        }
        if g.chance(30) {
            p.insert(
                "draft_order".into(),
                g.text(&["Circulated by the local authority."]),
            );
        }
        case.insert("proceedings".into(), p.into());
    }
    if looked_after && !g.chance(10) || decided && g.chance(50) || g.chance(15) {
        case.insert(
            "looked_after".into(),
            json!({ "placed": g.date(-30, 30), "section_20": g.chance(25) }),
        );
    }
    Ok(())
}
