//! The JSON contract of `RULES.md`: one entry point, [`respond`], that the command line,
//! the JavaScript API and the case corpus all call.
//!
//! Requests are read field by field from a [`serde_json::Value`] so that every refusal
//! names the exact path (`team.people[2].hours_per_week`) and says what to send instead.
//! Unknown fields are refused too: a typo such as `prior_project` must not be ignored.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::book::Collaborative;
use crate::calendar;
use crate::credits::{self, CreditInput, Document, Stage};
use crate::date;
use crate::error::{quote, ErrorCode, InputError};
use crate::fees::{self, FeeRequest};
use crate::readiness::{self, Qi, ReadinessInput, SUCCESS_FACTORS};
use crate::team::{self, Assignment, Edition, Person, Role, TeamRequest};

/// The contract's verbs.
pub const VERBS: [&str; 6] = ["fees", "schedule", "readiness", "team", "credits", "assess"];

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
    if !VERBS.contains(&verb) {
        return Err(InputError::new(
            ErrorCode::UnknownVerb,
            "",
            format!(
                "{} is not a verb: use one of {}",
                quote(verb),
                VERBS.join(", ")
            ),
        ));
    }
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
    let value: Value = serde_json::from_str(input).map_err(|e| {
        InputError::new(
            ErrorCode::MalformedJson,
            "",
            format!("the request is not valid JSON ({e}): send one JSON object"),
        )
    })?;
    answer_value(verb, &value)
}

/// Answers `verb` for an already parsed request.
pub fn answer_value(verb: &str, value: &Value) -> Result<Answer, InputError> {
    Ok(match verb {
        "fees" => Answer::Fees(fees::estimate(fee_request(value, "")?)?),
        "schedule" => {
            let (d, count) = schedule_request(value, "")?;
            Answer::Schedule(calendar::schedule(d, count)?)
        }
        "readiness" => Answer::Readiness(readiness::assess(&readiness_request(value, "", None)?)),
        "team" => Answer::Team(team::validate(&team_request(value, "")?)),
        "credits" => Answer::Credits(credits::assess(&credit_request(value, "")?)?),
        "assess" => Answer::Assess(Box::new(assess(value)?)),
        _ => {
            return Err(InputError::new(
                ErrorCode::UnknownVerb,
                "",
                format!("{} is not a verb", quote(verb)),
            ))
        }
    })
}

fn assess(value: &Value) -> Result<Assessment, InputError> {
    let o = Obj::new(
        value,
        "",
        &["fees", "schedule", "readiness", "team", "credits"],
    )?;
    if o.map.is_empty() {
        return Err(InputError::new(
            ErrorCode::MissingField,
            "",
            "the request is empty: give at least one of fees, schedule, readiness, team, credits",
        ));
    }
    let mut out = Assessment::default();
    let team = match o.map.get("team") {
        Some(v) => Some(team_request(v, "team")?),
        None => None,
    };
    if let Some(v) = o.map.get("fees") {
        out.fees = Some(fees::estimate(fee_request(v, "fees")?).map_err(|e| e.under("fees"))?);
    }
    if let Some(v) = o.map.get("schedule") {
        let (d, count) = schedule_request(v, "schedule")?;
        out.schedule = Some(calendar::schedule(d, count).map_err(|e| e.under("schedule"))?);
    }
    if let Some(v) = o.map.get("readiness") {
        let derived = team.as_ref().map(readiness::from_team);
        let mut report = readiness::assess(&readiness_request(v, "readiness", derived)?);
        if derived.is_some() {
            report.findings.push(crate::finding::Finding::info(
                crate::book::RuleId::C1,
                "C1 and C2 are answered from the team roster: a sponsor and a physician leader on every project, and a QI coach on every project.",
            ));
        }
        out.readiness = Some(report);
    }
    out.team = team.as_ref().map(team::validate);
    if let Some(v) = o.map.get("credits") {
        out.credits =
            Some(credits::assess(&credit_request(v, "credits")?).map_err(|e| e.under("credits"))?);
    }
    Ok(out)
}

/// Reads a `fees` request.
pub fn fee_request(v: &Value, path: &str) -> Result<FeeRequest, InputError> {
    let o = Obj::new(v, path, &["projects", "prior_projects"])?;
    let projects = o.count("projects")?;
    let prior = o.opt_count("prior_projects")?.unwrap_or(0);
    FeeRequest::new(projects, prior).map_err(|e| e.under(path))
}

fn schedule_request(v: &Value, path: &str) -> Result<(NaiveDate, u32), InputError> {
    let o = Obj::new(v, path, &["date", "count"])?;
    let d = o.date("date")?;
    let count = o.opt_count("count")?.unwrap_or(4);
    let count = fees::count("count", count, 1, calendar::MAX_COHORTS).map_err(|e| e.under(path))?;
    Ok((d, count))
}

fn readiness_request(
    v: &Value,
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
            o.opt_enum("coach", Qi::parse, &Qi::ALL.map(Qi::key))?;
            d
        }
        None => (
            o.bool("sponsor")?,
            o.bool("clinical_leader")?,
            o.enumerated("coach", Qi::parse, &Qi::ALL.map(Qi::key))?,
        ),
    };
    let mut success_factors = [false; 7];
    if let Some(sf) = o.map.get("success_factors") {
        let names = SUCCESS_FACTORS.map(|id| id.as_str());
        let f = Obj::new(sf, &join(path, "success_factors"), &names)?;
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
pub fn team_request(v: &Value, path: &str) -> Result<TeamRequest, InputError> {
    let o = Obj::new(
        v,
        path,
        &["edition", "projects", "collaboratives", "people"],
    )?;
    let edition = o
        .opt_enum("edition", Edition::parse, &Edition::ALL.map(Edition::key))?
        .unwrap_or_default();
    let projects = o.count("projects")?;
    let mut collaboratives = Vec::new();
    if o.map.contains_key("collaboratives") {
        let keys = Collaborative::ALL.map(Collaborative::key);
        for (i, c) in o.array("collaboratives")?.iter().enumerate() {
            let at = format!("{}[{i}]", join(path, "collaboratives"));
            collaboratives.push(match c {
                Value::Null => None,
                _ => Some(enum_value(c, &at, Collaborative::parse, &keys)?),
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
            let role = ro.enumerated("role", Role::parse, &Role::ALL.map(Role::key))?;
            let project = ro.count("project")?;
            roles.push(Assignment {
                role,
                project: u32::try_from(project).unwrap_or(u32::MAX),
            });
        }
        people.push(Person {
            name: po.string("name")?.to_string(),
            hours_per_week: po.number("hours_per_week")?,
            physician: po.opt_bool("physician")?.unwrap_or(false),
            data_access: po.opt_bool("data_access")?.unwrap_or(false),
            qi: po
                .opt_enum("qi", Qi::parse, &Qi::ALL.map(Qi::key))?
                .unwrap_or(Qi::None),
            roles,
        });
    }
    TeamRequest::new(edition, projects, collaboratives, people).map_err(|e| e.under(path))
}

fn credit_request(v: &Value, path: &str) -> Result<CreditInput, InputError> {
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
    let stages = o.set("stages", Stage::parse, &Stage::ALL.map(Stage::key))?;
    let documents = o.set(
        "documents",
        Document::parse,
        &Document::ALL.map(Document::key),
    )?;
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

/// `prefix.key`, or `key` at the root.
pub fn join(prefix: &str, key: &str) -> String {
    match (prefix.is_empty(), key.is_empty()) {
        (true, _) => key.to_string(),
        (_, true) => prefix.to_string(),
        _ if key.starts_with('[') => format!("{prefix}{key}"),
        _ => format!("{prefix}.{key}"),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong_type(path: &str, want: &str, got: &Value) -> InputError {
    InputError::new(
        ErrorCode::WrongType,
        path,
        format!("expected {want}, got {}", type_name(got)),
    )
}

fn enum_value<T>(
    v: &Value,
    path: &str,
    parse: fn(&str) -> Option<T>,
    keys: &[&str],
) -> Result<T, InputError> {
    let s = v.as_str().ok_or_else(|| wrong_type(path, "a string", v))?;
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
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: &str, allowed: &[&str]) -> Result<Self, InputError> {
        let map = v
            .as_object()
            .ok_or_else(|| wrong_type(path, "an object", v))?;
        if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
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
            map,
            path: path.to_string(),
        })
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn get(&self, key: &str) -> Result<&'a Value, InputError> {
        self.map.get(key).ok_or_else(|| {
            InputError::new(
                ErrorCode::MissingField,
                self.at(key),
                format!("{key} is required"),
            )
        })
    }

    fn bool(&self, key: &str) -> Result<bool, InputError> {
        let v = self.get(key)?;
        v.as_bool()
            .ok_or_else(|| wrong_type(&self.at(key), "true or false", v))
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>, InputError> {
        self.map.get(key).map(|_| self.bool(key)).transpose()
    }

    fn string(&self, key: &str) -> Result<&'a str, InputError> {
        let v = self.get(key)?;
        v.as_str()
            .ok_or_else(|| wrong_type(&self.at(key), "a string", v))
    }

    fn array(&self, key: &str) -> Result<&'a [Value], InputError> {
        let v = self.get(key)?;
        v.as_array()
            .map(Vec::as_slice)
            .ok_or_else(|| wrong_type(&self.at(key), "an array", v))
    }

    fn number(&self, key: &str) -> Result<f64, InputError> {
        let v = self.get(key)?;
        v.as_f64()
            .ok_or_else(|| wrong_type(&self.at(key), "a number", v))
    }

    /// A whole, non-negative count; refuses fractions, negatives and absurd sizes.
    fn count(&self, key: &str) -> Result<u64, InputError> {
        let v = self.get(key)?;
        let path = self.at(key);
        let n = v
            .as_number()
            .ok_or_else(|| wrong_type(&path, "a whole number", v))?;
        if let Some(u) = n.as_u64() {
            return Ok(u);
        }
        let f = n.as_f64().unwrap_or(f64::NAN);
        if f < 0.0 {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                path,
                format!("{n} is negative: give a whole number, 0 or more"),
            ));
        }
        if f % 1.0 != 0.0 {
            return Err(InputError::new(
                ErrorCode::NotInteger,
                path,
                format!("{n} is not a whole number"),
            ));
        }
        if f <= 9_007_199_254_740_992.0 {
            // A whole number written with a fraction part, such as 3.0.
            return Ok(f as u64);
        }
        Err(InputError::new(
            ErrorCode::OutOfRange,
            path,
            format!("{n} is far too large"),
        ))
    }

    fn opt_count(&self, key: &str) -> Result<Option<u64>, InputError> {
        self.map.get(key).map(|_| self.count(key)).transpose()
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
        self.map
            .get(key)
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
                return Err(InputError::new(
                    ErrorCode::Duplicate,
                    at,
                    format!("{} is listed twice", v),
                ));
            }
            out.push(x);
        }
        Ok(out)
    }
}
