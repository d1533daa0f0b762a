//! The six views. Each receives the state, the answers and one callback to dispatch
//! actions; each shows every answer with its "why".

use std::rc::Rc;

use rules::book::{Collaborative, RuleId};
use rules::calendar::cohort_label;
use rules::credits::{questions as credit_questions, Document, Stage};
use rules::fees::COMPARE_UP_TO;
use rules::finding::Severity;
use rules::program::{CALENDAR, FEES};
use rules::readiness::{self, questions, Qi, SuccessFactor};
use rules::team::{self, Edition, Role};
use rules::text::{number_word, ordinal_word};
use rules::vocab::PHYSICIAN_DEGREE;
use rules::{Hours, Usd};
use yew::prelude::*;

use crate::eval::{person_field, FactorState, Results, Tone};
use crate::state::{Action, Commitment, PersonEdit, State, View};
use crate::ui::{
    check, error_summary, findings, focus_soon, select, severity_label, why, yes_no, CheckProps,
    SelectProps, TextField, YesNoProps,
};

/// What every view takes. The views are plain functions, not components: a view renders
/// again whenever the state or the answers change, which is when the app renders, so a
/// component's props check would not save a render, and its scaffolding costs bytes.
#[derive(Clone)]
pub struct ViewProps {
    /// What the user entered (the reducer's handle: reading it copies nothing).
    pub state: UseReducerHandle<State>,
    /// The answers.
    pub results: Rc<Results>,
    /// Dispatches an action.
    pub dispatch: Callback<Action>,
    /// Shown alone (an embedded single view): no links to other views.
    pub single: bool,
}

/// Where focus goes when item `i` of a list is removed: the next item's field, else the
/// previous one's, else the list's "Add" control.
fn neighbour<T>(items: &[T], i: usize, field: impl Fn(&T) -> String, add: &str) -> String {
    items
        .get(i + 1)
        .or_else(|| i.checked_sub(1).and_then(|j| items.get(j)))
        .map_or_else(|| add.to_string(), field)
}

/// A field's callback: the action is made by a plain function, so every field that
/// gives a `T` shares one instantiation (a closure per field would each cost its own).
fn send<T: 'static>(d: &Callback<Action>, f: fn(T) -> Action) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |v: T| d.emit(f(v)))
}

/// A button that does `action`, then moves keyboard focus to the element with id `to`
/// (one instantiation for every such button).
fn act_then_focus(d: &Callback<Action>, action: Action, to: String) -> Callback<MouseEvent> {
    let d = d.clone();
    Callback::from(move |e: MouseEvent| {
        d.emit(action.clone());
        focus_soon(e.target_dyn_into::<web_sys::Element>(), to.clone());
    })
}

/// [`send`] for a field of one item (a person's id, a project's number, a stage).
fn send_for<K: Copy + 'static, T: 'static>(
    d: &Callback<Action>,
    key: K,
    f: fn(K, T) -> Action,
) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |v: T| d.emit(f(key, v)))
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

/// "1 person", "3 people".
fn people_count(n: usize) -> String {
    format!("{n} {}", if n == 1 { "person" } else { "people" })
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

/// The warning `rule` gave among `findings`: a reading that moves money or dates (F3's
/// other total, P2's late entry), shown beside the figures it moves.
fn warning_of(findings: &[rules::Finding], rule: RuleId) -> Option<&rules::Finding> {
    findings
        .iter()
        .find(|f| f.rule == rule && f.severity == Severity::Warning)
}

/// The team's headline, from its findings ([`crate::eval::team_headline`]).
fn team_status(t: &rules::team::TeamReport) -> Html {
    let (tone, text) = crate::eval::team_headline(t);
    match tone {
        Tone::Met => status(true, text, ""),
        Tone::Fix => status(false, "", text),
        Tone::Check => html! { <span class="status pending">{ text }</span> },
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
    let next = unmet.first().map(|c| c.message).unwrap_or_default();
    let verb = if unmet.len() == 1 { "is" } else { "are" };
    html! {
        <>
            { status(false, "", &format!("Not yet: {} {verb} not met.", names.join(" and "))) }
            <span class="next">{ format!(" Next: {next}") }</span>
        </>
    }
}

fn hours_text(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("{a} h"),
        (Some(a), Some(b)) => format!("{a}–{b} h"),
        _ => "not stated".into(),
    }
}

mod calendar;
mod commitments;
mod credits;
mod fees;
mod roster;
mod summary;

pub use calendar::*;
pub use commitments::*;
pub use credits::*;
pub use fees::*;
pub use roster::*;
pub use summary::*;
