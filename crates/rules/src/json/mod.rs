//! The JSON contract of `RULES.md`: one entry point, [`respond`], that the command line,
//! the JavaScript API and the case corpus all call.
//!
//! Requests are parsed by [`parse`] (numbers kept as written, a key given twice
//! refused) and read field by field so that every refusal names the exact path
//! (`team.people[2].hours_per_week`) and says what to send instead. Unknown fields are
//! refused too: a typo such as `prior_project` must not be ignored.

pub mod declare;
mod obj;
pub mod parse;
pub mod requests;
pub mod review;
pub mod text;
pub mod walk;
pub mod write;

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;

use serde::Serialize;
use serde_json::Value;

use crate::book::RuleId;
use crate::calendar;
use crate::credits;
use crate::error::{quote, ErrorCode, InputError};
use crate::fees;
use crate::finding::Finding;
use crate::readiness;
use crate::team;
use crate::wire::wire_enum;
pub use parse::{parse, Json};
pub use requests::{
    credit_request, fee_request, readiness_request, schedule_request, team_request,
};
pub use write::write;

wire_enum! {
    /// The contract's verbs.
    pub enum Verb {
        /// Fees per project (F1–F4).
        Fees = "fees",
        /// The cohort calendar (P1–P6, CR7).
        Schedule = "schedule",
        /// The commitments and success factors (C1–C3, S1–S7).
        Readiness = "readiness",
        /// The project team (T1–T8).
        Team = "team",
        /// Continuing-education credit (CR1–CR9).
        Credits = "credits",
        /// Any of the others in one request, keyed by verb.
        Assess = "assess",
    }
}

/// The contract's verbs, by name.
pub const VERBS: &[&str] = Verb::KEYS;

/// The `format` of an application the app exports (an `assess` request).
pub const EXPORT_FORMAT: &str = "impower-ready";
/// The newest export `version` this build reads.
pub const EXPORT_VERSION: u32 = 1;

/// The most bytes of request text accepted.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// A typed answer of the contract, serialized as the contract names its fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// `fees`.
    Fees(fees::FeeEstimate),
    /// `schedule`.
    Schedule(calendar::Schedule),
    /// `readiness`.
    Readiness(readiness::ReadinessReport),
    /// `team`.
    Team(team::TeamReport),
    /// `credits`.
    Credits(credits::CreditReport),
    /// `assess`: the answers asked for, keyed by verb.
    Assess(Box<Assessment>),
}

/// The answer to `assess`: each part present when it was asked for.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Assessment {
    /// The `fees` answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fees: Option<fees::FeeEstimate>,
    /// The `schedule` answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<calendar::Schedule>,
    /// The `readiness` answer (C1/C2 from the roster when `team` is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness: Option<readiness::ReadinessReport>,
    /// The `team` answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<team::TeamReport>,
    /// The `credits` answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits: Option<credits::CreditReport>,
    /// The rules that decided it (every answer carries it).
    pub rule_book: crate::book::RuleBook,
}

/// Answers `verb` for the request text `input`, as a JSON value.
pub fn respond(verb: &str, input: &str) -> Result<Value, InputError> {
    let answer = answer(verb, input)?;
    serde_json::to_value(&answer).map_err(unwritable)
}

fn unwritable(e: serde_json::Error) -> InputError {
    InputError::new(
        ErrorCode::OutOfRange,
        "",
        format!("the answer could not be written: {e}"),
    )
}

/// Answers `verb` for the request text `input`: the typed answer, or the error naming
/// the field.
pub fn answer(verb: &str, input: &str) -> Result<Answer, InputError> {
    let verb = check_verb(verb)?;
    let value = read(input)?;
    answer_value(verb, &value)
}

/// The `schedule` request `input` answered as an iCalendar file of the next cohort's
/// dates (see [`calendar::ics`]) instead of JSON: what "Add to calendar" and
/// `impower schedule --ics` give. `made`: when the file is made (UTC), its DTSTAMP.
pub fn schedule_ics(input: &str, made: chrono::NaiveDateTime) -> Result<String, InputError> {
    let r = schedule_request(&read(input)?, "")?;
    Ok(calendar::ics_under(&r.schedule()?, r.facts(), made))
}

/// Reads request text: at most [`MAX_INPUT_BYTES`], then strict JSON.
fn read(input: &str) -> Result<Json, InputError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(InputError::new(
            ErrorCode::OutOfRange,
            "",
            format!(
                "the request is {} bytes: send at most {MAX_INPUT_BYTES}",
                input.len()
            ),
        ));
    }
    parse(input)
}

/// The verb named `verb`, or `unknown_verb` saying which verbs there are. Callers
/// check it before reading any input.
pub fn check_verb(verb: &str) -> Result<Verb, InputError> {
    Verb::parse(verb).ok_or_else(|| {
        InputError::new(
            ErrorCode::UnknownVerb,
            "",
            format!(
                "{} is not a verb: use one of {}",
                quote(verb),
                VERBS.join(", ")
            ),
        )
    })
}

/// Answers `verb` for an already parsed request.
pub fn answer_value(verb: Verb, value: &Json) -> Result<Answer, InputError> {
    Ok(match verb {
        Verb::Fees => Answer::Fees(fees::estimate(fee_request(value, "")?)?),
        Verb::Schedule => Answer::Schedule(schedule_request(value, "")?.schedule()?),
        Verb::Readiness => {
            Answer::Readiness(readiness::assess(&readiness_request(value, "", None)?))
        }
        Verb::Team => Answer::Team(team::validate(&team_request(value, "")?)),
        Verb::Credits => Answer::Credits(credits::assess(&credit_request(value, "")?)?),
        Verb::Assess => Answer::Assess(Box::new(assess(value)?)),
    })
}

/// Reads an `assess` request as declared; at least one part must be given.
fn read_assess(value: &Json) -> Result<requests::AssessJson, InputError> {
    let a: requests::AssessJson = requests::read(value, "")?;
    if a.fees.is_none()
        && a.schedule.is_none()
        && a.readiness.is_none()
        && a.team.is_none()
        && a.credits.is_none()
    {
        return Err(empty_assess());
    }
    Ok(a)
}

/// Checks a request as [`answer_value`] would, reading every field, without evaluating
/// it: what a caller needs to refuse bad input before changing anything (the app's
/// file import).
pub fn check_value(verb: Verb, value: &Json) -> Result<(), InputError> {
    match verb {
        Verb::Fees => fee_request(value, "").map(drop),
        Verb::Schedule => schedule_request(value, "").map(drop),
        Verb::Readiness => readiness_request(value, "", None).map(drop),
        Verb::Team => team_request(value, "").map(drop),
        Verb::Credits => credit_request(value, "").map(drop),
        Verb::Assess => parts(read_assess(value)?).map(drop),
    }
}

/// An `assess` request's parts, checked (the team before the readiness it answers).
struct Parts {
    fees: Option<fees::FeeRequest>,
    schedule: Option<requests::ScheduleRequest>,
    readiness: Option<readiness::ReadinessInput>,
    team: Option<team::TeamRequest>,
    credits: Option<credits::CreditInput>,
    /// The roster answered C1 and C2.
    from_roster: bool,
}

fn parts(a: requests::AssessJson) -> Result<Parts, InputError> {
    let top = a.as_of.map(|d| d.0);
    let team = match a.team {
        Some(t) => {
            let t = t.checked("team")?;
            let day = t.as_of().or(top);
            Some(t.with_as_of(day))
        }
        None => None,
    };
    let derived = team.as_ref().and_then(readiness::from_roster);
    let readiness = match &a.readiness {
        Some(r) => Some(r.input("readiness", derived)?),
        None => None,
    };
    // A part without its own as_of is decided by the request's.
    let fees = a.fees.map(|mut req| {
        req.as_of = req.as_of.or(top);
        req
    });
    let schedule = a.schedule.map(|mut r| {
        r.as_of = r.as_of.or(top);
        r
    });
    let credits = a.credits.map(|mut req| {
        req.as_of = req.as_of.or(top);
        req
    });
    Ok(Parts {
        fees,
        schedule,
        readiness,
        team,
        credits,
        from_roster: derived.is_some(),
    })
}

fn empty_assess() -> InputError {
    InputError::new(
        ErrorCode::MissingField,
        "",
        "the request is empty: give at least one of fees, schedule, readiness, team, credits",
    )
}

fn assess(value: &Json) -> Result<Assessment, InputError> {
    let p = parts(read_assess(value)?)?;
    let mut out = Assessment::default();
    if let Some(req) = p.fees {
        out.fees = Some(fees::estimate(req).map_err(|e| e.under("fees"))?);
    }
    if let Some(r) = p.schedule {
        out.schedule = Some(r.schedule().map_err(|e| e.under("schedule"))?);
    }
    if let Some(input) = p.readiness {
        let mut report = readiness::assess(&input);
        if p.from_roster {
            report
                .findings
                .push(Finding::info(RuleId::C1, readiness::FROM_ROSTER));
        }
        out.readiness = Some(report);
    }
    out.team = p.team.as_ref().map(team::validate);
    if let Some(req) = p.credits {
        out.credits = Some(credits::assess(&req).map_err(|e| e.under("credits"))?);
    }
    Ok(out)
}
