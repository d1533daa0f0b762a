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
use crate::wire::wire_enum;

pub use crate::vocab::Qi;

wire_enum! {
    /// A key success factor (S1–S7); its code is its number, as a link saves it.
    pub enum SuccessFactor {
        /// S1.
        S1 = "S1" / 1,
        /// S2.
        S2 = "S2" / 2,
        /// S3: derived from the coach answer, never asked.
        S3 = "S3" / 3,
        /// S4.
        S4 = "S4" / 4,
        /// S5.
        S5 = "S5" / 5,
        /// S6.
        S6 = "S6" / 6,
        /// S7.
        S7 = "S7" / 7,
    }
}

impl SuccessFactor {
    /// Its rule.
    pub const fn rule(self) -> RuleId {
        match self {
            SuccessFactor::S1 => RuleId::S1,
            SuccessFactor::S2 => RuleId::S2,
            SuccessFactor::S3 => RuleId::S3,
            SuccessFactor::S4 => RuleId::S4,
            SuccessFactor::S5 => RuleId::S5,
            SuccessFactor::S6 => RuleId::S6,
            SuccessFactor::S7 => RuleId::S7,
        }
    }

    /// Derived from another answer rather than asked (S3, from the coach answer).
    pub const fn derived(self) -> bool {
        match self {
            SuccessFactor::S3 => true,
            SuccessFactor::S1
            | SuccessFactor::S2
            | SuccessFactor::S4
            | SuccessFactor::S5
            | SuccessFactor::S6
            | SuccessFactor::S7 => false,
        }
    }

    /// The question, as a statement to tick.
    pub const fn question(self) -> &'static str {
        match self {
            SuccessFactor::S1 => "Department leaders support change and are willing to manage it.",
            SuccessFactor::S2 => "Engaged front-line staff and leaders will take part and do project work.",
            SuccessFactor::S3 => "The improvement coach has quality improvement experience (from the coach question).",
            SuccessFactor::S4 => "An organizational sponsor will provide time and resources for the project.",
            SuccessFactor::S5 => "You can track and report progress data weekly, and do manual image audits or report reviews.",
            SuccessFactor::S6 => "You can commit to the whole training program and to the people it needs.",
            SuccessFactor::S7 => "You want to join a community committed to improving and collaborating.",
        }
    }

    /// What missing it risks.
    pub const fn risk(self) -> &'static str {
        match self {
            SuccessFactor::S1 => "Without leaders who support change and will manage it, improvements stall when they meet resistance.",
            SuccessFactor::S2 => "Without engaged front-line staff and leaders, project work falls to a few people and the changes do not stick.",
            SuccessFactor::S3 => "Without a coach experienced in quality improvement, the team learns the tools more slowly; plan extra support for the coach.",
            SuccessFactor::S4 => "Without a sponsor who gives time and resources, staff cannot protect the hours the project needs.",
            SuccessFactor::S5 => "Without weekly data and manual audits or report reviews, the team cannot show or steer its progress.",
            SuccessFactor::S6 => "Without a commitment for the whole program and the people described, teams drop out before graduation.",
            SuccessFactor::S7 => "Without the wish to learn with peers, the team misses the collaborative's main benefit.",
        }
    }
}

/// One value per success factor, read by an exhaustive match: a new factor fails to
/// compile until every table gives it a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerFactor<T> {
    /// S1.
    pub s1: T,
    /// S2.
    pub s2: T,
    /// S3.
    pub s3: T,
    /// S4.
    pub s4: T,
    /// S5.
    pub s5: T,
    /// S6.
    pub s6: T,
    /// S7.
    pub s7: T,
}

impl<T> PerFactor<T> {
    /// The value for `f`.
    #[inline(never)]
    pub const fn get(&self, f: SuccessFactor) -> &T {
        match f {
            SuccessFactor::S1 => &self.s1,
            SuccessFactor::S2 => &self.s2,
            SuccessFactor::S3 => &self.s3,
            SuccessFactor::S4 => &self.s4,
            SuccessFactor::S5 => &self.s5,
            SuccessFactor::S6 => &self.s6,
            SuccessFactor::S7 => &self.s7,
        }
    }

    /// The value for `f`, to change.
    #[inline(never)]
    pub fn get_mut(&mut self, f: SuccessFactor) -> &mut T {
        match f {
            SuccessFactor::S1 => &mut self.s1,
            SuccessFactor::S2 => &mut self.s2,
            SuccessFactor::S3 => &mut self.s3,
            SuccessFactor::S4 => &mut self.s4,
            SuccessFactor::S5 => &mut self.s5,
            SuccessFactor::S6 => &mut self.s6,
            SuccessFactor::S7 => &mut self.s7,
        }
    }

    /// A table with `f(factor)` for each factor.
    pub fn from_fn(mut f: impl FnMut(SuccessFactor) -> T) -> Self {
        PerFactor {
            s1: f(SuccessFactor::S1),
            s2: f(SuccessFactor::S2),
            s3: f(SuccessFactor::S3),
            s4: f(SuccessFactor::S4),
            s5: f(SuccessFactor::S5),
            s6: f(SuccessFactor::S6),
            s7: f(SuccessFactor::S7),
        }
    }

    /// Every factor with its value, in S1–S7 order.
    pub fn iter(&self) -> impl Iterator<Item = (SuccessFactor, &T)> {
        SuccessFactor::ALL.iter().map(move |&f| (f, self.get(f)))
    }
}

/// Whether a success factor is met, given the answers: S3 follows the coach answer
/// (a coach only learning QI meets C2, not S3); the others are as answered.
pub fn factor_met(f: SuccessFactor, coach: Qi, answered: &PerFactor<bool>) -> bool {
    match f {
        SuccessFactor::S3 => coach.meets_s3(),
        SuccessFactor::S1
        | SuccessFactor::S2
        | SuccessFactor::S4
        | SuccessFactor::S5
        | SuccessFactor::S6
        | SuccessFactor::S7 => *answered.get(f),
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
        crate::text::number_word(CriticalCommitment::ALL.len() as u32)
    )
}

wire_enum! {
    /// One of the three critical commitments (C1–C3): every table and decision about
    /// them matches on it, so a new one fails to compile until each decides for it.
    pub enum CriticalCommitment {
        /// C1: a sponsor and a clinical leader.
        C1 = "C1" / 1,
        /// C2: a QI coach.
        C2 = "C2" / 2,
        /// C3: audits and data.
        C3 = "C3" / 3,
    }
}

impl CriticalCommitment {
    /// Its rule.
    pub const fn rule(self) -> RuleId {
        match self {
            CriticalCommitment::C1 => RuleId::C1,
            CriticalCommitment::C2 => RuleId::C2,
            CriticalCommitment::C3 => RuleId::C3,
        }
    }

    /// What it is about, as a heading ("Sponsor and clinical leader").
    pub const fn topic(self) -> &'static str {
        match self {
            CriticalCommitment::C1 => "Sponsor and clinical leader",
            CriticalCommitment::C2 => "Quality improvement coach",
            CriticalCommitment::C3 => "Audits and data",
        }
    }

    /// The commitment a rule is, if it is one.
    pub fn of(rule: RuleId) -> Option<CriticalCommitment> {
        CriticalCommitment::ALL
            .iter()
            .copied()
            .find(|c| c.rule() == rule)
    }
}

/// What a commitment is about, by its rule ("" for a rule that is not one).
pub fn commitment_topic(id: RuleId) -> &'static str {
    CriticalCommitment::of(id).map_or("", CriticalCommitment::topic)
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
    pub success_factors: PerFactor<bool>,
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

/// C1's message for the answers.
fn c1_message(input: &ReadinessInput) -> &'static str {
    match (input.sponsor, input.clinical_leader) {
        (true, true) => "An organizational sponsor and a clinical leader are named.",
        (false, true) => "Name an organizational sponsor who will provide resources, support change and protect staff time.",
        (true, false) => "Name a clinical leader (the project's physician leader) who will lead clinical decision making.",
        (false, false) => "Name an organizational sponsor and a clinical leader (the project's physician leader) who will provide resources, support change and protect staff time.",
    }
}

/// C2's message for the coach.
fn c2_message(coach: Qi) -> &'static str {
    match coach {
        Qi::Experienced => "A QI coach with quality improvement experience is named.",
        Qi::Learning => "A QI coach interested in learning quality improvement is named; ImPower trains coaches in five sessions.",
        Qi::None => "Name a QI coach with quality improvement experience, or with an interest in learning it.",
    }
}

/// C3's message for the answers.
fn c3_message(input: &ReadinessInput) -> &'static str {
    match (input.can_audit, input.can_report_data) {
        (true, true) => "You can perform manual audits and report data throughout ImPower.",
        (false, true) => "Arrange the capability to perform manual audits (for example image audits or report reviews).",
        (true, false) => "Arrange the capability to report data throughout ImPower, ideally weekly.",
        (false, false) => "Arrange the capability to perform manual audits and to report data throughout ImPower.",
    }
}

/// Assesses readiness.
pub fn assess(input: &ReadinessInput) -> ReadinessReport {
    // Each commitment decided by name: a new one fails to compile here.
    let decide = |c: CriticalCommitment| -> (bool, &'static str) {
        match c {
            CriticalCommitment::C1 => (input.sponsor && input.clinical_leader, c1_message(input)),
            CriticalCommitment::C2 => (input.coach != Qi::None, c2_message(input.coach)),
            CriticalCommitment::C3 => (input.can_audit && input.can_report_data, c3_message(input)),
        }
    };
    let commitments: Vec<Commitment> = CriticalCommitment::ALL
        .iter()
        .map(|&c| {
            let (met, message) = decide(c);
            let id = c.rule();
            Commitment {
                id,
                met,
                message,
                source: id.source(),
                interpretation: id.interpretation(),
            }
        })
        .collect();
    let mut findings: Vec<Finding> = commitments
        .iter()
        .filter(|c| !c.met)
        .map(|c| Finding::error(c.id, c.message))
        .collect();

    let mut met = 0u32;
    let mut missing = Vec::new();
    for &f in SuccessFactor::ALL {
        if factor_met(f, input.coach, &input.success_factors) {
            met += 1;
        } else {
            missing.push(MissingFactor {
                id: f.rule(),
                risk: f.risk(),
            });
            findings.push(Finding::warning(f.rule(), f.risk()));
        }
    }
    let ready = commitments.iter().all(|c| c.met);
    if ready {
        findings.push(Finding::info(RuleId::A3, format!("You meet the three commitments ({met} of {} success factors). Taking part in ImPower is how an organization prepares to join the Learning Network.", SuccessFactor::ALL.len())));
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
            of: SuccessFactor::ALL.len() as u32,
            missing,
        },
        next_steps,
        findings,
    }
}

/// C1 and C2 as a roster answers them, once it can: while someone on it is not named
/// yet (RULES.md, "Drafts"), the roster answers nothing and the request's own answers
/// decide.
pub fn from_roster(team: &crate::team::TeamRequest) -> Option<(bool, bool, Qi)> {
    if team.people().iter().any(|p| p.name.is_none()) {
        return None;
    }
    Some(from_team(team))
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
