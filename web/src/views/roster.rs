//! The team view (roles, people and hours).

use super::*;
use crate::state::PersonDraft;

/// Team builder: projects, people, roles, hours, and every finding.
pub fn team_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    let n = res.projects.unwrap_or(1);
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
                        { status(false, "", &format!("{} to name before the team can be checked.", people_count(t.unnamed()))) }
                    } else {
                        { team_status(t) }
                        { format!(" {} to fix, {} to check.", count_severity(&t.findings, Severity::Error), count_severity(&t.findings, Severity::Warning)) }
                    }
                </p>
            }
            { error_summary(&res.errors_in(View::Team)) }
            <fieldset>
                <legend>{ "Projects" }</legend>
                <TextField id="team-projects" label="Number of projects" inputmode="numeric" value={s.projects.clone()} error={res.error_for("team-projects")} settled={res.settled("team-projects")} hint={Some(AttrValue::from("Each project needs its own team."))} oninput={send(d, Action::Projects)} />
                // Keyed by project: a select kept for another project would keep the
                // choice shown in it (a select's shown choice is not its attributes').
                { Html::from_iter((1..=n).map(|k| html! {
                    <div key={k}>{ select(SelectProps { id: format!("collab-{k}").into(), label: format!("Collaborative of project {k}").into(), options: collab_options.clone(), value: s.collaboratives.get(k as usize - 1).copied().flatten().map(|c| c.key()).unwrap_or("").into(), onchange: send_for(d, k, |k, v: String| Action::Collaborative(k, Collaborative::parse(&v))), disabled: false }) }</div>
                })) }
                { select(SelectProps { id: "edition".into(), label: "Weekly hours as stated on".into(), options: editions, value: s.edition.key().into(), onchange: send(d, |v: String| Action::Edition(Edition::parse(&v).unwrap_or_default())), disabled: false }) }
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
            { Html::from_iter(s.people.iter().enumerate().map(|(i, person)| {
                // The report lists people in roster order, under the names `eval` gave them
                // (an empty or duplicate name is replaced), so look up by position.
                let hours = report.and_then(|t| t.people.get(i)).cloned();
                // The hours short (T7's warning) is said in the person's hours line, where
                // the hours are typed, not listed again under it: listed, it came and went
                // while the hours were typed, moving everything below (issue 21: the
                // slowest frames of a keystroke).
                let findings: Vec<rules::Finding> = report.zip(hours.as_ref()).map(|(t, h)| t.findings.iter().filter(|f| f.person.is_some() && f.person == h.name && !(f.rule == RuleId::T7 && f.severity == Severity::Warning)).cloned().collect()).unwrap_or_default();
                let neighbour = neighbour(&s.people, i, |q| person_field(q.id, "row"), "add-person");
                let field = |f: &str| {
                    let id = person_field(person.id, f);
                    (res.error_for(&id), res.settled(&id))
                };
                html! {
                    <PersonCard key={person.id} person={person.clone()} number={i + 1} projects={n} edition={s.edition}
                        hours={hours} findings={findings}
                        name_error={field("name")} hours_error={field("hours")} neighbour={neighbour} dispatch={d.clone()} />
                }
            })) }
            <button type="button" id="add-person" onclick={act_then_focus(d, Action::AddPerson, person_field(s.next_id, "name"))}>{ "Add a person" }</button>
            if let Some(t) = report {
                <h3>{ "Findings by project" }</h3>
                { Html::from_iter((1..=n).map(|k| {
                    let f: Vec<rules::Finding> = t.findings.iter().filter(|f| f.project == Some(k) && f.person.is_none()).cloned().collect();
                    html! { <section class="project" aria-label={format!("Project {k}")}><h4>{ format!("Project {k}") }</h4>{ findings(&f, true) }</section> }
                })) }
            }
        </section>
    }
}

/// Under a name not given yet: an example until named (the starter roster's leading
/// roles), never an answer.
fn unnamed_hint(person: &PersonDraft) -> Option<AttrValue> {
    if !person.name.trim().is_empty() {
        return None;
    }
    let mut roles: Vec<&str> = person.roles.iter().map(|(r, _)| r.noun()).collect();
    roles.dedup();
    Some(AttrValue::from(if roles.is_empty() {
        String::from("Not named yet.")
    } else {
        format!(
            "Not named yet: an example of who you need ({}). Type who it will be.",
            roles.join(", ")
        )
    }))
}

/// Props of one person's card: everything it shows, so a card whose person, answers and
/// errors are unchanged is not rendered again when someone else's field changes.
#[derive(Properties, PartialEq)]
struct PersonCardProps {
    person: PersonDraft,
    number: usize,
    projects: u32,
    edition: Edition,
    hours: Option<team::PersonHours>,
    findings: Vec<rules::Finding>,
    /// The name field's error and whether it shows at once.
    name_error: (Option<String>, bool),
    /// The hours field's error and whether it shows at once.
    hours_error: (Option<String>, bool),
    /// Where focus goes when this person is removed.
    neighbour: String,
    dispatch: Callback<Action>,
}

/// One person: one line (who, roles, hours) that opens to their name, hours, QI,
/// degree and data access, roles, hours needed and findings. A person not named yet
/// (just added, or a starter example) or with a field to fix is open; the others are one
/// line each until opened (issue 21: ten people were 10,400 px on a phone). Closed, only
/// the line is drawn.
#[component]
fn PersonCard(p: &PersonCardProps) -> Html {
    let person = &p.person;
    let d = &p.dispatch;
    let (n, number, id) = (p.projects, p.number, person.id);
    let open = use_state(|| person.name.trim().is_empty());
    let must_open = p.name_error.0.is_some() || p.hours_error.0.is_some();
    let is_open = *open || must_open;
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    let legend = if person.name.trim().is_empty() {
        format!("Person {number}")
    } else {
        format!("Person {number}: {}", person.name.trim())
    };
    let who = if person.name.trim().is_empty() {
        format!("person {number}")
    } else {
        person.name.trim().to_string()
    };
    let neighbour = p.neighbour.clone();
    let found = &p.findings;
    // The role adder: which role, on which project.
    let role = use_state(|| Role::TeamMember);
    let project = use_state(|| 1u32);
    let on_add = {
        let (role, project, d) = (role.clone(), project.clone(), d.clone());
        Callback::from(move |_| d.emit(Action::Person(id, PersonEdit::Role(*role, *project, true))))
    };
    let role_options: Vec<(AttrValue, AttrValue)> = Role::ALL
        .iter()
        .map(|r| (AttrValue::from(r.key()), AttrValue::from(r.title())))
        .collect();
    let project_options: Vec<(AttrValue, AttrValue)> = (1..=n)
        .map(|k| {
            (
                AttrValue::from(k.to_string()),
                AttrValue::from(format!("Project {k}")),
            )
        })
        .collect();
    let roles_line: Vec<String> = person
        .roles
        .iter()
        .filter(|(_, k)| *k <= n)
        .map(|(role, k)| format!("{} · project {k}", role.title()))
        .collect();
    let hours_line = match p
        .hours
        .as_ref()
        .and_then(|h| h.hours_per_week.map(|g| (g, h)))
    {
        Some((given, h)) => match h.shortfall_hours.filter(|x| *x > Hours::ZERO) {
            Some(short) => format!("{given} h a week, {short} h short"),
            None => format!("{given} h a week"),
        },
        None => String::from("hours not answered"),
    };
    let line = html! {
        <summary id={person_field(id, "row")}>
            <strong>{ legend.clone() }</strong>
            { format!(" — {} — {hours_line}", if roles_line.is_empty() { String::from("no role yet") } else { roles_line.join(", ") }) }
            if !found.is_empty() { { format!(" — {} to fix or check", found.len()) } }
        </summary>
    };
    html! {
        <details class="person-card" open={is_open} {ontoggle}>{ line }
        if is_open {
        <fieldset class="person" id={format!("person-{id}")}>
            <legend class="visually-hidden">{ legend.clone() }</legend>
            <div class="row">
                <TextField id={person_field(id, "name")} label={format!("Name of person {number}")} value={person.name.clone()} error={p.name_error.0.clone()} settled={p.name_error.1} hint={unnamed_hint(person)} oninput={send_for(d, id, |id, v| Action::Person(id, PersonEdit::Name(v)))} />
                <TextField id={person_field(id, "hours")} label={format!("Hours a week person {number} can give")} inputmode="decimal" value={person.hours.clone()} error={p.hours_error.0.clone()} settled={p.hours_error.1} oninput={send_for(d, id, |id, v| Action::Person(id, PersonEdit::Hours(v)))} />
                { select(SelectProps { id: person_field(id, "qi").into(), label: format!("Quality improvement of person {number}").into(), options: qi_options(), value: person.qi.key().into(), onchange: send_for(d, id, |id, v: String| Action::Person(id, PersonEdit::Qi(Qi::parse(&v).unwrap_or_default()))), disabled: false }) }
            </div>
            <div class="row">
                { check(CheckProps { id: person_field(id, "physician").into(), label: format!("{} ({who})", physician_label()).into(), checked: person.physician, onchange: send_for(d, id, |id, b| Action::Person(id, PersonEdit::Physician(b))), disabled: false }) }
                { check(CheckProps { id: person_field(id, "data").into(), label: format!("Can access data from departmental systems ({who})").into(), checked: person.data_access, onchange: send_for(d, id, |id, b| Action::Person(id, PersonEdit::DataAccess(b))), disabled: false }) }
            </div>
            <ul class="roles" aria-label={format!("Roles of {legend}")}>
                { for person.roles.iter().filter(|(_, k)| *k <= n).map(|(role, k)| {
                    let (role, k) = (*role, *k);
                    html! { <li>{ format!("{} · project {k} ", role.title()) }
                        <button type="button" class="link" aria-label={format!("Remove {} on project {k} from {who}", role.title())} onclick={act_then_focus(d, Action::Person(id, PersonEdit::Role(role, k, false)), person_field(id, "new-role"))}>{ "Remove" }</button></li> }
                }) }
            </ul>
            <div class="add-role">
                { select(SelectProps { id: person_field(id, "new-role").into(), label: format!("Role to add for {who}").into(), options: role_options, value: role.key().into(), onchange: { let role = role.clone(); Callback::from(move |v: String| role.set(Role::parse(&v).unwrap_or(Role::TeamMember))) }, disabled: false }) }
                if n > 1 {
                    { select(SelectProps { id: person_field(id, "new-project").into(), label: format!("On project ({who})").into(), options: project_options, value: project.to_string().into(), onchange: { let project = project.clone(); Callback::from(move |v: String| project.set(v.parse().unwrap_or(1))) }, disabled: false }) }
                }
                <button type="button" onclick={on_add}>{ format!("Add role for {who}") }</button>
            </div>
            if let Some(h) = &p.hours {
                if let Some(given) = h.hours_per_week {
                    <p class="hours">
                        { format!("Needs {} a week under the {} page; gives {given} h.", hours_text(Some(h.required_hours_min), Some(h.required_hours_max)), p.edition.page().title().trim_end_matches(" page")) }
                        if let Some(short) = h.shortfall_hours.filter(|x| *x > Hours::ZERO) { <strong class="short">{ format!(" {short} h short.") }</strong> }
                        { why(RuleId::T7) }
                    </p>
                } else {
                    <p class="hours">{ if person.hours.trim().is_empty() { "Hours a week: not answered yet, so not judged." } else { "Hours a week: not judged until the error above is fixed." } }</p>
                }
            }
            if !found.is_empty() { { findings(found, true) } }
            <button type="button" class="remove" onclick={act_then_focus(d, Action::RemovePerson(id), neighbour)}>{ format!("Remove {who}") }</button>
        </fieldset>
        }
        </details>
    }
}
