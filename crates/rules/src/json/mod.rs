//! The JSON contract of `RULES.md`: one entry point, [`respond`], that the command line,
//! the JavaScript API and the case corpus all call.
//!
//! Requests are parsed by [`parse`] (numbers kept as written, a key given twice
//! refused) and read field by field so that every refusal names the exact path
//! (`team.people[2].hours_per_week`) and says what to send instead. Unknown fields are
//! refused too: a typo such as `prior_project` must not be ignored.

mod obj;
pub mod parse;
pub mod requests;
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
use obj::{wrong_type, Obj};
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

/// The verbs `assess` can answer together (all but itself).
const PARTS: &[&str] = &["fees", "schedule", "readiness", "team", "credits"];

/// What `assess` reads: the parts, and the envelope of an exported application.
const ASSESS_FIELDS: &[&str] = &[
    "fees",
    "schedule",
    "readiness",
    "team",
    "credits",
    "format",
    "version",
    "app",
    "as_of",
];

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
/// `impower schedule --ics` give.
pub fn schedule_ics(input: &str) -> Result<String, InputError> {
    let r = schedule_request(&read(input)?, "")?;
    let facts = r.facts();
    Ok(calendar::ics_under(
        &calendar::schedule_under(r.date, r.count, facts)?,
        facts,
    ))
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
        Verb::Schedule => {
            let r = schedule_request(value, "")?;
            Answer::Schedule(calendar::schedule_under(r.date, r.count, r.facts())?)
        }
        Verb::Readiness => {
            Answer::Readiness(readiness::assess(&readiness_request(value, "", None)?))
        }
        Verb::Team => Answer::Team(team::validate(&team_request(value, "")?)),
        Verb::Credits => Answer::Credits(credits::assess(&credit_request(value, "")?)?),
        Verb::Assess => Answer::Assess(Box::new(assess(value)?)),
    })
}

/// Checks the envelope of an exported application, when there is one: `format` must
/// be [`EXPORT_FORMAT`], `version` one this build knows, `app` an object. `app` holds
/// what only the app needs and is carried, never evaluated.
fn export_envelope(o: &Obj<'_>) -> Result<(), InputError> {
    if o.field("format").is_some() {
        let format = o.string("format")?;
        if format != EXPORT_FORMAT {
            return Err(InputError::new(
                ErrorCode::UnknownValue,
                o.at("format"),
                format!(
                    "{} is not a format this tool reads: use {}",
                    quote(format),
                    quote(EXPORT_FORMAT)
                ),
            ));
        }
    }
    if let Some(v) = o.opt_count("version")? {
        if v == 0 || v > u64::from(EXPORT_VERSION) {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                o.at("version"),
                format!(
                    "version {v} is not one this build reads (1 to {EXPORT_VERSION}): open it with a newer version of the tool"
                ),
            ));
        }
    }
    match o.field("app") {
        None | Some(Json::Object(_)) => Ok(()),
        Some(v) => Err(wrong_type(&o.at("app"), "an object", v)),
    }
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
        Verb::Assess => {
            let o = Obj::new(value, "", ASSESS_FIELDS)?;
            export_envelope(&o)?;
            requests::as_of(&o)?;
            if !o.fields.iter().any(|(k, _)| PARTS.contains(&k.as_str())) {
                return Err(empty_assess());
            }
            let derived = match o.field("team") {
                Some(v) => Some(readiness::from_team(&team_request(v, "team")?)),
                None => None,
            };
            if let Some(v) = o.field("fees") {
                fee_request(v, "fees")?;
            }
            if let Some(v) = o.field("schedule") {
                schedule_request(v, "schedule")?;
            }
            if let Some(v) = o.field("readiness") {
                readiness_request(v, "readiness", derived)?;
            }
            if let Some(v) = o.field("credits") {
                credit_request(v, "credits")?;
            }
            Ok(())
        }
    }
}

fn empty_assess() -> InputError {
    InputError::new(
        ErrorCode::MissingField,
        "",
        "the request is empty: give at least one of fees, schedule, readiness, team, credits",
    )
}

fn assess(value: &Json) -> Result<Assessment, InputError> {
    let o = Obj::new(value, "", ASSESS_FIELDS)?;
    export_envelope(&o)?;
    let top = requests::as_of(&o)?;
    if !o.fields.iter().any(|(k, _)| PARTS.contains(&k.as_str())) {
        return Err(empty_assess());
    }
    let mut out = Assessment::default();
    let team = match o.field("team") {
        Some(v) => {
            let t = team_request(v, "team")?;
            let day = t.as_of().or(top);
            Some(t.with_as_of(day))
        }
        None => None,
    };
    if let Some(v) = o.field("fees") {
        // A part without its own as_of is decided by the request's.
        let req = fee_request(v, "fees")?;
        let req = match req.day() {
            Some(_) => req,
            None => req.as_of(top),
        };
        out.fees = Some(fees::estimate(req).map_err(|e| e.under("fees"))?);
    }
    if let Some(v) = o.field("schedule") {
        let mut r = schedule_request(v, "schedule")?;
        r.as_of = r.as_of.or(top);
        out.schedule = Some(
            calendar::schedule_under(r.date, r.count, r.facts())
                .map_err(|e| e.under("schedule"))?,
        );
    }
    if let Some(v) = o.field("readiness") {
        let derived = team.as_ref().map(readiness::from_team);
        let mut report = readiness::assess(&readiness_request(v, "readiness", derived)?);
        if derived.is_some() {
            report
                .findings
                .push(Finding::info(RuleId::C1, readiness::FROM_ROSTER));
        }
        out.readiness = Some(report);
    }
    out.team = team.as_ref().map(team::validate);
    if let Some(v) = o.field("credits") {
        let mut req = credit_request(v, "credits")?;
        req.as_of = req.as_of.or(top);
        out.credits = Some(credits::assess(&req).map_err(|e| e.under("credits"))?);
    }
    Ok(out)
}
