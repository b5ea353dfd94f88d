//! The checks every profile passes at load, the embedded default as much
//! as an authority's: timescales that count from real steps, meetings and
//! documents that name real roles, documents and kinds.

use super::error::{ProfileError, rule};
use chrono::{Days, NaiveDate};

use super::{Anchored, Check, Pick, Profile, TimelineRules, Writer, event_name};
use crate::calendar::Calendar;
use crate::case::Date;

impl Profile {
    /// Every check, with `cal` for dating the timelines (a step that follows
    /// another must never be due before it).
    /// The timelines' order is worked out here, once they are known to hold together.
    pub(crate) fn check(&mut self, cal: &Calendar) -> Result<(), ProfileError> {
        check_order(self, cal)?;
        self.plain_language.check()?;
        self.easy_read.check()?;
        self.wording.check(self)?;
        let mut seen: Vec<&str> = Vec::new();
        for t in &self.timelines {
            for step in &t.steps {
                if let Some(field) = &step.recorded_by
                    && event_name(field).is_none()
                {
                    return Err(rule!("{}/{}: `{field}` is not a case event", t.id, step.id));
                }
                if seen.contains(&step.id.as_str()) {
                    return Err(rule!("{}: step id `{}` is used twice", t.id, step.id));
                }
                seen.push(&step.id);
            }
            for end in &t.ends {
                if event_name(end).is_none() {
                    return Err(rule!(
                        "{}: ends at `{end}`, which is not a case event",
                        t.id
                    ));
                }
            }
        }
        for t in &self.timelines {
            for start in &t.starts {
                if event_name(start).is_some() {
                    continue;
                }
                match self.timeline_of(start) {
                    Some(other) if other.id != t.id => {}
                    Some(_) => {
                        return Err(rule!("{}: starts from its own step `{start}`", t.id));
                    }
                    None => {
                        return Err(rule!(
                            "{}: starts from `{start}`, which is neither a case event nor a step",
                            t.id
                        ));
                    }
                }
            }
        }
        self.timeline_order = self.order_timelines()?;
        self.check_meetings()?;
        self.check_bundle()?;
        self.check_audiences()
    }

    /// Every meeting's roles, documents, attachment kinds and timing steps exist.
    fn check_meetings(&self) -> Result<(), ProfileError> {
        if self.meeting(&self.default_meeting).is_none() {
            return Err(rule!(
                "`default_meeting: {}` is not a meeting type",
                self.default_meeting
            ));
        }
        for d in &self.documents {
            let at = format!("document `{}`", d.id);
            if (d.writer == Writer::TimelineSheet) == d.timelines.is_empty() {
                return Err(rule!(
                    "{at}: a `timeline-sheet` names its `timeline`, and only it does"
                ));
            }
            for m in &d.must_say {
                if m.any.is_empty() {
                    return Err(rule!(
                        "{at}: `must_say[{}]` gives no phrase under `any`",
                        m.id
                    ));
                }
                if let Some(p) = &m.paragraph
                    && !super::wording::PARAGRAPHS.contains(&p.as_str())
                {
                    return Err(rule!(
                        "{at}: `must_say[{}].paragraph`: `{p}` is not a paragraph a profile can word (they are: {})",
                        m.id,
                        super::wording::PARAGRAPHS.join(", ")
                    ));
                }
            }
            if d.easy_read && !d.writer.has_easy_read() {
                return Err(rule!(
                    "{at}: `easy_read: true`, and casepack writes Easy Read versions of the letters to parents and the pre-proceedings agreement only"
                ));
            }
            if d.writer == Writer::MeetingPapers && d.agenda.is_empty() {
                return Err(rule!("{at}: `meeting-papers` are kept against an `agenda`"));
            }
            let slots = d.writer.date_slots();
            for slot in slots {
                match d.dates.get(slot) {
                    None => return Err(rule!("{at}: `dates.{slot}` names no step")),
                    Some(step) if self.step(step).is_none() => {
                        return Err(rule!("{at}: `dates.{slot}`: `{step}` is in no timeline"));
                    }
                    Some(_) => {}
                }
            }
            if let Some(extra) = d.dates.keys().find(|k| !slots.contains(k)) {
                let names: Vec<&str> = slots.iter().map(|s| s.name()).collect();
                return Err(rule!(
                    "{at}: its writer prints no `{extra}` date (it prints: {})",
                    if slots.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                ));
            }
            if matches!(d.writer, Writer::PackCover | Writer::Bundle)
                && self
                    .documents
                    .iter()
                    .filter(|o| o.writer == d.writer)
                    .count()
                    > 1
            {
                return Err(rule!("{at}: a profile has one pack cover and one bundle"));
            }
            if let Some(t) = d
                .timelines
                .iter()
                .find(|t| !self.timelines.iter().any(|x| &x.id == *t))
            {
                return Err(rule!("document `{}`: `{t}` is not a timeline", d.id));
            }
            if self.documents.iter().filter(|o| o.id == d.id).count() > 1 {
                return Err(rule!("document id `{}` is used twice", d.id));
            }
        }
        for m in &self.meetings {
            let at = m.id.as_str();
            if let Some(r) = m.recorded_in
                && self
                    .meetings
                    .iter()
                    .filter(|o| o.recorded_in == Some(r))
                    .count()
                    > 1
            {
                return Err(rule!(
                    "{at}: two meeting types are `recorded_in` the same part of the case"
                ));
            }
            if self.meetings.iter().filter(|o| o.id == m.id).count() > 1 {
                return Err(rule!("meeting id `{at}` is used twice"));
            }
            if m.purposes.is_empty() {
                return Err(rule!("{at}: `purposes` lists nothing"));
            }
            for d in &m.pack {
                if self.document(d).is_none() {
                    return Err(rule!("{at}: pack document `{d}` is not a document"));
                }
            }
            for step in &m.timing {
                if self.step(step).is_none() {
                    return Err(rule!("{at}: timing step `{step}` is in no timeline"));
                }
            }
            for req in &m.requires {
                let at = format!("{at}/{}", req.id);
                for p in &req.purposes {
                    if !m.purposes.contains(p) {
                        return Err(rule!("{at}: `{p}` is not one of the meeting's purposes"));
                    }
                }
                match req.check() {
                    Check::Document(d) if self.document(d).is_none() => {
                        return Err(rule!("{at}: `{d}` is not a document"));
                    }
                    Check::Attachment(kinds) => {
                        if let Some(k) = kinds.iter().find(|k| self.attachment_kind(k).is_none()) {
                            return Err(rule!("{at}: `{k}` is not an attachment kind"));
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

/// Dates every timeline from each start in a whole year (every weekday,
/// every bank holiday of it) and refuses a profile in which a step could be
/// due before a step it follows.
pub(super) fn check_order(profile: &Profile, cal: &Calendar) -> Result<(), ProfileError> {
    // A year in the middle of the data, so that timelines running on for
    // years (repeats, 26 weeks from December) stay inside it.
    let years = cal.years();
    let year = years.start() + (years.end() - years.start()) / 2;
    let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January exists");
    for t in profile
        .timelines
        .iter()
        .filter(|t| t.steps.iter().any(|s| !s.follows.is_empty()))
    {
        for day in 0..365 {
            let start = Date(first + Days::new(day));
            let Some(due) = due_dates(t, cal, start) else {
                continue;
            };
            for (j, step) in t.steps.iter().enumerate() {
                for f in &step.follows {
                    // `follows` names a step of the timeline (read so).
                    let Some(k) = t.steps.iter().position(|s| s.id == *f) else {
                        continue;
                    };
                    if due[k] > due[j] {
                        return Err(rule!(
                            "{}/{}: follows `{f}` but its rule can date it earlier (starting on {}: {} before {})",
                            t.id,
                            step.id,
                            start.medium(),
                            due[j].medium(),
                            due[k].medium()
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// Every step's deadline when nothing is recorded, by its place in `steps`,
/// or `None` past the calendar's data.
fn due_dates(t: &TimelineRules, cal: &Calendar, start: Date) -> Option<Vec<Date>> {
    // Dated in the plan's order: every anchor is dated before it is used.
    let mut in_plan: Vec<Date> = Vec::with_capacity(t.steps.len());
    for p in t.plan() {
        let step = &t.steps[p.rule];
        let date_of = |a: Anchored| match a {
            Anchored::Start => start,
            Anchored::Step(i) => in_plan[i],
        };
        let others = p.due.rest.iter().map(|&a| date_of(a));
        let first = date_of(p.due.first);
        let anchor = match step.due.anchor.pick {
            Pick::Last => others.fold(first, Date::max),
            Pick::One | Pick::First => others.fold(first, Date::min),
        };
        let (date, _) = super::count(cal, anchor, step.due.direction, step.due.offset).ok()?;
        in_plan.push(date);
    }
    let mut due = vec![start; t.steps.len()];
    for (p, date) in t.plan().iter().zip(in_plan) {
        due[p.rule] = date;
    }
    Some(due)
}
