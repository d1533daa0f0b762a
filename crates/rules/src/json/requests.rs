//! The contract's requests: each declared once ([`request!`]: fields, types, closed
//! sets, bounds and docs), then turned into the rules' checked inputs. What joins several
//! fields (a role's project against the request's count, C1/C2 from a roster) is decided
//! here, beside the rule.

use alloc::format;
use alloc::vec::Vec;

use chrono::NaiveDate;

use super::declare::{request, At, Count, Day, Never, Set, Wire};
use super::{Json, EXPORT_FORMAT, EXPORT_VERSION};
use crate::book::Collaborative;
use crate::bounds::{MAX_COHORTS, MAX_PRIOR_PROJECTS, MAX_PROJECTS};
use crate::calendar;
use crate::credits::{CreditInput, Document, Stage};
use crate::error::{quote, ErrorCode, InputError};
use crate::fees::FeeRequest;
use crate::hours::Hours;
use crate::readiness::{PerFactor, Qi, ReadinessInput, SuccessFactor};
use crate::team::{Assignment, Edition, Person, Role, TeamRequest};

request! {
    /// A `fees` request.
    #[ts = "FeesRequest"]
    pub struct FeesJson {
        /// How many new projects.
        req projects: Count<1, MAX_PROJECTS>,
        /// The organization's earlier projects (they move the every-third discount, F3); 0 if left out.
        opt prior_projects: Count<0, MAX_PRIOR_PROJECTS> = Count(0),
        /// The date whose program facts decide it (RULES.md, "Dated facts").
        opt as_of: Day,
    }
}

request! {
    /// A `schedule` request.
    #[ts = "ScheduleRequest"]
    pub struct ScheduleJson {
        /// Plan from this date (the clock is always an input).
        req date: Day,
        /// How many cohorts to list.
        opt count: Count<1, MAX_COHORTS> = Count(calendar::DEFAULT_COHORTS),
        /// The date whose program facts decide it (RULES.md, "Dated facts"); its `date` if left out.
        opt as_of: Day,
    }
}

request! {
    /// The success factors the user answers; a factor left out is not met.
    #[ts = "SuccessFactorAnswers"]
    pub struct FactorsJson {
        /// S1 is met.
        opt S1: bool = false,
        /// S2 is met.
        opt S2: bool = false,
        /// Follows from the coach answer (C2): refused.
        refused S3: bool = "S3 follows from the coach answer and cannot be given: answer coach instead",
        /// S4 is met.
        opt S4: bool = false,
        /// S5 is met.
        opt S5: bool = false,
        /// S6 is met.
        opt S6: bool = false,
        /// S7 is met.
        opt S7: bool = false,
    }
}

impl FactorsJson {
    /// The answers by factor: a new factor fails to compile here until it is declared.
    fn factors(&self) -> PerFactor<bool> {
        PerFactor::from_fn(|f| match f {
            SuccessFactor::S1 => self.S1,
            SuccessFactor::S2 => self.S2,
            // Derived from the coach answer (refused above).
            SuccessFactor::S3 => false,
            SuccessFactor::S4 => self.S4,
            SuccessFactor::S5 => self.S5,
            SuccessFactor::S6 => self.S6,
            SuccessFactor::S7 => self.S7,
        })
    }
}

request! {
    /// A `readiness` request.
    #[ts = "ReadinessRequest"]
    pub struct ReadinessJson {
        /// An organizational sponsor is named (C1).
        req sponsor: bool,
        /// A clinical leader, the physician leader, is named (C1).
        req clinical_leader: bool,
        /// The QI coach's background (C2, S3).
        req coach: Qi,
        /// The organization can perform manual audits (C3).
        req can_audit: bool,
        /// The organization can report data throughout ImPower (C3).
        req can_report_data: bool,
        /// The success factors met.
        opt success_factors: FactorsJson,
        /// The date whose program facts decide it (RULES.md, "Dated facts").
        opt as_of: Day,
    }
}

request! {
    /// A `readiness` request inside `assess` beside a `team`: C1 and C2 come from the roster, so `sponsor`, `clinical_leader` and `coach` may be left out.
    #[ts = "ReadinessWithRoster"]
    pub struct RosterReadinessJson {
        /// Read, then answered from the roster.
        opt sponsor: bool,
        /// Read, then answered from the roster.
        opt clinical_leader: bool,
        /// Read, then answered from the roster.
        opt coach: Qi,
        /// The organization can perform manual audits (C3).
        req can_audit: bool,
        /// The organization can report data throughout ImPower (C3).
        req can_report_data: bool,
        /// The success factors met.
        opt success_factors: FactorsJson,
        /// The date whose program facts decide it (RULES.md, "Dated facts").
        opt as_of: Day,
    }
}

request! {
    /// A role on a project.
    #[ts = "Assignment"]
    pub struct AssignmentJson {
        /// The role.
        req role: Role,
        /// The project, from 1 to the request's `projects`.
        req project: Count<1, MAX_PROJECTS>,
    }
}

request! {
    /// A person on the roster.
    #[ts = "Person"]
    pub struct PersonJson {
        /// Their name, unique on the roster; `null` while not named yet (RULES.md, "Drafts": not on the roster yet, and `valid` waits).
        req name: Option<alloc::string::String>,
        /// Hours a week they can give; `null` while not answered yet (their T7 waits).
        req hours_per_week: Option<Hours>,
        /// Holds an MD, DO or equivalent degree (T2, CR8); false if left out.
        opt physician: bool = false,
        /// Can access data from departmental systems (T6); false if left out.
        opt data_access: bool = false,
        /// Their QI background (C2, S3 for coaches); `none` if left out.
        opt qi: Qi = Qi::None,
        /// Their roles, per project.
        req roles: Vec<AssignmentJson>,
    }
}

request! {
    /// A `team` request.
    #[ts = "TeamRequest"]
    pub struct TeamJson {
        /// Whose weekly-hours table; `impower` if left out.
        opt edition: Edition = Edition::default(),
        /// How many projects.
        req projects: Count<1, MAX_PROJECTS>,
        /// Each project's collaborative, in project order (`null`: not chosen yet); at most one per project.
        opt collaboratives: Vec<Option<Collaborative>> = Vec::new(),
        /// The roster.
        req people: Vec<PersonJson>,
        /// The date whose program facts decide it (RULES.md, "Dated facts").
        opt as_of: Day,
    }
}

request! {
    /// A `credits` request.
    #[ts = "CreditsRequest"]
    pub struct CreditsJson {
        /// MD, DO or equivalent (CR8).
        req physician: bool,
        /// The stages taken part in, each once (CR1).
        req stages: Set<Stage>,
        /// Stage C is complete (CR2).
        req stage_c_complete: bool,
        /// The documents received, each once (CR3).
        req documents: Set<Document>,
        /// Named on the Team Roster at the start (CR4).
        req on_roster_at_start: bool,
        /// Opted in by the survey by Session 1 (CR5).
        req opted_in: bool,
        /// The day of Session 1 (the cohort's `team_starts`), on or before graduation: times CR4 and CR5.
        opt session_1: Day,
        /// The graduation date.
        req graduation: Day,
        /// Today (the clock is always an input).
        req today: Day,
        /// The date whose program facts decide it (RULES.md, "Dated facts"); the graduation if left out.
        opt as_of: Day,
    }
}

/// An exported application's `format`: only this checker's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format;

impl Wire for Format {
    fn ty() -> super::declare::Ty {
        super::declare::Ty::Lit(EXPORT_FORMAT)
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        let format = alloc::string::String::read(v, at)?;
        if format == EXPORT_FORMAT {
            return Ok(Format);
        }
        Err(InputError::new(
            ErrorCode::UnknownValue,
            at.path(),
            format!(
                "{} is not a format this tool reads: use {}",
                quote(&format),
                quote(EXPORT_FORMAT)
            ),
        ))
    }
}

impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(EXPORT_FORMAT)
    }
}

/// An exported application's `version`: one this build reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version(pub u32);

impl Wire for Version {
    fn ty() -> super::declare::Ty {
        super::declare::Ty::UpTo(EXPORT_VERSION)
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        let Count(n) = Count::<0, { u32::MAX }>::read(v, at)?;
        if n == 0 || n > EXPORT_VERSION {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                at.path(),
                format!(
                    "version {n} is not one this build reads (1 to {EXPORT_VERSION}): open it with a newer version of the tool"
                ),
            ));
        }
        Ok(Version(n))
    }
}

impl serde::Serialize for Version {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

/// What only the app needs (organization, view, fields as typed): an object, carried and
/// never evaluated; not written back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Carried;

impl Wire for Carried {
    fn ty() -> super::declare::Ty {
        super::declare::Ty::Map
    }
    fn read(v: &Json, at: &At<'_>) -> Result<Self, InputError> {
        match v {
            Json::Object(_) => Ok(Carried),
            v => Err(super::obj::wrong_type(&at.path(), "an object", v)),
        }
    }
}

impl serde::Serialize for Carried {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        s.serialize_map(Some(0))?.end()
    }
}

request! {
    /// An `assess` request without a roster.
    #[ts = "AssessRequestWithoutTeam"]
    pub struct AssessJson {
        /// A `fees` request.
        opt fees: FeesJson,
        /// A `schedule` request.
        opt schedule: ScheduleJson,
        /// A `readiness` request.
        opt readiness: ReadinessJson,
        /// No roster in this alternative.
        opt team: Never,
        /// A `credits` request.
        opt credits: CreditsJson,
        /// An exported application's format; another is refused (`unknown_value`).
        opt format: Format,
        /// An exported application's version; a newer one is refused (`out_of_range`).
        opt version: Version,
        /// What only the app needs (organization, view, fields as typed): carried, never evaluated.
        opt app: Carried,
        /// The date whose program facts decide every part that has none of its own (RULES.md, "Dated facts").
        opt as_of: Day,
    }
}

request! {
    /// An `assess` request with a roster: its `readiness` may leave out what the roster answers.
    #[ts = "AssessRequestWithTeam"]
    pub struct AssessTeamJson {
        /// A `fees` request.
        opt fees: FeesJson,
        /// A `schedule` request.
        opt schedule: ScheduleJson,
        /// A `readiness` request (C1 and C2 come from the roster).
        opt readiness: RosterReadinessJson,
        /// A `team` request.
        req team: TeamJson,
        /// A `credits` request.
        opt credits: CreditsJson,
        /// An exported application's format; another is refused (`unknown_value`).
        opt format: Format,
        /// An exported application's version; a newer one is refused (`out_of_range`).
        opt version: Version,
        /// What only the app needs (organization, view, fields as typed): carried, never evaluated.
        opt app: Carried,
        /// The date whose program facts decide every part that has none of its own (RULES.md, "Dated facts").
        opt as_of: Day,
    }
}

/// Reads the declared request `T` at `path` ("" for the whole request).
pub fn read<T: Wire>(v: &Json, path: &str) -> Result<T, InputError> {
    // The root's path is "": a field of it is at `key`, not `.key`.
    T::read(v, &At::Field(path, ""))
}

fn day(d: Option<Day>) -> Option<NaiveDate> {
    d.map(|Day(d)| d)
}

impl FeesJson {
    /// The rules' fee request.
    pub fn checked(&self, path: &str) -> Result<FeeRequest, InputError> {
        FeeRequest::new(u64::from(self.projects.0), u64::from(self.prior_projects.0))
            .map(|r| r.as_of(day(self.as_of)))
            .map_err(|e| e.under(path))
    }

    /// The contract's request for the rules' fee request.
    pub fn of(r: &FeeRequest) -> Self {
        FeesJson {
            projects: Count(r.projects()),
            prior_projects: Count(r.prior()),
            as_of: r.day().map(Day),
        }
    }
}

/// Reads a `fees` request.
pub fn fee_request(v: &Json, path: &str) -> Result<FeeRequest, InputError> {
    read::<FeesJson>(v, path)?.checked(path)
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

impl From<&ScheduleJson> for ScheduleRequest {
    fn from(j: &ScheduleJson) -> Self {
        ScheduleRequest {
            date: j.date.0,
            count: j.count.0,
            as_of: day(j.as_of),
        }
    }
}

/// Reads a `schedule` request: the date, how many cohorts, and its `as_of`.
pub fn schedule_request(v: &Json, path: &str) -> Result<ScheduleRequest, InputError> {
    read::<ScheduleJson>(v, path).map(|j| ScheduleRequest::from(&j))
}

impl ReadinessJson {
    /// The rules' readiness input.
    pub fn input(&self) -> ReadinessInput {
        ReadinessInput {
            sponsor: self.sponsor,
            clinical_leader: self.clinical_leader,
            coach: self.coach,
            can_audit: self.can_audit,
            can_report_data: self.can_report_data,
            success_factors: self
                .success_factors
                .as_ref()
                .map(FactorsJson::factors)
                .unwrap_or_default(),
        }
    }
}

impl RosterReadinessJson {
    /// The rules' readiness input, C1 and C2 (`derived`) from the roster.
    pub fn input(&self, derived: (bool, bool, Qi)) -> ReadinessInput {
        let (sponsor, clinical_leader, coach) = derived;
        ReadinessInput {
            sponsor,
            clinical_leader,
            coach,
            can_audit: self.can_audit,
            can_report_data: self.can_report_data,
            success_factors: self
                .success_factors
                .as_ref()
                .map(FactorsJson::factors)
                .unwrap_or_default(),
        }
    }
}

/// Reads a `readiness` request; `derived` answers C1/C2 from a roster.
pub fn readiness_request(
    v: &Json,
    path: &str,
    derived: Option<(bool, bool, Qi)>,
) -> Result<ReadinessInput, InputError> {
    match derived {
        Some(d) => read::<RosterReadinessJson>(v, path).map(|j| j.input(d)),
        None => read::<ReadinessJson>(v, path).map(|j| j.input()),
    }
}

impl TeamJson {
    /// The rules' team request: each role's project within the request's count.
    pub fn checked(self, path: &str) -> Result<TeamRequest, InputError> {
        let projects = self.projects.0;
        let mut people = Vec::with_capacity(self.people.len());
        for (i, p) in self.people.into_iter().enumerate() {
            let mut roles = Vec::with_capacity(p.roles.len());
            for (j, r) in p.roles.iter().enumerate() {
                let Count(project) = r.project;
                if project > projects {
                    return Err(InputError::new(
                        ErrorCode::OutOfRange,
                        format!("people[{i}].roles[{j}].project"),
                        format!(
                            "project {project} does not exist: give a project from 1 to {projects}"
                        ),
                    )
                    .under(path));
                }
                roles.push(Assignment {
                    role: r.role,
                    project,
                });
            }
            people.push(Person {
                name: p.name,
                hours_per_week: p.hours_per_week,
                physician: p.physician,
                data_access: p.data_access,
                qi: p.qi,
                roles,
            });
        }
        TeamRequest::new(
            self.edition,
            u64::from(projects),
            self.collaboratives,
            people,
        )
        .map(|t| t.with_as_of(day(self.as_of)))
        .map_err(|e| e.under(path))
    }

    /// The contract's request for the rules' team request (a draft's unanswered fields as
    /// `null`): what the app exports.
    pub fn of(t: &TeamRequest) -> Self {
        TeamJson {
            edition: t.edition(),
            projects: Count(t.projects()),
            collaboratives: t.collaboratives().to_vec(),
            people: t
                .people()
                .iter()
                .map(|p| PersonJson {
                    name: p.name.clone(),
                    hours_per_week: p.hours_per_week,
                    physician: p.physician,
                    data_access: p.data_access,
                    qi: p.qi,
                    roles: p
                        .roles
                        .iter()
                        .map(|a| AssignmentJson {
                            role: a.role,
                            project: Count(a.project),
                        })
                        .collect(),
                })
                .collect(),
            as_of: t.as_of().map(Day),
        }
    }
}

/// Reads a `team` request.
pub fn team_request(v: &Json, path: &str) -> Result<TeamRequest, InputError> {
    read::<TeamJson>(v, path)?.checked(path)
}

impl CreditsJson {
    /// The rules' credit question.
    pub fn input(self) -> CreditInput {
        CreditInput {
            physician: self.physician,
            stages: self.stages.0,
            stage_c_complete: self.stage_c_complete,
            documents: self.documents.0,
            on_roster_at_start: self.on_roster_at_start,
            opted_in: self.opted_in,
            session_1: day(self.session_1),
            graduation: self.graduation.0,
            as_of: day(self.as_of),
            today: self.today.0,
        }
    }

    /// The contract's request for a credit question.
    pub fn of(q: &CreditInput) -> Self {
        CreditsJson {
            physician: q.physician,
            stages: Set(q.stages.clone()),
            stage_c_complete: q.stage_c_complete,
            documents: Set(q.documents.clone()),
            on_roster_at_start: q.on_roster_at_start,
            opted_in: q.opted_in,
            session_1: q.session_1.map(Day),
            graduation: Day(q.graduation),
            today: Day(q.today),
            as_of: q.as_of.map(Day),
        }
    }
}

/// Reads a `credits` request.
pub fn credit_request(v: &Json, path: &str) -> Result<CreditInput, InputError> {
    read::<CreditsJson>(v, path).map(CreditsJson::input)
}
