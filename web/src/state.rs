//! The app's one state and its reducer. No HTML here and no rules: the state holds what
//! the user typed (as typed, so bad input can be shown next to its field) and
//! `crate::eval` turns it into answers with the `rules` crate.

use std::rc::Rc;

use chrono::NaiveDate;
use rules::book::Collaborative;
use rules::credits::{Document, Stage};
use rules::readiness::Qi;
use rules::team::{starter_hours, Edition, Role};
use yew::Reducible;

/// The views of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Commitments and success factors.
    Readiness,
    /// Team builder.
    Team,
    /// Fee estimator.
    Fees,
    /// Cohort calendar.
    Calendar,
    /// Credits per participant.
    Credits,
    /// Everything on one page.
    Summary,
}

impl View {
    /// All views, in navigation order.
    pub const ALL: [View; 6] = [
        View::Readiness,
        View::Team,
        View::Fees,
        View::Calendar,
        View::Credits,
        View::Summary,
    ];

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            View::Readiness => "Readiness",
            View::Team => "Team",
            View::Fees => "Fees",
            View::Calendar => "Calendar",
            View::Credits => "Credits",
            View::Summary => "Summary",
        }
    }

    /// The URL fragment, e.g. `fees`.
    pub fn key(self) -> &'static str {
        match self {
            View::Readiness => "readiness",
            View::Team => "team",
            View::Fees => "fees",
            View::Calendar => "calendar",
            View::Credits => "credits",
            View::Summary => "summary",
        }
    }

    /// Parses a URL fragment.
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == s)
    }
}

/// A person as typed in the team builder.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonDraft {
    /// Stable id for keys and field ids.
    pub id: u32,
    /// The name as typed.
    pub name: String,
    /// Weekly hours as typed.
    pub hours: String,
    /// Holds an MD, DO or equivalent degree.
    pub physician: bool,
    /// Can access departmental data.
    pub data_access: bool,
    /// QI experience.
    pub qi: Qi,
    /// Roles, as (role, project) pairs.
    pub roles: Vec<(Role, u32)>,
}

/// A credit participant as entered.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantDraft {
    /// Stable id.
    pub id: u32,
    /// Their name.
    pub name: String,
    /// Physician.
    pub physician: bool,
    /// Stages taken part in (A, B, C).
    pub stages: [bool; 3],
    /// Named on the roster at the start.
    pub on_roster: bool,
    /// Opted in by Session 1.
    pub opted_in: bool,
}

/// Everything the user has entered.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The view shown.
    pub view: View,
    /// Today's local date (from the browser; the rules take it as input).
    pub today: NaiveDate,
    /// Readiness: sponsor named.
    pub sponsor: bool,
    /// Readiness: clinical leader named.
    pub clinical_leader: bool,
    /// Readiness: the coach's QI experience.
    pub coach: Qi,
    /// Readiness: manual audits possible.
    pub can_audit: bool,
    /// Readiness: data reporting possible.
    pub can_report_data: bool,
    /// Readiness: S1–S7 as answered (S3 is derived from `coach`).
    pub factors: [bool; 7],
    /// Team: hours edition.
    pub edition: Edition,
    /// Team: number of projects, as typed.
    pub projects: String,
    /// Team: collaborative of each project.
    pub collaboratives: Vec<Option<Collaborative>>,
    /// Team: the roster.
    pub people: Vec<PersonDraft>,
    /// Fees: projects planned, as typed.
    pub fee_projects: String,
    /// Fees: earlier projects, as typed.
    pub prior_projects: String,
    /// Calendar: the date to plan from, as typed (defaults to today).
    pub plan_date: String,
    /// Credits: graduation date, as typed.
    pub graduation: String,
    /// Credits: the project completed Stage C.
    pub stage_c_complete: bool,
    /// Credits: documents submitted by the site.
    pub documents: [bool; 5],
    /// Credits: participants.
    pub participants: Vec<ParticipantDraft>,
    /// Readiness: take C1/C2 from the team roster (turned on by editing the team).
    pub roster_answers: bool,
    /// The next id to give a person or participant.
    pub next_id: u32,
}

impl State {
    /// A fresh state for `today`, with a starter roster of empty roles to fill in, each
    /// with the hours its role needs under the default edition.
    pub fn new(today: NaiveDate) -> Self {
        let edition = Edition::default();
        let person = |id, role: Role| PersonDraft {
            id,
            name: role.title().into(),
            hours: starter_hours(edition, role).text(),
            physician: role == Role::PhysicianLeader,
            data_access: false,
            qi: if role == Role::QiCoach {
                Qi::Learning
            } else {
                Qi::None
            },
            roles: vec![(role, 1)],
        };
        let graduation = rules::calendar::schedule(today, 1)
            .map(|s| rules::date::format(s.cohort.graduation))
            .unwrap_or_default();
        State {
            view: View::Readiness,
            today,
            sponsor: false,
            clinical_leader: false,
            coach: Qi::None,
            can_audit: false,
            can_report_data: false,
            factors: [false; 7],
            edition,
            projects: "1".into(),
            collaboratives: vec![None],
            people: vec![
                person(1, Role::Sponsor),
                person(2, Role::PhysicianLeader),
                person(3, Role::TeamLeader),
                person(4, Role::QiCoach),
            ],
            fee_projects: "1".into(),
            prior_projects: "0".into(),
            plan_date: rules::date::format(today),
            graduation,
            stage_c_complete: false,
            documents: [false; 5],
            participants: vec![ParticipantDraft {
                id: 5,
                name: "Participant 1".into(),
                physician: true,
                stages: [true, true, true],
                on_roster: true,
                opted_in: true,
            }],
            roster_answers: false,
            next_id: 6,
        }
    }

    /// The number of projects the team builder plans, when the field is a valid count.
    pub fn team_projects(&self) -> Option<u32> {
        rules::bounds::count_text("projects", &self.projects, 1, rules::bounds::MAX_PROJECTS).ok()
    }
}

/// Everything the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a view.
    Show(View),
    /// Take C1/C2 from the team roster, or ask them.
    RosterAnswers(bool),
    /// A readiness yes/no answer: which, and the answer.
    Commitment(Commitment, bool),
    /// The coach's experience.
    Coach(Qi),
    /// A success factor (0-based index into S1–S7).
    Factor(usize, bool),
    /// The hours edition.
    Edition(Edition),
    /// The number of projects, as typed.
    Projects(String),
    /// The collaborative of project n (1-based).
    Collaborative(u32, Option<Collaborative>),
    /// Add a person.
    AddPerson,
    /// Remove a person by id.
    RemovePerson(u32),
    /// Change a person's field.
    Person(u32, PersonEdit),
    /// Fees: projects planned, as typed.
    FeeProjects(String),
    /// Fees: earlier projects, as typed.
    PriorProjects(String),
    /// Calendar: plan from this date, as typed.
    PlanDate(String),
    /// Credits: graduation date, as typed.
    Graduation(String),
    /// Credits: Stage C complete.
    StageC(bool),
    /// Credits: a document submitted or not.
    Document(Document, bool),
    /// Add a participant.
    AddParticipant,
    /// Remove a participant by id.
    RemoveParticipant(u32),
    /// Change a participant's field.
    Participant(u32, ParticipantEdit),
}

impl Action {
    /// Whether the action edits the team roster.
    pub fn edits_team(&self) -> bool {
        matches!(
            self,
            Action::Projects(_) | Action::AddPerson | Action::RemovePerson(_) | Action::Person(..)
        )
    }
}

/// The yes/no readiness questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Commitment {
    /// An organizational sponsor.
    Sponsor,
    /// A clinical leader.
    ClinicalLeader,
    /// Manual audits.
    CanAudit,
    /// Data reporting.
    CanReportData,
}

/// A change to one person.
#[derive(Clone, Debug, PartialEq)]
pub enum PersonEdit {
    /// Their name.
    Name(String),
    /// Their hours, as typed.
    Hours(String),
    /// Physician or not.
    Physician(bool),
    /// Data access or not.
    DataAccess(bool),
    /// QI experience.
    Qi(Qi),
    /// Holds the role on the project, or not.
    Role(Role, u32, bool),
}

/// A change to one participant.
#[derive(Clone, Debug, PartialEq)]
pub enum ParticipantEdit {
    /// Their name.
    Name(String),
    /// Physician or not.
    Physician(bool),
    /// Took part in a stage or not.
    Stage(Stage, bool),
    /// On the roster at the start.
    OnRoster(bool),
    /// Opted in.
    OptedIn(bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.apply(action);
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

impl State {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        if action.edits_team() {
            self.roster_answers = true;
        }
        match action {
            Action::Show(v) => self.view = v,
            Action::RosterAnswers(b) => self.roster_answers = b,
            Action::Commitment(c, yes) => match c {
                Commitment::Sponsor => self.sponsor = yes,
                Commitment::ClinicalLeader => self.clinical_leader = yes,
                Commitment::CanAudit => self.can_audit = yes,
                Commitment::CanReportData => self.can_report_data = yes,
            },
            Action::Coach(q) => self.coach = q,
            Action::Factor(i, yes) => {
                if let Some(f) = self.factors.get_mut(i) {
                    *f = yes;
                }
            }
            Action::Edition(e) => self.edition = e,
            Action::Projects(text) => {
                self.projects = text;
                if let Some(n) = self.team_projects() {
                    self.collaboratives.resize(n as usize, None);
                }
            }
            Action::Collaborative(n, c) => {
                if let Some(slot) = self.collaboratives.get_mut((n as usize).wrapping_sub(1)) {
                    *slot = c;
                }
            }
            Action::AddPerson => {
                let id = self.next_id;
                self.next_id += 1;
                self.people.push(PersonDraft {
                    id,
                    name: format!("Person {}", self.people.len() + 1),
                    hours: starter_hours(self.edition, Role::TeamMember).text(),
                    physician: false,
                    data_access: false,
                    qi: Qi::None,
                    roles: vec![(Role::TeamMember, 1)],
                });
            }
            Action::RemovePerson(id) => self.people.retain(|p| p.id != id),
            Action::Person(id, edit) => {
                if let Some(p) = self.people.iter_mut().find(|p| p.id == id) {
                    match edit {
                        PersonEdit::Name(n) => p.name = n,
                        PersonEdit::Hours(h) => p.hours = h,
                        PersonEdit::Physician(b) => p.physician = b,
                        PersonEdit::DataAccess(b) => p.data_access = b,
                        PersonEdit::Qi(q) => p.qi = q,
                        PersonEdit::Role(role, project, on) => {
                            p.roles.retain(|r| *r != (role, project));
                            if on {
                                // Kept sorted by inserting in place (no sort routine in the build).
                                let at = p.roles.partition_point(|r| *r < (role, project));
                                p.roles.insert(at, (role, project));
                            }
                        }
                    }
                }
            }
            Action::FeeProjects(t) => self.fee_projects = t,
            Action::PriorProjects(t) => self.prior_projects = t,
            Action::PlanDate(t) => self.plan_date = t,
            Action::Graduation(t) => self.graduation = t,
            Action::StageC(b) => self.stage_c_complete = b,
            Action::Document(d, b) => {
                if let Some(i) = Document::ALL.iter().position(|x| *x == d) {
                    self.documents[i] = b;
                }
            }
            Action::AddParticipant => {
                let id = self.next_id;
                self.next_id += 1;
                self.participants.push(ParticipantDraft {
                    id,
                    name: format!("Participant {}", self.participants.len() + 1),
                    physician: false,
                    stages: [true, true, true],
                    on_roster: true,
                    opted_in: true,
                });
            }
            Action::RemoveParticipant(id) => self.participants.retain(|p| p.id != id),
            Action::Participant(id, edit) => {
                if let Some(p) = self.participants.iter_mut().find(|p| p.id == id) {
                    match edit {
                        ParticipantEdit::Name(n) => p.name = n,
                        ParticipantEdit::Physician(b) => p.physician = b,
                        ParticipantEdit::Stage(st, b) => {
                            if let Some(i) = Stage::ALL.iter().position(|x| *x == st) {
                                p.stages[i] = b;
                            }
                        }
                        ParticipantEdit::OnRoster(b) => p.on_roster = b,
                        ParticipantEdit::OptedIn(b) => p.opted_in = b,
                    }
                }
            }
        }
    }
}
