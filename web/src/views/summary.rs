//! The summary view: the document a sponsor signs off on. The same page reads on screen
//! and prints as a clean document (the print rules of `web/style.css` leave out every
//! control and the app's own header). Each part is built from the answers by a small
//! function, and every table by [`table`].

use std::fmt::Write;

use super::*;
use crate::eval::Results;
use crate::state::State;
use rules::book::Page;
use rules::text::plural;

/// One table of the document: its caption, the column heads, and the cells row by row
/// (the first cell of a row heads it).
#[inline(never)]
fn table(caption: &str, heads: &[&str], cells: &[String]) -> Html {
    html! {
        <div class="scroll" role="region" tabindex="0" aria-label={caption.to_string()}><table>
            <caption>{ caption }</caption>
            <thead><tr>{ for heads.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>{ for cells.chunks(heads.len()).map(|row| html! {
                <tr>{ for row.iter().enumerate().map(|(i, c)| if i == 0 {
                    html! { <th scope="row">{ c.clone() }</th> }
                } else {
                    html! { <td>{ c.clone() }</td> }
                }) }</tr>
            }) }</tbody>
        </table></div>
    }
}

/// One item of a list of findings: its severity in words, what it is about (a rule ID
/// or a field), the text.
#[inline(never)]
fn item(severity: Severity, about: &str, text: &str) -> Html {
    html! {
        <li class={if severity == Severity::Error { "sev-error" } else { "sev-warning" }}>
            <span class="sev">{ crate::ui::severity_label(severity) }</span>{ " " }
            <strong>{ about.to_string() }</strong>{ " " }{ text.to_string() }
        </li>
    }
}

/// A heading of the document.
#[inline(never)]
fn h3(text: &'static str) -> Html {
    html! { <h3>{ text }</h3> }
}

/// Who in the Team holds `role` (named people, in roster order), with `extra` after
/// each name, joined by commas; empty when no one does.
fn holders(s: &State, role: Role, extra: fn(&crate::state::PersonDraft) -> &'static str) -> String {
    let mut out = String::new();
    for p in s
        .people
        .iter()
        .filter(|p| !p.name.trim().is_empty() && p.roles.iter().any(|r| r.0 == role))
    {
        let sep = if out.is_empty() { "" } else { ", " };
        let _ = write!(out, "{sep}{}{}", p.name.trim(), extra(p));
    }
    out
}

/// The three commitments, each with its answer and who in the Team meets it: the
/// sponsors and physician leaders (C1), the coaches with their QI (C2), the people
/// who can access data (C3).
fn commitments(s: &State, res: &Results) -> Html {
    let Some(r) = &res.readiness else {
        return Html::default();
    };
    let none = |t: String| {
        if t.is_empty() {
            String::from("no one named yet")
        } else {
            t
        }
    };
    let mut cells = Vec::new();
    for c in &r.commitments {
        let who = match c.id {
            RuleId::C1 => format!(
                "{}: {}. {}: {}.",
                Role::Sponsor.title(),
                none(holders(s, Role::Sponsor, |_| "")),
                Role::PhysicianLeader.title(),
                none(holders(s, Role::PhysicianLeader, |_| ""))
            ),
            RuleId::C2 => format!(
                "{}: {}.",
                Role::QiCoach.title(),
                none(holders(s, Role::QiCoach, |p| match p.qi {
                    Qi::Experienced => " (QI experience)",
                    Qi::Learning => " (learning QI)",
                    Qi::None => " (no QI experience or interest in the Team)",
                }))
            ),
            _ => {
                let mut data = String::new();
                for p in s
                    .people
                    .iter()
                    .filter(|p| p.data_access && !p.name.trim().is_empty())
                {
                    let sep = if data.is_empty() { "" } else { ", " };
                    let _ = write!(data, "{sep}{}", p.name.trim());
                }
                format!("Can access data: {}.", none(data))
            }
        };
        cells.extend([
            format!("{} {}", c.id, readiness::commitment_topic(c.id)),
            String::from(if c.met { "✓ Met" } else { "✗ Not met" }),
            who,
        ]);
    }
    let caption = format!("Answers to {}", readiness::commitments_name());
    table(
        &caption,
        &["Commitment", "Answer", "Who in the Team"],
        &cells,
    )
}

/// Every "must fix", then every "to check", in one list: the fields that cannot be read,
/// and the findings of readiness, of the team (once it can be checked), of the fees and
/// of the calendar.
fn to_do(res: &Results) -> Html {
    let none: &[rules::Finding] = &[];
    let lists = [
        res.readiness.as_ref().map_or(none, |r| &r.findings),
        res.team
            .as_ref()
            .filter(|_| !res.team_blocked)
            .map_or(none, |t| &t.findings),
        res.fees.as_ref().map_or(none, |e| &e.findings),
        res.schedule.as_ref().map_or(none, |sc| &sc.findings),
    ];
    let mut items: Vec<Html> = res
        .errors
        .iter()
        .map(|e| item(Severity::Error, &format!("{}:", e.label), &e.message))
        .collect();
    for severity in [Severity::Error, Severity::Warning] {
        for f in lists.iter().copied().flatten() {
            if f.severity == severity {
                items.push(item(severity, f.rule.as_str(), &f.message));
            }
        }
    }
    if items.is_empty() {
        return html! { <p>{ "Nothing to fix or check." }</p> };
    }
    html! { <ul class="findings">{ for items }</ul> }
}

/// The roster: each person's roles per project, and the hours a week they give, need
/// and are short by (T7).
fn roster(s: &State, res: &Results, n: u32) -> Html {
    let Some(t) = &res.team else {
        return html! { <p>{ "Enter a valid number of projects in the Team view." }</p> };
    };
    let mut cells = Vec::new();
    let mut unnamed = 0;
    // Weekly hours of the named people: given, needed (from–to) and short by; `None`
    // once someone's hours cannot be read.
    let mut given = Some(Hours::ZERO);
    let (mut need_min, mut need_max, mut short) = (0u32, 0u32, Hours::ZERO);
    for (person, h) in s.people.iter().zip(&t.people) {
        // Examples not named yet are not people of the application.
        let Some(name) = &h.name else {
            unnamed += 1;
            continue;
        };
        let mut roles = String::new();
        for (role, k) in person.roles.iter().filter(|(_, k)| *k <= n) {
            let sep = if roles.is_empty() { "" } else { "; " };
            let _ = write!(roles, "{sep}{}, project {k}", role.title());
        }
        given = given
            .zip(h.hours_per_week)
            .map(|(g, x)| g.saturating_add(x));
        need_min = need_min.saturating_add(h.required_hours_min);
        need_max = need_max.saturating_add(h.required_hours_max);
        short = short.saturating_add(h.shortfall_hours.unwrap_or(Hours::ZERO));
        cells.extend([
            name.clone(),
            roles,
            h.hours_per_week
                .map_or_else(|| "not known yet".into(), |x| format!("{x} h")),
            hours_text(Some(h.required_hours_min), Some(h.required_hours_max)),
            match h.shortfall_hours {
                Some(x) if x != Hours::ZERO => format!("{x} h"),
                _ => String::new(),
            },
        ]);
    }
    cells.extend([
        String::from("Total"),
        String::new(),
        given.map_or_else(|| String::from("not known yet"), |g| format!("{g} h")),
        hours_text(Some(need_min), Some(need_max)),
        match given {
            Some(_) if short != Hours::ZERO => format!("{short} h"),
            _ => String::new(),
        },
    ]);
    let mut projects = String::new();
    for k in 1..=n {
        let collaborative = s
            .collaboratives
            .get(k as usize - 1)
            .copied()
            .flatten()
            .map_or("collaborative not chosen yet", |c| c.title());
        let sep = if projects.is_empty() { "" } else { "; " };
        let _ = write!(projects, "{sep}project {k}, {collaborative}");
    }
    html! {
        <>
            <p>{ format!("Projects ({}): {projects}.", RuleId::K1) }</p>
            if res.team_blocked {
                <p>{ status(false, "", &format!("{} to name in the Team view before the team can be checked.", people_count(t.unnamed()))) }</p>
            } else {
                <p>{ team_status(t) }
                   { format!(" {} people on {n} project{}.", t.people.len(), plural(n)) }</p>
            }
            if unnamed > 0 {
                <p class="note">{ format!("{unnamed} of the Team view's people {} not named yet: examples, not counted here.", if unnamed == 1 { "is" } else { "are" }) }</p>
            }
            { table("Roles and weekly hours", &["Name", "Roles", "Gives a week", "Needs a week", "Short by"], &cells) }
        </>
    }
}

/// The fee of each project (F1–F3), the discounted ones said in words, the total, and
/// the teams and coaches it takes (F4).
fn fees(res: &Results) -> Html {
    let Some(e) = &res.fees else {
        return html! { <p>{ "Enter valid project counts in the Fees view." }</p> };
    };
    let mut cells = Vec::new();
    for pf in &e.projects {
        let mut fee = pf.fee_usd.to_string();
        if pf.discounted {
            let _ = write!(
                fee,
                " — discounted (every {} project)",
                ordinal_word(FEES.discount_every)
            );
        }
        cells.extend([format!("#{}", pf.number), fee, pf.rule.as_str().into()]);
    }
    cells.extend(["Total".into(), e.total_usd.to_string(), String::new()]);
    if let Some(other) = e.total_usd_without_prior {
        cells.extend([
            "Total if earlier projects do not count".into(),
            other.to_string(),
            RuleId::F3.as_str().into(),
        ]);
    }
    let teams = e.teams_needed;
    html! {
        <>
            { table(&format!("Fees for the {teams} planned project{}", plural(teams)), &["Project", "Fee", "Rule"], &cells) }
            { Html::from_iter(e.findings.iter().filter(|f| f.rule == RuleId::F4).map(|f| html! { <p>{ format!("{} ({})", f.message, f.rule) }</p> })) }
            { reading(&e.findings, RuleId::F3) }
        </>
    }
}

/// The chosen cohort's dates: preparation (P2), team start (P1), the sessions (P4),
/// graduation (P3) and the claim deadline (CR7).
fn dates(res: &Results) -> Html {
    let Some(sc) = &res.schedule else {
        return html! { <p>{ "Enter a valid date in the Calendar view." }</p> };
    };
    let c = &sc.cohort;
    let mut cells = Vec::new();
    let mut row = |what: String, when: chrono::NaiveDate, rule: RuleId| {
        cells.extend([what, date(when), rule.as_str().into()])
    };
    row(
        "Leaders' preparation phase starts".into(),
        c.preparation_starts,
        RuleId::P2,
    );
    row("Whole team starts".into(), c.team_starts, RuleId::P1);
    for x in &sc.sessions {
        row(
            format!("Session {}: {}", x.number, x.title),
            x.date,
            RuleId::P4,
        );
    }
    row("Graduation".into(), c.graduation, RuleId::P3);
    row("Credit claims due".into(), c.claim_deadline, RuleId::CR7);
    if let Some(l) = &sc.late_entry {
        let name = cohort_label(l);
        row(
            format!("Late entry, to ask about: the {name} cohort's preparation began"),
            l.preparation_starts,
            RuleId::P2,
        );
        row(
            format!("Late entry: the {name} cohort's team starts"),
            l.team_starts,
            RuleId::P2,
        );
    }
    html! {
        <>
            { table(
                &format!(
                    "The {} cohort (sessions and graduation are estimates)",
                    cohort_label(c)
                ),
                &["What", "When", "Rule"],
                &cells,
            ) }
            { reading(&sc.findings, RuleId::P2) }
        </>
    }
}

/// A reading that moves money or dates, in words beside the figures: the warning the
/// rule gave (F3 with earlier projects, P2 for a late entry), marked as our reading.
fn reading(findings: &[rules::Finding], rule: RuleId) -> Html {
    match warning_of(findings, rule) {
        Some(f) => html! {
            <p class="reading"><strong>{ format!("Our reading ({rule}), to confirm: ") }</strong>{ f.message.to_string() }</p>
        },
        None => Html::default(),
    }
}

/// Where the credits' graduation comes from, when it is not the Calendar's: a date typed
/// in the Credits view gives other claim deadlines than the Dates above, and says so.
fn graduation_note(s: &State, res: &Results) -> Html {
    let planned = res.schedule.as_ref().map(|sc| sc.cohort.graduation);
    match res.graduation {
        Some(g) if !s.graduation.trim().is_empty() && Some(g) != planned => html! {
            <p class="note">{ format!("Credits count from a graduation typed in the Credits view, {}, not the cohort's above.", date(g)) }</p>
        },
        _ => Html::default(),
    }
}

/// What a claim still needs, in a few words (the rule ID follows as the reference).
fn needed(f: &rules::Finding) -> &'static str {
    match f.rule {
        RuleId::CR1 => "a stage taken part in",
        RuleId::CR2 if f.source == rules::book::CR2_AFTER_GRADUATION => "graduation",
        RuleId::CR2 => "Stage C complete",
        RuleId::CR3 => "documents submitted",
        RuleId::CR4 => "named on the roster at the start",
        RuleId::CR5 => "opt-in by Session 1",
        RuleId::CR7 => "the claim deadline",
        _ => "see the Credits view",
    }
}

/// Credits (CR1–CR9), one claim per person and project: whether it can be claimed, and
/// what it still needs in words: what was missed, what is needed now, and what is
/// needed by a day still to come, grouped by that day. Claims that stand alike share a
/// row, so a roster of twelve prints in a few.
fn credits(res: &Results) -> Html {
    // One graduation, so one claim deadline for every claim.
    let Some(deadline) = res.credits.first().map(|c| c.report.claim_deadline) else {
        return html! { <p>{ "No one named in the Team yet: each person's credit is worked out from the Team." }</p> };
    };
    // Claims that stand alike share a row: (who by project, worth, claim, deadline).
    type Row<'a> = (Vec<(u32, Vec<&'a str>)>, String, String);
    let mut rows: Vec<Row> = Vec::new();
    for c in &res.credits {
        let (mut now, mut missed) = (Vec::new(), Vec::new());
        let mut by_day: Vec<(chrono::NaiveDate, Vec<String>)> = Vec::new();
        for f in c
            .report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            let words = format!("{} ({})", needed(f), f.rule);
            match (f.due, f.passed) {
                (Some(day), _) => match by_day.iter_mut().find(|(d, _)| *d == day) {
                    Some((_, list)) => list.push(words),
                    None => {
                        let at = by_day.partition_point(|(d, _)| *d < day);
                        by_day.insert(at, (day, vec![words]));
                    }
                },
                (None, Some(_)) => missed.push(words),
                (None, None) => now.push(words),
            }
        }
        let mut claim: Vec<String> = Vec::new();
        if c.report.claimable {
            claim.push(String::from("✓ Can be claimed today."));
        }
        if !missed.is_empty() {
            claim.push(format!("Missed: {}.", missed.join(", ")));
        }
        if !now.is_empty() {
            claim.push(format!("Needed now: {}.", now.join(", ")));
        }
        for (day, list) in by_day {
            claim.push(format!("Needed by {}: {}.", date(day), list.join(", ")));
        }
        let claim = claim.join(" ");
        let worth = format!("{} ({})", c.report.credits, c.report.credit_type.title());
        let at = match rows.iter().position(|r| r.1 == worth && r.2 == claim) {
            Some(at) => at,
            None => {
                rows.push((Vec::new(), worth, claim));
                rows.len() - 1
            }
        };
        // The names of a row by project, projects in order.
        if let Some((who, ..)) = rows.get_mut(at) {
            match who.iter_mut().find(|(k, _)| *k == c.project) {
                Some((_, names)) => names.push(c.name.as_str()),
                None => {
                    let i = who.partition_point(|(k, _)| *k < c.project);
                    who.insert(i, (c.project, vec![c.name.as_str()]));
                }
            }
        }
    }
    let mut cells: Vec<String> = Vec::new();
    for (who, worth, claim) in rows {
        let who: Vec<String> = who
            .into_iter()
            .map(|(k, names)| format!("Project {k}: {}", names.join(", ")))
            .collect();
        cells.extend([who.join("; "), worth, claim]);
    }
    html! {
        <div class="wide">
            { table(&format!("Credits per person and project: claims due by {} ({})", date(deadline), RuleId::CR7), &["Who", "Credits", "Claim"], &cells) }
        </div>
    }
}

/// Where each part of the summary comes from: the page and its sections, by the names
/// the pages give them.
const SOURCES: [(&str, Page, &str); 6] = [
    (
        "Commitments and success factors (C, S)",
        Page::LearningNetwork,
        "“Prepare to Apply” and “You Asked. We Answered.”",
    ),
    (
        "Team roles and weekly hours (T)",
        Page::ImpowerProgram,
        "“Who Comprises a Project Team?”; the Learning Network page's role table",
    ),
    (
        "Fees (F)",
        Page::ImpowerProgram,
        "“Program Participation Fees”; the Learning Network page, “Prepare to Apply”",
    ),
    (
        "Cohorts and dates (P)",
        Page::ImpowerProgram,
        "its opening paragraph and “The ImPower Structure”",
    ),
    (
        "Credits (CR)",
        Page::LearningNetwork,
        "“You Asked. We Answered.” (PI-CME)",
    ),
    (
        "Next steps (A)",
        Page::LearningNetwork,
        "“Prepare to Apply” and “Join the Next Cohort”",
    ),
];

/// Summary: the whole application as one document, for leadership.
pub fn summary_view(p: &ViewProps) -> Html {
    let s = &p.state;
    let res = &p.results;
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let org = s.organization.trim();
    let met = res.factors.iter().filter(|(_, f)| f.met()).count();
    html! {
        <section aria-labelledby="sum-h" class="summary">
            <h2 id="sum-h" tabindex="-1">{ "ImPower readiness: summary for leadership" }</h2>
            <p class="prepared">
                if !org.is_empty() { <strong>{ org.to_string() }</strong>{ " · " } }
                { format!("Prepared {}", date(s.today)) }
            </p>
            <button type="button" class="no-print" onclick={print}>{ "Print this summary" }</button>
            { h3("Readiness") }
            <p class="verdict">{ readiness_headline(res) }{ format!(" Success factors: {met} of {}.", SuccessFactor::ALL.len()) }</p>
            { commitments(s, res) }
            { h3("Team") }
            { roster(s, res, res.projects.unwrap_or(1)) }
            { h3("To fix and to check") }
            { to_do(res) }
            { h3("Fees") }
            { fees(res) }
            { h3("Dates") }
            { dates(res) }
            { h3("Credits") }
            { graduation_note(s, res) }
            { credits(res) }
            { h3("Next steps") }
            <ol class="steps">{ for readiness::application_checklist().into_iter().map(|st| html! { <li>{ st }</li> }) }</ol>
            { h3("Sources") }
            <p class="sources">{ for SOURCES.iter().enumerate().map(|(i, (what, page, sections))| html! {
                <>{ if i == 0 { "" } else { " · " } }<strong>{ *what }</strong>{ format!(": {}, {sections}", page.title()) }</>
            }) }</p>
            <p class="note">
                { format!("Each rule ID above is a rule of the ImPower rule book, read from these sections; every answer here is decided by the {}. ", crate::checked::rule_book_label()) }
                { "Not an official ACR tool: confirm fees, dates and credit with the ACR Learning Network team; where the pages are silent or differ, each answer's “Why?” in the app says which reading we took." }
            </p>
            <p class="sign"><span>{ "Organizational sponsor, signature" }</span><span>{ "Date" }</span><span>{ format!("{}, signature", rules::team::Role::PhysicianLeader.title()) }</span><span>{ "Date" }</span></p>
        </section>
    }
}
