//! The credits view.

use super::*;
use crate::eval::ParticipantCredit;

/// Credits: everyone named in the Team, on each project they are on, with what they can
/// claim and by when. Only what the Team cannot tell is asked: the graduation (the
/// Calendar's unless typed), each project's Stage C and documents, each person's
/// opt-in, stages and a late start.
pub fn credits_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    let projects = s.team_projects().unwrap_or(1);
    let named: Vec<&crate::state::PersonDraft> = s
        .people
        .iter()
        .filter(|x| !x.name.trim().is_empty())
        .collect();
    let unnamed = s.people.len() - named.len();
    html! {
        <section aria-labelledby="cr-h">
            <h2 id="cr-h" tabindex="-1">{ "What credit can each of you claim?" }</h2>
            { error_summary(&res.errors_in(View::Credits)) }
            <p class="lede">{ "Everyone named in the Team appears here, once for each project they are on: each project is its own claim. Names, degrees and projects come from the Team; change them there." }</p>
            <fieldset>
                <legend>{ "When" }</legend>
                <TextField id="graduation" label="Graduation date (YYYY-MM-DD)" date={true} value={s.graduation.clone()} error={res.error_for("graduation")} settled={res.settled("graduation")} hint={Some(AttrValue::from(graduation_hint(p)))} oninput={send(d, Action::Graduation)} />
            </fieldset>
            if named.is_empty() {
                <p class="waiting">{ "No one is named in the Team yet: give each person a name there and they appear here." }</p>
            } else {
                <fieldset>
                    <legend>{ "Opted in to credit by the Session 1 survey" }</legend>
                    { for named.iter().map(|x| {
                        let id = x.id;
                        html! { { check(CheckProps { id: format!("p-{id}-optin").into(), label: format!("{} ({})", credit_questions::OPTED_IN, x.name.trim()).into(), checked: x.opted_in, onchange: send_for(d, id, |id, b| Action::Person(id, PersonEdit::OptedIn(b))), disabled: false }) } }
                    }) }
                </fieldset>
            }
            if unnamed > 0 {
                <p class="waiting">{ format!("{} in the Team {} no name yet: each appears here once named.", people_count(unnamed), if unnamed == 1 { "has" } else { "have" }) }</p>
            }
            { for (1..=projects).map(|k| project(p, k, &named)) }
        </section>
    }
}

fn people_count(n: usize) -> String {
    if n == 1 {
        String::from("One person")
    } else {
        format!("{n} people")
    }
}

/// One project: its progress, then each person's claim on it.
fn project(p: &ViewProps, k: u32, named: &[&crate::state::PersonDraft]) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let progress = s.progress.get(k as usize - 1).cloned().unwrap_or_default();
    let collaborative = s
        .collaboratives
        .get(k as usize - 1)
        .copied()
        .flatten()
        .map_or_else(
            || String::from("collaborative not chosen"),
            |c| c.title().to_string(),
        );
    let on: Vec<&&crate::state::PersonDraft> = named.iter().filter(|x| x.claims_on(k)).collect();
    html! {
        <fieldset class="project" key={k}>
            <legend>{ format!("Project {k}: {collaborative}") }</legend>
            { check(CheckProps { id: format!("stage-c-{k}").into(), label: format!("{} (project {k})", credit_questions::STAGE_C_COMPLETE).into(), checked: progress.stage_c_complete, onchange: send_for(d, k, Action::StageC), disabled: false }) }
            <fieldset class="inline">
                <legend>{ format!("Documents project {k} has submitted") }</legend>
                { for Document::ALL.iter().map(|doc| {
                    let doc = *doc;
                    html! { { check(CheckProps { id: format!("doc-{k}-{}", doc.key()).into(), label: doc.title().into(), checked: progress.documents.contains(&doc), onchange: send_for(d, (k, doc), |(k, doc), b| Action::Document(k, doc, b)), disabled: false }) } }
                }) }
            </fieldset>
            if on.is_empty() {
                <p class="waiting">{ format!("No one named in the Team is on project {k} yet.") }</p>
            }
            { for on.into_iter().map(|x| claim(p, k, x)) }
        </fieldset>
    }
}

/// One person's claim on project `k`.
fn claim(p: &ViewProps, k: u32, x: &crate::state::PersonDraft) -> Html {
    let d = &p.dispatch;
    let id = x.id;
    let who = x.name.trim();
    let roles: Vec<&str> = x
        .roles
        .iter()
        .filter(|r| r.1 == k)
        .map(|r| r.0.title())
        .collect();
    let answers = x.credit(k);
    let stages = answers.map(|c| c.stages.as_slice()).unwrap_or_default();
    let answer = p
        .results
        .credits
        .iter()
        .find(|c| c.id == id && c.project == k);
    let held = if roles.is_empty() {
        String::from("no role on this project in the Team")
    } else {
        roles.join(", ")
    };
    html! {
        <fieldset class="person" key={id}>
            <legend>{ format!("{who} · {held}") }</legend>
            <fieldset class="inline">
                <legend>{ format!("Stages {who} took part in on project {k}") }</legend>
                { for Stage::ALL.iter().map(|st| {
                    let st = *st;
                    html! { { check(CheckProps { id: format!("p-{id}-{k}-stage-{}", st.key()).into(), label: format!("Stage {}: {} ({} credits)", st.key(), st.title(), st.credits()).into(), checked: stages.contains(&st), onchange: send_for(d, (id, k, st), |(id, k, st), b| Action::Person(id, PersonEdit::Stage(k, st, b))), disabled: false }) } }
                }) }
            </fieldset>
            { check(CheckProps { id: format!("p-{id}-{k}-late").into(), label: format!("{who} joined project {k} after it started (so was not on its Team Roster at the start)").into(), checked: answers.is_some_and(|c| c.joined_late), onchange: send_for(d, (id, k), |(id, k), b| Action::Person(id, PersonEdit::JoinedLate(k, b))), disabled: false }) }
            if let Some(c) = answer { { result(c) } }
        </fieldset>
    }
}

/// A claim's answer: worth, whether it can be claimed today (or when, or that it no
/// longer can), the deadline, and what stands in the way.
fn result(c: &ParticipantCredit) -> Html {
    let r = &c.report;
    let errors = r.findings.iter().filter(|f| f.severity == Severity::Error);
    let passed = errors.clone().any(|f| f.passed.is_some());
    let to_fix = errors
        .clone()
        .filter(|f| f.due.is_none() && f.passed.is_none())
        .count();
    let status_line = if r.claimable {
        status(true, "Can be claimed today.", "")
    } else if passed {
        status(
            false,
            "",
            "Can no longer be claimed: a day it needed has passed.",
        )
    } else if to_fix == 0 {
        html! { <span class="status later">{ "Not yet: what it needs is still to come." }</span> }
    } else {
        status(false, "", "Cannot be claimed today.")
    };
    html! {
        <div class="credit-result" role="status">
            <p><strong>{ format!("{} credits", r.credits) }</strong>{ format!(" · {}", r.credit_type.title()) }{ why(RuleId::CR8) }</p>
            <p>{ status_line }{ format!(" Deadline {} ({}).", date(r.claim_deadline), days(r.days_left)) }{ why(RuleId::CR7) }</p>
            { findings(&r.findings, false) }
        </div>
    }
}

/// Where the graduation comes from: the Calendar's cohort while the field is empty, so
/// every view gives one claim deadline; a typed date, said to differ.
fn graduation_hint(p: &ViewProps) -> String {
    let planned = p.results.schedule.as_ref().map(|sc| &sc.cohort);
    match (p.state.graduation.trim().is_empty(), planned) {
        (true, Some(c)) => format!("Empty: the {} cohort's estimated graduation in the Calendar, {}; Session 1, which the opt-in and the roster at the start count from, is its team start, {}. Type a date to use another.", cohort_label(c), date(c.graduation), date(c.team_starts)),
        (true, None) => String::from("Empty: the graduation of the cohort the Calendar plans, once its date can be read."),
        (false, Some(c)) => format!("The Calendar's {} cohort graduates {}; clear this field to follow it (and to time the opt-in from its Session 1).", cohort_label(c), date(c.graduation)),
        (false, None) => String::from("Clear this field to follow the cohort the Calendar plans."),
    }
}

fn days(n: i64) -> String {
    match n {
        0 => "today".into(),
        1 => "1 day left".into(),
        n if n > 1 => format!("{n} days left"),
        -1 => "passed yesterday".into(),
        n => format!("passed {} days ago", -n),
    }
}
