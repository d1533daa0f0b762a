//! Nothing typed is lost: what a link, a file or another tab replaces is set aside
//! (newest first, bounded, never two copies of the same answers); a saved copy this
//! build cannot read is kept whole; and whatever the app lets a person type can be saved
//! and read back whole, as a link, this device's copy and a file.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;
use rules::bounds::{MAX_NAME_CHARS, MAX_PEOPLE};
use rules::team::Role;
use web::eval::evaluate;
use web::export::{export, fields_only, import};
use web::persist::{keep, kept_text, read_kept, start, Kept, Why, MAX_KEPT};
use web::share::{decode, encode};
use web::state::{Action, PersonEdit, Refusal, State, MAX_FIELD, MAX_SAVED_BYTES};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).expect("a date")
}

fn named(org: &str) -> State {
    let mut s = State::new(today());
    s.apply(Action::Organization(org.into()));
    s
}

fn kept(why: Why, code: &str) -> Kept {
    Kept::new(why, "4 Dec, 21:05".into(), code.into(), today())
}

#[test]
fn set_aside_answers_are_newest_first_bounded_and_never_twice() {
    let mut list = Vec::new();
    for i in 0..MAX_KEPT + 2 {
        list = keep(
            &list,
            kept(Why::Link, &encode(&named(&format!("Org {i}")))),
            MAX_KEPT,
        );
    }
    assert_eq!(list.len(), MAX_KEPT);
    assert_eq!(list[0].label, "\u{201c}Org 6\u{201d}, no one named yet");
    assert_eq!(
        list[MAX_KEPT - 1].label,
        "\u{201c}Org 2\u{201d}, no one named yet"
    );
    // The same answers again: one entry, moved to the front with the newer reason.
    let again = keep(&list, kept(Why::File, &list[3].code), MAX_KEPT);
    assert_eq!(again.len(), MAX_KEPT);
    assert_eq!(again[0].why, Why::File);
    assert_eq!(again[0].code, list[3].code);
    assert_eq!(again.iter().filter(|k| k.code == list[3].code).count(), 1);
}

#[test]
fn the_stored_list_reads_back_and_skips_what_is_not_an_entry() {
    let a = encode(&named("Mercy"));
    let b = encode(&named("St. Luke's"));
    let mut list = vec![kept(Why::StartAgain, &a), kept(Why::OtherTab, &b)];
    // A hostile time label cannot add a line or a field.
    list[1].when = "4 Dec\t\n x".into();
    let text = kept_text(&list);
    assert_eq!(text.lines().count(), 2);
    let back = read_kept(&text, today());
    assert_eq!(back.len(), 2);
    assert_eq!(back[0], list[0]);
    assert_eq!(back[1].code, b);
    assert_eq!(back[1].when, "4 Dec x");
    let junk = format!("zz\tx\t{a}\n\n\tno why\nl\t\t\nq\twhen\t{a}\n{}", text);
    assert_eq!(read_kept(&junk, today()), back, "junk lines are skipped");
    // Every reason keeps its letter.
    for why in [
        Why::Link,
        Why::File,
        Why::StartAgain,
        Why::OtherTab,
        Why::TookOtherTab,
        Why::Restored,
        Why::Unreadable,
    ] {
        assert_eq!(Why::from_code(why.code()), Some(why));
    }
}

#[test]
fn a_link_sets_this_devices_own_answers_aside() {
    let own = encode(&named("My own department"));
    let link = encode(&named("Their department"));
    let s = start(
        today(),
        &format!("#fees?a={link}"),
        Some(own.clone()),
        false,
        None,
    );
    assert_eq!(s.state.organization, "Their department");
    assert_eq!(s.keep, Some((Why::Link, own.clone())));
    assert_eq!(s.unreadable, None);
    assert!(
        s.notice.as_deref().is_some_and(|n| n.contains("set aside")),
        "{:?}",
        s.notice
    );
    // The same answers: nothing to set aside.
    let same = start(
        today(),
        &format!("#fees?a={own}"),
        Some(own.clone()),
        false,
        None,
    );
    assert_eq!(same.keep, None);
    // No link: this device's copy opens, nothing is said.
    let plain = start(today(), "", Some(own), false, None);
    assert_eq!(plain.state.organization, "My own department");
    assert_eq!(
        (plain.keep, plain.notice, plain.unreadable),
        (None, None, None)
    );
}

#[test]
fn a_saved_copy_this_build_cannot_read_is_kept_whole_and_named_as_a_saved_copy() {
    for (saved, says) in [
        ("3.AAAA", "newer version"),
        ("1.%%%", "could not be read"),
        ("1.AAE", "Part of"),
    ] {
        let s = start(today(), "", Some(saved.into()), false, None);
        assert_eq!(s.unreadable.as_deref(), Some(saved), "{saved}");
        let notice = s.notice.unwrap_or_default();
        assert!(notice.contains(says), "{saved}: {notice}");
        assert!(
            !notice.contains("link"),
            "{saved}: a saved copy is not a link: {notice}"
        );
        assert!(notice.contains("kept"), "{saved}: {notice}");
        assert!(!notice.contains("Nothing was changed"), "{saved}: {notice}");
    }
    // With a link too: the link opens, and the unreadable copy is still kept.
    let link = encode(&named("Theirs"));
    let s = start(
        today(),
        &format!("#team?a={link}"),
        Some("3.AAAA".into()),
        false,
        None,
    );
    assert_eq!(s.state.organization, "Theirs");
    assert_eq!(s.unreadable.as_deref(), Some("3.AAAA"));
    assert_eq!(
        s.keep, None,
        "an unreadable copy is kept aside whole, not as answers"
    );
    // Its download is a file this checker's format names, holding the text as it was.
    let file = fields_only("3.AAAA");
    assert!(file.contains("\"fields\": \"3.AAAA\""), "{file}");
    assert!(
        import(&file, today()).is_err(),
        "this build cannot open it either"
    );
}

/// A state with `people` people, each with a name of `name` copies of `c`.
fn big(people: usize, name: usize, c: char) -> State {
    let mut s = State::new(today());
    s.people.clear();
    for i in 0..people {
        s.apply(Action::AddPerson);
        let id = s.people.last().map_or(0, |p| p.id);
        let n: String = std::iter::repeat_n(c, name.saturating_sub(4)).collect();
        s.apply(Action::Person(id, PersonEdit::Name(format!("{n}{i:04}"))));
        s.apply(Action::Person(id, PersonEdit::Hours("4.5".into())));
        s.apply(Action::Person(
            id,
            PersonEdit::Role(Role::TeamMember, 1, true),
        ));
    }
    s
}

fn reduce(s: &State, a: Action) -> State {
    use yew::Reducible;
    (*std::rc::Rc::new(s.clone()).reduce(a)).clone()
}

/// Saved as a link and as a file, read back: the same answers.
fn round_trips(s: &State) {
    let code = encode(s);
    let (back, problem) = decode(&code, today()).expect("the link reads back");
    assert_eq!(problem, None);
    assert_eq!(back.content(), s.content().clone_with_ids(&back));
    let file = export(s, &evaluate(s));
    assert!(file.len() <= MAX_SAVED_BYTES, "{} bytes", file.len());
    assert!(
        file.len() <= s.saved_size(),
        "the bound {} is below the file's {}",
        s.saved_size(),
        file.len()
    );
    let imported = import(&file, today()).expect("the file opens");
    assert_eq!(imported.problem, None);
    assert_eq!(encode(&imported.state), code);
}

trait SameIds {
    fn clone_with_ids(&self, other: &State) -> State;
}

impl SameIds for State {
    /// Ids are the app's own, renumbered on reading: compare everything else.
    fn clone_with_ids(&self, other: &State) -> State {
        let mut s = self.clone();
        s.next_id = other.next_id;
        for (p, q) in s.people.iter_mut().zip(&other.people) {
            p.id = q.id;
        }
        s
    }
}

#[test]
fn the_most_people_the_app_keeps_are_saved_and_read_back_and_one_more_is_refused() {
    let full = big(MAX_PEOPLE, MAX_NAME_CHARS, 'n');
    assert_eq!(full.people.len(), MAX_PEOPLE);
    assert_eq!(full.fits(), Ok(()));
    round_trips(&full);
    let more = reduce(&full, Action::AddPerson);
    assert_eq!(
        more.people.len(),
        MAX_PEOPLE,
        "the 501st person is not added"
    );
    assert_eq!(more.refused, Some(Refusal::People));
    assert!(more.refused.is_some_and(|r| r.message().contains("500")));
    // The next change that fits clears the message.
    let after = reduce(&more, Action::Organization("Mercy".into()));
    assert_eq!(after.refused, None);
    assert_eq!(after.organization, "Mercy");
}

#[test]
fn four_hundred_and_eighty_people_with_long_names_reopen_whole() {
    // The case: over 64 KiB of saved text, which earlier releases refused to read.
    let s = big(480, MAX_NAME_CHARS, 'é');
    assert!(encode(&s).len() > 64 * 1024);
    round_trips(&s);
}

#[test]
fn a_field_past_its_bound_is_refused_not_cut() {
    let s = State::new(today());
    let at: String = "x".repeat(MAX_FIELD);
    let ok = reduce(&s, Action::Organization(at.clone()));
    assert_eq!(ok.organization, at);
    assert_eq!(ok.refused, None);
    round_trips(&ok);
    let past = reduce(&ok, Action::Organization(format!("{at}y")));
    assert_eq!(
        past.organization, at,
        "the longer text is not kept, nor cut"
    );
    assert_eq!(past.refused, Some(Refusal::Field));
}

#[test]
fn answers_too_large_for_a_file_are_refused_and_a_larger_state_can_still_shrink() {
    // Names of control characters take six bytes each in the file: adding people with
    // the longest such names stops at the file's size, before the count.
    let mut s = State::new(today());
    let name = "\u{1}".repeat(MAX_FIELD);
    let mut refused = None;
    for _ in 0..MAX_PEOPLE {
        s = reduce(&s, Action::AddPerson);
        if let Some(r) = s.refused {
            refused = Some(r);
            break;
        }
        let id = s.people.last().map_or(0, |p| p.id);
        s = reduce(&s, Action::Person(id, PersonEdit::Name(name.clone())));
        if let Some(r) = s.refused {
            refused = Some(r);
            break;
        }
    }
    assert_eq!(refused, Some(Refusal::Size));
    assert!(
        s.people.len() < MAX_PEOPLE,
        "stopped by the size, not the count"
    );
    assert!(s.refused.is_some_and(|r| r.message().contains("1 MB")));
    round_trips(&s);
    // An oversized state (as an earlier release may have saved): removing is allowed.
    let mut over = s.clone();
    over.people.extend(s.people.iter().take(100).cloned());
    assert!(over.fits().is_err());
    let id = over.people.first().map_or(0, |p| p.id);
    let smaller = reduce(&over, Action::RemovePerson(id));
    assert_eq!(smaller.people.len(), over.people.len() - 1);
    assert_eq!(smaller.refused, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// The size bound the app refuses by is never below the file it writes.
    #[test]
    fn the_size_bound_is_never_below_the_real_file(
        people in 0usize..40,
        name in 0usize..120,
        c in prop::sample::select(vec!['a', 'é', '\u{1}', '\u{1F600}', '"', '\\']),
        org in ".{0,50}",
    ) {
        let mut s = big(people, name, c);
        s.apply(Action::Organization(org));
        let file = export(&s, &evaluate(&s));
        prop_assert!(file.len() <= s.saved_size(), "{} > {}", file.len(), s.saved_size());
        prop_assert!(encode(&s).len() <= s.saved_size());
    }
}

/// Issue 21: the address is written once typing pauses, so a reload right after typing
/// finds our own history entry older than the copy this tab saved: the copy opens.
#[test]
fn a_reload_before_the_address_caught_up_opens_this_tabs_newer_copy() {
    let older = encode(&named("Typed before"));
    let newer = encode(&named("Typed just before the reload"));
    let hash = format!("#team?a={older}");
    let tab = Some(web::persist::fingerprint(&newer));
    let s = start(today(), &hash, Some(newer.clone()), true, tab.clone());
    assert_eq!(s.state.organization, "Typed just before the reload");
    assert_eq!((s.keep, s.notice), (None, None));
    // Another tab saved it (this tab saved something else): the entry opens, the copy
    // is set aside, as before.
    let other = start(
        today(),
        &hash,
        Some(newer.clone()),
        true,
        Some(web::persist::fingerprint(&older)),
    );
    assert_eq!(other.state.organization, "Typed before");
    assert_eq!(other.keep, Some((Why::Link, newer.clone())));
    // A link that is not ours always opens (and sets the copy aside).
    let link = start(today(), &hash, Some(newer.clone()), false, tab);
    assert_eq!(link.state.organization, "Typed before");
    assert_ne!(
        web::persist::fingerprint(&older),
        web::persist::fingerprint(&newer)
    );
}
