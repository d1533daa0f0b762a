//! The roster as a checked request: names, weekly hours and roles per project. Built
//! only through [`TeamRequest::new`], so validation never meets an unchecked value.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use chrono::NaiveDate;
use serde::Serialize;

use crate::book::Collaborative;
use crate::bounds::{count, MAX_NAME_CHARS, MAX_PEOPLE, MAX_PROJECTS, MAX_ROLES_PER_PERSON};
use crate::error::{quote, ErrorCode, InputError};
use crate::hours::Hours;
use crate::text::plural;
use crate::vocab::{Edition, Qi, Role};

/// Checks a person's name and returns it trimmed: not empty, at most [`MAX_NAME_CHARS`]
/// characters, no control characters. `field` names it in the error. (Uniqueness is the
/// roster's to check.)
pub fn check_name<'a>(name: &'a str, field: &str) -> Result<&'a str, InputError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(InputError::new(
            ErrorCode::Empty,
            field,
            "the name is empty: give each person a name",
        ));
    }
    let why = if name.chars().count() > MAX_NAME_CHARS {
        format!("the name is too long: use at most {MAX_NAME_CHARS} characters")
    } else if name.chars().any(char::is_control) {
        String::from("the name contains control characters: use plain text")
    } else {
        return Ok(name);
    };
    Err(InputError::new(ErrorCode::OutOfRange, field, why))
}

/// One role on one project (its JSON contract: `json::requests`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Assignment {
    /// The role.
    pub role: Role,
    /// The project, 1-based.
    pub project: u32,
}

/// A person as the request gives them (its JSON contract: `json::requests`). A draft
/// (RULES.md, "Drafts") may leave the name or the hours unanswered: `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Their name, unique on the roster; `None` while not named yet: such a person is not
    /// on the roster yet (their roles count for nothing and the verdict waits for them).
    pub name: Option<String>,
    /// Hours a week they can give; `None` while not answered yet (T7 waits for them).
    pub hours_per_week: Option<Hours>,
    /// Holds an MD, DO or equivalent degree.
    pub physician: bool,
    /// Can access data from departmental systems.
    pub data_access: bool,
    /// Quality improvement experience.
    pub qi: Qi,
    /// Their roles.
    pub roles: Vec<Assignment>,
}

impl Person {
    /// Holds `role` on `project`.
    pub fn holds(&self, role: Role, project: u32) -> bool {
        self.roles.contains(&Assignment { role, project })
    }
}

/// A person on the roster: one who is named. Reads as the [`Person`] it names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member<'a> {
    /// Their name.
    pub name: &'a str,
    /// Everything else the request gives for them.
    pub person: &'a Person,
}

impl core::ops::Deref for Member<'_> {
    type Target = Person;

    fn deref(&self) -> &Person {
        self.person
    }
}

/// What a draft leaves unanswered (RULES.md, "Drafts"), by the request's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unanswered {
    /// `people[i].name`.
    Name(usize),
    /// `people[i].hours_per_week`.
    Hours(usize),
}

impl Serialize for Unanswered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.path())
    }
}

impl Unanswered {
    /// Its path in the `team` request.
    pub fn path(self) -> String {
        match self {
            Unanswered::Name(i) => format!("people[{i}].name"),
            Unanswered::Hours(i) => format!("people[{i}].hours_per_week"),
        }
    }
}

/// A checked team request: build with [`TeamRequest::new`].
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRequest {
    edition: Edition,
    projects: u32,
    collaboratives: Vec<Option<Collaborative>>,
    people: Vec<Person>,
    as_of: Option<NaiveDate>,
}

impl TeamRequest {
    /// Checks the request; each error names its field (`people[2].name`).
    pub fn new(
        edition: Edition,
        projects: u64,
        collaboratives: Vec<Option<Collaborative>>,
        people: Vec<Person>,
    ) -> Result<Self, InputError> {
        let projects = count("projects", projects, 1, MAX_PROJECTS)?;
        if collaboratives.len() > projects as usize {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                "collaboratives",
                format!(
                    "{} collaboratives were given for {projects} project{}: give at most one per project",
                    collaboratives.len(),
                    plural(projects)
                ),
            ));
        }
        if people.len() > MAX_PEOPLE {
            return Err(InputError::new(
                ErrorCode::OutOfRange,
                "people",
                format!(
                    "{} people is too many: list at most {MAX_PEOPLE}",
                    people.len()
                ),
            ));
        }
        let mut names = Vec::new();
        for (i, p) in people.iter().enumerate() {
            let at = |field: &str| format!("people[{i}].{field}");
            if let Some(name) = &p.name {
                let name = check_name(name, &at("name"))?;
                if !super::insert_sorted(&mut names, name) {
                    return Err(InputError::new(
                        ErrorCode::Duplicate,
                        at("name"),
                        format!(
                            "{} is named twice: give each person a different name",
                            quote(name)
                        ),
                    ));
                }
            }
            if p.roles.len() > MAX_ROLES_PER_PERSON {
                return Err(InputError::new(
                    ErrorCode::OutOfRange,
                    at("roles"),
                    format!(
                        "{} roles is too many: give at most {MAX_ROLES_PER_PERSON}",
                        p.roles.len()
                    ),
                ));
            }
            let mut seen = Vec::new();
            for (j, a) in p.roles.iter().enumerate() {
                if a.project == 0 || a.project > projects {
                    return Err(InputError::new(
                        ErrorCode::OutOfRange,
                        format!("people[{i}].roles[{j}].project"),
                        format!(
                            "project {} does not exist: give a project from 1 to {projects}",
                            a.project
                        ),
                    ));
                }
                if !super::insert_sorted(&mut seen, *a) {
                    return Err(InputError::new(
                        ErrorCode::Duplicate,
                        format!("people[{i}].roles[{j}]"),
                        format!(
                            "{} on project {} is listed twice for this person",
                            a.role.title(),
                            a.project
                        ),
                    ));
                }
            }
        }
        let people = people
            .into_iter()
            .map(|p| Person {
                name: p.name.as_deref().map(|n| String::from(n.trim())),
                ..p
            })
            .collect();
        Ok(TeamRequest {
            edition,
            projects,
            collaboratives,
            people,
            as_of: None,
        })
    }

    /// The same request, checked with the facts in force on `day` (RULES.md, "Dated
    /// facts"); the latest without it.
    #[must_use]
    pub fn with_as_of(mut self, day: Option<NaiveDate>) -> Self {
        self.as_of = day;
        self
    }

    /// The day whose facts check it, if given.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of
    }

    /// The hours edition.
    pub fn edition(&self) -> Edition {
        self.edition
    }

    /// How many projects.
    pub fn projects(&self) -> u32 {
        self.projects
    }

    /// Everyone the request gives, in its order, named or not yet.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The roster: the people who are named, in the request's order.
    pub fn members(&self) -> impl Iterator<Item = Member<'_>> {
        self.people
            .iter()
            .filter_map(|person| person.name.as_deref().map(|name| Member { name, person }))
    }

    /// What the request leaves unanswered, in its order (RULES.md, "Drafts").
    pub fn unanswered(&self) -> Vec<Unanswered> {
        let mut out = Vec::new();
        for (i, p) in self.people.iter().enumerate() {
            if p.name.is_none() {
                out.push(Unanswered::Name(i));
            }
            if p.hours_per_week.is_none() {
                out.push(Unanswered::Hours(i));
            }
        }
        out
    }

    /// The collaborative of each project, where chosen.
    pub fn collaboratives(&self) -> &[Option<Collaborative>] {
        &self.collaboratives
    }

    /// Who on the roster holds `role` on `project`, in roster order (people not named
    /// yet hold nothing yet).
    pub fn holders(&self, project: u32, role: Role) -> Vec<Member<'_>> {
        self.members().filter(|p| p.holds(role, project)).collect()
    }
}
