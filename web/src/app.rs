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

/// Props of the app.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Today's local date.
    pub today: NaiveDate,
    /// The view to open with.
    #[prop_or(View::Readiness)]
    pub view: View,
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
    use_effect_with(state.view, |view| {
        if let Some(w) = web_sys::window() {
            let hash = format!("#{}", view.key());
            if w.location().hash().ok().as_deref() != Some(hash.as_str()) {
                let _ = w.location().set_hash(view.key());
            }
        }
    });
    let props = ViewProps {
        state: Rc::new((*state).clone()),
        results: results.clone(),
        dispatch: dispatch.clone(),
    };
    let view = state.view;
    html! {
        <>
            <a class="skip" href="#main">{ "Skip to content" }</a>
            <header>
                <h1>{ "ImPower readiness" }</h1>
                <p class="tagline">{ "Check your commitments, build your team, price your projects, plan your dates and credits for the ACR ImPower program. Everything runs in your browser; nothing is sent anywhere." }</p>
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
            </header>
            <main id="main" tabindex="-1">
                { match view {
                    View::Readiness => html! { <ReadinessView ..props /> },
                    View::Team => html! { <TeamView ..props /> },
                    View::Fees => html! { <FeesView ..props /> },
                    View::Calendar => html! { <CalendarView ..props /> },
                    View::Credits => html! { <CreditsView ..props /> },
                    View::Summary => html! { <SummaryView ..props /> },
                } }
            </main>
            <footer>
                <p>{ "Based on the ACR ImPower program page and the ACR Learning Network page. Not an official ACR tool: confirm fees, dates and credit with the ACR Learning Network team." }</p>
            </footer>
        </>
    }
}
