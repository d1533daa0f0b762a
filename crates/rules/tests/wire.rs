//! One source for every wire name: each variant of each closed enum serializes to its
//! `key()`, and `parse(key)` gives the variant back.
#![cfg(not(target_arch = "wasm32"))]

use rules::book::{Collaborative, Page};
use rules::credits::{CreditType, Document, Stage};
use rules::error::ErrorCode;
use rules::finding::Severity;
use rules::json::Verb;
use rules::vocab::{Edition, Qi, Role};
use serde_json::Value;

macro_rules! round_trip {
    ($($ty:ty),+ $(,)?) => {{
        let mut n = 0;
        $(
            assert!(!<$ty>::ALL.is_empty(), "{} has no variants", stringify!($ty));
            assert_eq!(<$ty>::ALL.len(), <$ty>::KEYS.len());
            for (v, key) in <$ty>::ALL.iter().zip(<$ty>::KEYS) {
                assert_eq!(v.key(), *key, "{}::{v:?}", stringify!($ty));
                assert_eq!(
                    serde_json::to_value(v).expect("serializes"),
                    Value::String(key.to_string()),
                    "{}::{v:?} serializes to its key",
                    stringify!($ty)
                );
                assert_eq!(<$ty>::parse(key), Some(*v), "{}: parse({key})", stringify!($ty));
                n += 1;
            }
            let mut keys: Vec<&str> = <$ty>::KEYS.to_vec();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), <$ty>::KEYS.len(), "{} repeats a key", stringify!($ty));
            assert_eq!(<$ty>::parse("no such key"), None);
        )+
        n
    }};
}

#[test]
fn every_variant_round_trips_through_its_json_name() {
    let n = round_trip!(
        Role,
        Edition,
        Qi,
        Stage,
        Document,
        Collaborative,
        CreditType,
        Severity,
        ErrorCode,
        Page,
        Verb,
    );
    assert!(n >= 50, "only {n} variants checked");
}

#[test]
fn rule_ids_round_trip() {
    for id in rules::RuleId::ALL {
        assert_eq!(rules::RuleId::parse(id.as_str()), Some(*id));
        assert_eq!(
            serde_json::to_value(id).expect("serializes"),
            Value::String(id.as_str().into())
        );
    }
}
