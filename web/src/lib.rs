//! The impower-ready browser app, in Yew, over the `rules` crate.
//!
//! - [`state`]: what the user entered, and the one reducer that changes it.
//! - [`eval`]: the answers, derived from the state with the rules (pure, testable).
//! - [`ui`], [`views`], [`app`]: components that take properties and emit callbacks.
//!
//! The browser's clock is read once, in [`today`], and passed in: the rules never read it.
//!
//! One WebAssembly module serves the app page and the `<impower-ready>` widget (the
//! `impower-web` binary links this library in): loading it installs the panic message
//! (`main`), then the app page's `web/boot.js` calls [`start`] (`startApp` in JavaScript)
//! and each widget creates a [`widget::Widget`].
#![deny(missing_docs)]

pub mod app;
pub mod checked;
pub mod eval;
pub mod export;
pub mod persist;
pub mod share;
pub mod shell;
pub mod state;
pub mod to_js;
pub mod ui;
pub mod views;
pub mod widget;

use chrono::NaiveDate;

/// The allocator of the WebAssembly build: talc, which is smaller and faster there than
/// the default dlmalloc (the app pays for every kilobyte on a phone).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Today's date in the browser's local time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

thread_local! {
    /// Where apps are mounted: `#app`, and each widget's container in its shadow root.
    static ROOTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Remembers a mount point, so a panic message can replace what it shows.
pub fn register_root(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
}

/// Forgets a mount point whose app was unmounted.
pub fn unregister_root(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().retain(|x| x != root));
}

/// Replaces every mounted app with a message when the app panics, so a failure never
/// leaves a blank page or a blank widget.
pub fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.clone().into());
        show_crash(&detail);
    }));
}

/// Replaces what every mounted app shows with a message saying what happened.
pub fn show_crash(detail: &str) {
    ROOTS.with(|roots| {
        for root in roots.borrow().iter() {
            root.set_inner_html(
                "<div class=\"crash\" role=\"alert\"><h2>Something went wrong</h2>\
                 <p>The checker hit an internal error and stopped. Your answers were not sent anywhere. \
                 Reload the page to start again.</p><pre></pre></div>",
            );
            if let Ok(Some(pre)) = root.query_selector("pre") {
                // Text, never HTML: the detail may quote what the user typed.
                pre.set_text_content(Some(detail));
            }
        }
    });
}

// The app page's web/boot.js calls it once the module is loaded; a widget's host page
// never does, whatever its own `#app`. (Its doc comment is copied into the JavaScript.)
/// Mounts the app into `#app`.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startApp)]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    root.set_inner_html("");
    register_root(&root);
    let today = today();
    let start = persist::start(
        today,
        &persist::current_hash(),
        persist::get(persist::SAVED),
        persist::entry_is_ours(),
        persist::tab_saved(),
    );
    let props = app::AppProps {
        today,
        view: start.state.view,
        embedded: false,
        config: app::Config::default(),
        on_change: None,
        initial: Some(std::rc::Rc::new(start.state)),
        notice: start.notice,
        keep: start.keep,
        unreadable: start.unreadable,
    };
    yew::Renderer::<app::App>::with_root_and_props(root, props).render();
}
