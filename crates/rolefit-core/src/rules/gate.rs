//! Gates: for a regex, a few literals one of which every match contains (in
//! ASCII lower case). A text holding none of them cannot match, so the regex
//! is neither compiled nor run on it: one Aho-Corasick scan over a posting
//! finds which patterns are worth running at all.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassUnicode, Dot, Hir, HirKind, Look, Repetition,
};

/// Where a gate's literals sit in a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Every match starts with one of them: a match can only start where one is.
    Prefix,
    /// Every match ends with one of them.
    Suffix,
}

/// A regex's gate: literals in ASCII lower case, and where they sit.
#[derive(Debug, Clone)]
pub struct Gate {
    pub literals: Vec<Vec<u8>>,
    pub place: Place,
    /// The regex starts with an ASCII word boundary (`\b`), so a match
    /// can only start where there is one.
    pub word_start: bool,
    /// The regex starts with `^`, so a match can only start where a line
    /// does (the regexes are compiled multi-line).
    pub line_start: bool,
}

/// Parses `source` and returns its gate, or `None` when no useful set
/// exists (a match may start and end with almost anything), in which case
/// the regex must be tried on every text. A parse error is the regex crate's
/// own message.
pub fn literals(source: &str) -> Result<Option<Gate>, String> {
    // The literals are compared without ASCII case, so the regex is read
    // without the case-insensitive flag it is wrapped in (see `user_regex`
    // and `keyword_regex`): case-folded, every letter doubles the literals.
    let plain = match source.strip_prefix("(?i:") {
        Some(rest) => format!("(?:{rest}"),
        None => match source.strip_prefix("(?i-u:") {
            Some(rest) => format!("(?-u:{rest}"),
            None => source.to_string(),
        },
    };
    let parse = |s: &str| {
        regex_syntax::ParserBuilder::new()
            .build()
            .parse(s)
            .map_err(|e| super::one_line(&e.to_string()))
    };
    // A parse error is reported for the regex as written.
    let hir = parse(&plain).or_else(|_| parse(source))?;
    let folded = fold_case(&hir);
    for (kind, place) in [
        (ExtractKind::Prefix, Place::Prefix),
        (ExtractKind::Suffix, Place::Suffix),
    ] {
        let seq = Extractor::new()
            .kind(kind)
            .limit_total(500)
            .extract(&folded);
        let Some(lits) = seq.literals() else {
            continue;
        };
        if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
            continue;
        }
        let mut out: Vec<Vec<u8>> = lits
            .iter()
            .map(|l| l.as_bytes().to_ascii_lowercase())
            .collect();
        out.sort();
        out.dedup();
        return Ok(Some(Gate {
            literals: out,
            place,
            word_start: starts_with_word_boundary(&hir),
            line_start: starts_at_line_start(&hir),
        }));
    }
    Ok(None)
}

/// Whether every match of the regex starts at an ASCII word boundary.
fn starts_with_word_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => *look == Look::WordAscii,
        HirKind::Capture(cap) => starts_with_word_boundary(&cap.sub),
        HirKind::Concat(subs) => subs.first().is_some_and(starts_with_word_boundary),
        _ => false,
    }
}

/// Whether every match of the regex starts with `^`: at the start of the
/// text or, compiled multi-line, of a line.
fn starts_at_line_start(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => matches!(look, Look::Start | Look::StartLF | Look::StartCRLF),
        HirKind::Capture(cap) => starts_at_line_start(&cap.sub),
        HirKind::Concat(subs) => subs.first().is_some_and(starts_at_line_start),
        HirKind::Alternation(subs) => subs.iter().all(starts_at_line_start),
        _ => false,
    }
}

/// The regex with each class that only spells one letter in either case
/// (`[Bb]`, or `[Kk\u{212A}]` under Unicode case folding) replaced by that
/// letter in lower case. Not the same regex: only for finding literals, to be
/// compared without ASCII case, that do not multiply with every letter.
fn fold_case(hir: &Hir) -> Hir {
    match hir.kind() {
        // A class of more than a few characters gives no literal anyway:
        // any character stands for it, and is far cheaper to build.
        HirKind::Class(class) => match one_letter(class) {
            Some(b) => Hir::literal([b]),
            None if class_len(class) > 4 => Hir::dot(Dot::AnyByte),
            None => hir.clone(),
        },
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(fold_case(&rep.sub)),
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(fold_case(&cap.sub)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(fold_case).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(fold_case).collect()),
        _ => hir.clone(),
    }
}

/// How many characters (or bytes) a class holds, counting up to 5.
fn class_len(class: &Class) -> usize {
    match class {
        Class::Unicode(c) => small_unicode(c).map_or(5, |v| v.len()),
        Class::Bytes(c) => small_bytes(c).map_or(5, |v| v.len()),
    }
}

/// The ASCII letter (lower case) a small class stands for, ignoring case.
fn one_letter(class: &Class) -> Option<u8> {
    let chars: Vec<char> = match class {
        Class::Unicode(c) => small_unicode(c)?,
        Class::Bytes(c) => small_bytes(c)?,
    };
    let mut letter = None;
    for c in chars {
        let folded = match c {
            'a'..='z' | 'A'..='Z' => c.to_ascii_lowercase(),
            '\u{212A}' => 'k',
            '\u{17F}' => 's',
            _ => return None,
        };
        if letter.is_some_and(|l| l != folded) {
            return None;
        }
        letter = Some(folded);
    }
    letter.map(|c| c as u8)
}

fn small_unicode(c: &ClassUnicode) -> Option<Vec<char>> {
    let mut out = Vec::new();
    for r in c.iter() {
        for ch in r.start()..=r.end() {
            out.push(ch);
            if out.len() > 4 {
                return None;
            }
        }
    }
    Some(out)
}

fn small_bytes(c: &ClassBytes) -> Option<Vec<char>> {
    let mut out = Vec::new();
    for r in c.iter() {
        for b in r.start()..=r.end() {
            out.push(b as char);
            if out.len() > 4 {
                return None;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(source: &str) -> Option<Vec<String>> {
        literals(source).unwrap().map(|g| {
            g.literals
                .into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn case_insensitive_words_give_lower_case_literals() {
        let got = lits(r"(?i:(?-u:\b)(build|develop|Train)\w*\s+models?)").unwrap();
        assert_eq!(got, ["build", "develop", "train"]);
    }

    #[test]
    fn a_leading_word_boundary_is_noticed() {
        let gate = |s| literals(s).unwrap().unwrap().word_start;
        assert!(gate(r"(?i:(?-u:\b)(ai|ml)\s+models?)"));
        assert!(!gate(r"(?i:(ai|ml)\s+models?)"));
    }

    #[test]
    fn a_leading_caret_is_noticed() {
        let gate = |s| literals(s).unwrap().unwrap().line_start;
        assert!(gate(r"(?i:^(requirements|skills)$)"));
        assert!(gate(r"^(자격\s*요건|우대\s*사항)$"));
        assert!(gate(r"(?i:^about us|^who we are)"));
        assert!(!gate(r"(?i:^about us|who we are)"));
        assert!(!gate(r"(?i:(requirements|skills)$)"));
    }

    #[test]
    fn korean_literals_are_kept() {
        let got = lits(r"(?i:(모델|모형)\s*(개발|학습))").unwrap();
        assert!(got.iter().any(|l| l.starts_with("모델")), "{got:?}");
    }

    #[test]
    fn a_match_that_may_start_anywhere_tries_suffixes_then_gives_up() {
        let gate = literals(r"\d+\s*(?:%|percent)").unwrap().unwrap();
        assert_eq!(gate.place, Place::Suffix);
        assert!(
            gate.literals.contains(&b"%".to_vec()),
            "{:?}",
            gate.literals
        );
        assert_eq!(lits(r"\w+"), None);
        assert_eq!(lits(r"(a|)"), None);
    }

    #[test]
    fn parse_errors_are_one_line() {
        let err = literals("(unclosed").unwrap_err();
        assert!(!err.contains('\n'), "{err}");
    }
}
