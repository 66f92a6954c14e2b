//! The user's stated strengths: a profile file (`--profile FILE.toml`) or an
//! inline list (`--strengths "PyTorch, React"`).

use serde::Deserialize;
use toml::Spanned;

use crate::role::Role;

/// A profile as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub strengths: Vec<String>,
    pub preferred_roles: Vec<Role>,
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
"#;

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
            let role: Role = r
                .get_ref()
                .parse()
                .map_err(|e: String| at(r.span().start, e))?;
            if !preferred_roles.contains(&role) {
                preferred_roles.push(role);
            }
        }
        Ok(Profile {
            name: def.name,
            summary: def.summary,
            strengths,
            preferred_roles,
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
            name: None,
            summary: None,
            strengths,
            preferred_roles: Vec::new(),
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
        assert!(Profile::parse(TEMPLATE, "template").is_ok());
    }
}
