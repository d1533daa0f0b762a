//! The app shell: one reducer holds the state; answers are derived from it on every
//! change; the navigation shows one view at a time and keeps it in the URL fragment.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::eval::evaluate;
use crate::state::{Action, State, View};
use crate::views::{
    CalendarView, CreditsView, FeesView, ReadinessView, SummaryView, TeamView, ViewProps,
};

/// Values a host page sets on an embedded app (the `<impower-ready>` attributes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Show only this view, without navigation.
    pub only: Option<View>,
    /// Projects planned (fees) and projects in the team builder, as text.
    pub projects: Option<String>,
    /// Earlier projects, as text.
    pub prior_projects: Option<String>,
    /// The hours edition, by its contract name.
    pub edition: Option<String>,
    /// The date to plan from, as text.
    pub date: Option<String>,
}

impl Config {
    /// The actions that bring a state in line with this configuration.
    pub fn actions(&self) -> Vec<Action> {
        let mut out = Vec::new();
        if let Some(v) = self.only {
            out.push(Action::Show(v));
        }
        if let Some(p) = &self.projects {
            out.push(Action::FeeProjects(p.clone()));
            out.push(Action::Projects(p.clone()));
            out.push(Action::RosterAnswers(false));
        }
        if let Some(p) = &self.prior_projects {
            out.push(Action::PriorProjects(p.clone()));
        }
        if let Some(e) = self
            .edition
            .as_deref()
            .and_then(rules::team::Edition::parse)
        {
            out.push(Action::Edition(e));
        }
        if let Some(d) = &self.date {
            out.push(Action::PlanDate(d.clone()));
        }
        out
    }
}

/// Props of the app.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Today's local date.
    pub today: NaiveDate,
    /// The view to open with.
    #[prop_or(View::Readiness)]
    pub view: View,
    /// Embedded in a host page: no page header, no URL changes.
    #[prop_or_default]
    pub embedded: bool,
    /// What the host page set.
    #[prop_or_default]
    pub config: Config,
    /// Called with the answers after every change.
    #[prop_or_default]
    pub on_change: Option<Callback<(View, Rc<crate::eval::Results>)>>,
}

/// The whole app.
#[component]
pub fn App(p: &AppProps) -> Html {
    let state = use_reducer({
        let (today, view) = (p.today, p.view);
        move || {
            let mut s = State::new(today);
            s.view = view;
            s
        }
    });
    let results = use_memo(state.clone(), |s| evaluate(s));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    use_effect_with(p.config.clone(), {
        let state = state.clone();
        move |config: &Config| {
            for a in config.actions() {
                state.dispatch(a);
            }
        }
    });
    use_effect_with((state.view, results.clone()), {
        let on_change = p.on_change.clone();
        move |(view, r): &(View, Rc<crate::eval::Results>)| {
            if let Some(cb) = on_change {
                cb.emit((*view, r.clone()));
            }
        }
    });
    let embedded = p.embedded;
    use_effect_with(state.view, move |view| {
        if embedded {
            return;
        }
        if let Some(w) = web_sys::window() {
            let hash = format!("#{}", view.key());
            if w.location().hash().ok().as_deref() != Some(hash.as_str()) {
                let _ = w.location().set_hash(view.key());
            }
        }
    });
    let props = ViewProps {
        state: state.clone(),
        results: results.clone(),
        dispatch: dispatch.clone(),
        single: p.embedded && p.config.only.is_some(),
    };
    let view = state.view;
    let body = match view {
        View::Readiness => html! { <ReadinessView ..props /> },
        View::Team => html! { <TeamView ..props /> },
        View::Fees => html! { <FeesView ..props /> },
        View::Calendar => html! { <CalendarView ..props /> },
        View::Credits => html! { <CreditsView ..props /> },
        View::Summary => html! { <SummaryView ..props /> },
    };
    let nav = html! {
        <nav aria-label="Views">
            <ul>
                { for View::ALL.into_iter().map(|v| {
                    let d = dispatch.clone();
                    html! {
                        <li><a href={format!("#{}", v.key())} aria-current={if v == view { Some("page") } else { None }}
                            onclick={Callback::from(move |e: MouseEvent| { e.prevent_default(); d.emit(Action::Show(v)); })}>{ v.label() }</a></li>
                    }
                }) }
            </ul>
        </nav>
    };
    if p.embedded {
        return html! {
            <div class="embedded">
                if p.config.only.is_none() { { nav } }
                <div class="view">{ body }</div>
                <p class="source-note">{ "Based on the ACR ImPower and Learning Network pages; confirm with the ACR Learning Network team." }</p>
            </div>
        };
    }
    html! {
        <>
            <a class="skip" href="#main">{ "Skip to content" }</a>
            <header>
                <h1>{ "ImPower readiness" }</h1>
                <p class="tagline">{ "Check your commitments, build your team, price your projects, plan your dates and credits for the ACR ImPower program. Everything runs in your browser; nothing is sent anywhere." }</p>
                { nav }
            </header>
            <main id="main" tabindex="-1">{ body }</main>
            <footer>
                <p>{ "Based on the ACR ImPower program page and the ACR Learning Network page. Not an official ACR tool: confirm fees, dates and credit with the ACR Learning Network team." }</p>
            </footer>
        </>
    }
}
