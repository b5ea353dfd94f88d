//! The sections the Easy Read versions share: what we are worried about,
//! what must change, the help, the meeting, a solicitor, and who to call.
//! Each is rows of casepack's own sentences and the case's texts, for one
//! reader (`to`).

use serde_json::{Value, json};

use super::super::Ctx;
use super::{Rows, Section, either, say};
use crate::case::Meeting;

/// The meeting as the Easy Read version's data holds it, for what it
/// must say (`must_say`'s `{meeting.date}` and the rest).
pub(super) fn meeting_data(m: &Meeting) -> Value {
    json!({
        "date": m.date.long(),
        "time": m.time.spoken(),
        "place": m.place,
        "video_link": m.video_link,
    })
}

/// What we are worried about: casepack's opening, then each worry about
/// the reader's own children.
pub(super) fn worries(rows: &Rows, ctx: &Ctx, to: usize, names: &str, them: &str) -> Section {
    let mut out = vec![rows.row(
        "worry",
        vec![say(
            "We are very **worried** about {}. We want to help you keep {} safe.",
            &[names, them],
        )],
    )];
    for (i, w) in ctx.case.worries.iter().enumerate() {
        if !ctx.about(to, &w.children) {
            continue;
        }
        let easy = w.easy_read.as_ref();
        out.push(rows.row(
            "worry",
            vec![either(
                easy.and_then(|e| e.worry.as_ref()),
                format!("worries[{i}].easy_read.worry"),
                &w.worry,
                format!("worries[{i}].worry"),
            )],
        ));
    }
    Section {
        heading: "What we are worried about".into(),
        rows: out,
    }
}

/// What must change, each with the date it must change by.
pub(super) fn must_change(rows: &Rows, ctx: &Ctx, to: usize) -> Section {
    let mut out = Vec::new();
    for (i, w) in ctx.case.worries.iter().enumerate() {
        if !ctx.about(to, &w.children) {
            continue;
        }
        let easy = w.easy_read.as_ref();
        let mut texts = vec![either(
            easy.and_then(|e| e.must_change.as_ref()),
            format!("worries[{i}].easy_read.must_change"),
            &w.must_change,
            format!("worries[{i}].must_change"),
        )];
        if let Some(by) = w.by {
            texts.push(say("This must happen by **{}**.", &[&by.long()]));
        }
        out.push(rows.row("must-change", texts));
    }
    Section {
        heading: "What must change".into(),
        rows: out,
    }
}

/// The help: each worry's, each support item, an interpreter.
pub(super) fn help(rows: &Rows, ctx: &Ctx, to: usize) -> Section {
    let (case, family) = (ctx.case, ctx.family);
    let person = family.person(to);
    let mut out = Vec::new();
    for (i, w) in case.worries.iter().enumerate() {
        let Some(help) = w.help.as_deref().filter(|_| ctx.about(to, &w.children)) else {
            continue;
        };
        out.push(rows.row(
            "help",
            vec![either(
                w.easy_read.as_ref().and_then(|e| e.help.as_ref()),
                format!("worries[{i}].easy_read.help"),
                help,
                format!("worries[{i}].help"),
            )],
        ));
    }
    for (i, s) in case.support.iter().enumerate() {
        if !ctx.about(to, &s.children) {
            continue;
        }
        out.push(rows.row(
            "help",
            vec![either(
                s.easy_read.as_ref(),
                format!("support[{i}].easy_read"),
                &s.what,
                format!("support[{i}].what"),
            )],
        ));
    }
    if let Some(language) = &person.interpreter {
        out.push(rows.row(
            "interpreter",
            vec![say("A **{}** interpreter will be at the meeting. An interpreter says what people say in your language.", &[language])],
        ));
    }
    Section {
        heading: "Help for you".into(),
        rows: out,
    }
}

/// The meeting: its date, time, and where (a line at a time) or how to
/// join it.
pub(super) fn meeting_section(rows: &Rows, ctx: &Ctx, to: usize, m: &Meeting) -> Section {
    let person = ctx.family.person(to);
    let mut out = vec![
        rows.row(
            "meeting",
            vec![say(
                "We want to meet you to talk about this. The meeting is on **{}**.",
                &[&m.date.long()],
            )],
        ),
        rows.row(
            "time",
            vec![say("The meeting starts at **{}**.", &[&m.time.spoken()])],
        ),
    ];
    match (&person.custody, &m.place, &m.video_link) {
        (Some(c), ..) => out.push(rows.row(
            "video",
            vec![say("You can join the meeting on a video call from {}. We will arrange it with the prison.", &[&c.establishment])],
        )),
        // The address a line at a time, as on an envelope: one long
        // sentence would break the limit.
        (None, Some(place), _) if !place.is_empty() => out.push(rows.row(
            "place",
            std::iter::once(say("The meeting is at:", &[]))
                .chain(place.iter().map(|line| say("**{}**", &[line])))
                .collect(),
        )),
        (None, _, Some(link)) => out.push(rows.row(
            "video",
            vec![say("The meeting is on a video call. The link is **{}**.", &[link])],
        )),
        _ => {}
    }
    out.push(rows.row(
        "solicitor",
        vec![say("Please bring your **solicitor** to the meeting.", &[])],
    ));
    Section {
        heading: "The meeting".into(),
        rows: out,
    }
}

/// Take this letter to a solicitor (`when`: now, today); it is free.
pub(super) fn solicitor(rows: &Rows, ctx: &Ctx, to: usize, when: &str) -> Section {
    let person = ctx.family.person(to);
    let mut texts = vec![say(
        "Take this letter to a **solicitor** {}. A solicitor is a lawyer who is on your side.",
        &[when],
    )];
    if when == "today" {
        texts.push(say("Please talk to a solicitor today.", &[]));
    }
    texts.push(say(
        "Help from a solicitor is **free** for you. It does not matter how much money you have.",
        &[],
    ));
    texts.push(match (&person.solicitor, &person.custody) {
        (Some(sol), _) => match &sol.name {
            Some(name) => say("Your solicitor is **{}** at {}.", &[name, &sol.firm]),
            None => say("Your solicitor is at **{}**.", &[&sol.firm]),
        },
        (None, Some(_)) => say("Ask the prison for a legal visit with a solicitor.", &[]),
        (None, None) => say(
            "We can give you a list of solicitors near you. Your social worker has it.",
            &[],
        ),
    });
    Section {
        heading: "Get help from a solicitor".into(),
        rows: vec![rows.row("solicitor", texts)],
    }
}

/// Who to call, with the number large on its own line.
pub(super) fn call(rows: &Rows, sw: &crate::case::Person) -> Section {
    let Some(phone) = &sw.phone else {
        return Section {
            heading: "Who to talk to".into(),
            rows: vec![rows.row(
                "social-worker",
                vec![say(
                    "Talk to **{}**, your social worker, if you have any questions.",
                    &[&sw.name],
                )],
            )],
        };
    };
    let mut row = rows.row(
        "telephone",
        vec![
            say(
                "Call **{}**, your social worker, if you have any questions.",
                &[&sw.name],
            ),
            say("{}", &[phone]),
        ],
    );
    row.big = true;
    Section {
        heading: "Who to call".into(),
        rows: vec![row],
    }
}
