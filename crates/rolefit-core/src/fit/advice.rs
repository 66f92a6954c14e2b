//! Advice as typed facts, and their English wording. Fit decides *what* to
//! say (an [`Advice`] with its data); [`Advice::english`] says it, so another
//! language can render the same facts.

use serde::Serialize;

use crate::requirements::{DegreeLevel, Level};
use crate::role::Role;

/// One thing worth telling the user about a posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Advice {
    /// A gate capped the score; `reason` is the gate's own sentence.
    Blocked {
        reason: String,
        /// The same as facts, for a renderer in another language.
        #[serde(skip)]
        why: super::GateWhy,
    },
    /// The posting's role is one the user said they do not want.
    AvoidedRole {
        role: Role,
    },
    /// Not the role the user wants.
    OtherRole {
        role: Role,
        wanted: Vec<Role>,
    },
    /// Not the role the user's strengths point to.
    OtherDirection {
        role: Role,
        strengths: Vec<Role>,
    },
    /// Not an AI role at all, and it does not match the user's skills either.
    NotAiRole,
    /// The user's strongest technical match here.
    LeadWith {
        skill: String,
    },
    /// The posting asks a higher seniority than the user's.
    Stretch {
        asked: u32,
        have: u32,
    },
    /// An entry-level posting for an experienced user.
    StepDown {
        level: Level,
    },
    NoDegreeRequired,
    DegreeOnlyPreferred {
        level: DegreeLevel,
    },
    Publications {
        required: bool,
    },
    /// A learnable technical skill the posting requires and the user lacks.
    CloseGap {
        skill: String,
    },
}

fn join_roles(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(" or ")
}

impl Advice {
    /// The advice in plain English.
    pub fn english(&self) -> String {
        match self {
            Advice::Blocked { reason, .. } => format!("Hard limit: {reason}."),
            Advice::AvoidedRole { role } => {
                format!("This is a {role} role, which you said you do not want.")
            }
            Advice::OtherRole { role, wanted } => {
                format!(
                    "This is a {role} role; you said you want {}.",
                    join_roles(wanted)
                )
            }
            Advice::OtherDirection { role, strengths } => format!(
                "This is a {role} role; your strengths point to {}.",
                join_roles(strengths)
            ),
            Advice::NotAiRole => {
                "This is not an AI role: weigh it only if the work itself appeals to you."
                    .to_string()
            }
            Advice::LeadWith { skill } => {
                format!(
                    "Your strongest match here is {skill}: lead with it, with a result you achieved."
                )
            }
            Advice::Stretch { asked, have } => format!(
                "It asks for {asked}+ years and you have about {have}: a stretch, so show results that match that level."
            ),
            Advice::StepDown { level } => format!(
                "It is a {} role, a step down from your experience.",
                level.name()
            ),
            Advice::NoDegreeRequired => {
                "No degree is required: the market tests real skill.".to_string()
            }
            Advice::DegreeOnlyPreferred { level } => {
                let l = match level {
                    DegreeLevel::Doctorate => "PhD",
                    DegreeLevel::Master => "master's degree",
                    DegreeLevel::Bachelor => "degree",
                };
                format!(
                    "The {l} is only preferred (or equivalent experience counts): don't let it put you off."
                )
            }
            Advice::Publications { required } => {
                let how = if *required { "requires" } else { "values" };
                format!(
                    "The posting {how} publications and your profile lists none: show other evidence of results."
                )
            }
            Advice::CloseGap { skill } => {
                format!("The biggest gap is {skill}; a small project that uses it would close it.")
            }
        }
    }
}
