//! The cohort calendar (P1–P6, A2, CR7).
//!
//! Cohorts begin in March and September (P1). Our reading, one parameter set below: the
//! cohort month is when the whole team starts, on the 1st; the leaders' two-month
//! preparation phase starts two months earlier (P2); graduation is the last day of the
//! sixth team month (P3); the learning sessions are estimated on weekdays, Monday to
//! Thursday, so the coaches' meeting the day after each falls on a weekday too (P4, P5); claims are due three months after graduation (CR7). The next
//! cohort for a date is the first whose preparation starts on or after that date.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;

use crate::book::{RuleId, FIVE_STEPS};
use crate::bounds::{self, MAX_COHORTS};
use crate::date::{self, add_months, month_end};
use crate::error::{ErrorCode, InputError};
use crate::finding::Finding;
use crate::program::{self, Facts, CALENDAR};
use crate::text::number_word;

/// How many cohorts a schedule lists when the request does not say: two years' worth.
pub const DEFAULT_COHORTS: u32 = 2 * CALENDAR.cohort_months.len() as u32;

/// The learning sessions' titles (P4), in order; as many as
/// [`CALENDAR`]`.learning_sessions` (a test checks).
pub const SESSION_TITLES: [&str; 10] = [
    "Starting Improvement",
    "Structured Problem Solving Using A3 Thinking: The Left Side",
    "Identifying and Understanding Root Causes",
    "Structure Problem Solving Using A3 Thinking: The Right Side",
    "Visualizing Data and Responding to Variation",
    "Problem Solving in a Complex Environment",
    "Creating High Reliability Processes and Solutions",
    "Developing a Culture of Improvement",
    "Closing Improvement Projects",
    "Graduation: Presenting Improvement",
];

/// The QI coach training topics (P5), grouped into [`CALENDAR`]`.coach_trainings`
/// sessions (a test checks).
pub const COACH_TRAININGS: [&str; 5] = [
    "Leading improvement",
    "Developing measures",
    "Visualizing data",
    "Managing teams and projects",
    "Mitigating barriers and creating a culture of change",
];

/// One cohort's key dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cohort {
    /// `YYYY-MM`, the cohort month.
    pub id: String,
    /// The leaders' preparation phase starts (P2).
    #[serde(serialize_with = "date::ser")]
    pub preparation_starts: NaiveDate,
    /// The whole team starts (P1, P3).
    #[serde(serialize_with = "date::ser")]
    pub team_starts: NaiveDate,
    /// Estimated graduation, Session 10 (P3).
    #[serde(serialize_with = "date::ser")]
    pub graduation: NaiveDate,
    /// Last day to complete evaluations and credit claims (CR7).
    #[serde(serialize_with = "date::ser")]
    pub claim_deadline: NaiveDate,
}

/// One learning session, with its estimated date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Session {
    /// 1 to 10.
    pub number: u32,
    /// Its title on the page.
    pub title: &'static str,
    /// Estimated date (P4 interpretation).
    #[serde(serialize_with = "date::ser")]
    pub date: NaiveDate,
    /// The optional coaches' application meeting, the day after (P5).
    #[serde(serialize_with = "date::ser")]
    pub application_meeting: NaiveDate,
}

/// One QI coach training session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoachTraining {
    /// 1 to 5.
    pub number: u32,
    /// Its topic.
    pub topic: &'static str,
}

/// The schedule answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Schedule {
    /// The date asked about.
    #[serde(serialize_with = "date::ser")]
    pub date: NaiveDate,
    /// The next cohort.
    pub cohort: Cohort,
    /// A cohort whose leaders' preparation has begun but whose team has not started yet
    /// on the date: a late entry, never the next cohort ("Late entry" of P2, a reading:
    /// the pages set no entry deadline), with a warning to ask the Learning Network team.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_entry: Option<Cohort>,
    /// The next cohorts, the first being `cohort`.
    pub upcoming: Vec<Cohort>,
    /// The next cohort's ten learning sessions.
    pub sessions: Vec<Session>,
    /// The five coach trainings.
    pub coach_trainings: Vec<CoachTraining>,
    /// ImPower's five steps (A2).
    pub steps: Vec<&'static str>,
    /// The calendar's rules, with their sources.
    pub findings: Vec<Finding>,
    /// The rules that decided it (every answer carries it).
    pub rule_book: crate::book::RuleBook,
}

fn too_late(field: &str) -> InputError {
    InputError::new(
        ErrorCode::OutOfRange,
        field,
        format!(
            "the date is too far in the future to plan: use a year up to {}",
            date::MAX_YEAR
        ),
    )
}

/// The cohort beginning in `year`-`month` (a cohort month), under the facts in force
/// when its team starts.
pub fn cohort(year: i32, month: u32) -> Option<Cohort> {
    let facts = program::in_force(NaiveDate::from_ymd_opt(year, month, 1));
    cohort_under(year, month, facts)
}

/// The cohort beginning in `year`-`month` under `facts`.
pub fn cohort_under(year: i32, month: u32, facts: &Facts) -> Option<Cohort> {
    let cal = &facts.calendar;
    let team_starts = NaiveDate::from_ymd_opt(year, month, 1)?;
    let preparation_starts =
        team_starts.checked_sub_months(chrono::Months::new(cal.preparation_months))?;
    let last_month = add_months(team_starts, cal.team_months.checked_sub(1)?)?;
    let graduation = month_end(last_month)?;
    let claim_deadline = add_months(graduation, facts.credits.claim_months)?;
    Some(Cohort {
        id: format!("{year:04}-{month:02}"),
        preparation_starts,
        team_starts,
        graduation,
        claim_deadline,
    })
}

/// The cohorts in order whose preparation starts on or after `date`, `count` of them,
/// under `facts`.
pub fn upcoming(date: NaiveDate, count: u32, facts: &Facts) -> Option<Vec<Cohort>> {
    let mut out = Vec::new();
    let mut year = date.year();
    while out.len() < count as usize {
        for month in facts.calendar.cohort_months {
            let c = cohort_under(year, month, facts)?;
            if c.preparation_starts >= date && out.len() < count as usize {
                out.push(c);
            }
        }
        year = year.checked_add(1)?;
    }
    Some(out)
}

/// A cohort's name, its team's start month: "September 2027".
pub fn cohort_label(c: &Cohort) -> String {
    format!(
        "{} {}",
        date::month_name(c.team_starts.month()),
        c.team_starts.year()
    )
}

/// The cohort in its preparation phase on `date`, if any: its preparation started before
/// `date` and its team starts after it (P2, "Late entry"), under `facts`.
pub fn late_entry(date: NaiveDate, facts: &Facts) -> Option<Cohort> {
    // Its team starts after the date and within the preparation months: this year's
    // cohorts or next year's.
    for year in [date.year(), date.year().checked_add(1)?] {
        for month in facts.calendar.cohort_months {
            if let Some(c) = cohort_under(year, month, facts) {
                if c.preparation_starts < date && date < c.team_starts {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// The session day on or before `date`: the latest Monday to Thursday, so the session
/// and the coaches' application meeting the day after it (P5) both fall on weekdays.
pub fn session_day(date: NaiveDate) -> Option<NaiveDate> {
    use chrono::Weekday;
    let back = match date.weekday() {
        Weekday::Mon | Weekday::Tue | Weekday::Wed | Weekday::Thu => 0,
        Weekday::Fri => 1,
        Weekday::Sat => 2,
        Weekday::Sun => 3,
    };
    date.checked_sub_signed(chrono::TimeDelta::try_days(back)?)
}

/// The ten sessions, spread evenly from the team start to graduation, each on the
/// session day on or before its even spot (P4 reading): Session 10, the graduation
/// presentations, is the last Monday to Thursday on or before graduation.
pub fn sessions(c: &Cohort) -> Vec<Session> {
    let span = (c.graduation - c.team_starts).num_days();
    let last = SESSION_TITLES.len() as i64 - 1;
    SESSION_TITLES
        .iter()
        .zip(1u32..)
        .filter_map(|(title, number)| {
            let offset = span * i64::from(number - 1) / last;
            let spot = c
                .team_starts
                .checked_add_signed(chrono::TimeDelta::try_days(offset)?)?;
            // Session 1 cannot move before the team starts: it takes the next session day.
            let date = match session_day(spot)? {
                d if d < c.team_starts => next_session_day(c.team_starts)?,
                d => d,
            };
            Some(Session {
                number,
                title,
                date,
                application_meeting: date.succ_opt()?,
            })
        })
        .collect()
}

/// The first session day (Monday to Thursday) on or after `date`.
fn next_session_day(date: NaiveDate) -> Option<NaiveDate> {
    let mut d = date;
    while session_day(d)? != d {
        d = d.succ_opt()?;
    }
    Some(d)
}

/// The schedule for `date`: the next `count` cohorts and the next one's sessions, under
/// the facts in force on `date` (RULES.md, "Dated facts": `schedule` uses its date).
pub fn schedule(date: NaiveDate, count: u32) -> Result<Schedule, InputError> {
    schedule_under(date, count, program::in_force(Some(date)))
}

/// The schedule for `date` under `facts`: every date and message from them.
pub fn schedule_under(date: NaiveDate, count: u32, facts: &Facts) -> Result<Schedule, InputError> {
    let count = bounds::count("count", u64::from(count), 1, MAX_COHORTS)?;
    let upcoming = upcoming(date, count, facts).ok_or_else(|| too_late("date"))?;
    let cohort = upcoming.first().cloned().ok_or_else(|| too_late("date"))?;
    let sessions = sessions(&cohort);
    let late = late_entry(date, facts);
    let c = facts.calendar;
    let [first, second] = c.cohort_months;
    let mut findings = alloc::vec![
        Finding::info(RuleId::P1, format!("The next cohort begins in {}; cohorts begin every {} and {}.", cohort_label(&cohort), date::month_name(first), date::month_name(second))),
        Finding::info(RuleId::P2, format!("The physician leader, team leader and QI coach start preparing on {}: {} months to pick team members, scope the problem and start collecting baseline data.", date::long(cohort.preparation_starts), number_word(c.preparation_months))),
        Finding::info(RuleId::P3, format!("The whole team takes part from {} to graduation, estimated {} ({} months); the three leaders take part for {} months.", date::long(cohort.team_starts), date::long(cohort.graduation), number_word(c.team_months), number_word(c.leader_months))),
        Finding::info(RuleId::P4, format!("Team members attend {} {}-hour learning sessions; the dates shown are estimates, the program sets the real ones.", number_word(c.learning_sessions), number_word(c.session_hours))),
        Finding::info(RuleId::P5, format!("QI coaches attend {} training sessions, and may join an application meeting the day after each learning session.", number_word(c.coach_trainings))),
        Finding::info(RuleId::P6, "Between learning sessions, teams report progress at \"Walk the Wall\", tracked on a project progress scale."),
        Finding::info(RuleId::A2, format!("Projects move through ImPower's {} steps, from {} to {}.", number_word(FIVE_STEPS.len() as u32), FIVE_STEPS.first().copied().unwrap_or_default(), FIVE_STEPS.last().copied().unwrap_or_default())),
        Finding::info(RuleId::CR7, format!("Evaluations and credit claims for this cohort are due by {}.", date::long(cohort.claim_deadline))),
    ];
    if let Some(l) = &late {
        // After P2's own finding: the late entry is beside the next cohort, never instead.
        let at = findings.len().min(2);
        findings.insert(at, Finding::warning(RuleId::P2, format!("Late entry: the {} cohort's leaders began preparing on {} and its team starts on {}. The pages set no entry deadline, so ask the Learning Network team whether you can still join it; otherwise plan for {}.", cohort_label(l), date::long(l.preparation_starts), date::long(l.team_starts), cohort_label(&cohort))));
    }
    Ok(Schedule {
        rule_book: crate::book::RuleBook,
        date,
        cohort,
        late_entry: late,
        upcoming,
        sessions,
        coach_trainings: COACH_TRAININGS
            .iter()
            .zip(1u32..)
            .map(|(topic, number)| CoachTraining { number, topic })
            .collect(),
        steps: FIVE_STEPS.to_vec(),
        findings,
    })
}

/// One all-day entry of the calendar file.
struct Entry<'a> {
    key: &'a str,
    day: NaiveDate,
    summary: String,
    description: String,
}

/// The cohort's dates as an iCalendar file (RFC 5545): the leaders' preparation start,
/// the team start, the ten learning sessions (estimates, and said so), graduation and the
/// claim deadline, each an all-day event. `made` is when the file is made, in UTC (its
/// DTSTAMP, RFC 5545 §3.8.7.2; the clock is an input, as every date is). Lines end in
/// CRLF and are folded at 75 octets. Its words use the facts in force on the schedule's
/// date.
pub fn ics(s: &Schedule, made: NaiveDateTime) -> String {
    ics_under(s, program::in_force(Some(s.date)), made)
}

/// [`ics`] with the words of `facts`.
pub fn ics_under(s: &Schedule, facts: &Facts, made: NaiveDateTime) -> String {
    let (cal, credits) = (&facts.calendar, &facts.credits);
    let c = &s.cohort;
    let estimate = "Estimated date: the program sets the real one (P4).";
    let mut entries = alloc::vec![
        Entry {
            key: "preparation",
            day: c.preparation_starts,
            summary: String::from("ImPower: leaders' preparation phase starts"),
            description: format!(
                "The physician leader, team leader and QI coach start preparing, {} months before the team (P2).",
                number_word(cal.preparation_months)
            ),
        },
        Entry {
            key: "team",
            day: c.team_starts,
            summary: String::from("ImPower: the whole team starts"),
            description: format!(
                "The cohort begins; the team takes part for {} months (P1, P3).",
                number_word(cal.team_months)
            ),
        },
    ];
    // The late entry, marked, before the next cohort's dates: never instead of them.
    if let Some(l) = &s.late_entry {
        entries.insert(
            0,
            Entry {
                key: "late-entry",
                day: l.team_starts,
                summary: format!(
                    "ImPower: late entry? The {} cohort's team starts",
                    cohort_label(l)
                ),
                description: format!(
                    "Its leaders began preparing on {}. The pages set no entry deadline: ask the Learning Network team whether you can still join this cohort (P2). Otherwise the next cohort, {}, is planned below.",
                    date::long(l.preparation_starts),
                    cohort_label(c)
                ),
            },
        );
    }
    for x in &s.sessions {
        entries.push(Entry {
            key: "session",
            day: x.date,
            summary: format!("ImPower session {} (estimate): {}", x.number, x.title),
            description: format!(
                "Learning session {} of {}, {} hours. {estimate}",
                x.number, cal.learning_sessions, cal.session_hours
            ),
        });
    }
    entries.push(Entry {
        key: "graduation",
        day: c.graduation,
        summary: String::from("ImPower: graduation (estimate)"),
        description: format!(
            "Estimated as the last day of the team's {} months (P3).",
            number_word(cal.team_months)
        ),
    });
    entries.push(Entry {
        key: "claims",
        day: c.claim_deadline,
        summary: String::from("ImPower: last day for evaluations and credit claims"),
        description: format!(
            "Claims are due within {} months of graduation (CR7).",
            number_word(credits.claim_months)
        ),
    });
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(made.date()),
        made.hour(),
        made.minute(),
        made.second()
    );
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//impower-ready//ImPower cohort calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        ics_line(&mut out, line);
    }
    for (i, e) in entries.iter().enumerate() {
        let end = e.day.succ_opt().unwrap_or(e.day);
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(
            &mut out,
            &format!("UID:{}-{}-{i}@impower-ready", c.id, e.key),
        );
        ics_line(&mut out, &format!("DTSTAMP:{stamp}"));
        ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_date(e.day)));
        ics_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_date(end)));
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&e.summary)));
        ics_line(
            &mut out,
            &format!("DESCRIPTION:{}", ics_text(&e.description)),
        );
        ics_line(&mut out, "TRANSP:TRANSPARENT");
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

fn ics_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn ics_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for ch in t.chars() {
        match ch {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (never inside a UTF-8 character), CRLF.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_lines_are_folded_at_75_octets_and_end_in_crlf() {
        let Ok(s) = schedule(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(), 1) else {
            panic!("a schedule")
        };
        let made = NaiveDate::from_ymd_opt(2026, 12, 7)
            .and_then(|d| d.and_hms_opt(18, 5, 9))
            .unwrap_or_default();
        let text = ics(&s, made);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("\r\nDTSTAMP:20261207T180509Z\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 14);
        let mut folded = String::new();
        ics_line(&mut folded, &"é".repeat(60));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", "").trim_end(), "é".repeat(60));
        assert_eq!(ics_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn titles_match_the_program_counts() {
        assert_eq!(SESSION_TITLES.len(), CALENDAR.learning_sessions as usize);
        assert_eq!(COACH_TRAININGS.len(), CALENDAR.coach_trainings as usize);
    }
}
