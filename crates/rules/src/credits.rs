//! Continuing-education credit (CR1–CR9): what a participation is worth, whether it
//! can be claimed today, what blocks it, and the deadline.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use chrono::NaiveDate;
use serde::Serialize;

use crate::book::{RuleId, CR2_AFTER_GRADUATION, CR8_CERTIFICATE};
use crate::date::{self, add_months};
use crate::error::{ErrorCode, InputError};
use crate::finding::{has_error, Finding};
use crate::program::{self, Credits, Facts, CREDITS};
use crate::text::number_word;
use crate::wire::wire_enum;

wire_enum! {
    /// A PI-CME stage (CR1).
    pub enum Stage {
        /// Stage A: Baseline data review.
        A = "A" / 1,
        /// Stage B: Educational intervention.
        B = "B" / 2,
        /// Stage C: Post-intervention data review.
        C = "C" / 3,
    }
}

impl Stage {
    /// Its title on the page.
    pub const fn title(self) -> &'static str {
        match self {
            Stage::A => "Baseline data review",
            Stage::B => "Educational intervention",
            Stage::C => "Post-intervention data review",
        }
    }

    /// Credits it is worth under the latest facts (CR1, from [`CREDITS`]).
    pub const fn credits(self) -> u32 {
        self.credits_under(&CREDITS)
    }

    /// Credits it is worth under `table` (CR1).
    pub const fn credits_under(self, table: &Credits) -> u32 {
        match self {
            Stage::A => table.stage_a,
            Stage::B => table.stage_b,
            Stage::C => table.stage_c,
        }
    }
}

wire_enum! {
    /// A required project document (CR3).
    pub enum Document {
        /// Team Roster.
        TeamRoster = "team_roster" / 1,
        /// Project Charter.
        ProjectCharter = "project_charter" / 2,
        /// A3.
        A3 = "a3" / 3,
        /// Sustain Plan.
        SustainPlan = "sustain_plan" / 4,
        /// Graduation Presentation.
        GraduationPresentation = "graduation_presentation" / 5,
    }
}

impl Document {
    /// The page's name for it.
    pub const fn title(self) -> &'static str {
        match self {
            Document::TeamRoster => "Team Roster",
            Document::ProjectCharter => "Project Charter",
            Document::A3 => "A3",
            Document::SustainPlan => "Sustain Plan",
            Document::GraduationPresentation => "Graduation Presentation",
        }
    }
}

wire_enum! {
    /// The kind of credit (CR8).
    pub enum CreditType {
        /// AMA PRA Category 1 Credits™, for physicians.
        AmaPraCategory1 = "ama_pra_category_1",
        /// A Certificate of Participation, for everyone else.
        CertificateOfParticipation = "certificate_of_participation",
    }
}

impl CreditType {
    /// Its name for people.
    pub const fn title(self) -> &'static str {
        match self {
            CreditType::AmaPraCategory1 => "AMA PRA Category 1 Credits™",
            CreditType::CertificateOfParticipation => "Certificate of Participation",
        }
    }
}

/// One participant's credit question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditInput {
    /// Holds an MD, DO or equivalent degree.
    pub physician: bool,
    /// The stages they took part in (no repeats).
    pub stages: Vec<Stage>,
    /// The project has completed Stage C.
    pub stage_c_complete: bool,
    /// The documents the site has submitted (no repeats).
    pub documents: Vec<Document>,
    /// Named on the Team Roster at the start.
    pub on_roster_at_start: bool,
    /// Opted in by the Session 1 survey.
    pub opted_in: bool,
    /// The day of ImPower Program Session 1 (the cohort's team start), when known: it
    /// times the opt-in (CR5) and the roster at the start (CR4).
    pub session_1: Option<NaiveDate>,
    /// The graduation date.
    pub graduation: NaiveDate,
    /// The day whose program facts decide it (RULES.md, "Dated facts"); the
    /// graduation when not given.
    pub as_of: Option<NaiveDate>,
    /// Today.
    pub today: NaiveDate,
}

/// The credit answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CreditReport {
    /// What the participation is worth (CR1).
    pub credits: u32,
    /// The kind of credit (CR8).
    pub credit_type: CreditType,
    /// Whether it can be claimed today.
    pub claimable: bool,
    /// The last day to claim (CR7).
    #[serde(serialize_with = "date::ser")]
    pub claim_deadline: NaiveDate,
    /// Days from today to the deadline, negative once past.
    pub days_left: i64,
    /// Documents still missing (CR3).
    pub missing_documents: Vec<Document>,
    /// What blocks the claim (errors) and what to know.
    pub findings: Vec<Finding>,
    /// The rules that decided it (every answer carries it).
    pub rule_book: crate::book::RuleBook,
}

/// The credit questions the app asks, one per condition of CR2, CR4 and CR5.
pub mod questions {
    /// CR2: Stage C complete.
    pub const STAGE_C_COMPLETE: &str =
        "The project has completed Stage C (post-intervention data review)";
    /// CR4: on the roster at the start.
    pub const ON_ROSTER_AT_START: &str = "Named on the Team Roster at the start of the project";
    /// CR5: opted in.
    pub const OPTED_IN: &str = "Opted in by completing the survey by Session 1";
}

/// The claim deadline for a graduation date under the facts in force on it (CR7).
pub fn claim_deadline(graduation: NaiveDate) -> Option<NaiveDate> {
    add_months(
        graduation,
        program::in_force(Some(graduation)).credits.claim_months,
    )
}

/// Assesses one participant's credit with the facts in force on its `as_of` (the
/// graduation when not given).
#[inline(never)]
pub fn assess(input: &CreditInput) -> Result<CreditReport, InputError> {
    assess_under(
        input,
        program::in_force(input.as_of.or(Some(input.graduation))),
    )
}

/// Assesses one participant's credit with `facts`: every figure and message from them.
pub fn assess_under(input: &CreditInput, facts: &Facts) -> Result<CreditReport, InputError> {
    let table = &facts.credits;
    let deadline = add_months(input.graduation, table.claim_months).ok_or_else(|| {
        InputError::new(
            ErrorCode::OutOfRange,
            "graduation",
            "the graduation date is too far in the future",
        )
    })?;
    if input.session_1.is_some_and(|day| day > input.graduation) {
        return Err(InputError::new(
            ErrorCode::OutOfRange,
            "session_1",
            "Session 1 comes before graduation: give a date on or before the graduation date",
        ));
    }
    let earned: u32 = input.stages.iter().map(|s| s.credits_under(table)).sum();
    let credits = earned.min(table.max_per_project);
    let credit_type = if input.physician {
        CreditType::AmaPraCategory1
    } else {
        CreditType::CertificateOfParticipation
    };
    let mut f = Vec::new();
    // Before graduation the stages, Stage C and the documents are still to come: each
    // block says so, with graduation as its day, instead of asking for a fix (CR2).
    let before_graduation = input.today < input.graduation;
    let to_come = |finding: Finding| {
        if before_graduation {
            finding.due(input.graduation)
        } else {
            finding
        }
    };
    if input.stages.is_empty() {
        let worth: Vec<String> = Stage::ALL
            .iter()
            .map(|s| format!("{} {}", s.key(), s.credits_under(table)))
            .collect();
        let message = if before_graduation {
            "No stage taken part in yet. Credit follows the stages you take part in"
        } else {
            "No stage taken part in, so there is no credit to claim. Credit follows the stages you took part in"
        };
        f.push(to_come(Finding::error(
            RuleId::CR1,
            format!("{message}: {}.", worth.join(", ")),
        )));
    } else {
        let list: Vec<String> = input
            .stages
            .iter()
            .map(|s| {
                format!(
                    "Stage {} {} ({})",
                    s.key(),
                    s.title(),
                    s.credits_under(table)
                )
            })
            .collect();
        f.push(Finding::info(
            RuleId::CR1,
            format!(
                "{} credits for {}; at most {} per project.",
                credits,
                list.join(", "),
                table.max_per_project
            ),
        ));
    }
    if !input.stage_c_complete {
        f.push(to_come(Finding::error(
            RuleId::CR2,
            "Credit may be claimed only after Stage C is complete.",
        )));
    }
    if before_graduation {
        f.push(
            Finding::error(
                RuleId::CR2,
                format!(
                    "Claiming opens at graduation on {}; instructions follow by email.",
                    date::long(input.graduation)
                ),
            )
            .citing(CR2_AFTER_GRADUATION)
            .due(input.graduation),
        );
    }
    let missing: Vec<Document> = Document::ALL
        .iter()
        .copied()
        .filter(|d| !input.documents.contains(d))
        .collect();
    if missing.is_empty() {
        f.push(Finding::info(RuleId::CR3, format!("All {} named documents are submitted; the page says \"including\", so ask the program whether it needs more.", number_word(Document::ALL.len() as u32))));
    } else {
        let titles: Vec<&str> = missing.iter().map(|d| d.title()).collect();
        f.push(to_come(Finding::error(
            RuleId::CR3,
            format!("The site must still submit: {}.", titles.join(", ")),
        )));
    }
    // CR4 and CR5 are settled at Session 1: before it they are things to do by that
    // day, after it nothing changes them.
    let session = |finding: Finding| match input.session_1 {
        Some(day) if input.today <= day => finding.due(day),
        Some(day) => finding.passed(day),
        None => finding,
    };
    if !input.on_roster_at_start {
        f.push(session(Finding::error(RuleId::CR4, match input.session_1 {
            Some(day) if input.today <= day => format!("Be named on the Team Roster by the start of the project, {}: only participants named on it at the start can claim credit.", date::long(day)),
            Some(day) => format!("Not named on the Team Roster at the start of the project, {}: only participants named on it then can claim credit.", date::long(day)),
            None => "Only participants named on the Team Roster at the start of the project can claim credit.".into(),
        })));
    }
    if !input.opted_in {
        f.push(session(Finding::error(RuleId::CR5, match input.session_1 {
            Some(day) if input.today <= day => format!("Opt in by completing the survey by Session 1, {}; without it no credit can be claimed.", date::long(day)),
            Some(day) => format!("Not opted in by Session 1, {}: without the survey no credit can be claimed.", date::long(day)),
            None => "Participants opt in by completing the survey by Session 1; without it no credit can be claimed.".into(),
        })));
    }
    f.push(Finding::info(RuleId::CR6, "To claim, you must have contributed significantly and be able to describe your role in each stage."));
    if input.today > deadline {
        f.push(
            Finding::error(
                RuleId::CR7,
                format!(
                    "The deadline, {}, has passed: claims are due within {} months of graduation.",
                    date::long(deadline),
                    number_word(table.claim_months)
                ),
            )
            .passed(deadline),
        );
    } else {
        f.push(Finding::info(
            RuleId::CR7,
            format!(
                "Complete evaluations and credit claims by {} ({} months after graduation).",
                date::long(deadline),
                number_word(table.claim_months)
            ),
        ));
    }
    f.push(match credit_type {
        CreditType::AmaPraCategory1 => Finding::info(RuleId::CR8, format!("As a physician you can be awarded {credits} AMA PRA Category 1 Credits™.")),
        CreditType::CertificateOfParticipation => Finding::info(RuleId::CR8, "You can receive a Certificate of Participation; check with your licensing board that it accepts it for CE credit.").citing(CR8_CERTIFICATE),
    });
    let (start, end) = table.listed_activity;
    let listed = date::parse(start, "").ok().zip(date::parse(end, "").ok());
    if let Some((start, end)) = listed {
        if input.graduation != end {
            f.push(Finding::info(RuleId::CR9, format!("The page lists one accredited activity, {} to {}; check the activity dates for your cohort.", date::long(start), date::long(end))));
        } else {
            f.push(Finding::info(
                RuleId::CR9,
                format!(
                    "This graduation ends the listed accredited activity, {} to {}.",
                    date::long(start),
                    date::long(end)
                ),
            ));
        }
    }
    let claimable = !has_error(&f);
    Ok(CreditReport {
        rule_book: crate::book::RuleBook,
        credits,
        credit_type,
        claimable,
        claim_deadline: deadline,
        days_left: (deadline - input.today).num_days(),
        missing_documents: missing,
        findings: f,
    })
}
