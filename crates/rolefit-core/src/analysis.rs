//! The stages after extraction, in order: classify, requirements, fit. Shared
//! by `analyze` and `batch` so that a posting gets the same analysis either way.

use crate::classify::{Classification, classify};
use crate::fit::{Fit, Strengths, fit};
use crate::model::{Posting, SectionKind};
use crate::requirements::{self, Requirements};
use crate::rules::PatternSet;

/// Everything rolefit reads from one posting.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub posting: Posting,
    pub classification: Classification,
    pub requirements: Requirements,
    /// The fit for the user's strengths, when some were given.
    pub fit: Option<Fit>,
}

/// Classifies a posting, reads its requirements and, with strengths, its fit.
pub fn analyze(posting: Posting, set: &PatternSet, strengths: Option<&Strengths>) -> Analysis {
    let c = classify(&posting, set);
    let req = requirements::extract(&posting, set);
    with_fit(posting, c, req, set, strengths)
}

/// [`analyze`] for several postings, stage by stage: the classifier's scan
/// of all and the classification of each, then the skills scan of all, the
/// phrase-gate scan of all and the other requirements of each, then each
/// fit. The analyses are those of [`analyze`], one posting at a time; done
/// this way, each scan's automaton stays in the processor's cache from one
/// posting to the next instead of the stages pushing each other's out.
pub fn analyze_all(
    postings: Vec<Posting>,
    set: &PatternSet,
    strengths: Option<&Strengths>,
) -> Vec<Analysis> {
    let classes = crate::classify::classify_all(&postings, set);
    let reqs = requirements::extract_all(&postings, set);
    postings
        .into_iter()
        .zip(classes)
        .zip(reqs)
        .map(|((posting, c), req)| with_fit(posting, c, req, set, strengths))
        .collect()
}

/// The analysis of a classified posting whose requirements are read, with
/// its fit when there are strengths.
fn with_fit(
    posting: Posting,
    classification: Classification,
    requirements: Requirements,
    set: &PatternSet,
    strengths: Option<&Strengths>,
) -> Analysis {
    let fit = strengths.map(|s| fit_of(&posting, &classification, &requirements, s, set));
    Analysis {
        posting,
        classification,
        requirements,
        fit,
    }
}

fn fit_of(
    posting: &Posting,
    c: &Classification,
    req: &Requirements,
    s: &Strengths,
    set: &PatternSet,
) -> Fit {
    // The text is read only for strengths no skill was found in, and for
    // words the user avoids.
    let text = if s.has_literal() || !s.person.avoid_words.is_empty() {
        job_text(posting)
    } else {
        String::new()
    };
    fit(
        c.role,
        c.secondary,
        &text,
        req,
        s,
        &set.fit,
        &set.requirements,
    )
}

/// The text of the job's own sections, for matching strengths word for word.
pub fn job_text(posting: &Posting) -> String {
    let mut text = posting.meta.title.clone().unwrap_or_default();
    for s in &posting.sections {
        if matches!(
            s.kind,
            SectionKind::About | SectionKind::Benefits | SectionKind::Process
        ) {
            continue;
        }
        for l in &s.lines {
            text.push('\n');
            text.push_str(&l.text);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;
    use crate::profile::Profile;

    /// Postings analysed together, stage by stage, get the analyses they
    /// get one at a time: English and Korean, with and without strengths,
    /// one posting alone too.
    #[test]
    fn stage_by_stage_is_one_at_a_time() {
        let set = PatternSet::builtin().unwrap();
        let bodies = [
            include_str!("../../../samples/en-ml-engineer-ranking.md"),
            include_str!("../../../samples/ko-rag-search-backend.md"),
            include_str!("../../../samples/en-research-scientist-speech.txt"),
            include_str!("../../../samples/ko-speech-mlops-platform.txt"),
            include_str!("../../../samples/en-hard-marketing-at-llm-company.txt"),
        ];
        let postings: Vec<Posting> = bodies
            .iter()
            .map(|b| extract::from_row(None, None, None, b, &set.sections).unwrap())
            .collect();
        let profile = Profile::parse(
            "strengths = [\"PyTorch\", \"Kubernetes\", \"검색\"]\n",
            "p.toml",
        )
        .unwrap();
        let strengths = Strengths::new(&profile, &set);
        for s in [None, Some(&strengths)] {
            let one: Vec<String> = postings
                .iter()
                .map(|p| format!("{:?}", analyze(p.clone(), &set, s)))
                .collect();
            let all: Vec<String> = analyze_all(postings.clone(), &set, s)
                .iter()
                .map(|a| format!("{a:?}"))
                .collect();
            assert_eq!(all, one);
            let alone = analyze_all(postings[1..2].to_vec(), &set, s);
            assert_eq!(format!("{:?}", alone[0]), one[1]);
        }
        let roles: Vec<_> = analyze_all(postings, &set, None)
            .iter()
            .map(|a| a.classification.role)
            .collect();
        assert!(
            roles.iter().collect::<std::collections::HashSet<_>>().len() >= 3,
            "{roles:?}"
        );
    }
}
