//! The app shell: one reducer holds the state; answers are derived from it on every
//! change; the navigation shows one view at a time and keeps it in the URL fragment.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::eval::evaluate;
use crate::state::{Action, Removed, State, View};
use crate::ui::focus_soon;
use crate::views::{
    calendar_view, credits_view, fees_view, readiness_view, summary_view, team_view, ViewProps,
};
use crate::{export, persist, share};

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
            out.push(Action::Projects(p.clone()));
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
    /// Embedded in a host page: no page header, no URL changes, nothing saved.
    #[prop_or_default]
    pub embedded: bool,
    /// What the host page set.
    #[prop_or_default]
    pub config: Config,
    /// Called with the answers after every change.
    #[prop_or_default]
    pub on_change: Option<Callback<(View, Rc<crate::eval::Results>)>>,
    /// The state to start from (a shared link, this device's copy); fresh when `None`.
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// What to tell the user on opening (what was restored or could not be read).
    #[prop_or_default]
    pub notice: Option<String>,
    /// This device's own answers were set aside for a shared link's.
    #[prop_or_default]
    pub set_aside: bool,
}

/// The whole app.
#[component]
pub fn App(p: &AppProps) -> Html {
    let state = use_reducer({
        let (today, view, initial) = (p.today, p.view, p.initial.clone());
        move || match initial {
            Some(s) => (*s).clone(),
            None => {
                let mut s = State::new(today);
                s.view = view;
                s
            }
        }
    });
    let results = use_memo(state.clone(), |s| evaluate(s));
    let notice = use_state(|| p.notice.clone());
    // Set after every change: `use_state_eq`, so saving what was already saved does not
    // render the whole app a second time per keystroke.
    let saved = use_state_eq(|| None::<bool>);
    let set_aside = use_state(|| p.set_aside);
    // One callback for the app's lifetime (the reducer's dispatcher never changes), so a
    // part whose other properties are unchanged is not rendered again.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |a: Action, _| dispatcher.dispatch(a))
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
    // The address and this device's copy follow the state: a new history entry per view,
    // the same entry updated as answers change.
    let code = use_memo(state.content(), share::encode);
    let last_view = use_mut_ref(|| None::<View>);
    use_effect_with((state.view, code.clone()), {
        let saved = saved.clone();
        let last_view = last_view.clone();
        move |(view, code): &(View, Rc<String>)| {
            if embedded {
                return;
            }
            let previous = last_view.replace(Some(*view));
            let new_entry = previous.is_some_and(|v| v != *view);
            persist::write_address(&persist::hash_for(*view, code), new_entry);
            saved.set(Some(persist::save(code)));
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&format!("{} · ImPower readiness", view.label()));
            }
            if new_entry {
                // Navigating moves focus to the new view's heading, which announces it.
                focus_soon(None, format!("{}-h", view.heading_id()));
            }
        }
    });
    // Back, Forward, a typed `#calendar` or a pasted link: the view follows the address;
    // a link the user pasted (not one of our own entries) brings its answers.
    let latest = use_mut_ref(String::new);
    *latest.borrow_mut() = (*code).clone();
    use_effect_with((), {
        let dispatch = dispatch.clone();
        let notice = notice.clone();
        let set_aside = set_aside.clone();
        let today = p.today;
        move |_| {
            let listener = (!embedded).then(web_sys::window).flatten().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    let address = persist::parse_hash(&persist::current_hash());
                    if let Some(code) = address.code.filter(|c| *c != *latest.borrow()) {
                        if !persist::entry_is_ours() {
                            match share::decode(&code, today) {
                                Ok((s, problem)) => {
                                    persist::set_aside(&latest.borrow());
                                    set_aside.set(true);
                                    dispatch.emit(Action::Load(Box::new(s)));
                                    notice.set(Some(problem.map_or_else(
                                        || String::from("Opened the answers in this link. Your previous answers were set aside: restore them with \u{201c}Restore my answers\u{201d}."),
                                        |p| p.message(),
                                    )));
                                }
                                Err(p) => notice.set(Some(p.message())),
                            }
                        }
                    }
                    if let Some(v) = address.view {
                        dispatch.emit(Action::Show(v));
                    }
                })
            });
            move || drop(listener)
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
        View::Readiness => readiness_view(&props),
        View::Team => team_view(&props),
        View::Fees => fees_view(&props),
        View::Calendar => calendar_view(&props),
        View::Credits => credits_view(&props),
        View::Summary => summary_view(&props),
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
    let undo = state.removed.as_ref().map(|r| {
        let what = match r {
            Removed::Person(_, p) if !p.name.trim().is_empty() => format!("Removed {}.", p.name.trim()),
            Removed::Person(..) => String::from("Removed a person."),
            Removed::Participant(_, p) if !p.name.trim().is_empty() => format!("Removed {}.", p.name.trim()),
            Removed::Participant(..) => String::from("Removed a participant."),
            Removed::Role(_, role, k) => format!("Removed the role {} on project {k}.", role.title()),
            Removed::Everything(_) => String::from("Started again: every answer was cleared."),
        };
        let d = dispatch.clone();
        html! {
            <p class="undo no-print">{ what }{ " " }
                <button type="button" onclick={Callback::from(move |_: MouseEvent| d.emit(Action::Undo))}>{ "Undo" }</button>
            </p>
        }
    });
    let live = html! {
        <div class="live" role="status" aria-live="polite">
            if let Some(n) = (*notice).clone() {
                <p class="notice">{ n }{ " " }
                    <button type="button" class="link" onclick={{ let notice = notice.clone(); Callback::from(move |_: MouseEvent| notice.set(None)) }}>{ "Dismiss" }</button>
                </p>
            }
            { for undo }
        </div>
    };
    if p.embedded {
        return html! {
            <div class="embedded">
                if p.config.only.is_none() { { nav } }
                { live }
                <div class="view">{ body }</div>
                <p class="source-note">{ "Based on the ACR ImPower and Learning Network pages; confirm with the ACR Learning Network team." }</p>
            </div>
        };
    }
    let tools = html! {
        <Tools state={state.clone()} results={results.clone()} dispatch={dispatch.clone()} notice={notice.clone()} saved={*saved} set_aside={set_aside.clone()} />
    };
    html! {
        <>
            <a class="skip" href="#main">{ "Skip to content" }</a>
            <header>
                <h1>{ crate::shell::TITLE }</h1>
                <p class="tagline">{ crate::shell::TAGLINE }</p>
                { nav }
            </header>
            { tools }
            { live }
            <main id="main" tabindex="-1">{ body }</main>
            <footer>
                <p>{ "Based on the ACR ImPower program page and the ACR Learning Network page. Not an official ACR tool: confirm fees, dates and credit with the ACR Learning Network team." }</p>
            </footer>
        </>
    }
}

/// Props of the tool bar.
#[derive(Properties)]
struct ToolsProps {
    state: UseReducerHandle<State>,
    results: Rc<crate::eval::Results>,
    dispatch: Callback<Action>,
    notice: UseStateHandle<Option<String>>,
    saved: Option<bool>,
    set_aside: UseStateHandle<bool>,
}

/// The answers are compared by address: `use_memo` gives the same `Rc` until the state
/// changes, and a derived comparison would walk every answer on every render (and cost
/// the app 2.5 KB of code) to find out what the address says.
impl PartialEq for ToolsProps {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.results, &other.results)
            && self.dispatch == other.dispatch
            && self.notice == other.notice
            && self.saved == other.saved
            && self.set_aside == other.set_aside
    }
}

/// Share, save and start again: copy the link, download or open the answers as a file,
/// restore answers set aside, start again (undoable), and whether this device keeps them.
#[component]
fn Tools(p: &ToolsProps) -> Html {
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);
    let copy = {
        let notice = p.notice.clone();
        Callback::from(move |_: MouseEvent| {
            let notice = notice.clone();
            persist::copy(persist::current_href(), move |ok| {
                notice.set(Some(String::from(if ok {
                    "Link copied: whoever opens it sees these answers."
                } else {
                    "The browser would not copy the link: copy the address bar instead."
                })));
            });
        })
    };
    let download = {
        let (state, results, notice) = (p.state.clone(), p.results.clone(), p.notice.clone());
        Callback::from(move |_: MouseEvent| {
            let name = export::file_name(&state);
            persist::download(&name, &export::export(&state, &results));
            notice.set(Some(format!("Downloaded {name}.")));
        })
    };
    let open = {
        let (dispatch, notice, today) = (p.dispatch.clone(), p.notice.clone(), p.state.today);
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            let file = gloo_file::File::from(file);
            if file.size() > rules::json::MAX_INPUT_BYTES as u64 {
                notice.set(Some(format!(
                    "{name} is too large to be an export of this checker; nothing was changed."
                )));
                return;
            }
            let (dispatch, notice) = (dispatch.clone(), notice.clone());
            let task = gloo_file::callbacks::read_as_text(&file, move |text| {
                let outcome = text
                    .map_err(|_| String::from("it could not be read"))
                    .and_then(|t| {
                        export::import(&t, today).map_err(|e| {
                            if e.path.is_empty() {
                                e.message
                            } else {
                                format!("{}: {}", e.path, e.message)
                            }
                        })
                    });
                match outcome {
                    Ok(imported) => {
                        dispatch.emit(Action::Load(Box::new(imported.state)));
                        notice.set(Some(
                            imported
                                .problem
                                .unwrap_or_else(|| format!("Opened {name}.")),
                        ));
                    }
                    Err(why) => notice.set(Some(format!(
                        "{name} could not be opened ({why}); nothing was changed."
                    ))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let restore = {
        let (dispatch, notice, set_aside, today) = (
            p.dispatch.clone(),
            p.notice.clone(),
            p.set_aside.clone(),
            p.state.today,
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok((s, _))) = persist::set_aside_copy().map(|c| share::decode(&c, today)) {
                dispatch.emit(Action::Load(Box::new(s)));
                notice.set(Some(String::from("Restored your own answers.")));
            }
            persist::drop_set_aside();
            set_aside.set(false);
        })
    };
    let start_again = {
        let (dispatch, notice) = (p.dispatch.clone(), p.notice.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::StartAgain);
            notice.set(None);
        })
    };
    html! {
        <div class="tools no-print" role="group" aria-label="Share and save">
            <button type="button" onclick={copy}>{ "Copy link" }</button>
            <button type="button" onclick={download}>{ "Download answers" }</button>
            <label class="file button" for="open-file">{ "Open answers from a file" }</label>
            <input type="file" id="open-file" class="visually-hidden" accept=".json,application/json" onchange={open} />
            if *p.set_aside {
                <button type="button" onclick={restore}>{ "Restore my answers" }</button>
            }
            <button type="button" onclick={start_again}>{ "Start again" }</button>
            <span class="saved">{ match p.saved {
                Some(true) => "Saved on this device.",
                Some(false) => "Not saved: this browser does not allow it.",
                None => "",
            } }</span>
        </div>
    }
}
