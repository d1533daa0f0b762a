//! The readiness view (the three commitments and the success factors).

use super::*;

/// Readiness: the three commitments and seven success factors.
pub fn readiness_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let res = &p.results;
    let derived = res.readiness_from_team;
    let (sponsor, leader, coach) = match derived {
        Some((a, b, c)) => (Some(a), Some(b), Some(c)),
        None => (s.sponsor, s.clinical_leader, s.coach),
    };
    let d = &p.dispatch;
    let coach_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(crate::shell::CHOOSE)))
            .chain(qi_options())
            .collect();
    let from_roster = res
        .roster_who
        .as_ref()
        .map(|who| AttrValue::from(format!("From your team roster: {who}.")));
    let met = res.factors.iter().filter(|(_, f)| f.met()).count();
    html! {
        <section aria-labelledby="readiness-h">
            <h2 id="readiness-h" tabindex="-1">{ crate::shell::READINESS_HEADING }</h2>
            if !p.single {
                <TextField id="organization" label={crate::shell::ORGANIZATION.0} value={s.organization.clone()} hint={Some(AttrValue::from(crate::shell::ORGANIZATION.1))} oninput={send(d, Action::Organization)} />
            }
            <p class="verdict" role="status">
                { readiness_headline(res) }
                { format!(" Success factors: {met} of {}.", SuccessFactor::ALL.len()) }
            </p>
            if !p.single {
                { check(CheckProps { id: "c-roster".into(), label: crate::shell::ROSTER_ANSWERS.into(), checked: s.roster_answers, onchange: send(d, Action::RosterAnswers), disabled: false }) }
            }
            if res.roster_waiting {
                <p class="note" role="status">{ "The roster cannot answer yet: give every person a name (and readable hours) in the Team view. Until then, answer here." }</p>
            }
            if derived.is_some() {
                <p class="note">{ readiness::FROM_ROSTER }</p>
            }
            <fieldset>
                <legend>{ format!("1. {}", readiness::commitment_topic(RuleId::C1)) }</legend>
                { yes_no(YesNoProps { id: "c-sponsor".into(), label: questions::SPONSOR.into(), value: sponsor, disabled: derived.is_some(), note: from_roster.clone(), onchange: send(d, |b| Action::Commitment(Commitment::Sponsor, b)) }) }
                { yes_no(YesNoProps { id: "c-leader".into(), label: questions::CLINICAL_LEADER.into(), value: leader, disabled: derived.is_some(), note: from_roster.clone(), onchange: send(d, |b| Action::Commitment(Commitment::ClinicalLeader, b)) }) }
            </fieldset>
            <fieldset>
                <legend>{ format!("2. {}", readiness::commitment_topic(RuleId::C2)) }</legend>
                { select(SelectProps { id: "c-coach".into(), label: questions::COACH.into(), options: coach_options, value: coach.map_or("", |q| q.key()).into(), disabled: derived.is_some(), onchange: send(d, |v: String| Action::Coach(Qi::parse(&v).unwrap_or_default())) }) }
            </fieldset>
            <fieldset>
                <legend>{ format!("3. {}", readiness::commitment_topic(RuleId::C3)) }</legend>
                { yes_no(YesNoProps { id: "c-audit".into(), label: questions::CAN_AUDIT.into(), value: s.can_audit, onchange: send(d, |b| Action::Commitment(Commitment::CanAudit, b)), disabled: false, note: None }) }
                { yes_no(YesNoProps { id: "c-report".into(), label: questions::CAN_REPORT_DATA.into(), value: s.can_report_data, onchange: send(d, |b| Action::Commitment(Commitment::CanReportData, b)), disabled: false, note: None }) }
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
                { for SuccessFactor::ALL.iter().map(|&f| {
                    let label = format!("{}: {}", f.key(), f.question());
                    let state = *res.factors.get(f);
                    let (value, note) = match state {
                        FactorState::Derived(v) => (v, Some(AttrValue::from("Follows your coach answer."))),
                        FactorState::Follows(rule, v) => (v, Some(AttrValue::from(format!("Follows your answer in section {} ({rule}) until you change it.", section_of(rule))))),
                        FactorState::Answered(v) => (Some(v), None),
                        FactorState::Unanswered => (None, None),
                    };
                    let derived = matches!(state, FactorState::Derived(_));
                    let onchange = if derived { Callback::noop() } else { send_for(d, f, Action::Factor) };
                    yes_no(YesNoProps { id: format!("s{}", f.key().get(1..).unwrap_or("")).into(), label: label.into(), value, disabled: derived, note, onchange })
                }) }
            </fieldset>
            if let Some(r) = &res.readiness {
                if !r.success_factors.missing.is_empty() {
                    <details class="fold" open={crate::ui::wide()}>
                    <summary><h3>{ "What each missing factor risks" }</h3></summary>
                    <ul class="findings">
                        { for r.success_factors.missing.iter().map(|m| html! {
                            <li class="sev-warning"><span class="sev">{ "Check" }</span><span class="msg"><strong>{ format!("{}: ", m.id) }</strong>{ m.risk }</span>{ why(m.id) }</li>
                        }) }
                    </ul>
                    </details>
                }
            }
            <h3>{ "Before you apply" }</h3>
            <ol>{ for readiness::application_checklist().into_iter().map(|st| html! { <li>{ st }</li> }) }</ol>
            { why(RuleId::A1) }
        </section>
    }
}

/// The number of the section that asks about a critical commitment (the sections are
/// numbered as the commitments are, C1 to C3).
fn section_of(rule: RuleId) -> char {
    rule.as_str().chars().last().unwrap_or(' ')
}
