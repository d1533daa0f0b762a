//! Every number the program's pages state, defined once, one table per family, each
//! field naming the rule (see [`crate::book::RULES`] for the words it rests on).
//!
//! **To change a fee, a period, a count or a credit value, change it here.** Every
//! evaluation, message, default and view is built from these values; nothing else in
//! the crate, the app or the widget restates them (a test greps the app for them).

use chrono::NaiveDate;
use serde::Serialize;

use alloc::borrow::Cow;
use alloc::format;

use crate::book::{Page, RuleId, Source};
use crate::money::Usd;
use crate::vocab::{PerRole, Role};

/// Fees (F1–F4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fees {
    /// What one project costs (F1).
    pub project: Usd,
    /// What every discounted project costs (F2).
    pub discounted: Usd,
    /// Every `discount_every`th project of the organization is discounted (F2, F3).
    pub discount_every: u32,
}

/// The fee table: $6,000 a project, every third $3,000.
pub const FEES: Fees = Fees {
    project: Usd(6_000),
    discounted: Usd(3_000),
    discount_every: 3,
};

/// The project team (T4, T5, F4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Team {
    /// A QI coach serves at most this many project teams (T4, F4).
    pub teams_per_coach: u32,
    /// Fewest team members that are ideal (T5).
    pub members_min: u32,
    /// Most team members that are ideal (T5).
    pub members_max: u32,
}

/// The team table: a coach for up to two teams, two to four members.
pub const TEAM: Team = Team {
    teams_per_coach: 2,
    members_min: 2,
    members_max: 4,
};

/// The cohort calendar (P1–P5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// The months cohorts begin in (P1).
    pub cohort_months: [u32; 2],
    /// Months of the leaders' preparation phase before the cohort month (P2).
    pub preparation_months: u32,
    /// Months the whole team takes part (P3).
    pub team_months: u32,
    /// Months the physician leader, team leader and QI coach take part (P3).
    pub leader_months: u32,
    /// Learning sessions team members attend (P4).
    pub learning_sessions: u32,
    /// Hours of each learning session (P4).
    pub session_hours: u32,
    /// Training sessions QI coaches attend (P5).
    pub coach_trainings: u32,
}

/// The calendar table: March and September; two months' preparation; six and eight
/// months; ten two-hour sessions; five coach trainings.
pub const CALENDAR: Calendar = Calendar {
    cohort_months: [3, 9],
    preparation_months: 2,
    team_months: 6,
    leader_months: 8,
    learning_sessions: 10,
    session_hours: 2,
    coach_trainings: 5,
};

/// Continuing-education credit (CR1, CR7, CR9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credits {
    /// Credits for Stage A, Baseline data review (CR1).
    pub stage_a: u32,
    /// Credits for Stage B, Educational intervention (CR1).
    pub stage_b: u32,
    /// Credits for Stage C, Post-intervention data review (CR1).
    pub stage_c: u32,
    /// The most credits per project (CR1).
    pub max_per_project: u32,
    /// Months after graduation to complete evaluations and claims (CR7).
    pub claim_months: u32,
    /// The accredited activity the page lists, start and end, `YYYY-MM-DD` (CR9).
    pub listed_activity: (&'static str, &'static str),
}

/// The credit table: A 5, B 5, C 10, at most 20; claims within three months.
pub const CREDITS: Credits = Credits {
    stage_a: 5,
    stage_b: 5,
    stage_c: 10,
    max_per_project: 20,
    claim_months: 3,
    listed_activity: ("2024-07-23", "2025-02-18"),
};

/// One set of the program's facts, in force from a day on (RULES.md, "Dated facts").
///
/// **A fact that changes gets a new entry in [`FACTS`], never an edit of an old one**:
/// requests whose `as_of` falls before the new entry keep their answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Facts {
    /// The first day these facts decide.
    pub from: NaiveDate,
    /// Where they were read.
    pub read_from: &'static str,
    /// Fees (F1–F4).
    pub fees: Fees,
    /// The project team (T4, T5, F4).
    pub team: Team,
    /// The cohort calendar (P1–P5).
    pub calendar: Calendar,
    /// Credit (CR1, CR7, CR9).
    pub credits: Credits,
    /// Weekly hours as the ImPower program page states them (T7).
    pub hours_impower: &'static PerRole<HoursRow>,
    /// Weekly hours as the Learning Network page states them (T7).
    pub hours_learning_network: &'static PerRole<HoursRow>,
}

impl Facts {
    /// The weekly-hours table of `edition` (T7).
    pub const fn hours_table(&self, edition: crate::vocab::Edition) -> &'static PerRole<HoursRow> {
        match edition {
            crate::vocab::Edition::Impower => self.hours_impower,
            crate::vocab::Edition::LearningNetwork => self.hours_learning_network,
        }
    }
}

/// A day written in the source, made at compile time; a date that does not exist gives
/// `NaiveDate::MIN`, which a test refuses for every set in [`FACTS`].
pub const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// The facts of the pages as read in November 2026: [`FEES`], [`TEAM`], [`CALENDAR`],
/// [`CREDITS`]. In force from the first day of the one accredited activity the pages
/// list (CR9, 2024-07-23); no earlier facts are known, so earlier dates read these too.
pub const FACTS_2024: Facts = Facts {
    from: day(2024, 7, 23),
    read_from:
        "the ACR ImPower program page and the ACR Learning Network page, as read in November 2026",
    fees: FEES,
    team: TEAM,
    calendar: CALENDAR,
    credits: CREDITS,
    hours_impower: &HOURS_IMPOWER,
    hours_learning_network: &HOURS_LEARNING_NETWORK,
};

/// Every set of facts the rule book holds, oldest first. Today one.
pub const FACTS: &[Facts] = &[FACTS_2024];

/// The facts in force on `as_of` among `sets` (oldest first): the last set whose first
/// day is on or before it; the oldest set for a day before all of them; the latest
/// without a day. `None` only for an empty list.
pub fn in_force_among(sets: &[Facts], as_of: Option<NaiveDate>) -> Option<&Facts> {
    match as_of {
        None => sets.last(),
        Some(day) => sets
            .iter()
            .rev()
            .find(|f| f.from <= day)
            .or_else(|| sets.first()),
    }
}

/// The rule book's facts in force on `as_of` (the latest without a day).
pub fn in_force(as_of: Option<NaiveDate>) -> &'static Facts {
    in_force_among(FACTS, as_of).unwrap_or(&FACTS_2024)
}

/// One row of a weekly-hours table (T7).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HoursRow {
    /// The role.
    pub role: Role,
    /// Minimum whole hours a week per project; `None` where the page states none.
    pub min: Option<u32>,
    /// Maximum whole hours a week per project; `None` where the page states none.
    pub max: Option<u32>,
    /// The page's words.
    pub source: Source,
    /// Our reading, where the words need one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'static str>,
}

const fn hrow(
    role: Role,
    hours: (u32, u32),
    page: Page,
    words: &'static str,
    interpretation: Option<&'static str>,
) -> HoursRow {
    HoursRow {
        role,
        min: Some(hours.0),
        max: Some(hours.1),
        source: Source { page, words },
        interpretation,
    }
}

const PER_PROJECT: &str = "The page does not say \"per project\"; we count the hours once per project in which the person holds the role.";

const IP: Page = Page::ImpowerProgram;
const LN: Page = Page::LearningNetwork;

/// Weekly hours, edition `impower` (IP "Who Comprises a Project Team?"), a row per role.
pub static HOURS_IMPOWER: PerRole<HoursRow> = PerRole {
    sponsor: hrow(Role::Sponsor, (1, 1), IP, "Time commitment: 1 hour/week", Some(PER_PROJECT)),
    physician_leader: hrow(Role::PhysicianLeader, (4, 4), IP, "Time commitment: 4 hours/week", Some(PER_PROJECT)),
    team_leader: hrow(Role::TeamLeader, (6, 8), IP, "Time commitment: 6–8 hours/week", Some(PER_PROJECT)),
    qi_coach: hrow(Role::QiCoach, (8, 8), IP, "Time commitment: 8 hours/week", Some(PER_PROJECT)),
    team_member: hrow(Role::TeamMember, (4, 6), IP, "Time commitment: 4–6 hours/week", Some(PER_PROJECT)),
    data_analyst: HoursRow {
        role: Role::DataAnalyst,
        min: None,
        max: None,
        source: Source { page: IP, words: "It is optional to include a data analyst, as needed" },
        interpretation: Some("The program page states no hours for a data analyst; the Learning Network page says two hours per project per week."),
    },
};

/// Weekly hours, edition `learning-network` (LN role table), a row per role.
pub static HOURS_LEARNING_NETWORK: PerRole<HoursRow> = PerRole {
    sponsor: hrow(Role::Sponsor, (1, 1), LN, "One hour per project per week or as needed.", None),
    physician_leader: hrow(Role::PhysicianLeader, (2, 2), LN, "Two hours per week.", Some(PER_PROJECT)),
    team_leader: hrow(Role::TeamLeader, (5, 8), LN, "Two hours per project per week outside of team member requirement.", Some("Two hours on top of a team member's three to six: five to eight hours.")),
    qi_coach: hrow(Role::QiCoach, (8, 8), LN, "One day per week per project.", Some("One working day is taken as eight hours.")),
    team_member: hrow(Role::TeamMember, (3, 6), LN, "Three to six hours per week; two-hour training sessions held every third week.", Some("The two-hour training sessions fall inside the three to six hours; counted per project.")),
    data_analyst: hrow(Role::DataAnalyst, (2, 2), LN, "Two hours per project per week (heavier at the beginning of the course).", None),
};

/// `rule` in a sentence, with the figures of `facts` where it states one (F1, F2, F4,
/// P1–P4, T4, T5, CR1, CR7: built from the facts in force, never restated), else its
/// row's summary.
pub fn summary(rule: RuleId, facts: &Facts) -> Cow<'static, str> {
    use crate::text::{number_word, ordinal_word};
    let fees = &facts.fees;
    match rule {
        RuleId::F1 => format!("A project costs {}.", fees.project).into(),
        RuleId::F2 => format!(
            "Every {} project costs {}.",
            ordinal_word(fees.discount_every),
            fees.discounted
        )
        .into(),
        RuleId::F4 => format!(
            "n projects need n teams and at least one QI coach per {} teams (n/{} rounded up).",
            number_word(facts.team.teams_per_coach),
            facts.team.teams_per_coach
        )
        .into(),
        RuleId::P1 => {
            let [a, b] = facts.calendar.cohort_months;
            format!(
                "Cohorts begin in {} and {}.",
                crate::date::month_name(a),
                crate::date::month_name(b)
            )
            .into()
        }
        RuleId::P2 => format!(
            "A {}-month preparation phase for the physician leader, team leader and QI coach.",
            number_word(facts.calendar.preparation_months)
        )
        .into(),
        RuleId::P3 => format!(
            "The team takes part for {} months; the physician leader, team leader and QI coach for {}.",
            number_word(facts.calendar.team_months),
            number_word(facts.calendar.leader_months)
        )
        .into(),
        RuleId::P4 => format!(
            "Team members attend {} {}-hour learning sessions.",
            number_word(facts.calendar.learning_sessions),
            number_word(facts.calendar.session_hours)
        )
        .into(),
        RuleId::T4 => format!(
            "Each project has one QI coach; a coach serves at most {} project teams.",
            number_word(facts.team.teams_per_coach)
        )
        .into(),
        RuleId::T5 => format!(
            "Each project has {} to {} team members from the front line.",
            number_word(facts.team.members_min),
            number_word(facts.team.members_max)
        )
        .into(),
        RuleId::CR7 => format!(
            "Claims are due within {} months of graduation.",
            number_word(facts.credits.claim_months)
        )
        .into(),
        RuleId::CR1 => {
            let c = &facts.credits;
            format!(
                "Stage A is worth {} credits, Stage B {}, Stage C {}; at most {} per project.",
                c.stage_a, c.stage_b, c.stage_c, c.max_per_project
            )
            .into()
        }
        _ => rule.def().summary.into(),
    }
}
