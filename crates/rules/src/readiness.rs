//! Readiness (C1–C3, S1–S7, A1, A3): the three critical commitments and the seven
//! key success factors.
//!
//! An organization meets the commitments only when all three hold; each unmet one is an
//! error finding that says what to do. The success factors are advisory: `k of 7`, with
//! a warning per missing factor saying what it risks.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::book::{RuleId, Source};
use crate::finding::Finding;

pub use crate::vocab::Qi;

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

/// One key success factor: how the app asks it and what missing it risks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Factor {
    /// S1–S7.
    pub id: RuleId,
    /// The question, as a statement to tick.
    pub question: &'static str,
    /// What missing it risks.
    pub risk: &'static str,
    /// Derived from another answer rather than asked (S3, from the coach answer).
    pub derived: bool,
}

/// The seven success factors, in [`SUCCESS_FACTORS`] order.
pub const FACTORS: [Factor; 7] = [
    Factor { id: RuleId::S1, derived: false,
        question: "Department leaders support change and are willing to manage it.",
        risk: "Without leaders who support change and will manage it, improvements stall when they meet resistance." },
    Factor { id: RuleId::S2, derived: false,
        question: "Engaged front-line staff and leaders will take part and do project work.",
        risk: "Without engaged front-line staff and leaders, project work falls to a few people and the changes do not stick." },
    Factor { id: RuleId::S3, derived: true,
        question: "The improvement coach has quality improvement experience (from the coach question).",
        risk: "Without a coach experienced in quality improvement, the team learns the tools more slowly; plan extra support for the coach." },
    Factor { id: RuleId::S4, derived: false,
        question: "An organizational sponsor will provide time and resources for the project.",
        risk: "Without a sponsor who gives time and resources, staff cannot protect the hours the project needs." },
    Factor { id: RuleId::S5, derived: false,
        question: "You can track and report progress data weekly, and do manual image audits or report reviews.",
        risk: "Without weekly data and manual audits or report reviews, the team cannot show or steer its progress." },
    Factor { id: RuleId::S6, derived: false,
        question: "You can commit to the whole training program and to the people it needs.",
        risk: "Without a commitment for the whole program and the people described, teams drop out before graduation." },
    Factor { id: RuleId::S7, derived: false,
        question: "You want to join a community committed to improving and collaborating.",
        risk: "Without the wish to learn with peers, the team misses the collaborative's main benefit." },
];

/// The index of S3 in [`SUCCESS_FACTORS`]: derived from the coach answer, never asked.
pub const S3_INDEX: usize = 2;

/// Whether a success factor is met, given the answers: S3 follows the coach answer
/// (a coach only learning QI meets C2, not S3); the others are as answered.
pub fn factor_met(index: usize, coach: Qi, answered: &[bool; 7]) -> bool {
    if index == S3_INDEX {
        coach.meets_s3()
    } else {
        answered.get(index).copied().unwrap_or(false)
    }
}

/// The readiness questions the app asks for C1 and C3, and the coach question for C2.
pub mod questions {
    /// C1: the sponsor.
    pub const SPONSOR: &str = "We have named an organizational sponsor who will provide resources, support change and protect staff time.";
    /// C1: the clinical leader.
    pub const CLINICAL_LEADER: &str = "We have named a clinical leader (the physician leader).";
    /// C2: the coach.
    pub const COACH: &str = "Our QI coach…";
    /// C3: audits.
    pub const CAN_AUDIT: &str = "We can perform manual audits.";
    /// C3: data.
    pub const CAN_REPORT_DATA: &str = "We can report data throughout ImPower.";
}

/// The verdict's name: "the three critical commitments", counted from C1–C3.
pub fn commitments_name() -> String {
    format!(
        "the {} critical commitments",
        crate::text::number_word(COMMITMENTS.len() as u32)
    )
}

/// The three critical commitments, in order.
pub const COMMITMENTS: [RuleId; 3] = [RuleId::C1, RuleId::C2, RuleId::C3];

/// What a commitment is about, as a heading ("Sponsor and clinical leader").
pub fn commitment_topic(id: RuleId) -> &'static str {
    match id {
        RuleId::C1 => "Sponsor and clinical leader",
        RuleId::C2 => "Quality improvement coach",
        RuleId::C3 => "Audits and data",
        _ => "",
    }
}

/// Said when C1 and C2 are answered from the team roster.
pub const FROM_ROSTER: &str = "C1 and C2 are answered from the team roster: a sponsor and a physician leader on every project, and on every project a QI coach with QI experience or an interest in learning it.";

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
    pub message: &'static str,
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
    pub text: Cow<'static, str>,
}

/// What to do before applying (A1), in order; the fees as the fee table states them.
pub fn application_checklist() -> Vec<Cow<'static, str>> {
    let f = crate::program::FEES;
    alloc::vec![
        Cow::Borrowed("Discuss the three critical commitments with key decision makers (Learning Network page, \u{201c}Prepare to Apply\u{201d})."),
        Cow::Borrowed("Download the application from the same section and review your responses with organizational leadership before you submit them."),
        Cow::Owned(format!(
            "Know the fees: {} a project, every {} project {}.",
            f.project,
            crate::text::ordinal_word(f.discount_every),
            f.discounted
        )),
        Cow::Borrowed("Complete and submit the application online with \u{201c}Apply now\u{201d} (Learning Network page, \u{201c}Join the Next Cohort\u{201d}); a member of the Learning Network team will reach out with next steps. Questions at any point: \u{201c}Request support\u{201d} under \u{201c}Link Up With the Learning Network\u{201d}, on either page."),
    ]
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
    /// The rules that decided it (every answer carries it).
    pub rule_book: crate::book::RuleBook,
}

/// Assesses readiness.
pub fn assess(input: &ReadinessInput) -> ReadinessReport {
    let c1 = input.sponsor && input.clinical_leader;
    let c1_msg = match (input.sponsor, input.clinical_leader) {
        (true, true) => "An organizational sponsor and a clinical leader are named.",
        (false, true) => "Name an organizational sponsor who will provide resources, support change and protect staff time.",
        (true, false) => "Name a clinical leader (the project's physician leader) who will lead clinical decision making.",
        (false, false) => "Name an organizational sponsor and a clinical leader (the project's physician leader) who will provide resources, support change and protect staff time.",
    };
    let c2 = input.coach != Qi::None;
    let c2_msg = match input.coach {
        Qi::Experienced => "A QI coach with quality improvement experience is named.",
        Qi::Learning => "A QI coach interested in learning quality improvement is named; ImPower trains coaches in five sessions.",
        Qi::None => "Name a QI coach with quality improvement experience, or with an interest in learning it.",
    };
    let c3 = input.can_audit && input.can_report_data;
    let c3_msg = match (input.can_audit, input.can_report_data) {
        (true, true) => "You can perform manual audits and report data throughout ImPower.",
        (false, true) => "Arrange the capability to perform manual audits (for example image audits or report reviews).",
        (true, false) => "Arrange the capability to report data throughout ImPower, ideally weekly.",
        (false, false) => "Arrange the capability to perform manual audits and to report data throughout ImPower.",
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
        interpretation: id.interpretation(),
    })
    .collect();
    let mut findings: Vec<Finding> = commitments
        .iter()
        .filter(|c| !c.met)
        .map(|c| Finding::error(c.id, c.message))
        .collect();

    let mut met = 0u32;
    let mut missing = Vec::new();
    for (i, factor) in FACTORS.iter().enumerate() {
        if factor_met(i, input.coach, &input.success_factors) {
            met += 1;
        } else {
            missing.push(MissingFactor {
                id: factor.id,
                risk: factor.risk,
            });
            findings.push(Finding::warning(factor.id, factor.risk));
        }
    }
    let ready = c1 && c2 && c3;
    if ready {
        findings.push(Finding::info(RuleId::A3, format!("You meet the three commitments ({met} of {} success factors). Taking part in ImPower is how an organization prepares to join the Learning Network.", FACTORS.len())));
    }
    let next_steps = application_checklist()
        .into_iter()
        .map(|text| Step {
            rule: RuleId::A1,
            text,
        })
        .collect();
    ReadinessReport {
        rule_book: crate::book::RuleBook,
        ready,
        commitments,
        success_factors: FactorScore {
            met,
            of: FACTORS.len() as u32,
            missing,
        },
        next_steps,
        findings,
    }
}

/// C1 and C2 as a roster answers them (derived, not asked twice): a sponsor and a
/// physician leader on every project; for the coach, on every project the best of its
/// coaches ("someone", RULES.md C2), and over the projects the weakest of those.
pub fn from_team(team: &crate::team::TeamRequest) -> (bool, bool, Qi) {
    use crate::team::Role;
    let projects = 1..=team.projects();
    let all = |role: Role| projects.clone().all(|n| !team.holders(n, role).is_empty());
    // `Qi` orders Experienced < Learning < None: the best coach is the least.
    let coach = projects
        .clone()
        .map(|n| {
            team.holders(n, Role::QiCoach)
                .iter()
                .map(|p| p.qi)
                .min()
                .unwrap_or(Qi::None)
        })
        .max()
        .unwrap_or(Qi::None);
    (all(Role::Sponsor), all(Role::PhysicianLeader), coach)
}
