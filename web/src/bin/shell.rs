//! Prints the page's static shell (`web::shell::html`): `cargo xtask post-build` writes it
//! into the built `index.html`.

fn main() {
    print!("{}", web::shell::html());
}
