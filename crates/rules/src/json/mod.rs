//! The JSON contract of `RULES.md`: one entry point, [`respond`], that the command line,
//! the JavaScript API and the case corpus all call.
//!
//! Requests are parsed by [`parse`] (numbers kept as written, a key given twice
//! refused) and read field by field so that every refusal names the exact path
//! (`team.people[2].hours_per_week`) and says what to send instead. Unknown fields are
//! refused too: a typo such as `prior_project` must not be ignored.

pub mod parse;

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::book::{Collaborative, RuleId};
use crate::bounds::{count, MAX_COHORTS};
use crate::calendar;
use crate::credits::{self, CreditInput, Document, Stage};
use crate::date;
use crate::decimal::Decimal;
use crate::error::{quote, ErrorCode, InputError};
use crate::fees::{self, FeeRequest};
use crate::finding::Finding;
use crate::hours::Hours;
use crate::path::join;
use crate::readiness::{self, Qi, ReadinessInput, SUCCESS_FACTORS};
use crate::team::{self, Assignment, Edition, Person, Role, TeamRequest};
use crate::wire::wire_enum;
pub use parse::{parse, Json};

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
}

/// Answers `verb` for the request text `input`, as a JSON value.
pub fn respond(verb: &str, input: &str) -> Result<Value, InputError> {
    let answer = answer(verb, input)?;
    serde_json::to_value(&answer).map_err(unwritable)
}

/// Answers `verb` for the request text `input`, as JSON text (no intermediate value).
pub fn respond_text(verb: &str, input: &str) -> Result<String, InputError> {
    let answer = answer(verb, input)?;
    serde_json::to_string(&answer).map_err(unwritable)
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
    let value = parse(input)?;
    answer_value(verb, &value)
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
            let (d, count) = schedule_request(value, "")?;
            Answer::Schedule(calendar::schedule(d, count)?)
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

fn assess(value: &Json) -> Result<Assessment, InputError> {
    let o = Obj::new(value, "", ASSESS_FIELDS)?;
    export_envelope(&o)?;
    if !o.fields.iter().any(|(k, _)| PARTS.contains(&k.as_str())) {
        return Err(InputError::new(
            ErrorCode::MissingField,
            "",
            "the request is empty: give at least one of fees, schedule, readiness, team, credits",
        ));
    }
    let mut out = Assessment::default();
    let team = match o.field("team") {
        Some(v) => Some(team_request(v, "team")?),
        None => None,
    };
    if let Some(v) = o.field("fees") {
        out.fees = Some(fees::estimate(fee_request(v, "fees")?).map_err(|e| e.under("fees"))?);
    }
    if let Some(v) = o.field("schedule") {
        let (d, count) = schedule_request(v, "schedule")?;
        out.schedule = Some(calendar::schedule(d, count).map_err(|e| e.under("schedule"))?);
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
        out.credits =
            Some(credits::assess(&credit_request(v, "credits")?).map_err(|e| e.under("credits"))?);
    }
    Ok(out)
}

/// Reads a `fees` request.
pub fn fee_request(v: &Json, path: &str) -> Result<FeeRequest, InputError> {
    let o = Obj::new(v, path, &["projects", "prior_projects"])?;
    let projects = o.count("projects")?;
    let prior = o.opt_count("prior_projects")?.unwrap_or(0);
    FeeRequest::new(projects, prior).map_err(|e| e.under(path))
}

fn schedule_request(v: &Json, path: &str) -> Result<(NaiveDate, u32), InputError> {
    let o = Obj::new(v, path, &["date", "count"])?;
    let d = o.date("date")?;
    let n = o
        .opt_count("count")?
        .unwrap_or(u64::from(calendar::DEFAULT_COHORTS));
    let n = count("count", n, 1, MAX_COHORTS).map_err(|e| e.under(path))?;
    Ok((d, n))
}

fn readiness_request(
    v: &Json,
    path: &str,
    derived: Option<(bool, bool, Qi)>,
) -> Result<ReadinessInput, InputError> {
    let o = Obj::new(
        v,
        path,
        &[
            "sponsor",
            "clinical_leader",
            "coach",
            "can_audit",
            "can_report_data",
            "success_factors",
        ],
    )?;
    let (sponsor, clinical_leader, coach) = match derived {
        Some(d) => {
            o.opt_bool("sponsor")?;
            o.opt_bool("clinical_leader")?;
            o.opt_enum("coach", Qi::parse, Qi::KEYS)?;
            d
        }
        None => (
            o.bool("sponsor")?,
            o.bool("clinical_leader")?,
            o.enumerated("coach", Qi::parse, Qi::KEYS)?,
        ),
    };
    let mut success_factors = [false; 7];
    if let Some(sf) = o.field("success_factors") {
        let names = SUCCESS_FACTORS.map(|id| id.as_str());
        let at = join(path, "success_factors");
        let f = Obj::new(sf, &at, &names)?;
        let s3 = RuleId::S3.as_str();
        if f.field(s3).is_some() {
            return Err(InputError::new(
                ErrorCode::DerivedField,
                join(&at, s3),
                "S3 follows from the coach answer and cannot be given: answer coach instead",
            ));
        }
        for (i, name) in names.iter().enumerate() {
            success_factors[i] = f.opt_bool(name)?.unwrap_or(false);
        }
    }
    Ok(ReadinessInput {
        sponsor,
        clinical_leader,
        coach,
        can_audit: o.bool("can_audit")?,
        can_report_data: o.bool("can_report_data")?,
        success_factors,
    })
}

/// Reads a `team` request.
pub fn team_request(v: &Json, path: &str) -> Result<TeamRequest, InputError> {
    let o = Obj::new(
        v,
        path,
        &["edition", "projects", "collaboratives", "people"],
    )?;
    let edition = o
        .opt_enum("edition", Edition::parse, Edition::KEYS)?
        .unwrap_or_default();
    let projects = o.count("projects")?;
    let mut collaboratives = Vec::new();
    if o.field("collaboratives").is_some() {
        for (i, c) in o.array("collaboratives")?.iter().enumerate() {
            let at = format!("{}[{i}]", join(path, "collaboratives"));
            collaboratives.push(match c {
                Json::Null => None,
                _ => Some(enum_value(
                    c,
                    &at,
                    Collaborative::parse,
                    Collaborative::KEYS,
                )?),
            });
        }
    }
    let mut people = Vec::new();
    for (i, p) in o.array("people")?.iter().enumerate() {
        let at = format!("{}[{i}]", join(path, "people"));
        let po = Obj::new(
            p,
            &at,
            &[
                "name",
                "hours_per_week",
                "physician",
                "data_access",
                "qi",
                "roles",
            ],
        )?;
        let mut roles = Vec::new();
        for (j, r) in po.array("roles")?.iter().enumerate() {
            let ro = Obj::new(r, &format!("{at}.roles[{j}]"), &["role", "project"])?;
            let role = ro.enumerated("role", Role::parse, Role::KEYS)?;
            let project = ro.count("project")?;
            roles.push(Assignment {
                role,
                project: u32::try_from(project).unwrap_or(u32::MAX),
            });
        }
        people.push(Person {
            name: po.string("name")?.to_string(),
            hours_per_week: po.hours("hours_per_week")?,
            physician: po.opt_bool("physician")?.unwrap_or(false),
            data_access: po.opt_bool("data_access")?.unwrap_or(false),
            qi: po.opt_enum("qi", Qi::parse, Qi::KEYS)?.unwrap_or(Qi::None),
            roles,
        });
    }
    TeamRequest::new(edition, projects, collaboratives, people).map_err(|e| e.under(path))
}

fn credit_request(v: &Json, path: &str) -> Result<CreditInput, InputError> {
    let o = Obj::new(
        v,
        path,
        &[
            "physician",
            "stages",
            "stage_c_complete",
            "documents",
            "on_roster_at_start",
            "opted_in",
            "graduation",
            "today",
        ],
    )?;
    let stages = o.set("stages", Stage::parse, Stage::KEYS)?;
    let documents = o.set("documents", Document::parse, Document::KEYS)?;
    Ok(CreditInput {
        physician: o.bool("physician")?,
        stages,
        stage_c_complete: o.bool("stage_c_complete")?,
        documents,
        on_roster_at_start: o.bool("on_roster_at_start")?,
        opted_in: o.bool("opted_in")?,
        graduation: o.date("graduation")?,
        today: o.date("today")?,
    })
}

fn wrong_type(path: &str, want: &str, got: &Json) -> InputError {
    InputError::new(
        ErrorCode::WrongType,
        path,
        format!("expected {want}, got {}", got.kind()),
    )
}

/// A number literal for a message: as written, shortened so hostile input cannot
/// flood it.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or(text)),
        None => text.to_string(),
    }
}

fn enum_value<T>(
    v: &Json,
    path: &str,
    parse: fn(&str) -> Option<T>,
    keys: &[&str],
) -> Result<T, InputError> {
    let Json::String(s) = v else {
        return Err(wrong_type(path, "a string", v));
    };
    parse(s).ok_or_else(|| {
        InputError::new(
            ErrorCode::UnknownValue,
            path,
            format!("{} is not known: use one of {}", quote(s), keys.join(", ")),
        )
    })
}

/// A JSON object being read, with its path and its allowed keys.
struct Obj<'a> {
    fields: &'a [(String, Json)],
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Json, path: &str, allowed: &[&str]) -> Result<Self, InputError> {
        let Json::Object(fields) = v else {
            return Err(wrong_type(path, "an object", v));
        };
        if let Some((k, _)) = fields.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(InputError::new(
                ErrorCode::UnknownField,
                join(path, k),
                format!(
                    "{} is not a field here: use {}",
                    quote(k),
                    allowed.join(", ")
                ),
            ));
        }
        Ok(Obj {
            fields,
            path: path.to_string(),
        })
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn field(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn get(&self, key: &str) -> Result<&'a Json, InputError> {
        self.field(key).ok_or_else(|| {
            InputError::new(
                ErrorCode::MissingField,
                self.at(key),
                format!("{key} is required"),
            )
        })
    }

    fn bool(&self, key: &str) -> Result<bool, InputError> {
        match self.get(key)? {
            Json::Bool(b) => Ok(*b),
            v => Err(wrong_type(&self.at(key), "true or false", v)),
        }
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>, InputError> {
        self.field(key).map(|_| self.bool(key)).transpose()
    }

    fn string(&self, key: &str) -> Result<&'a str, InputError> {
        match self.get(key)? {
            Json::String(s) => Ok(s),
            v => Err(wrong_type(&self.at(key), "a string", v)),
        }
    }

    fn array(&self, key: &str) -> Result<&'a [Json], InputError> {
        match self.get(key)? {
            Json::Array(a) => Ok(a),
            v => Err(wrong_type(&self.at(key), "an array", v)),
        }
    }

    fn number(&self, key: &str, want: &str) -> Result<&'a str, InputError> {
        match self.get(key)? {
            Json::Number(n) => Ok(n),
            v => Err(wrong_type(&self.at(key), want, v)),
        }
    }

    /// Weekly hours as written: 0 to 168, at most two decimal places.
    fn hours(&self, key: &str) -> Result<Hours, InputError> {
        let text = self.number(key, "a number")?;
        Hours::from_literal(text, &self.at(key))
    }

    /// A whole, non-negative count as written; refuses fractions (`2.9999999999999999`
    /// included), negatives and absurd sizes. Bounds are the request's to check.
    fn count(&self, key: &str) -> Result<u64, InputError> {
        let text = self.number(key, "a whole number")?;
        let path = self.at(key);
        let refuse = |code, why: &str| {
            Err(InputError::new(
                code,
                path.clone(),
                format!("{} {why}", short(text)),
            ))
        };
        let Some(d) = Decimal::parse(text) else {
            return refuse(ErrorCode::WrongType, "is not a number");
        };
        if d.negative {
            return refuse(
                ErrorCode::OutOfRange,
                "is negative: give a whole number, 0 or more",
            );
        }
        if !d.is_whole() {
            return refuse(ErrorCode::NotInteger, "is not a whole number");
        }
        match d.to_u64() {
            Some(n) => Ok(n),
            None => refuse(ErrorCode::OutOfRange, "is far too large"),
        }
    }

    fn opt_count(&self, key: &str) -> Result<Option<u64>, InputError> {
        self.field(key).map(|_| self.count(key)).transpose()
    }

    fn date(&self, key: &str) -> Result<NaiveDate, InputError> {
        date::parse(self.string(key)?, &self.at(key))
    }

    fn enumerated<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<T>,
        keys: &[&str],
    ) -> Result<T, InputError> {
        enum_value(self.get(key)?, &self.at(key), parse, keys)
    }

    fn opt_enum<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<T>,
        keys: &[&str],
    ) -> Result<Option<T>, InputError> {
        self.field(key)
            .map(|_| self.enumerated(key, parse, keys))
            .transpose()
    }

    /// An array of distinct values of a closed set.
    fn set<T: PartialEq>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<T>,
        keys: &[&str],
    ) -> Result<Vec<T>, InputError> {
        let mut out = Vec::new();
        for (i, v) in self.array(key)?.iter().enumerate() {
            let at = format!("{}[{i}]", self.at(key));
            let x = enum_value(v, &at, parse, keys)?;
            if out.contains(&x) {
                let name = match v {
                    Json::String(s) => quote(s),
                    _ => String::new(),
                };
                return Err(InputError::new(
                    ErrorCode::Duplicate,
                    at,
                    format!("{name} is listed twice"),
                ));
            }
            out.push(x);
        }
        Ok(out)
    }
}
