//! The credits view.

use super::*;
use crate::eval::ParticipantCredit;
use crate::ui::findings_of;

/// Credits: everyone named in the Team, on each project they are on, with what they can
/// claim and by when. Only what the Team cannot tell is asked: the graduation (the
/// Calendar's unless typed), each project's Stage C and documents, each person's
/// opt-in, stages and a late start.
pub fn credits_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    let projects = res.projects.unwrap_or(1);
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
            if p.single {
                { people(p) }
            }
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
            { Html::from_iter((1..=projects).map(|k| project(p, k, &named))) }
        </section>
    }
}

/// Shown alone (an embedded credits view, with no Team beside it): each person's name and
/// degree, and a way to add one, who joins project 1 as a team member.
fn people(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    html! {
        <fieldset>
            <legend>{ "Who takes part" }</legend>
            { Html::from_iter(s.people.iter().enumerate().map(|(i, x)| {
                let id = x.id;
                let roles: Vec<String> = x.roles.iter().map(|(r, k)| format!("{}, project {k}", r.title())).collect();
                html! { <div class="row" key={id}>
                    <TextField id={person_field(id, "name")} label={format!("Name of person {} ({})", i + 1, roles.join("; "))} value={x.name.clone()} oninput={send_for(d, id, |id, v| Action::Person(id, PersonEdit::Name(v)))} />
                    { check(CheckProps { id: person_field(id, "physician").into(), label: format!("{}, person {}", physician_label(), i + 1).into(), checked: x.physician, onchange: send_for(d, id, |id, b| Action::Person(id, PersonEdit::Physician(b))), disabled: false }) }
                </div> }
            })) }
            <button type="button" id="add-person" onclick={act_then_focus(d, Action::AddMember, person_field(s.next_id, "name"))}>{ "Add a person (a team member of project 1)" }</button>
        </fieldset>
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
            if let Some(c) = p.results.credits.iter().find(|c| c.project == k) {
                <div class="credit-project" role="status">
                    <p>{ format!("For everyone on project {k}: claims due by {} ({}).", date(c.report.claim_deadline), days(c.report.days_left)) }{ why(RuleId::CR7) }</p>
                    { findings_of(&c.report.findings, |f| f.severity != Severity::Info && project_wide(f)) }
                </div>
            }
            if !on.is_empty() {
                <div class="scroll" role="region" tabindex="0" aria-label={format!("Claims on project {k}")}>
                    <table class="claims">
                        <caption>{ format!("Claims on project {k}: the stages each person took part in") }</caption>
                        <thead><tr>
                            <th scope="col">{ "Who" }</th>
                            { Html::from_iter(Stage::ALL.iter().map(|st| html! { <th scope="col">{ format!("Stage {} ({})", st.key(), st.credits()) }</th> })) }
                            <th scope="col">{ "Joined after the start" }</th>
                            <th scope="col">{ "Credit" }</th>
                        </tr></thead>
                        <tbody>{ for on.into_iter().map(|x| claim(p, k, x)) }</tbody>
                    </table>
                </div>
            }
        </fieldset>
    }
}

/// One person's claim on project `k`: a row of the project's table.
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
        <tr key={id}>
            <th scope="row">{ who.to_string() }<span class="hint">{ held }</span></th>
            { Html::from_iter(Stage::ALL.iter().map(|st| {
                let st = *st;
                html! { <td data-label={format!("Stage {}", st.key())}>{ tick(format!("p-{id}-{k}-stage-{}", st.key()), format!("Stage {}: {} ({who}, project {k})", st.key(), st.title()), stages.contains(&st), send_for(d, (id, k, st), |(id, k, st), b| Action::Person(id, PersonEdit::Stage(k, st, b)))) }</td> }
            })) }
            <td data-label="Joined after the start">{ tick(format!("p-{id}-{k}-late"), format!("{who} joined project {k} after it started (not on its Team Roster at the start)"), answers.is_some_and(|c| c.joined_late), send_for(d, (id, k), |(id, k), b| Action::Person(id, PersonEdit::JoinedLate(k, b)))) }</td>
            <td class="credit-result" role="status">{ answer.map_or_else(Html::default, result) }</td>
        </tr>
    }
}

/// A checkbox in a table cell: its label is read out, the column head shows it.
fn tick(id: String, label: String, checked: bool, onchange: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        onchange.emit(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    html! { <input type="checkbox" {id} aria-label={label} {checked} {onchange} /> }
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
        <>
            <p><strong>{ format!("{} credits", r.credits) }</strong>{ format!(" · {}", r.credit_type.title()) }{ why(RuleId::CR8) }</p>
            <p>{ status_line }</p>
            { findings_of(&r.findings, |f| f.severity != Severity::Info && !project_wide(f)) }
        </>
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

/// Whether a finding holds for the whole project (Stage C, graduation, the documents,
/// the deadline: CR2, CR3, CR7), said once under the project; the others (stages,
/// roster, opt-in: CR1, CR4, CR5) are the person's own, said with them.
fn project_wide(f: &rules::Finding) -> bool {
    matches!(f.rule, RuleId::CR2 | RuleId::CR3 | RuleId::CR7)
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
