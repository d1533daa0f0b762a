//! The words readiness and the team share: QI experience, roles and the hours editions.
//! Both depend on this module; it depends on nothing but the book.

use crate::book::Page;
use crate::wire::wire_enum;

wire_enum! {
    /// Quality improvement experience of a person, or of the coach.
    #[derive(Default)]
    pub enum Qi {
        /// Has quality improvement experience.
        Experienced = "experienced" / 1,
        /// Has an interest in learning quality improvement.
        Learning = "learning" / 2,
        /// Neither.
        #[default]
        None = "none" / 3,
    }
}

impl Qi {
    /// Meets C2: experience, or an interest in learning.
    pub const fn meets_c2(self) -> bool {
        !matches!(self, Qi::None)
    }

    /// Meets S3: experience.
    pub const fn meets_s3(self) -> bool {
        matches!(self, Qi::Experienced)
    }

    /// How the answer reads in a form.
    pub const fn title(self) -> &'static str {
        match self {
            Qi::Experienced => "Has quality improvement experience",
            Qi::Learning => "Interested in learning quality improvement",
            Qi::None => "Neither",
        }
    }
}

wire_enum! {
    /// A role on a project team.
    pub enum Role {
        /// Project sponsor (T1).
        Sponsor = "sponsor" / 1,
        /// Physician leader (T2).
        PhysicianLeader = "physician_leader" / 2,
        /// Team leader (T3).
        TeamLeader = "team_leader" / 3,
        /// Quality improvement coach (T4).
        QiCoach = "qi_coach" / 4,
        /// Front-line team member (T5).
        TeamMember = "team_member" / 5,
        /// Data analyst (T6).
        DataAnalyst = "data_analyst" / 6,
    }
}

impl Role {
    /// The role's name for people.
    pub const fn title(self) -> &'static str {
        match self {
            Role::Sponsor => "Project sponsor",
            Role::PhysicianLeader => "Physician leader",
            Role::TeamLeader => "Team leader",
            Role::QiCoach => "QI coach",
            Role::TeamMember => "Team member",
            Role::DataAnalyst => "Data analyst",
        }
    }

    /// The role's name inside a sentence, e.g. "QI coach".
    pub const fn noun(self) -> &'static str {
        match self {
            Role::Sponsor => "project sponsor",
            Role::PhysicianLeader => "physician leader",
            Role::TeamLeader => "team leader",
            Role::QiCoach => "QI coach",
            Role::TeamMember => "team member",
            Role::DataAnalyst => "data analyst",
        }
    }
}

wire_enum! {
    /// An edition of the weekly-hours table: the two pages disagree.
    #[derive(Default)]
    pub enum Edition {
        /// The ImPower program page (the default).
        #[default]
        Impower = "impower" / 1,
        /// The Learning Network page.
        LearningNetwork = "learning-network" / 2,
    }
}

impl Edition {
    /// The page this edition follows.
    pub const fn page(self) -> Page {
        match self {
            Edition::Impower => Page::ImpowerProgram,
            Edition::LearningNetwork => Page::LearningNetwork,
        }
    }
}

/// What a physician holds (T2, CR8), for forms and messages.
pub const PHYSICIAN_DEGREE: &str = "MD, DO or equivalent";

/// One value for each role, a field per variant, read by an exhaustive `match`: adding a
/// role fails to compile here and at every table until the table gives it a value (never
/// a position in declaration order, which a new role would shift).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerRole<T> {
    /// [`Role::Sponsor`].
    pub sponsor: T,
    /// [`Role::PhysicianLeader`].
    pub physician_leader: T,
    /// [`Role::TeamLeader`].
    pub team_leader: T,
    /// [`Role::QiCoach`].
    pub qi_coach: T,
    /// [`Role::TeamMember`].
    pub team_member: T,
    /// [`Role::DataAnalyst`].
    pub data_analyst: T,
}

impl<T> PerRole<T> {
    /// The value for `role`.
    pub const fn get(&self, role: Role) -> &T {
        match role {
            Role::Sponsor => &self.sponsor,
            Role::PhysicianLeader => &self.physician_leader,
            Role::TeamLeader => &self.team_leader,
            Role::QiCoach => &self.qi_coach,
            Role::TeamMember => &self.team_member,
            Role::DataAnalyst => &self.data_analyst,
        }
    }

    /// Every role with its value, in [`Role::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Role, &T)> {
        Role::ALL.iter().map(move |&r| (r, self.get(r)))
    }
}
