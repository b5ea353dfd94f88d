//! One pack per person, and nothing of anyone else's. For each fictional
//! family with separated parents in `tests/fixtures/families/`, every
//! recipient's pack is built, and everything in it — the text and metadata
//! of every PDF, every file name, the manifest — is searched for what is
//! private to another adult: every line of their address, their telephone
//! number, email and custody details, and any text the case withholds from
//! this reader. Each letter must name exactly the children its recipient is
//! a parent of or holds parental responsibility for.
//!
//! What is private, who is written to and who is connected to which child
//! are read here from the fixture itself, not from casepack, so the test
//! holds casepack to the case rather than to its own reading of it.

use super::*;
use serde_json::Value;

const FAMILIES: [&str; 4] = [
    "whitfield-cole",
    "ward-lindqvist",
    "brooks-hart",
    "ferreira-asante",
];

/// One person as the fixture says them.
struct Someone {
    id: String,
    private: Vec<String>,
    shares_with: Vec<String>,
    writes_to: bool,
    /// For each of the case's children they are connected to, how a letter names them.
    children: Vec<String>,
}

fn strs(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(strs).collect(),
        _ => Vec::new(),
    }
}

/// The people of a fixture, and the case's children by id with how a
/// letter names each ("Ava", or "unborn baby").
fn people(case: &Value) -> (Vec<Someone>, Vec<(String, String)>) {
    // Professionals' work details are printed as contacts: not private.
    let professionals: Vec<String> = strs(&case["professionals"]["social_worker"])
        .into_iter()
        .chain(
            ["team_manager", "head_of_service", "legal_adviser"]
                .iter()
                .flat_map(|r| strs(&case["professionals"][r])),
        )
        .collect();
    let list: Vec<&Value> = case["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !professionals.iter().any(|x| p["id"] == x.as_str()))
        .collect();
    let children: Vec<(String, String)> = case["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| {
            let id = id.as_str().unwrap().to_string();
            let p = list.iter().find(|p| p["id"] == id.as_str()).unwrap();
            let named = if p.get("expected").is_some() {
                "unborn baby".to_string()
            } else {
                p["name"]
                    .as_str()
                    .unwrap()
                    .split(' ')
                    .next()
                    .unwrap()
                    .to_string()
            };
            (id, named)
        })
        .collect();
    let parent_of = |child: &str, adult: &str| {
        let c = list.iter().find(|p| p["id"] == child).unwrap();
        c["parents"]
            .as_array()
            .is_some_and(|ps| ps.iter().any(|x| x == adult || x["id"] == adult))
    };
    let everyone = list
        .iter()
        .map(|p| {
            let id = p["id"].as_str().unwrap().to_string();
            let pr: Vec<String> = strs(&p["parental_responsibility"]);
            let mut private = strs(&p["address"]);
            private.extend(strs(&p["phone"]));
            private.extend(strs(&p["email"]));
            private.extend(strs(&p["custody"]["establishment"]));
            private.extend(strs(&p["custody"]["address"]));
            private.extend(strs(&p["custody"]["prisoner_number"]));
            let connected: Vec<String> = children
                .iter()
                .filter(|(c, _)| pr.contains(c) || parent_of(c, &id))
                .map(|(_, named)| named.clone())
                .collect();
            Someone {
                writes_to: p["letters"].as_bool().unwrap_or(!pr.is_empty())
                    && !connected.is_empty(),
                shares_with: strs(&p["share_contact_with"]),
                private,
                children: connected,
                id,
            }
        })
        .collect();
    (everyone, children)
}

/// The withheld texts and who each is kept from.
fn withheld(case: &Value) -> Vec<(String, Vec<String>)> {
    let Some(list) = case["withhold"].as_array() else {
        return Vec::new();
    };
    list.iter()
        .map(|w| {
            let field = w["field"].as_str().unwrap();
            // The fixtures withhold `worries[i].evidence[j]`.
            let nums: Vec<usize> = field
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            assert!(field.starts_with("worries[") && nums.len() == 2, "{field}");
            let text = case["worries"][nums[0]]["evidence"][nums[1]]
                .as_str()
                .unwrap()
                .to_string();
            (text, strs(&w["from"]))
        })
        .collect()
}

/// Whether `name` stands in `text` as a word of its own.
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn every_parents_pack_holds_only_their_own_and_names_only_their_children() {
    let mut packs_checked = 0;
    let mut letters_checked = 0;
    for family in FAMILIES {
        let text =
            std::fs::read_to_string(root().join(format!("tests/fixtures/families/{family}.yaml")))
                .unwrap();
        let case: Value = serde_saphyr::from_str(&text).unwrap();
        let (everyone, children) = people(&case);
        let child_ids: Vec<&str> = children.iter().map(|(id, _)| id.as_str()).collect();
        let adults: Vec<String> = case["people"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| !child_ids.contains(&p["id"].as_str().unwrap()))
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        let secrets = withheld(&case);
        let dir = case_dir(&text);
        std::fs::create_dir(dir.path().join("out")).unwrap();
        let out = casepack(
            dir.path(),
            &["build", "case.yaml", "--audience", "parents", "-o", "out"],
        );
        assert!(out.status.success(), "{family}: {}", stderr(&out));
        let recipients: Vec<&Someone> = everyone.iter().filter(|p| p.writes_to).collect();
        assert!(
            recipients.len() >= 3,
            "{family}: only {} written to",
            recipients.len()
        );
        let mut written: Vec<String> = std::fs::read_dir(dir.path().join("out"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        written.sort();
        let mut expected: Vec<String> = recipients
            .iter()
            .map(|r| format!("case-parents-{}-pack.zip", r.id))
            .collect();
        expected.sort();
        assert_eq!(
            written, expected,
            "{family}: one pack per person written to, and no other"
        );
        for r in &recipients {
            let pack = unzip(
                &dir.path()
                    .join("out")
                    .join(format!("case-parents-{}-pack.zip", r.id)),
            );
            let all = pack_text(&pack);
            let own: Vec<String> = r.private.iter().map(|s| squash(s)).collect();
            for other in everyone.iter().filter(|o| o.id != r.id) {
                if other.shares_with.contains(&r.id)
                    || other.shares_with.iter().any(|s| s == "parents")
                {
                    continue;
                }
                for secret in &other.private {
                    let s = squash(secret);
                    // The same words as the reader's own (a shared home) are theirs to see.
                    if own.contains(&s) {
                        continue;
                    }
                    assert!(
                        !all.contains(&s),
                        "{family}: {}'s pack holds {}'s {secret:?}",
                        r.id,
                        other.id
                    );
                }
            }
            for (text, from) in &secrets {
                let kept = from.contains(&r.id)
                    || from
                        .iter()
                        .any(|f| f == "parents" || f == "outside-authority");
                if kept {
                    assert!(
                        !all.contains(&squash(text)),
                        "{family}: {}'s pack holds withheld {text:?}",
                        r.id
                    );
                }
            }
            let manifest: Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
            assert_eq!(manifest["audience"], "parents");
            assert_eq!(manifest["recipient"]["id"], r.id.as_str(), "{family}");
            let letters: Vec<&String> = pack.keys().filter(|n| n.starts_with("letter-")).collect();
            assert!(!letters.is_empty(), "{family}: {} has no letter", r.id);
            for name in letters {
                assert!(
                    name.ends_with(&format!("-{}.pdf", r.id)),
                    "{family}: {}'s pack holds {name}",
                    r.id
                );
                let mut letter = pdf_text(&pack[name])
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                // A grown-up's full name ("Sam Wells", the social worker)
                // is not their namesake child's.
                for adult in &adults {
                    letter = letter.replace(adult.as_str(), "");
                }
                for (_, named) in &children {
                    let theirs = r.children.contains(named);
                    assert_eq!(
                        names(&letter, named),
                        theirs,
                        "{family}: {name} {} {named}",
                        if theirs { "does not name" } else { "names" }
                    );
                }
                letters_checked += 1;
            }
            packs_checked += 1;
        }
        // The withheld text is in the pack of a reader it is not kept from.
        for (text, from) in &secrets {
            let reader = recipients
                .iter()
                .find(|r| !from.contains(&r.id) && !from.iter().any(|f| f == "parents"))
                .unwrap();
            let pack = unzip(
                &dir.path()
                    .join("out")
                    .join(format!("case-parents-{}-pack.zip", reader.id)),
            );
            assert!(
                pack_text(&pack).contains(&squash(text)),
                "{family}: {} should read {text:?}",
                reader.id
            );
        }
    }
    assert!(
        packs_checked >= 10 && letters_checked >= 10,
        "{packs_checked} packs, {letters_checked} letters"
    );
}

#[test]
fn one_parents_pack_alone_and_the_usage_around_it() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/families/whitfield-cole.yaml"))
        .unwrap();
    let dir = case_dir(&text);
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "--recipient",
            "ryan",
            "-o",
            "ryan.zip",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("ryan.zip"));
    let letter = pdf_text(&pack["letter-before-proceedings-ryan.pdf"]);
    let flat = letter.split_whitespace().collect::<Vec<_>>().join(" ");
    // Addressed at the prison, with the prisoner number; how he takes part.
    assert!(
        flat.contains("Mr Ryan Cole Prisoner number A4821KT HMP Ravensmoor Moor Road"),
        "{flat}"
    );
    assert!(flat.contains("by video link from HMP Ravensmoor"), "{flat}");
    assert!(flat.contains("Mason and your unborn baby"), "{flat}");
    // Several packs need a folder; a stranger is no recipient.
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "--audience",
            "parents",
            "-o",
            "all.zip",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    pin!(
        "one-file-for-three-packs",
        dir.path(),
        &[
            "build",
            "case.yaml",
            "--audience",
            "parents",
            "-o",
            "all.zip"
        ],
        &out
    );
    let args = ["check", "case.yaml", "--recipient", "june"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    pin!("a-recipient-not-written-to", dir.path(), &args, &out);
    let args = ["build", "case.yaml", "--recipient", "rian"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    pin!("a-recipient-who-is-no-one", dir.path(), &args, &out);
    // One password for several parents' packs is refused.
    std::fs::create_dir(dir.path().join("all")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_casepack"))
        .args([
            "build",
            "case.yaml",
            "--audience",
            "parents",
            "-o",
            "all",
            "--encrypt",
            "--today",
            TODAY,
        ])
        .env("CASEPACK_PASSWORD", "secret")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Run with its own environment, so pinned with the arguments it was given.
    let args = [
        "build",
        "case.yaml",
        "--audience",
        "parents",
        "-o",
        "all",
        "--encrypt",
        "--today",
        TODAY,
    ]
    .map(String::from);
    crate::stable_paths(dir.path())
        .bind(|| insta::assert_snapshot!("one-password-for-several", transcript(&args, &out)));
    assert_eq!(
        std::fs::read_dir(dir.path().join("all")).unwrap().count(),
        0
    );
}

#[test]
fn text_that_would_show_another_parents_details_stops_the_build_at_its_line() {
    // A worry about all the children that names Dana's street reaches Sam's
    // letter and Ryan's: an error at the worry, and nothing written.
    let text = std::fs::read_to_string(root().join("tests/fixtures/families/whitfield-cole.yaml"))
        .unwrap()
        .replace(
            "      - Meals and bedtimes were not regular on our last four visits.",
            "      - Meals and bedtimes were not regular on our visits to 9 Pear Court.",
        );
    let dir = case_dir(&text);
    let args = ["build", "case.yaml", "-o", "pack.zip"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // The finding at the worry's line, quoted, naming each letter.
    pin!("an-address-in-a-worry", dir.path(), &args, &out);
    assert!(!dir.path().join("pack.zip").exists());
    // Naming a child in a worry that is only about another is caught too.
    let text = std::fs::read_to_string(root().join("tests/fixtures/families/whitfield-cole.yaml"))
        .unwrap()
        .replace(
            "      - Ava has been at school for 74 out of every 100 school days since September.",
            "      - Ava has been at school for 74 out of every 100 days; Mason is often late for nursery.",
        );
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    pin!(
        "another-parents-child-named",
        dir.path(),
        &["check", "case.yaml"],
        &out
    );
}
