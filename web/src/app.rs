//! The app shell: one reducer holds the state; answers are derived from it on every
//! change; the navigation shows one view at a time and keeps it in the URL fragment.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::eval::evaluate;
use crate::persist::{Kept, Stored, Why, MAX_KEPT};
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
    /// Applies an attribute of the element (`None`: removed); whether it is one.
    pub fn set(&mut self, name: &str, value: Option<String>) -> bool {
        match name {
            "view" => self.only = value.as_deref().and_then(View::parse),
            "projects" => self.projects = value,
            "prior-projects" => self.prior_projects = value,
            "edition" => self.edition = value,
            "date" => self.date = value,
            _ => return false,
        }
        true
    }

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
    /// Called with the answers after every change: the view, whether it is shown alone,
    /// the answers.
    #[prop_or_default]
    pub on_change: Option<Callback<(View, bool, Rc<crate::eval::Results>)>>,
    /// The state to start from (a shared link, this device's copy); fresh when `None`.
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// What to tell the user on opening (what was restored or could not be read).
    #[prop_or_default]
    pub notice: Option<String>,
    /// Answers to set aside on opening: this device's own, replaced by a link's.
    #[prop_or_default]
    pub keep: Option<(Why, String)>,
    /// This device's copy, which could not be read whole: kept aside as it is.
    #[prop_or_default]
    pub unreadable: Option<String>,
}

/// What this tab keeps beside the state: the answers set aside, the saved copies it
/// cannot read, another tab's answers waiting for a choice, and what the last save did.
/// Storage mirrors the lists when the browser allows it; otherwise they live here only.
struct Device {
    embedded: bool,
    today: NaiveDate,
    /// Answers set aside, newest first.
    kept: Rc<Vec<Kept>>,
    /// Saved copies this build could not read, kept whole, newest first.
    unreadable: Rc<Vec<Kept>>,
    /// What another tab saved since this tab last saved, waiting for the user's choice.
    other_tab: Option<String>,
    /// What the last save did.
    stored: Option<Stored>,
    /// The state's text now.
    latest: String,
    /// The view shown now.
    view: View,
    /// The state's text when it was last copied as a link or downloaded.
    taken_away: Option<String>,
    /// The text of a fresh state: nothing worth setting aside or warning about.
    fresh: String,
    /// `latest` is not yet written to this device and the address: while typing they are
    /// written once the typing pauses (Chromium's `history.replaceState` alone took a
    /// third of a keystroke's work, and it throttles a page that calls it too often), and
    /// at once before the page is hidden or left, a link is copied, or the view changes.
    dirty: bool,
    /// Counts changes, so a write waiting for a pause knows whether another came since.
    changes: u32,
    /// A write waits for a pause (one timer per pause, not one per keystroke).
    waiting: bool,
}

impl Device {
    fn new(p: &AppProps) -> Device {
        let today = p.today;
        let mut d = Device {
            embedded: p.embedded,
            today,
            kept: Rc::default(),
            unreadable: Rc::default(),
            other_tab: None,
            stored: None,
            latest: String::new(),
            view: p.view,
            taken_away: None,
            fresh: share::encode(&State::new(today)),
            dirty: false,
            changes: 0,
            waiting: false,
        };
        if p.embedded {
            return d;
        }
        if !persist::storage_works() {
            d.stored = Some(Stored::Blocked);
        }
        d.reload();
        // The one copy earlier releases set aside joins the list.
        if let Some(old) = persist::get(persist::SET_ASIDE) {
            d.kept = Rc::new(persist::keep(
                &d.kept,
                Kept::new(Why::Link, String::from("earlier"), old, today),
                MAX_KEPT,
            ));
            persist::remove(persist::SET_ASIDE);
        }
        if let Some(code) = &p.unreadable {
            let k = Kept::new(Why::Unreadable, persist::now_label(), code.clone(), today);
            d.unreadable = Rc::new(persist::keep(&d.unreadable, k, MAX_KEPT));
        }
        if let Some((why, code)) = &p.keep {
            d.set_aside(*why, code.clone());
        }
        d.store_lists();
        d
    }

    /// Reads the lists again from storage (another tab changed them).
    fn reload(&mut self) {
        let read = |key| persist::get(key).map(|t| Rc::new(persist::read_kept(&t, self.today)));
        if let Some(k) = read(persist::KEPT) {
            self.kept = k;
        }
        if let Some(u) = read(persist::UNREADABLE) {
            self.unreadable = u;
        }
    }

    /// Sets `code` aside, unless it is a fresh state's.
    fn set_aside(&mut self, why: Why, code: String) {
        if code.is_empty() || code == self.fresh {
            return;
        }
        let k = Kept::new(why, persist::now_label(), code, self.today);
        self.kept = Rc::new(persist::keep(&self.kept, k, MAX_KEPT));
        self.store_lists();
    }

    /// Forgets the entry with this text, in either list.
    fn forget(&mut self, code: &str) {
        let without = |l: &[Kept]| {
            Rc::new(
                l.iter()
                    .filter(|k| k.code != code)
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        };
        self.kept = without(&self.kept);
        self.unreadable = without(&self.unreadable);
        self.store_lists();
    }

    fn store_lists(&mut self) {
        if self.embedded || self.stored == Some(Stored::Blocked) {
            return;
        }
        for (key, list) in [
            (persist::KEPT, &self.kept),
            (persist::UNREADABLE, &self.unreadable),
        ] {
            if list.is_empty() {
                persist::remove(key);
            } else if persist::put(key, &persist::kept_text(list)) == Stored::Full {
                self.stored = Some(Stored::Full);
            }
        }
    }

    /// Saves the state's text (`latest`) on this device, unless another tab's answers
    /// wait.
    fn save(&mut self) {
        if self.embedded {
            return;
        }
        self.stored = Some(if self.other_tab.is_some() {
            Stored::Waiting
        } else {
            persist::put(persist::SAVED, &self.latest)
        });
        if self.stored == Some(Stored::Saved) {
            persist::set_tab_saved(&self.latest);
        }
    }

    /// Writes the answers still waiting to this device and to the address (the view's
    /// history entry, replaced). Whether what the status line says changed.
    fn flush(&mut self) -> bool {
        if !std::mem::replace(&mut self.dirty, false) {
            return false;
        }
        let before = self.stored;
        self.save();
        if !self.embedded {
            persist::write_address(&persist::hash_for(self.view, &self.latest), false);
        }
        self.stored != before
    }

    /// Saves the answers still waiting on this device, the page being left: not the
    /// address (Chromium drops the entry's state when it is replaced then); a reload
    /// opens the copy this tab saved ([`persist::start`]).
    fn flush_leaving(&mut self) {
        // The address stays to write (if the page stays, the wait writes it).
        if self.dirty {
            self.save();
        }
    }

    /// Whether closing the tab now would lose answers: they are not saved here and were
    /// not copied or downloaded since they last changed.
    fn would_lose_work(&mut self) -> bool {
        self.flush_leaving();
        !self.embedded
            && self.stored != Some(Stored::Saved)
            && self.latest != self.fresh
            && self.taken_away.as_deref() != Some(self.latest.as_str())
    }
}

/// The answers, as the effects' dependency: the same answers are the same `Rc` (they
/// are a memo of the state), so a pointer says whether they changed, not a walk through
/// every report.
struct Same(Rc<crate::eval::Results>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The whole app.
#[component]
pub fn App(p: &AppProps) -> Html {
    let state = use_reducer({
        let (today, view, initial) = (p.today, p.view, p.initial.clone());
        let config = p.config.clone();
        move || match initial {
            Some(s) => (*s).clone(),
            None => {
                let mut s = State::new(today);
                s.view = view;
                // What the host page set is there from the first answer on (a widget's
                // first `impower-change` carries its attributes, not the defaults).
                let mut s = Rc::new(s);
                for a in config.actions() {
                    s = s.reduce(a);
                }
                (*s).clone()
            }
        }
    });
    let results = use_memo(state.clone(), |s| evaluate(s));
    let notice = use_state(|| p.notice.clone());
    let device = use_mut_ref(|| Device::new(p));
    let refresh = use_force_update();
    // One callback for the app's lifetime (the reducer's dispatcher never changes), so a
    // part whose other properties are unchanged is not rendered again.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |a: Action, _| dispatcher.dispatch(a))
    };
    // Replaces the answers, setting the ones shown aside first (a link, a file, restored
    // answers, another tab's): nothing is replaced without a way back.
    let replace = {
        let (device, dispatch, refresh) = (device.clone(), dispatch.clone(), refresh.clone());
        use_callback((), move |(why, s): (Why, State), _| {
            let latest = device.borrow().latest.clone();
            device.borrow_mut().set_aside(why, latest);
            dispatch.emit(Action::Load(Box::new(s)));
            refresh.force_update();
        })
    };
    use_effect_with(p.config.clone(), {
        let state = state.clone();
        move |config: &Config| {
            for a in config.actions() {
                state.dispatch(a);
            }
        }
    });
    let embedded = p.embedded;
    // The address and this device's copy follow the state: a new history entry when the
    // user picks a view, the same entry updated as answers change.
    // What the answers were checked under comes from the answers already computed: one
    // evaluation per change, not a second one for the saved text.
    // The answers are a memo of the state: a new answer is a new state (a pointer says
    // so, without cloning the state to compare it).
    let code = use_memo(Same(results.clone()), {
        let state = state.clone();
        move |Same(r)| share::encode_checked(&state.content(), &crate::checked::Receipt::of(r))
    });
    let first = use_mut_ref(|| true);
    // One effect for whatever follows the answers (the answers themselves change with
    // the state, as the code does): an embedded app's listener, this device's copy, the
    // address. A new view is written at once (a new history entry); answers typed in
    // the same view once the typing pauses (see `Device::dirty`).
    let single = p.embedded && p.config.only.is_some();
    use_effect_with((state.view, single, code.clone(), Same(results.clone())), {
        let (device, refresh, on_change) = (device.clone(), refresh.clone(), p.on_change.clone());
        move |(view, single, code, Same(results)): &(View, bool, Rc<String>, Same)| {
            if let Some(cb) = on_change {
                cb.emit((*view, *single, results.clone()));
            }
            let first = first.replace(false);
            let mut d = device.borrow_mut();
            let new_view = d.view != *view;
            let shown = (new_view || first)
                .then(|| persist::parse_hash(&persist::current_hash()).view)
                .flatten();
            if new_view && shown == Some(d.view) {
                // The entry being left keeps the answers as they are now (unless Back or
                // Forward already left it).
                d.flush();
            }
            d.view = *view;
            d.latest = code.to_string();
            d.dirty = true;
            d.changes = d.changes.wrapping_add(1);
            if embedded {
                d.dirty = false;
                return;
            }
            if !(first || new_view) {
                if !std::mem::replace(&mut d.waiting, true) {
                    let (device, refresh, mut seen) = (device.clone(), refresh.clone(), d.changes);
                    yew::platform::spawn_local(async move {
                        // Until 300 ms pass with no change.
                        loop {
                            yew::platform::time::sleep(std::time::Duration::from_millis(300)).await;
                            let mut d = device.borrow_mut();
                            if d.changes != seen {
                                seen = d.changes;
                                continue;
                            }
                            d.waiting = false;
                            if d.flush() {
                                drop(d);
                                refresh.force_update();
                            }
                            break;
                        }
                    });
                }
                return;
            }
            let before = d.stored;
            let moved = shown.is_some_and(|v| v != *view);
            d.flush();
            let changed = d.stored != before;
            drop(d);
            if changed {
                refresh.force_update();
            }
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&format!("{} · ImPower readiness", view.label()));
            }
            if moved && !first {
                // Navigating moves focus to the new view's heading, which announces it.
                focus_soon(None, format!("{}-h", view.heading_id()));
            }
            // A view arrived at shows its fields to fix.
            crate::ui::reveal_errors(false);
        }
    });
    // After "Forget the old answers", the view to come back to once Back has reached the
    // app's first history entry.
    let scrub = use_mut_ref(|| None::<View>);
    // Back, Forward, a typed `#calendar` or a pasted link: the view follows the address;
    // a link the user pasted (not one of our own entries) brings its answers, the ones
    // shown set aside. Another tab saving answers: this tab asks before it saves again.
    use_effect_with((), {
        let (dispatch, replace, notice, today) =
            (dispatch.clone(), replace.clone(), notice.clone(), p.today);
        let (device, refresh, scrub) = (device.clone(), refresh.clone(), scrub.clone());
        move |_| {
            let window = (!embedded).then(web_sys::window).flatten();
            let hash = window.as_ref().map(|w| {
                let device = device.clone();
                gloo_events::EventListener::new(w, "hashchange", move |_| {
                    let address = persist::parse_hash(&persist::current_hash());
                    let latest = device.borrow().latest.clone();
                    if let Some(back_to) = scrub.borrow_mut().take() {
                        // The first entry now holds the answers as they are, and a new
                        // entry for the view: every later entry is gone.
                        let first = address.view.unwrap_or(back_to);
                        persist::write_address(&persist::hash_for(first, &latest), false);
                        persist::write_address(&persist::hash_for(back_to, &latest), true);
                        return;
                    }
                    if let Some(code) = address.code.filter(|c| *c != latest) {
                        if !persist::entry_is_ours() {
                            match share::decode(&code, today) {
                                Ok((s, problem)) => {
                                    replace.emit((Why::Link, s));
                                    notice.set(Some(problem.map_or_else(
                                        || String::from("Opened the answers in this link. The answers you had are set aside: restore them under \u{201c}Answers set aside\u{201d}."),
                                        |p| p.message(share::Source::Link),
                                    )));
                                }
                                Err(p) => notice.set(Some(p.message(share::Source::Link))),
                            }
                        }
                    }
                    match address.view {
                        Some(v) => dispatch.emit(Action::Show(v)),
                        // An address without a view: put ours back.
                        None => {
                            let view = device.borrow().view;
                            persist::write_address(&persist::hash_for(view, &latest), false);
                        }
                    }
                })
            });
            let storage = window.as_ref().map(|w| {
                let device = device.clone();
                gloo_events::EventListener::new(w, "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let mut d = device.borrow_mut();
                    match e.key().as_deref() {
                        Some(persist::SAVED) => {
                            let theirs = e.new_value().filter(|c| *c != d.latest);
                            d.other_tab = theirs;
                            if d.other_tab.is_some() {
                                d.stored = Some(Stored::Waiting);
                            }
                        }
                        Some(persist::KEPT | persist::UNREADABLE) | None => d.reload(),
                        Some(_) => return,
                    }
                    drop(d);
                    refresh.force_update();
                })
            });
            let leave = window.as_ref().map(|w| {
                let device = device.clone();
                let options = gloo_events::EventListenerOptions::enable_prevent_default();
                gloo_events::EventListener::new_with_options(w, "beforeunload", options, move |e| {
                    if device.borrow_mut().would_lose_work() {
                        e.prevent_default();
                        if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                            e.set_return_value("Your answers are not saved on this device.");
                        }
                    }
                })
            });
            // Hidden (another tab, the phone's home screen) or left: the answers typed
            // are written now, not after the pause.
            let hide = window.as_ref().map(|w| {
                let events: [(&web_sys::EventTarget, _); 2] = [
                    (w.as_ref(), "pagehide"),
                    (
                        &w.document().map_or_else(|| w.clone().into(), Into::into),
                        "visibilitychange",
                    ),
                ];
                events.map(|(target, name)| {
                    let device = device.clone();
                    gloo_events::EventListener::new(target, name, move |_| {
                        device.borrow_mut().flush_leaving();
                    })
                })
            });
            move || drop((hash, storage, leave, hide))
        }
    });
    let props = ViewProps {
        state: state.clone(),
        results: results.clone(),
        dispatch: dispatch.clone(),
        single,
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
            Removed::Role(_, role, k) => format!("Removed the role {} on project {k}.", role.title()),
            Removed::Everything(_) => String::from("Started again: every answer was cleared."),
        };
        let everything = match r {
            Removed::Everything(before) => Some(before.clone()),
            _ => None,
        };
        // Where focus goes once undone: what came back (the person's line, the role
        // adder of the person whose role came back, the view's heading).
        let back_to = match r {
            Removed::Person(_, p) => crate::eval::person_field(p.id, "row"),
            Removed::Role(id, ..) => crate::eval::person_field(*id, "new-role"),
            Removed::Everything(_) => format!("{}-h", state.view.heading_id()),
        };
        let on_undo = {
            let (d, device, everything) = (dispatch.clone(), device.clone(), everything.clone());
            Callback::from(move |_: MouseEvent| {
                // The old answers' saved text, written on the click, not on every render.
                if let Some(before) = &everything {
                    device.borrow_mut().forget(&share::encode(before));
                }
                d.emit(Action::Undo);
                focus_soon(None, back_to.clone());
            })
        };
        let forget = everything.map(|_| {
            let (d, device, scrub) = (dispatch.clone(), device.clone(), scrub.clone());
            let view = state.view;
            Callback::from(move |_: MouseEvent| {
                // Nothing of the old answers stays: no copy set aside, no history entry
                // Back or Forward reach (see the hashchange listener).
                let mut dev = device.borrow_mut();
                dev.kept = Rc::default();
                dev.store_lists();
                drop(dev);
                if persist::back_to_first_entry() {
                    *scrub.borrow_mut() = Some(view);
                }
                d.emit(Action::Forget);
            })
        });
        html! {
            <p class="undo no-print">{ what }{ " " }
                <button type="button" onclick={on_undo}>{ "Undo" }</button>
                if let Some(forget) = forget {
                    { " " }<button type="button" onclick={forget}>{ "Forget the old answers" }</button>
                }
            </p>
        }
    });
    let refused = state
        .refused
        .map(|r| html! { <p class="refused" role="alert">{ r.message() }</p> });
    let other_tab = device.borrow().other_tab.clone().map(|theirs| {
        let take = {
            let (device, replace, notice, today, refresh) = (device.clone(), replace.clone(), notice.clone(), p.today, refresh.clone());
            let theirs = theirs.clone();
            Callback::from(move |_: MouseEvent| {
                device.borrow_mut().other_tab = None;
                match share::decode(&theirs, today) {
                    Ok((s, _)) => {
                        replace.emit((Why::TookOtherTab, s));
                        notice.set(Some(String::from("Took the other tab's answers; this tab's are set aside under \u{201c}Answers set aside\u{201d}.")));
                    }
                    Err(problem) => {
                        let mut d = device.borrow_mut();
                        let k = Kept::new(Why::Unreadable, persist::now_label(), theirs.clone(), today);
                        d.unreadable = Rc::new(persist::keep(&d.unreadable, k, MAX_KEPT));
                        d.save();
                        d.store_lists();
                        notice.set(Some(format!("The other tab's answers cannot be opened here: {} This tab's answers are kept.", problem.message(share::Source::Link))));
                    }
                }
                refresh.force_update();
            })
        };
        let keep_ours = {
            let (device, notice, refresh) = (device.clone(), notice.clone(), refresh.clone());
            Callback::from(move |_: MouseEvent| {
                let mut d = device.borrow_mut();
                d.other_tab = None;
                d.set_aside(Why::OtherTab, theirs.clone());
                d.save();
                drop(d);
                notice.set(Some(String::from("Kept this tab's answers; the other tab's are set aside under \u{201c}Answers set aside\u{201d}.")));
                refresh.force_update();
            })
        };
        html! {
            <div class="choice" role="alert">
                <p>{ "Another tab changed the answers saved on this device. Which answers should this device keep? The others are set aside, not lost." }</p>
                <button type="button" onclick={take}>{ "Take the other tab's answers" }</button>{ " " }
                <button type="button" onclick={keep_ours}>{ "Keep this tab's answers" }</button>
            </div>
        }
    });
    // Answers opened from a link, this device or a file that were checked under another
    // rule book: re-checked, and what the current rules decide differently said in words.
    let recheck = state.checked.as_ref().and_then(|old| {
        crate::checked::recheck_notice(old, &crate::checked::Receipt::of(&results))
    });
    let live = html! {
        <div class="live" role="status" aria-live="polite">
            if let Some(n) = recheck {
                <p class="notice" id="rechecked">{ n }{ " " }
                    <button type="button" class="link" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::Acknowledge)) }}>{ "Dismiss" }</button>
                </p>
            }
            if let Some(n) = (*notice).clone() {
                <p class="notice">{ n }{ " " }
                    <button type="button" class="link" onclick={{ let notice = notice.clone(); Callback::from(move |_: MouseEvent| notice.set(None)) }}>{ "Dismiss" }</button>
                </p>
            }
            { refused.unwrap_or_default() }
            { undo.unwrap_or_default() }
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
    let (kept, unreadable, stored) = {
        let d = device.borrow();
        (d.kept.clone(), d.unreadable.clone(), d.stored)
    };
    let tools = html! {
        { tools(ToolsProps { state: state.clone(), results: results.clone(), dispatch: dispatch.clone(), replace: replace.clone(),
            notice: notice.clone(), stored, device: device.clone() }) }
    };
    let set_aside = (!kept.is_empty() || !unreadable.is_empty()).then(|| {
        kept_list(
            &kept,
            &unreadable,
            &device,
            &replace,
            &notice,
            &refresh,
            p.today,
        )
    });
    html! {
        <>
            <a class="skip" href="#main">{ crate::shell::SKIP }</a>
            // As the static shell draws it (`crate::shell`), so nothing moves when the
            // app takes over; the tools in the header's landmark.
            <header>
                <h1>{ crate::shell::TITLE }</h1>
                <p class="tagline">{ crate::shell::TAGLINE }</p>
                { nav }
                { tools }
            </header>
            { other_tab.unwrap_or_default() }
            { live }
            { set_aside.unwrap_or_default() }
            <main id="main" tabindex="-1">{ body }</main>
            <footer>
                <p>{ "Based on the ACR ImPower program page and the ACR Learning Network page. Not an official ACR tool: confirm fees, dates and credit with the ACR Learning Network team." }</p>
                <p id="rule-book">{ format!("Every answer here is decided by the {}.", crate::checked::rule_book_label()) }</p>
            </footer>
        </>
    }
}

/// The answers set aside, each restorable or removable, and the saved copies this
/// version cannot open, each downloadable.
fn kept_list(
    kept: &[Kept],
    unreadable: &[Kept],
    device: &Rc<RefCell<Device>>,
    replace: &Callback<(Why, State)>,
    notice: &UseStateHandle<Option<String>>,
    refresh: &UseForceUpdateHandle,
    today: NaiveDate,
) -> Html {
    let remove = |k: &Kept| {
        let (device, refresh, code) = (device.clone(), refresh.clone(), k.code.clone());
        Callback::from(move |_: MouseEvent| {
            device.borrow_mut().forget(&code);
            refresh.force_update();
        })
    };
    let row = |k: &Kept, action: Html| {
        let what = format!("{} ({}): {}", k.why.words(), k.when, k.label);
        html! {
            <li>{ what.clone() }{ " " }{ action }{ " " }
                <button type="button" aria-label={format!("Remove {what}")} onclick={remove(k)}>{ "Remove" }</button>
            </li>
        }
    };
    html! {
        <section class="kept no-print" aria-labelledby="kept-h">
            <h2 id="kept-h">{ "Answers set aside" }</h2>
            <ul>
                { Html::from_iter(unreadable.iter().map(|k| {
                    let code = k.code.clone();
                    let download = Callback::from(move |_: MouseEvent| {
                        persist::download("impower-ready-saved-copy.json", &export::fields_only(&code));
                    });
                    row(k, html! { <button type="button" aria-label={format!("Download {}", k.why.words())} onclick={download}>{ "Download" }</button> })
                })) }
                { Html::from_iter(kept.iter().map(|k| {
                    let (device, replace, notice, code) = (device.clone(), replace.clone(), notice.clone(), k.code.clone());
                    let restore = Callback::from(move |_: MouseEvent| {
                        match share::decode(&code, today) {
                            Ok((s, problem)) => {
                                device.borrow_mut().forget(&code);
                                replace.emit((Why::Restored, s));
                                notice.set(Some(problem.map_or_else(
                                    || String::from("Restored the answers set aside; the ones you had are set aside in their place."),
                                    |p| p.message(share::Source::Saved),
                                )));
                            }
                            Err(p) => notice.set(Some(p.message(share::Source::Saved))),
                        }
                    });
                    row(k, html! { <button type="button" aria-label={format!("Restore {} ({})", k.why.words(), k.when)} onclick={restore}>{ "Restore" }</button> })
                })) }
            </ul>
        </section>
    }
}

/// What the tool bar takes.
struct ToolsProps {
    state: UseReducerHandle<State>,
    results: Rc<crate::eval::Results>,
    dispatch: Callback<Action>,
    replace: Callback<(Why, State)>,
    notice: UseStateHandle<Option<String>>,
    stored: Option<Stored>,
    device: Rc<RefCell<Device>>,
}

/// Share, save and start again: copy the link, download or open the answers as a file,
/// start again (undoable), and whether this device keeps them.
/// A plain function, not a component: it holds no state, and its few nodes cost less to
/// build again than a component's scaffolding costs to ship.
fn tools(p: ToolsProps) -> Html {
    let copy = {
        let (notice, device) = (p.notice.clone(), p.device.clone());
        Callback::from(move |_: MouseEvent| {
            let notice = notice.clone();
            let device = device.clone();
            // The address holds the answers as they are now.
            device.borrow_mut().flush();
            persist::copy(persist::current_href(), move |ok| {
                if ok {
                    let mut d = device.borrow_mut();
                    d.taken_away = Some(d.latest.clone());
                }
                crate::ui::reveal_errors(true);
                notice.set(Some(String::from(if ok {
                    "Link copied: whoever opens it sees these answers."
                } else {
                    "The browser would not copy the link: copy the address bar instead."
                })));
            });
        })
    };
    let download = {
        let (state, results, notice, device) = (
            p.state.clone(),
            p.results.clone(),
            p.notice.clone(),
            p.device.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let name = export::file_name(&state);
            persist::download(&name, &export::export(&state, &results));
            let mut d = device.borrow_mut();
            d.taken_away = Some(d.latest.clone());
            notice.set(Some(format!("Downloaded {name}.")));
            crate::ui::reveal_errors(true);
        })
    };
    let open = {
        let (replace, notice, today) = (p.replace.clone(), p.notice.clone(), p.state.today);
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            if file.size() > rules::json::MAX_INPUT_BYTES as f64 {
                notice.set(Some(format!(
                    "{name} is too large to be an export of this checker; nothing was changed."
                )));
                return;
            }
            let (replace, notice) = (replace.clone(), notice.clone());
            persist::read_text(&file, move |text| {
                let outcome = text
                    .ok_or_else(|| String::from("it could not be read"))
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
                        replace.emit((Why::File, imported.state));
                        let opened = imported
                            .problem
                            .unwrap_or_else(|| format!("Opened {name}."));
                        notice.set(Some(format!(
                            "{opened} The answers you had are set aside: restore them under \u{201c}Answers set aside\u{201d}."
                        )));
                    }
                    Err(why) => notice.set(Some(format!(
                        "{name} could not be opened ({why}); nothing was changed."
                    ))),
                }
            });
        })
    };
    let start_again = {
        let (dispatch, notice, device) = (p.dispatch.clone(), p.notice.clone(), p.device.clone());
        Callback::from(move |_: MouseEvent| {
            // Kept aside too, so closing the tab before Undo loses nothing.
            let latest = device.borrow().latest.clone();
            device.borrow_mut().set_aside(Why::StartAgain, latest);
            dispatch.emit(Action::StartAgain);
            notice.set(None);
        })
    };
    // The line is there before the first save too (as in the static shell), so the
    // view does not move when it fills in.
    let status = match p.stored {
        Some(s) => {
            let class = if s == Stored::Saved {
                "saved"
            } else {
                "saved warn"
            };
            html! { <p class={class}>{ s.words() }</p> }
        }
        None => html! { <p class="saved">{ "\u{a0}" }</p> },
    };
    let [copy_words, download_words, open_words, again_words] = crate::shell::TOOLS;
    html! {
        <div class="tools no-print" role="group" aria-label={crate::shell::TOOLS_NAME}>
            <button type="button" onclick={copy}>{ copy_words }</button>
            <button type="button" onclick={download}>{ download_words }</button>
            // The hidden input first: its focus ring is drawn on the label after it
            // (`.visually-hidden:focus-visible + *`), never on the next button.
            <input type="file" id="open-file" class="visually-hidden" accept=".json,application/json" onchange={open} />
            <label class="file button" for="open-file">{ open_words }</label>
            <button type="button" onclick={start_again}>{ again_words }</button>
            { status }
        </div>
    }
}
