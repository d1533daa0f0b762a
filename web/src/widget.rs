//! The `<impower-ready>` custom element's Rust side, in the same module as the app page.
//!
//! `web/embed/impower-ready.js` defines the element, attaches a shadow root and creates
//! a [`Widget`] on a container inside it. The widget mounts the app in embedded mode
//! (no page header, no URL changes, so several widgets can share a page), applies the
//! element's attributes as they change (`set`: `view`, `projects`, `prior-projects`,
//! `edition`, `date`, `None` when removed, other names ignored), and calls back with the
//! current answers, in the same shapes as the JSON contract, after every change.
//! `destroy` unmounts it.

use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

use crate::app::{App, AppProps, Config};
use crate::eval::{FieldError, ParticipantCredit, Results};
use crate::state::View;

/// What the `impower-change` event carries: written by [`crate::to_js`] with the rules'
/// own `Serialize` impls, so every answer has the JSON contract's shape.
#[derive(Serialize)]
struct Payload<'a> {
    view: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    readiness: Option<&'a rules::readiness::ReadinessReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<&'a rules::team::TeamReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fees: Option<&'a rules::fees::FeeEstimate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule: Option<&'a rules::calendar::Schedule>,
    credits: Credits<'a>,
    errors: Errors<'a>,
}

/// `[{name, project, ...credits answer}]`, one per person and project they are on.
struct Credits<'a>(&'a [ParticipantCredit]);

/// `[{field, message}]`, one per field to fix that the widget shows.
struct Errors<'a>(Vec<&'a FieldError>);

#[derive(Serialize)]
struct ParticipantPayload<'a> {
    name: &'a str,
    project: u32,
    #[serde(flatten)]
    report: &'a rules::credits::CreditReport,
}

#[derive(Serialize)]
struct FieldErrorPayload<'a> {
    field: &'a str,
    message: &'a str,
}

impl Serialize for Credits<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|c| ParticipantPayload {
            name: &c.name,
            project: c.project,
            report: &c.report,
        }))
    }
}

impl Serialize for Errors<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|e| FieldErrorPayload {
            field: &e.id,
            message: &e.message,
        }))
    }
}

fn payload(view: View, single: bool, r: &Results) -> JsValue {
    let p = Payload {
        view: view.key(),
        readiness: r.readiness.as_ref(),
        team: r.team.as_ref(),
        fees: r.fees.as_ref(),
        schedule: r.schedule.as_ref(),
        credits: Credits(&r.credits),
        errors: Errors(r.errors_shown(single.then_some(view), single).collect()),
    };
    crate::to_js::to_js(&p).unwrap_or(JsValue::NULL)
}

/// One mounted widget.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    root: web_sys::Element,
    props: AppPropsParts,
}

struct AppPropsParts {
    config: Config,
    on_change: Callback<(View, bool, Rc<Results>)>,
}

impl AppPropsParts {
    fn props(&self) -> AppProps {
        AppProps {
            today: crate::today(),
            view: self.config.only.unwrap_or(View::Readiness),
            embedded: true,
            config: self.config.clone(),
            on_change: Some(self.on_change.clone()),
            initial: None,
            notice: None,
            keep: None,
            unreadable: None,
        }
    }
}

#[wasm_bindgen]
impl Widget {
    // (Doc comments of exported items are copied into the JavaScript every page loads:
    // these are kept short, the module's documentation says the rest.)
    /// Mounts the app on `root` with the element's attributes (`[name, value, …]`);
    /// calls `on_change` with the answers after every change.
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: web_sys::Element,
        on_change: js_sys::Function,
        attributes: Vec<String>,
    ) -> Widget {
        crate::register_root(&root);
        let mut config = Config::default();
        for pair in attributes.chunks(2) {
            if let [name, value] = pair {
                config.set(name, Some(value.clone()));
            }
        }
        let on_change = Callback::from(move |(view, single, r): (View, bool, Rc<Results>)| {
            let _ = on_change.call1(&JsValue::NULL, &payload(view, single, &r));
        });
        let parts = AppPropsParts { config, on_change };
        let handle =
            yew::Renderer::<App>::with_root_and_props(root.clone(), parts.props()).render();
        Widget {
            handle: Some(handle),
            root,
            props: parts,
        }
    }

    /// Applies an attribute of the element (`None`: removed; other names: ignored).
    pub fn set(&mut self, name: &str, value: Option<String>) {
        if !self.props.config.set(name, value) {
            return;
        }
        let props = self.props.props();
        if let Some(h) = self.handle.as_mut() {
            h.update(props);
        }
    }

    /// Unmounts the app.
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
            crate::unregister_root(&self.root);
        }
    }
}
