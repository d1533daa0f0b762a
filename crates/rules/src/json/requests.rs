//! The contract's requests, read from parsed JSON into the rules' checked inputs.

use alloc::format;
use alloc::string::ToString;
use alloc::vec::Vec;

use chrono::NaiveDate;

use super::obj::{enum_value, Obj};
use super::Json;
use crate::book::Collaborative;
use crate::bounds::{count, MAX_COHORTS, MAX_PROJECTS};
use crate::calendar;
use crate::credits::{CreditInput, Document, Stage};
use crate::error::{ErrorCode, InputError};
use crate::fees::FeeRequest;
use crate::path::join;
use crate::readiness::{PerFactor, Qi, ReadinessInput, SuccessFactor};
use crate::team::{Assignment, Edition, Person, Role, TeamRequest};

/// Reads a request's `as_of` (RULES.md, "Dated facts"): the date whose program facts
/// decide it. It must be a date; the rule book holds one set of facts today (the two
/// pages as read), so every date selects it, and a fact that changes will add a dated
/// set for `as_of` to choose (issue 19).
#[inline(never)]
pub(crate) fn as_of(o: &Obj<'_>) -> Result<Option<NaiveDate>, InputError> {
    o.opt_date("as_of")
}

/// Reads a `fees` request.
pub fn fee_request(v: &Json, path: &str) -> Result<FeeRequest, InputError> {
    let o = Obj::new(v, path, &["projects", "prior_projects", "as_of"])?;
    let day = as_of(&o)?;
    let projects = o.count("projects")?;
    let prior = o.opt_count("prior_projects")?.unwrap_or(0);
    FeeRequest::new(projects, prior)
        .map(|r| r.as_of(day))
        .map_err(|e| e.under(path))
}

/// A checked `schedule` request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScheduleRequest {
    /// Plan from this day.
    pub date: NaiveDate,
    /// How many cohorts.
    pub count: u32,
    /// The day whose facts decide it, if given (else `date`).
    pub as_of: Option<NaiveDate>,
}

impl ScheduleRequest {
    /// The facts that decide it: those in force on `as_of`, else on `date`.
    pub fn facts(&self) -> &'static crate::program::Facts {
        crate::program::in_force(self.as_of.or(Some(self.date)))
    }
}

/// Reads a `schedule` request: the date, how many cohorts, and its `as_of`.
pub fn schedule_request(v: &Json, path: &str) -> Result<ScheduleRequest, InputError> {
    let o = Obj::new(v, path, &["date", "count", "as_of"])?;
    let d = o.date("date")?;
    let day = as_of(&o)?;
    let n = o
        .opt_count("count")?
        .unwrap_or(u64::from(calendar::DEFAULT_COHORTS));
    let n = count("count", n, 1, MAX_COHORTS).map_err(|e| e.under(path))?;
    Ok(ScheduleRequest {
        date: d,
        count: n,
        as_of: day,
    })
}

/// Reads a `readiness` request; `derived` answers C1/C2 from a roster.
pub fn readiness_request(
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
            "as_of",
        ],
    )?;
    as_of(&o)?;
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
    let mut success_factors = PerFactor::default();
    if let Some(sf) = o.field("success_factors") {
        let at = join(path, "success_factors");
        let f = Obj::new(sf, &at, SuccessFactor::KEYS)?;
        let s3 = SuccessFactor::S3.key();
        if f.field(s3).is_some() {
            return Err(InputError::new(
                ErrorCode::DerivedField,
                join(&at, s3),
                "S3 follows from the coach answer and cannot be given: answer coach instead",
            ));
        }
        for &factor in SuccessFactor::ALL {
            *success_factors.get_mut(factor) = f.opt_bool(factor.key())?.unwrap_or(false);
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
        &["edition", "projects", "collaboratives", "people", "as_of"],
    )?;
    let day = as_of(&o)?;
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
            // Checked here, against the request's own count, so a number past any
            // integer type is named as written (the count itself is checked first).
            let projects =
                count("projects", projects, 1, MAX_PROJECTS).map_err(|e| e.under(path))?;
            let project = u32::try_from(project)
                .ok()
                .filter(|p| (1..=projects).contains(p))
                .ok_or_else(|| {
                    InputError::new(
                        ErrorCode::OutOfRange,
                        format!("{at}.roles[{j}].project"),
                        format!(
                            "project {project} does not exist: give a project from 1 to {projects}"
                        ),
                    )
                })?;
            roles.push(Assignment { role, project });
        }
        people.push(Person {
            // Each may be `null` while not answered yet (RULES.md, "Drafts").
            name: match po.answered("name")? {
                None => None,
                Some(_) => Some(po.string("name")?.to_string()),
            },
            hours_per_week: match po.answered("hours_per_week")? {
                None => None,
                Some(_) => Some(po.hours("hours_per_week")?),
            },
            physician: po.opt_bool("physician")?.unwrap_or(false),
            data_access: po.opt_bool("data_access")?.unwrap_or(false),
            qi: po.opt_enum("qi", Qi::parse, Qi::KEYS)?.unwrap_or(Qi::None),
            roles,
        });
    }
    TeamRequest::new(edition, projects, collaboratives, people)
        .map(|t| t.with_as_of(day))
        .map_err(|e| e.under(path))
}

/// Reads a `credits` request.
pub fn credit_request(v: &Json, path: &str) -> Result<CreditInput, InputError> {
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
            "session_1",
            "graduation",
            "today",
            "as_of",
        ],
    )?;
    let day = as_of(&o)?;
    let stages = o.set("stages", Stage::parse, Stage::KEYS)?;
    let documents = o.set("documents", Document::parse, Document::KEYS)?;
    Ok(CreditInput {
        physician: o.bool("physician")?,
        stages,
        stage_c_complete: o.bool("stage_c_complete")?,
        documents,
        on_roster_at_start: o.bool("on_roster_at_start")?,
        opted_in: o.bool("opted_in")?,
        session_1: o.opt_date("session_1")?,
        graduation: o.date("graduation")?,
        as_of: day,
        today: o.date("today")?,
    })
}
