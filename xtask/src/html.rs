//! Reading and rewriting the built page with lol_html, Cloudflare's streaming HTML
//! rewriter: it parses the page as a browser tokenizer does (Trunk's minifier drops
//! quotes and reorders attributes, which it does not mind) and passes every byte it is
//! not asked to change through untouched, so the page stays exactly as Trunk minified it.
//!
//! One limit shapes [`replace_once`]: lol_html writes a start tag whose attribute changed
//! anew, with every value quoted, which would undo the minifier on that tag. An attribute
//! value that changes (an integrity, the CSP) is therefore found with the parser and then
//! swapped in the page's bytes, where it must occur exactly once.

use crate::util::Result;
use lol_html::html_content::{ContentType, Element};
use lol_html::{rewrite_str, ElementContentHandlers, RewriteStrSettings, Selector};
use std::borrow::Cow;

/// The attributes of one element, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag(pub Vec<(String, String)>);

impl Tag {
    /// The value of attribute `name`, if the element has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The attributes of every element of `html` that `selector` matches, in document order.
pub fn find(html: &str, selector: &str) -> Result<Vec<Tag>> {
    let mut found = Vec::new();
    rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler((
            Cow::Owned(parse(selector)?),
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                found.push(Tag(el
                    .attributes()
                    .iter()
                    .map(|a| (a.name(), a.value()))
                    .collect()));
                Ok(())
            }),
        )),
    )
    .map_err(|e| format!("cannot read the page with the selector {selector} ({e})"))?;
    Ok(found)
}

/// `html` with each element that `selector` matches (with its content) replaced by
/// `with`, written as is, and how many were replaced.
pub fn replace_elements(html: &str, selector: &str, with: &str) -> Result<(String, usize)> {
    let mut count = 0;
    let out = rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler((
            Cow::Owned(parse(selector)?),
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                el.replace(with, ContentType::Html);
                count += 1;
                Ok(())
            }),
        )),
    )
    .map_err(|e| format!("cannot rewrite the page with the selector {selector} ({e})"))?;
    Ok((out, count))
}

fn parse(selector: &str) -> Result<Selector> {
    selector.parse().map_err(|e| {
        format!("the CSS selector {selector} does not parse ({e}): fix it in xtask/src")
    })
}

/// `html` with `old` replaced by `new`, which fails unless `old` occurs exactly once
/// (`what` names it in the error).
pub fn replace_once(html: &str, old: &str, new: &str, what: &str) -> Result<String> {
    match html.matches(old).count() {
        1 => Ok(html.replacen(old, new, 1)),
        n => Err(format!(
            "{what} `{old}` occurs {n} times in the page, not once: the page is not as Trunk writes it (rebuild it)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><meta content=a name=x><link href=./s.css rel=stylesheet><div id=app><p>Loading</p><div>in</div></div><p>after</p>";

    #[test]
    fn finds_unquoted_attributes_in_order() {
        let tags = find(PAGE, "meta[name=x]").unwrap();
        assert_eq!(
            tags,
            vec![Tag(vec![
                ("content".into(), "a".into()),
                ("name".into(), "x".into())
            ])]
        );
        assert_eq!(
            find(PAGE, "link[rel=stylesheet]").unwrap()[0].get("href"),
            Some("./s.css")
        );
        assert!(find(PAGE, "script").unwrap().is_empty());
    }

    #[test]
    fn replaces_an_element_with_its_nested_content_and_nothing_else() {
        let (out, n) = replace_elements(PAGE, "div#app", "<div id=\"app\">X</div>").unwrap();
        assert_eq!(n, 1);
        assert_eq!(
            out,
            "<!doctype html><html><meta content=a name=x><link href=./s.css rel=stylesheet><div id=\"app\">X</div><p>after</p>"
        );
    }

    #[test]
    fn replace_once_refuses_none_or_two() {
        assert_eq!(replace_once("a b c", "b", "B", "x").unwrap(), "a B c");
        assert!(replace_once("a b b", "b", "B", "x")
            .unwrap_err()
            .contains("2 times"));
        assert!(replace_once("a c", "b", "B", "x")
            .unwrap_err()
            .contains("0 times"));
    }

    #[test]
    fn a_bad_selector_is_an_error() {
        assert!(find(PAGE, "div[").is_err());
    }
}
