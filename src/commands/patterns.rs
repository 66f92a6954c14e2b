//! `rolefit patterns check [DIR]` and `rolefit patterns list`.

use std::io::Write;

use super::{load_patterns_from, pattern_files};
use crate::cli::PatternsCommand;
use crate::output::open_output;
use crate::rules::{Matcher, PatternSet};

pub fn run(cmd: PatternsCommand) -> anyhow::Result<bool> {
    match cmd {
        PatternsCommand::Check { dir } => {
            let set = PatternSet::load_checked(pattern_files(dir.as_deref())?)?;
            if let Some(d) = &dir {
                let unknown = crate::load::unknown_files(d);
                if !unknown.is_empty() {
                    for problem in &unknown {
                        eprintln!("rolefit: {}", crate::text::sanitize(problem));
                    }
                    anyhow::bail!("{}: not ok: {} unknown file(s)", d.display(), unknown.len());
                }
            }
            let (mut out, _, _) = open_output(None)?;
            let counts = counts(&set);
            let place = dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| "built-in patterns".into());
            writeln!(out, "{place}: ok ({counts})")?;
            out.flush()?;
            Ok(true)
        }
        PatternsCommand::List { patterns } => {
            let set = load_patterns_from(patterns.as_deref())?;
            let (mut out, _, _) = open_output(None)?;
            for r in &set.roles {
                list(&mut out, r.role.name(), &r.matcher)?;
            }
            list(&mut out, "ai (general AI signal)", &set.ai)?;
            list(&mut out, "function (non-AI job functions)", &set.functions)?;
            list(&mut out, "negation cues", &set.negation.cues)?;
            for k in &set.sections.kinds {
                list(
                    &mut out,
                    &format!("section heading: {}", k.kind.name()),
                    &k.matcher,
                )?;
            }
            out.flush()?;
            Ok(true)
        }
    }
}

fn counts(set: &PatternSet) -> String {
    let roles: usize = set.roles.iter().map(|r| r.matcher.len()).sum();
    let headings: usize = set.sections.kinds.iter().map(|k| k.matcher.len()).sum();
    format!(
        "{roles} role patterns, {} AI signals, {} job functions, {} negation cues, {headings} section headings, {} skills",
        set.ai.len(),
        set.functions.len(),
        set.negation.cues.len(),
        set.skills.len()
    )
}

fn list(out: &mut dyn Write, title: &str, m: &Matcher) -> std::io::Result<()> {
    writeln!(out, "# {title}")?;
    for info in &m.infos {
        writeln!(
            out,
            "{:>6.2}  {:<32}  {}",
            info.weight, info.name, info.origin
        )?;
    }
    writeln!(out)
}
