//! The app's one state and its reducer. No HTML here and no rules: the state holds what
//! the user typed (as typed, so bad input can be shown next to its field), and
//! `crate::eval` turns it into answers with the `rules` crate.
//!
//! Every view reads this one state: there is one set of projects (the team's), which
//! the fee estimate prices unless the user explicitly chooses to price another number.
//! An answer the user has not given is `None`, never a default.

use std::rc::Rc;

use chrono::NaiveDate;
use rules::book::Collaborative;
use rules::credits::{Document, Stage};
use rules::readiness::Qi;
use rules::readiness::{PerFactor, SuccessFactor};
use rules::team::{starter_hours, Edition, Role};
use yew::Reducible;

/// The longest text a field keeps, in characters: what a link, this device's copy and a
/// file carry whole (names are checked by the rules at 100; other fields are short).
/// Typing past it is refused with a message ([`State::refused`]), never cut.
pub const MAX_FIELD: usize = 4 * rules::bounds::MAX_NAME_CHARS;

/// The largest application the app keeps: the exported file, which carries the whole
/// state, must stay within what the rules read back (1 MiB).
pub const MAX_SAVED_BYTES: usize = rules::json::MAX_INPUT_BYTES;

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

    /// The id prefix of the view's heading (`{id}-h`).
    pub fn heading_id(self) -> &'static str {
        match self {
            View::Readiness => "readiness",
            View::Team => "team",
            View::Fees => "fees",
            View::Calendar => "cal",
            View::Credits => "cr",
            View::Summary => "sum",
        }
    }

    /// The view's position in [`View::ALL`].
    pub fn index(self) -> usize {
        self as usize
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
    /// Roles, as (role, project) pairs, kept sorted.
    pub roles: Vec<(Role, u32)>,
    /// Opted in to credit by the Session 1 survey (CR5).
    pub opted_in: bool,
    /// Credits: per project, what the Team cannot tell (kept sorted by project).
    pub credits: Vec<CreditDraft>,
}

impl PersonDraft {
    /// Whether they hold a role on project `k` (so are on its roster).
    pub fn on_project(&self, k: u32) -> bool {
        self.roles.iter().any(|(_, p)| *p == k)
    }

    /// Their credit answers for project `k`, if any were given.
    pub fn credit(&self, k: u32) -> Option<&CreditDraft> {
        self.credits.iter().find(|c| c.project == k)
    }

    /// Their credit answers for project `k`, to change: made empty, in project order,
    /// when there were none.
    pub fn credit_mut(&mut self, k: u32) -> Option<&mut CreditDraft> {
        let at = self.credits.partition_point(|c| c.project < k);
        if self.credits.get(at).is_none_or(|c| c.project != k) {
            self.credits.insert(
                at,
                CreditDraft {
                    project: k,
                    stages: Vec::new(),
                    joined_late: false,
                },
            );
        }
        self.credits.get_mut(at)
    }

    /// Whether they have a credit claim on project `k`: a role on it, or credit answers
    /// kept from before their role was taken away (shown, so nothing typed is lost).
    pub fn claims_on(&self, k: u32) -> bool {
        self.on_project(k)
            || self
                .credit(k)
                .is_some_and(|c| !c.stages.is_empty() || c.joined_late)
    }
}

impl PersonDraft {
    /// A person with nothing filled in but an id.
    pub fn blank(id: u32) -> Self {
        PersonDraft {
            id,
            name: String::new(),
            hours: String::new(),
            physician: false,
            data_access: false,
            qi: Qi::None,
            roles: Vec::new(),
            opted_in: false,
            credits: Vec::new(),
        }
    }
}

/// What a person's credit on one project needs beyond the Team (CR1, CR4): the rest
/// (name, physician, on the project's roster) comes from the Team.
#[derive(Clone, Debug, PartialEq)]
pub struct CreditDraft {
    /// The project (1-based).
    pub project: u32,
    /// The stages they took part in, in the order A, B, C, each once.
    pub stages: Vec<Stage>,
    /// Joined the project after it started, so not named on the roster at the start.
    pub joined_late: bool,
}

/// One project's progress toward credit (CR2, CR3).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectProgress {
    /// Stage C is complete.
    pub stage_c_complete: bool,
    /// The documents submitted, in the order of [`Document::ALL`], each once.
    pub documents: Vec<Document>,
}

/// Adds or removes `x` in a list kept in the order of `all`.
pub fn toggle<T: Copy + PartialEq>(list: &mut Vec<T>, all: &[T], x: T, on: bool) {
    list.retain(|y| *y != x);
    if on {
        // Inserted in place (no sort routine in the build): before the first value
        // that comes after `x` in `all`.
        let after = |y: &T| all.iter().position(|z| z == y) > all.iter().position(|z| *z == x);
        let at = list.iter().position(after).unwrap_or(list.len());
        list.insert(at, x);
    }
}

/// Something removed, kept so the user can undo it.
#[derive(Clone, Debug, PartialEq)]
pub enum Removed {
    /// A person, at their roster position.
    Person(usize, PersonDraft),
    /// A role of a person.
    Role(u32, Role, u32),
    /// Everything, by "Start again".
    Everything(Box<State>),
}

/// Everything the user has entered.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The view shown.
    pub view: View,
    /// Today's local date (from the browser; the rules take it as input).
    pub today: NaiveDate,
    /// The organization's name, for the summary (optional).
    pub organization: String,
    /// Readiness: sponsor named (`None`: not answered yet).
    pub sponsor: Option<bool>,
    /// Readiness: clinical leader named.
    pub clinical_leader: Option<bool>,
    /// Readiness: the coach's QI experience.
    pub coach: Option<Qi>,
    /// Readiness: manual audits possible.
    pub can_audit: Option<bool>,
    /// Readiness: data reporting possible.
    pub can_report_data: Option<bool>,
    /// Readiness: S1–S7 as answered. S3 is derived from the coach answer and never
    /// stored; S4 and S5 follow C1 and C3 while `None`.
    pub factors: PerFactor<Option<bool>>,
    /// Readiness: take C1/C2 from the team roster (only by the user's choice).
    pub roster_answers: bool,
    /// Team: hours edition.
    pub edition: Edition,
    /// The number of projects, as typed: the team's, and the fee estimate's unless
    /// `price_other` is set.
    pub projects: String,
    /// Team: collaborative of each project.
    pub collaboratives: Vec<Option<Collaborative>>,
    /// Team: the roster.
    pub people: Vec<PersonDraft>,
    /// Fees: a different number of projects to price than the team plans, as typed
    /// (`None`: price the team's projects).
    pub price_other: Option<String>,
    /// Fees: earlier projects, as typed.
    pub prior_projects: String,
    /// Calendar: the date to plan from, as typed (defaults to today).
    pub plan_date: String,
    /// Credits: graduation date, as typed; empty to follow the cohort the Calendar plans.
    pub graduation: String,
    /// Credits: each project's progress, by project number (1 first); like the
    /// collaboratives, kept when the number of projects goes down.
    pub progress: Vec<ProjectProgress>,
    /// The next id to give a person.
    pub next_id: u32,
    /// The last removal, for Undo.
    pub removed: Option<Removed>,
    /// Why the last change was refused (it would make answers that cannot be saved and
    /// read back whole); never saved.
    pub refused: Option<Refusal>,
    /// What opened answers were last checked under (read from a link, this device's copy
    /// or a file), until the first change: the app re-checks them and says what the
    /// current rules decide differently. Never compared as an answer.
    pub checked: Option<crate::checked::Receipt>,
}

/// Why a change was not made: it would make answers that cannot be saved and read back
/// whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// More people than a link holds.
    People,
    /// More roles for one person than a link holds.
    Roles,
    /// A field longer than [`MAX_FIELD`].
    Field,
    /// The exported file would pass [`MAX_SAVED_BYTES`].
    Size,
}

impl Refusal {
    /// What the app says, with what to do instead.
    pub fn message(self) -> String {
        use rules::bounds::{MAX_PEOPLE, MAX_ROLES_PER_PERSON};
        match self {
            Refusal::People => format!("Not added: a team can list at most {MAX_PEOPLE} people, so that the answers can be saved and opened again."),
            Refusal::Roles => format!("Not added: one person can hold at most {MAX_ROLES_PER_PERSON} roles, so that the answers can be saved and opened again."),
            Refusal::Field => format!("Not kept: a field holds at most {MAX_FIELD} characters, so that the answers can be saved and opened again."),
            Refusal::Size => format!("Not added: the answers would pass {} MB, more than can be saved and opened again. Remove people or shorten names first.", MAX_SAVED_BYTES >> 20),
        }
    }
}

impl State {
    /// A fresh state for `today`: nothing answered, one project, a starter roster of
    /// the four leading roles (each with the hours its role needs under the default
    /// edition) with no names yet (examples, counted as unanswered), and the next
    /// cohort's dates.
    pub fn new(today: NaiveDate) -> Self {
        let edition = Edition::default();
        // Examples, not answers: each starter person holds a leading role and its hours,
        // but has no name until the user gives one, so the roster answers nothing yet.
        let person = |id, role: Role| PersonDraft {
            hours: starter_hours(edition, role).text(),
            physician: role == Role::PhysicianLeader,
            roles: vec![(role, 1)],
            ..PersonDraft::blank(id)
        };
        State {
            view: View::Readiness,
            today,
            organization: String::new(),
            sponsor: None,
            clinical_leader: None,
            coach: None,
            can_audit: None,
            can_report_data: None,
            factors: PerFactor::default(),
            roster_answers: false,
            edition,
            projects: "1".into(),
            collaboratives: vec![None],
            people: vec![
                person(1, Role::Sponsor),
                person(2, Role::PhysicianLeader),
                person(3, Role::TeamLeader),
                person(4, Role::QiCoach),
            ],
            price_other: None,
            prior_projects: "0".into(),
            plan_date: rules::date::format(today),
            // Empty: the Calendar's cohort graduation, one date everywhere.
            graduation: String::new(),
            progress: vec![ProjectProgress::default()],
            next_id: 5,
            removed: None,
            refused: None,
            checked: None,
        }
    }

    /// The number of projects the team plans, when the field is a valid count: for
    /// reading a saved link of format 1 only (the app reads it once, in `evaluate`).
    pub fn team_projects(&self) -> Option<u32> {
        rules::bounds::count_text("projects", &self.projects, 1, rules::bounds::MAX_PROJECTS).ok()
    }

    /// Whether this state can be saved and read back whole (a link, this device's copy, a
    /// file): every count within what a link is read with, every field within
    /// [`MAX_FIELD`], and the exported file within [`MAX_SAVED_BYTES`]. `Err` says why
    /// not, in words.
    pub fn fits(&self) -> Result<(), Refusal> {
        use rules::bounds::{MAX_PEOPLE, MAX_ROLES_PER_PERSON};
        if self.people.len() > MAX_PEOPLE {
            return Err(Refusal::People);
        }
        if self
            .people
            .iter()
            .any(|p| p.roles.len() > MAX_ROLES_PER_PERSON)
        {
            return Err(Refusal::Roles);
        }
        if self.texts().any(|t| t.chars().nth(MAX_FIELD).is_some()) {
            return Err(Refusal::Field);
        }
        if self.saved_size() > MAX_SAVED_BYTES {
            return Err(Refusal::Size);
        }
        Ok(())
    }

    /// Every text field, as typed.
    fn texts(&self) -> impl Iterator<Item = &String> {
        [
            &self.organization,
            &self.projects,
            &self.prior_projects,
            &self.plan_date,
            &self.graduation,
        ]
        .into_iter()
        .chain(self.price_other.iter())
        .chain(self.people.iter().flat_map(|p| [&p.name, &p.hours]))
    }

    /// An upper bound of the exported file's size in bytes: the state's share text
    /// (every text's bytes plus its length, each flag and role in a few bytes, in
    /// base64) plus the request parts as the file writes them (indented), where a
    /// character takes at most 6 bytes of JSON (`\u00XX`). `web/tests/persist.rs`
    /// checks it is never below the real size.
    pub fn saved_size(&self) -> usize {
        let texts: usize = self.texts().map(|t| t.len() + 3).sum();
        let json: usize = self.texts().map(|t| 6 * t.chars().count() + 3).sum();
        let roles: usize = self
            .people
            .iter()
            .map(|p| p.roles.len() + p.credits.len())
            .sum();
        let binary = 64
            + texts
            + 3 * self.collaboratives.len()
            + 8 * self.people.len()
            + 4 * roles
            + 8 * self.progress.len();
        let code = binary.div_ceil(3) * 4;
        let requests = 2048
            + json
            + 40 * self.collaboratives.len()
            + 240 * self.people.len()
            + 96 * roles
            + 200 * self.progress.len();
        code + requests
    }

    /// The same state with the view and the undo memory left out: what is saved and
    /// shared.
    pub fn content(&self) -> State {
        State {
            view: View::Readiness,
            removed: None,
            refused: None,
            checked: None,
            ..self.clone()
        }
    }
}

/// Everything the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a view.
    Show(View),
    /// The organization's name.
    Organization(String),
    /// Take C1/C2 from the team roster, or ask them.
    RosterAnswers(bool),
    /// A readiness yes/no answer: which, and the answer.
    Commitment(Commitment, bool),
    /// The coach's experience.
    Coach(Qi),
    /// A success factor answered.
    Factor(SuccessFactor, bool),
    /// The hours edition.
    Edition(Edition),
    /// The number of projects, as typed.
    Projects(String),
    /// Price a different number of projects than the team plans (`Some`), or the
    /// team's (`None`).
    PriceOther(Option<String>),
    /// The collaborative of project n (1-based).
    Collaborative(u32, Option<Collaborative>),
    /// Add a person, with nothing filled in.
    AddPerson,
    /// Add a person as a team member of project 1 (the credits view shown alone, where
    /// there is no Team to give them a role).
    AddMember,
    /// Remove a person by id (undoable).
    RemovePerson(u32),
    /// Change a person's field.
    Person(u32, PersonEdit),
    /// Fees: earlier projects, as typed.
    PriorProjects(String),
    /// Calendar: plan from this date, as typed.
    PlanDate(String),
    /// Credits: graduation date, as typed.
    Graduation(String),
    /// Credits: project n's Stage C is complete or not.
    StageC(u32, bool),
    /// Credits: project n's document submitted or not.
    Document(u32, Document, bool),
    /// Undo the last removal.
    Undo,
    /// Forget the last removal: Undo is no longer offered.
    Forget,
    /// Dismiss the note on what opened answers were re-checked under.
    Acknowledge,
    /// Forget everything entered (undoable).
    StartAgain,
    /// Replace everything with a loaded state (a link, a file, this device's copy),
    /// keeping the view shown.
    Load(Box<State>),
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
    /// Opted in to credit by the Session 1 survey (CR5).
    OptedIn(bool),
    /// Took part in a stage of project n, or not (CR1).
    Stage(u32, Stage, bool),
    /// Joined project n after it started (CR4).
    JoinedLate(u32, bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.refused = None;
        s.apply(action);
        // What cannot be saved and read back whole is refused, so nothing typed is lost
        // on reopening. A change that shrinks an oversized state (one an earlier release
        // saved) is always allowed.
        if let Err(why) = s.fits() {
            if s.saved_size() >= self.saved_size() {
                let mut kept = (*self).clone();
                kept.refused = Some(why);
                return if kept == *self { self } else { Rc::new(kept) };
            }
        }
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
        // A change of the answers ends the comparison with what they were checked under.
        if !matches!(action, Action::Show(_) | Action::Load(_)) {
            self.checked = None;
        }
        match action {
            Action::Show(v) => self.view = v,
            Action::Organization(name) => self.organization = name,
            Action::RosterAnswers(b) => self.roster_answers = b,
            Action::Commitment(c, yes) => {
                let slot = match c {
                    Commitment::Sponsor => &mut self.sponsor,
                    Commitment::ClinicalLeader => &mut self.clinical_leader,
                    Commitment::CanAudit => &mut self.can_audit,
                    Commitment::CanReportData => &mut self.can_report_data,
                };
                *slot = Some(yes);
            }
            Action::Coach(q) => self.coach = Some(q),
            Action::Factor(f, yes) => *self.factors.get_mut(f) = Some(yes),
            Action::Edition(e) => self.edition = e,
            // The text only: the rules read it once, in `evaluate`. Each project's answers
            // are kept per project and grown when one is given, never cut, so a project
            // typed away and back keeps them.
            Action::Projects(text) => self.projects = text,
            Action::PriceOther(other) => self.price_other = other,
            Action::Collaborative(n, c) => {
                if let Some(slot) = slot_of(&mut self.collaboratives, n) {
                    *slot = c;
                }
            }
            Action::AddPerson => {
                let id = self.take_id();
                self.people.push(PersonDraft::blank(id));
            }
            Action::AddMember => {
                let id = self.take_id();
                self.people.push(PersonDraft {
                    roles: vec![(Role::TeamMember, 1)],
                    ..PersonDraft::blank(id)
                });
            }
            Action::RemovePerson(id) => {
                if let Some(at) = self.people.iter().position(|p| p.id == id) {
                    let p = self.people.remove(at);
                    self.removed = Some(Removed::Person(at, p));
                }
            }
            Action::Person(id, edit) => {
                if let PersonEdit::Role(role, project, false) = edit {
                    if self
                        .people
                        .iter()
                        .any(|p| p.id == id && p.roles.contains(&(role, project)))
                    {
                        self.removed = Some(Removed::Role(id, role, project));
                    }
                }
                if let Some(p) = self.people.iter_mut().find(|p| p.id == id) {
                    edit_person(p, edit);
                }
            }
            Action::PriorProjects(t) => self.prior_projects = t,
            Action::PlanDate(t) => self.plan_date = t,
            Action::Graduation(t) => self.graduation = t,
            Action::StageC(k, b) => {
                if let Some(p) = slot_of(&mut self.progress, k) {
                    p.stage_c_complete = b;
                }
            }
            Action::Document(k, d, b) => {
                if let Some(p) = slot_of(&mut self.progress, k) {
                    toggle(&mut p.documents, Document::ALL, d, b);
                }
            }
            Action::Undo => self.undo(),
            Action::Forget => self.removed = None,
            // Done above: a change ends the comparison.
            Action::Acknowledge => {}
            Action::StartAgain => {
                let before = self.content();
                let view = self.view;
                *self = State::new(self.today);
                self.view = view;
                self.removed = Some(Removed::Everything(Box::new(before)));
            }
            Action::Load(s) => {
                let view = self.view;
                *self = *s;
                self.view = view;
                self.removed = None;
            }
        }
    }

    fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    fn undo(&mut self) {
        match self.removed.take() {
            Some(Removed::Person(at, p)) => {
                let at = at.min(self.people.len());
                self.people.insert(at, p);
            }
            Some(Removed::Role(id, role, project)) => {
                if let Some(p) = self.people.iter_mut().find(|p| p.id == id) {
                    edit_person(p, PersonEdit::Role(role, project, true));
                }
            }
            Some(Removed::Everything(s)) => {
                let view = self.view;
                *self = *s;
                self.view = view;
            }
            None => {}
        }
    }
}

fn edit_person(p: &mut PersonDraft, edit: PersonEdit) {
    match edit {
        PersonEdit::Name(n) => p.name = n,
        PersonEdit::Hours(h) => p.hours = h,
        PersonEdit::Physician(b) => p.physician = b,
        PersonEdit::DataAccess(b) => p.data_access = b,
        PersonEdit::Qi(q) => p.qi = q,
        PersonEdit::OptedIn(b) => p.opted_in = b,
        PersonEdit::Stage(k, st, on) => {
            if let Some(c) = p.credit_mut(k) {
                toggle(&mut c.stages, Stage::ALL, st, on);
            }
        }
        PersonEdit::JoinedLate(k, b) => {
            if let Some(c) = p.credit_mut(k) {
                c.joined_late = b;
            }
        }
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

/// Project `k`'s answers in `per_project` (1-based), grown to hold it when a project up
/// to the most there can be is answered; `None` for any other `k`.
fn slot_of<T: Default + Clone>(per_project: &mut Vec<T>, k: u32) -> Option<&mut T> {
    let i = (k as usize).checked_sub(1)?;
    if k > rules::bounds::MAX_PROJECTS {
        return None;
    }
    if i >= per_project.len() {
        per_project.resize(i + 1, T::default());
    }
    per_project.get_mut(i)
}
