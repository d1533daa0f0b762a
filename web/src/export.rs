//! "Download answers" and "Open a file": the application as a JSON file that is an
//! `assess` request of the JSON contract (so `impower assess FILE` checks it), with the
//! envelope `{"format": "impower-ready", "version": 1, "app": {…}}`.
//!
//! `app` carries what only the app needs: the organization's name, the view, and every
//! field as typed (in the share-link encoding of [`crate::share`]), so a file restores
//! exactly what was entered, including fields that are not valid yet. The request parts
//! hold what is valid, for the command line and a program office.

use rules::bounds::{MAX_PRIOR_PROJECTS, MAX_PROJECTS};
use rules::credits::{Document, Stage};
use rules::json::{self, Json, Verb, EXPORT_FORMAT, EXPORT_VERSION};
use rules::readiness::SUCCESS_FACTORS;
use rules::team::check_name;
use rules::{Hours, InputError};

use crate::eval::{FactorState, Results};
use crate::share;
use crate::state::State;

fn s(text: &str) -> Json {
    Json::String(text.into())
}

fn n(x: u32) -> Json {
    Json::Number(x.to_string())
}

fn obj(fields: Vec<(&str, Json)>) -> Json {
    Json::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// The file's name: the organization's, made safe, and the date.
pub fn file_name(state: &State) -> String {
    let org: String = state
        .organization
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let org = org.trim_matches('-');
    let org = if org.is_empty() { "impower-ready" } else { org };
    format!(
        "{}-{}.json",
        org.chars().take(40).collect::<String>(),
        rules::date::format(state.today)
    )
}

/// The exported file's text.
pub fn export(state: &State, results: &Results) -> String {
    let mut fields = vec![
        ("format", s(EXPORT_FORMAT)),
        ("version", n(EXPORT_VERSION)),
        (
            "app",
            obj(vec![
                ("organization", s(state.organization.trim())),
                ("view", s(state.view.key())),
                ("fields", s(&share::encode(state))),
            ]),
        ),
    ];
    if let Some(r) = readiness(state, results) {
        fields.push(("readiness", r));
    }
    if let Some(t) = team(state, results) {
        fields.push(("team", t));
    }
    if let Some((projects, _)) = results.priced_projects {
        if let Ok(prior) = rules::bounds::count_text(
            "prior_projects",
            &state.prior_projects,
            0,
            MAX_PRIOR_PROJECTS,
        ) {
            fields.push((
                "fees",
                obj(vec![
                    ("projects", n(projects)),
                    ("prior_projects", n(prior)),
                ]),
            ));
        }
    }
    if let Ok(d) = rules::date::parse(state.plan_date.trim(), "date") {
        fields.push(("schedule", obj(vec![("date", s(&rules::date::format(d)))])));
    }
    if let Some(c) = credits(state) {
        fields.push(("credits", c));
    }
    json::write(&obj(fields))
}

fn readiness(state: &State, results: &Results) -> Option<Json> {
    let coach = state.coach?;
    let mut factors = Vec::new();
    for (id, f) in SUCCESS_FACTORS.iter().zip(results.factors) {
        if !matches!(f, FactorState::Derived(_)) {
            factors.push((id.as_str().to_string(), Json::Bool(f.met())));
        }
    }
    Some(obj(vec![
        ("sponsor", Json::Bool(state.sponsor?)),
        ("clinical_leader", Json::Bool(state.clinical_leader?)),
        ("coach", s(coach.key())),
        ("can_audit", Json::Bool(state.can_audit?)),
        ("can_report_data", Json::Bool(state.can_report_data?)),
        ("success_factors", Json::Object(factors)),
    ]))
}

fn team(state: &State, results: &Results) -> Option<Json> {
    if results.team_blocked {
        return None;
    }
    let projects = state.team_projects()?;
    let mut people = Vec::new();
    for p in &state.people {
        let name = check_name(&p.name, "name").ok()?;
        let hours = Hours::from_text(&p.hours, "hours").ok()?;
        let roles = p
            .roles
            .iter()
            .filter(|(_, k)| *k <= projects)
            .map(|(role, k)| obj(vec![("role", s(role.key())), ("project", n(*k))]))
            .collect();
        people.push(obj(vec![
            ("name", s(name)),
            ("hours_per_week", Json::Number(hours.text())),
            ("physician", Json::Bool(p.physician)),
            ("data_access", Json::Bool(p.data_access)),
            ("qi", s(p.qi.key())),
            ("roles", Json::Array(roles)),
        ]));
    }
    let collaboratives = state
        .collaboratives
        .iter()
        .take(projects as usize)
        .map(|c| c.map_or(Json::Null, |c| s(c.key())))
        .collect();
    Some(obj(vec![
        ("edition", s(state.edition.key())),
        ("projects", n(projects)),
        ("collaboratives", Json::Array(collaboratives)),
        ("people", Json::Array(people)),
    ]))
}

/// The first participant's credit question (the contract asks one at a time; the app
/// part keeps them all).
fn credits(state: &State) -> Option<Json> {
    let p = state.participants.first()?;
    let graduation = rules::date::parse(state.graduation.trim(), "graduation").ok()?;
    let stages = Stage::ALL
        .iter()
        .zip(p.stages)
        .filter(|(_, on)| *on)
        .map(|(st, _)| s(st.key()))
        .collect();
    let documents = Document::ALL
        .iter()
        .zip(state.documents)
        .filter(|(_, on)| *on)
        .map(|(d, _)| s(d.key()))
        .collect();
    Some(obj(vec![
        ("physician", Json::Bool(p.physician)),
        ("stages", Json::Array(stages)),
        ("stage_c_complete", Json::Bool(state.stage_c_complete)),
        ("documents", Json::Array(documents)),
        ("on_roster_at_start", Json::Bool(p.on_roster)),
        ("opted_in", Json::Bool(p.opted_in)),
        ("graduation", s(&rules::date::format(graduation))),
        ("today", s(&rules::date::format(state.today))),
    ]))
}

/// What importing a file gives.
#[derive(Debug, PartialEq)]
pub struct Imported {
    /// The state to load.
    pub state: State,
    /// What could not be read, if anything.
    pub problem: Option<String>,
}

/// Reads an exported file (or any `assess` request). The request is checked by the
/// rules first: on any error nothing is loaded and the error names the field.
pub fn import(text: &str, today: chrono::NaiveDate) -> Result<Imported, InputError> {
    let value = json::parse(text)?;
    json::answer_value(Verb::Assess, &value)?;
    if let Some(code) = value
        .get("app")
        .and_then(|a| a.get("fields"))
        .and_then(|f| match f {
            Json::String(s) => Some(s),
            _ => None,
        })
    {
        return match share::decode(code, today) {
            Ok((state, problem)) => Ok(Imported {
                state,
                problem: problem.map(|p| p.message()),
            }),
            Err(p) => Err(InputError::new(
                rules::ErrorCode::WrongType,
                "app.fields",
                p.message(),
            )),
        };
    }
    Ok(Imported {
        state: from_request(&value, today),
        problem: None,
    })
}

/// A state from a request written by hand (no `app` part): each part it has.
fn from_request(v: &Json, today: chrono::NaiveDate) -> State {
    let mut st = State::new(today);
    let text = |j: Option<&Json>| match j {
        Some(Json::String(s)) | Some(Json::Number(s)) => Some(s.clone()),
        _ => None,
    };
    let flag = |j: Option<&Json>| match j {
        Some(Json::Bool(b)) => Some(*b),
        _ => None,
    };
    if let Some(org) = v.get("app").and_then(|a| text(a.get("organization"))) {
        st.organization = org;
    }
    if let Some(r) = v.get("readiness") {
        st.sponsor = flag(r.get("sponsor"));
        st.clinical_leader = flag(r.get("clinical_leader"));
        st.coach = text(r.get("coach")).and_then(|c| rules::readiness::Qi::parse(&c));
        st.can_audit = flag(r.get("can_audit"));
        st.can_report_data = flag(r.get("can_report_data"));
        if let Some(sf) = r.get("success_factors") {
            for (i, id) in SUCCESS_FACTORS.iter().enumerate() {
                st.factors[i] = flag(sf.get(id.as_str()));
            }
        }
    }
    if let Some(t) = v.get("team") {
        if let Some(e) = text(t.get("edition")).and_then(|e| rules::team::Edition::parse(&e)) {
            st.edition = e;
        }
        if let Some(p) = text(t.get("projects")) {
            st.projects = p;
        }
        if let Some(Json::Array(cs)) = t.get("collaboratives") {
            st.collaboratives = cs
                .iter()
                .map(|c| text(Some(c)).and_then(|c| rules::book::Collaborative::parse(&c)))
                .collect();
        }
        let n = st.team_projects().unwrap_or(1) as usize;
        st.collaboratives.resize(n, None);
        st.people.clear();
        st.next_id = 1;
        if let Some(Json::Array(people)) = t.get("people") {
            for p in people {
                let mut d = crate::state::PersonDraft::blank(st.next_id);
                st.next_id += 1;
                d.name = text(p.get("name")).unwrap_or_default();
                d.hours = text(p.get("hours_per_week")).unwrap_or_default();
                d.physician = flag(p.get("physician")).unwrap_or(false);
                d.data_access = flag(p.get("data_access")).unwrap_or(false);
                d.qi = text(p.get("qi"))
                    .and_then(|q| rules::readiness::Qi::parse(&q))
                    .unwrap_or_default();
                if let Some(Json::Array(roles)) = p.get("roles") {
                    for r in roles {
                        let role = text(r.get("role")).and_then(|x| rules::team::Role::parse(&x));
                        let project = text(r.get("project")).and_then(|x| {
                            rules::bounds::count_text("project", &x, 1, MAX_PROJECTS).ok()
                        });
                        if let (Some(role), Some(k)) = (role, project) {
                            if !d.roles.contains(&(role, k)) {
                                let at = d.roles.partition_point(|x| *x < (role, k));
                                d.roles.insert(at, (role, k));
                            }
                        }
                    }
                }
                st.people.push(d);
            }
        }
    }
    if let Some(f) = v.get("fees") {
        let projects = text(f.get("projects"));
        if projects.is_some() && projects != Some(st.projects.clone()) {
            st.price_other = projects;
        }
        if let Some(p) = text(f.get("prior_projects")) {
            st.prior_projects = p;
        }
    }
    if let Some(d) = v.get("schedule").and_then(|s| text(s.get("date"))) {
        st.plan_date = d;
    }
    if let Some(c) = v.get("credits") {
        if let Some(g) = text(c.get("graduation")) {
            st.graduation = g;
        }
        st.stage_c_complete = flag(c.get("stage_c_complete")).unwrap_or(false);
        let listed = |key: &str, name: &str| match c.get(key) {
            Some(Json::Array(xs)) => xs.iter().any(|x| text(Some(x)).as_deref() == Some(name)),
            _ => false,
        };
        st.documents = std::array::from_fn(|i| {
            Document::ALL
                .get(i)
                .is_some_and(|d| listed("documents", d.key()))
        });
        let mut p = crate::state::ParticipantDraft::blank(st.next_id);
        st.next_id += 1;
        p.physician = flag(c.get("physician")).unwrap_or(false);
        p.stages =
            std::array::from_fn(|i| Stage::ALL.get(i).is_some_and(|s| listed("stages", s.key())));
        p.on_roster = flag(c.get("on_roster_at_start")).unwrap_or(false);
        p.opted_in = flag(c.get("opted_in")).unwrap_or(false);
        st.participants.push(p);
    }
    st
}
