//! The six views. Each receives the state, the answers and one callback to dispatch
//! actions; each shows every answer with its "why".

use std::rc::Rc;

use rules::book::{Collaborative, RuleId};
use rules::credits::{questions as credit_questions, Document, Stage};
use rules::fees::COMPARE_UP_TO;
use rules::finding::Severity;
use rules::program::{CALENDAR, FEES};
use rules::readiness::{self, questions, Qi, FACTORS};
use rules::team::{self, Edition, Role};
use rules::text::{number_word, ordinal_word};
use rules::vocab::PHYSICIAN_DEGREE;
use rules::{Hours, Usd};
use yew::prelude::*;

use crate::eval::{person_field, FactorState, Results};
use crate::state::{Action, Commitment, ParticipantEdit, PersonEdit, State, View};
use crate::ui::{focus_soon, why, Check, ErrorSummary, Findings, Select, TextField, YesNo};

/// Props every view takes.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    /// What the user entered (the reducer's handle: reading it copies nothing).
    pub state: UseReducerHandle<State>,
    /// The answers.
    pub results: Rc<Results>,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
    /// Shown alone (an embedded single view): no links to other views.
    #[prop_or_default]
    pub single: bool,
}

fn send<T: 'static>(d: &Callback<Action>, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |v: T| d.emit(f(v)))
}

fn qi_options() -> Vec<(AttrValue, AttrValue)> {
    Qi::ALL
        .iter()
        .map(|q| (AttrValue::from(q.key()), AttrValue::from(q.title())))
        .collect()
}

fn physician_label() -> String {
    format!("Physician ({PHYSICIAN_DEGREE})")
}

fn date(d: chrono::NaiveDate) -> String {
    rules::date::long(d)
}

fn fields_count(n: usize) -> String {
    format!("{n} field{}", if n == 1 { "" } else { "s" })
}

fn count_severity(f: &[rules::Finding], s: Severity) -> usize {
    f.iter().filter(|x| x.severity == s).count()
}

fn status(ok: bool, yes: &str, no: &str) -> Html {
    html! {
        <span class={if ok { "status ok" } else { "status bad" }}>
            <span aria-hidden="true">{ if ok { "✓ " } else { "✗ " } }</span>{ if ok { yes.to_string() } else { no.to_string() } }
        </span>
    }
}

/// The readiness headline: neutral until every commitment question is answered, then
/// the verdict naming each unmet commitment and the next step.
fn readiness_headline(res: &Results) -> Html {
    let Some(r) = &res.readiness else {
        let n = res.readiness_unanswered;
        return html! {
            <span class="status pending">{ format!("Not answered yet: {n} question{} to answer.", if n == 1 { "" } else { "s" }) }</span>
        };
    };
    if r.ready {
        return status(
            true,
            &format!("You meet {}.", readiness::commitments_name()),
            "",
        );
    }
    let unmet: Vec<&rules::readiness::Commitment> =
        r.commitments.iter().filter(|c| !c.met).collect();
    let names: Vec<String> = unmet
        .iter()
        .map(|c| {
            format!(
                "{} ({})",
                c.id,
                readiness::commitment_topic(c.id).to_ascii_lowercase()
            )
        })
        .collect();
    let next = unmet.first().map(|c| c.message.clone()).unwrap_or_default();
    let verb = if unmet.len() == 1 { "is" } else { "are" };
    html! {
        <>
            { status(false, "", &format!("Not yet: {} {verb} not met.", names.join(" and "))) }
            <span class="next">{ format!(" Next: {next}") }</span>
        </>
    }
}

/// Readiness: the three commitments and seven success factors.
#[component]
pub fn ReadinessView(p: &ViewProps) -> Html {
    let s = &p.state;
    let res = &p.results;
    let derived = res.readiness_from_team;
    let (sponsor, leader, coach) = match derived {
        Some((a, b, c)) => (Some(a), Some(b), Some(c)),
        None => (s.sponsor, s.clinical_leader, s.coach),
    };
    let d = &p.dispatch;
    let coach_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from("Choose an answer")))
            .chain(qi_options())
            .collect();
    let from_roster = derived.map(|_| AttrValue::from("From your team roster."));
    let met = res.factors.iter().filter(|f| f.met()).count();
    html! {
        <section aria-labelledby="readiness-h">
            <h2 id="readiness-h" tabindex="-1">{ "Are you ready to apply?" }</h2>
            if !p.single {
                <TextField id="organization" label="Name of your organization (optional)" value={s.organization.clone()} hint={Some(AttrValue::from("Shown on the summary for leadership."))} oninput={send(d, Action::Organization)} />
            }
            <p class="verdict" role="status">
                { readiness_headline(res) }
                { format!(" Success factors: {met} of {}.", FACTORS.len()) }
            </p>
            if !p.single {
                <Check id="c-roster" label="Answer the sponsor, clinical leader and coach questions from our team roster (Team view)" checked={s.roster_answers} onchange={send(d, Action::RosterAnswers)} />
            }
            if derived.is_some() {
                <p class="note">{ readiness::FROM_ROSTER }</p>
            }
            <fieldset>
                <legend>{ format!("1. {}", readiness::commitment_topic(RuleId::C1)) }</legend>
                <YesNo id="c-sponsor" label={questions::SPONSOR} value={sponsor} disabled={derived.is_some()} note={from_roster.clone()} onchange={send(d, |b| Action::Commitment(Commitment::Sponsor, b))} />
                <YesNo id="c-leader" label={questions::CLINICAL_LEADER} value={leader} disabled={derived.is_some()} note={from_roster.clone()} onchange={send(d, |b| Action::Commitment(Commitment::ClinicalLeader, b))} />
            </fieldset>
            <fieldset>
                <legend>{ format!("2. {}", readiness::commitment_topic(RuleId::C2)) }</legend>
                <Select id="c-coach" label={questions::COACH} options={coach_options} value={coach.map_or("", |q| q.key())} disabled={derived.is_some()} onchange={send(d, |v: String| Action::Coach(Qi::parse(&v).unwrap_or_default()))} />
            </fieldset>
            <fieldset>
                <legend>{ format!("3. {}", readiness::commitment_topic(RuleId::C3)) }</legend>
                <YesNo id="c-audit" label={questions::CAN_AUDIT} value={s.can_audit} onchange={send(d, |b| Action::Commitment(Commitment::CanAudit, b))} />
                <YesNo id="c-report" label={questions::CAN_REPORT_DATA} value={s.can_report_data} onchange={send(d, |b| Action::Commitment(Commitment::CanReportData, b))} />
            </fieldset>
            if let Some(r) = &res.readiness {
                <h3>{ "The commitments" }</h3>
                <ul class="verdicts">
                    { for r.commitments.iter().map(|c| html! {
                        <li class={if c.met { "met" } else { "unmet" }}>
                            <strong>{ format!("{}: ", c.id) }</strong>{ status(c.met, "Met", "Not met") }
                            { format!(" {}", c.message) }
                            { why(c.id) }
                        </li>
                    }) }
                </ul>
            }
            <fieldset>
                <legend>{ "Key success factors" }</legend>
                { for FACTORS.iter().enumerate().map(|(i, f)| {
                    let label = format!("{}: {}", f.id, f.question);
                    match res.factors[i] {
                        FactorState::Derived(v) => html! {
                            <YesNo id={format!("s{}", i + 1)} {label} value={v} disabled={true} note={Some(AttrValue::from("Follows your coach answer."))} onchange={Callback::noop()} />
                        },
                        FactorState::Follows(rule, v) => html! {
                            <YesNo id={format!("s{}", i + 1)} {label} value={v} note={Some(AttrValue::from(format!("Follows your answer to {rule} until you change it.")))} onchange={send(d, move |b| Action::Factor(i, b))} />
                        },
                        FactorState::Answered(v) => html! {
                            <YesNo id={format!("s{}", i + 1)} {label} value={Some(v)} onchange={send(d, move |b| Action::Factor(i, b))} />
                        },
                        FactorState::Unanswered => html! {
                            <YesNo id={format!("s{}", i + 1)} {label} value={None} onchange={send(d, move |b| Action::Factor(i, b))} />
                        },
                    }
                }) }
            </fieldset>
            if let Some(r) = &res.readiness {
                if !r.success_factors.missing.is_empty() {
                    <h3>{ "What each missing factor risks" }</h3>
                    <ul class="findings">
                        { for r.success_factors.missing.iter().map(|m| html! {
                            <li class="sev-warning"><span class="sev">{ "Check" }</span><span class="msg"><strong>{ format!("{}: ", m.id) }</strong>{ m.risk }</span>{ why(m.id) }</li>
                        }) }
                    </ul>
                }
            }
            <h3>{ "Before you apply" }</h3>
            <ol>{ for readiness::application_checklist().into_iter().map(|st| html! { <li>{ st }</li> }) }</ol>
            { why(RuleId::A1) }
        </section>
    }
}

/// Props of the role adder.
#[derive(Properties, PartialEq)]
struct AddRoleProps {
    person: u32,
    projects: u32,
    dispatch: Callback<Action>,
}

/// Adds a role on a project to a person.
#[component]
fn AddRole(p: &AddRoleProps) -> Html {
    let role = use_state(|| Role::TeamMember);
    let project = use_state(|| 1u32);
    let id = |f: &str| person_field(p.person, f);
    let on_add = {
        let (role, project, d, person) =
            (role.clone(), project.clone(), p.dispatch.clone(), p.person);
        Callback::from(move |_| {
            d.emit(Action::Person(
                person,
                PersonEdit::Role(*role, *project, true),
            ))
        })
    };
    let role_options: Vec<(AttrValue, AttrValue)> = Role::ALL
        .iter()
        .map(|r| (AttrValue::from(r.key()), AttrValue::from(r.title())))
        .collect();
    let project_options: Vec<(AttrValue, AttrValue)> = (1..=p.projects)
        .map(|n| {
            (
                AttrValue::from(n.to_string()),
                AttrValue::from(format!("Project {n}")),
            )
        })
        .collect();
    html! {
        <div class="add-role">
            <Select id={id("new-role")} label="Role to add" options={role_options} value={role.key()} onchange={{ let role = role.clone(); Callback::from(move |v: String| role.set(Role::parse(&v).unwrap_or(Role::TeamMember))) }} />
            if p.projects > 1 {
                <Select id={id("new-project")} label="On project" options={project_options} value={project.to_string()} onchange={{ let project = project.clone(); Callback::from(move |v: String| project.set(v.parse().unwrap_or(1))) }} />
            }
            <button type="button" onclick={on_add}>{ "Add role" }</button>
        </div>
    }
}

/// Team builder: projects, people, roles, hours, and every finding.
#[component]
pub fn TeamView(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    let n = s.team_projects().unwrap_or(1);
    let editions = vec![
        (
            AttrValue::from(Edition::Impower.key()),
            AttrValue::from("ImPower program page (default)"),
        ),
        (
            AttrValue::from(Edition::LearningNetwork.key()),
            AttrValue::from("Learning Network page"),
        ),
    ];
    let collab_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from("Not chosen yet")))
            .chain(
                Collaborative::ALL
                    .iter()
                    .map(|c| (AttrValue::from(c.key()), AttrValue::from(c.title()))),
            )
            .collect();
    let report = res.team.as_ref();
    html! {
        <section aria-labelledby="team-h">
            <h2 id="team-h" tabindex="-1">{ "Build your project team" }</h2>
            if let Some(t) = report {
                <p class="verdict" role="status">
                    if res.team_blocked {
                        { status(false, "", &format!("{} to fix before the team can be checked.", fields_count(res.errors_in(View::Team).len()))) }
                    } else {
                        { status(t.valid, "Every project has the team it needs.", "The team is not complete yet.") }
                        { format!(" {} to fix, {} to check.", count_severity(&t.findings, Severity::Error), count_severity(&t.findings, Severity::Warning)) }
                    }
                </p>
            }
            <ErrorSummary errors={res.errors_in(View::Team)} />
            <fieldset>
                <legend>{ "Projects" }</legend>
                <TextField id="team-projects" label="Number of projects" inputmode="numeric" value={s.projects.clone()} error={res.error_for("team-projects")} settled={res.settled("team-projects")} hint={Some(AttrValue::from("Each project needs its own team."))} oninput={send(d, Action::Projects)} />
                { for (1..=n.min(s.collaboratives.len() as u32)).map(|k| html! {
                    <Select id={format!("collab-{k}")} label={format!("Collaborative of project {k}")} options={collab_options.clone()}
                        value={s.collaboratives.get(k as usize - 1).copied().flatten().map(|c| c.key()).unwrap_or("")}
                        onchange={send(d, move |v: String| Action::Collaborative(k, Collaborative::parse(&v)))} />
                }) }
                <Select id="edition" label="Weekly hours as stated on" options={editions} value={s.edition.key()} onchange={send(d, |v: String| Action::Edition(Edition::parse(&v).unwrap_or_default()))} />
            </fieldset>
            <details class="editions">
                <summary>{ format!("Where the {} pages differ on weekly hours", number_word(Edition::ALL.len() as u32)) }</summary>
                <div class="scroll" role="region" tabindex="0" aria-label="Hours a week per project, by role"><table>
                    <caption>{ "Hours a week per project, by role" }</caption>
                    <thead><tr><th scope="col">{ "Role" }</th><th scope="col">{ "ImPower program page" }</th><th scope="col">{ "Learning Network page" }</th></tr></thead>
                    <tbody>
                        { for team::edition_differences().into_iter().map(|(role, a, b)| html! {
                            <tr><th scope="row">{ role.title() }</th><td>{ hours_text(a.min, a.max) }<br/><small>{ format!("“{}”", a.source.words) }</small></td><td>{ hours_text(b.min, b.max) }<br/><small>{ format!("“{}”", b.source.words) }</small>if let Some(i) = b.interpretation { <br/><small class="interpretation">{ format!("Our interpretation: {i}") }</small> }</td></tr>
                        }) }
                    </tbody>
                </table></div>
            </details>
            <h3>{ "People" }</h3>
            { for s.people.iter().enumerate().map(|(i, person)| {
                let id = person.id;
                // The report lists people in roster order, under the names `eval` gave them
                // (an empty or duplicate name is replaced), so look up by position.
                let hours = report.and_then(|t| t.people.get(i));
                let findings: Vec<rules::Finding> = report.zip(hours).map(|(t, h)| t.findings.iter().filter(|f| f.person.as_deref() == Some(h.name.as_str())).cloned().collect()).unwrap_or_default();
                let number = i + 1;
                let legend = if person.name.trim().is_empty() { format!("Person {number}") } else { format!("Person {number}: {}", person.name.trim()) };
                let who = if person.name.trim().is_empty() { format!("person {number}") } else { person.name.trim().to_string() };
                let hours_unknown = res.unknown_hours.contains(&i);
                let neighbour = s.people.get(i + 1).or_else(|| i.checked_sub(1).and_then(|j| s.people.get(j))).map_or_else(|| "add-person".to_string(), |q| person_field(q.id, "name"));
                html! {
                    <fieldset class="person" key={id} id={format!("person-{id}")}>
                        <legend>{ legend.clone() }</legend>
                        <div class="row">
                            <TextField id={person_field(id, "name")} label={format!("Name of person {number}")} value={person.name.clone()} error={res.error_for(&person_field(id, "name"))} settled={res.settled(&person_field(id, "name"))} oninput={send(d, move |v| Action::Person(id, PersonEdit::Name(v)))} />
                            <TextField id={person_field(id, "hours")} label={format!("Hours a week person {number} can give")} inputmode="decimal" value={person.hours.clone()} error={res.error_for(&person_field(id, "hours"))} settled={res.settled(&person_field(id, "hours"))} oninput={send(d, move |v| Action::Person(id, PersonEdit::Hours(v)))} />
                            <Select id={person_field(id, "qi")} label={format!("Quality improvement of person {number}")} options={qi_options()} value={person.qi.key()} onchange={send(d, move |v: String| Action::Person(id, PersonEdit::Qi(Qi::parse(&v).unwrap_or_default())))} />
                        </div>
                        <div class="row">
                            <Check id={person_field(id, "physician")} label={format!("{} ({who})", physician_label())} checked={person.physician} onchange={send(d, move |b| Action::Person(id, PersonEdit::Physician(b)))} />
                            <Check id={person_field(id, "data")} label={format!("Can access data from departmental systems ({who})")} checked={person.data_access} onchange={send(d, move |b| Action::Person(id, PersonEdit::DataAccess(b)))} />
                        </div>
                        <ul class="roles" aria-label={format!("Roles of {legend}")}>
                            { for person.roles.iter().filter(|(_, k)| *k <= n).map(|(role, k)| {
                                let (role, k) = (*role, *k);
                                html! { <li>{ format!("{} · project {k} ", role.title()) }
                                    <button type="button" class="link" aria-label={format!("Remove {} on project {k} from {who}", role.title())} onclick={{ let d = d.clone(); let back = person_field(id, "new-role"); Callback::from(move |e: MouseEvent| { d.emit(Action::Person(id, PersonEdit::Role(role, k, false))); focus_soon(e.target_dyn_into::<web_sys::Element>(), back.clone()); }) }}>{ "Remove" }</button></li> }
                            }) }
                        </ul>
                        <AddRole person={id} projects={n} dispatch={d.clone()} />
                        if hours_unknown {
                            <p class="hours">{ "Hours a week: not readable yet, so not judged." }</p>
                        } else if let Some(h) = hours {
                            <p class="hours">
                                { format!("Needs {} a week under the {} page; gives {} h.", hours_text(Some(h.required_hours_min), Some(h.required_hours_max)), s.edition.page().title().trim_end_matches(" page"), h.hours_per_week) }
                                if h.shortfall_hours > Hours::ZERO { <strong class="short">{ format!(" {} h short.", h.shortfall_hours) }</strong> }
                                { why(RuleId::T7) }
                            </p>
                        }
                        if !findings.is_empty() { <Findings findings={findings} /> }
                        <button type="button" class="remove" onclick={{ let d = d.clone(); Callback::from(move |e: MouseEvent| { d.emit(Action::RemovePerson(id)); focus_soon(e.target_dyn_into::<web_sys::Element>(), neighbour.clone()); }) }}>{ format!("Remove {who}") }</button>
                    </fieldset>
                }
            }) }
            <button type="button" id="add-person" onclick={{ let d = d.clone(); let next = person_field(s.next_id, "name"); Callback::from(move |e: MouseEvent| { d.emit(Action::AddPerson); focus_soon(e.target_dyn_into::<web_sys::Element>(), next.clone()); }) }}>{ "Add a person" }</button>
            if let Some(t) = report {
                <h3>{ "Findings by project" }</h3>
                { for (1..=n).map(|k| {
                    let f: Vec<rules::Finding> = t.findings.iter().filter(|f| f.project == Some(k) && f.person.is_none()).cloned().collect();
                    html! { <section class="project" aria-label={format!("Project {k}")}><h4>{ format!("Project {k}") }</h4><Findings findings={f} /></section> }
                }) }
            }
        </section>
    }
}

fn hours_text(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("{a} h"),
        (Some(a), Some(b)) => format!("{a}–{b} h"),
        _ => "not stated".into(),
    }
}

/// Fee estimator: itemised fees, total, coaches and teams, 1 to 6 side by side.
#[component]
pub fn FeesView(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    html! {
        <section aria-labelledby="fees-h">
            <h2 id="fees-h" tabindex="-1">{ "What will it cost?" }</h2>
            <ErrorSummary errors={res.errors_in(View::Fees)} />
            <fieldset>
                <legend>{ "Projects" }</legend>
                <TextField id="fee-projects" label="Projects planned" inputmode="numeric" value={s.projects.clone()} error={res.error_for("fee-projects")} settled={res.settled("fee-projects")} hint={Some(AttrValue::from("The same projects as in the Team view."))} oninput={send(d, Action::Projects)} />
                <Check id="price-other-on" label="Price a different number of projects than the team plans" checked={s.price_other.is_some()} onchange={{ let projects = s.projects.clone(); send(d, move |on: bool| Action::PriceOther(on.then(|| projects.clone()))) }} />
                if let Some(other) = &s.price_other {
                    <TextField id="price-other" label="Projects to price" inputmode="numeric" value={other.clone()} error={res.error_for("price-other")} settled={res.settled("price-other")} hint={Some(AttrValue::from("Only the fees use this number; the team keeps its own."))} oninput={send(d, |t| Action::PriceOther(Some(t)))} />
                }
                <TextField id="prior-projects" label="Earlier projects your organization has brought through ImPower" inputmode="numeric" value={s.prior_projects.clone()} error={res.error_for("prior-projects")} settled={res.settled("prior-projects")} hint={Some(AttrValue::from(format!("They count toward every {} project's discount.", ordinal_word(FEES.discount_every))))} oninput={send(d, Action::PriorProjects)} />
            </fieldset>
            if let Some(e) = &res.fees {
                <p class="total" role="status"><span>{ "Total: " }</span><strong id="fees-total">{ e.total_usd.to_string() }</strong>
                    if e.undiscounted_usd > e.total_usd { { format!(" (saving {} on {})", Usd(e.undiscounted_usd.0 - e.total_usd.0), e.undiscounted_usd) } }
                </p>
                <p>{ format!("{} project team{} and at least {} QI coach{}.", e.teams_needed, if e.teams_needed == 1 { "" } else { "s" }, e.coaches_needed, if e.coaches_needed == 1 { "" } else { "es" }) }{ why(RuleId::F4) }</p>
                <div class="scroll" role="region" tabindex="0" aria-label="Fee per project"><table class="fees">
                    <caption>{ "Fee per project" }</caption>
                    <thead><tr><th scope="col">{ "Your project" }</th><th scope="col">{ "Fee" }</th><th scope="col">{ "Why" }</th></tr></thead>
                    <tbody>
                        { for e.projects.iter().map(|pf| html! {
                            <tr class={if pf.discounted { "discounted" } else { "" }}>
                                <th scope="row">{ format!("#{}", pf.number) }</th>
                                <td>{ pf.fee_usd.to_string() }if pf.discounted { { format!(" — discounted (every {} project)", ordinal_word(FEES.discount_every)) } }</td>
                                <td>{ why(pf.rule) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table></div>
                <Findings findings={e.findings.clone()} />
            }
            if !res.fee_table.is_empty() {
                <div class="scroll" role="region" tabindex="0" aria-label={format!("1 to {COMPARE_UP_TO} projects side by side")}><table class="compare">
                    <caption>{ format!("1 to {COMPARE_UP_TO} projects side by side") }</caption>
                    <thead><tr><th scope="col">{ "Projects" }</th><th scope="col">{ "Total" }</th><th scope="col">{ "Discounted" }</th><th scope="col">{ "QI coaches" }</th></tr></thead>
                    <tbody>
                        { for res.fee_table.iter().map(|e| html! {
                            <tr><th scope="row">{ e.teams_needed }</th><td>{ e.total_usd.to_string() }</td><td>{ e.projects.iter().filter(|x| x.discounted).count() }</td><td>{ e.coaches_needed }</td></tr>
                        }) }
                    </tbody>
                </table></div>
            }
        </section>
    }
}

/// Calendar: the next cohorts, phases, sessions, coach trainings and deadlines.
#[component]
pub fn CalendarView(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    html! {
        <section aria-labelledby="cal-h">
            <h2 id="cal-h" tabindex="-1">{ "When would you start and finish?" }</h2>
            <ErrorSummary errors={res.errors_in(View::Calendar)} />
            <TextField id="plan-date" label="Plan from (YYYY-MM-DD)" value={s.plan_date.clone()} error={res.error_for("plan-date")} settled={res.settled("plan-date")} hint={Some(AttrValue::from(format!("Today is {}.", rules::date::long(s.today))))} oninput={send(d, Action::PlanDate)} />
            if let Some(sc) = &res.schedule {
                <h3>{ format!("Next cohort: {}", cohort_name(&sc.cohort.id)) }</h3>
                <dl class="dates">
                    <dt>{ "Leaders' preparation phase starts" }</dt><dd>{ date(sc.cohort.preparation_starts) }{ why(RuleId::P2) }</dd>
                    <dt>{ "Whole team starts" }</dt><dd>{ date(sc.cohort.team_starts) }{ why(RuleId::P1) }</dd>
                    <dt>{ "Graduation (estimate)" }</dt><dd>{ date(sc.cohort.graduation) }{ why(RuleId::P3) }</dd>
                    <dt>{ "Credit claims due" }</dt><dd>{ date(sc.cohort.claim_deadline) }{ why(RuleId::CR7) }</dd>
                </dl>
                <div class="scroll" role="region" tabindex="0" aria-label={format!("The {} learning sessions", number_word(CALENDAR.learning_sessions))}><table>
                    <caption>{ format!("The {} learning sessions (dates are estimates)", number_word(CALENDAR.learning_sessions)) }</caption>
                    <thead><tr><th scope="col">{ "Session" }</th><th scope="col">{ "Title" }</th><th scope="col">{ "Around" }</th><th scope="col">{ "Coaches' application meeting" }</th></tr></thead>
                    <tbody>{ for sc.sessions.iter().map(|x| html! { <tr><th scope="row">{ x.number }</th><td>{ x.title }</td><td>{ date(x.date) }</td><td>{ date(x.application_meeting) }</td></tr> }) }</tbody>
                </table></div>
                { why(RuleId::P4) }
                { add_to_calendar(sc) }
                <h3>{ format!("QI coach training: {} sessions", number_word(CALENDAR.coach_trainings)) }</h3>
                <ol>{ for sc.coach_trainings.iter().map(|c| html! { <li>{ c.topic }</li> }) }</ol>
                { why(RuleId::P5) }
                <div class="scroll" role="region" tabindex="0" aria-label="Upcoming cohorts"><table>
                    <caption>{ "Upcoming cohorts" }</caption>
                    <thead><tr><th scope="col">{ "Cohort" }</th><th scope="col">{ "Preparation" }</th><th scope="col">{ "Team starts" }</th><th scope="col">{ "Graduation" }</th><th scope="col">{ "Claims due" }</th></tr></thead>
                    <tbody>{ for sc.upcoming.iter().map(|c| html! { <tr><th scope="row">{ cohort_name(&c.id) }</th><td>{ date(c.preparation_starts) }</td><td>{ date(c.team_starts) }</td><td>{ date(c.graduation) }</td><td>{ date(c.claim_deadline) }</td></tr> }) }</tbody>
                </table></div>
                <h3>{ "How the program runs" }</h3>
                <Findings findings={sc.findings.clone()} />
            }
        </section>
    }
}

/// "Add to calendar": the cohort's dates as an `.ics` file, a `data:` link to download
/// (no Blob, no script: the page's CSP allows it, and it works from any static host).
/// The widget leaves it out, to stay within its size budget.
#[cfg(not(feature = "widget"))]
fn add_to_calendar(sc: &rules::calendar::Schedule) -> Html {
    html! {
        <p class="no-print"><a class="button" id="add-to-calendar" download={format!("impower-{}.ics", sc.cohort.id)} href={calendar_href(sc)}>
            { format!("Add the {} cohort to your calendar", cohort_name(&sc.cohort.id)) }</a></p>
    }
}

#[cfg(feature = "widget")]
fn add_to_calendar(_: &rules::calendar::Schedule) -> Html {
    Html::default()
}

#[cfg(not(feature = "widget"))]
fn calendar_href(s: &rules::calendar::Schedule) -> String {
    let text = rules::calendar::ics(s);
    let mut href = String::with_capacity(text.len() * 2 + 32);
    href.push_str("data:text/calendar;charset=utf-8,");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            href.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            href.push('%');
            href.push(char::from(HEX[usize::from(b >> 4)]));
            href.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    href
}

fn cohort_name(id: &str) -> String {
    let month = id.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    format!(
        "{} {}",
        rules::date::month_name(month),
        id.get(0..4).unwrap_or("")
    )
}

/// Credits: per participant, what they can claim and by when.
#[component]
pub fn CreditsView(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    html! {
        <section aria-labelledby="cr-h">
            <h2 id="cr-h" tabindex="-1">{ "What credit can each of you claim?" }</h2>
            <ErrorSummary errors={res.errors_in(View::Credits)} />
            <fieldset>
                <legend>{ "Your project" }</legend>
                <TextField id="graduation" label="Graduation date (YYYY-MM-DD)" value={s.graduation.clone()} error={res.error_for("graduation")} settled={res.settled("graduation")} hint={Some(AttrValue::from("Defaults to your next cohort's estimated graduation."))} oninput={send(d, Action::Graduation)} />
                <Check id="stage-c" label={credit_questions::STAGE_C_COMPLETE} checked={s.stage_c_complete} onchange={send(d, Action::StageC)} />
            </fieldset>
            <fieldset>
                <legend>{ "Documents the site has submitted" }</legend>
                { for Document::ALL.iter().zip(s.documents).map(|(doc, on)| {
                    let doc = *doc;
                    html! { <Check id={format!("doc-{}", doc.key())} label={doc.title()} checked={on} onchange={send(d, move |b| Action::Document(doc, b))} /> }
                }) }
            </fieldset>
            { for s.participants.iter().enumerate().map(|(i, pt)| {
                let id = pt.id;
                let number = i + 1;
                let answer = res.credits.iter().find(|c| c.id == id);
                let who = if pt.name.trim().is_empty() { format!("participant {number}") } else { pt.name.trim().to_string() };
                let legend = if pt.name.trim().is_empty() { format!("Participant {number}") } else { format!("Participant {number}: {}", pt.name.trim()) };
                let neighbour = s.participants.get(i + 1).or_else(|| i.checked_sub(1).and_then(|j| s.participants.get(j))).map_or_else(|| "add-participant".to_string(), |q| format!("pt-{}-name", q.id));
                html! {
                    <fieldset class="person" key={id}>
                        <legend>{ legend.clone() }</legend>
                        <TextField id={format!("pt-{id}-name")} label={format!("Name of participant {number}")} value={pt.name.clone()} oninput={send(d, move |v| Action::Participant(id, ParticipantEdit::Name(v)))} />
                        <Check id={format!("pt-{id}-physician")} label={format!("{} ({who})", physician_label())} checked={pt.physician} onchange={send(d, move |b| Action::Participant(id, ParticipantEdit::Physician(b)))} />
                        <fieldset class="inline">
                            <legend>{ format!("Stages {who} took part in") }</legend>
                            { for Stage::ALL.iter().zip(pt.stages).map(|(st, on)| {
                                let st = *st;
                                html! { <Check id={format!("pt-{id}-stage-{}", st.key())} label={format!("Stage {}: {} ({} credits)", st.key(), st.title(), st.credits())} checked={on} onchange={send(d, move |b| Action::Participant(id, ParticipantEdit::Stage(st, b)))} /> }
                            }) }
                        </fieldset>
                        <Check id={format!("pt-{id}-roster")} label={format!("{} ({who})", credit_questions::ON_ROSTER_AT_START)} checked={pt.on_roster} onchange={send(d, move |b| Action::Participant(id, ParticipantEdit::OnRoster(b)))} />
                        <Check id={format!("pt-{id}-optin")} label={format!("{} ({who})", credit_questions::OPTED_IN)} checked={pt.opted_in} onchange={send(d, move |b| Action::Participant(id, ParticipantEdit::OptedIn(b)))} />
                        if let Some(c) = answer {
                            <div class="credit-result" role="status">
                                <p><strong>{ format!("{} credits", c.report.credits) }</strong>{ format!(" · {}", c.report.credit_type.title()) }{ why(RuleId::CR8) }</p>
                                <p>{ status(c.report.claimable, "Can be claimed today.", "Cannot be claimed today.") }
                                    { format!(" Deadline {} ({}).", date(c.report.claim_deadline), days(c.report.days_left)) }{ why(RuleId::CR7) }</p>
                                <Findings findings={c.report.findings.clone()} info={false} />
                            </div>
                        }
                        <button type="button" class="remove" onclick={{ let d = d.clone(); Callback::from(move |e: MouseEvent| { d.emit(Action::RemoveParticipant(id)); focus_soon(e.target_dyn_into::<web_sys::Element>(), neighbour.clone()); }) }}>{ format!("Remove {who}") }</button>
                    </fieldset>
                }
            }) }
            <button type="button" id="add-participant" onclick={{ let d = d.clone(); let next = format!("pt-{}-name", s.next_id); Callback::from(move |e: MouseEvent| { d.emit(Action::AddParticipant); focus_soon(e.target_dyn_into::<web_sys::Element>(), next.clone()); }) }}>{ "Add a participant" }</button>
        </section>
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

/// Summary: everything on one page, for leadership.
#[component]
pub fn SummaryView(p: &ViewProps) -> Html {
    let res = &p.results;
    let r = &res.readiness;
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section aria-labelledby="sum-h" class="summary">
            <h2 id="sum-h" tabindex="-1">{ "Summary for leadership" }</h2>
            if !p.state.organization.trim().is_empty() {
                <p class="prepared-for"><strong>{ p.state.organization.trim().to_string() }</strong></p>
            }
            <button type="button" class="no-print" onclick={print}>{ "Print this summary" }</button>
            <h3>{ "Readiness" }</h3>
            if let Some(r) = r {
                <p>{ status(r.ready, &format!("Meets {}.", readiness::commitments_name()), &format!("Does not yet meet {}.", readiness::commitments_name())) }
                   { format!(" {} of {} key success factors.", r.success_factors.met, r.success_factors.of) }</p>
                <ul>{ for r.commitments.iter().map(|c| html! { <li>{ format!("{} {}: {}", c.id, if c.met { "met" } else { "not met" }, c.message) }</li> }) }</ul>
            } else {
                <p>{ readiness_headline(res) }</p>
            }
            <h3>{ "Team" }</h3>
            if res.team_blocked {
                <p>{ status(false, "", &format!("{} to fix in the Team view before the team can be checked.", fields_count(res.errors_in(View::Team).len()))) }</p>
            } else if let Some(t) = &res.team {
                <p>{ status(t.valid, "Complete.", "Incomplete.") }
                   { format!(" {} people; {} to fix, {} to check; {} h a week needed at least.", t.people.len(), count_severity(&t.findings, Severity::Error), count_severity(&t.findings, Severity::Warning), t.people.iter().map(|h| h.required_hours_min).sum::<u32>()) }</p>
                <ul>{ for t.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| html! { <li>{ format!("{}: {}", f.rule, f.message) }</li> }) }</ul>
            } else { <p>{ "Enter a valid number of projects in the Team view." }</p> }
            <h3>{ "Fees" }</h3>
            if let Some(e) = &res.fees {
                <p>{ format!("{} project{}: {} in total ({} QI coach{} needed).", e.teams_needed, if e.teams_needed == 1 { "" } else { "s" }, e.total_usd, e.coaches_needed, if e.coaches_needed == 1 { "" } else { "es" }) }</p>
                if res.priced_projects.is_some_and(|(_, team)| !team) {
                    <p class="note">{ "Priced for a different number of projects than the team plans (chosen in the Fees view)." }</p>
                }
            } else { <p>{ "Enter valid project counts in the Fees view." }</p> }
            <h3>{ "Dates" }</h3>
            if let Some(sc) = &res.schedule {
                <p>{ format!("Next cohort {}: leaders prepare from {}, the team starts {}, graduation around {}, credit claims due {}.", cohort_name(&sc.cohort.id), date(sc.cohort.preparation_starts), date(sc.cohort.team_starts), date(sc.cohort.graduation), date(sc.cohort.claim_deadline)) }</p>
            } else { <p>{ "Enter a valid date in the Calendar view." }</p> }
            <h3>{ "Credits" }</h3>
            <ul>{ for res.credits.iter().map(|c| html! { <li>{ format!("{}: {} credits, {}; {}.", c.name, c.report.credits, c.report.credit_type.title(), if c.report.claimable { "claimable now".to_string() } else { format!("not claimable yet, due by {}", date(c.report.claim_deadline)) }) }</li> }) }</ul>
            <p class="note">{ "Answers follow the ACR ImPower program page and the ACR Learning Network page; where they are silent or differ, the “Why?” of each answer says which reading we took." }</p>
        </section>
    }
}
