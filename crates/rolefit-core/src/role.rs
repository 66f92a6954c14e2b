//! The four AI roles of the taxonomy (`../shared/docs/taxonomy.md`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An AI role. "None" is not a role: a posting with no AI work has `Option::None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Modeling,
    Backend,
    Frontend,
    Research,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Modeling,
        Role::Backend,
        Role::Frontend,
        Role::Research,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Modeling => "modeling",
            Role::Backend => "backend",
            Role::Frontend => "frontend",
            Role::Research => "research",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown role '{s}' (expected modeling, backend, frontend or research)")
            })
    }
}

/// What a posting was classified as: one of the four AI roles, or no AI role
/// ("none"). Written as the role's name, or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub Option<Role>);

impl Label {
    pub fn name(self) -> &'static str {
        self.0.map_or("none", Role::name)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl FromStr for Label {
    type Err = String;

    fn from_str(s: &str) -> Result<Label, String> {
        if s.trim().eq_ignore_ascii_case("none") {
            return Ok(Label(None));
        }
        s.parse::<Role>().map(|r| Label(Some(r))).map_err(|_| {
            format!("unknown label '{s}' (expected modeling, backend, frontend, research or none)")
        })
    }
}
