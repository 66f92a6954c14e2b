//! The user's stated strengths: a profile file (`--profile FILE.toml`) or an
//! inline list (`--strengths "PyTorch, React"`).

use serde::Deserialize;
use toml::Spanned;

use crate::requirements::Level;
use crate::role::Role;

/// The highest degree a person holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DegreeHeld {
    None,
    Bachelor,
    Master,
    Phd,
}

impl DegreeHeld {
    pub fn name(self) -> &'static str {
        match self {
            DegreeHeld::None => "none",
            DegreeHeld::Bachelor => "bachelor",
            DegreeHeld::Master => "master",
            DegreeHeld::Phd => "phd",
        }
    }
}

impl std::str::FromStr for DegreeHeld {
    type Err = String;
    fn from_str(s: &str) -> Result<DegreeHeld, String> {
        [
            DegreeHeld::None,
            DegreeHeld::Bachelor,
            DegreeHeld::Master,
            DegreeHeld::Phd,
        ]
        .into_iter()
        .find(|d| d.name() == s.trim().to_lowercase())
        .ok_or_else(|| format!("unknown degree '{s}' (expected none, bachelor, master or phd)"))
    }
}

/// A profile as the user wrote it. The optional facts (years, degree,
/// locations, languages, level, avoid) are read from the summary and
/// strengths when absent: see [`crate::fit::Person`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub strengths: Vec<String>,
    pub preferred_roles: Vec<Role>,
    pub years: Option<u32>,
    pub degree: Option<DegreeHeld>,
    /// Places, `remote`, or `remote-XX` (remote within region XX).
    pub locations: Vec<String>,
    pub languages: Vec<String>,
    pub level: Option<Level>,
    /// Roles or domains the person does not want.
    pub avoid: Vec<String>,
}

/// A profile that cannot be used; the message names the file and line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProfileError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}:{line}: {message}")]
    At {
        file: String,
        line: usize,
        message: String,
    },
    #[error("--strengths: {0}")]
    Inline(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileDef {
    name: Option<String>,
    summary: Option<String>,
    strengths: Spanned<Vec<String>>,
    #[serde(default)]
    preferred_roles: Vec<Spanned<String>>,
    years: Option<Spanned<i64>>,
    degree: Option<Spanned<String>>,
    #[serde(default)]
    locations: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    level: Option<Spanned<String>>,
    #[serde(default)]
    avoid: Vec<String>,
}

/// The template `rolefit profile init` writes.
pub const TEMPLATE: &str = r#"# A rolefit profile: what you are good at, in your own words.
# Use it with: rolefit analyze POSTING --profile this-file.toml
#              rolefit batch postings.csv --profile this-file.toml

# Your name (optional; shown in reports).
name = "Your Name"

# One or two sentences about you (optional).
summary = "Backend engineer moving into AI infrastructure."

# Your strengths: skills, tools and evidence of what you achieved. Phrases are
# fine: every skill rolefit knows is found inside them ("Kafka and Airflow
# data pipelines" counts as Kafka, Airflow and data pipelines), and anything it
# does not know is still matched word for word.
strengths = [
  "Python and Go backend services",
  "Kubernetes and Docker",
  "PostgreSQL performance tuning",
  "on-call for a service with 5 million daily users",
]

# The roles you want (optional): any of modeling, backend, frontend, research.
preferred_roles = ["backend"]

# Every field below is optional. When one is missing, rolefit reads it from
# your summary and strengths ("6 years", "6년차", "PhD", "박사 수료", "based in
# Seoul", "서울"); `rolefit profile show` prints what it read and from where.

# Years of professional experience: seniority gaps and "N+ years" asks are
# measured against it.
years = 6

# Your highest degree: none, bachelor, master or phd. A posting that requires
# a degree you do not hold is capped.
degree = "bachelor"

# Where you can work: places ("Seoul", "Berlin", "US"), "remote" (remote work
# in your own country) or "remote-KR"-style (remote within a region). Jobs
# elsewhere, or limited to residents of another region, are capped.
locations = ["Seoul", "remote"]

# Languages you work in. A posting written in, or asking fluency in, another
# language is capped.
languages = ["Korean", "English"]

# Your level: entry, junior, mid, senior or lead (read from years if missing).
level = "senior"

# Roles or domains you do not want ("modeling", "frontend", "crypto"): a
# posting of an avoided role or naming an avoided domain ranks lower.
avoid = ["modeling"]
"#;

/// A role as a profile names it: its English name (`modeling`) or the name
/// the Korean interface gives it (`모델링`, `백엔드`, `프론트엔드`, `리서치`;
/// also `프런트엔드` and `연구`).
pub fn role_named(s: &str) -> Result<Role, String> {
    let korean = match s.trim() {
        "모델링" => Some(Role::Modeling),
        "백엔드" => Some(Role::Backend),
        "프론트엔드" | "프런트엔드" => Some(Role::Frontend),
        "리서치" | "연구" => Some(Role::Research),
        _ => None,
    };
    match korean {
        Some(role) => Ok(role),
        None => s.parse(),
    }
}

impl Profile {
    /// Parses profile TOML; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Profile, ProfileError> {
        let line_of = |at: usize| {
            text.as_bytes()[..at.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1
        };
        let at = |at: usize, message: String| ProfileError::At {
            file: file.to_string(),
            line: line_of(at),
            message,
        };
        let def: ProfileDef = toml::from_str(text).map_err(|e| match e.span() {
            Some(span) => at(span.start, e.message().to_string()),
            None => ProfileError::File {
                file: file.to_string(),
                message: e.message().to_string(),
            },
        })?;
        let strengths: Vec<String> = def
            .strengths
            .get_ref()
            .iter()
            .map(|s| crate::text::clean_inline(s))
            .filter(|s| !s.is_empty())
            .collect();
        if strengths.is_empty() {
            return Err(at(
                def.strengths.span().start,
                "strengths is empty: list at least one strength".into(),
            ));
        }
        let mut preferred_roles = Vec::new();
        for r in &def.preferred_roles {
            let role = role_named(r.get_ref()).map_err(|e| at(r.span().start, e))?;
            if !preferred_roles.contains(&role) {
                preferred_roles.push(role);
            }
        }
        let years = match def.years {
            Some(y) => Some(
                u32::try_from(*y.get_ref())
                    .ok()
                    .filter(|&v| v <= 60)
                    .ok_or_else(|| {
                        at(y.span().start, "years must be a number from 0 to 60".into())
                    })?,
            ),
            None => None,
        };
        let degree = match &def.degree {
            Some(d) => Some(
                d.get_ref()
                    .parse()
                    .map_err(|e: String| at(d.span().start, e))?,
            ),
            None => None,
        };
        let level = match &def.level {
            Some(l) => Some(
                l.get_ref()
                    .parse()
                    .map_err(|e: String| at(l.span().start, e))?,
            ),
            None => None,
        };
        let clean = |v: Vec<String>| -> Vec<String> {
            v.iter()
                .map(|s| crate::text::clean_inline(s))
                .filter(|s| !s.is_empty())
                .collect()
        };
        Ok(Profile {
            name: def.name,
            summary: def.summary,
            strengths,
            preferred_roles,
            years,
            degree,
            locations: clean(def.locations),
            languages: clean(def.languages),
            level,
            avoid: clean(def.avoid),
        })
    }

    /// A profile from `--strengths "PyTorch, React, SQL"` (commas or semicolons).
    pub fn inline(list: &str) -> Result<Profile, ProfileError> {
        let strengths: Vec<String> = list
            .split([',', ';', '\n'])
            .map(crate::text::clean_inline)
            .filter(|s| !s.is_empty())
            .collect();
        if strengths.is_empty() {
            return Err(ProfileError::Inline("no strengths given".into()));
        }
        Ok(Profile {
            strengths,
            ..Profile::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_profile() {
        let p = Profile::parse(
            "name = \"A\"\nstrengths = [\"PyTorch\", \" React \"]\npreferred_roles = [\"research\"]\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(p.strengths, vec!["PyTorch", "React"]);
        assert_eq!(p.preferred_roles, vec![Role::Research]);
    }

    #[test]
    fn unknown_role_names_the_line() {
        let err = Profile::parse(
            "strengths = [\"x\"]\npreferred_roles = [\"devops\"]\n",
            "p.toml",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.toml:2: unknown role 'devops' (expected modeling, backend, frontend or research)"
        );
    }

    #[test]
    fn preferred_roles_take_the_korean_role_names() {
        let p = Profile::parse(
            "strengths = [\"x\"]\npreferred_roles = [\"모델링\", \" 백엔드 \", \"프런트엔드\", \"연구\", \"리서치\"]\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(
            p.preferred_roles,
            vec![
                Role::Modeling,
                Role::Backend,
                Role::Frontend,
                Role::Research
            ]
        );
    }

    #[test]
    fn empty_strengths_is_an_error() {
        let err = Profile::parse("name = \"x\"\nstrengths = []\n", "p.toml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.toml:2: strengths is empty: list at least one strength"
        );
    }

    #[test]
    fn toml_errors_name_the_line() {
        let err = Profile::parse("name = \"x\"\nstrengths = [\"a\"\n", "p.toml").unwrap_err();
        assert!(err.to_string().starts_with("p.toml:"), "{err}");
        let err = Profile::parse("strengths = [\"a\"]\ncolour = 1\n", "p.toml").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("p.toml:2: unknown field `colour`"),
            "{err}"
        );
    }

    #[test]
    fn inline_strengths() {
        let p = Profile::inline("PyTorch, React;  SQL ,").unwrap();
        assert_eq!(p.strengths, vec!["PyTorch", "React", "SQL"]);
        assert!(Profile::inline(" , ").is_err());
    }

    #[test]
    fn template_parses() {
        let p = Profile::parse(TEMPLATE, "template").unwrap();
        assert_eq!(p.years, Some(6));
        assert_eq!(p.degree, Some(DegreeHeld::Bachelor));
        assert_eq!(p.level, Some(Level::Senior));
        assert_eq!(p.locations, vec!["Seoul", "remote"]);
    }

    #[test]
    fn bad_optional_fields_name_the_line() {
        let err =
            Profile::parse("strengths = [\"x\"]\ndegree = \"diploma\"\n", "p.toml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.toml:2: unknown degree 'diploma' (expected none, bachelor, master or phd)"
        );
        let err = Profile::parse("strengths = [\"x\"]\nyears = -1\n", "p.toml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.toml:2: years must be a number from 0 to 60"
        );
        let err = Profile::parse("strengths = [\"x\"]\nlevel = \"guru\"\n", "p.toml").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("p.toml:2: unknown level 'guru'"),
            "{err}"
        );
    }
}
