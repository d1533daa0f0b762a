//! "Download answers" and "Open a file": the application as a JSON file that is an
//! `assess` request of the JSON contract (so `impower assess FILE` checks it), with the
//! envelope `{"format": "impower-ready", "version": 1, "app": {…}}`.
//!
//! `app` carries what only the app needs: the organization's name, the view, and every
//! field as typed (in the share-link encoding of [`crate::share`]), so a file restores
//! exactly what was entered, including fields that are not valid yet. The request parts
//! hold what is valid, for the command line and a program office.

use rules::json::requests::{FactorsJson, ReadinessJson, ScheduleRequest, TeamJson};
use rules::json::{self, Json, EXPORT_FORMAT, EXPORT_VERSION};
use rules::readiness::SuccessFactor;
use rules::{ErrorCode, InputError};

use crate::eval::Results;
use crate::share;
use crate::state::State;

fn s(text: &str) -> Json {
    Json::String(text.into())
}

fn n(x: u32) -> Json {
    Json::Number(x.to_string())
}

fn obj(fields: Vec<(&str, Json)>) -> Json {
    Json::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// The file's name: the organization's, made safe, and the date.
pub fn file_name(state: &State) -> String {
    let org: String = state
        .organization
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let org = org.trim_matches('-');
    let org = if org.is_empty() { "impower-ready" } else { org };
    format!(
        "{}-{}.json",
        org.chars().take(40).collect::<String>(),
        rules::date::format(state.today)
    )
}

/// A file that holds only `fields`, a state's text as saved (one this version may not
/// be able to read): "Open answers from a file" of the version that wrote it opens it.
pub fn fields_only(fields: &str) -> String {
    json::write(&obj(vec![
        ("format", s(EXPORT_FORMAT)),
        ("version", n(EXPORT_VERSION)),
        ("app", obj(vec![("fields", s(fields))])),
    ]))
}

/// The exported file's text.
pub fn export(state: &State, results: &Results) -> String {
    let mut fields = vec![
        ("format", s(EXPORT_FORMAT)),
        ("version", n(EXPORT_VERSION)),
        (
            "app",
            obj(vec![
                ("organization", s(state.organization.trim())),
                ("view", s(state.view.key())),
                (
                    "fields",
                    s(&share::encode_checked(
                        state,
                        &crate::checked::Receipt::of(results),
                    )),
                ),
                // The rules the answers were checked under, for people reading the file
                // (the fields record it too, for the app to re-check).
                (
                    "rule_book",
                    obj(vec![
                        ("version", s(rules::book::RULE_BOOK_VERSION)),
                        ("digest", s(rules::book::RULE_BOOK_DIGEST)),
                    ]),
                ),
            ]),
        ),
    ];
    // The request parts, as the rules' own declarations write them (`rules::json::requests`).
    let parts = [
        (
            "readiness",
            readiness(state, results).and_then(|r| part(&r)),
        ),
        (
            "team",
            results
                .team_request
                .as_ref()
                .map(TeamJson::of)
                .and_then(|t| part(&t)),
        ),
        ("fees", results.fee_request.as_ref().and_then(part)),
        (
            "schedule",
            results.schedule.as_ref().and_then(|sc| {
                part(&ScheduleRequest {
                    date: sc.date,
                    count: rules::calendar::DEFAULT_COHORTS,
                    as_of: None,
                })
            }),
        ),
        (
            "credits",
            results.credits.first().and_then(|c| part(&c.input)),
        ),
    ];
    for (name, value) in parts {
        if let Some(v) = value {
            fields.push((name, v));
        }
    }
    json::write(&obj(fields))
}

/// A request part as JSON, written by its declaration.
fn part<T: serde::Serialize>(value: &T) -> Option<Json> {
    json::parse(&json::text::to_json(value).ok()?).ok()
}

/// The readiness answers as the app holds them, once all five are given; each success
/// factor as answered or followed (S3 follows the coach answer and is never written).
fn readiness(state: &State, results: &Results) -> Option<ReadinessJson> {
    let met = |f: SuccessFactor| results.factors.get(f).met();
    Some(ReadinessJson {
        sponsor: Some(state.sponsor?),
        clinical_leader: Some(state.clinical_leader?),
        coach: Some(state.coach?),
        can_audit: state.can_audit?,
        can_report_data: state.can_report_data?,
        success_factors: Some(FactorsJson {
            S1: met(SuccessFactor::S1),
            S2: met(SuccessFactor::S2),
            S3: (),
            S4: met(SuccessFactor::S4),
            S5: met(SuccessFactor::S5),
            S6: met(SuccessFactor::S6),
            S7: met(SuccessFactor::S7),
        }),
        as_of: None,
    })
}

/// What importing a file gives.
#[derive(Debug, PartialEq)]
pub struct Imported {
    /// The state to load.
    pub state: State,
    /// What could not be read, if anything.
    pub problem: Option<String>,
}

/// Reads a file this app exported. The envelope is checked (`format`, `version`, an
/// `app` object with the fields as typed) and the fields are read with the share-link
/// reader; on any error nothing is loaded and the error names the field. The request
/// parts are the command line's to check (`impower assess FILE`): the app restores what
/// was typed, including fields that were not valid yet.
pub fn import(text: &str, today: chrono::NaiveDate) -> Result<Imported, InputError> {
    let value = json::parse(text)?;
    let refuse = |code, path: &str, message: String| Err(InputError::new(code, path, message));
    let Json::Object(_) = value else {
        return refuse(
            ErrorCode::WrongType,
            "",
            String::from("expected an object: a file saved with \u{201c}Download answers\u{201d}"),
        );
    };
    match value.get("format") {
        Some(Json::String(f)) if f == EXPORT_FORMAT => {}
        Some(_) => {
            return refuse(
                ErrorCode::UnknownValue,
                "format",
                format!("this is not a file of this checker: its format should be {EXPORT_FORMAT}"),
            )
        }
        None => {
            return refuse(
                ErrorCode::MissingField,
                "format",
                String::from("this file was not saved by this checker (it has no format): check it with impower assess"),
            )
        }
    }
    match value.get("version") {
        Some(Json::Number(v)) if v.as_str() == "1" => {}
        _ => {
            return refuse(
                ErrorCode::OutOfRange,
                "version",
                format!("this file's version is not one this checker reads ({EXPORT_VERSION})"),
            )
        }
    }
    let Some(Json::String(code)) = value.get("app").and_then(|a| a.get("fields")) else {
        return refuse(
            ErrorCode::MissingField,
            "app.fields",
            String::from("the file has no answers as typed: save it again with \u{201c}Download answers\u{201d}"),
        );
    };
    match share::decode(code, today) {
        Ok((state, problem)) => Ok(Imported {
            state,
            problem: problem.map(|p| p.message(share::Source::File)),
        }),
        Err(p) => refuse(
            ErrorCode::WrongType,
            "app.fields",
            p.message(share::Source::File),
        ),
    }
}
