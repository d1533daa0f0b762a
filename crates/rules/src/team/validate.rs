//! Team validation (T1–T8, with C2 and S3 for coaches and K1 for collaboratives). It
//! never stops at the first problem: it returns every finding, per project and per
//! person, and each person's required weekly hours.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::book::{RuleId, T2_DEGREE};
use crate::finding::{has_error, Finding};
use crate::hours::Hours;
use crate::program::{self, Facts, Team};
use crate::team::roster::{Member, Person, TeamRequest, Unanswered};
use crate::text::{number_word, plural};
use crate::vocab::{Edition, Qi, Role, PHYSICIAN_DEGREE};

/// One person's required weekly hours under the edition (T7).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonHours {
    /// Their name (`null` while not named yet).
    pub name: Option<String>,
    /// The sum of the minimum hours of their roles.
    pub required_hours_min: u32,
    /// The sum of the maximum hours of their roles.
    pub required_hours_max: u32,
    /// The hours they can give (`null` while not answered yet).
    pub hours_per_week: Option<Hours>,
    /// How many hours short of the minimum they are (0 when covered), exact to the
    /// hundredth; `null` while their hours are not answered yet.
    pub shortfall_hours: Option<Hours>,
}

/// The team verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamReport {
    /// No error finding, and everyone named (RULES.md, "Drafts").
    pub valid: bool,
    /// The edition used.
    pub edition: Edition,
    /// Every finding, per project then per person.
    pub findings: Vec<Finding>,
    /// Each person's required hours, in the order of the request's people.
    pub people: Vec<PersonHours>,
    /// What a draft leaves unanswered, as paths in the request (`people[2].name`): empty,
    /// and not written, for a complete request.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unanswered: Vec<Unanswered>,
    /// The rules that decided it (every answer carries it).
    pub rule_book: crate::book::RuleBook,
}

/// Whether the verdict waits for `unanswered`: for a name, yes; for hours, no (T7 is a
/// warning).
fn waits(unanswered: &[Unanswered]) -> bool {
    unanswered.iter().any(|u| matches!(u, Unanswered::Name(_)))
}

impl TeamReport {
    /// Whether the team has its verdict: nobody waits to be named (RULES.md, "Drafts").
    /// `valid` is false while it has not.
    pub fn decided(&self) -> bool {
        !waits(&self.unanswered)
    }

    /// How many people are not named yet.
    pub fn unnamed(&self) -> usize {
        self.people.iter().filter(|p| p.name.is_none()).count()
    }
}

fn names(people: &[Member<'_>]) -> String {
    let v: Vec<&str> = people.iter().map(|p| p.name).collect();
    v.join(", ")
}

/// What to do when a project lacks one of the "one of each" roles (T1–T4).
fn missing_role_advice(role: Role, team: &Team) -> String {
    match role {
        Role::Sponsor => String::from(
            "Name a department leader with organizational authority, usually a director or manager.",
        ),
        Role::PhysicianLeader => format!(
            "Name a physician ({PHYSICIAN_DEGREE}) to lead clinical decision making."
        ),
        Role::TeamLeader => String::from(
            "Name someone in a leadership position, or with leadership potential, to manage the team.",
        ),
        Role::QiCoach => format!(
            "Name a quality improvement coach; one coach can serve up to {} teams.",
            number_word(team.teams_per_coach)
        ),
        // Not "one of each" roles: never asked for here.
        Role::TeamMember | Role::DataAnalyst => String::new(),
    }
}

/// The "one of each" roles (T1–T4): none is an error, more than one a warning.
const SINGLE_ROLES: [(Role, RuleId); 4] = [
    (Role::Sponsor, RuleId::T1),
    (Role::PhysicianLeader, RuleId::T2),
    (Role::TeamLeader, RuleId::T3),
    (Role::QiCoach, RuleId::T4),
];

/// Validates the team (T1–T8, with C2 and S3 for coaches and K1 for collaboratives) with
/// the facts in force on its `as_of` (the latest without it).
pub fn validate(req: &TeamRequest) -> TeamReport {
    validate_under(req, program::in_force(req.as_of()))
}

/// Validates the team with `facts`: team counts, weekly hours and every message from them.
pub fn validate_under(req: &TeamRequest, facts: &Facts) -> TeamReport {
    let mut findings = Vec::new();
    for project in 1..=req.projects() {
        project_findings(req, project, facts, &mut findings);
    }
    let people = req.people();
    let mut hours = Vec::with_capacity(people.len());
    for person in people {
        hours.push(person_findings(req.edition(), person, facts, &mut findings));
    }
    let unanswered = req.unanswered();
    // A roster is judged whole: the verdict waits for everyone to be named. Hours
    // decide only T7, a warning, so the verdict does not wait for them (RULES.md,
    // "Drafts").
    let waiting = waits(&unanswered);
    TeamReport {
        rule_book: crate::book::RuleBook,
        valid: !has_error(&findings) && !waiting,
        edition: req.edition(),
        findings,
        people: hours,
        unanswered,
    }
}

fn project_findings(req: &TeamRequest, project: u32, facts: &Facts, out: &mut Vec<Finding>) {
    let at = |f: Finding| f.in_project(project);
    if let Some(Some(c)) = req.collaboratives().get(project as usize - 1) {
        out.push(at(Finding::info(
            RuleId::K1,
            format!(
                "Project {project} goes through the {} collaborative, led by ACR staff.",
                c.title()
            ),
        )));
    }
    for (role, rule) in SINGLE_ROLES {
        let h = req.holders(project, role);
        match h.len() {
            0 => out.push(at(Finding::error(rule, format!("Project {project} has no {}. {}", role.noun(), missing_role_advice(role, &facts.team))))),
            1 => {}
            n => out.push(at(Finding::warning(rule, format!("Project {project} has {n} {}s ({}); the pages speak of one. Pick one and give the others another role.", role.noun(), names(&h))))),
        }
    }
    for p in req.holders(project, Role::PhysicianLeader) {
        if !p.physician {
            out.push(at(Finding::error(RuleId::T2, format!("{} leads project {project} as physician leader but is not a physician. The physician leader must hold an {PHYSICIAN_DEGREE} degree.", p.name)).citing(T2_DEGREE).for_person(p.name)));
        }
    }
    coach_findings(req, project, out);
    members_findings(req, project, &facts.team, out);
    analyst_findings(req, project, out);
    for p in req.members() {
        if p.holds(Role::QiCoach, project) && p.holds(Role::TeamLeader, project) {
            out.push(at(Finding::warning(RuleId::T8, format!("{} is both QI coach and team leader of project {project}. The coach partners with the team leader: give these roles to two people.", p.name)).for_person(p.name)));
        }
    }
}

/// C2 and S3 for a project's coaches: the commitment is met when *someone* among them
/// has experience or an interest in learning (RULES.md C2); each coach with neither is
/// warned by name.
fn coach_findings(req: &TeamRequest, project: u32, out: &mut Vec<Finding>) {
    let coaches = req.holders(project, Role::QiCoach);
    let qualified: Vec<Member<'_>> = coaches
        .iter()
        .copied()
        .filter(|p| p.qi.meets_c2())
        .collect();
    let unqualified: Vec<Member<'_>> = coaches
        .iter()
        .copied()
        .filter(|p| !p.qi.meets_c2())
        .collect();
    if qualified.is_empty() {
        if !unqualified.is_empty() {
            let f = match unqualified.as_slice() {
                [only] => Finding::error(RuleId::C2, format!("{} coaches project {project} with neither QI experience nor an interest in learning QI. Choose a coach who has one or the other.", only.name)).for_person(only.name),
                _ => Finding::error(RuleId::C2, format!("None of project {project}'s QI coaches ({}) has QI experience or an interest in learning QI. Choose a coach who has one or the other.", names(&unqualified))),
            };
            out.push(f.in_project(project));
        }
    } else {
        for p in &unqualified {
            out.push(Finding::warning(RuleId::C2, format!("{} coaches project {project} with neither QI experience nor an interest in learning QI; {} meets the commitment for this project. Give {} another role, or support them.", p.name, names(&qualified), p.name)).in_project(project).for_person(p.name));
        }
    }
    for p in coaches.iter().filter(|p| p.qi == Qi::Learning) {
        out.push(Finding::warning(RuleId::S3, format!("{} is learning QI: that meets the commitment, but successful teams have a coach with QI experience. Plan support for them.", p.name)).in_project(project).for_person(p.name));
    }
}

/// T5: team members, two to four ideal.
fn members_findings(req: &TeamRequest, project: u32, team: &Team, out: &mut Vec<Finding>) {
    let (lo, hi) = (team.members_min, team.members_max);
    let ideal = format!("{} to {}", number_word(lo), number_word(hi));
    let n = u32::try_from(req.holders(project, Role::TeamMember).len()).unwrap_or(u32::MAX);
    let message = if n == 0 {
        Some(Finding::error(RuleId::T5, format!("Project {project} has no team members. Add {ideal} front-line staff who work in the process.")))
    } else if n < lo {
        Some(Finding::warning(
            RuleId::T5,
            format!(
                "Project {project} has {} team member{}; {ideal} are ideal. Add at least {} more.",
                number_word(n),
                plural(n),
                number_word(lo - n)
            ),
        ))
    } else if n > hi {
        Some(Finding::warning(RuleId::T5, format!("Project {project} has {n} team members; {ideal} are ideal. Consider a smaller team.")))
    } else {
        None
    };
    out.extend(message.map(|f| f.in_project(project)));
}

/// T6: a data analyst who can access the data is needed when neither the team leader
/// nor the QI coach can (RULES.md T6).
fn analyst_findings(req: &TeamRequest, project: u32, out: &mut Vec<Finding>) {
    let access = req
        .holders(project, Role::TeamLeader)
        .into_iter()
        .chain(req.holders(project, Role::QiCoach))
        .any(|p| p.data_access);
    let analysts = req.holders(project, Role::DataAnalyst);
    let able: Vec<Member<'_>> = analysts.iter().copied().filter(|p| p.data_access).collect();
    let f = match (access, analysts.is_empty(), able.is_empty()) {
        (false, true, _) => Finding::error(RuleId::T6, format!("On project {project} neither the team leader nor the QI coach can access departmental data, so a data analyst who can is needed. Add one, or give the leader or coach data access.")),
        (false, false, true) => {
            let f = Finding::error(RuleId::T6, format!("On project {project} neither the team leader nor the QI coach can access departmental data, and the data analyst ({}) cannot either. Give the analyst data access, or add one who has it.", names(&analysts)));
            match analysts.as_slice() {
                [only] => f.for_person(only.name),
                _ => f,
            }
        }
        (false, false, false) => Finding::info(RuleId::T6, format!("Project {project} needs its data analyst ({}): neither the team leader nor the QI coach can access departmental data.", names(&able))),
        (true, true, _) => Finding::info(RuleId::T6, format!("Project {project} needs no data analyst: its team leader or QI coach can access departmental data.")),
        (true, false, _) => Finding::info(RuleId::T6, format!("Project {project}'s data analyst ({}) is optional: its team leader or QI coach can access departmental data.", names(&analysts))),
    };
    out.push(f.in_project(project));
}

fn person_findings(
    edition: Edition,
    p: &Person,
    facts: &Facts,
    out: &mut Vec<Finding>,
) -> PersonHours {
    let team = &facts.team;
    let mut min = 0u32;
    let mut max = 0u32;
    let mut unstated = Vec::new();
    for a in &p.roles {
        let row = facts.hours_table(edition).get(a.role);
        match (row.min, row.max) {
            (Some(lo), Some(hi)) => {
                min = min.saturating_add(lo);
                max = max.saturating_add(hi);
            }
            _ => {
                super::insert_sorted(&mut unstated, a.role);
            }
        }
    }
    // Their hours are computed either way; findings are for people on the roster, and
    // T7's shortfall for those whose hours are answered (RULES.md, "Drafts").
    let shortfall = p
        .hours_per_week
        .map(|h| Hours::whole(min).saturating_sub(h));
    if let Some(name) = p.name.as_deref() {
        let coached = p.roles.iter().filter(|a| a.role == Role::QiCoach).count();
        if coached > team.teams_per_coach as usize {
            out.push(Finding::error(RuleId::T4, format!("{name} coaches {coached} project teams; one coach can be assigned up to {}. Add another coach.", number_word(team.teams_per_coach))).for_person(name));
        }
        for role in unstated {
            out.push(
                Finding::info(
                    RuleId::T7,
                    format!(
                        "The {} states no weekly hours for a {}; plan time as needed.",
                        edition.page().title(),
                        role.noun()
                    ),
                )
                .for_person(name),
            );
        }
        if let (Some(have), Some(short)) = (p.hours_per_week, shortfall) {
            if short > Hours::ZERO {
                out.push(Finding::warning(RuleId::T7, format!("{name} can give {have} h a week but their roles need at least {min} h (up to {max} h): {short} h short. Free up time or share the roles.")).for_person(name));
            }
        }
        if p.roles.is_empty() {
            out.push(
                Finding::info(RuleId::T7, format!("{name} has no role yet.")).for_person(name),
            );
        }
    }
    PersonHours {
        name: p.name.clone(),
        required_hours_min: min,
        required_hours_max: max,
        hours_per_week: p.hours_per_week,
        shortfall_hours: shortfall,
    }
}
