//! From what the user typed to every answer, through the `rules` crate. Pure: the same
//! state always gives the same answers, and bad fields become [`FieldError`]s that
//! name their input, while everything else keeps answering.

use chrono::NaiveDate;
use rules::bounds::{self, MAX_PRIOR_PROJECTS, MAX_PROJECTS};
use rules::calendar::{self, Schedule};
use rules::credits::{self, CreditInput, CreditReport, Document, Stage};
use rules::fees::{self, FeeEstimate, FeeRequest};
use rules::readiness::{self, ReadinessInput, ReadinessReport};
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
}

/// One credit participant's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantCredit {
    /// The participant's id.
    pub id: u32,
    /// Their name.
    pub name: String,
    /// The answer.
    pub report: CreditReport,
}

/// Every answer for a state.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Readiness.
    pub readiness: ReadinessReport,
    /// C1 and C2 were answered from the team roster.
    pub readiness_from_team: Option<(bool, bool, rules::readiness::Qi)>,
    /// The team verdict, when the project count is usable.
    pub team: Option<TeamReport>,
    /// The fee estimate, when the counts are usable.
    pub fees: Option<FeeEstimate>,
    /// 1 to 6 projects side by side, after the earlier projects.
    pub fee_table: Vec<FeeEstimate>,
    /// The schedule, when the date is usable.
    pub schedule: Option<Schedule>,
    /// Each participant's credit, when the graduation date is usable.
    pub credits: Vec<ParticipantCredit>,
    /// Every unusable field.
    pub errors: Vec<FieldError>,
}

impl Results {
    /// The field errors of one view.
    pub fn errors_in(&self, view: View) -> Vec<FieldError> {
        self.errors
            .iter()
            .filter(|e| e.view == view)
            .cloned()
            .collect()
    }

    /// The message for one field, if it is unusable.
    pub fn error_for(&self, id: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.message.clone())
    }
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

/// The element id of a person's field.
pub fn person_field(id: u32, field: &str) -> String {
    format!("person-{id}-{field}")
}

/// Evaluates everything.
pub fn evaluate(s: &State) -> Results {
    let mut errors = Vec::new();
    let mut err = |view, id: &str, label: &str, message: String| {
        errors.push(FieldError {
            view,
            id: id.into(),
            label: label.into(),
            message,
        });
    };

    // Team (T1–T8), built from the usable parts of the roster.
    let projects = parse_count(&s.projects, "projects", 1, MAX_PROJECTS);
    if let Err(m) = &projects {
        err(View::Team, "team-projects", "Number of projects", m.clone());
    }
    let mut people = Vec::with_capacity(s.people.len());
    let mut seen = std::collections::BTreeSet::new();
    for (i, p) in s.people.iter().enumerate() {
        let field = person_field(p.id, "name");
        let mut name = match team::check_name(&p.name, "name") {
            Ok(n) => n.to_string(),
            Err(e) => {
                err(View::Team, &field, "Name", sentence(&e.message));
                format!("Person {}", i + 1)
            }
        };
        if seen.contains(&name) {
            err(
                View::Team,
                &field,
                &format!("Name of {name}"),
                "Another person has this name: give each person a different name.".into(),
            );
        }
        // Whatever was typed, the roster gets a usable, unique name, so the team always
        // answers while the field shows its error.
        let base = name.clone();
        let mut k = i + 1;
        while seen.contains(&name) {
            name = format!("{base} ({k})");
            k += 1;
        }
        seen.insert(name.clone());
        let hours = match parse_hours(&p.hours) {
            Ok(h) => h,
            Err(m) => {
                err(
                    View::Team,
                    &person_field(p.id, "hours"),
                    &format!("Hours a week of {name}"),
                    m,
                );
                Hours::ZERO
            }
        };
        let n = *projects.as_ref().unwrap_or(&1);
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
        TeamRequest::new(s.edition, u64::from(*n), collab, people).ok()
    });
    let team = team_request.as_ref().map(team::validate);

    // Readiness (C1–C3, S1–S7), with C1/C2 from the roster when there is one.
    let derived = team_request
        .as_ref()
        .filter(|t| s.roster_answers && !t.people().is_empty())
        .map(readiness::from_team);
    let (sponsor, clinical_leader, coach) =
        derived.unwrap_or((s.sponsor, s.clinical_leader, s.coach));
    let readiness = readiness::assess(&ReadinessInput {
        sponsor,
        clinical_leader,
        coach,
        can_audit: s.can_audit,
        can_report_data: s.can_report_data,
        success_factors: s.factors,
    });

    // Fees (F1–F4).
    let fee_n = parse_count(&s.fee_projects, "projects", 1, MAX_PROJECTS);
    if let Err(m) = &fee_n {
        err(View::Fees, "fee-projects", "Projects planned", m.clone());
    }
    let prior = parse_count(&s.prior_projects, "prior_projects", 0, MAX_PRIOR_PROJECTS);
    if let Err(m) = &prior {
        err(View::Fees, "prior-projects", "Earlier projects", m.clone());
    }
    let estimate = |n: u32, p: u32| {
        FeeRequest::new(u64::from(n), u64::from(p))
            .and_then(fees::estimate)
            .ok()
    };
    let fee_estimate = match (&fee_n, &prior) {
        (Ok(n), Ok(p)) => estimate(*n, *p),
        _ => None,
    };
    let fee_table = match &prior {
        Ok(p) => (1..=fees::COMPARE_UP_TO)
            .filter_map(|n| estimate(n, *p))
            .collect(),
        Err(_) => Vec::new(),
    };

    // Calendar (P1–P6).
    let schedule = match parse_date(&s.plan_date) {
        Ok(d) => calendar::schedule(d, calendar::DEFAULT_COHORTS).ok(),
        Err(m) => {
            err(View::Calendar, "plan-date", "Plan from", m);
            None
        }
    };

    // Credits (CR1–CR9).
    let mut credits = Vec::new();
    match parse_date(&s.graduation) {
        Ok(graduation) => {
            let documents: Vec<Document> = Document::ALL
                .iter()
                .copied()
                .zip(s.documents)
                .filter(|(_, on)| *on)
                .map(|(d, _)| d)
                .collect();
            for p in &s.participants {
                let input = CreditInput {
                    physician: p.physician,
                    stages: Stage::ALL
                        .iter()
                        .copied()
                        .zip(p.stages)
                        .filter(|(_, on)| *on)
                        .map(|(st, _)| st)
                        .collect(),
                    stage_c_complete: s.stage_c_complete,
                    documents: documents.clone(),
                    on_roster_at_start: p.on_roster,
                    opted_in: p.opted_in,
                    graduation,
                    today: s.today,
                };
                if let Ok(report) = credits::assess(&input) {
                    let name = if p.name.trim().is_empty() {
                        "Unnamed participant".to_string()
                    } else {
                        p.name.trim().to_string()
                    };
                    credits.push(ParticipantCredit {
                        id: p.id,
                        name,
                        report,
                    });
                }
            }
        }
        Err(m) => err(View::Credits, "graduation", "Graduation date", m),
    }

    Results {
        readiness,
        readiness_from_team: derived,
        team,
        fees: fee_estimate,
        fee_table,
        schedule,
        credits,
        errors,
    }
}
