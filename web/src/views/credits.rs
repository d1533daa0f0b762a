//! The credits view.

use super::*;

/// Credits: per participant, what they can claim and by when.
pub fn credits_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    html! {
        <section aria-labelledby="cr-h">
            <h2 id="cr-h" tabindex="-1">{ "What credit can each of you claim?" }</h2>
            { error_summary(&res.errors_in(View::Credits)) }
            <fieldset>
                <legend>{ "Your project" }</legend>
                <TextField id="graduation" label="Graduation date (YYYY-MM-DD)" date={true} value={s.graduation.clone()} error={res.error_for("graduation")} settled={res.settled("graduation")} hint={Some(AttrValue::from(graduation_hint(p)))} oninput={send(d, Action::Graduation)} />
                { check(CheckProps { id: "stage-c".into(), label: credit_questions::STAGE_C_COMPLETE.into(), checked: s.stage_c_complete, onchange: send(d, Action::StageC), disabled: false }) }
            </fieldset>
            <fieldset>
                <legend>{ "Documents the site has submitted" }</legend>
                { for Document::ALL.iter().zip(s.documents).map(|(doc, on)| {
                    let doc = *doc;
                    html! { { check(CheckProps { id: format!("doc-{}", doc.key()).into(), label: doc.title().into(), checked: on, onchange: send_for(d, doc, Action::Document), disabled: false }) } }
                }) }
            </fieldset>
            { for s.participants.iter().enumerate().map(|(i, pt)| {
                let id = pt.id;
                let number = i + 1;
                let answer = res.credits.iter().find(|c| c.id == id);
                let who = if pt.name.trim().is_empty() { format!("participant {number}") } else { pt.name.trim().to_string() };
                let legend = if pt.name.trim().is_empty() { format!("Participant {number}") } else { format!("Participant {number}: {}", pt.name.trim()) };
                let neighbour = neighbour(&s.participants, i, |q| format!("pt-{}-name", q.id), "add-participant");
                html! {
                    <fieldset class="person" key={id}>
                        <legend>{ legend.clone() }</legend>
                        <TextField id={format!("pt-{id}-name")} label={format!("Name of participant {number}")} value={pt.name.clone()} oninput={send_for(d, id, |id, v| Action::Participant(id, ParticipantEdit::Name(v)))} />
                        { check(CheckProps { id: format!("pt-{id}-physician").into(), label: format!("{} ({who})", physician_label()).into(), checked: pt.physician, onchange: send_for(d, id, |id, b| Action::Participant(id, ParticipantEdit::Physician(b))), disabled: false }) }
                        <fieldset class="inline">
                            <legend>{ format!("Stages {who} took part in") }</legend>
                            { for Stage::ALL.iter().zip(pt.stages).map(|(st, on)| {
                                let st = *st;
                                html! { { check(CheckProps { id: format!("pt-{id}-stage-{}", st.key()).into(), label: format!("Stage {}: {} ({} credits)", st.key(), st.title(), st.credits()).into(), checked: on, onchange: send_for(d, (id, st), |(id, st), b| Action::Participant(id, ParticipantEdit::Stage(st, b))), disabled: false }) } }
                            }) }
                        </fieldset>
                        { check(CheckProps { id: format!("pt-{id}-roster").into(), label: format!("{} ({who})", credit_questions::ON_ROSTER_AT_START).into(), checked: pt.on_roster, onchange: send_for(d, id, |id, b| Action::Participant(id, ParticipantEdit::OnRoster(b))), disabled: false }) }
                        { check(CheckProps { id: format!("pt-{id}-optin").into(), label: format!("{} ({who})", credit_questions::OPTED_IN).into(), checked: pt.opted_in, onchange: send_for(d, id, |id, b| Action::Participant(id, ParticipantEdit::OptedIn(b))), disabled: false }) }
                        if let Some(c) = answer {
                            <div class="credit-result" role="status">
                                <p><strong>{ format!("{} credits", c.report.credits) }</strong>{ format!(" · {}", c.report.credit_type.title()) }{ why(RuleId::CR8) }</p>
                                <p>{ status(c.report.claimable, "Can be claimed today.", "Cannot be claimed today.") }
                                    { format!(" Deadline {} ({}).", date(c.report.claim_deadline), days(c.report.days_left)) }{ why(RuleId::CR7) }</p>
                                { findings(&c.report.findings, false) }
                            </div>
                        }
                        <button type="button" class="remove" onclick={act_then_focus(d, Action::RemoveParticipant(id), neighbour)}>{ format!("Remove {who}") }</button>
                    </fieldset>
                }
            }) }
            <button type="button" id="add-participant" onclick={act_then_focus(d, Action::AddParticipant, format!("pt-{}-name", s.next_id))}>{ "Add a participant" }</button>
        </section>
    }
}

/// Where the graduation comes from: the Calendar's cohort while the field is empty, so
/// every view gives one claim deadline; a typed date, said to differ.
fn graduation_hint(p: &ViewProps) -> String {
    let planned = p.results.schedule.as_ref().map(|sc| &sc.cohort);
    match (p.state.graduation.trim().is_empty(), planned) {
        (true, Some(c)) => format!("Empty: the {} cohort's estimated graduation in the Calendar, {}. Type a date to use another.", cohort_label(c), date(c.graduation)),
        (true, None) => String::from("Empty: the graduation of the cohort the Calendar plans, once its date can be read."),
        (false, Some(c)) => format!("The Calendar's {} cohort graduates {}; clear this field to follow it.", cohort_label(c), date(c.graduation)),
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
