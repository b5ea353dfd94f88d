//! Plain language in letters to parents: measures reported, jargon and long
//! sentences found where the case typed them, `--strict`, the "Words we
//! use" box, and the help a parent needs at the meeting.

use super::meetings::{REVIEW_LPM, case_dir, with_meeting};
use super::*;

/// The sample with `from` replaced by `to` (which must be there once).
fn sample_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replace(from, to)
}

/// `check --format json` on `case.yaml` in `dir`, with more arguments.
fn check_json(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["check", "case.yaml", "--format", "json"];
    all.extend_from_slice(args);
    let out = casepack(dir, &all);
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).expect("check prints JSON"),
    )
}

/// The 1-based line and column of the first `needle` in `text`.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..at].chars().count() + 1)
}

fn findings<'a>(v: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

#[test]
fn every_sample_letter_meets_the_targets_under_strict() {
    let ending = with_meeting(SAMPLE, REVIEW_LPM)
        + "
pre_proceedings_end:
  date: 2027-02-16
  progress:
    - Maisie has been at school every day since December.
    - An adult has been with the children on every visit, day and night.
  continues: visits from your social worker, with a review every 3 months
";
    let ending_dir = case_dir(&ending);
    let cases: [(&Path, String, &[&str], &[&str]); 3] = [
        (
            &root(),
            SAMPLE.to_string(),
            &[],
            &[
                "Letter before proceedings to Kerry Hartley",
                "Letter before proceedings to Tomasz Nowak",
                // What parents sign is held to the same targets.
                "Pre-proceedings agreement",
            ],
        ),
        (
            &root(),
            ISSUE_SAMPLE.to_string(),
            &["--meeting", "lpm"],
            &[
                "Letter of issue to Shannon Brennan",
                "Letter of issue to Jordan Pike",
            ],
        ),
        (
            ending_dir.path(),
            "case.yaml".to_string(),
            &[],
            &[
                "Letter ending pre-proceedings to Kerry Hartley",
                "Letter ending pre-proceedings to Tomasz Nowak",
            ],
        ),
    ];
    for (cwd, case, extra, titles) in cases {
        let mut args = vec!["check", case.as_str(), "--strict", "--format", "json"];
        args.extend_from_slice(extra);
        let out = casepack(cwd, &args);
        assert_eq!(out.status.code(), Some(0), "{case}: {}", stdout(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let plain = &v["plain_language"];
        assert_eq!(plain["targets"]["reading_ease"], 60.0);
        let letters = plain["letters"].as_array().unwrap();
        let got: Vec<&str> = letters
            .iter()
            .map(|l| l["title"].as_str().unwrap())
            .collect();
        assert_eq!(got, titles, "{case}");
        for l in letters {
            assert!(l["reading_ease"].as_f64().unwrap() >= 60.0, "{l}");
            assert!(l["average_sentence"].as_f64().unwrap() <= 20.0, "{l}");
            assert!(l["longest_sentence"].as_u64().unwrap() <= 35, "{l}");
            assert_eq!(l["jargon"], serde_json::json!([]), "{l}");
            // The letter before proceedings and of issue must say "care
            // proceedings", the ending letter "pre-proceedings": explained.
            let must = if case == "case.yaml" {
                "pre-proceedings"
            } else {
                "care proceedings"
            };
            assert!(
                l["explained"].as_array().unwrap().contains(&must.into()),
                "{l}"
            );
        }
        // The human report: one row per letter, each "ok".
        let mut args = vec!["check", case.as_str(), "--strict"];
        args.extend_from_slice(extra);
        let out = casepack(cwd, &args);
        let err = stderr(&out);
        assert!(
            err.contains("Plain language in letters to parents"),
            "{err}"
        );
        for t in titles {
            let row = err.lines().find(|l| l.contains(t)).unwrap();
            assert!(row.trim_end().ends_with("ok"), "{row}");
        }
    }
}

#[test]
fn jargon_typed_into_the_case_is_named_where_it_was_typed_with_what_to_say() {
    let evidence = "      - He has not had his pre-school vaccinations.";
    let typed = "      - He has not had his vaccinations, a PLO concern that may show\n        significant harm and meet the threshold.";
    let text = sample_with(evidence, typed);
    let dir = case_dir(&text);
    let (code, v) = check_json(dir.path(), &[]);
    assert_eq!(code, Some(0), "jargon is a warning unless --strict");
    let jargon = findings(&v, "jargon");
    let expected = [
        (
            "PLO",
            "PLO",
            "the work we do with you before going to court",
        ),
        ("significant harm", "significant harm", "serious harm"),
        (
            "threshold",
            "threshold",
            "say what happened to the children",
        ),
    ];
    for (term, written, instead) in expected {
        let f = jargon
            .iter()
            .find(|f| {
                f["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("\"{written}\""))
            })
            .unwrap_or_else(|| panic!("no finding for {term}: {v}"));
        assert_eq!(f["severity"], "warning");
        assert_eq!(f["path"], "worries[2].evidence[1]");
        // The term's own line and column, though the value is folded over two lines.
        let (line, column) = line_col(&text, written);
        assert_eq!(
            (
                f["line"].as_u64().unwrap() as usize,
                f["column"].as_u64().unwrap() as usize
            ),
            (line, column),
            "{term}"
        );
        let help = f["help"].as_str().unwrap();
        assert!(help.contains(&format!("write \"{instead}")), "{help}");
        // The same words in both parents' letters are one finding naming both.
        let message = f["message"].as_str().unwrap();
        assert!(
            message.contains("Letter before proceedings to Kerry Hartley"),
            "{message}"
        );
        assert!(
            message.contains("Letter before proceedings to Tomasz Nowak"),
            "{message}"
        );
    }
    assert_eq!(jargon.len(), 3, "{v}");
    for l in v["plain_language"]["letters"].as_array().unwrap() {
        assert_eq!(
            l["jargon"],
            serde_json::json!(["PLO", "significant harm", "threshold"])
        );
    }
    // Printed like rustc, at the term.
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    let (line, column) = line_col(&text, "PLO");
    // Only the term is underlined.
    assert!(
        stderr(&out).contains("^^^ `worries[2].evidence[1]`"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(&format!("case.yaml:{line}:{column}")),
        "{}",
        stderr(&out)
    );
    // --strict makes them errors, and build writes nothing.
    let (code, v) = check_json(dir.path(), &["--strict"]);
    assert_eq!(code, Some(1));
    assert!(
        findings(&v, "jargon")
            .iter()
            .all(|f| f["severity"] == "error")
    );
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--strict", "-o", "p.zip"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("p.zip").exists());
    // Without --strict the pack is built, the letter still says what the case says.
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "p.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_forty_word_sentence_is_found_in_its_field_and_a_hard_letter_misses_reading_ease() {
    let must = "    must_change: An adult who can keep them safe must be with Maisie and Leo at all times.";
    let long = "    must_change: An adult who can keep them safe must be with Maisie and Leo at all times, including evenings and weekends, and you must tell us in advance who that adult will be so that we can check that they are able to keep them safe.";
    let text = sample_with(must, long);
    let dir = case_dir(&text);
    let (code, v) = check_json(dir.path(), &[]);
    assert_eq!(code, Some(0));
    let long_ones = findings(&v, "long-sentence");
    assert_eq!(long_ones.len(), 1, "{v}");
    let f = long_ones[0];
    assert_eq!(f["path"], "worries[0].must_change");
    let (line, column) = line_col(
        &text,
        "An adult who can keep them safe must be with Maisie and Leo at all times, including",
    );
    assert_eq!(
        (
            f["line"].as_u64().unwrap() as usize,
            f["column"].as_u64().unwrap() as usize
        ),
        (line, column)
    );
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("a sentence of 49 words"),
        "{f}"
    );
    assert!(
        f["help"]
            .as_str()
            .unwrap()
            .contains("no sentence over 35 words"),
        "{f}"
    );
    let (code, _) = check_json(dir.path(), &["--strict"]);
    assert_eq!(code, Some(1));

    // Professional prose in every worry drags Reading Ease under 60.
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let start = text.find("\nworries:\n").unwrap() + 1;
    let end = start + text[start..].find("\n\n").unwrap() + 1;
    let hard = "worries:
  - worry: The assessment indicates inconsistent prioritisation of the children's developmental and emotional needs within the household.
    evidence:
      - Engagement with universal and targeted services has been intermittent throughout the assessment period, notwithstanding repeated encouragement.
      - Professional observations evidence deteriorating environmental conditions, inadequate supervision and unpredictable routines at home.
      - Educational professionals report persistent absenteeism and developmental concerns regarding communication and socialisation.
    must_change: Demonstrable, sustained improvement in supervision, household routines and engagement with professionals and services.
    help: Coordinated multi-agency intervention incorporating therapeutic, educational and psychological components, facilitated by the allocated practitioner.
    by: 2027-01-07
  - worry: Parental alcohol consumption continues to compromise the consistency and reliability of day-to-day caregiving arrangements.
    evidence:
      - Police attendance at the property on two occasions identified intoxication while the children were unsupervised.
      - Hair strand testing commissioned by the local authority indicated consistent excessive consumption.
    must_change: Abstinence evidenced by independent testing, together with a comprehensive contingency arrangement for childcare.
    help: Specialist substance misuse intervention, incorporating motivational interviewing and relapse prevention, with independent toxicology monitoring.
    by: 2027-01-07
";
    let dir = case_dir(&format!("{}{hard}{}", &text[..start], &text[end..]));
    let (_, v) = check_json(dir.path(), &[]);
    let misses = findings(&v, "reading-ease");
    assert_eq!(misses.len(), 2, "one per letter: {v}");
    for f in misses {
        let m = f["message"].as_str().unwrap();
        assert!(
            m.contains("Reading Ease is") && m.contains("the target is at least 60"),
            "{m}"
        );
    }
}

#[test]
fn the_words_we_use_box_explains_each_unavoidable_term_the_letter_uses() {
    let text = sample_with(
        "      - He has not had his pre-school vaccinations.",
        "      - He has not had his pre-school vaccinations. If nothing changes, we may ask for an interim care order.",
    );
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "p.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    let letter = squash(&pdf_text_raw(&pack["letter-before-proceedings-kerry.pdf"]));
    let box_at = letter.find(&squash("Words we use")).expect("the box");
    let contact_at = letter.find(&squash("Who to contact")).unwrap();
    let in_box = &letter[box_at..contact_at];
    for (term, means) in [
        (
            "Interim care order",
            "A care order for a short time. It lasts while the court case goes on",
        ),
        (
            "Legal aid",
            "Free help from a solicitor. The government pays for it.",
        ),
        ("Care proceedings", "A court case in the family court."),
        (
            "Pre-proceedings",
            "The time when we work with you to make changes",
        ),
    ] {
        assert!(
            in_box.contains(&squash(&format!("{term}{means}"))),
            "{term} not explained: {in_box}"
        );
    }
    // A term the letter does not use is not explained.
    assert!(!in_box.contains(&squash("Special guardianship order")));
    // The unchanged sample's letter has no interim care order to explain.
    let (_, _, sample) = build(&abs(SAMPLE));
    let plain = squash(&pdf_text(&sample["letter-before-proceedings-kerry.pdf"]));
    assert!(plain.contains(&squash("Words we use")));
    assert!(!plain.contains(&squash("Interim care order")));
}

#[test]
fn a_parent_who_needs_an_interpreter_or_advocate_is_told_and_check_warns_if_none_is_booked() {
    // The sample books Tomasz's Polish interpreter: no warning, and his letter says so.
    let (_, v) = {
        let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
        check_json(dir.path(), &[])
    };
    assert!(findings(&v, "interpreter-not-booked").is_empty(), "{v}");
    // Kerry needs an advocate (and here not Easy Read); neither her
    // advocate nor the interpreter is at the meeting.
    let text = sample_with(
        "    easy_read: true\n    advocate: true\n",
        "    advocate: true\n",
    )
    .replace(
        "    - { as: advocate, for: kerry, name: Jo Whitfield }\n",
        "",
    )
    .replace(
        "    - name: Marta Zielinska\n      role: Polish interpreter\n",
        "",
    );
    let dir = case_dir(&text);
    let (code, v) = check_json(dir.path(), &[]);
    assert_eq!(code, Some(0));
    let f = findings(&v, "interpreter-not-booked");
    assert_eq!(f.len(), 1, "{v}");
    assert_eq!(f[0]["path"], "people[3].interpreter");
    assert_eq!(
        f[0]["line"].as_u64().unwrap() as usize,
        line_col(&text, "interpreter: Polish").0
    );
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("Tomasz Nowak needs a Polish interpreter")
    );
    let f = findings(&v, "advocate-not-booked");
    assert_eq!(f.len(), 1, "{v}");
    assert_eq!(f[0]["path"], "people[2].advocate");
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("the mother's advocate is not at the pre-proceedings meeting: Kerry Hartley needs an advocate"),
        "{v}"
    );
    // The letters say who will be there and how to ask.
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "p.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    let tomasz = squash(&pdf_text(&pack["letter-before-proceedings-tomasz.pdf"]));
    for said in [
        "An interpreter who speaks Polish will be at the meeting for you.",
        "If you need an interpreter at any other time, or in another language, tell Grace Adeyemi on 01632 960 118 and we will arrange one.",
        "If you would like an advocate to help you at the meeting, tell Grace Adeyemi on 01632 960 118 and we will arrange it.",
    ] {
        assert!(tomasz.contains(&squash(said)), "{said}");
    }
    let kerry = squash(&pdf_text(&pack["letter-before-proceedings-kerry.pdf"]));
    for said in [
        "An advocate will be at the meeting to support you.",
        "If you want your advocate with you at any other time, tell Grace Adeyemi on 01632 960 118.",
        "If you would like an interpreter to help you at the meeting, tell Grace Adeyemi",
    ] {
        assert!(kerry.contains(&squash(said)), "{said}");
    }
}

#[test]
fn a_profile_adds_glossary_terms_and_changes_targets() {
    let text = sample_with(
        "      - He has not had his pre-school vaccinations.",
        "      - He has not had his pre-school vaccinations, as the core group heard.",
    );
    let dir = case_dir(&text);
    std::fs::write(
        dir.path().join("profile.yaml"),
        "profile: strict-borough
name: Strict Borough Council
plain_language:
  targets:
    reading_ease: 95
  glossary:
    - term: core group
      means: The people who meet to check how a child protection plan is going.
      instead: the people who meet to check the plan
",
    )
    .unwrap();
    let (_, v) = check_json(dir.path(), &["--profile", "profile.yaml"]);
    let jargon = findings(&v, "jargon");
    assert_eq!(jargon.len(), 1, "{v}");
    assert!(
        jargon[0]["help"]
            .as_str()
            .unwrap()
            .contains("write \"the people who meet to check the plan\" instead")
    );
    assert_eq!(v["plain_language"]["targets"]["reading_ease"], 95.0);
    // Both letters and the agreement.
    assert_eq!(findings(&v, "reading-ease").len(), 3, "{v}");
    // A term twice in the glossary is refused with the profile.
    std::fs::write(
        dir.path().join("bad.yaml"),
        "profile: bad
name: Bad
plain_language:
  glossary:
    - term: statutory duty
      also: [PLO]
      means: Something the law says we must do.
",
    )
    .unwrap();
    let out = casepack(dir.path(), &["check", "case.yaml", "--profile", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`PLO` is in the glossary twice"),
        "{}",
        stderr(&out)
    );
}
