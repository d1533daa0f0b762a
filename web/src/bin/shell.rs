//! Prints the page's static shell (`web::shell::html`): `scripts/prerender.sh` writes it
//! into the built `index.html`.

fn main() {
    print!("{}", web::shell::html());
}
