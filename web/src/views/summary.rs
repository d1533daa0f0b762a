//! The summary view.

use super::*;

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
