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

use crate::state::{ParticipantDraft, PersonDraft, State, MAX_FIELD, MAX_PARTICIPANTS};

/// The version written today. Every earlier version stays readable.
pub const VERSION: u32 = 1;

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

/// Writes the state (without the view and the undo memory).
pub fn encode(s: &State) -> String {
    let mut w = Writer(Vec::with_capacity(256));
    w.str(&s.organization);
    for answer in [s.sponsor, s.clinical_leader, s.can_audit, s.can_report_data] {
        w.tri(answer);
    }
    w.byte(s.coach.map_or(0, |q| 1 + index_of(Qi::ALL, q)));
    for f in s.factors {
        w.tri(f);
    }
    w.byte(u8::from(s.roster_answers));
    w.byte(index_of(Edition::ALL, s.edition));
    w.str(&s.projects);
    w.len(s.collaboratives.len());
    for c in &s.collaboratives {
        w.byte(c.map_or(0, |c| 1 + index_of(Collaborative::ALL, c)));
    }
    w.len(s.people.len());
    for p in &s.people {
        w.str(&p.name);
        w.str(&p.hours);
        w.byte(u8::from(p.physician) | u8::from(p.data_access) << 1);
        w.byte(index_of(Qi::ALL, p.qi));
        w.len(p.roles.len());
        for (role, project) in &p.roles {
            w.byte(index_of(Role::ALL, *role));
            w.len(*project as usize);
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
    w.byte(u8::from(s.stage_c_complete));
    w.byte(bits(&s.documents));
    w.len(s.participants.len());
    for p in &s.participants {
        w.str(&p.name);
        w.byte(
            u8::from(p.physician)
                | bits(&p.stages) << 1
                | u8::from(p.on_roster) << 4
                | u8::from(p.opted_in) << 5,
        );
    }
    format!("{VERSION}.{}", base64url(&w.0))
}

/// Reads a shared text onto a fresh state for `today`. `Err` when nothing could be
/// read; `Ok` with a problem when only part of it could.
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
    s.next_id = 1;
    let mut r = Reader { b: &bytes, i: 0 };
    let problem = read_v1(&mut r, &mut s).err().map(Problem::Partly);
    Ok((s, problem))
}

fn read_v1(r: &mut Reader<'_>, s: &mut State) -> Result<(), &'static str> {
    const READINESS: &str = "the readiness answers";
    s.organization = r.str().ok_or("the organization's name")?;
    let mut tri = [None; 4];
    for t in &mut tri {
        *t = r.tri().ok_or(READINESS)?;
    }
    [s.sponsor, s.clinical_leader, s.can_audit, s.can_report_data] = tri;
    s.coach = match r.byte().ok_or(READINESS)? {
        0 => None,
        n => Some(*Qi::ALL.get(usize::from(n) - 1).ok_or(READINESS)?),
    };
    for f in &mut s.factors {
        *f = r.tri().ok_or(READINESS)?;
    }
    s.roster_answers = r.flag().ok_or(READINESS)?;
    const TEAM: &str = "the team";
    s.edition = *Edition::ALL
        .get(usize::from(r.byte().ok_or(TEAM)?))
        .ok_or(TEAM)?;
    s.projects = r.str().ok_or(TEAM)?;
    let n = r.len(MAX_PROJECTS as usize).ok_or(TEAM)?;
    s.collaboratives = Vec::with_capacity(n);
    for _ in 0..n {
        s.collaboratives.push(match r.byte().ok_or(TEAM)? {
            0 => None,
            k => Some(*Collaborative::ALL.get(usize::from(k) - 1).ok_or(TEAM)?),
        });
    }
    const PEOPLE: &str = "the people of the team";
    let n = r.len(MAX_PEOPLE).ok_or(PEOPLE)?;
    for _ in 0..n {
        let id = s.next_id;
        let mut p = PersonDraft::blank(id);
        p.name = r.str().ok_or(PEOPLE)?;
        p.hours = r.str().ok_or(PEOPLE)?;
        let flags = r.byte().ok_or(PEOPLE)?;
        p.physician = flags & 1 != 0;
        p.data_access = flags & 2 != 0;
        p.qi = *Qi::ALL
            .get(usize::from(r.byte().ok_or(PEOPLE)?))
            .ok_or(PEOPLE)?;
        let roles = r.len(MAX_ROLES_PER_PERSON).ok_or(PEOPLE)?;
        for _ in 0..roles {
            let role = *Role::ALL
                .get(usize::from(r.byte().ok_or(PEOPLE)?))
                .ok_or(PEOPLE)?;
            let project = r.len(MAX_PROJECTS as usize).ok_or(PEOPLE)?;
            let project = u32::try_from(project).map_err(|_| PEOPLE)?;
            if project >= 1 && !p.roles.contains(&(role, project)) {
                let at = p.roles.partition_point(|x| *x < (role, project));
                p.roles.insert(at, (role, project));
            }
        }
        s.people.push(p);
        s.next_id += 1;
    }
    const FEES: &str = "the fees";
    s.price_other = match r.byte().ok_or(FEES)? {
        0 => None,
        1 => Some(r.str().ok_or(FEES)?),
        _ => return Err(FEES),
    };
    s.prior_projects = r.str().ok_or(FEES)?;
    s.plan_date = r.str().ok_or("the calendar")?;
    const CREDITS: &str = "the credits";
    s.graduation = r.str().ok_or(CREDITS)?;
    s.stage_c_complete = r.flag().ok_or(CREDITS)?;
    s.documents = unbits(r.byte().ok_or(CREDITS)?);
    let n = r.len(MAX_PARTICIPANTS).ok_or(CREDITS)?;
    for _ in 0..n {
        let mut p = ParticipantDraft::blank(s.next_id);
        p.name = r.str().ok_or(CREDITS)?;
        let flags = r.byte().ok_or(CREDITS)?;
        p.physician = flags & 1 != 0;
        p.stages = unbits(flags >> 1);
        p.on_roster = flags & 16 != 0;
        p.opted_in = flags & 32 != 0;
        s.participants.push(p);
        s.next_id += 1;
    }
    if r.i != r.b.len() {
        return Err("the end");
    }
    Ok(())
}

fn index_of<T: PartialEq + Copy>(all: &[T], x: T) -> u8 {
    all.iter()
        .position(|y| *y == x)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(0)
}

fn bits<const N: usize>(flags: &[bool; N]) -> u8 {
    flags
        .iter()
        .enumerate()
        .fold(0, |acc, (i, on)| acc | u8::from(*on) << i)
}

fn unbits<const N: usize>(b: u8) -> [bool; N] {
    std::array::from_fn(|i| b >> i & 1 != 0)
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
