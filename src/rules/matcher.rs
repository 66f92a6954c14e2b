//! Compiling pattern entries (keywords or regexes) into one matcher that scans a
//! text once and reports every hit.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The size limit for one compiled regex; a pattern over it is an error that
/// names the entry, not a slow scan.
const SIZE_LIMIT: usize = 2 * 1024 * 1024;

/// What a pattern is, for evidence and listings.
#[derive(Debug, Clone)]
pub struct PatternInfo {
    /// A short name for the pattern (the first keyword when none is given).
    pub name: String,
    /// The regex the entry compiled to.
    pub source: String,
    pub weight: f64,
    /// The file and line it came from, e.g. `patterns/backend.toml:12`.
    pub origin: String,
}

/// One match of one pattern in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

/// A list of patterns with a set that tells, in one pass, which of them can
/// match a text at all. Each pattern's own regex, needed only to locate its
/// matches, is compiled the first time the set says it matched: most runs
/// never need most of them, and compiling them all dominated start-up.
#[derive(Debug)]
pub struct Matcher {
    pub infos: Vec<PatternInfo>,
    regexes: Vec<OnceLock<Regex>>,
    set: RegexSet,
}

impl Matcher {
    /// Compiles regex sources (already expanded, see [`keyword_regex`] and
    /// [`user_regex`]) into the set. On failure returns the index of the bad
    /// entry and the regex crate's own message.
    pub fn new(infos: Vec<PatternInfo>) -> Result<Matcher, (usize, String)> {
        let set = RegexSetBuilder::new(infos.iter().map(|i| i.source.as_str()))
            .size_limit(SIZE_LIMIT * 8)
            .dfa_size_limit(SIZE_LIMIT * 8)
            .build();
        let set = match set {
            Ok(set) => set,
            Err(e) => {
                // Find the entry at fault, so the message can name its line.
                for (i, info) in infos.iter().enumerate() {
                    compile(&info.source).map_err(|m| (i, m))?;
                }
                return Err((0, one_line(&e.to_string())));
            }
        };
        let regexes = infos.iter().map(|_| OnceLock::new()).collect();
        Ok(Matcher {
            infos,
            regexes,
            set,
        })
    }

    /// Compiles every pattern's own regex now (for `patterns check` and a
    /// user's pattern folder), so that one over the size limit is reported.
    pub fn compile_all(&self) -> Result<(), (usize, String)> {
        for (i, info) in self.infos.iter().enumerate() {
            if self.regexes[i].get().is_none() {
                let re = compile(&info.source).map_err(|m| (i, m))?;
                let _ = self.regexes[i].set(re);
            }
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.infos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.infos.is_empty()
    }

    /// Every non-overlapping hit of every pattern in `text`, pattern by pattern.
    pub fn hits(&self, text: &str, out: &mut Vec<Hit>) {
        if self.is_empty() {
            return;
        }
        for pattern in self.set.matches(text).iter() {
            for m in self.regex(pattern).find_iter(text) {
                out.push(Hit {
                    pattern,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
    }

    /// True when any pattern matches `text`.
    pub fn is_match(&self, text: &str) -> bool {
        !self.is_empty() && self.set.is_match(text)
    }

    /// The regex of pattern `i`, compiled on first use. It compiled as part
    /// of the set, so on its own it compiles too.
    pub fn regex(&self, i: usize) -> &Regex {
        self.regexes[i].get_or_init(|| {
            compile(&self.infos[i].source)
                .unwrap_or_else(|_| Regex::new("[^\\s\\S]").expect("valid regex"))
        })
    }
}

fn compile(source: &str) -> Result<Regex, String> {
    RegexBuilder::new(source)
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| one_line(&e.to_string()))
}

/// The regex crate's messages span several lines with a caret diagram; a
/// pattern error must fit on one line.
pub fn one_line(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    match lines.iter().rev().find(|l| l.starts_with("error:")) {
        Some(err) => {
            let shown = lines.iter().find(|l| {
                !l.starts_with("regex parse error")
                    && !l.starts_with('^')
                    && !l.starts_with("error:")
            });
            match shown {
                Some(src) => format!("{} (in `{}`)", err.trim_start_matches("error:").trim(), src),
                None => err.trim_start_matches("error:").trim().to_string(),
            }
        }
        None => lines.join(" "),
    }
}

/// The regex for a keyword: literal, case-insensitive, spaces and hyphens
/// flexible, ASCII word boundaries at ASCII edges (so Korean particles may
/// follow an English term), and an optional English plural. The result is one
/// group whose flags do not leak into what it is joined with. A keyword that is
/// all ASCII folds case in ASCII only, which compiles far smaller than Unicode
/// case folding.
pub fn keyword_regex(keyword: &str, case_sensitive: bool) -> String {
    let kw = keyword.trim();
    let mut out = String::new();
    out.push_str(match (case_sensitive, kw.is_ascii()) {
        (true, true) => "(?-u:",
        (true, false) => "(?:",
        (false, true) => "(?i-u:",
        (false, false) => "(?i:",
    });
    let first = kw.chars().next().unwrap_or(' ');
    let last = kw.chars().last().unwrap_or(' ');
    if first.is_ascii_alphanumeric() {
        out.push_str(r"(?-u:\b)");
    }
    let mut pending_gap = false;
    for ch in kw.chars() {
        if ch == ' ' || ch == '-' {
            pending_gap = true;
            continue;
        }
        if pending_gap {
            out.push_str(r"[\s\-]*");
            pending_gap = false;
        }
        let mut buf = [0u8; 4];
        out.push_str(&regex::escape(ch.encode_utf8(&mut buf)));
    }
    if last.is_ascii_alphabetic() && !case_sensitive {
        out.push_str("(?:s|es)?");
    }
    if last.is_ascii_alphanumeric() {
        out.push_str(r"(?-u:\b)");
        if case_sensitive {
            // "C" must not match the start of "C++" or "C#".
            out.push_str(r"(?:(?u:[^+#])|$)");
        }
    } else if last == '+' || last == '#' {
        // What follows "C++" may be Korean ("C++를") or a version ("C++17"),
        // but not more of a name.
        out.push_str(r"(?:(?u:[^A-Za-z_+#])|$)");
    }
    out.push(')');
    out
}

/// A regex written in a pattern file: case-insensitive unless it says
/// otherwise, with `\b` meaning an ASCII word boundary so that "Python을"
/// still has a boundary after "Python".
pub fn user_regex(source: &str, case_sensitive: bool) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    out.push_str(if case_sensitive { "(?:" } else { "(?i:" });
    let mut chars = source.chars().peekable();
    let mut backslashes = 0usize;
    while let Some(ch) = chars.next() {
        if ch == '\\' {
            if backslashes.is_multiple_of(2) && chars.peek() == Some(&'b') {
                chars.next();
                out.push_str(r"(?-u:\b)");
                backslashes = 0;
                continue;
            }
            backslashes += 1;
        } else {
            backslashes = 0;
        }
        out.push(ch);
    }
    out.push(')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(re: &str, text: &str) -> bool {
        Regex::new(re).unwrap().is_match(text)
    }

    #[test]
    fn keyword_spacing_case_and_plural() {
        let re = keyword_regex("fine tuning", false);
        assert!(matches(&re, "Fine-tuning LLMs"));
        assert!(matches(&re, "finetuning"));
        assert!(matches(&re, "fine tuning"));
        let re = keyword_regex("LLM", false);
        assert!(matches(&re, "we train LLMs"));
        assert!(!matches(&re, "LLMOps"));
    }

    #[test]
    fn keyword_boundaries_allow_korean_particles() {
        assert!(matches(
            &keyword_regex("PyTorch", false),
            "PyTorch를 활용한"
        ));
        assert!(matches(
            &keyword_regex("파이토치", false),
            "파이토치를 사용"
        ));
        assert!(!matches(&keyword_regex("React", false), "reactive streams"));
    }

    #[test]
    fn exact_keyword_does_not_match_longer_names() {
        let re = keyword_regex("C", true);
        assert!(matches(&re, "C and Python"));
        assert!(matches(&re, "in C"));
        assert!(!matches(&re, "C++ and Rust"));
        assert!(!matches(&re, "C# services"));
        assert!(!matches(&re, "a c compiler"));
        let re = keyword_regex("C++", false);
        assert!(matches(&re, "C++ and Rust"));
        assert!(matches(&re, "in C++"));
    }

    #[test]
    fn user_regex_word_boundary_is_ascii() {
        let re = user_regex(r"\bpython\b", false);
        assert!(matches(&re, "Python을 활용"));
        assert!(!matches(&re, "pythonic"));
        // An escaped backslash before b is left alone.
        assert_eq!(user_regex(r"\\b", true), r"(?:\\b)");
    }

    #[test]
    fn regex_errors_fit_on_one_line() {
        let infos = vec![PatternInfo {
            name: "bad".into(),
            source: "(unclosed".into(),
            weight: 1.0,
            origin: "x".into(),
        }];
        let (i, msg) = Matcher::new(infos).unwrap_err();
        assert_eq!(i, 0);
        assert!(!msg.contains('\n'), "{msg}");
        assert!(msg.contains("unclosed"), "{msg}");
    }
}
