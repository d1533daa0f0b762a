//! The whole state as a short text, for the address bar, this device's copy and the
//! exported file: `1.` (the format version) then the state's fields, as typed, in a
//! compact binary form written in URL-safe base64.
//!
//! A full application (3 projects, 12 people, readiness, credits) takes a few hundred
//! characters. Reading never panics and never trusts the text: every count and length
//! is bounded, and a text that is cut short or damaged keeps everything read before the
//! damage and says what could not be read.

use rules::book::Collaborative;
use rules::bounds::{MAX_PEOPLE, MAX_PROJECTS, MAX_ROLES_PER_PERSON};
use rules::readiness::Qi;
use rules::team::{Edition, Role};

use rules::credits::{Document, Stage};
use rules::readiness::SuccessFactor;

use crate::checked::Receipt;
use crate::state::{PersonDraft, ProjectProgress, State, MAX_FIELD};

/// The version written today. Every earlier version stays readable: 1 (positions,
/// credit participants apart from the Team) is moved onto today's state.
pub const VERSION: u32 = 2;

/// The longest shared text read at all: the export's limit, since the exported file
/// carries the text whole (so whatever the app lets a person type and save fits; see
/// [`crate::state::State::fits`]).
pub const MAX_TEXT: usize = rules::json::MAX_INPUT_BYTES;

/// What could not be read of a shared text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing could be read: not a text this app writes.
    Unreadable(&'static str),
    /// Written by a newer version of the app.
    Newer(u32),
    /// Read up to a point: the parts after it are left as they start.
    Partly(&'static str),
}

/// Where a shared text came from, for the words of a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A link (the address bar, pasted or opened).
    Link,
    /// This device's saved copy.
    Saved,
    /// A file opened with "Open answers from a file".
    File,
}

impl Source {
    fn noun(self) -> &'static str {
        match self {
            Source::Link => "This link",
            Source::Saved => "The copy of your answers saved on this device",
            Source::File => "This file",
        }
    }
}

impl Problem {
    /// A sentence for the notice the app shows, naming where the text came from.
    pub fn message(&self, from: Source) -> String {
        let what = from.noun();
        let outcome = match from {
            Source::Saved => {
                "It is kept as it was, not replaced: download it below to open it elsewhere."
            }
            Source::Link | Source::File => "Nothing was changed.",
        };
        match self {
            Problem::Unreadable(why) => format!("{what} could not be read ({why}). {outcome}"),
            Problem::Newer(v) => format!(
                "{what} was made by a newer version of the checker (format {v}); this one reads format {VERSION}. {outcome}"
            ),
            Problem::Partly(section) => match from {
                Source::Saved => format!(
                    "Part of {} could not be read, from {section} on: those answers start empty. Everything before it was restored, and the copy as it was is kept: download it below.",
                    "the copy of your answers saved on this device"
                ),
                Source::Link | Source::File => format!(
                    "Part of {} could not be read, from {section} on: those answers start empty. Everything before it was restored.",
                    if from == Source::Link { "the link" } else { "the file" }
                ),
            },
        }
    }
}

/// Writes the state (without the view and the undo memory), format 2: every closed-set
/// value by its permanent code (`code()` beside its variant in the rules crate), never
/// by its position in a list.
pub fn encode(s: &State) -> String {
    encode_checked(s, &Receipt::of(&crate::eval::evaluate(s)))
}

/// [`encode`] recording `checked` as what the answers were checked under (tests write
/// answers checked under another rule book with it).
pub fn encode_checked(s: &State, checked: &Receipt) -> String {
    let mut w = Writer(Vec::with_capacity(256));
    w.str(&s.organization);
    for answer in [s.sponsor, s.clinical_leader, s.can_audit, s.can_report_data] {
        w.tri(answer);
    }
    w.byte(s.coach.map_or(0, Qi::code));
    // Each success factor by its code (its number: S1 is 1), then its answer.
    w.len(SuccessFactor::ALL.len());
    for (f, answer) in s.factors.iter() {
        w.byte(f.code());
        w.tri(*answer);
    }
    w.byte(u8::from(s.roster_answers));
    w.byte(s.edition.code());
    w.str(&s.projects);
    w.len(s.collaboratives.len());
    for c in &s.collaboratives {
        w.byte(c.map_or(0, Collaborative::code));
    }
    w.len(s.people.len());
    for p in &s.people {
        w.str(&p.name);
        w.str(&p.hours);
        w.byte(u8::from(p.physician) | u8::from(p.data_access) << 1 | u8::from(p.opted_in) << 2);
        w.byte(p.qi.code());
        w.len(p.roles.len());
        for (role, project) in &p.roles {
            w.byte(role.code());
            w.len(*project as usize);
        }
        w.len(p.credits.len());
        for c in &p.credits {
            w.len(c.project as usize);
            w.byte(code_bits(c.stages.iter().map(|x| x.code())));
            w.byte(u8::from(c.joined_late));
        }
    }
    match &s.price_other {
        None => w.byte(0),
        Some(t) => {
            w.byte(1);
            w.str(t);
        }
    }
    w.str(&s.prior_projects);
    w.str(&s.plan_date);
    w.str(&s.graduation);
    w.len(s.progress.len());
    for p in &s.progress {
        w.byte(u8::from(p.stage_c_complete));
        w.byte(code_bits(p.documents.iter().map(|d| d.code())));
    }
    // What these answers were checked under: this build's rules and what they decide.
    let r = checked;
    w.str(&r.digest);
    w.tri(r.ready);
    w.tri(r.team_valid);
    w.len(r.total_usd.map_or(0, |t| {
        usize::try_from(t).unwrap_or(usize::MAX).saturating_add(1)
    }));
    w.str(&r.cohort);
    w.str(&r.claim_deadline);
    w.len(r.to_fix as usize);
    w.len(r.claimable as usize);
    format!("{VERSION}.{}", base64url(&w.0))
}

/// Reads a shared text onto a fresh state for `today`. `Err` when nothing could be
/// read; `Ok` with a problem when only part of it could. Format 1 is read and moved
/// onto today's state (see [`read`]).
pub fn decode(text: &str, today: chrono::NaiveDate) -> Result<(State, Option<Problem>), Problem> {
    if text.len() > MAX_TEXT {
        return Err(Problem::Unreadable("it is far too long"));
    }
    let (version, body) = text
        .split_once('.')
        .ok_or(Problem::Unreadable("no format version"))?;
    let version: u32 = version
        .parse()
        .map_err(|_| Problem::Unreadable("no format version"))?;
    if version == 0 {
        return Err(Problem::Unreadable("an unknown format"));
    }
    if version > VERSION {
        return Err(Problem::Newer(version));
    }
    let bytes = unbase64url(body).ok_or(Problem::Unreadable("damaged characters"))?;
    let mut s = State::new(today);
    s.people.clear();
    s.progress.clear();
    s.next_id = 1;
    let mut r = Reader { b: &bytes, i: 0 };
    let read = read(&mut r, &mut s, version == 1);
    Ok((s, read.err().map(Problem::Partly)))
}

const READINESS: &str = "the readiness answers";
const TEAM: &str = "the team";
const PEOPLE: &str = "the people of the team";
const FEES: &str = "the fees";
const CREDITS: &str = "the credits";

/// The success factors format 1 held, S1 to S7, in that order.
const V1_FACTORS: usize = 7;

/// The most credit participants format 1 held.
const V1_MAX_PARTICIPANTS: usize = 500;

/// Reads format 2, or format 1 (`v1`, releases up to 2026-12), onto `s`. Format 1 wrote
/// closed-set values by their position, which was `code() - 1` for every list (so a
/// later reordering cannot remap it), and the credit participants apart from the Team:
/// see [`move_participant`].
fn read(r: &mut Reader<'_>, s: &mut State, v1: bool) -> Result<(), &'static str> {
    // A closed-set byte as written: format 1's position is the code less one.
    let code = |b: u8| if v1 { b.checked_add(1) } else { Some(b) };
    s.organization = r.str().ok_or("the organization's name")?;
    let mut tri = [None; 4];
    for t in &mut tri {
        *t = r.tri().ok_or(READINESS)?;
    }
    [s.sponsor, s.clinical_leader, s.can_audit, s.can_report_data] = tri;
    // The coach was written as its code in both (0: not answered).
    s.coach = match r.byte().ok_or(READINESS)? {
        0 => None,
        n => Some(Qi::from_code(n).ok_or(READINESS)?),
    };
    // Format 1: the answers to S1–S7 in that order (seven, whatever the build knows);
    // format 2: how many, then each by its code (its number: S1 is 1).
    let n = if v1 {
        V1_FACTORS
    } else {
        r.len(SuccessFactor::ALL.len()).ok_or(READINESS)?
    };
    for i in 0..n {
        let code = if v1 {
            u8::try_from(i + 1).ok()
        } else {
            r.byte()
        };
        let f = code.and_then(SuccessFactor::from_code).ok_or(READINESS)?;
        *s.factors.get_mut(f) = r.tri().ok_or(READINESS)?;
    }
    s.roster_answers = r.flag().ok_or(READINESS)?;
    s.edition = code(r.byte().ok_or(TEAM)?)
        .and_then(Edition::from_code)
        .ok_or(TEAM)?;
    s.projects = r.str().ok_or(TEAM)?;
    let n = r.len(MAX_PROJECTS as usize).ok_or(TEAM)?;
    s.collaboratives = Vec::with_capacity(n);
    for _ in 0..n {
        // Both wrote 0 for none and the code otherwise.
        s.collaboratives.push(match r.byte().ok_or(TEAM)? {
            0 => None,
            k => Some(Collaborative::from_code(k).ok_or(TEAM)?),
        });
    }
    let n = r.len(MAX_PEOPLE).ok_or(PEOPLE)?;
    for _ in 0..n {
        let mut p = PersonDraft::blank(s.next_id);
        p.name = r.str().ok_or(PEOPLE)?;
        p.hours = r.str().ok_or(PEOPLE)?;
        let flags = r.byte().ok_or(PEOPLE)?;
        p.physician = flags & 1 != 0;
        p.data_access = flags & 2 != 0;
        p.opted_in = flags & 4 != 0;
        p.qi = code(r.byte().ok_or(PEOPLE)?)
            .and_then(Qi::from_code)
            .ok_or(PEOPLE)?;
        let roles = r.len(MAX_ROLES_PER_PERSON).ok_or(PEOPLE)?;
        for _ in 0..roles {
            let role = code(r.byte().ok_or(PEOPLE)?)
                .and_then(Role::from_code)
                .ok_or(PEOPLE)?;
            let project = r.len(MAX_PROJECTS as usize).ok_or(PEOPLE)?;
            let project = u32::try_from(project).map_err(|_| PEOPLE)?;
            if project >= 1 && !p.roles.contains(&(role, project)) {
                let at = p.roles.partition_point(|x| *x < (role, project));
                p.roles.insert(at, (role, project));
            }
        }
        let credits = if v1 {
            0
        } else {
            r.len(MAX_PROJECTS as usize).ok_or(CREDITS)?
        };
        for _ in 0..credits {
            let project = r.len(MAX_PROJECTS as usize).ok_or(CREDITS)?;
            let stages = from_bits(r.byte().ok_or(CREDITS)?, Stage::ALL, Stage::code);
            let joined_late = r.flag().ok_or(CREDITS)?;
            let project = u32::try_from(project).map_err(|_| CREDITS)?;
            add_credit(&mut p, project, stages, joined_late);
        }
        s.people.push(p);
        s.next_id += 1;
    }
    s.price_other = match r.byte().ok_or(FEES)? {
        0 => None,
        1 => Some(r.str().ok_or(FEES)?),
        _ => return Err(FEES),
    };
    s.prior_projects = r.str().ok_or(FEES)?;
    s.plan_date = r.str().ok_or("the calendar")?;
    s.graduation = r.str().ok_or(CREDITS)?;
    if v1 {
        // The one project's Stage C and documents (bit i was the document at position
        // i, whose code is i + 1: the same bits) become every project's, so each claim
        // is decided as it was.
        let progress = ProjectProgress {
            stage_c_complete: r.flag().ok_or(CREDITS)?,
            documents: from_bits(r.byte().ok_or(CREDITS)?, Document::ALL, Document::code),
        };
        s.progress = vec![progress; s.team_projects().unwrap_or(1) as usize];
        let n = r.len(V1_MAX_PARTICIPANTS).ok_or(CREDITS)?;
        for _ in 0..n {
            let name = r.str().ok_or(CREDITS)?;
            let flags = r.byte().ok_or(CREDITS)?;
            move_participant(s, name, flags);
        }
    } else {
        let n = r.len(MAX_PROJECTS as usize).ok_or(CREDITS)?;
        for _ in 0..n {
            s.progress.push(ProjectProgress {
                stage_c_complete: r.flag().ok_or(CREDITS)?,
                documents: from_bits(r.byte().ok_or(CREDITS)?, Document::ALL, Document::code),
            });
        }
        const CHECKED: &str = "what the answers were checked under";
        s.checked = Some(Receipt {
            digest: r.str().ok_or(CHECKED)?,
            ready: r.tri().ok_or(CHECKED)?,
            team_valid: r.tri().ok_or(CHECKED)?,
            total_usd: r
                .len(usize::MAX)
                .ok_or(CHECKED)?
                .checked_sub(1)
                .and_then(|t| u64::try_from(t).ok()),
            cohort: r.str().ok_or(CHECKED)?,
            claim_deadline: r.str().ok_or(CHECKED)?,
            to_fix: u32::try_from(r.len(usize::MAX).ok_or(CHECKED)?).map_err(|_| CHECKED)?,
            claimable: u32::try_from(r.len(usize::MAX).ok_or(CHECKED)?).map_err(|_| CHECKED)?,
        });
    }
    if r.i != r.b.len() {
        return Err("the end");
    }
    Ok(())
}

/// A person's credit answers for a project, unless they already have some there.
fn add_credit(p: &mut PersonDraft, project: u32, stages: Vec<Stage>, joined_late: bool) {
    if project >= 1 && p.credit(project).is_none() {
        if let Some(c) = p.credit_mut(project) {
            c.stages = stages;
            c.joined_late = joined_late;
        }
    }
}

/// A format 1 credit participant moved onto the Team: onto the person of the same name
/// (their stages and "on the roster at the start" onto that person's first project, the
/// opt-in onto the person), or, when no one has the name, added to the Team without a
/// role, their answers on project 1, so nothing typed is lost and the Team asks for
/// their role. An empty participant (nothing typed) is dropped.
fn move_participant(s: &mut State, name: String, flags: u8) {
    let name_given = !name.trim().is_empty();
    if !name_given && flags == 0 {
        return;
    }
    let at = s
        .people
        .iter()
        .position(|p| name_given && p.name.trim() == name.trim())
        .unwrap_or_else(|| {
            let mut p = PersonDraft::blank(s.next_id);
            p.name = name;
            p.physician = flags & 1 != 0;
            s.people.push(p);
            s.next_id += 1;
            s.people.len() - 1
        });
    if let Some(p) = s.people.get_mut(at) {
        p.opted_in |= flags & 32 != 0;
        let project = p.roles.iter().map(|(_, k)| *k).min().unwrap_or(1);
        let stages = from_bits(flags >> 1 & 7, Stage::ALL, Stage::code);
        add_credit(p, project, stages, flags & 16 == 0);
    }
}

/// A set of closed-set values as one byte: bit `code - 1` for each.
fn code_bits(codes: impl Iterator<Item = u8>) -> u8 {
    codes.fold(0, |acc, c| {
        acc | 1u8.checked_shl(u32::from(c.wrapping_sub(1))).unwrap_or(0)
    })
}

/// The values whose bits are set, in the order of `all` (unknown bits ignored).
fn from_bits<T: Copy>(b: u8, all: &[T], code: fn(T) -> u8) -> Vec<T> {
    all.iter()
        .copied()
        .filter(|x| {
            b.checked_shr(u32::from(code(*x).wrapping_sub(1)))
                .unwrap_or(0)
                & 1
                != 0
        })
        .collect()
}

struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    /// A LEB128 unsigned number.
    fn len(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        let s = match s.char_indices().nth(MAX_FIELD) {
            Some((i, _)) => s.get(..i).unwrap_or(s),
            None => s,
        };
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn tri(&mut self, b: Option<bool>) {
        self.byte(match b {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.i)?;
        self.i += 1;
        Some(b)
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn tri(&mut self) -> Option<Option<bool>> {
        match self.byte()? {
            0 => Some(None),
            1 => Some(Some(false)),
            2 => Some(Some(true)),
            _ => None,
        }
    }

    /// A LEB128 number no larger than `max`.
    fn len(&mut self, max: usize) -> Option<usize> {
        let mut n: usize = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return (n <= max).then_some(n);
            }
        }
        None
    }

    fn str(&mut self) -> Option<String> {
        let n = self.len(MAX_FIELD * 4)?;
        let bytes = self.b.get(self.i..self.i.checked_add(n)?)?;
        self.i += n;
        String::from_utf8(bytes.to_vec()).ok()
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize]));
        }
    }
    out
}

/// Reads URL-safe base64 (padding and standard `+/` also accepted); `None` on any other
/// character or an impossible length.
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    (bits < 6).then_some(out)
}
