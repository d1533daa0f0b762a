//! The contract's requests, each declared once ([`request!`]: fields, types, closed
//! sets, bounds and docs). Where the rules already have the type (a fee request, a
//! person, a credit question), the declaration is its contract (`impl for`), and the
//! compiler checks the two agree; otherwise the declared struct is turned into the rules'
//! checked input here, beside what joins several fields (C1/C2 from a roster).

use alloc::format;
use alloc::vec::Vec;

use chrono::NaiveDate;

use super::declare::{request, At, Count, Day, Read, Set, Wire};
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
    impl for FeeRequest {
        /// How many new projects.
        req projects: Count<1, MAX_PROJECTS>,
        /// The organization's earlier projects (they move which projects are discounted, F2, F3); none if left out.
        opt prior_projects: Count<0, MAX_PRIOR_PROJECTS> = 0,
        /// The date whose program facts decide it (RULES.md, "Dated facts").
        opt as_of: Day,
    }
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

    /// The calendar it asks for, under those facts.
    pub fn schedule(&self) -> Result<calendar::Schedule, InputError> {
        calendar::schedule_under(self.date, self.count, self.facts())
    }
}

request! {
    /// A `schedule` request.
    #[ts = "ScheduleRequest"]
    impl for ScheduleRequest {
        /// Plan from this date (the clock is always an input).
        req date: Day,
        /// How many cohorts to list.
        opt count: Count<1, MAX_COHORTS> = calendar::DEFAULT_COHORTS,
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
        roster sponsor: bool,
        /// A clinical leader, the physician leader, is named (C1).
        roster clinical_leader: bool,
        /// The QI coach's background (C2, S3).
        roster coach: Qi,
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
    impl for Assignment {
        /// The role.
        req role: Role,
        /// The project it is on, at most the request's `projects`.
        req project: Count<1, MAX_PROJECTS>,
    }
}

request! {
    /// A person on the roster.
    #[ts = "Person"]
    impl for Person {
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
        req roles: Vec<Assignment>,
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
        /// Each project's collaborative, in project order (`null`: not chosen yet), no more than the projects.
        opt collaboratives: Vec<Option<Collaborative>> = Vec::new(),
        /// The roster.
        req people: Vec<Person>,
        /// The date whose program facts decide it (RULES.md, "Dated facts").
        opt as_of: Day,
    }
}

request! {
    /// A `credits` request.
    #[ts = "CreditsRequest"]
    impl for CreditInput {
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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
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
        )
        .into())
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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        let Count(n) = Count::<0, { u32::MAX }>::read(v, at)?;
        if n == 0 || n > EXPORT_VERSION {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                at.path(),
                format!(
                    "version {n} is not one this build reads (1 to {EXPORT_VERSION}): open it with a newer version of the tool"
                ),
            )
            .into());
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
    fn read(v: &Json, at: &At<'_>) -> Read<Self> {
        match v {
            Json::Object(_) => Ok(Carried),
            v => Err(super::obj::wrong_type(&at.path(), "an object", v).into()),
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
    /// An `assess` request (give at least one of fees, schedule, readiness, team, credits), or an exported application.
    #[ts = "AssessRequest"]
    pub struct AssessJson {
        /// A `fees` request.
        opt fees: FeeRequest,
        /// A `schedule` request.
        opt schedule: ScheduleRequest,
        /// A `readiness` request (beside a `team`, C1 and C2 come from the roster).
        opt readiness: ReadinessJson,
        /// A `team` request.
        opt team: TeamJson,
        /// A `credits` request.
        opt credits: CreditInput,
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

/// The declaration of each verb's request, by verb: what the TypeScript declarations and
/// the fuzzer's vocabulary are made from (nested shapes are reached through them).
pub fn declared(verb: super::Verb) -> super::declare::Shape {
    match verb {
        super::Verb::Fees => FeeRequest::shape(),
        super::Verb::Schedule => ScheduleRequest::shape(),
        super::Verb::Readiness => ReadinessJson::shape(),
        super::Verb::Team => TeamJson::shape(),
        super::Verb::Credits => CreditInput::shape(),
        super::Verb::Assess => AssessJson::shape(),
    }
}

/// Reads the declared request `T` at `path` ("" for the whole request).
pub fn read<T: Wire>(v: &Json, path: &str) -> Result<T, InputError> {
    T::read(v, &At::Root(path)).map_err(|r| *r.0)
}

/// Reads a `fees` request.
pub fn fee_request(v: &Json, path: &str) -> Result<FeeRequest, InputError> {
    read::<FeeRequest>(v, path)
}

/// Reads a `schedule` request: the date, how many cohorts, and its `as_of`.
pub fn schedule_request(v: &Json, path: &str) -> Result<ScheduleRequest, InputError> {
    read::<ScheduleRequest>(v, path)
}

impl ReadinessJson {
    /// The rules' readiness input: C1 and C2 from the roster (`derived`) when there is
    /// one, else from the answers, which must then be given.
    pub fn input(
        &self,
        path: &str,
        derived: Option<(bool, bool, Qi)>,
    ) -> Result<ReadinessInput, InputError> {
        let missing = |key: &str| {
            InputError::new(
                ErrorCode::MissingField,
                crate::path::join(path, key),
                format!("{key} is required"),
            )
        };
        let (sponsor, clinical_leader, coach) = match derived {
            Some(d) => d,
            None => (
                self.sponsor.ok_or_else(|| missing("sponsor"))?,
                self.clinical_leader
                    .ok_or_else(|| missing("clinical_leader"))?,
                self.coach.ok_or_else(|| missing("coach"))?,
            ),
        };
        Ok(ReadinessInput {
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
        })
    }
}

/// Reads a `readiness` request; `derived` answers C1/C2 from a roster.
pub fn readiness_request(
    v: &Json,
    path: &str,
    derived: Option<(bool, bool, Qi)>,
) -> Result<ReadinessInput, InputError> {
    read::<ReadinessJson>(v, path)?.input(path, derived)
}

impl TeamJson {
    /// The rules' team request (they check each role's project against the count).
    pub fn checked(self, path: &str) -> Result<TeamRequest, InputError> {
        TeamRequest::new(
            self.edition,
            u64::from(self.projects.0),
            self.collaboratives,
            self.people,
        )
        .map(|t| t.with_as_of(self.as_of.map(NaiveDate::from)))
        .map_err(|e| e.under(path))
    }

    /// The contract's request for the rules' team request (a draft's unanswered fields as
    /// `null`): what the app exports.
    pub fn of(t: &TeamRequest) -> Self {
        TeamJson {
            edition: t.edition(),
            projects: Count(t.projects()),
            collaboratives: t.collaboratives().to_vec(),
            people: t.people().to_vec(),
            as_of: t.as_of().map(Day),
        }
    }
}

/// Reads a `team` request.
pub fn team_request(v: &Json, path: &str) -> Result<TeamRequest, InputError> {
    read::<TeamJson>(v, path)?.checked(path)
}

/// Reads a `credits` request.
pub fn credit_request(v: &Json, path: &str) -> Result<CreditInput, InputError> {
    read::<CreditInput>(v, path)
}
