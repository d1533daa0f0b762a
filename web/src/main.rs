//! The one WebAssembly module of the app page and the widget (see the `web` library).
//! Loading it runs `main`, which only installs the panic message: the app page then calls
//! `startApp()` and each `<impower-ready>` element creates a `Widget`, both exported by
//! the library and linked in here.

fn main() {
    web::install_panic_message();
}
