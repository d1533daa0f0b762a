//! Small accessible widgets: labelled fields with their error beside them, the error
//! summary, findings with their "why". They receive properties and emit callbacks;
//! none of them holds state.

use rules::book::{RuleId, Source};
use rules::finding::{Finding, Severity};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::eval::FieldError;

/// Props of a text or number field.
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// The text as typed.
    pub value: AttrValue,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The error, when the text cannot be used.
    #[prop_or_default]
    pub error: Option<String>,
    /// `numeric`, `decimal` or `text`.
    #[prop_or(AttrValue::Static("text"))]
    pub inputmode: AttrValue,
    /// A date as `YYYY-MM-DD`: beside the text, the browser's own date picker where it
    /// has one (it fills in the same text, read by the same strict rules).
    #[prop_or_default]
    pub date: bool,
    /// Show the error now, even before the user leaves the field (the text can no
    /// longer become valid by typing on).
    #[prop_or_default]
    pub settled: bool,
    /// Called with the new text on every keystroke.
    pub oninput: Callback<String>,
}

/// A labelled text field, its hint, and its error next to it. The error shows once the
/// user has left the field (or at once when typing on cannot fix it), so the layout
/// does not jump under the cursor while they type.
#[component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let left = use_state(|| false);
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            // A date picker cleared half-way says nothing: the text stays as it was.
            if !(value.is_empty()
                && e.target_unchecked_into::<HtmlInputElement>().type_() == "date")
            {
                cb.emit(value)
            }
        })
    };
    let onblur = {
        let left = left.clone();
        Callback::from(move |_: FocusEvent| left.set(true))
    };
    let error = p.error.as_ref().filter(|_| *left || p.settled);
    let hint_id = format!("{}-hint", p.id);
    let err_id = format!("{}-error", p.id);
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    if error.is_some() {
        described.push(err_id.clone());
    }
    html! {
        <div class={classes!("field", error.map(|_| "has-error"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            if let Some(h) = &p.hint { <p class="hint" id={hint_id}>{ h.clone() }</p> }
            if let Some(e) = error {
                <p class="error" id={err_id}><span class="tag">{ "Error: " }</span>{ e.clone() }</p>
            }
            <div class="inputs">
                <input id={p.id.clone()} type="text" inputmode={p.inputmode.clone()} value={p.value.clone()}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    aria-describedby={if described.is_empty() { None } else { Some(described.join(" ")) }}
                    autocomplete="off" oninput={oninput.clone()} {onblur} />
                if p.date {
                    // A picked date is a whole, valid `YYYY-MM-DD`; an unusable text leaves
                    // the picker empty.
                    <input type="date" id={format!("{}-pick", p.id)} aria-label="Pick a date"
                        value={if p.error.is_none() { p.value.clone() } else { AttrValue::Static("") }}
                        {oninput} />
                }
            </div>
        </div>
    }
}

/// Props of a yes/no question.
pub struct YesNoProps {
    /// The group's id (each radio's id adds `-yes` or `-no`).
    pub id: AttrValue,
    /// The question.
    pub label: AttrValue,
    /// The answer, `None` while unanswered.
    pub value: Option<bool>,
    /// Called with the answer.
    pub onchange: Callback<bool>,
    /// Shown but not editable (answered elsewhere).
    pub disabled: bool,
    /// A note under the question (where an answer comes from).
    pub note: Option<AttrValue>,
}

/// A yes/no question as two radio buttons, unanswered until the user answers.
/// [`yes_no`], [`check`] and [`select`] are plain functions, not components: they hold no
/// state, their callbacks are new on every render (so a component would render again
/// anyway), and a component's scaffolding costs the app about a kilobyte each.
pub fn yes_no(p: YesNoProps) -> Html {
    let radio = |yes: bool| {
        let cb = p.onchange.clone();
        let id = format!("{}-{}", p.id, if yes { "yes" } else { "no" });
        html! {
            <span class="radio">
                <input type="radio" id={id.clone()} name={p.id.clone()} checked={p.value == Some(yes)} disabled={p.disabled}
                    onchange={Callback::from(move |_: Event| cb.emit(yes))} />
                <label for={id}>{ if yes { "Yes" } else { "No" } }</label>
            </span>
        }
    };
    let note_id = format!("{}-note", p.id);
    html! {
        <fieldset class="yesno" id={p.id.clone()} aria-describedby={p.note.as_ref().map(|_| note_id.clone())}>
            <legend>{ p.label.clone() }</legend>
            { radio(true) }{ radio(false) }
            if let Some(n) = &p.note { <p class="hint" id={note_id}>{ n.clone() }</p> }
        </fieldset>
    }
}

/// Whether the window is wider than a phone (style.css's phone layout starts at 30rem):
/// what folds away on a phone starts open on wider screens.
pub fn wide() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > 480.0)
}

/// Moves keyboard focus to the element with `id` once the next render is done, in the
/// same document or shadow root as `near` (the element the user acted on).
pub fn focus_soon(near: Option<web_sys::Element>, id: String) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_millis(0)).await;
        let root = near.map(|n| n.get_root_node());
        let found = match root
            .as_ref()
            .and_then(|r| r.dyn_ref::<web_sys::ShadowRoot>())
        {
            Some(shadow) => shadow.get_element_by_id(&id),
            None => web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id)),
        };
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// Props of a checkbox.
pub struct CheckProps {
    /// The input's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// Checked or not.
    pub checked: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
    /// Shown but not editable (answered elsewhere).
    pub disabled: bool,
}

/// A labelled checkbox.
pub fn check(p: CheckProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <div class="check">
            <input type="checkbox" id={p.id.clone()} checked={p.checked} disabled={p.disabled} {onchange} />
            <label for={p.id.clone()}>{ p.label.clone() }</label>
        </div>
    }
}

/// Props of a select.
pub struct SelectProps {
    /// The select's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// (value, text) options.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The selected value.
    pub value: AttrValue,
    /// Called with the chosen value.
    pub onchange: Callback<String>,
    /// Shown but not editable.
    pub disabled: bool,
}

/// A labelled select.
pub fn select(p: SelectProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <select id={p.id.clone()} disabled={p.disabled} {onchange}>
                { for p.options.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == p.value}>{ t.clone() }</option>
                }) }
            </select>
        </div>
    }
}

/// How many fields cannot be used, on one line that keeps its height whether there are
/// none or many (so nothing jumps while the user types), with a folded list of links to
/// them.
pub fn error_summary(errors: &[FieldError]) -> Html {
    let n = errors.len();
    html! {
        <div class="error-summary" aria-live="polite">
            if n == 0 {
                <p class="count none">{ "\u{a0}" }</p>
            } else {
                <details>
                    <summary class="count">{ format!("{n} field{} to fix", if n == 1 { "" } else { "s" }) }</summary>
                    <ul>
                        { for errors.iter().map(|e| html! {
                            <li><a href={format!("#{}", e.id)} onclick={focus_field(e.id.clone())}>{ format!("{}: {}", e.label, e.message) }</a></li>
                        }) }
                    </ul>
                </details>
            }
        </div>
    }
}

/// Opens the shown view's list of fields to fix, if it has one: on arriving at a view,
/// and, with focus moved to it (as a form's error summary takes focus on submit), after
/// the actions that take the answers away (copy the link, download). While the user
/// types it stays as it is, so nothing above the field moves.
pub fn reveal_errors(focus: bool) {
    let summary = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("main .error-summary details")
            .ok()
            .flatten()
    });
    if let Some(details) = summary.and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
        details.set_open(true);
        if !focus {
            return;
        }
        if let Some(s) = details
            .first_element_child()
            .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = s.focus();
        }
    }
}

/// Moves focus to the field with this id, in the same document or shadow root as the
/// link (a fragment link cannot reach inside a widget's shadow root).
fn focus_field(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        let Some(link) = e.target_dyn_into::<web_sys::Element>() else {
            return;
        };
        let root = link.get_root_node();
        let field = if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
            shadow.get_element_by_id(&id)
        } else {
            root.dyn_ref::<web_sys::Document>()
                .and_then(|d| d.get_element_by_id(&id))
        };
        if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            e.prevent_default();
            let _ = field.focus();
        }
    })
}

/// "Why?": the rule ID, the source words (`source`, else the rule's first), and our
/// interpretation if there is one (`interpretation`, else the rule's). A plain function,
/// not a component: it has no state, and a component's scaffolding costs the app more
/// than diffing these few static nodes again.
pub fn why_of(rule: RuleId, source: Option<Source>, interpretation: Option<&'static str>) -> Html {
    let def = rule.def();
    let source = source.unwrap_or(def.sources[0]);
    let interpretation = interpretation.or(def.interpretation);
    html! {
        <details class="why">
            <summary>{ format!("Why? Rule {rule}") }
                if interpretation.is_some() { <span class="badge">{ " · our interpretation" }</span> }
            </summary>
            <p><strong>{ format!("{rule}: ") }</strong>{ rules::program::summary(rule, rules::program::in_force(None)).into_owned() }</p>
            <blockquote>
                <p>{ format!("\u{201c}{}\u{201d}", source.words) }</p>
                <footer>{ format!("— {}", source.page.title()) }</footer>
            </blockquote>
            if let Some(i) = interpretation {
                <p class="interpretation"><strong>{ "Our interpretation: " }</strong>{ i }</p>
            }
        </details>
    }
}

/// A "Why?" for a rule with its main source.
pub fn why(rule: RuleId) -> Html {
    why_of(rule, None, None)
}

/// The word for a severity, so meaning never rests on colour alone.
pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Must fix",
        Severity::Warning => "Check",
        Severity::Info => "Note",
    }
}

/// A finding's class and label: its severity in words, except that an error time will
/// settle is "to come", with its day, and one whose day has passed is "too late":
/// neither is a fix to make now.
pub fn finding_label(f: &Finding) -> (&'static str, String) {
    match (f.severity, f.due, f.passed) {
        (Severity::Error, Some(day), _) => (
            "sev-due",
            format!("To come · by {}", rules::date::long(day)),
        ),
        (Severity::Error, None, Some(day)) => (
            "sev-passed",
            format!("Too late · {}", rules::date::long(day)),
        ),
        (Severity::Error, ..) => ("sev-error", severity_label(f.severity).into()),
        (Severity::Warning, ..) => ("sev-warning", severity_label(f.severity).into()),
        (Severity::Info, ..) => ("sev-info", severity_label(f.severity).into()),
    }
}

/// A list of findings (`info`: with the info ones too), each with its severity in words
/// and its "why". Plain functions, like [`error_summary`] and [`why_of`]: stateless, and
/// cheaper to diff again than a component's scaffolding is to ship.
pub fn findings(all: &[Finding], info: bool) -> Html {
    findings_of(
        all,
        if info {
            |_| true
        } else {
            |f| f.severity != Severity::Info
        },
    )
}

/// [`findings`] of those `keep` chooses (a plain `fn`, so every caller shares one body).
pub fn findings_of(all: &[Finding], keep: fn(&Finding) -> bool) -> Html {
    let shown: Vec<&Finding> = all.iter().filter(|f| keep(f)).collect();
    if shown.is_empty() {
        return html! { <p class="ok">{ "Nothing to fix." }</p> };
    }
    html! {
        <ul class="findings">
            { for shown.into_iter().map(|f| {
                let (class, label) = finding_label(f);
                html! {
                    <li class={class}>
                        <span class="sev">{ label }</span>
                        <span class="msg">
                            if let Some(n) = f.project { <span class="where">{ format!("Project {n}: ") }</span> }
                            { f.message.clone() }
                        </span>
                        { why_of(f.rule, Some(f.source), f.interpretation) }
                    </li>
                }
            }) }
        </ul>
    }
}
