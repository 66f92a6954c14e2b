//! `rolefit profile init [FILE]` and `rolefit profile show FILE`.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::load_patterns_from;
use crate::cli::ProfileCommand;
use crate::fit::{Person, Strengths};
use crate::i18n::{Locale, Messages};
use crate::output::{open_output, write_error};
use crate::role::Role;
use crate::tr;

/// The profile template in the user's language; the Korean one has Korean
/// example strengths (rolefit reads strengths in either language).
pub fn template(m: Messages) -> &'static str {
    match m.locale() {
        Locale::En => crate::profile::TEMPLATE,
        Locale::Ko => include_str!("../i18n/profile.ko.toml"),
    }
}

pub fn run(cmd: ProfileCommand, m: Messages) -> anyhow::Result<bool> {
    match cmd {
        ProfileCommand::Init { file, force } => {
            let path = file.unwrap_or_else(|| "profile.toml".into());
            if path == Path::new("-") {
                let (mut out, _, _) = open_output(None)?;
                out.write_all(template(m).as_bytes())
                    .and_then(|()| out.flush())
                    .map_err(write_error(None))?;
                return Ok(true);
            }
            let shown = path.display().to_string();
            if path.is_dir() {
                anyhow::bail!("{shown}: {}", tr!(m, "err-is-folder-not-file"));
            }
            if path.exists() && !force {
                anyhow::bail!("{}", tr!(m, "profile-exists", path = shown.as_str()));
            }
            let (mut f, pending) = crate::outfile::create(&path)?;
            f.write_all(template(m).as_bytes())
                .and_then(|()| f.flush())
                .with_context(|| tr!(m, "cannot-write", path = shown.as_str()))?;
            drop(f);
            if force {
                pending.commit()?;
            } else {
                pending.commit_new()?;
            }
            crate::say!("{}", tr!(m, "profile-wrote", path = shown.as_str()));
            Ok(true)
        }
        ProfileCommand::Show { file, patterns } => {
            let set = load_patterns_from(patterns.as_deref())?;
            let profile = crate::load::profile(&file)?;
            let strengths = Strengths::new(&profile, &set);
            let (mut out, _, _) = open_output(None)?;
            show(&mut out, &profile, &strengths, &set.requirements, m)
                .map_err(write_error(None))?;
            Ok(true)
        }
    }
}

/// What `profile show` prints: each strength and the skills found in it,
/// the person, and the roles the strengths point to.
fn show(
    out: &mut dyn Write,
    profile: &crate::profile::Profile,
    strengths: &Strengths,
    rules: &crate::rules::phrases::ReqRules,
    m: Messages,
) -> std::io::Result<()> {
    if let Some(name) = &profile.name {
        writeln!(out, "{}", crate::text::sanitize(name))?;
    }
    for s in &strengths.items {
        let found = if s.literal {
            tr!(m, "profile-literal")
        } else {
            s.skills.join(", ")
        };
        let text = if s.summary {
            format!("({})", tr!(m, "profile-summary"))
        } else {
            crate::text::sanitize(&s.text)
        };
        writeln!(out, "  {text}  ->  {found}")?;
    }
    write_person(out, profile, &strengths.person, rules, m)?;
    let roles = describe_roles(strengths, m);
    writeln!(out, "{}", tr!(m, "profile-points-to", roles = roles))?;
    if !strengths.preferred_roles.is_empty() {
        let names: Vec<String> = strengths
            .preferred_roles
            .iter()
            .map(|r| m.role(*r))
            .collect();
        let names = names.join(", ");
        writeln!(out, "{}", tr!(m, "profile-preferred", roles = names))?;
    }
    out.flush()
}

/// What rolefit read about the person, each fact with where it came from.
fn write_person(
    out: &mut dyn Write,
    profile: &crate::profile::Profile,
    p: &Person,
    rules: &crate::rules::phrases::ReqRules,
    m: Messages,
) -> std::io::Result<()> {
    use crate::text::sanitize;
    let line = |out: &mut dyn Write, what: String, value: String, from: &str| {
        writeln!(out, "{what}: {value}  ({})", sanitize(&source(from, m)))
    };
    let not_stated = tr!(m, "profile-not-stated");
    let unknown = |out: &mut dyn Write, what: String| writeln!(out, "{what}: {not_stated}");
    match &p.years {
        Some(f) => line(out, tr!(m, "profile-years"), f.value.to_string(), &f.from)?,
        None => unknown(out, tr!(m, "profile-years"))?,
    }
    match &p.degree {
        Some(f) => line(
            out,
            tr!(m, "profile-degree"),
            degree_held(f.value, m),
            &f.from,
        )?,
        None => unknown(out, tr!(m, "profile-degree"))?,
    }
    match &p.level {
        Some(f) => line(out, tr!(m, "profile-level"), m.level(f.value), &f.from)?,
        None => unknown(out, tr!(m, "profile-level"))?,
    }
    let list = |facts: Vec<(String, String)>| {
        facts
            .into_iter()
            .map(|(v, from)| format!("{} ({})", sanitize(&v), sanitize(&source(&from, m))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let or_none = |s: String| {
        if s.is_empty() {
            tr!(m, "profile-not-stated")
        } else {
            s
        }
    };
    let pairs = |v: &[crate::fit::Fact<String>]| {
        v.iter()
            .map(|f| (f.value.clone(), f.from.clone()))
            .collect::<Vec<_>>()
    };
    // The places the profile's own `locations` names, as written, each with
    // its region ("Seoul (KR, profile)"); places read from the summary
    // already quote the words they were read from.
    let located = if profile.locations.is_empty() {
        or_none(list(pairs(&p.regions)))
    } else {
        let from = source("profile", m);
        let places: Vec<String> = profile
            .locations
            .iter()
            .filter(|l| {
                let l = l.to_lowercase();
                !(l == "remote" || l.starts_with("remote-") || l == "relocate" || l == "anywhere")
            })
            .filter_map(|l| {
                let i = rules
                    .region_index(l)
                    .or_else(|| rules.regions_in(l).first().copied())?;
                let region = &rules.regions[i].name;
                Some(if region.eq_ignore_ascii_case(l) {
                    format!("{} ({from})", sanitize(region))
                } else {
                    format!("{} ({}, {from})", sanitize(l), sanitize(region))
                })
            })
            .collect();
        or_none(places.join(", "))
    };
    writeln!(out, "{}: {located}", tr!(m, "profile-located"))?;
    let remote = or_none(list(pairs(&p.remote)));
    writeln!(out, "{}: {remote}", tr!(m, "profile-remote-in"))?;
    if let Some(f) = &p.relocate {
        line(
            out,
            tr!(m, "profile-relocate"),
            tr!(m, "profile-yes"),
            &f.from,
        )?;
    }
    let languages = or_none(list(
        p.languages
            .iter()
            .map(|f| (m.language_name(&f.value), f.from.clone()))
            .collect(),
    ));
    writeln!(out, "{}: {languages}", tr!(m, "profile-languages"))?;
    let avoid: Vec<(String, String)> = p
        .avoid_roles
        .iter()
        .map(|f| (m.role(f.value), f.from.clone()))
        .chain(
            p.avoid_words
                .iter()
                .map(|w| (w.clone(), "profile".to_string())),
        )
        .collect();
    writeln!(
        out,
        "{}: {}",
        tr!(m, "profile-avoids"),
        or_none(list(avoid))
    )?;
    Ok(())
}

/// The degree a profile holds, for people: `bachelor` / `학사`.
fn degree_held(d: crate::profile::DegreeHeld, m: Messages) -> String {
    use crate::profile::DegreeHeld;
    match d {
        DegreeHeld::None => tr!(m, "why-held-none"),
        DegreeHeld::Bachelor => tr!(m, "why-held-bachelor"),
        DegreeHeld::Master => tr!(m, "why-held-master"),
        DegreeHeld::Phd => tr!(m, "why-held-phd"),
    }
}

/// Where a fact was read from, for people: `profile` (its own field),
/// `summary: "six years"`, `strength 2: "PhD"` / `프로필`, `자기소개: "6년차"`,
/// `강점 2: "박사"`. The quoted words stay as written.
fn source(from: &str, m: Messages) -> String {
    if from == "profile" {
        return tr!(m, "profile-from-field");
    }
    // Person::read's one other source without quoted words: "the profile is
    // written in it" (a language the profile's own text is written in).
    if !from.contains(": ") && from.ends_with(" in it") {
        return tr!(m, "profile-from-written");
    }
    let Some((what, words)) = from.split_once(": ") else {
        return from.to_string();
    };
    let what = match what {
        "summary" => tr!(m, "profile-summary"),
        _ => match what.strip_prefix("strength ") {
            Some(n) => tr!(m, "profile-from-strength", n = n.to_string()),
            None => what.to_string(),
        },
    };
    format!("{what}: {words}")
}

/// "research 0.55, modeling 0.35" for the roles the strengths point to.
pub fn describe_roles(s: &Strengths, m: Messages) -> String {
    let mut roles: Vec<Role> = Role::ALL.to_vec();
    roles.sort_by(|a, b| s.role_shares[b.index()].total_cmp(&s.role_shares[a.index()]));
    let parts: Vec<String> = roles
        .iter()
        .filter(|r| s.role_shares[r.index()] > 0.0)
        .map(|r| format!("{} {:.2}", m.role(*r), s.role_shares[r.index()]))
        .collect();
    if parts.is_empty() {
        tr!(m, "profile-no-role")
    } else {
        parts.join(", ")
    }
}
