//! `rolefit patterns check [DIR]`, `rolefit patterns list` and `rolefit patterns learn`.

use std::io::Write;

use super::{load_patterns_from, pattern_files};
use crate::cli::PatternsCommand;
use crate::i18n::Messages;
use crate::output::{open_output, write_error};
use crate::rules::{Matcher, PatternSet};
use crate::tr;

pub fn run(cmd: PatternsCommand, m: Messages) -> anyhow::Result<bool> {
    match cmd {
        PatternsCommand::Check { dir } => {
            let set = PatternSet::load_checked(pattern_files(dir.as_deref())?)?;
            if let Some(d) = &dir {
                let unknown = crate::load::unknown_files(d);
                if !unknown.is_empty() {
                    for problem in &unknown {
                        crate::say!("rolefit: {}", crate::text::sanitize(problem));
                    }
                    anyhow::bail!(
                        "{}",
                        tr!(
                            m,
                            "patterns-unknown-files",
                            place = d.display().to_string(),
                            n = unknown.len()
                        )
                    );
                }
            }
            let (mut out, _, _) = open_output(None)?;
            let counts = counts(&set, m);
            let place = dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| tr!(m, "patterns-builtin"));
            writeln!(
                out,
                "{}",
                tr!(m, "patterns-ok", place = place, counts = counts)
            )
            .and_then(|()| out.flush())
            .map_err(write_error(None))?;
            Ok(true)
        }
        PatternsCommand::List { patterns } => {
            let set = load_patterns_from(patterns.as_deref())?;
            let (mut out, _, _) = open_output(None)?;
            list_all(&mut out, &set, m).map_err(write_error(None))?;
            Ok(true)
        }
        PatternsCommand::Learn {
            labels,
            postings,
            patterns,
            out,
            folds,
            lambda,
            cross,
            balance,
            predictions,
            repeats,
        } => super::learn::run(
            super::learn::LearnArgs {
                labels,
                postings,
                patterns,
                out,
                folds,
                lambda,
                cross,
                balance,
                predictions,
                repeats,
            },
            m,
        ),
    }
}

fn counts(set: &PatternSet, m: Messages) -> String {
    let roles: usize = set.roles.iter().map(|r| r.matcher.len()).sum();
    let headings: usize = set.sections.kinds.iter().map(|k| k.matcher.len()).sum();
    tr!(
        m,
        "patterns-counts",
        files = set.files.len(),
        roles = roles,
        ai = set.ai.len(),
        functions = set.functions.len(),
        negation = set.negation.cues.len(),
        headings = headings,
        skills = set.skills.len()
    )
}

/// Every pattern of `set`, by file and kind.
fn list_all(out: &mut dyn Write, set: &PatternSet, m: Messages) -> std::io::Result<()> {
    for r in &set.roles {
        list(out, &m.role(r.role), &r.matcher)?;
    }
    list(out, &tr!(m, "patterns-ai"), &set.ai)?;
    list(out, &tr!(m, "patterns-functions"), &set.functions)?;
    list(out, &tr!(m, "patterns-negation"), &set.negation.cues)?;
    for k in &set.sections.kinds {
        let title = tr!(m, "patterns-heading", section = m.section(k.kind));
        list(out, &title, &k.matcher)?;
    }
    out.flush()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_every_file_it_checked() {
        let set = PatternSet::builtin().unwrap();
        let n = crate::rules::builtin_files().len();
        assert!(n >= 13, "{n}");
        let en = counts(&set, Messages::new(crate::i18n::Locale::En));
        assert!(en.starts_with(&format!("{n} files: ")), "{en}");
        let ko = counts(&set, Messages::new(crate::i18n::Locale::Ko));
        assert!(ko.starts_with(&format!("파일 {n}개: ")), "{ko}");
    }
}
