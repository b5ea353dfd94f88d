//! `casepack edit` in a real browser: headless Chromium driven through
//! chromedriver (Debian's `chromium` and `chromium-driver`, which
//! `./test` installs). A fictional family is written into an empty case
//! through the form alone; findings come and go beside their fields; the
//! preview shows the child; the saved file builds, from the command line,
//! the pack the page built. axe-core checks each view. Screenshots go to
//! `target/edit-screenshots/` to be looked at.
//!
//! Without chromedriver on the machine these tests fail and say so,
//! unless `CASEPACK_SKIP_BROWSER=1` asks for them to be passed over.

mod driver;

use super::edit::Page;
use super::*;
use driver::*;
use fantoccini::Locator;
use std::time::{Duration, Instant};

#[test]
fn a_family_written_through_the_form_builds_the_pack_the_command_line_builds() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = Page::start(dir.path(), "brook.yaml");
    let d = driver();
    runtime().block_on(async {
        let c = browser(&d).await;
        c.goto(&page.url).await.unwrap();
        settled(&c, |t| t.contains("error")).await;
        screenshot(&c, "empty").await;
        let violations = axe(&c).await;
        assert!(violations.is_empty(), "the empty form: {violations:#?}");

        // The family in `brook.yaml`: a mother, her son, and the council's
        // team, at the first pre-proceedings meeting.
        fill(&c, "reference", "NM/CS/2026/0500").await;
        fill(&c, "local_authority.name", "Northmoor Borough Council").await;
        fill(&c, "local_authority.team", "Safeguarding Team 3").await;
        for (i, line) in ["Civic Centre", "1 Market Street", "Northmoor", "NM1 2AB"]
            .iter()
            .enumerate()
        {
            string_item(&c, "local_authority.address", i, line).await;
        }
        fill(&c, "local_authority.phone", "01632 960 100").await;
        fill(&c, "local_authority.email", "team3@northmoor.example").await;
        person(&c, 0, "alfie", "Alfie Brook").await;
        // Left wrong on purpose: a date of birth in the future.
        date(&c, "people[0].born", "2030-05-01").await;
        string_item(&c, "people[0].parents", 0, "dana").await;
        person(&c, 1, "dana", "Dana Brook").await;
        fill(&c, "people[1].title", "Ms").await;
        string_item(&c, "people[1].parental_responsibility", 0, "alfie").await;
        for (i, line) in ["2 Elm Road", "Northmoor", "NM3 1AA"].iter().enumerate() {
            string_item(&c, "people[1].address", i, line).await;
        }
        person(&c, 2, "sam", "Sam Okafor").await;
        fill(&c, "people[2].phone", "01632 960 118").await;
        person(&c, 3, "tess", "Tess Lowe").await;
        person(&c, 4, "helen", "Helen Marsh").await;
        person(&c, 5, "owen", "Owen Pritchard").await;
        string_item(&c, "children", 0, "alfie").await;
        // A field that names someone offers the people written so far.
        let list = field(&c, "children[0]").await.attr("list").await.unwrap();
        assert_eq!(list.as_deref(), Some("ids-people"));
        let start = Instant::now();
        loop {
            let offered = c
                .execute(
                    "return [...document.querySelectorAll('#ids-people option')].map(o => o.value + '=' + o.textContent)",
                    vec![],
                )
                .await
                .unwrap();
            if offered.to_string().contains("dana=Dana Brook") {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "offered {offered}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        add(&c, "households", 0).await;
        fill(&c, "households[0].name", "Dana's home").await;
        string_item(&c, "households[0].members", 0, "dana").await;
        string_item(&c, "households[0].members", 1, "alfie").await;
        fill(&c, "professionals.social_worker", "sam").await;
        fill(&c, "professionals.team_manager", "tess").await;
        fill(&c, "professionals.head_of_service", "helen").await;
        fill(&c, "professionals.legal_adviser", "owen").await;

        add(&c, "worries", 0).await;
        fill(
            &c,
            "worries[0].worry",
            "Alfie is often left at home without an adult.",
        )
        .await;
        string_item(
            &c,
            "worries[0].evidence",
            0,
            "A neighbour found Alfie alone at 9pm on 3 October 2026.",
        )
        .await;
        fill(
            &c,
            "worries[0].must_change",
            "An adult must be with Alfie at all times.",
        )
        .await;
        add(&c, "support", 0).await;
        fill(
            &c,
            "support[0].what",
            "A family support worker who visits twice a week",
        )
        .await;
        fill(&c, "support[0].who", "Northmoor Family Hub").await;

        fill(&c, "meeting.type", "pre-proceedings-meeting").await;
        fill(&c, "meeting.purpose", "initial").await;
        date(&c, "lpm.date", "2026-11-16").await;
        fill(&c, "lpm.chair", "Helen Marsh").await;
        choose(&c, "lpm.purpose", "consider-proceedings").await;
        choose(&c, "lpm.outcome", "initiate-pre-proceedings").await;

        add(&c, "plan", 0).await;
        fill(
            &c,
            "plan[0].action",
            "Agree who looks after Alfie when Ms Brook is out",
        )
        .await;
        fill(&c, "plan[0].who", "Ms Brook").await;
        date(&c, "plan[0].by", "2026-12-18").await;
        fill(&c, "plan[0].measured_by", "A written childcare plan").await;
        fill(
            &c,
            "contingency_plan",
            "If Alfie is left alone again, we will meet our lawyers straight away.",
        )
        .await;
        date(&c, "review_date", "2027-01-07").await;

        date(&c, "letter_before_proceedings.date", "2026-11-19").await;
        date(&c, "pre_proceedings_meeting.date", "2026-11-26").await;
        date(&c, "pre_proceedings_meeting.time", "10:00").await;
        for (i, line) in [
            "Eastfield Family Hub",
            "40 Station Road",
            "Northmoor",
            "NM4 6BN",
        ]
        .iter()
        .enumerate()
        {
            string_item(&c, "pre_proceedings_meeting.place", i, line).await;
        }

        // The date of birth left wrong has its finding beside it.
        settled(&c, |t| t.contains("error")).await;
        let said = findings_at(&c, "people[0].born").await;
        assert!(said.contains("Error"), "beside people[0].born: {said:?}");
        screenshot(&c, "finding").await;
        // Put right, the finding goes.
        date(&c, "people[0].born", "2020-05-01").await;
        settled(&c, |t| {
            t.starts_with("No findings") || t.starts_with("0 errors")
        })
        .await;
        assert!(
            !c.source().await.unwrap().contains("aria-invalid"),
            "a field is still marked wrong"
        );
        assert_eq!(findings_at(&c, "people[0].born").await, "");

        // How the letter reads, measured as the command line measures it.
        let letters = c.find(Locator::Id("letters")).await.unwrap().text().await.unwrap();
        assert!(
            letters.contains("Letter before proceedings to Dana Brook") && letters.contains("Reading Ease"),
            "{letters}"
        );
        // The preview: the letter to Dana Brook, with her son's name in it.
        let sel = c.find(Locator::Id("doc")).await.unwrap();
        let mut letter = None;
        for o in sel.find_all(Locator::Css("option")).await.unwrap() {
            if o.text()
                .await
                .unwrap()
                .contains("Letter before proceedings")
            {
                letter = o.attr("value").await.unwrap();
            }
        }
        sel.select_by_value(&letter.expect("the letter is in the preview's list"))
            .await
            .unwrap();
        let start = Instant::now();
        loop {
            let words = c
                .execute(
                    "return document.getElementById('preview-text').textContent",
                    vec![],
                )
                .await
                .unwrap();
            let alt = c
                .find(Locator::Id("preview"))
                .await
                .unwrap()
                .attr("alt")
                .await
                .unwrap()
                .unwrap_or_default();
            if words.as_str().is_some_and(|w| w.contains("Alfie"))
                && alt.contains("Letter before proceedings")
            {
                assert!(alt.starts_with("Page 1 of"), "{alt}");
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the preview shows {words} ({alt})"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        screenshot(&c, "preview").await;
        // The README's picture: a finding beside its field, the last good
        // preview of the letter kept beside it.
        date(&c, "people[0].born", "2030-05-01").await;
        settled(&c, |t| !t.starts_with("0 errors")).await;
        assert!(findings_at(&c, "people[0].born").await.contains("Error"));
        c.execute(
            "document.getElementById('f-people[0].born').scrollIntoView({block: 'center'});",
            vec![],
        )
        .await
        .unwrap();
        screenshot(&c, "readme").await;
        date(&c, "people[0].born", "2020-05-01").await;
        settled(&c, |t| {
            t.starts_with("0 errors") || t.starts_with("No findings")
        })
        .await;

        c.find(Locator::Id("save"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        saved(&c).await;
        c.find(Locator::Id("build"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait()
            .at_most(Duration::from_secs(60))
            .for_element(Locator::Css("#built a"))
            .await
            .unwrap();
        let violations = axe(&c).await;
        assert!(violations.is_empty(), "the filled form: {violations:#?}");
        c.goto(&format!("{}?view=record", page.url)).await.unwrap();
        settled(&c, |t| !t.starts_with("Checking")).await;
        let violations = axe(&c).await;
        assert!(violations.is_empty(), "the record view: {violations:#?}");
        screenshot(&c, "record").await;
        c.close().await.unwrap();
    });
    drop(page);

    // The preview's words: the child's name is in the first document.
    let saved = std::fs::read_to_string(dir.path().join("brook.yaml")).unwrap();
    assert!(saved.contains("Alfie Brook"), "{saved}");
    let from_page = std::fs::read(dir.path().join("brook-pack.zip")).unwrap();
    let o = casepack(dir.path(), &["build", "brook.yaml", "-o", "cli.zip"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(dir.path().join("cli.zip")).unwrap(),
        from_page
    );
    let files = unzip(&dir.path().join("cli.zip"));
    let text: String = files
        .iter()
        .filter(|(n, _)| n.ends_with(".pdf"))
        .flat_map(|(_, pdf)| pdf_pages(pdf))
        .collect();
    assert!(text.contains("Alfie Brook"));
}

#[test]
fn the_form_can_be_completed_with_the_keyboard_alone() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = Page::start(dir.path(), "keys.yaml");
    let d = driver();
    runtime().block_on(async {
        let c = browser(&d).await;
        c.goto(&page.url).await.unwrap();
        settled(&c, |t| t.contains("error")).await;
        // Tab from the top of the page to the reference field, type into it,
        // then reach the people list's Add button and press it with Enter.
        let active = || async { c.active_element().await.unwrap() };
        let mut reached = false;
        // Tab is pressed on the page, as a person would, not sent to the
        // focused element: sent to a date box, WebDriver puts the focus
        // back on its first part each time, and the focus never leaves it.
        let tab = || async {
            use fantoccini::actions::{InputSource, KeyAction, KeyActions};
            let keys = KeyActions::new("keyboard".into())
                .then(KeyAction::Down { value: '\u{E004}' })
                .then(KeyAction::Up { value: '\u{E004}' });
            c.perform_actions(keys).await.unwrap();
        };
        for _ in 0..40 {
            tab().await;
            if active().await.attr("id").await.unwrap().as_deref() == Some("f-reference") {
                reached = true;
                break;
            }
        }
        assert!(reached, "Tab never reached the reference field");
        active().await.send_keys("NM/CS/2026/0600").await.unwrap();
        let mut pressed = false;
        // Each person's fields come first (with their communication
        // needs), so the button is some way down.
        for _ in 0..140 {
            tab().await;
            let e = active().await;
            if e.attr("data-op").await.unwrap().as_deref() == Some("add")
                && e.attr("data-path").await.unwrap().as_deref() == Some("people")
            {
                e.send_keys("\u{E007}").await.unwrap(); // Enter
                pressed = true;
                break;
            }
        }
        assert!(pressed, "Tab never reached the button that adds a person");
        // The new person's first field has the focus: type straight in.
        let start = Instant::now();
        loop {
            // Read in the page: the form is replaced as the person is added,
            // so an element found a moment ago may be gone.
            let id = c
                .execute(
                    "return document.activeElement ? document.activeElement.id : null",
                    vec![],
                )
                .await
                .unwrap();
            if id.as_str().is_some_and(|i| i.starts_with("f-people[0].")) {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "focus is on {id:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        active().await.send_keys("alfie").await.unwrap();
        settled(&c, |t| t.contains("error")).await;
        // Save with the keyboard: Save is a button; focus it and press Enter.
        c.find(Locator::Id("save"))
            .await
            .unwrap()
            .send_keys("\u{E007}")
            .await
            .unwrap();
        saved(&c).await;
        c.close().await.unwrap();
    });
    let saved = std::fs::read_to_string(dir.path().join("keys.yaml")).unwrap();
    assert!(
        saved.contains("NM/CS/2026/0600") && saved.contains("id: alfie"),
        "{saved}"
    );
}

#[test]
fn the_side_panel_measures_each_easy_read_document() {
    if skip() {
        return;
    }
    let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
    let page = Page::start(dir.path(), "case.yaml");
    let d = driver();
    runtime().block_on(async {
        let c = browser(&d).await;
        c.goto(&page.url).await.unwrap();
        settled(&c, |t| !t.starts_with("Checking")).await;
        let start = Instant::now();
        let letters = loop {
            let text = c
                .find(Locator::Id("letters"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            if text.contains("Easy Read") || start.elapsed() > Duration::from_secs(30) {
                break text;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        for said in [
            "Letter before proceedings in Easy Read for Kerry Hartley",
            "Pre-proceedings agreement in Easy Read for Kerry Hartley",
            "Rows without a picture",
            "Smallest text",
            "at least 14 pt",
            "Hard words not explained",
        ] {
            assert!(
                letters.contains(said),
                "{said:?} in the side panel: {letters}"
            );
        }
        screenshot(&c, "easy-read-panel").await;
        // The timeline's dates as the documents print them, never ISO.
        let timeline = c
            .find(Locator::Id("timeline"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(timeline.contains("Thursday 26 November 2026"), "{timeline}");
        let iso = timeline.as_bytes().windows(10).any(|w| {
            w.iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
        });
        assert!(!iso, "an ISO date in the page's timeline: {timeline}");
        // The record view flags what each parent needs, for the chair.
        c.goto(&format!("{}?view=record", page.url)).await.unwrap();
        settled(&c, |t| !t.starts_with("Checking")).await;
        let needs = c
            .find(Locator::Id("needs"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        for said in [
            "Kerry Hartley",
            "Advocate, Easy Read",
            "Tomasz Nowak",
            "Interpreter (Polish), Large print",
        ] {
            assert!(needs.contains(said), "{said:?} in {needs}");
        }
        let violations = axe(&c).await;
        assert!(violations.is_empty(), "the record view: {violations:#?}");
        c.close().await.unwrap();
    });
    drop(page);
}
