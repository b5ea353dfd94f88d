//! The people of a generated case: one to four children, their mother,
//! one or two fathers (with or without parental responsibility, in custody
//! or not, with domestic abuse between them or not), grandparents and an
//! aunt for the genogram and kinship, and the four professionals.

use serde_json::{Map, Value, json};

use crate::draw::Gen;

/// Who is in a generated case, for the rest of it to name.
pub struct Family {
    /// The children of the case, by id.
    pub children: Vec<&'static str>,
    /// Everyone the case may write to, by id.
    pub parents: Vec<&'static str>,
    /// Everyone in `people`, by id.
    pub everyone: Vec<&'static str>,
    /// Names of the professionals and parents, for chairs and attendees.
    pub names: Vec<&'static str>,
}

const CHILDREN: [(&str, &str, &str); 4] = [
    ("maisie", "Maisie Nowak", "female"),
    ("leo", "Leo Nowak", "male"),
    ("ruby", "Ruby Cole", "female"),
    ("noah", "Noah Nowak", "male"),
];

const ADDRESSES: &[&[&str]] = &[
    &["14 Larch Close", "Eastfield", "Northmoor", "NM4 7QD"],
    &["Flat 3, 82 Mill Road", "Northmoor", "NM2 5HT"],
    &["6 Heron Walk", "Northmoor", "NM3 8LP"],
];

/// Writes `people`, `children`, `households` and `professionals` into `case`.
pub fn people(g: &mut Gen, case: &mut Map<String, Value>) -> arbitrary::Result<Family> {
    let n = g.count(1, 4);
    let second_father = g.chance(30);
    let mut people = Vec::new();
    let mut children = Vec::new();
    for (i, (id, name, gender)) in CHILDREN.iter().take(n).enumerate() {
        let father = if second_father && i % 2 == 1 {
            "ryan"
        } else {
            "tomasz"
        };
        let mut child =
            json!({ "id": id, "name": name, "gender": gender, "parents": ["kerry", father] });
        if i == n - 1 && g.chance(10) {
            child["name"] = "Baby Cole (unborn)".into();
            child["expected"] = g.date(-20, 200);
        } else {
            child["born"] = g.date(-6000, -20);
        }
        if g.chance(4) {
            let other = if g.chance(5) { "dave" } else { father };
            child["parents"] = json!([{ "id": "kerry", "kind": g.pick(&["birth", "adoptive", "step", "other", "foster"]) }, other]);
        }
        if g.chance(5) {
            child["looked_after"] = true.into();
        }
        children.push(*id);
        people.push(child);
    }
    let born: Vec<&str> = people
        .iter()
        .filter(|p| p.get("born").is_some())
        .filter_map(|p| p["id"].as_str())
        .map(|id| {
            CHILDREN
                .iter()
                .find(|c| c.0 == id)
                .map_or("maisie", |c| c.0)
        })
        .collect();
    let of = |father: &str| -> Vec<&'static str> {
        people
            .iter()
            .filter(|p| p.get("born").is_some() && p["parents"][1] == father)
            .filter_map(|p| CHILDREN.iter().find(|c| c.0 == p["id"]).map(|c| c.0))
            .collect()
    };
    let (toms, ryans) = (of("tomasz"), of("ryan"));
    let mut kerry = parent(g, "kerry", "Kerry Hartley", "Ms", "female");
    kerry["parental_responsibility"] = pr(g, &born);
    kerry["parents"] = json!(["brenda", "derek"]);
    let mut tomasz = parent(g, "tomasz", "Tomasz Nowak", "Mr", "male");
    tomasz["partners"] = json!([{ "with": "kerry", "status": g.pick(&["separated", "married", "partners", "divorced"]) }]);
    if toms.is_empty() || g.chance(10) {
        tomasz["letters"] = g.pick(&[true, false]).into();
    } else {
        tomasz["parental_responsibility"] = pr(g, &toms);
    }
    if g.chance(20) {
        tomasz["interpreter"] = "Polish".into();
        tomasz["preferred_language"] = "Polish".into();
    }
    let mut parents = vec!["kerry", "tomasz"];
    people.push(kerry);
    people.push(tomasz);
    if second_father {
        let mut ryan = parent(g, "ryan", "Ryan Cole", "Mr", "male");
        ryan["partners"] =
            json!([{ "with": "kerry", "status": "separated", "domestic_abuse": g.chance(50) }]);
        if g.chance(50) && !ryans.is_empty() {
            ryan["parental_responsibility"] = pr(g, &ryans);
        } else if !g.chance(5) {
            ryan["letters"] = g.pick(&[true, false]).into();
        }
        if g.chance(30) {
            ryan["custody"] = json!({
                "establishment": "HMP Ravensmoor",
                "address": g.pick(&[&["Moor Road", "Ravensmoor", "NM9 8PX"][..], &[][..]]),
                "prisoner_number": if g.chance(5) { "" } else { "A4821KT" },
                "letters": g.pick(&["post", "by-hand"]),
                "video_link": g.chance(50),
            });
        }
        parents.push("ryan");
        people.push(ryan);
    }
    people.extend(relatives(g));
    people.extend(professionals(g));
    let mut everyone: Vec<&'static str> = children.clone();
    everyone.extend(&parents);
    everyone.extend([
        "brenda", "derek", "chloe", "grace", "martin", "helen", "owen", "femi",
    ]);
    let mut child_ids: Vec<Value> = children.iter().map(|c| (*c).into()).collect();
    if g.chance(3) {
        child_ids.push(g.pick(&["kerry", "nobody", "Maisie"]).into());
    }
    if g.chance(2) {
        child_ids.clear();
    }
    case.insert("people".into(), people.into());
    case.insert("children".into(), child_ids.into());
    if g.chance(50) {
        let mut members = vec!["kerry"];
        members.extend(g.some_of(&children, 80));
        let mut homes = vec![json!({ "name": "Kerry's home", "members": members })];
        if g.chance(30) {
            let mut members = vec!["tomasz"];
            if g.chance(5) {
                members.push("kerry");
            }
            homes.push(json!({ "name": "Tomasz's flat", "members": members }));
        }
        case.insert("households".into(), homes.into());
    }
    let mut pros = json!({ "social_worker": "grace", "team_manager": "martin", "head_of_service": "helen", "legal_adviser": "owen" });
    if g.chance(3) {
        pros["team_manager"] = g.pick(&["marty", "kerry", "maisie"]).into();
    }
    case.insert("professionals".into(), pros);
    Ok(Family {
        children,
        parents,
        everyone,
        names: vec![
            "Martin Shaw",
            "Grace Adeyemi",
            "Owen Pritchard",
            "Dr Helen Marsh",
            "Kerry Hartley",
            "Tomasz Nowak",
        ],
    })
}

/// Parental responsibility for `children`, now and then for one fewer or
/// for someone who is no child of the case.
fn pr(g: &mut Gen, children: &[&'static str]) -> Value {
    let mut held: Vec<&str> = children.to_vec();
    if g.chance(8) {
        held.pop();
    }
    if g.chance(3) {
        held.push(g.pick(&["brenda", "nobody", "grace"]));
    }
    held.into()
}

fn parent(g: &mut Gen, id: &str, name: &str, title: &str, gender: &str) -> Value {
    let mut p = json!({ "id": id, "name": name, "gender": gender });
    if !g.chance(20) {
        p["title"] = title.into();
    }
    p["born"] = g.date(-15000, -6000);
    p["address"] = if g.chance(4) {
        json!([])
    } else {
        g.pick(ADDRESSES).into()
    };
    if !g.chance(20) {
        p["phone"] = g
            .pick(&["07700 900 214", "07700 900 388", "+44 7700 900512", "n/a"])
            .into();
    }
    if g.chance(20) {
        p["email"] = format!("{id}@mail.example").into();
    }
    if g.chance(10) {
        p["advocate"] = true.into();
    }
    if g.chance(60) {
        p["solicitor"] = json!({ "name": "Priya Raman", "firm": "Raman & Cole Family Law", "phone": "01632 960 455" });
    }
    if g.chance(10) {
        p["share_contact_with"] =
            json!([g.pick(&["parents", "advocates", "kerry", "tomasz", "nobody"])]);
    }
    if g.chance(5) {
        p["note"] = g.text(&["sees the children on Saturdays", "lives in Northmoor"]);
    }
    p
}

fn relatives(g: &mut Gen) -> Vec<Value> {
    let mut brenda =
        json!({ "id": "brenda", "name": "Brenda Hartley", "gender": "female", "born": 1968 });
    let mut derek = json!({ "id": "derek", "name": "Derek Hartley", "gender": "male", "partners": [{ "with": "brenda", "status": "married" }] });
    if g.chance(30) {
        derek["died"] = g.date(-3000, -10);
    } else if g.chance(10) {
        derek["deceased"] = true.into();
    }
    if g.chance(10) {
        brenda["parental_responsibility"] = json!(["maisie"]);
    }
    if g.chance(5) {
        // A loop in the family tree: someone their own grandparent.
        brenda["parents"] = json!(["kerry"]);
    }
    let chloe = json!({ "id": "chloe", "name": "Chloe Hartley", "gender": "female", "parents": ["brenda", "derek"], "relationship": "aunt" });
    vec![brenda, derek, chloe]
}

fn professionals(g: &mut Gen) -> Vec<Value> {
    let phones = !g.chance(3);
    let mut grace = json!({ "id": "grace", "name": "Grace Adeyemi", "email": "grace.adeyemi@northmoor.example" });
    let mut martin = json!({ "id": "martin", "name": "Martin Shaw" });
    if phones {
        grace["phone"] = "01632 960 118".into();
        martin["phone"] = "01632 960 119".into();
    }
    vec![
        grace,
        martin,
        json!({ "id": "helen", "name": "Dr Helen Marsh", "job_title": "Head of Service, Safeguarding" }),
        json!({ "id": "owen", "name": "Owen Pritchard", "job_title": "Senior Solicitor, Legal Services", "phone": "01632 960 300" }),
        json!({ "id": "femi", "name": "Femi Adebayo", "job_title": "Children's guardian (Cafcass)" }),
    ]
}
