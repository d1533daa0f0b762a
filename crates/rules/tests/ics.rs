//! The cohort calendar file, read back by a real iCalendar parser (the `icalendar`
//! crate): it parses, carries one all-day event per date of the cohort, the sessions
//! marked as estimates, and the dates the schedule gives.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use icalendar::parser::{read_calendar, unfold};
use rules::calendar::{ics, schedule};

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

#[test]
fn the_calendar_file_parses_and_carries_the_cohorts_dates() {
    // 2031-01-15, 2027-08-15 and 2039-08-31 fall in a cohort's preparation: a late entry (P2).
    let mut lates = 0;
    for date in [
        "2026-11-22",
        "2027-05-02",
        "2031-01-15",
        "2027-08-15",
        "2039-08-31",
    ] {
        let today = rules::date::parse(date, "date").expect("a date");
        let s = schedule(today, 1).expect("a schedule");
        // When the file is made (its DTSTAMP), given as every date is.
        let made = today.and_hms_opt(9, 30, 5).expect("a time");
        let text = ics(&s, made);
        assert!(
            text.lines().all(|l| l.len() <= 76),
            "{date}: a line over 75 octets"
        );
        assert!(
            text.split("\r\n").count() > 100 && !text.replace("\r\n", "").contains('\n'),
            "CRLF only"
        );
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{date}: {e}"));
        let events: Vec<_> = cal
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        // The late entry, when there is one, comes first, marked, beside the next
        // cohort's dates, never instead of them.
        let late = usize::from(s.late_entry.is_some());
        lates += late;
        assert_eq!(
            events.len(),
            14 + late,
            "{date}: late entry, preparation, team, ten sessions, graduation, claims"
        );
        let mut uids = std::collections::BTreeSet::new();
        for e in &events {
            for key in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
                assert!(e.find_prop(key).is_some(), "{date}: an event without {key}");
            }
            assert!(
                uids.insert(e.find_prop("UID").map(|p| p.val.to_string())),
                "UIDs are unique"
            );
            let start = e.find_prop("DTSTART").expect("DTSTART");
            assert!(
                start.params.iter().any(|p| p.key == "VALUE" && p.val.as_ref().map(|v| v.as_str()) == Some("DATE")),
                "all-day events"
            );
            assert_eq!(
                e.find_prop("DTSTAMP").map(|p| p.val.to_string()),
                Some(format!("{}T093005Z", day(today)))
            );
        }
        let starts: Vec<String> = events
            .iter()
            .map(|e| {
                e.find_prop("DTSTART")
                    .map(|p| p.val.to_string())
                    .unwrap_or_default()
            })
            .collect();
        if let Some(l) = &s.late_entry {
            assert_eq!(starts[0], day(l.team_starts));
            let summary = events[0]
                .find_prop("SUMMARY")
                .map(|p| p.val.to_string())
                .unwrap_or_default();
            assert!(summary.contains("late entry"), "{summary}");
        }
        let starts = &starts[late..];
        let events = &events[late..];
        let c = &s.cohort;
        assert_eq!(starts[0], day(c.preparation_starts));
        assert_eq!(starts[1], day(c.team_starts));
        for (i, x) in s.sessions.iter().enumerate() {
            assert_eq!(starts[2 + i], day(x.date), "{date}: session {}", x.number);
            let summary = events[2 + i]
                .find_prop("SUMMARY")
                .map(|p| p.val.to_string())
                .unwrap_or_default();
            assert!(summary.contains("(estimate)"), "{summary}");
            assert!(summary.contains(x.title), "{summary}");
        }
        assert_eq!(starts[12], day(c.graduation));
        assert_eq!(starts[13], day(c.claim_deadline));
    }
    assert_eq!(lates, 3, "three of the dates have a late entry");
}
