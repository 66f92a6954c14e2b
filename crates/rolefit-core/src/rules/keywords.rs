//! Keywords matched without a regex: an Aho-Corasick scan finds where a
//! keyword's first word occurs, and [`Keyword::match_at`] checks the rest by
//! hand. Compiling hundreds of keyword regexes dominated start-up; this does
//! the same matching with nothing to compile.
//!
//! What a keyword matches is what [`super::keyword_regex`] spells out as a
//! regex (that is what `patterns list` shows): case folded in ASCII unless
//! the entry is case-sensitive, spaces and hyphens between words flexible
//! ("fine tuning" also matches "fine-tuning" and "finetuning"), ASCII word
//! boundaries at ASCII edges so that Korean particles may follow ("PyTorch를"),
//! an optional English plural, and "C" never matching the start of "C++".
//! A keyword never matches across a line break.

/// One compiled keyword.
#[derive(Debug, Clone)]
pub struct Keyword {
    /// The words, split at spaces and hyphens: as written when the keyword
    /// is case-sensitive, else in ASCII lower case, to be compared with the
    /// text in lower case (see [`Keyword::match_around`]).
    words: Vec<Box<[u8]>>,
    /// The word the scan looks for: at first the longest ("commerce" in
    /// "e-commerce"), found far less often than a short one; its matcher
    /// then moves it to the word fewest of its keywords hold
    /// ([`Keyword::anchor_on_rarest`]).
    anchor: usize,
    /// A word holds a character a gap could also take: the anchor stays
    /// the first word (see [`Keyword::new`]).
    first_anchor_only: bool,
    case_sensitive: bool,
    /// Gaps may hold any Unicode white space (keywords with non-ASCII
    /// letters), or ASCII white space only.
    unicode_gaps: bool,
    /// The keyword starts with an ASCII letter or digit, so the text must not
    /// have an ASCII word character just before it.
    lead_boundary: bool,
    /// An English plural ("s" or "es") may follow.
    plural: bool,
    tail: Tail,
}

/// What must follow a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// Nothing in particular (the keyword ends in Korean or punctuation).
    Free,
    /// An ASCII word boundary.
    Boundary,
    /// A boundary, then the end of the line or one character that is not
    /// `+` or `#` (which the match takes): "C" but not "C++" or "C#".
    BoundaryNotPlusHash,
    /// After "C++" or "C#": the end of the line or one character that does
    /// not continue a name (which the match takes): "C++를", "C++17".
    NotNameChar,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of `word` when `bytes` holds it at `at`. Most words tried are
/// not there, and their first byte already says so, without a call to
/// compare the rest.
fn word_at(bytes: &[u8], at: usize, word: &[u8]) -> Option<usize> {
    let got = bytes.get(at..at + word.len())?;
    (got.first() == word.first() && got == word).then_some(at + word.len())
}

impl Keyword {
    /// Compiles a keyword; `None` when it has no words.
    pub fn new(keyword: &str, case_sensitive: bool) -> Option<Keyword> {
        let kw = keyword.trim();
        let words: Vec<Box<[u8]>> = kw
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .map(|w| match case_sensitive {
                true => w.as_bytes().into(),
                false => w.as_bytes().to_ascii_lowercase().into(),
            })
            .collect();
        if words.is_empty() {
            return None;
        }
        let first = kw.chars().next().unwrap_or(' ');
        let last = kw.chars().last().unwrap_or(' ');
        let tail = if last.is_ascii_alphanumeric() {
            if case_sensitive {
                Tail::BoundaryNotPlusHash
            } else {
                Tail::Boundary
            }
        } else if last == '+' || last == '#' {
            Tail::NotNameChar
        } else {
            Tail::Free
        };
        // The longest word, unless a word holds a character a gap could
        // also take, which only reading forward from the start gets right.
        let gap_inside = words
            .iter()
            .any(|w| String::from_utf8_lossy(w).chars().any(char::is_whitespace));
        let anchor = if gap_inside {
            0
        } else {
            let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
            words.iter().position(|w| w.len() == longest).unwrap_or(0)
        };
        Some(Keyword {
            words,
            anchor,
            first_anchor_only: gap_inside,
            case_sensitive,
            unicode_gaps: !kw.is_ascii(),
            lead_boundary: first.is_ascii_alphanumeric(),
            plural: last.is_ascii_alphabetic() && !case_sensitive,
            tail,
        })
    }

    /// The words, in ASCII lower case, for [`Keyword::anchor_on_rarest`].
    pub fn lower_words(&self) -> impl Iterator<Item = Vec<u8>> + '_ {
        self.words.iter().map(|w| w.to_ascii_lowercase())
    }

    /// Anchors the keyword on the word that the fewest keywords of its
    /// matcher hold (`holders`), of its words at least four bytes long (or
    /// its longest): an anchor many keywords share ("experience",
    /// "learning") is tried for each of them wherever the text has it, and
    /// mostly in vain. Which word anchors a keyword never changes what it
    /// matches.
    pub fn anchor_on_rarest(&mut self, holders: impl Fn(&[u8]) -> usize) {
        if self.first_anchor_only {
            return;
        }
        let longest = self.words.iter().map(|w| w.len()).max().unwrap_or(0);
        let long_enough = longest.min(4);
        let best = self
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.len() >= long_enough)
            .min_by_key(|&(i, w)| {
                (
                    holders(&w.to_ascii_lowercase()),
                    std::cmp::Reverse(w.len()),
                    i,
                )
            });
        if let Some((i, _)) = best {
            self.anchor = i;
        }
    }

    /// The word to scan for; see [`Keyword::match_around`].
    pub fn anchor(&self) -> &[u8] {
        &self.words[self.anchor]
    }

    /// Whether a match can only start where its anchor does, with no ASCII
    /// word character before it: the keyword starts with an ASCII letter or
    /// digit, and the anchor is its first word.
    pub fn at_word_start_only(&self) -> bool {
        self.anchor == 0 && self.lead_boundary
    }

    /// The match, as `(start, end)`, whose anchor word starts at `at`, where
    /// the scan found it, if the keyword matches there. `lower` is `text` in
    /// ASCII lower case (the scan has it): a case-insensitive keyword's words
    /// are compared with it byte for byte, which is several times quicker
    /// than folding the case of both at every comparison.
    pub fn match_around(&self, text: &str, lower: &[u8], at: usize) -> Option<(usize, usize)> {
        let bytes = self.compared(text, lower);
        let mut start = at;
        for word in self.words[..self.anchor].iter().rev() {
            start = self.skip_gap_back(text, start);
            start = start.checked_sub(word.len())?;
            word_at(bytes, start, word)?;
        }
        self.match_at(text, lower, start).map(|end| (start, end))
    }

    /// The text as the words are compared with it: as it is for a
    /// case-sensitive keyword, else in lower case.
    fn compared<'t>(&self, text: &'t str, lower: &'t [u8]) -> &'t [u8] {
        debug_assert_eq!(text.len(), lower.len());
        match self.case_sensitive {
            true => text.as_bytes(),
            false => lower,
        }
    }

    /// The end of the match that starts at `start`, if the keyword matches
    /// there; `lower` as for [`Keyword::match_around`].
    pub fn match_at(&self, text: &str, lower: &[u8], start: usize) -> Option<usize> {
        let bytes = self.compared(text, lower);
        if !text.is_char_boundary(start) {
            return None;
        }
        if self.lead_boundary && start > 0 && is_word_byte(bytes[start - 1]) {
            return None;
        }
        let mut at = start;
        for (i, word) in self.words.iter().enumerate() {
            if i > 0 {
                at = self.skip_gap(text, at);
            }
            at = word_at(bytes, at, word)?;
        }
        if self.plural {
            for suffix in [&b"s"[..], b"es"] {
                if let Some(after) = word_at(bytes, at, suffix)
                    && let Some(end) = self.tail_at(text, after)
                {
                    return Some(end);
                }
            }
        }
        self.tail_at(text, at)
    }

    /// Whether `c` may stand between two words: spaces and hyphens, never
    /// a line break.
    fn is_gap(&self, c: char) -> bool {
        match c {
            '\n' => false,
            '-' => true,
            c if self.unicode_gaps => c.is_whitespace(),
            // ASCII white space, as `\s` is without Unicode.
            c => matches!(c, ' ' | '\t' | '\x0B' | '\x0C' | '\r'),
        }
    }

    /// Skips the gap that starts at `at`.
    fn skip_gap(&self, text: &str, mut at: usize) -> usize {
        for c in text[at..].chars().take_while(|&c| self.is_gap(c)) {
            at += c.len_utf8();
        }
        at
    }

    /// Skips the gap that ends at `at`, backwards.
    fn skip_gap_back(&self, text: &str, mut at: usize) -> usize {
        for c in text[..at].chars().rev().take_while(|&c| self.is_gap(c)) {
            at -= c.len_utf8();
        }
        at
    }

    /// Checks what follows the words at `at`; returns the end of the match.
    fn tail_at(&self, text: &str, at: usize) -> Option<usize> {
        let next = text[at..].chars().next().filter(|&c| c != '\n');
        match self.tail {
            Tail::Free => Some(at),
            Tail::Boundary => match next {
                Some(c) if c.is_ascii() && is_word_byte(c as u8) => None,
                _ => Some(at),
            },
            Tail::BoundaryNotPlusHash => match next {
                None => Some(at),
                Some(c) if (c.is_ascii() && is_word_byte(c as u8)) || c == '+' || c == '#' => None,
                Some(c) => Some(at + c.len_utf8()),
            },
            Tail::NotNameChar => match next {
                None => Some(at),
                Some(c) if c.is_ascii_alphabetic() || matches!(c, '_' | '+' | '#') => None,
                Some(c) => Some(at + c.len_utf8()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;
    use crate::rules::keyword_regex;

    /// Every match of the keyword, leftmost first, as the scan would find them.
    fn find_all(kw: &Keyword, text: &str) -> Vec<(usize, usize)> {
        let anchor = String::from_utf8_lossy(kw.anchor()).to_lowercase();
        let lower = text.to_ascii_lowercase();
        let mut found: Vec<(usize, usize)> = lower
            .match_indices(&anchor)
            .filter_map(|(at, _)| kw.match_around(text, lower.as_bytes(), at))
            .collect();
        found.sort();
        // Leftmost first, as a regex's `find_iter` gives them.
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (start, end) in found {
            if out.last().is_none_or(|&(_, e)| start >= e) {
                out.push((start, end));
            }
        }
        out
    }

    /// The keyword matches what its regex matches, line by line, whichever
    /// of its words it is anchored on.
    fn agrees(keyword: &str, case_sensitive: bool, texts: &[&str]) {
        let kw = Keyword::new(keyword, case_sensitive).unwrap();
        let re = Regex::new(&keyword_regex(keyword, case_sensitive)).unwrap();
        let mut anchored = vec![kw.clone()];
        for i in 0..kw.words.len() {
            let mut k = kw.clone();
            // Word `i` is held by no other keyword, the rest by many.
            let word = kw.words[i].to_ascii_lowercase();
            k.anchor_on_rarest(|w| if w == word.as_slice() { 1 } else { 9 });
            anchored.push(k);
        }
        for text in texts {
            let want: Vec<(usize, usize)> =
                re.find_iter(text).map(|m| (m.start(), m.end())).collect();
            for k in &anchored {
                assert_eq!(
                    find_all(k, text),
                    want,
                    "{keyword:?} anchored on {} in {text:?}",
                    k.anchor
                );
            }
        }
    }

    #[test]
    fn anchors_on_the_word_fewest_keywords_hold() {
        let mut kw = Keyword::new("machine learning engineer", false).unwrap();
        // The first of the longest words, until the matcher says otherwise.
        assert_eq!(kw.anchor(), b"learning");
        let holders = |w: &[u8]| match w {
            b"learning" => 5,
            b"engineer" => 3,
            _ => 1,
        };
        kw.anchor_on_rarest(holders);
        assert_eq!(kw.anchor(), b"machine");
        // Short words are not anchors while the keyword has a longer one.
        let mut kw = Keyword::new("e-commerce", false).unwrap();
        kw.anchor_on_rarest(|w| if w == b"e" { 1 } else { 7 });
        assert_eq!(kw.anchor(), b"commerce");
        // A word holding a character a gap could take keeps the first word.
        let mut kw = Keyword::new("모델\u{3000}개발 플랫폼", false).unwrap();
        kw.anchor_on_rarest(|w| if w == "플랫폼".as_bytes() { 1 } else { 7 });
        assert_eq!(kw.anchor(), "모델\u{3000}개발".as_bytes());
    }

    #[test]
    fn matches_what_the_regex_matches() {
        let texts = [
            "Fine-tuning LLMs and fine tuning, finetuning; fine - tuning",
            "we train LLMs, not LLMOps; LLM를 활용",
            "PyTorch를 활용한 pytorch PYTORCHES xpytorch pytorch_x",
            "C and Python, in C, C++ and Rust, C# services, a c compiler, C",
            "C++ and C++17, C++를, C++x, C++_",
            "classes class classs",
            "파이토치를 사용, 모델 개발자",
            "Go와 Golang, go to market",
            "e-commerce, ecommerce, E commerce, the commerce, t-SNE and tsne, k-means kmeans",
            "e--commerce; e - commerce; ee-commerce; e-commerces",
            "Machine Learning Engineers, machine-learning engineer; machinelearningengineer",
            "딥러닝 모델 개발자, 딥러닝모델개발, 딥러닝 모델링 개발",
            "Fine-Tuning and fine-tuning, FineTuning",
        ];
        for (kw, cs) in [
            ("fine tuning", false),
            ("LLM", false),
            ("PyTorch", false),
            ("C", true),
            ("C++", false),
            ("C#", false),
            ("class", false),
            ("파이토치", false),
            ("모델 개발", false),
            ("Go", true),
            ("e-commerce", false),
            ("t-SNE", false),
            ("k means", false),
            ("machine learning engineer", false),
            ("딥러닝 모델 개발", false),
            ("Fine-Tuning", true),
        ] {
            agrees(kw, cs, &texts);
        }
    }

    #[test]
    fn never_crosses_a_line_break() {
        let kw = Keyword::new("machine learning", false).unwrap();
        let at = |kw: &Keyword, text: &str, start| {
            kw.match_at(text, text.to_ascii_lowercase().as_bytes(), start)
        };
        assert_eq!(at(&kw, "machine\nlearning", 0), None);
        assert_eq!(at(&kw, "Machine - Learning\n", 0), Some(18));
        let c = Keyword::new("C", true).unwrap();
        assert_eq!(at(&c, "in C\nnext", 3), Some(4));
        assert_eq!(at(&c, "in c\nnext", 3), None);
        let cpp = Keyword::new("C++", false).unwrap();
        assert_eq!(at(&cpp, "C++\nx", 0), Some(3));
    }
}
