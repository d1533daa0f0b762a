//! The project team (T1–T8): roles, counts, one coach on at most two teams, the data
//! analyst rule, and weekly hours under either edition of the time table.
//!
//! Validation never stops at the first problem: it returns every finding, per project
//! and per person, plus each person's required weekly hours.

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::book::{Collaborative, Page, RuleId, Source};
use crate::error::{ErrorCode, InputError};
use crate::fees::{count, plural, TEAMS_PER_COACH};
use crate::finding::{has_error, Finding};
use crate::readiness::Qi;

/// A role on a project team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Project sponsor (T1).
    Sponsor,
    /// Physician leader (T2).
    PhysicianLeader,
    /// Team leader (T3).
    TeamLeader,
    /// Quality improvement coach (T4).
    QiCoach,
    /// Front-line team member (T5).
    TeamMember,
    /// Data analyst (T6).
    DataAnalyst,
}

impl Role {
    /// All roles, in the page's order.
    pub const ALL: [Role; 6] = [
        Role::Sponsor,
        Role::PhysicianLeader,
        Role::TeamLeader,
        Role::QiCoach,
        Role::TeamMember,
        Role::DataAnalyst,
    ];

    /// The contract's name, e.g. `"qi_coach"`.
    pub const fn key(self) -> &'static str {
        match self {
            Role::Sponsor => "sponsor",
            Role::PhysicianLeader => "physician_leader",
            Role::TeamLeader => "team_leader",
            Role::QiCoach => "qi_coach",
            Role::TeamMember => "team_member",
            Role::DataAnalyst => "data_analyst",
        }
    }

    /// The role's name for people.
    pub const fn title(self) -> &'static str {
        match self {
            Role::Sponsor => "Project sponsor",
            Role::PhysicianLeader => "Physician leader",
            Role::TeamLeader => "Team leader",
            Role::QiCoach => "QI coach",
            Role::TeamMember => "Team member",
            Role::DataAnalyst => "Data analyst",
        }
    }

    /// The role's name inside a sentence, e.g. "QI coach".
    pub const fn noun(self) -> &'static str {
        match self {
            Role::Sponsor => "project sponsor",
            Role::PhysicianLeader => "physician leader",
            Role::TeamLeader => "team leader",
            Role::QiCoach => "QI coach",
            Role::TeamMember => "team member",
            Role::DataAnalyst => "data analyst",
        }
    }

    /// Parses the contract's name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == s)
    }
}

/// An edition of the weekly-hours table: the two pages disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Edition {
    /// The ImPower program page (the default).
    #[default]
    Impower,
    /// The Learning Network page.
    LearningNetwork,
}

impl Edition {
    /// Both editions.
    pub const ALL: [Edition; 2] = [Edition::Impower, Edition::LearningNetwork];

    /// The contract's name: `impower` or `learning-network`.
    pub const fn key(self) -> &'static str {
        match self {
            Edition::Impower => "impower",
            Edition::LearningNetwork => "learning-network",
        }
    }

    /// Parses the contract's name.
    pub fn parse(s: &str) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.key() == s)
    }

    /// The page this edition follows.
    pub const fn page(self) -> Page {
        match self {
            Edition::Impower => Page::ImpowerProgram,
            Edition::LearningNetwork => Page::LearningNetwork,
        }
    }
}

/// One row of a weekly-hours table.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HoursRow {
    /// The role.
    pub role: Role,
    /// Minimum hours a week per project; `None` where the page states none.
    pub min: Option<u32>,
    /// Maximum hours a week per project; `None` where the page states none.
    pub max: Option<u32>,
    /// The page's words.
    pub source: Source,
    /// Our reading, where the words need one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'static str>,
}

const fn hrow(
    role: Role,
    min: Option<u32>,
    max: Option<u32>,
    source: Source,
    interpretation: Option<&'static str>,
) -> HoursRow {
    HoursRow {
        role,
        min,
        max,
        source,
        interpretation,
    }
}

const PER_PROJECT: &str = "The page does not say \"per project\"; we count the hours once per project in which the person holds the role.";

const IP: Page = Page::ImpowerProgram;
const LN: Page = Page::LearningNetwork;

/// The `impower` edition (IP "Who Comprises a Project Team?").
pub static HOURS_IMPOWER: [HoursRow; 6] = [
    hrow(Role::Sponsor, Some(1), Some(1), Source { page: IP, words: "Time commitment: 1 hour/week" }, Some(PER_PROJECT)),
    hrow(Role::PhysicianLeader, Some(4), Some(4), Source { page: IP, words: "Time commitment: 4 hours/week" }, Some(PER_PROJECT)),
    hrow(Role::TeamLeader, Some(6), Some(8), Source { page: IP, words: "Time commitment: 6–8 hours/week" }, Some(PER_PROJECT)),
    hrow(Role::QiCoach, Some(8), Some(8), Source { page: IP, words: "Time commitment: 8 hours/week" }, Some(PER_PROJECT)),
    hrow(Role::TeamMember, Some(4), Some(6), Source { page: IP, words: "Time commitment: 4–6 hours/week" }, Some(PER_PROJECT)),
    hrow(Role::DataAnalyst, None, None, Source { page: IP, words: "It is optional to include a data analyst, as needed" }, Some("The program page states no hours for a data analyst; the Learning Network page says two hours per project per week.")),
];

/// The `learning-network` edition (LN role table).
pub static HOURS_LEARNING_NETWORK: [HoursRow; 6] = [
    hrow(Role::Sponsor, Some(1), Some(1), Source { page: LN, words: "One hour per project per week or as needed." }, None),
    hrow(Role::PhysicianLeader, Some(2), Some(2), Source { page: LN, words: "Two hours per week." }, Some(PER_PROJECT)),
    hrow(Role::TeamLeader, Some(5), Some(8), Source { page: LN, words: "Two hours per project per week outside of team member requirement." }, Some("Two hours on top of a team member's three to six: five to eight hours.")),
    hrow(Role::QiCoach, Some(8), Some(8), Source { page: LN, words: "One day per week per project." }, Some("One working day is taken as eight hours.")),
    hrow(Role::TeamMember, Some(3), Some(6), Source { page: LN, words: "Three to six hours per week; two-hour training sessions held every third week." }, Some("The two-hour training sessions fall inside the three to six hours; counted per project.")),
    hrow(Role::DataAnalyst, Some(2), Some(2), Source { page: LN, words: "Two hours per project per week (heavier at the beginning of the course)." }, None),
];

/// The hours table of an edition.
pub fn hours_table(edition: Edition) -> &'static [HoursRow; 6] {
    match edition {
        Edition::Impower => &HOURS_IMPOWER,
        Edition::LearningNetwork => &HOURS_LEARNING_NETWORK,
    }
}

/// A role's row in an edition.
pub fn hours(edition: Edition, role: Role) -> &'static HoursRow {
    // Both tables list the roles in `Role::ALL` order; a test proves it.
    &hours_table(edition)[role as usize]
}

/// The most projects a team request may plan.
pub const MAX_PROJECTS: u32 = 100;
/// The most people a team request may list.
pub const MAX_PEOPLE: usize = 500;
/// The most role assignments one person may hold.
pub const MAX_ROLES_PER_PERSON: usize = 200;
/// The most characters in a name.
pub const MAX_NAME_CHARS: usize = 100;
/// The most hours in a week.
pub const MAX_HOURS: f64 = 168.0;

/// Formats hours for a message: `7`, `7.5`, `7.25` (rounded to hundredths).
///
/// Integer arithmetic on purpose: `{}` on an `f64` would pull the standard library's
/// float formatting (about 15 KB of WebAssembly) into every build for three messages.
pub fn format_hours(hours: f64) -> String {
    if !hours.is_finite() {
        return String::from(if hours.is_nan() {
            "NaN"
        } else if hours > 0.0 {
            "infinity"
        } else {
            "-infinity"
        });
    }
    let sign = if hours < 0.0 { "-" } else { "" };
    let a = if hours < 0.0 { -hours } else { hours };
    if a >= 1e17 {
        // Whole hours only (saturating): far beyond any week, and still readable.
        return format!("{sign}{}", a as u64);
    }
    let cents = (a * 100.0 + 0.5) as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// Checks a person's name and returns it trimmed: not empty, at most [`MAX_NAME_CHARS`]
/// characters, no control characters. `field` names it in the error. (Uniqueness is the
/// roster's to check.)
pub fn check_name<'a>(name: &'a str, field: &str) -> Result<&'a str, InputError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(InputError::new(
            ErrorCode::Empty,
            field,
            "the name is empty: give each person a name",
        ));
    }
    let why = if name.chars().count() > MAX_NAME_CHARS {
        format!("the name is too long: use at most {MAX_NAME_CHARS} characters")
    } else if name.chars().any(char::is_control) {
        String::from("the name contains control characters: use plain text")
    } else {
        return Ok(name);
    };
    Err(InputError::new(ErrorCode::OutOfRange, field, why))
}

/// Checks weekly hours: a number from 0 to [`MAX_HOURS`]; `field` names it in the error.
pub fn check_hours(hours: f64, field: &str) -> Result<f64, InputError> {
    if hours.is_finite() && (0.0..=MAX_HOURS).contains(&hours) {
        Ok(hours)
    } else {
        Err(InputError::new(
            ErrorCode::OutOfRange,
            field,
            format!(
                "{} is out of range: give the hours a week from 0 to {}",
                format_hours(hours),
                format_hours(MAX_HOURS)
            ),
        ))
    }
}

/// One role on one project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Assignment {
    /// The role.
    pub role: Role,
    /// The project, 1-based.
    pub project: u32,
}

/// A person on the roster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Person {
    /// Their name, unique on the roster.
    pub name: String,
    /// Hours a week they can give.
    pub hours_per_week: f64,
    /// Holds an MD, DO or equivalent degree.
    pub physician: bool,
    /// Can access data from departmental systems.
    pub data_access: bool,
    /// Quality improvement experience.
    pub qi: Qi,
    /// Their roles.
    pub roles: Vec<Assignment>,
}

/// A checked team request: build with [`TeamRequest::new`].
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRequest {
    edition: Edition,
    projects: u32,
    collaboratives: Vec<Option<Collaborative>>,
    people: Vec<Person>,
}

impl TeamRequest {
    /// Checks the request; each error names its field (`people[2].hours_per_week`).
    pub fn new(
        edition: Edition,
        projects: u64,
        collaboratives: Vec<Option<Collaborative>>,
        people: Vec<Person>,
    ) -> Result<Self, InputError> {
        let projects = count("projects", projects, 1, MAX_PROJECTS)?;
        if collaboratives.len() > projects as usize {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                "collaboratives",
                format!(
                    "{} collaboratives were given for {projects} project{}: give at most one per project",
                    collaboratives.len(),
                    plural(projects)
                ),
            ));
        }
        if people.len() > MAX_PEOPLE {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                "people",
                format!(
                    "{} people is too many: list at most {MAX_PEOPLE}",
                    people.len()
                ),
            ));
        }
        let mut names = BTreeSet::new();
        for (i, p) in people.iter().enumerate() {
            let at = |field: &str| format!("people[{i}].{field}");
            let name = check_name(&p.name, &at("name"))?;
            if !names.insert(name) {
                return Err(InputError::new(
                    ErrorCode::Duplicate,
                    at("name"),
                    format!(
                        "{} is named twice: give each person a different name",
                        crate::error::quote(name)
                    ),
                ));
            }
            check_hours(p.hours_per_week, &at("hours_per_week"))?;
            if p.roles.len() > MAX_ROLES_PER_PERSON {
                return Err(InputError::new(
                    ErrorCode::OutOfRange,
                    at("roles"),
                    format!(
                        "{} roles is too many: give at most {MAX_ROLES_PER_PERSON}",
                        p.roles.len()
                    ),
                ));
            }
            let mut seen = BTreeSet::new();
            for (j, a) in p.roles.iter().enumerate() {
                if a.project == 0 || a.project > projects {
                    return Err(InputError::new(
                        ErrorCode::OutOfRange,
                        format!("people[{i}].roles[{j}].project"),
                        format!(
                            "project {} does not exist: give a project from 1 to {projects}",
                            a.project
                        ),
                    ));
                }
                if !seen.insert(*a) {
                    return Err(InputError::new(
                        ErrorCode::Duplicate,
                        format!("people[{i}].roles[{j}]"),
                        format!(
                            "{} on project {} is listed twice for this person",
                            a.role.title(),
                            a.project
                        ),
                    ));
                }
            }
        }
        let people = people
            .into_iter()
            .map(|p| Person {
                name: String::from(p.name.trim()),
                ..p
            })
            .collect();
        Ok(TeamRequest {
            edition,
            projects,
            collaboratives,
            people,
        })
    }

    /// The hours edition.
    pub fn edition(&self) -> Edition {
        self.edition
    }

    /// How many projects.
    pub fn projects(&self) -> u32 {
        self.projects
    }

    /// The roster.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The collaborative of each project, where chosen.
    pub fn collaboratives(&self) -> &[Option<Collaborative>] {
        &self.collaboratives
    }
}

/// One person's required weekly hours under the edition (T7).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonHours {
    /// Their name.
    pub name: String,
    /// The sum of the minimum hours of their roles.
    pub required_hours_min: u32,
    /// The sum of the maximum hours of their roles.
    pub required_hours_max: u32,
    /// The hours they can give.
    pub hours_per_week: f64,
    /// How many hours short of the minimum they are (0 when covered).
    pub shortfall_hours: f64,
}

/// The team verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamReport {
    /// No error finding.
    pub valid: bool,
    /// The edition used.
    pub edition: Edition,
    /// Every finding, per project then per person.
    pub findings: Vec<Finding>,
    /// Each person's required hours, in roster order (the order of the request's people).
    pub people: Vec<PersonHours>,
}

fn holders(people: &[Person], project: u32, role: Role) -> Vec<&Person> {
    people
        .iter()
        .filter(|p| p.roles.contains(&Assignment { role, project }))
        .collect()
}

fn names(people: &[&Person]) -> String {
    let v: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    v.join(", ")
}

/// The "one of each" roles (T1–T4): none is an error, more than one a warning.
const SINGLE_ROLES: [(Role, RuleId, &str); 4] = [
    (
        Role::Sponsor,
        RuleId::T1,
        "Name a department leader with organizational authority, usually a director or manager.",
    ),
    (
        Role::PhysicianLeader,
        RuleId::T2,
        "Name a physician (MD, DO or equivalent) to lead clinical decision making.",
    ),
    (
        Role::TeamLeader,
        RuleId::T3,
        "Name someone in a leadership position, or with leadership potential, to manage the team.",
    ),
    (
        Role::QiCoach,
        RuleId::T4,
        "Name a quality improvement coach; one coach can serve up to two teams.",
    ),
];

/// Validates the team (T1–T8, with C2 and S3 for coaches and K1 for collaboratives).
pub fn validate(req: &TeamRequest) -> TeamReport {
    let people = req.people();
    let mut findings = Vec::new();
    for project in 1..=req.projects {
        project_findings(req, project, &mut findings);
    }
    let mut hours = Vec::with_capacity(people.len());
    for person in people {
        hours.push(person_findings(req, person, &mut findings));
    }
    TeamReport {
        valid: !has_error(&findings),
        edition: req.edition,
        findings,
        people: hours,
    }
}

fn project_findings(req: &TeamRequest, project: u32, out: &mut Vec<Finding>) {
    let people = req.people();
    let at = |f: Finding| f.in_project(project);
    if let Some(Some(c)) = req.collaboratives.get(project as usize - 1) {
        out.push(at(Finding::info(
            RuleId::K1,
            format!(
                "Project {project} goes through the {} collaborative, led by ACR staff.",
                c.title()
            ),
        )));
    }
    for (role, rule, what) in SINGLE_ROLES {
        let h = holders(people, project, role);
        match h.len() {
            0 => out.push(at(Finding::error(rule, format!("Project {project} has no {}. {what}", role.noun())))),
            1 => {}
            n => out.push(at(Finding::warning(rule, format!("Project {project} has {n} {}s ({}); the pages speak of one. Pick one and give the others another role.", role.noun(), names(&h))))),
        }
    }
    for p in holders(people, project, Role::PhysicianLeader) {
        if !p.physician {
            out.push(at(Finding::error(RuleId::T2, format!("{} leads project {project} as physician leader but is not a physician. The physician leader must hold an MD, DO or equivalent degree.", p.name)).citing(1).for_person(&p.name)));
        }
    }
    for p in holders(people, project, Role::QiCoach) {
        match p.qi {
            Qi::None => out.push(at(Finding::error(RuleId::C2, format!("{} coaches project {project} with neither QI experience nor an interest in learning QI. Choose a coach who has one or the other.", p.name)).for_person(&p.name))),
            Qi::Learning => out.push(at(Finding::warning(RuleId::S3, format!("{} is learning QI: that meets the commitment, but successful teams have a coach with QI experience. Plan support for them.", p.name)).for_person(&p.name))),
            Qi::Experienced => {}
        }
    }
    let members = holders(people, project, Role::TeamMember);
    match members.len() {
        0 => out.push(at(Finding::error(RuleId::T5, format!("Project {project} has no team members. Add two to four front-line staff who work in the process.")))),
        1 => out.push(at(Finding::warning(RuleId::T5, format!("Project {project} has one team member; two to four are ideal. Add at least one more.")))),
        2..=4 => {}
        n => out.push(at(Finding::warning(RuleId::T5, format!("Project {project} has {n} team members; two to four are ideal. Consider a smaller team.")))),
    }
    let leads: Vec<&Person> = holders(people, project, Role::TeamLeader)
        .into_iter()
        .chain(holders(people, project, Role::QiCoach))
        .collect();
    let access = leads.iter().any(|p| p.data_access);
    let analysts = holders(people, project, Role::DataAnalyst);
    match (access, analysts.is_empty()) {
        (false, true) => out.push(at(Finding::error(RuleId::T6, format!("On project {project} neither the team leader nor the QI coach can access departmental data, so a data analyst is needed. Add one, or give the leader or coach data access.")))),
        (false, false) => out.push(at(Finding::info(RuleId::T6, format!("Project {project} needs its data analyst ({}): neither the team leader nor the QI coach can access departmental data.", names(&analysts))))),
        (true, true) => out.push(at(Finding::info(RuleId::T6, format!("Project {project} needs no data analyst: its team leader or QI coach can access departmental data.")))),
        (true, false) => out.push(at(Finding::info(RuleId::T6, format!("Project {project}'s data analyst ({}) is optional: its team leader or QI coach can access departmental data.", names(&analysts))))),
    }
    for p in people {
        let both = p.roles.contains(&Assignment {
            role: Role::QiCoach,
            project,
        }) && p.roles.contains(&Assignment {
            role: Role::TeamLeader,
            project,
        });
        if both {
            out.push(at(Finding::warning(RuleId::T8, format!("{} is both QI coach and team leader of project {project}. The coach partners with the team leader: give these roles to two people.", p.name)).for_person(&p.name)));
        }
    }
}

fn person_findings(req: &TeamRequest, p: &Person, out: &mut Vec<Finding>) -> PersonHours {
    let coached: Vec<u32> = p
        .roles
        .iter()
        .filter(|a| a.role == Role::QiCoach)
        .map(|a| a.project)
        .collect();
    if coached.len() > TEAMS_PER_COACH as usize {
        out.push(Finding::error(RuleId::T4, format!("{} coaches {} project teams; one coach can be assigned up to two. Add another coach.", p.name, coached.len())).for_person(&p.name));
    }
    let mut min = 0u32;
    let mut max = 0u32;
    let mut unstated = BTreeSet::new();
    for a in &p.roles {
        let row = hours(req.edition, a.role);
        match (row.min, row.max) {
            (Some(lo), Some(hi)) => {
                min = min.saturating_add(lo);
                max = max.saturating_add(hi);
            }
            _ => {
                unstated.insert(a.role);
            }
        }
    }
    for role in unstated {
        out.push(
            Finding::info(
                RuleId::T7,
                format!(
                    "The {} states no weekly hours for a {}; plan time as needed.",
                    req.edition.page().title(),
                    role.noun()
                ),
            )
            .for_person(&p.name),
        );
    }
    let shortfall = (f64::from(min) - p.hours_per_week).max(0.0);
    if shortfall > 0.0 {
        out.push(Finding::warning(RuleId::T7, format!("{} can give {} h a week but their roles need at least {min} h (up to {max} h): {} h short. Free up time or share the roles.", p.name, format_hours(p.hours_per_week), format_hours(shortfall))).for_person(&p.name));
    }
    if p.roles.is_empty() {
        out.push(
            Finding::info(RuleId::T7, format!("{} has no role yet.", p.name)).for_person(&p.name),
        );
    }
    PersonHours {
        name: p.name.clone(),
        required_hours_min: min,
        required_hours_max: max,
        hours_per_week: p.hours_per_week,
        shortfall_hours: shortfall,
    }
}

/// Where the two editions differ, role by role: `(role, impower row, learning-network row)`.
pub fn edition_differences() -> Vec<(Role, &'static HoursRow, &'static HoursRow)> {
    Role::ALL
        .into_iter()
        .map(|r| {
            (
                r,
                hours(Edition::Impower, r),
                hours(Edition::LearningNetwork, r),
            )
        })
        .filter(|(_, a, b)| (a.min, a.max) != (b.min, b.max))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::format_hours;

    #[test]
    fn hours_read_as_people_write_them() {
        let cases = [
            (7.0, "7"),
            (7.5, "7.5"),
            (7.25, "7.25"),
            (0.004, "0"),
            (2.999, "3"),
            (-4.0, "-4"),
            (1e12, "1000000000000"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "infinity"),
        ];
        for (h, want) in cases {
            assert_eq!(format_hours(h), want, "{h}");
        }
    }
}
