//! The rule book as data: every rule ID with the page and the words it rests on.
//!
//! Each row cites a source page and quotes it word for word (a test checks every quote
//! against the stored pages in `tests/seeds/`). Rows whose reading is ours, not the
//! pages', carry an [`RuleDef::interpretation`] so every surface can say so.

use core::fmt;

use serde::{Serialize, Serializer};

use crate::wire::wire_enum;

wire_enum! {
    /// One of the two source pages, by its code in the rule book.
    pub enum Page {
        /// The ACR Learning Network page (`LN`).
        LearningNetwork = "LN",
        /// The ACR ImPower program page (`IP`).
        ImpowerProgram = "IP",
    }
}

impl Page {
    /// The short code used in the rule book: `LN` or `IP`.
    pub const fn code(self) -> &'static str {
        self.key()
    }

    /// The page's title, for people.
    pub const fn title(self) -> &'static str {
        match self {
            Page::LearningNetwork => "ACR Learning Network page",
            Page::ImpowerProgram => "ACR ImPower program page",
        }
    }
}

/// Where a rule comes from: a page and the exact words quoted from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The page quoted.
    pub page: Page,
    /// The words, verbatim from the page.
    pub words: &'static str,
}

const fn ln(words: &'static str) -> Source {
    Source {
        page: Page::LearningNetwork,
        words,
    }
}

const fn ip(words: &'static str) -> Source {
    Source {
        page: Page::ImpowerProgram,
        words,
    }
}

/// T2: who counts as a physician (cited when a physician leader is not one).
pub const T2_DEGREE: Source = ln("The AMA defines physicians as those individuals who have obtained an MD, DO or equivalent medical degree");
/// CR2: claiming follows graduation (cited when graduation is still ahead).
pub const CR2_AFTER_GRADUATION: Source =
    ln("After graduation presentations and upon receipt of all completed project documentation");
/// CR8: what participants who are not physicians receive.
pub const CR8_CERTIFICATE: Source =
    ln("All other participants in this PI-CME activity may receive a Certificate of Participation");

macro_rules! rule_ids {
    ($($id:ident),+ $(,)?) => {
        /// A stable rule identifier from `RULES.md`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum RuleId { $($id),+ }

        impl RuleId {
            /// Every rule ID, in rule-book order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$id),+];

            /// The ID as written in the rule book, e.g. `"T5"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(RuleId::$id => stringify!($id)),+ }
            }
        }
    };
}

rule_ids!(
    C1, C2, C3, S1, S2, S3, S4, S5, S6, S7, T1, T2, T3, T4, T5, T6, T7, T8, F1, F2, F3, F4, P1, P2,
    P3, P4, P5, P6, CR1, CR2, CR3, CR4, CR5, CR6, CR7, CR8, CR9, K1, A1, A2, A3,
);

impl RuleId {
    /// Looks up an ID written as in the rule book (`"S3"`).
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|id| id.as_str() == s)
    }

    /// This rule's row of [`RULES`], assembled from the tables each column is kept in
    /// (so a build carries only the columns it reads).
    pub fn def(self) -> RuleDef {
        RuleDef {
            id: self,
            // Every table has a row per ID (built at compile time from `RuleId::ALL`).
            summary: SUMMARIES.get(self as usize).copied().unwrap_or(""),
            sources: self.sources(),
            interpretation: self.interpretation(),
        }
    }

    /// The source words the rule rests on (never empty): [`RuleDef::sources`], from a
    /// table of their own, so that a build that cites sources but never shows a rule's
    /// summary (the JS API) does not carry the summaries.
    pub fn sources(self) -> &'static [Source] {
        SOURCES.get(self as usize).copied().unwrap_or(&[])
    }

    /// Our reading, when the rule rests on one: [`RuleDef::interpretation`], from a table
    /// of its own (see [`RuleId::sources`]).
    pub fn interpretation(self) -> Option<&'static str> {
        INTERPRETATIONS.get(self as usize).copied().flatten()
    }

    /// The rule's first (main) source. Every rule has one (a test checks); were a row
    /// ever to lose its sources, the rule book's own pages stand in.
    pub fn source(self) -> Source {
        self.sources().first().copied().unwrap_or(Source {
            page: Page::ImpowerProgram,
            words: "",
        })
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One row of the rule book.
#[derive(Debug, Serialize)]
pub struct RuleDef {
    /// The rule's ID.
    pub id: RuleId,
    /// What the rule says, in our words.
    pub summary: &'static str,
    /// The source words it rests on; never empty.
    pub sources: &'static [Source],
    /// Our reading where the pages are silent, ambiguous or disagree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'static str>,
}

const fn row(
    id: RuleId,
    summary: &'static str,
    sources: &'static [Source],
    interpretation: Option<&'static str>,
) -> RuleDef {
    RuleDef {
        id,
        summary,
        sources,
        interpretation,
    }
}

use RuleId::*;

/// Every rule of the book, in [`RuleId::ALL`] order. A `const`: the builds keep the
/// columns [`RuleId::def`] reads, each in a table of its own, and only those they use.
pub const RULES: &[RuleDef] = ROWS;

/// How many rules the book has.
const COUNT: usize = RuleId::ALL.len();

/// The column `field` of [`ROWS`] as a table in [`RuleId::ALL`] order, built at compile
/// time (it fails to compile unless there is a row per ID); `empty` fills it first.
macro_rules! column {
    ($field:ident: $ty:ty = $empty:expr) => {{
        let mut out: [$ty; COUNT] = [$empty; COUNT];
        let mut i = 0;
        while i < COUNT {
            // Evaluated at compile time: an index out of bounds fails the build.
            #[allow(clippy::indexing_slicing)]
            {
                out[i] = ROWS[i].$field;
            }
            i += 1;
        }
        out
    }};
}

/// [`RuleDef::sources`] of every rule, in [`RuleId::ALL`] order.
static SOURCES: [&[Source]; COUNT] = column!(sources: &[Source] = &[]);

/// [`RuleDef::summary`] of every rule, in [`RuleId::ALL`] order.
static SUMMARIES: [&str; COUNT] = column!(summary: &str = "");

/// [`RuleDef::interpretation`] of every rule, in [`RuleId::ALL`] order.
static INTERPRETATIONS: [Option<&str>; COUNT] = column!(interpretation: Option<&str> = None);

/// The rule book's rows, as written: the tables above are made from them. The IDs are
/// in [`RuleId::ALL`] order (a test proves it); a missing row fails the build.
const ROWS: &[RuleDef] = &[
    row(C1, "An organizational sponsor and a clinical leader are named.",
        &[ln("An organizational sponsor and a clinical leader to provide resources, support change management efforts, and protect staff time to complete project work."),
          ip("An organizational sponsor and a clinical leader to provide resources, support change management efforts and protect staff time to complete project work.")],
        Some("The clinical leader is the project's physician leader.")),
    row(C2, "Someone with QI experience, or an interest in learning QI, serves as QI coach.",
        &[ln("An individual with quality improvement experience, or interest in learning quality improvement, to serve as the quality improvement coach")],
        Some("The role description calls the coach \"a quality improvement professional\"; we accept interest, as the commitment says, and S3 asks for experience.")),
    row(C3, "The organization can perform manual audits and report data throughout ImPower.",
        &[ln("The capability to perform manual audits and report data throughout ImPower.")], None),
    row(S1, "Department leaders support change and are willing to manage it.",
        &[ln("Department leaders who are supportive of and willing to manage change.")], None),
    row(S2, "Engaged front-line staff and leaders will do the project work.",
        &[ln("A team of engaged front-line staff and leaders to participate in the program and do project work.")], None),
    row(S3, "The improvement coach has QI experience.",
        &[ln("An improvement coach with quality improvement experience.")],
        Some("Answered by the coach question: a coach who is only learning QI meets C2 but not S3.")),
    row(S4, "An organizational sponsor provides time and resources.",
        &[ln("An organizational sponsor to provide time and resources for the project.")], None),
    row(S5, "Data can be tracked and reported weekly, with manual audits or report reviews.",
        &[ln("The capability to track and report data about improvement progress on a weekly basis and to perform manual image audits or report reviews as needed.")], None),
    row(S6, "The organization can commit to six months of training and the personnel described.",
        &[ln("Ability to commit to a six-month training program and to the personnel resources as described")], None),
    row(S7, "The organization wants to join a collaborating community.",
        &[ln("A desire to join a community committed to improving and collaborating")], None),
    row(T1, "Each project has one project sponsor.",
        &[ip("A department leader with organizational authority who provides project resources, protects staff time and is highly committed to achieving the project goal; usually a director or manager.")],
        Some("The pages speak of one sponsor per project; more than one is a warning.")),
    row(T2, "Each project has one physician leader, who is a physician.",
        &[ip("A physician who leads clinical decision making within the organization and for the project"),
          T2_DEGREE],
        None),
    row(T3, "Each project has one team leader.",
        &[ip("An individual in a leadership position or with leadership potential who manages the project team")], None),
    row(T4, "",
        &[ln("One coach can be assigned up to two project teams."),
          ip("The core project team consists of a project sponsor, physician leader, team leader, quality improvement coach and team members.")],
        None),
    row(T5, "",
        &[ip("Two to four team members are ideal to include for each project."),
          ln("Two to four members per team.")],
        None),
    row(T6, "A data analyst is needed when neither the team leader nor the QI coach can access departmental data.",
        &[ln("If the team leader or coaches do not have the capability to access data from department systems, a data analyst will be needed to support the projects."),
          ip("It is optional to include a data analyst, as needed, if the team leader or quality improvement coach cannot access data from across departmental systems.")],
        Some("Needed when neither the team leader nor the QI coach has access; then a missing analyst is an error, otherwise the role is optional.")),
    row(T7, "Each person's weekly hours cover the minimum hours of all their roles on all their projects.",
        &[ln("Approximate Time Requirement")],
        Some("Hours are per project in which the person holds the role; the column says approximate, so a shortfall is a warning.")),
    row(T8, "One person may hold several roles, but the QI coach and the team leader should be different people.",
        &[ip("Partners with the team leader.")],
        Some("The pages do not forbid several roles; hours add up under T7.")),
    row(F1, "",
        &[ip("Organizations can bring a single project through one of the ImPower improvement collaboratives for a fee of $6,000.")], None),
    row(F2, "",
        &[ip("Every third project will be discounted at a rate of $3,000.")],
        Some("Both readings, a price of $3,000 or $3,000 off, give $3,000.")),
    row(F3, "The count of projects includes the organization's earlier projects.",
        &[ip("Every third project will be discounted at a rate of $3,000.")],
        Some("The count runs over all the organization's projects, across collaboratives and cohorts, so earlier projects move the discount. Because this moves money, the total without earlier projects is given beside it: confirm with the Learning Network team.")),
    row(F4, "",
        &[ln("One coach can be assigned up to two project teams.")], None),
    row(P1, "",
        &[ip("ImPower cohorts are offered twice a year, beginning in March and September.")],
        Some("The cohort month is when the whole team starts, on the 1st.")),
    row(P2, "",
        &[ip("A two-month long phase during which the physician leader, team leader and quality improvement coach are supported in selecting their local team members, building and refining their problem scope, and starting to collect baseline data.")],
        Some("Preparation starts on the 1st, two months before the cohort month; the next cohort for a date is the first whose preparation starts on or after it. The pages set no entry deadline, so a cohort already preparing is shown beside it as a late entry: ask the Learning Network team.")),
    row(P3, "",
        &[ip("The program duration is six months for the entire team and eight months for individuals in the roles of physician leader, team leader and quality improvement coach.")],
        Some("Graduation is estimated as the last day of the sixth team month.")),
    row(P4, "",
        &[ip("Team members participate in 10 two-hour long learning sessions spread throughout the course of ImPower."),
          ln("two-hour training sessions held every third week")],
        Some("Session dates are estimates spread evenly from the team start to graduation; the program sets the real dates.")),
    row(P5, "QI coaches attend five training sessions; optional application meetings follow each learning session.",
        &[ip("All quality improvement coaches attend five training sessions"),
          ip("Optionally, quality improvement coaches can join quality improvement application meetings, which take place the day after each learning session.")],
        Some("The page lists the topics but not the dates; we group them into five sessions.")),
    row(P6, "Teams report progress at Walk the Wall between learning sessions.",
        &[ip("In between learning sessions, participants engage in regular project report out sessions called \"Walk the Wall\".")], None),
    row(CR1, "",
        &[ln("Stage A: Baseline data review (5 credits)"),
          ln("Stage B: Educational intervention (5 credits)"),
          ln("Stage C: Post-intervention data review (10 credits)"),
          ln("Each participant may receive up to a maximum of 20 credits per project.")],
        Some("A participant earns the stages they took part in.")),
    row(CR2, "Credit may be claimed after Stage C is complete and from graduation on.",
        &[ln("Credit may be claimed after completion of Stage C."),
          CR2_AFTER_GRADUATION],
        Some("Claiming opens on the graduation date.")),
    row(CR3, "All required project documentation is submitted.",
        &[ln("all required project documentation including Team Roster, Project Charter, A3, Sustain Plan, and Graduation Presentation")],
        Some("These five documents are checked; the page says \"including\", so the list may not be complete.")),
    row(CR4, "The participant is named on the Team Roster at the start of the project.",
        &[ln("The participant must be named on the Team Roster at the start of the project.")], None),
    row(CR5, "The participant opted in by completing a survey by Session 1.",
        &[ln("Participants must opt in to receive credit by completing a survey by ImPower Program Session 1")], None),
    row(CR6, "The participant contributed significantly and can describe their role in each stage.",
        &[ln("participants must contribute significantly to the project and be able to describe their role related to each stage")], None),
    row(CR7, "",
        &[ln("All evaluations and credit claims must be completed within three months of graduation.")],
        Some("Deadline = graduation + 3 calendar months, clamped to the last day of a shorter month; the deadline day is included.")),
    row(CR8, "Physicians earn AMA PRA Category 1 Credits; others a Certificate of Participation.",
        &[ln("Physicians are eligible to be awarded up to 20 AMA PRA Category 1 Credits™."),
          CR8_CERTIFICATE],
        None),
    row(CR9, "The listed accredited activity ran from 2024-07-23 to 2025-02-18.",
        &[ln("Activity Start Date: 7/23/2024"), ln("Activity End Date: 2/18/2025")], None),
    row(K1, "Each project goes through one of four collaboratives led by ACR staff.",
        &[ln("Each of our four Improvement Collaboratives is led by ACR® staff and focuses on a single improvement area.")], None),
    row(A1, "Before applying: discuss the commitments, review the application with leadership, know the fees; then apply online.",
        &[ln("Discuss these commitments listed below with key decision makers."),
          ln("Download the application in advance of submitting it online, so that you can review and collaborate as needed with organizational leadership on your responses."),
          ln("Once your application is submitted, a member of the Learning Network team will reach out to the applicant with next steps.")],
        None),
    row(A2, "ImPower's five steps, from Project Preparation to Implement High Reliability Solutions.",
        &[ln("The first step is labeled Project Preparation, second is Evaluate the Current State third is Determine Key Drivers, fourth is Brainstorm and Test Interventions, fifth and final is Implement High Reliability Solutions.")],
        None),
    row(A3, "An organization prepares to join the Learning Network by taking part in ImPower.",
        &[ln("To prepare to join the Learning Network, your organization starts by participating in ImPower.")], None),
];

wire_enum! {
    /// The four improvement collaboratives (K1).
    pub enum Collaborative {
        /// Lung Cancer Screening.
        LungCancerScreening = "lung_cancer_screening" / 1,
        /// Mammography Positioning.
        MammographyPositioning = "mammography_positioning" / 2,
        /// Prostate MR Image Quality (PI-QUAL).
        ProstateMrImageQuality = "prostate_mr_image_quality" / 3,
        /// Recommendations Follow-Up.
        RecommendationsFollowUp = "recommendations_follow_up" / 4,
    }
}

impl Collaborative {
    /// The page's name for it.
    pub const fn title(self) -> &'static str {
        match self {
            Collaborative::LungCancerScreening => "Lung Cancer Screening",
            Collaborative::MammographyPositioning => "Mammography Positioning",
            Collaborative::ProstateMrImageQuality => "Prostate MR Image Quality",
            Collaborative::RecommendationsFollowUp => "Recommendations Follow-Up",
        }
    }

    /// What it works on, in the page's words.
    pub const fn focus(self) -> &'static str {
        match self {
            Collaborative::LungCancerScreening => "Gain skills to improve early detection of lung cancer.",
            Collaborative::MammographyPositioning => "Participate in shared learning to identify ways to improve the positioning of screening mammograms.",
            Collaborative::ProstateMrImageQuality => "Create a standardized system for improving the percentage of MR prostate exams that meet Prostate Image Quality (PI-QUAL) criteria.",
            Collaborative::RecommendationsFollowUp => "Improve efficiency and the effectiveness of your follow-up tracking process to decrease risk of missed cancers.",
        }
    }
}

/// ImPower's five steps (A2), in order.
pub const FIVE_STEPS: [&str; 5] = [
    "Project Preparation",
    "Evaluate the Current State",
    "Determine Key Drivers",
    "Brainstorm and Test Interventions",
    "Implement High Reliability Solutions",
];

/// The edition of the rule book (RULES.md) this crate implements.
pub const RULE_BOOK_VERSION: &str = "2026-12";

/// SHA-256 over this crate's source, written by `build.rs`: every program fact, rule text,
/// message and piece of logic that can decide an answer. Two builds with the same digest
/// give the same answers.
pub const RULE_BOOK_DIGEST: &str = include!(concat!(env!("OUT_DIR"), "/digest.rs"));

/// `rule_book` on every answer: `{"version", "digest"}` of the rules that decided it
/// ([`RULE_BOOK_VERSION`], [`RULE_BOOK_DIGEST`]), the same for every answer of one build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleBook;

impl serde::Serialize for RuleBook {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut o = s.serialize_struct("RuleBook", 2)?;
        o.serialize_field("version", RULE_BOOK_VERSION)?;
        o.serialize_field("digest", RULE_BOOK_DIGEST)?;
        o.end()
    }
}
