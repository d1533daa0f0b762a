//! The fees view.

use super::*;

/// The other reading's total beside the plan's (F3, a reading that moves money): both in
/// plain sight, with what to do, never only in a folded "Why?".
pub fn other_reading(e: &rules::fees::FeeEstimate) -> Html {
    let Some(other) = e.total_usd_without_prior else {
        return Html::default();
    };
    let warning =
        warning_of(&e.findings, RuleId::F3).map_or_else(String::new, |f| f.message.to_string());
    html! {
        <div class="reading" id="fees-reading">
            <p><strong>{ format!("{other} if earlier projects do not count.") }</strong>{ " " }
                <span class="sev">{ severity_label(Severity::Warning) }</span>{ " " }{ warning }{ why(RuleId::F3) }</p>
        </div>
    }
}

/// Fee estimator: the plan's itemised fees, total, coaches and teams (with the other
/// reading's total beside it), a what-if priced apart, and 1 to 6 side by side.
pub fn fees_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    html! {
        <section aria-labelledby="fees-h">
            <h2 id="fees-h" tabindex="-1">{ "What will it cost?" }</h2>
            { error_summary(&res.errors_shown(Some(View::Fees), p.single).cloned().collect::<Vec<_>>()) }
            <fieldset>
                <legend>{ "Your plan" }</legend>
                if p.single {
                    <TextField id="fee-projects" label="Projects planned" inputmode="numeric" value={s.projects.clone()} error={res.error_for("fee-projects")} settled={res.settled("fee-projects")} oninput={send(d, Action::Projects)} />
                } else {
                    <p class="plan" id="fee-plan">
                        { match res.projects {
                            Some(n) => format!("Projects planned: {n}, as in the Team view. "),
                            None => String::from("Projects planned: not readable yet in the Team view. "),
                        } }
                        <a href="#team" onclick={{ let d = d.clone(); Callback::from(move |e: MouseEvent| { e.prevent_default(); d.emit(Action::Show(View::Team)); }) }}>{ "Change them in the Team view" }</a>
                    </p>
                }
                <TextField id="prior-projects" label="Earlier projects your organization has brought through ImPower" inputmode="numeric" value={s.prior_projects.clone()} error={res.error_for("prior-projects")} settled={res.settled("prior-projects")} hint={Some(AttrValue::from(format!("Our reading: they count toward every {} project's discount.", ordinal_word(FEES.discount_every))))} oninput={send(d, Action::PriorProjects)} />
            </fieldset>
            if let Some(e) = &res.fees {
                <p class="total" role="status"><span>{ "Total: " }</span><strong id="fees-total">{ e.total_usd.to_string() }</strong>
                    if e.undiscounted_usd > e.total_usd { { format!(" (saving {} on {})", Usd(e.undiscounted_usd.0 - e.total_usd.0), e.undiscounted_usd) } }
                </p>
                { other_reading(e) }
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
                // F3's warning stands beside the total above.
                { findings(&e.findings.iter().filter(|f| f.rule != RuleId::F3).cloned().collect::<Vec<_>>(), true) }
            }
            if !p.single {
                <fieldset class="what-if">
                    <legend>{ "What if? Price another number of projects" }</legend>
                    <TextField id="price-other" label="Projects to price (what-if)" inputmode="numeric" value={s.price_other.clone().unwrap_or_default()} error={res.error_for("price-other")} settled={res.settled("price-other")} hint={Some(AttrValue::from("Only this estimate uses it: your plan, the Team view and the summary keep their own number."))} oninput={send(d, |t: String| Action::PriceOther((!t.is_empty()).then_some(t)))} />
                    if let Some(w) = &res.what_if {
                        <p class="total what-if-total" id="what-if-total" role="status">
                            { format!("{} project{} would cost {}", w.teams_needed, if w.teams_needed == 1 { "" } else { "s" }, w.total_usd) }
                            if let Some(other) = w.total_usd_without_prior { { format!(" ({other} if earlier projects do not count)") } }
                            { format!(", with at least {} QI coach{}.", w.coaches_needed, if w.coaches_needed == 1 { "" } else { "es" }) }
                        </p>
                    }
                </fieldset>
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
