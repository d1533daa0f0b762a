//! Readiness (C1–C3, S1–S7, A1, A3): the three critical commitments and the seven
//! key success factors.
//!
//! An organization meets the commitments only when all three hold; each unmet one is an
//! error finding that says what to do. The success factors are advisory: `k of 7`, with
//! a warning per missing factor saying what it risks.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::book::{RuleId, Source};
use crate::finding::Finding;

/// Quality improvement experience of a person, or of the coach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qi {
    /// Has quality improvement experience.
    Experienced,
    /// Has an interest in learning quality improvement.
    Learning,
    /// Neither.
    #[default]
    None,
}

impl Qi {
    /// All three.
    pub const ALL: [Qi; 3] = [Qi::Experienced, Qi::Learning, Qi::None];

    /// The contract's name.
    pub const fn key(self) -> &'static str {
        match self {
            Qi::Experienced => "experienced",
            Qi::Learning => "learning",
            Qi::None => "none",
        }
    }

    /// Parses the contract's name.
    pub fn parse(s: &str) -> Option<Qi> {
        Qi::ALL.into_iter().find(|q| q.key() == s)
    }
}

/// The seven success factors (S1–S7), in order.
pub const SUCCESS_FACTORS: [RuleId; 7] = [
    RuleId::S1,
    RuleId::S2,
    RuleId::S3,
    RuleId::S4,
    RuleId::S5,
    RuleId::S6,
    RuleId::S7,
];

/// What missing each success factor risks, in [`SUCCESS_FACTORS`] order.
const RISKS: [&str; 7] = [
    "Without leaders who support change and will manage it, improvements stall when they meet resistance.",
    "Without engaged front-line staff and leaders, project work falls to a few people and the changes do not stick.",
    "Without a coach experienced in quality improvement, the team learns the tools more slowly; plan extra support for the coach.",
    "Without a sponsor who gives time and resources, staff cannot protect the hours the project needs.",
    "Without weekly data and manual audits or report reviews, the team cannot show or steer its progress.",
    "Without six months of commitment and the people described, teams drop out before graduation.",
    "Without the wish to learn with peers, the team misses the collaborative's main benefit.",
];

/// The answers to the readiness questions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadinessInput {
    /// An organizational sponsor is named.
    pub sponsor: bool,
    /// A clinical (physician) leader is named.
    pub clinical_leader: bool,
    /// The QI coach's experience.
    pub coach: Qi,
    /// Manual audits can be performed.
    pub can_audit: bool,
    /// Data can be reported throughout the program.
    pub can_report_data: bool,
    /// S1–S7 as answered; S3 is derived from `coach` (see [`RuleId::S3`]).
    pub success_factors: [bool; 7],
}

/// A verdict on one commitment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Commitment {
    /// C1, C2 or C3.
    pub id: RuleId,
    /// Whether it is met.
    pub met: bool,
    /// What it takes, or what to do when unmet.
    pub message: String,
    /// The words it rests on.
    pub source: Source,
    /// Our reading, where the commitment rests on one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'static str>,
}

/// A success factor that is not met.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingFactor {
    /// S1–S7.
    pub id: RuleId,
    /// What missing it risks.
    pub risk: &'static str,
}

/// The `k of 7` score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorScore {
    /// How many are met.
    pub met: u32,
    /// Always 7.
    pub of: u32,
    /// The unmet ones, with what each risks.
    pub missing: Vec<MissingFactor>,
}

/// One step before applying (A1).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// The rule it comes from.
    pub rule: RuleId,
    /// What to do.
    pub text: &'static str,
}

/// The readiness verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReadinessReport {
    /// All three commitments are met.
    pub ready: bool,
    /// C1, C2, C3.
    pub commitments: Vec<Commitment>,
    /// S1–S7.
    pub success_factors: FactorScore,
    /// What to do before applying (A1).
    pub next_steps: Vec<Step>,
    /// Every finding: an error per unmet commitment, a warning per missing factor.
    pub findings: Vec<Finding>,
}

/// Assesses readiness.
pub fn assess(input: &ReadinessInput) -> ReadinessReport {
    let c1 = input.sponsor && input.clinical_leader;
    let c1_msg = match (input.sponsor, input.clinical_leader) {
        (true, true) => String::from("An organizational sponsor and a clinical leader are named."),
        (false, true) => String::from("Name an organizational sponsor who will provide resources, support change and protect staff time."),
        (true, false) => String::from("Name a clinical leader (the project's physician leader) who will lead clinical decision making."),
        (false, false) => String::from("Name an organizational sponsor and a clinical leader (the project's physician leader) who will provide resources, support change and protect staff time."),
    };
    let c2 = input.coach != Qi::None;
    let c2_msg = match input.coach {
        Qi::Experienced => String::from("A QI coach with quality improvement experience is named."),
        Qi::Learning => String::from("A QI coach interested in learning quality improvement is named; ImPower trains coaches in five sessions."),
        Qi::None => String::from("Name a QI coach with quality improvement experience, or with an interest in learning it."),
    };
    let c3 = input.can_audit && input.can_report_data;
    let c3_msg = match (input.can_audit, input.can_report_data) {
        (true, true) => String::from("You can perform manual audits and report data throughout ImPower."),
        (false, true) => String::from("Arrange the capability to perform manual audits (for example image audits or report reviews)."),
        (true, false) => String::from("Arrange the capability to report data throughout ImPower, ideally weekly."),
        (false, false) => String::from("Arrange the capability to perform manual audits and to report data throughout ImPower."),
    };
    let commitments: Vec<Commitment> = [
        (RuleId::C1, c1, c1_msg),
        (RuleId::C2, c2, c2_msg),
        (RuleId::C3, c3, c3_msg),
    ]
    .into_iter()
    .map(|(id, met, message)| Commitment {
        id,
        met,
        message,
        source: id.source(),
        interpretation: id.def().interpretation,
    })
    .collect();
    let mut findings: Vec<Finding> = commitments
        .iter()
        .filter(|c| !c.met)
        .map(|c| Finding::error(c.id, c.message.clone()))
        .collect();

    let mut factors = input.success_factors;
    factors[2] = input.coach == Qi::Experienced;
    let mut missing = Vec::new();
    for (i, id) in SUCCESS_FACTORS.into_iter().enumerate() {
        if !factors[i] {
            missing.push(MissingFactor { id, risk: RISKS[i] });
            findings.push(Finding::warning(id, RISKS[i]));
        }
    }
    let met = u32::try_from(factors.iter().filter(|f| **f).count()).unwrap_or(0);
    let ready = c1 && c2 && c3;
    if ready {
        findings.push(Finding::info(RuleId::A3, format!("You meet the three commitments ({met} of 7 success factors). Taking part in ImPower is how an organization prepares to join the Learning Network.")));
    }
    let next_steps = crate::book::APPLICATION_CHECKLIST
        .into_iter()
        .map(|text| Step {
            rule: RuleId::A1,
            text,
        })
        .collect();
    ReadinessReport {
        ready,
        commitments,
        success_factors: FactorScore {
            met,
            of: 7,
            missing,
        },
        next_steps,
        findings,
    }
}

/// C1 and C2 as a roster answers them (derived, not asked twice): a sponsor and a
/// physician leader on every project, and the least experienced coach.
pub fn from_team(team: &crate::team::TeamRequest) -> (bool, bool, Qi) {
    use crate::team::{Assignment, Role};
    let people = team.people();
    let has = |role: Role, project: u32| {
        people
            .iter()
            .any(|p| p.roles.contains(&Assignment { role, project }))
    };
    let all = |role: Role| (1..=team.projects()).all(|n| has(role, n));
    let coaches: Vec<Qi> = people
        .iter()
        .filter(|p| p.roles.iter().any(|a| a.role == Role::QiCoach))
        .map(|p| p.qi)
        .collect();
    let coach = if coaches.is_empty() || !all(Role::QiCoach) || coaches.contains(&Qi::None) {
        Qi::None
    } else if coaches.contains(&Qi::Learning) {
        Qi::Learning
    } else {
        Qi::Experienced
    };
    (all(Role::Sponsor), all(Role::PhysicianLeader), coach)
}
