//! Each built-in profile holds to its own procedure: it cites only its own
//! seed or national law, 004's weeks and limits count from the events 004
//! ties them to, and what a letter must say is refused when it cannot be
//! checked.
use super::*;

/// Every rule of each built-in profile cites that profile's own procedure or
/// national law, never another authority's: the seeds disagree (16 or 20
/// weeks, 7 days or 2 weeks), so a figure borrowed from one would mislead a
/// social worker working to another.
#[test]
fn every_built_in_profile_cites_only_its_own_procedure_or_national_law() {
    const NATIONAL: [&str; 4] = [
        "Care Planning, Placement and Case Review (England) Regulations 2010",
        "Children Act 1989",
        "PD27A",
        "PD12A",
    ];
    let seeds = ["000", "001", "002", "003", "004"];
    for b in BUILT_IN {
        let own = &b.procedure[..3];
        let p = built_in(b.name).unwrap().unwrap();
        let mut cited: Vec<(String, &str)> = Vec::new();
        for t in &p.timelines {
            cited.push((format!("timelines[{}]", t.id), &t.source));
            for s in &t.steps {
                cited.push((format!("{}.{}", t.id, s.id), &s.source));
            }
        }
        for m in &p.meetings {
            cited.push((format!("meetings[{}]", m.id), &m.source));
            cited.push((format!("meetings[{}].chair", m.id), &m.chair.source));
            cited.push((format!("meetings[{}].attendees", m.id), &m.attendees.source));
            for r in &m.requires {
                cited.push((format!("meetings[{}].requires[{}]", m.id, r.id), &r.source));
            }
        }
        for (at, source) in cited {
            let others: Vec<&&str> = seeds
                .iter()
                .filter(|s| **s != own && source.contains(**s))
                .collect();
            assert!(
                others.is_empty(),
                "{}: {at} cites another authority ({others:?}): {source}",
                b.name
            );
            assert!(
                source.contains(own) || NATIONAL.iter().any(|n| source.contains(n)),
                "{}: {at} cites neither {own} nor national law: {source}",
                b.name
            );
        }
    }
}

/// 004's own timelines, worked by hand from an LPM on Monday 16 November
/// 2026 deciding on pre-proceedings, the letter delivered on its deadline
/// and the first meeting held on its own.
#[test]
fn the_default_profile_counts_app_2_weeks_from_the_first_meeting_and_its_limits_from_the_lpm() {
    let p = from_yaml(DEFAULT_YAML).unwrap();
    // "no later than eight weeks after the LPM" (004 §9b(iv)): LPM + 56 days.
    let review = p.step("plo-review").unwrap();
    assert_eq!(review.due.offset, Offset::Weeks(8));
    assert!(review.limit);
    let end = p.step("end-of-pre-proceedings").unwrap();
    assert_eq!(end.due.offset, Offset::Weeks(16));
    let weeks = p
        .timelines
        .iter()
        .find(|t| t.id == "pre-proceedings-weeks")
        .unwrap();
    // "Week 1 – Initial PPM takes place" (004 App. 2): the meeting as held,
    // else its deadline.
    assert_eq!(
        weeks.starts,
        ["pre_proceedings_meeting.date", "initial-meeting"]
    );
    for id in [
        "stage-2-complete",
        "week-7-lpm",
        "final-assessments",
        "week-13-meeting",
        "week-14-lpm",
        "final-meeting",
    ] {
        assert!(
            weeks.steps.iter().any(|s| s.id == id),
            "{id} counts from the first meeting"
        );
    }
}

#[test]
fn a_must_say_with_no_phrase_or_an_unknown_paragraph_is_refused() {
    let none = DEFAULT_YAML.replace(
        "any: [whatever your income], easy_read: [It does not matter how much money you have], paragraph: legal_advice, source: \"004 §9c(iii)",
        "any: [], easy_read: [It does not matter how much money you have], paragraph: legal_advice, source: \"004 §9c(iii)",
    );
    let err = from_yaml(&none).unwrap_err();
    assert!(
        err.contains("`must_say[free-whatever-income]` gives no phrase under `any`"),
        "{err}"
    );
    let unknown = DEFAULT_YAML.replace("paragraph: consequence,", "paragraph: outcome,");
    let err = from_yaml(&unknown).unwrap_err();
    assert!(
        err.contains("`must_say[if-no-change].paragraph`: `outcome` is not a paragraph"),
        "{err}"
    );
}

#[test]
fn only_letters_and_the_agreement_have_an_easy_read_version_and_its_words_keep_the_rules() {
    let at = DEFAULT_YAML
        .find("  - id: plo-summary\n")
        .expect("the PLO summary's rule");
    let mut minutes = DEFAULT_YAML.to_string();
    minutes.insert_str(at + "  - id: plo-summary\n".len(), "    easy_read: true\n");
    let err = from_yaml(&minutes).unwrap_err();
    assert!(
        err.contains("`easy_read: true`, and casepack writes Easy Read versions of the letters to parents and the pre-proceedings agreement only"),
        "{err}"
    );
    let long = DEFAULT_YAML.replace(
        "means: An interpreter says what people say in your language.",
        "means: An interpreter is a person who says what everyone else at the meeting says, in your own language.",
    );
    let err = from_yaml(&long).unwrap_err();
    assert!(
        err.contains("`interpreter` is explained in a sentence of 18 words"),
        "{err}"
    );
}
