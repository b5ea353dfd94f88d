//! Easy Read versions of the letters to parents and of the agreement, for
//! each person the case marks `easy_read` (a parent with a learning
//! disability): beside the formal document, which stays the legal notice,
//! in their own pack and wherever the formal one goes.
//!
//! Each version is rows, each a picture and a few short sentences. The
//! sentences are casepack's own, written to the Easy Read rules (15 words
//! or fewer, one idea each, a hard word explained in the next sentence,
//! dates with the weekday, numbers as digits), and the case's texts: each
//! worry, what must change, help, support item and plan row in its
//! `easy_read:` wording where the social worker gave one, else as typed.
//! Every text from the case carries the path of its field, so `check` can
//! measure it against the rules and point at the field that breaks one.
//! The pictures are chosen by what a row is about, never by its words.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Ctx, DocumentJob};
use crate::case::{Date, Helper};
use crate::profile::Writer;
use crate::templates::{PICTURES_DIR, picture_alt};
use sections::{call, help, meeting_data, meeting_section, must_change, solicitor, worries};

mod sections;
mod words;

use words::Text;
use words::{either, say, typed};

/// One point: a picture on the left, its texts on the right.
#[derive(Debug, Clone, Serialize)]
struct Row {
    picture: String,
    alt: String,
    /// The telephone number's row: its last text printed large.
    big: bool,
    sentences: Vec<Text>,
}

#[derive(Debug, Clone, Serialize)]
struct Section {
    heading: String,
    rows: Vec<Row>,
}

/// Builds rows with a profile's pictures.
struct Rows<'a> {
    ctx: &'a Ctx<'a>,
}

impl Rows<'_> {
    /// Where the picture called `name` is in the world: the authority's
    /// own, or casepack's.
    fn picture(&self, name: &str) -> (String, String) {
        let ext = self.ctx.profile.pictures.get(name).map_or("svg", |p| p.ext);
        let alt = picture_alt(name).unwrap_or("A picture");
        (format!("{PICTURES_DIR}/{name}.{ext}"), alt.to_string())
    }

    fn row(&self, picture: &str, sentences: Vec<Text>) -> Row {
        let (picture, alt) = self.picture(picture);
        Row {
            picture,
            alt,
            big: false,
            sentences,
        }
    }
}

/// The Easy Read versions of `built`, the jobs the rule's writer made, for
/// each of their readers who needs Easy Read: a letter's recipient, or
/// each party to the agreement.
pub(super) fn versions(ctx: &Ctx, built: &[DocumentJob]) -> Vec<DocumentJob> {
    if !ctx.rule.easy_read || !ctx.rule.writer.has_easy_read() {
        return Vec::new();
    }
    let family = ctx.family;
    let readers: Vec<(usize, Date)> = match ctx.rule.writer {
        Writer::PreProceedingsAgreement => built
            .first()
            .map(|j| ctx.recipients().into_iter().map(|r| (r, j.date)).collect())
            .unwrap_or_default(),
        _ => built
            .iter()
            .filter_map(|j| {
                let (id, _) = j.recipient.as_ref()?;
                Some((family.index_of(id.as_str())?, j.date))
            })
            .collect(),
    };
    readers
        .into_iter()
        .filter(|&(r, _)| family.person(r).easy_read)
        .filter_map(|(r, date)| version(ctx, r, date))
        .collect()
}

/// One reader's Easy Read version.
fn version(ctx: &Ctx, to: usize, date: Date) -> Option<DocumentJob> {
    let (case, family) = (ctx.case, ctx.family);
    let person = family.person(to);
    let rows = Rows { ctx };
    let children = family.connected_children(to);
    let names = family.children_names(&children, Some(to));
    // Inside a longer sentence three names or more would break the limit,
    // and no field of the case could be changed to mend it.
    let few = if children.len() > 2 {
        "your children".to_string()
    } else {
        names.clone()
    };
    let them = if children.len() == 1 {
        match family.person(children[0]).gender {
            crate::case::Gender::Female => "her",
            crate::case::Gender::Male => "him",
            _ => "them",
        }
    } else {
        "them"
    };
    let team = family.team();
    let sw = family.person(team.social_worker);
    let about = |c: &[crate::case::PersonId]| ctx.about(to, c);
    let formal = ctx.rule.name.to_lowercase();
    let mut opening = vec![rows.row(
        "letter",
        vec![say("This is the Easy Read version of our **{}**. It comes with the {}. The {} is the official one.", &[&formal, &formal, &formal])],
    )];
    // Who goes through it with them: their advocate at the meeting, else
    // their social worker.
    let advocate = ctx
        .meeting
        .attendees
        .iter()
        .map(|a| family.present(a))
        .find(|p| p.helps == Some((Helper::Advocate, to)));
    opening.push(match &advocate {
        Some(a) => rows.row(
            "advocate",
            vec![say(
                "**{}** is your advocate. They will go through this with you.",
                &[&a.name],
            )],
        ),
        None => rows.row(
            "social-worker",
            vec![say(
                "**{}** is your social worker. They will go through this with you.",
                &[&sw.name],
            )],
        ),
    });
    let mut sections = Vec::new();
    let mut data = json!({});
    let title;
    match ctx.rule.writer {
        Writer::LetterBeforeProceedings => {
            let meeting = case.pre_proceedings_meeting.as_ref()?;
            title = format!("We are worried about {names}");
            sections.push(worries(&rows, ctx, to, &names, them));
            sections.push(must_change(&rows, ctx, to));
            sections.push(help(&rows, ctx, to));
            sections.push(meeting_section(&rows, ctx, to, meeting));
            sections.push(solicitor(&rows, ctx, to, "now"));
            sections.push(Section {
                heading: "What happens next".into(),
                rows: vec![rows.row(
                    "next",
                    vec![say("If things do not change, we may ask the **family court** to decide. A judge at the family court decides what is best for children.", &[])],
                )],
            });
            data["meeting"] = meeting_data(meeting);
        }
        Writer::LetterOfIssue => {
            let letter = case.letter_of_issue.as_ref()?;
            title = format!("We have asked the court to help keep {few} safe");
            let mut why = vec![rows.row(
                "court",
                vec![say("We have asked the **family court** to decide what happens to {}. A judge at the family court decides what is best for children.", &[&few])],
            )];
            if let Some(text) = letter.why.as_deref() {
                why.push(rows.row(
                    "worry",
                    vec![either(
                        letter.easy_read.as_ref(),
                        "letter_of_issue.easy_read".into(),
                        text,
                        "letter_of_issue.why".into(),
                    )],
                ));
            }
            let proceedings = case.proceedings.as_ref();
            if let Some(hearing) = proceedings.and_then(|p| p.case_management_hearing) {
                why.push(rows.row(
                    "calendar",
                    vec![say(
                        "The first meeting at court is on **{}**. Your solicitor will go with you.",
                        &[&hearing.long()],
                    )],
                ));
            }
            sections.push(Section {
                heading: "Why we are going to court".into(),
                rows: why,
            });
            // The worries, as the formal letter lists them.
            sections.push(worries(&rows, ctx, to, &names, them));
            sections.push(solicitor(&rows, ctx, to, "today"));
        }
        Writer::LetterEndingPreProceedings => {
            let end = case.pre_proceedings_end.as_ref()?;
            title = "Our work before court has ended".to_string();
            let easy = end.easy_read.as_ref();
            let mut done = vec![rows.row(
                "good",
                vec![say("We are **not** going to court about {} now.", &[&few])],
            )];
            let progress: Vec<Text> = match easy.filter(|e| !e.progress.is_empty()) {
                Some(e) => e
                    .progress
                    .iter()
                    .enumerate()
                    .map(|(i, p)| typed(p, format!("pre_proceedings_end.easy_read.progress[{i}]")))
                    .collect(),
                None => end
                    .progress
                    .iter()
                    .enumerate()
                    .map(|(i, p)| typed(p, format!("pre_proceedings_end.progress[{i}]")))
                    .collect(),
            };
            for t in progress {
                done.push(rows.row("must-change", vec![t]));
            }
            sections.push(Section {
                heading: "What has changed".into(),
                rows: done,
            });
            let mut next = vec![rows.row(
                "help",
                vec![either(
                    easy.and_then(|e| e.continues.as_ref()),
                    "pre_proceedings_end.easy_read.continues".into(),
                    &end.continues,
                    "pre_proceedings_end.continues".into(),
                )],
            )];
            if let Some(d) = end.next_meeting {
                next.push(rows.row(
                    "calendar",
                    vec![say("The next meeting is on **{}**.", &[&d.long()])],
                ));
            }
            sections.push(Section {
                heading: "What happens next".into(),
                rows: next,
            });
        }
        Writer::PreProceedingsAgreement => {
            let meeting = case.pre_proceedings_meeting.as_ref()?;
            title = "What we agreed".to_string();
            opening.insert(
                1,
                rows.row(
                    "meeting",
                    vec![say(
                        "We met on **{}**. This is what we all agreed.",
                        &[&meeting.date.long()],
                    )],
                ),
            );
            sections.push(worries(&rows, ctx, to, &names, them));
            sections.push(must_change(&rows, ctx, to));
            let mut plan = Vec::new();
            for (i, p) in case
                .plan
                .iter()
                .enumerate()
                .filter(|(_, p)| about(&p.children))
            {
                let mut texts = vec![either(
                    p.easy_read.as_ref(),
                    format!("plan[{i}].easy_read"),
                    &p.action,
                    format!("plan[{i}].action"),
                )];
                texts.push(say("This will be done by **{}**.", &[&p.by.long()]));
                plan.push(rows.row("plan", texts));
            }
            if !plan.is_empty() {
                sections.push(Section {
                    heading: "What we will all do".into(),
                    rows: plan,
                });
            }
            sections.push(help(&rows, ctx, to));
            if let Some(review) = case.review_date {
                sections.push(Section {
                    heading: "When we will meet again".into(),
                    rows: vec![rows.row(
                        "calendar",
                        vec![say(
                            "We will meet again on **{}**. We will check how things are going.",
                            &[&review.long()],
                        )],
                    )],
                });
            }
        }
        _ => return None,
    }
    sections.push(call(&rows, sw));
    sections.retain(|s| !s.rows.is_empty());
    let (words_picture, words_alt) = rows.picture("words");
    let marking = ctx
        .profile
        .protective_marking
        .replace('-', " ")
        .to_lowercase();
    let mut body = json!({
        "title": title,
        "opening": opening,
        "sections": sections,
        // "Words to know": the profile's hard words these texts use, chosen
        // once the texts are final (`plain::easy`).
        "words": [],
        "words_picture": { "picture": words_picture, "alt": words_alt },
        "social_worker": { "name": sw.name, "phone": sw.phone },
        // The licence in words, not its capitals: this is Easy Read too.
        "credit": "The pictures are from OpenMoji (openmoji.org). They are shared under the Creative Commons Attribution-ShareAlike 4.0 licence.",
    });
    if let (Value::Object(b), Value::Object(extra)) = (&mut body, data) {
        b.extend(extra);
    }
    let mut job = ctx.job(
        "easy-read.typ",
        format!("easy-read-{}-{}.pdf", ctx.rule.id, person.id),
        format!("{} in Easy Read for {}", ctx.rule.name, person.name),
        Some((person.id.clone(), person.name.clone())),
        date,
        ctx.headed(date, body),
    );
    job.data["meta"]["marking_words"] = capitalised(&marking).into();
    job.data["meta"]["title"] = format!("{} (Easy Read)", ctx.rule.name).into();
    job.easy_read = true;
    if !ctx.profile.pictures.is_empty() {
        // An authority's own pictures: their credit is theirs to give.
        job.data["credit"] = Value::String(String::new());
    }
    Some(job)
}

/// `s` with its first letter upper-case: "Official sensitive".
fn capitalised(s: &str) -> String {
    super::cover::capitalised(s)
}
