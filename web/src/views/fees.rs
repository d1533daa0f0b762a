//! The fees view.

use super::*;

/// Fee estimator: itemised fees, total, coaches and teams, 1 to 6 side by side.
pub fn fees_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    html! {
        <section aria-labelledby="fees-h">
            <h2 id="fees-h" tabindex="-1">{ "What will it cost?" }</h2>
            { error_summary(&res.errors_in(View::Fees)) }
            <fieldset>
                <legend>{ "Projects" }</legend>
                <TextField id="fee-projects" label="Projects planned" inputmode="numeric" value={s.projects.clone()} error={res.error_for("fee-projects")} settled={res.settled("fee-projects")} hint={Some(AttrValue::from("The same projects as in the Team view."))} oninput={send(d, Action::Projects)} />
                { check(CheckProps { id: "price-other-on".into(), label: "Price a different number of projects than the team plans".into(), checked: s.price_other.is_some(), onchange: { let projects = s.projects.clone(); send(d, move |on: bool| Action::PriceOther(on.then(|| projects.clone()))) }, disabled: false }) }
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
                { findings(&e.findings, true) }
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
