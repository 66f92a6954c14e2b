//! `rolefit profile init [FILE]` and `rolefit profile show FILE`.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::load_patterns_from;
use crate::cli::ProfileCommand;
use crate::fit::{Person, Strengths};
use crate::output::open_output;
use crate::profile::TEMPLATE;
use crate::role::Role;

pub fn run(cmd: ProfileCommand) -> anyhow::Result<bool> {
    match cmd {
        ProfileCommand::Init { file, force } => {
            let path = file.unwrap_or_else(|| "profile.toml".into());
            if path == Path::new("-") {
                let (mut out, _, _) = open_output(None)?;
                out.write_all(TEMPLATE.as_bytes())?;
                out.flush()?;
                return Ok(true);
            }
            if path.exists() && !force {
                anyhow::bail!(
                    "{}: already exists (use --force to overwrite)",
                    path.display()
                );
            }
            let (mut f, pending) = crate::outfile::create(&path)?;
            f.write_all(TEMPLATE.as_bytes())
                .and_then(|()| f.flush())
                .with_context(|| format!("{}: cannot write", path.display()))?;
            drop(f);
            if force {
                pending.commit()?;
            } else {
                pending.commit_new()?;
            }
            eprintln!(
                "wrote {}: edit your strengths, then use --profile {}",
                path.display(),
                path.display()
            );
            Ok(true)
        }
        ProfileCommand::Show { file, patterns } => {
            let set = load_patterns_from(patterns.as_deref())?;
            let profile = crate::load::profile(&file)?;
            let strengths = Strengths::new(&profile, &set);
            let (mut out, _, _) = open_output(None)?;
            if let Some(name) = &profile.name {
                writeln!(out, "{}", crate::text::sanitize(name))?;
            }
            for s in &strengths.items {
                let found = if s.literal {
                    "(no known skill: matched word for word)".to_string()
                } else {
                    s.skills.join(", ")
                };
                let text = if s.summary {
                    "(summary)".to_string()
                } else {
                    crate::text::sanitize(&s.text)
                };
                writeln!(out, "  {text}  ->  {found}")?;
            }
            write_person(&mut out, &strengths.person)?;
            writeln!(out, "points to: {}", describe_roles(&strengths))?;
            if !strengths.preferred_roles.is_empty() {
                let names: Vec<&str> = strengths.preferred_roles.iter().map(|r| r.name()).collect();
                writeln!(out, "preferred: {}", names.join(", "))?;
            }
            out.flush()?;
            Ok(true)
        }
    }
}

/// What was read about the person, each fact with where it came from.
fn write_person(out: &mut dyn Write, p: &Person) -> std::io::Result<()> {
    use crate::text::sanitize;
    let line = |out: &mut dyn Write, what: &str, value: String, from: &str| {
        writeln!(out, "{what}: {value}  ({})", sanitize(from))
    };
    let unknown = |out: &mut dyn Write, what: &str| writeln!(out, "{what}: not stated");
    match &p.years {
        Some(f) => line(out, "years", f.value.to_string(), &f.from)?,
        None => unknown(out, "years")?,
    }
    match &p.degree {
        Some(f) => line(out, "degree", f.value.name().to_string(), &f.from)?,
        None => unknown(out, "degree")?,
    }
    match &p.level {
        Some(f) => line(out, "level", f.value.name().to_string(), &f.from)?,
        None => unknown(out, "level")?,
    }
    let list = |facts: Vec<(String, String)>| {
        facts
            .into_iter()
            .map(|(v, from)| format!("{} ({})", sanitize(&v), sanitize(&from)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let or_none = |s: String| {
        if s.is_empty() {
            "not stated".to_string()
        } else {
            s
        }
    };
    let pairs = |v: &[crate::fit::Fact<String>]| {
        v.iter()
            .map(|f| (f.value.clone(), f.from.clone()))
            .collect::<Vec<_>>()
    };
    writeln!(out, "located: {}", or_none(list(pairs(&p.regions))))?;
    writeln!(out, "remote in: {}", or_none(list(pairs(&p.remote))))?;
    if let Some(f) = &p.relocate {
        line(out, "relocate", "yes".into(), &f.from)?;
    }
    writeln!(out, "languages: {}", or_none(list(pairs(&p.languages))))?;
    let avoid: Vec<(String, String)> = p
        .avoid_roles
        .iter()
        .map(|f| (f.value.name().to_string(), f.from.clone()))
        .chain(
            p.avoid_words
                .iter()
                .map(|w| (w.clone(), "profile".to_string())),
        )
        .collect();
    writeln!(out, "avoids: {}", or_none(list(avoid)))?;
    Ok(())
}

/// "research 0.55, modeling 0.35" for the roles the strengths point to.
pub fn describe_roles(s: &Strengths) -> String {
    let mut roles: Vec<Role> = Role::ALL.to_vec();
    roles.sort_by(|a, b| s.role_shares[b.index()].total_cmp(&s.role_shares[a.index()]));
    let parts: Vec<String> = roles
        .iter()
        .filter(|r| s.role_shares[r.index()] > 0.0)
        .map(|r| format!("{} {:.2}", r.name(), s.role_shares[r.index()]))
        .collect();
    if parts.is_empty() {
        "no role (no known skills)".to_string()
    } else {
        parts.join(", ")
    }
}
