//! Fees (F1–F4): the fee table of [`crate::program::FEES`], every
//! `discount_every`th of the organization's projects discounted.

use alloc::format;
use alloc::vec::Vec;

use chrono::NaiveDate;
use serde::Serialize;

use crate::book::RuleId;
use crate::bounds::{count, MAX_PRIOR_PROJECTS, MAX_PROJECTS};
use crate::error::{ErrorCode, InputError};
use crate::finding::Finding;
use crate::money::Usd;
use crate::program::{self, Facts, Fees, Team, FEES};
use crate::text::{number_word, ordinal_word, plural};

/// How many project counts the side-by-side comparison shows: two discount cycles.
pub const COMPARE_UP_TO: u32 = 2 * FEES.discount_every;

/// A checked fee request: 1 to [`MAX_PROJECTS`] new projects after `prior` earlier ones,
/// priced by the fees in force on `as_of` (the latest without it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeRequest {
    // Named as the contract names them (`json::requests` reads them as declared, bounds
    // included).
    pub(crate) projects: u32,
    pub(crate) prior_projects: u32,
    pub(crate) as_of: Option<NaiveDate>,
}

impl FeeRequest {
    /// Checks the counts; errors name the field (`projects`, `prior_projects`).
    pub fn new(projects: u64, prior: u64) -> Result<Self, InputError> {
        Ok(FeeRequest {
            projects: count("projects", projects, 1, MAX_PROJECTS)?,
            prior_projects: count("prior_projects", prior, 0, MAX_PRIOR_PROJECTS)?,
            as_of: None,
        })
    }

    /// The day whose facts price it, if given.
    pub fn day(self) -> Option<NaiveDate> {
        self.as_of
    }

    /// The same request, priced by the fees in force on `day`.
    #[must_use]
    pub fn as_of(self, day: Option<NaiveDate>) -> Self {
        FeeRequest { as_of: day, ..self }
    }

    /// New projects.
    pub fn projects(self) -> u32 {
        self.projects
    }

    /// Earlier projects.
    pub fn prior(self) -> u32 {
        self.prior_projects
    }
}

/// One priced project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectFee {
    /// The organization's project number, counting earlier projects (F3).
    pub number: u32,
    /// Its fee.
    pub fee_usd: Usd,
    /// Whether it is a discounted third project (F2).
    pub discounted: bool,
    /// The rule that priced it: F1 or F2.
    pub rule: RuleId,
}

/// An itemised fee estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeeEstimate {
    /// The sum of the project fees.
    pub total_usd: Usd,
    /// With earlier projects only: the total if they did not count toward the discount,
    /// the other reading of the pages (F3), given beside `total_usd` because the reading
    /// moves money.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_usd_without_prior: Option<Usd>,
    /// What the same projects would cost without the discount.
    pub undiscounted_usd: Usd,
    /// How many project teams the projects need (F4).
    pub teams_needed: u32,
    /// The fewest QI coaches that can serve them (F4, T4).
    pub coaches_needed: u32,
    /// Each new project, priced.
    pub projects: Vec<ProjectFee>,
    /// The rules applied, with their sources.
    pub findings: Vec<Finding>,
    /// The rules that decided it (every answer carries it).
    pub rule_book: crate::book::RuleBook,
}

/// Whether the organization's `number`th project is discounted under `fees` (F2, F3).
pub fn is_discounted(fees: &Fees, number: u32) -> bool {
    number.is_multiple_of(fees.discount_every)
}

/// How many of projects `prior+1 ..= prior+n` are discounted under `fees` (F3):
/// ⌊(p+n)/3⌋ − ⌊p/3⌋.
pub fn discounted_count(fees: &Fees, prior: u32, n: u32) -> u32 {
    let end = u64::from(prior) + u64::from(n);
    let every = fees.discount_every.max(1);
    let d = end / u64::from(every) - u64::from(prior / every);
    u32::try_from(d).unwrap_or(u32::MAX)
}

/// The total of `n` new projects counted from the first, as if no earlier project
/// counted toward the discount (the other reading of F3); `None` on overflow.
pub fn without_prior_total(fees: &Fees, n: u32) -> Option<Usd> {
    let discounted = discounted_count(fees, 0, n);
    fees.project
        .checked_mul(n.checked_sub(discounted)?)?
        .checked_add(fees.discounted.checked_mul(discounted)?)
}

/// The fewest coaches for `teams` teams under `team`'s teams per coach (F4).
pub fn coaches_needed(team: &Team, teams: u32) -> u32 {
    teams.div_ceil(team.teams_per_coach.max(1))
}

/// Prices the request (F1–F4) with the facts in force on its `as_of`.
#[inline(never)]
pub fn estimate(req: FeeRequest) -> Result<FeeEstimate, InputError> {
    estimate_under(req, program::in_force(req.as_of))
}

/// Prices the request (F1–F4) with `facts`: every figure and every message from them.
pub fn estimate_under(req: FeeRequest, facts: &Facts) -> Result<FeeEstimate, InputError> {
    let (fees, team) = (&facts.fees, &facts.team);
    let overflow = || {
        InputError::new(
            ErrorCode::OutOfRange,
            "projects",
            "the total is too large to compute",
        )
    };
    let mut projects = Vec::with_capacity(req.projects as usize);
    let mut total = Usd(0);
    for i in 1..=req.projects {
        let number = req.prior_projects.checked_add(i).ok_or_else(overflow)?;
        let discounted = is_discounted(fees, number);
        let fee_usd = if discounted {
            fees.discounted
        } else {
            fees.project
        };
        total = total.checked_add(fee_usd).ok_or_else(overflow)?;
        projects.push(ProjectFee {
            number,
            fee_usd,
            discounted,
            rule: if discounted { RuleId::F2 } else { RuleId::F1 },
        });
    }
    let undiscounted_usd = fees
        .project
        .checked_mul(req.projects)
        .ok_or_else(overflow)?;
    let coaches = coaches_needed(team, req.projects);
    let discounted = discounted_count(fees, req.prior_projects, req.projects);
    let mut findings = Vec::new();
    findings.push(Finding::info(
        RuleId::F1,
        format!("Each project costs {}.", fees.project),
    ));
    if discounted > 0 {
        let numbers: Vec<_> = projects
            .iter()
            .filter(|p| p.discounted)
            .map(|p| format!("#{}", p.number))
            .collect();
        findings.push(Finding::info(
            RuleId::F2,
            format!(
                "Every {} project costs {}: {} {}, saving {}.",
                ordinal_word(fees.discount_every),
                fees.discounted,
                if discounted == 1 {
                    "project"
                } else {
                    "projects"
                },
                numbers.join(", "),
                undiscounted_usd.checked_sub(total).unwrap_or(Usd(0)),
            ),
        ));
    } else {
        let every = fees.discount_every.max(1);
        let next = (req.prior_projects + req.projects) / every * every + every;
        findings.push(Finding::info(
            RuleId::F2,
            format!(
                "No project here is a {} project; your project #{next} would cost {}.",
                ordinal_word(every),
                fees.discounted
            ),
        ));
    }
    // F3 is a reading: with earlier projects, the total under the other reading (the
    // count starts again with these projects) is given beside it, with a warning.
    let without_prior = if req.prior_projects > 0 {
        let other = without_prior_total(fees, req.projects).ok_or_else(overflow)?;
        findings.push(Finding::warning(
            RuleId::F3,
            format!(
                "Your {} earlier project{} {} counted toward the discount, so {}, {} in all. That is our reading: the pages say only \"Every {} project will be discounted\". If earlier projects did not count, the total would be {}. Confirm with the Learning Network team before you budget.",
                req.prior_projects,
                plural(req.prior_projects),
                if req.prior_projects == 1 { "is" } else { "are" },
                if req.projects == 1 {
                    format!("this is your project #{}", req.prior_projects + 1)
                } else {
                    format!(
                        "these are your projects #{} to #{}",
                        req.prior_projects + 1,
                        req.prior_projects + req.projects
                    )
                },
                total,
                ordinal_word(fees.discount_every),
                other,
            ),
        ));
        Some(other)
    } else {
        None
    };
    findings.push(Finding::info(
        RuleId::F4,
        format!(
            "{} project{} need{} {} team{} and at least {} QI coach{} (one coach serves up to {} teams).",
            req.projects,
            plural(req.projects),
            if req.projects == 1 { "s" } else { "" },
            req.projects,
            plural(req.projects),
            coaches,
            if coaches == 1 { "" } else { "es" },
            number_word(team.teams_per_coach),
        ),
    ));
    Ok(FeeEstimate {
        rule_book: crate::book::RuleBook,
        total_usd: total,
        total_usd_without_prior: without_prior,
        undiscounted_usd,
        teams_needed: req.projects,
        coaches_needed: coaches,
        projects,
        findings,
    })
}
