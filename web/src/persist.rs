//! Where the state lives outside the app: the address bar (view and state, so copying
//! the address shares everything), this device's storage (autosave), and files
//! (download and open). The only module that touches `location`, `history`,
//! `localStorage` and `Blob` URLs; the encoding itself is [`crate::share`].

use chrono::NaiveDate;
use gloo_storage::Storage;
use wasm_bindgen::JsCast;

use crate::share::{self, Problem};
use crate::state::{State, View};

/// The key of this device's copy.
pub const SAVED: &str = "impower-ready:answers";
/// The key of the copy set aside when a shared link replaced it.
pub const SET_ASIDE: &str = "impower-ready:set-aside";

/// What the address says: the view, and the state's text if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    /// The view named, if it is one.
    pub view: Option<View>,
    /// The shared state's text (`a=` in the fragment).
    pub code: Option<String>,
}

/// Reads a fragment such as `#fees?a=1.AbC`.
pub fn parse_hash(hash: &str) -> Address {
    let hash = hash.trim_start_matches('#');
    let (view, query) = hash.split_once('?').unwrap_or((hash, ""));
    let code = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("a="))
        .filter(|c| !c.is_empty())
        .map(String::from);
    Address {
        view: View::parse(view),
        code,
    }
}

/// The fragment for a view and a state's text.
pub fn hash_for(view: View, code: &str) -> String {
    format!("#{}?a={code}", view.key())
}

/// The address's fragment now.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole address now (what "Copy link" copies).
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Points the address at `hash`: a new history entry when the view changed (so Back
/// returns to the previous view), the same entry when only answers changed. The entry's
/// history state marks it as ours.
pub fn write_address(hash: &str, new_entry: bool) {
    let Some(w) = web_sys::window() else { return };
    if w.location().hash().ok().as_deref() == Some(hash) {
        return;
    }
    let Ok(history) = w.history() else { return };
    let mark = wasm_bindgen::JsValue::from_str("impower-ready");
    let _ = if new_entry {
        history.push_state_with_url(&mark, "", Some(hash))
    } else {
        history.replace_state_with_url(&mark, "", Some(hash))
    };
}

/// Whether the current history entry was written by the app (Back/Forward between our
/// own entries), rather than typed or pasted by the user.
pub fn entry_is_ours() -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "impower-ready")
}

/// This device's copy, if any.
pub fn saved() -> Option<String> {
    gloo_storage::LocalStorage::raw()
        .get_item(SAVED)
        .ok()
        .flatten()
}

/// Saves `code` on this device; `false` when the browser refuses (private mode, full).
pub fn save(code: &str) -> bool {
    gloo_storage::LocalStorage::raw()
        .set_item(SAVED, code)
        .is_ok()
}

/// Keeps `code` aside, to be restored after a shared link replaced it.
pub fn set_aside(code: &str) {
    let _ = gloo_storage::LocalStorage::raw().set_item(SET_ASIDE, code);
}

/// The copy set aside, if any.
pub fn set_aside_copy() -> Option<String> {
    gloo_storage::LocalStorage::raw()
        .get_item(SET_ASIDE)
        .ok()
        .flatten()
}

/// Forgets the copy set aside.
pub fn drop_set_aside() {
    gloo_storage::LocalStorage::delete(SET_ASIDE);
}

/// How the app starts: the state, the view, and what to tell the user.
pub struct Start {
    /// The state to start from.
    pub state: State,
    /// A notice: what was restored, what could not be read, what was set aside.
    pub notice: Option<String>,
    /// A copy of this device's answers was set aside for a shared link.
    pub set_aside: bool,
}

/// Decides where to start: a link's state wins (this device's different answers are
/// set aside, recoverable); else this device's copy; else a fresh state. Never fails:
/// an unreadable link or copy becomes a notice.
pub fn start(today: NaiveDate, hash: &str, saved: Option<String>) -> Start {
    let address = parse_hash(hash);
    let view = address.view.unwrap_or(View::Readiness);
    let fresh = || {
        let mut s = State::new(today);
        s.view = view;
        s
    };
    let load = |code: &str| share::decode(code, today);
    if let Some(code) = &address.code {
        match load(code) {
            Ok((mut s, problem)) => {
                s.view = view;
                let differs = saved.as_deref().is_some_and(|c| c != code.as_str());
                if differs {
                    if let Some(c) = &saved {
                        set_aside(c);
                    }
                }
                let mut notice = String::from("Opened the answers in this link.");
                if let Some(p) = problem {
                    notice = p.message();
                }
                if differs {
                    notice.push_str(" Your own answers saved on this device were set aside: restore them with \u{201c}Restore my answers\u{201d}.");
                }
                return Start {
                    state: s,
                    notice: Some(notice),
                    set_aside: differs,
                };
            }
            Err(p) => {
                let mut st = from_saved(saved.as_deref(), today, view).unwrap_or_else(fresh);
                st.view = view;
                return Start {
                    state: st,
                    notice: Some(p.message()),
                    set_aside: false,
                };
            }
        }
    }
    match saved.as_deref().map(load) {
        Some(Ok((mut s, problem))) => {
            s.view = view;
            Start {
                state: s,
                notice: problem.map(|p| p.message()),
                set_aside: false,
            }
        }
        Some(Err(p)) => Start {
            state: fresh(),
            notice: Some(match p {
                Problem::Newer(_) => p.message(),
                _ => String::from(
                    "The answers saved on this device could not be read; starting afresh.",
                ),
            }),
            set_aside: false,
        },
        None => Start {
            state: fresh(),
            notice: None,
            set_aside: false,
        },
    }
}

fn from_saved(saved: Option<&str>, today: NaiveDate, view: View) -> Option<State> {
    let (mut s, _) = share::decode(saved?, today).ok()?;
    s.view = view;
    Some(s)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some("application/json"));
    let url = gloo_file::ObjectUrl::from(blob);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", name);
    if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
        a.click();
    }
    // `url` is revoked when dropped, after the click has started the download.
}

/// Copies `text` to the clipboard; calls `done` with whether it worked.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}
