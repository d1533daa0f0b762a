//! The calendar view.

use super::*;

/// Calendar: the next cohorts, phases, sessions, coach trainings and deadlines.
pub fn calendar_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let d = &p.dispatch;
    let res = &p.results;
    html! {
        <section aria-labelledby="cal-h">
            <h2 id="cal-h" tabindex="-1">{ "When would you start and finish?" }</h2>
            { error_summary(&res.errors_in(View::Calendar)) }
            <TextField id="plan-date" label="Plan from (YYYY-MM-DD)" date={true} value={s.plan_date.clone()} error={res.error_for("plan-date")} settled={res.settled("plan-date")} hint={Some(AttrValue::from(format!("Today is {}.", rules::date::long(s.today))))} oninput={send(d, Action::PlanDate)} />
            if let Some(sc) = &res.schedule {
                <h3>{ format!("Next cohort: {}", cohort_label(&sc.cohort)) }</h3>
                <dl class="dates">
                    <dt>{ "Leaders' preparation phase starts" }</dt><dd>{ date(sc.cohort.preparation_starts) }{ why(RuleId::P2) }</dd>
                    <dt>{ "Whole team starts" }</dt><dd>{ date(sc.cohort.team_starts) }{ why(RuleId::P1) }</dd>
                    <dt>{ "Graduation (estimate)" }</dt><dd>{ date(sc.cohort.graduation) }{ why(RuleId::P3) }</dd>
                    <dt>{ "Credit claims due" }</dt><dd>{ date(sc.cohort.claim_deadline) }{ why(RuleId::CR7) }</dd>
                </dl>
                if let Some(l) = &sc.late_entry {
                    { late_entry(sc, l) }
                }
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
                    <tbody>
                        if let Some(c) = &sc.late_entry {
                            <tr class="late"><th scope="row">{ cohort_label(c) }<br /><span class="tag">{ "Late entry: ask first" }</span></th><td>{ date(c.preparation_starts) }{ " (already begun)" }</td><td>{ date(c.team_starts) }</td><td>{ date(c.graduation) }</td><td>{ date(c.claim_deadline) }</td></tr>
                        }
                        { Html::from_iter(sc.upcoming.iter().map(|c| html! { <tr><th scope="row">{ cohort_label(c) }</th><td>{ date(c.preparation_starts) }</td><td>{ date(c.team_starts) }</td><td>{ date(c.graduation) }</td><td>{ date(c.claim_deadline) }</td></tr> })) }
                    </tbody>
                </table></div>
                <h3>{ "How the program runs" }</h3>
                { findings(&sc.findings, true) }
            }
        </section>
    }
}

/// The cohort already preparing on the date (P2's "Late entry" reading): beside the next
/// cohort, marked, with the warning in full and its dates, never instead of it.
fn late_entry(sc: &rules::calendar::Schedule, l: &rules::calendar::Cohort) -> Html {
    let warning =
        warning_of(&sc.findings, RuleId::P2).map_or_else(String::new, |f| f.message.to_string());
    html! {
        <section class="late-entry" aria-labelledby="late-h">
            <h3 id="late-h">{ format!("Late entry, to ask about: {}", cohort_label(l)) }</h3>
            <p><span class="sev">{ severity_label(Severity::Warning) }</span>{ " " }{ warning }{ why(RuleId::P2) }</p>
            <dl class="dates">
                <dt>{ "Leaders' preparation began" }</dt><dd>{ date(l.preparation_starts) }</dd>
                <dt>{ "Whole team starts" }</dt><dd>{ date(l.team_starts) }</dd>
                <dt>{ "Graduation (estimate)" }</dt><dd>{ date(l.graduation) }</dd>
                <dt>{ "Credit claims due" }</dt><dd>{ date(l.claim_deadline) }</dd>
            </dl>
        </section>
    }
}

/// "Add to calendar": the cohort's dates as an `.ics` file, a `data:` link to download
/// (no Blob, no script: the page's CSP allows it, and it works from any static host).
fn add_to_calendar(sc: &rules::calendar::Schedule) -> Html {
    html! {
        <p class="no-print"><a class="button" id="add-to-calendar" download={format!("impower-{}.ics", sc.cohort.id)} href={calendar_href(sc)}>
            { format!("Add the {} cohort to your calendar", cohort_label(&sc.cohort)) }</a></p>
    }
}

fn calendar_href(s: &rules::calendar::Schedule) -> String {
    // Made now: its DTSTAMP is this moment in UTC (the rules take the clock as input).
    let now = js_sys::Date::new_0();
    let made = chrono::NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .and_then(|d| {
        d.and_hms_opt(
            now.get_utc_hours(),
            now.get_utc_minutes(),
            now.get_utc_seconds(),
        )
    })
    .unwrap_or_else(|| s.date.and_time(chrono::NaiveTime::MIN));
    let text = rules::calendar::ics(s, made);
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
