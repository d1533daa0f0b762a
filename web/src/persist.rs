//! Where the state lives outside the app: the address bar (view and state, so copying
//! the address shares everything), this device's storage (autosave, and the answers set
//! aside), and files (download and open). The only module that touches `location`,
//! `history`, `localStorage` and `Blob` URLs; the encoding itself is [`crate::share`].
//!
//! Nothing the user typed is lost here:
//! - storage may be blocked (a locked-down browser throws on `localStorage`) or full: the
//!   app then runs from memory and says so ([`Stored`]), never a blank page;
//! - whatever a link, a file, "Restore" or another tab replaces is first set aside
//!   ([`Kept`], newest first, at most [`MAX_KEPT`]) until the user removes it;
//! - a saved copy this build cannot read is moved aside whole ([`UNREADABLE`]), never
//!   overwritten, and offered as a download.
//!
//! The decisions are plain functions over text ([`start`], [`keep`], [`read_kept`]), so
//! they are tested natively; the browser calls are thin.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;

use crate::share::{self, Source};
use crate::state::{State, View};

/// The key of this device's copy.
pub const SAVED: &str = "impower-ready:answers";
/// The key of the one copy earlier releases set aside for a shared link (read, then
/// moved into [`KEPT`]).
pub const SET_ASIDE: &str = "impower-ready:set-aside";
/// The key of the answers set aside, newest first ([`kept_text`]).
pub const KEPT: &str = "impower-ready:kept";
/// The key of saved copies this build could not read, kept whole ([`kept_text`]).
pub const UNREADABLE: &str = "impower-ready:unreadable";

/// The most answers kept aside at once; the oldest goes first.
pub const MAX_KEPT: usize = 5;

/// What became of the last save on this device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Saved.
    Saved,
    /// The browser blocks site data: nothing can be kept on this device.
    Blocked,
    /// The browser refused the save (storage full, or a quota of zero).
    Full,
    /// Not saved while another tab's answers wait for the user's choice.
    Waiting,
}

impl Stored {
    /// What the tool bar says.
    pub fn words(self) -> &'static str {
        match self {
            Stored::Saved => "Saved on this device.",
            Stored::Blocked => "Not kept on this device: this browser blocks site data. Your answers live only in this tab: keep them with \u{201c}Copy link\u{201d} or \u{201c}Download answers\u{201d} before you close it.",
            Stored::Full => "Not saved: this device's storage for the page is full. Keep your answers with \u{201c}Copy link\u{201d} or \u{201c}Download answers\u{201d}, or free space by removing answers set aside.",
            Stored::Waiting => "Not saved yet: choose which answers to keep, this tab's or the other tab's.",
        }
    }
}

/// This device's storage, or `None` when the browser blocks it (reading
/// `localStorage` then throws a `SecurityError`).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The key, in this tab's session storage, of the fingerprint of the answers this tab
/// saved last. The address follows the answers once typing pauses, so a reload right
/// after typing finds an address older than the saved copy: when this tab saved that
/// copy, it is the newer one ([`start`]).
pub const THIS_TAB: &str = "impower-ready:this-tab";

/// A short fingerprint of a saved text (FNV-1a, 64 bits, and its length).
pub fn fingerprint(code: &str) -> String {
    let hash = code.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash}:{}", code.len())
}

/// This tab's session storage (kept across a reload, not shared with other tabs).
fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The fingerprint of what this tab saved last.
pub fn tab_saved() -> Option<String> {
    tab_storage()?.get_item(THIS_TAB).ok().flatten()
}

/// Records that this tab saved `code`.
pub fn set_tab_saved(code: &str) {
    if let Some(s) = tab_storage() {
        let _ = s.set_item(THIS_TAB, &fingerprint(code));
    }
}

/// Whether this device lets the page keep anything.
pub fn storage_works() -> bool {
    storage().is_some()
}

/// The text under `key`, if storage works and holds one.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
pub fn put(key: &str, value: &str) -> Stored {
    match storage() {
        None => Stored::Blocked,
        Some(s) => match s.set_item(key, value) {
            Ok(()) => Stored::Saved,
            Err(_) => Stored::Full,
        },
    }
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Why answers were set aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A link replaced them.
    Link,
    /// An opened file replaced them.
    File,
    /// "Start again" cleared them.
    StartAgain,
    /// Another tab saved them; this tab's answers were kept.
    OtherTab,
    /// This tab took another tab's answers instead.
    TookOtherTab,
    /// Earlier answers were restored over them.
    Restored,
    /// A saved copy this build cannot read.
    Unreadable,
}

impl Why {
    /// The permanent one-letter code it is saved as (never a position).
    pub const fn code(self) -> char {
        match self {
            Why::Link => 'l',
            Why::File => 'f',
            Why::StartAgain => 's',
            Why::OtherTab => 'o',
            Why::TookOtherTab => 't',
            Why::Restored => 'r',
            Why::Unreadable => 'u',
        }
    }

    /// The reason with that code.
    pub fn from_code(c: char) -> Option<Why> {
        Some(match c {
            'l' => Why::Link,
            'f' => Why::File,
            's' => Why::StartAgain,
            'o' => Why::OtherTab,
            't' => Why::TookOtherTab,
            'r' => Why::Restored,
            'u' => Why::Unreadable,
            _ => return None,
        })
    }

    /// What the answers are, in words.
    pub fn words(self) -> &'static str {
        match self {
            Why::Link => "Your answers before you opened a link",
            Why::File => "Your answers before you opened a file",
            Why::StartAgain => "Your answers before \u{201c}Start again\u{201d}",
            Why::OtherTab => "The answers another tab saved",
            Why::TookOtherTab => "This tab's answers before you took another tab's",
            Why::Restored => "Your answers before you restored earlier ones",
            Why::Unreadable => "A saved copy this version cannot open",
        }
    }
}

/// Answers set aside: why, when (as shown), and the state's text as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// Why they were set aside.
    pub why: Why,
    /// When, as the user reads it ("4 Dec, 21:05").
    pub when: String,
    /// The state's text ([`share::encode`]) or, for [`Why::Unreadable`], the saved text
    /// exactly as it was.
    pub code: String,
    /// What the answers are ([`describe`]), worked out once; not stored.
    pub label: String,
}

impl Kept {
    /// An entry set aside now, described for `today`.
    pub fn new(why: Why, when: String, code: String, today: NaiveDate) -> Kept {
        let label = describe(&code, today);
        Kept {
            why,
            when,
            code,
            label,
        }
    }
}

/// `list` with `k` first: an entry with the same text goes (the newer reason wins), and
/// the list keeps at most `bound` entries, the oldest dropped.
pub fn keep(list: &[Kept], k: Kept, bound: usize) -> Vec<Kept> {
    let mut out = Vec::with_capacity(bound.min(list.len() + 1));
    let code = k.code.clone();
    out.push(k);
    out.extend(list.iter().filter(|e| e.code != code).cloned());
    out.truncate(bound);
    out
}

/// The list as stored: one line per entry, `code-letter TAB when TAB text`.
pub fn kept_text(list: &[Kept]) -> String {
    let mut out = String::new();
    for k in list {
        out.push(k.why.code());
        out.push('\t');
        out.extend(k.when.chars().filter(|c| !c.is_control()));
        out.push('\t');
        out.push_str(&k.code);
        out.push('\n');
    }
    out
}

/// Reads a stored list; lines that are not entries are skipped (never a panic).
pub fn read_kept(text: &str, today: NaiveDate) -> Vec<Kept> {
    text.lines()
        .filter_map(|line| {
            let (why, rest) = line.split_once('\t')?;
            let (when, code) = rest.split_once('\t')?;
            let mut letters = why.chars();
            let why = Why::from_code(letters.next()?)?;
            if letters.next().is_some() || code.is_empty() {
                return None;
            }
            Some(Kept::new(why, when.into(), code.into(), today))
        })
        .collect()
}

/// A short description of kept answers: the organization and how many people are named.
pub fn describe(code: &str, today: NaiveDate) -> String {
    let Ok((s, _)) = share::decode(code, today) else {
        return String::from("cannot be opened by this version");
    };
    let org = s.organization.trim();
    let named = s
        .people
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .count();
    // Named people only: the starter roster's examples are not answers.
    let people = match named {
        0 => String::from("no one named yet"),
        1 => String::from("1 person named"),
        n => format!("{n} people named"),
    };
    if org.is_empty() {
        people
    } else {
        format!("\u{201c}{org}\u{201d}, {people}")
    }
}

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

/// The mark on the app's own history entries: `impower-ready:N`, N counting the app's
/// entries in this tab from the first (0).
const MARK: &str = "impower-ready:";

/// Which of the app's history entries this is (0 for the first), or `None` when the
/// entry was not written by the app (typed, pasted, or an older release's `impower-ready`).
pub fn entry_depth() -> Option<u32> {
    let state = web_sys::window()?
        .history()
        .ok()?
        .state()
        .ok()?
        .as_string()?;
    state.strip_prefix(MARK)?.parse().ok()
}

/// Whether the current history entry was written by the app (Back/Forward between our
/// own entries), rather than typed or pasted by the user.
pub fn entry_is_ours() -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "impower-ready" || s.starts_with(MARK))
}

/// Points the address at `hash`: a new history entry when the address shows another
/// view than `hash` (the user chose a view, so Back returns to the previous one); the
/// same entry otherwise (answers changed, or Back and Forward already moved the address
/// to this view, so Forward keeps working). Each entry is marked as ours, with its depth.
pub fn write_address(hash: &str, force_new: bool) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let now = w.location().hash().unwrap_or_default();
    let depth = entry_depth();
    let new_entry = {
        let (shown, wanted) = (parse_hash(&now).view, parse_hash(hash).view);
        force_new || (shown.is_some() && shown != wanted)
    };
    if now == hash && depth.is_some() && !force_new {
        return;
    }
    let _ = if new_entry {
        let mark = format!("{MARK}{}", depth.map_or(0, |d| d.saturating_add(1)));
        history.push_state_with_url(&mark.into(), "", Some(hash))
    } else {
        let mark = format!("{MARK}{}", depth.unwrap_or(0));
        history.replace_state_with_url(&mark.into(), "", Some(hash))
    };
}

/// Goes back to the app's first history entry of this tab (where [`write_address`]
/// will write the current answers): after "Start again" is confirmed, so that no entry
/// Back or Forward reach still holds the old answers. `false` when already there.
pub fn back_to_first_entry() -> bool {
    let Some(depth) = entry_depth().filter(|d| *d > 0) else {
        return false;
    };
    let Ok(depth) = i32::try_from(depth) else {
        return false;
    };
    web_sys::window()
        .and_then(|w| w.history().ok())
        .is_some_and(|h| h.go_with_delta(-depth).is_ok())
}

/// How the app starts: the state, the view, and what to tell the user.
#[derive(Debug)]
pub struct Start {
    /// The state to start from.
    pub state: State,
    /// A notice: what was restored, what could not be read, what was set aside.
    pub notice: Option<String>,
    /// Answers to set aside first: this device's own, replaced by a link's.
    pub keep: Option<(Why, String)>,
    /// This device's copy could not be read whole: keep it aside, as it is.
    pub unreadable: Option<String>,
}

/// Decides where to start: a link's state wins (this device's different answers are
/// set aside, restorable); else this device's copy; else a fresh state. Never fails:
/// an unreadable link or copy becomes a notice, and a copy that cannot be read whole is
/// kept aside rather than overwritten. `ours`: the address is one of the app's own
/// history entries (a reload, or Back into the page), not a link someone opened, so
/// opening it is not news.
pub fn start(
    today: NaiveDate,
    hash: &str,
    saved: Option<String>,
    ours: bool,
    tab_saved: Option<String>,
) -> Start {
    let mut address = parse_hash(hash);
    // Our own history entry, and this tab saved the copy on this device last: the copy
    // is newer than the address (reloaded before the address caught up).
    let saved_here = saved.as_deref().map(fingerprint);
    if ours && saved_here.is_some() && saved_here == tab_saved {
        address.code = None;
    }
    let view = address.view.unwrap_or(View::Readiness);
    let fresh = || State::new(today);
    let saved = saved.filter(|c| !c.is_empty());
    let from_saved = saved.as_deref().map(|c| (c, share::decode(c, today)));
    // A saved copy read with a problem is kept aside whole, whatever else happens.
    let unreadable = match &from_saved {
        Some((c, Err(_) | Ok((_, Some(_))))) => Some(String::from(*c)),
        _ => None,
    };
    let saved_notice = match &from_saved {
        Some((_, Err(p) | Ok((_, Some(p))))) => Some(p.message(Source::Saved)),
        _ => None,
    };
    let mut out = Start {
        state: fresh(),
        notice: None,
        keep: None,
        unreadable,
    };
    let link = address
        .code
        .as_deref()
        .map(|c| (c, share::decode(c, today)));
    match link {
        Some((code, Ok((s, problem)))) => {
            out.state = s;
            let mut notice = match (problem, ours) {
                (Some(p), _) => p.message(Source::Link),
                (None, false) => String::from("Opened the answers in this link."),
                (None, true) => String::new(),
            };
            if let Some((c, Ok(_))) = &from_saved {
                if *c != code {
                    out.keep = Some((Why::Link, String::from(*c)));
                    notice.push_str(if ours {
                        " The answers saved on this device since (in another tab) are set aside: restore them under \u{201c}Answers set aside\u{201d}."
                    } else {
                        " Your own answers saved on this device are set aside: restore them under \u{201c}Answers set aside\u{201d}."
                    });
                }
            }
            if let Some(n) = saved_notice {
                notice.push(' ');
                notice.push_str(&n);
            }
            let notice = notice.trim_start();
            out.notice = (!notice.is_empty()).then(|| notice.to_string());
        }
        Some((_, Err(p))) => {
            let mut notice = p.message(Source::Link);
            if let Some((_, Ok((s, _)))) = from_saved {
                out.state = s;
                notice.push_str(" Your answers saved on this device are open.");
            }
            if let Some(n) = saved_notice {
                notice.push(' ');
                notice.push_str(&n);
            }
            out.notice = Some(notice);
        }
        None => {
            if let Some((_, Ok((s, _)))) = from_saved {
                out.state = s;
            }
            out.notice = saved_notice;
        }
    }
    out.state.view = view;
    out
}

/// The current local time as the kept list shows it ("4 Dec, 21:05").
pub fn now_label() -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let now = js_sys::Date::new_0();
    let short = MONTHS.get(now.get_month() as usize).copied().unwrap_or("");
    // Two digits, as a clock shows them.
    let two = |n: u32| -> String {
        [n / 10 % 10, n % 10]
            .into_iter()
            .filter_map(|d| char::from_digit(d, 10))
            .collect()
    };
    format!(
        "{} {short}, {}:{}",
        now.get_date(),
        two(now.get_hours()),
        two(now.get_minutes())
    )
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
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
    // The click has started the download.
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reads `file` as text; calls `done` with it, or `None` when it cannot be read.
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Option<String>) + 'static) {
    let promise = file.text();
    yew::platform::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(text.ok().and_then(|t| t.as_string()));
    });
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
