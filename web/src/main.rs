//! The browser entry point.

fn main() {
    web::start();
}
