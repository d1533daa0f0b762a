//! From what the user typed to every answer, through the `rules` crate. Pure: the same
//! state always gives the same answers, and bad fields become [`FieldError`]s that
//! name their input, while everything else keeps answering.

use chrono::NaiveDate;
use rules::bounds::{self, MAX_PRIOR_PROJECTS, MAX_PROJECTS};
use rules::calendar::{self, Schedule};
use rules::credits::{self, CreditInput, CreditReport};
use rules::fees::{self, FeeEstimate, FeeRequest};
use rules::readiness::{self, PerFactor, ReadinessInput, ReadinessReport, SuccessFactor};
use rules::team::{self, Assignment, Person, TeamReport, TeamRequest};
use rules::{Hours, InputError};

use crate::state::{State, View};

/// A field whose text cannot be used, with what to do.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The view the field is on.
    pub view: View,
    /// The input's element id.
    pub id: String,
    /// The field's label.
    pub label: String,
    /// What is wrong and what to do.
    pub message: String,
    /// Typing on cannot make the text valid, so the error shows at once (otherwise it
    /// waits until the user leaves the field).
    pub settled: bool,
}

/// One person's credit answer on one project.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantCredit {
    /// The person's id in the Team.
    pub id: u32,
    /// The project (1-based): a person on two projects has two claims.
    pub project: u32,
    /// Their name.
    pub name: String,
    /// The question asked (what the export writes).
    pub input: CreditInput,
    /// The answer.
    pub report: CreditReport,
}

/// How a success factor stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactorState {
    /// Answered yes or no.
    Answered(bool),
    /// Not answered, so far following the answer to a commitment (S4 from C1's
    /// sponsor, S5 from C3); `None` while that commitment is unanswered.
    Follows(rules::RuleId, Option<bool>),
    /// Derived from the coach answer (S3); `None` while the coach is unanswered.
    Derived(Option<bool>),
    /// Not answered yet.
    Unanswered,
}

impl FactorState {
    /// Whether it counts as met (unanswered counts as not met).
    pub fn met(self) -> bool {
        match self {
            FactorState::Answered(b) => b,
            FactorState::Follows(_, b) | FactorState::Derived(b) => b.unwrap_or(false),
            FactorState::Unanswered => false,
        }
    }
}

/// Every answer for a state. Not `PartialEq`: the app compares answers by pointer
/// (`app::Same`); a derived walk through every report cost 3.7 KB of the module.
#[derive(Clone, Debug)]
pub struct Results {
    /// Readiness, once every commitment question is answered.
    pub readiness: Option<ReadinessReport>,
    /// How many of the commitment questions are still unanswered.
    pub readiness_unanswered: usize,
    /// Each success factor's standing, S1–S7.
    pub factors: PerFactor<FactorState>,
    /// C1 and C2 were answered from the team roster.
    pub readiness_from_team: Option<(bool, bool, rules::readiness::Qi)>,
    /// Who the roster answered C1 and C2 with: each leading role and its holders.
    pub roster_who: Option<String>,
    /// The roster was asked to answer C1 and C2 but cannot yet: someone is not named
    /// yet, or the number of projects cannot be read.
    pub roster_waiting: bool,
    /// The number of projects the team plans, read once from its field, when it can be.
    pub projects: Option<u32>,
    /// The team findings, when the project count is usable (a draft: what cannot be read
    /// yet goes to the rules as not answered, and they decide what it withholds).
    pub team: Option<TeamReport>,
    /// The rules withhold the team's verdict: someone is not named yet.
    pub team_blocked: bool,
    /// The team request the rules answered (what the export writes).
    pub team_request: Option<TeamRequest>,
    /// The plan's fee request the rules answered (what the export writes).
    pub fee_request: Option<FeeRequest>,
    /// The plan's fee estimate (the team's projects), when the counts are usable.
    pub fees: Option<FeeEstimate>,
    /// A what-if: another number of projects priced beside the plan, never instead of
    /// it, when the user typed one.
    pub what_if: Option<FeeEstimate>,
    /// 1 to 6 projects side by side, after the earlier projects.
    pub fee_table: Vec<FeeEstimate>,
    /// The schedule, when the date is usable.
    pub schedule: Option<Schedule>,
    /// The graduation the credits count from: the date typed in the Credits view, or,
    /// while that field is empty, the graduation of the cohort the Calendar plans; `None`
    /// while the date that decides cannot be read.
    pub graduation: Option<NaiveDate>,
    /// Each named person's credit on each project they are on (roster order, then
    /// project), when the graduation date is usable.
    pub credits: Vec<ParticipantCredit>,
    /// Every unusable field.
    pub errors: Vec<FieldError>,
}

impl Results {
    /// The fields to fix that the page shows, of `view` (of every view when `None`):
    /// the Fees view has its own "Projects planned" field only when it is shown alone
    /// (`single`, a widget); otherwise the number is the Team view's, and its error is
    /// that field's.
    pub fn errors_shown(
        &self,
        view: Option<View>,
        single: bool,
    ) -> impl Iterator<Item = &FieldError> {
        self.errors
            .iter()
            .filter(move |e| view.is_none_or(|v| e.view == v) && (single || e.id != "fee-projects"))
    }

    /// The field errors of one view of the app.
    pub fn errors_in(&self, view: View) -> Vec<FieldError> {
        self.errors_shown(Some(view), false).cloned().collect()
    }

    /// Whether a field's error shows at once (typing on cannot fix it).
    pub fn settled(&self, id: &str) -> bool {
        self.errors.iter().any(|e| e.id == id && e.settled)
    }

    /// The message for one field, if it is unusable.
    pub fn error_for(&self, id: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.message.clone())
    }
}

/// How a headline stands: met, still to check (no ✓ while a finding asks for more), or
/// not met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Nothing to fix or check.
    Met,
    /// Nothing to fix, something to check.
    Check,
    /// Something to fix.
    Fix,
}

/// The team's headline, computed from the same findings the view lists: a ✓ only when
/// no finding is an error or a warning (a warning may ask to add someone, T5).
pub fn team_headline(t: &TeamReport) -> (Tone, &'static str) {
    let has = |s| t.findings.iter().any(|f| f.severity == s);
    if has(rules::Severity::Error) {
        (Tone::Fix, "The team is not complete yet.")
    } else if has(rules::Severity::Warning) {
        (
            Tone::Check,
            "The team has every role it must have; some findings are still to check.",
        )
    } else {
        (Tone::Met, "Every project has the team it needs.")
    }
}

/// Who holds the roles C1 and C2 ask for, in roster order: "Ana (project sponsor);
/// Dr. Bo (physician leader); Cy, Dee (QI coach)".
fn roster_who(t: &TeamRequest) -> String {
    use rules::team::Role;
    let mut parts = Vec::new();
    for role in [Role::Sponsor, Role::PhysicianLeader, Role::QiCoach] {
        let names: Vec<&str> = t
            .members()
            .filter(|p| p.roles.iter().any(|a| a.role == role))
            .map(|p| p.name)
            .collect();
        let who = if names.is_empty() {
            String::from("nobody")
        } else {
            names.join(", ")
        };
        parts.push(format!("{who} ({})", role.noun()));
    }
    parts.join("; ")
}

/// Reads a whole count from text, with the rules' own reading and messages.
pub fn parse_count(text: &str, field: &str, min: u32, max: u32) -> Result<u32, String> {
    bounds::count_text(field, text, min, max).map_err(message)
}

/// Reads weekly hours from text, with the rules' own reading and messages (to the
/// hundredth, 0 to 168).
pub fn parse_hours(text: &str) -> Result<Hours, String> {
    Hours::from_text(text, "hours_per_week").map_err(message)
}

/// Reads a date from text, checked by the rules.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    rules::date::parse(text.trim(), "date").map_err(message)
}

/// A refusal of the rules as a sentence for a person.
fn message(e: InputError) -> String {
    sentence(&e.message)
}

fn sentence(message: &str) -> String {
    let mut s = String::with_capacity(message.len() + 1);
    let mut chars = message.chars();
    if let Some(first) = chars.next() {
        s.push(first.to_ascii_uppercase());
    }
    s.extend(chars);
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// Whether typing on can no longer make a number field valid: a character that is not
/// part of a plain number, a value already above `max`, a sign, or more than `places`
/// decimal places. (An empty field, or `0` in a field from 1, may still become valid.)
pub fn settled_number(text: &str, max: u32, places: usize) -> bool {
    let t = text.trim();
    if t.chars().any(|c| !(c.is_ascii_digit() || c == '.')) {
        return true;
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if frac.contains('.') || frac.trim_end_matches('0').len() > places {
        return true;
    }
    let digits = whole.trim_start_matches('0');
    digits.len() > 10 || digits.parse::<u64>().is_ok_and(|n| n > u64::from(max))
}

/// Whether typing on can no longer make a date field valid: it is not the start of
/// `YYYY-MM-DD`, or it is complete.
pub fn settled_date(text: &str) -> bool {
    let t = text.trim();
    let shape = t.bytes().enumerate().all(|(i, c)| match i {
        4 | 7 => c == b'-',
        0..=9 => c.is_ascii_digit(),
        _ => false,
    });
    !shape || t.len() >= 10
}

/// The element id of a person's field.
pub fn person_field(id: u32, field: &str) -> String {
    format!("person-{id}-{field}")
}

/// Records a field that cannot be used.
fn err(
    errors: &mut Vec<FieldError>,
    view: View,
    id: &str,
    label: &str,
    message: String,
    settled: bool,
) {
    errors.push(FieldError {
        view,
        id: id.into(),
        label: label.into(),
        message,
        settled,
    });
}

/// Evaluates everything.
pub fn evaluate(s: &State) -> Results {
    let mut errors = Vec::new();
    // The cohort the Calendar plans, first: the facts in force when its team starts
    // decide the team, the fees and the credits (RULES.md, "Dated facts"); its field's
    // error is recorded in the Calendar's turn below.
    let plan_day = parse_date(&s.plan_date);
    let schedule = plan_day
        .as_ref()
        .ok()
        .and_then(|d| calendar::schedule(*d, calendar::DEFAULT_COHORTS).ok());
    let team_start = schedule.as_ref().map(|sc| sc.cohort.team_starts);

    // Team (T1–T8), built from the usable parts of the roster.
    let projects = parse_count(&s.projects, "projects", 1, MAX_PROJECTS);
    if let Err(m) = &projects {
        let done = settled_number(&s.projects, MAX_PROJECTS, 0);
        err(
            &mut errors,
            View::Team,
            "team-projects",
            "Number of projects",
            m.clone(),
            done,
        );
        err(
            &mut errors,
            View::Fees,
            "fee-projects",
            "Projects planned",
            m.clone(),
            done,
        );
    }
    // Every field goes to the rules as read, or as not answered yet (`None`) while it
    // cannot be read: the rules decide what that withholds (RULES.md, "Drafts").
    let n = *projects.as_ref().unwrap_or(&1);
    let mut people = Vec::with_capacity(s.people.len());
    let mut seen = std::collections::BTreeSet::new();
    for (i, p) in s.people.iter().enumerate() {
        let field = person_field(p.id, "name");
        // A name or hours left empty are not answered yet: no error (the rules say what
        // that withholds); only a text that cannot be used is one.
        let name = match team::check_name(&p.name, "name") {
            _ if p.name.trim().is_empty() => None,
            Ok(n) if seen.insert(n.to_string()) => Some(n.to_string()),
            Ok(n) => {
                err(
                    &mut errors,
                    View::Team,
                    &field,
                    &format!("Name of {n}"),
                    "Another person has this name: give each person a different name.".into(),
                    false,
                );
                None
            }
            Err(e) => {
                let done = p.name.chars().any(char::is_control);
                err(
                    &mut errors,
                    View::Team,
                    &field,
                    &format!("Name of person {}", i + 1),
                    sentence(&e.message),
                    done,
                );
                None
            }
        };
        let hours = match parse_hours(&p.hours) {
            Ok(h) => Some(h),
            Err(_) if p.hours.trim().is_empty() => None,
            Err(m) => {
                err(
                    &mut errors,
                    View::Team,
                    &person_field(p.id, "hours"),
                    &match p.name.trim() {
                        "" => format!("Hours a week of person {}", i + 1),
                        who => format!("Hours a week of {who}"),
                    },
                    m,
                    settled_number(&p.hours, rules::bounds::MAX_HOURS, 2),
                );
                None
            }
        };
        people.push(Person {
            name,
            hours_per_week: hours,
            physician: p.physician,
            data_access: p.data_access,
            qi: p.qi,
            roles: p
                .roles
                .iter()
                .filter(|(_, project)| *project <= n)
                .map(|(role, project)| Assignment {
                    role: *role,
                    project: *project,
                })
                .collect(),
        });
    }
    let team_request = projects.as_ref().ok().and_then(|n| {
        let collab = s.collaboratives.iter().take(*n as usize).copied().collect();
        TeamRequest::new(s.edition, u64::from(*n), collab, people)
            .ok()
            .map(|t| t.with_as_of(team_start))
    });
    let team = team_request.as_ref().map(team::validate);

    // The rules withhold the team's verdict while someone is not named yet (a person
    // not named, such as the starter examples, is not an answer): the roster then
    // answers nothing for readiness either.
    let team_blocked = team.as_ref().is_some_and(|t| !t.decided());

    // Readiness (C1–C3, S1–S7), with C1/C2 from the roster only by the user's choice.
    let answering = team_request
        .as_ref()
        .filter(|t| s.roster_answers && !team_blocked && t.members().next().is_some());
    let derived = answering.and_then(readiness::from_roster);
    let roster_who = answering.map(roster_who);
    let roster_waiting = s.roster_answers && derived.is_none();
    let (sponsor, clinical_leader, coach) = match derived {
        Some((a, b, c)) => (Some(a), Some(b), Some(c)),
        None => (s.sponsor, s.clinical_leader, s.coach),
    };
    let c3 = s.can_audit.zip(s.can_report_data).map(|(a, b)| a && b);
    // S3 follows the coach answer; S4 and S5 follow C1 and C3 until answered.
    let factors = PerFactor::from_fn(|f| match (f, *s.factors.get(f)) {
        (SuccessFactor::S3, _) => FactorState::Derived(coach.map(|q| q.meets_s3())),
        (_, Some(b)) => FactorState::Answered(b),
        (SuccessFactor::S4, None) => FactorState::Follows(rules::RuleId::C1, sponsor),
        (SuccessFactor::S5, None) => FactorState::Follows(rules::RuleId::C3, c3),
        (SuccessFactor::S1 | SuccessFactor::S2 | SuccessFactor::S6 | SuccessFactor::S7, None) => {
            FactorState::Unanswered
        }
    });
    let answers = [
        sponsor,
        clinical_leader,
        coach.map(|_| true),
        s.can_audit,
        s.can_report_data,
    ];
    let readiness_unanswered = answers.iter().filter(|a| a.is_none()).count();
    let readiness = match (
        sponsor,
        clinical_leader,
        coach,
        s.can_audit,
        s.can_report_data,
    ) {
        (
            Some(sponsor),
            Some(clinical_leader),
            Some(coach),
            Some(can_audit),
            Some(can_report_data),
        ) => Some(readiness::assess(&ReadinessInput {
            sponsor,
            clinical_leader,
            coach,
            can_audit,
            can_report_data,
            success_factors: PerFactor::from_fn(|f| factors.get(f).met()),
        })),
        _ => None,
    };

    // Fees (F1–F4): the plan is the team's projects; a what-if number the user types is
    // priced beside it and never changes the plan.
    let what_if_n = match s.price_other.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => {
            let n = parse_count(text, "projects", 1, MAX_PROJECTS);
            if let Err(m) = &n {
                let done = settled_number(text, MAX_PROJECTS, 0);
                err(
                    &mut errors,
                    View::Fees,
                    "price-other",
                    "What-if: projects to price",
                    m.clone(),
                    done,
                );
            }
            n.ok()
        }
    };
    let prior = parse_count(&s.prior_projects, "prior_projects", 0, MAX_PRIOR_PROJECTS);
    if let Err(m) = &prior {
        let done = settled_number(&s.prior_projects, MAX_PRIOR_PROJECTS, 0);
        err(
            &mut errors,
            View::Fees,
            "prior-projects",
            "Earlier projects",
            m.clone(),
            done,
        );
    }
    let estimate = |n: u32, p: u32| {
        FeeRequest::new(u64::from(n), u64::from(p))
            .map(|r| r.as_of(team_start))
            .and_then(fees::estimate)
            .ok()
    };
    let fee_request = match (&projects, &prior) {
        (Ok(n), Ok(p)) => FeeRequest::new(u64::from(*n), u64::from(*p))
            .ok()
            .map(|r| r.as_of(team_start)),
        _ => None,
    };
    let fee_estimate = fee_request.and_then(|r| fees::estimate(r).ok());
    let what_if = match (what_if_n, &prior) {
        (Some(n), Ok(p)) => estimate(n, *p),
        _ => None,
    };
    let fee_table = match &prior {
        Ok(p) => (1..=fees::COMPARE_UP_TO)
            .filter_map(|n| estimate(n, *p))
            .collect(),
        Err(_) => Vec::new(),
    };

    // Calendar (P1–P6): planned above.
    if let Err(m) = plan_day {
        err(
            &mut errors,
            View::Calendar,
            "plan-date",
            "Plan from",
            m,
            settled_date(&s.plan_date),
        );
    }

    // Credits (CR1–CR9).
    let mut credits = Vec::new();
    // Empty, the graduation follows the cohort the Calendar plans (the schedule above, so
    // every view gives one claim deadline); typed, it must be a date.
    let graduation = match s.graduation.trim() {
        "" => schedule.as_ref().map(|sc| sc.cohort.graduation).ok_or(None),
        typed => parse_date(typed).map_err(Some),
    };
    match &graduation {
        Ok(graduation) => {
            // Session 1 is the team start of the cohort the Calendar plans, when the
            // graduation is that cohort's (READINGS.md, CR4 and CR5).
            let session_1 = schedule
                .as_ref()
                .filter(|sc| sc.cohort.graduation == *graduation)
                .map(|sc| sc.cohort.team_starts);
            let projects = *projects.as_ref().unwrap_or(&1);
            for p in s.people.iter().filter(|p| !p.name.trim().is_empty()) {
                for k in (1..=projects).filter(|k| p.claims_on(*k)) {
                    let progress = s.progress.get(k as usize - 1);
                    let answers = p.credit(k);
                    let input = CreditInput {
                        physician: p.physician,
                        stages: answers.map(|c| c.stages.clone()).unwrap_or_default(),
                        stage_c_complete: progress.is_some_and(|g| g.stage_c_complete),
                        documents: progress.map(|g| g.documents.clone()).unwrap_or_default(),
                        on_roster_at_start: p.on_project(k)
                            && !answers.is_some_and(|c| c.joined_late),
                        opted_in: p.opted_in,
                        session_1,
                        graduation: *graduation,
                        // The facts in force when the team starts (Session 1), when known.
                        as_of: session_1,
                        today: s.today,
                    };
                    if let Ok(report) = credits::assess(&input) {
                        credits.push(ParticipantCredit {
                            id: p.id,
                            project: k,
                            name: p.name.trim().to_string(),
                            input,
                            report,
                        });
                    }
                }
            }
        }
        Err(Some(m)) => err(
            &mut errors,
            View::Credits,
            "graduation",
            "Graduation date",
            m.clone(),
            settled_date(&s.graduation),
        ),
        // The Calendar's date cannot be read: its own field says so.
        Err(None) => {}
    }

    Results {
        readiness,
        readiness_unanswered,
        factors,
        readiness_from_team: derived,
        roster_who,
        roster_waiting,
        team,
        team_blocked,
        team_request,
        projects: projects.as_ref().ok().copied(),
        fees: fee_estimate,
        fee_request,
        what_if,
        fee_table,
        schedule,
        graduation: graduation.ok(),
        credits,
        errors,
    }
}

impl crate::checked::Receipt {
    /// What this build's rules decide for `r`.
    pub fn of(r: &Results) -> Self {
        use rules::finding::Severity;
        let errors =
            |f: &[rules::Finding]| f.iter().filter(|x| x.severity == Severity::Error).count();
        let mut to_fix = r.readiness.as_ref().map_or(0, |x| errors(&x.findings));
        if !r.team_blocked {
            to_fix += r.team.as_ref().map_or(0, |x| errors(&x.findings));
        }
        to_fix += r.fees.as_ref().map_or(0, |x| errors(&x.findings));
        to_fix += r.schedule.as_ref().map_or(0, |x| errors(&x.findings));
        Self {
            digest: crate::checked::digest_short().into(),
            ready: r.readiness.as_ref().map(|x| x.ready),
            team_valid: r.team.as_ref().filter(|_| !r.team_blocked).map(|x| x.valid),
            total_usd: r.fees.as_ref().map(|x| x.total_usd.0),
            cohort: r
                .schedule
                .as_ref()
                .map_or_else(String::new, |x| rules::calendar::cohort_label(&x.cohort)),
            claim_deadline: r
                .credits
                .first()
                .map_or_else(String::new, |c| rules::date::long(c.report.claim_deadline)),
            to_fix: u32::try_from(to_fix).unwrap_or(u32::MAX),
            claimable: u32::try_from(r.credits.iter().filter(|c| c.report.claimable).count())
                .unwrap_or(u32::MAX),
        }
    }
}
