//! Compiling pattern entries (keywords or regexes) into one matcher that scans a
//! text once and reports every hit.
//!
//! One Aho-Corasick scan finds the first word of every keyword and the gate
//! literals of every regex (see [`super::gate`]). Keywords are then checked by
//! hand; a regex runs only when one of its literals is in the text, and is
//! compiled the first time that happens: most runs never need most regexes.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored as AcAnchored, MatchKind, StartKind};
use rayon::prelude::*;
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Anchored, Input};

use super::doc::Doc;
use super::gate::{self, Place};
use super::keywords::Keyword;

/// The size limit for one compiled regex; a pattern over it is an error that
/// names the entry, not a slow scan.
const SIZE_LIMIT: usize = 2 * 1024 * 1024;

/// What a pattern is, for evidence and listings.
#[derive(Debug, Clone)]
pub struct PatternInfo {
    /// A short name for the pattern (the first keyword when none is given).
    pub name: String,
    /// The regex the entry stands for (keywords spelled out as a regex).
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

/// A pattern as written: keywords, a regex, or both (as the alternatives of
/// one regex, keywords first).
#[derive(Debug, Clone)]
pub struct Entry {
    pub info: PatternInfo,
    /// Keywords and whether each is case-sensitive.
    pub keywords: Vec<(String, bool)>,
    /// A regex, already expanded by [`user_regex`].
    pub regex: Option<String>,
}

/// What an Aho-Corasick literal stands for.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// The first word of alternative `alt` of a pattern's keywords.
    Keyword { pattern: u32, alt: u32 },
    /// A gate literal of a pattern's regex; with `word_start`, the regex
    /// can only match where the literal starts at an ASCII word boundary,
    /// with `line_start` only where it starts a line.
    Gate {
        pattern: u32,
        place: Place,
        word_start: bool,
        line_start: bool,
    },
}

/// A regex compiled on first use.
#[derive(Debug, Clone)]
struct LazyRegex {
    source: String,
    /// Only ever searched anchored (see [`Pattern::anchored`]).
    anchored: bool,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// Compiles now (for `patterns check` and a user's folder).
    fn compile(&self) -> Result<&Regex, String> {
        if let Some(Some(re)) = self.compiled.get() {
            return Ok(re);
        }
        let re = compile(&self.source, self.anchored)?;
        Ok(self
            .compiled
            .get_or_init(|| Some(re))
            .as_ref()
            .expect("just set"))
    }

    /// The regex; one that cannot compile matches nothing (the bundled
    /// patterns are checked by the tests, a folder is compiled when loaded).
    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| compile(&self.source, self.anchored).ok())
            .as_ref()
    }
}

#[derive(Debug, Clone)]
struct Pattern {
    keywords: Vec<Keyword>,
    /// Shared by the matchers this pattern is joined into, which then
    /// compile it once between them.
    regex: Option<Arc<LazyRegex>>,
    /// The regex's gate: literals one of which every match holds, and
    /// where. `None` when it has none (it runs on every text).
    gate: Option<gate::Gate>,
}

impl Pattern {
    /// The regex's gate literals are prefixes: it is only tried, anchored,
    /// where one of them starts.
    fn anchored(&self) -> bool {
        self.gate.as_ref().is_some_and(|g| g.place == Place::Prefix)
    }
}

/// A keyword alternative found in a text: pattern, alternative, span.
#[derive(Debug, Clone, Copy)]
struct Found {
    pattern: u32,
    alt: u32,
    start: usize,
    end: usize,
}

/// What one scan of a text found: keyword matches, where anchored regexes
/// may start, and which other regexes to run.
#[derive(Debug, Default)]
struct Scan {
    found: Vec<Found>,
    starts: Vec<(u32, usize)>,
    run: Vec<u32>,
}

/// One pattern's share of a scan.
#[derive(Clone, Copy)]
struct Todo<'s> {
    pattern: usize,
    found: &'s [Found],
    /// Where its anchored regex may match; unused unless the pattern is anchored.
    starts: &'s [(u32, usize)],
    /// Whether its regex runs at all.
    regex: bool,
}

/// A list of patterns and what finds them in one pass.
#[derive(Debug)]
pub struct Matcher {
    pub infos: Vec<PatternInfo>,
    patterns: Vec<Pattern>,
    /// The keywords' first words and the gate literals, lower case.
    literals: Vec<Vec<u8>>,
    /// The scanner of `literals`, built on first use: a matcher that is
    /// only listed, or joined into another, never needs its own.
    scanner: OnceLock<Option<Scanner>>,

    owners: Vec<Vec<Owner>>,
    /// Per literal: whether it only counts where no ASCII word character is
    /// just before it (see [`Matcher::at_word_start_only`]).
    word_start: Vec<bool>,
    /// Patterns whose regex has no gate: they run on every text.
    ungated: Vec<u32>,
    /// When every pattern is a regex that starts with `^` (section
    /// headings): its gate literals by their first two bytes, so that
    /// [`Matcher::first_match`] looks up what a line starts with instead of
    /// scanning it.
    heads: Option<Heads>,
}

/// A gate literal of a `^` regex: literal, pattern, and whether the regex
/// starts with `\b`.
type Head = (usize, u32, bool);

/// The gate literals of `^`-anchored regexes, looked up by the first two
/// bytes of a line (or its first byte, for a literal of one).
#[derive(Debug, Default)]
struct Heads {
    /// (first byte, second byte or 256) -> the literals that start so.
    by_start: HashMap<(u8, u16), Vec<Head>>,
    longest: usize,
    /// (literal, pattern) of the suffix gates, which count anywhere in a
    /// line, and a scanner of those literals.
    anywhere: Vec<(usize, u32)>,
    anywhere_scan: Option<DFA>,
}

impl Heads {
    /// The patterns whose gate literal starts `lower` (unsorted, repeats
    /// possible).
    fn starting(&self, literals: &[Vec<u8>], lower: &[u8], out: &mut Vec<u32>) {
        let Some(&first) = lower.first() else {
            return;
        };
        let second = lower.get(1).map_or(256, |&b| u16::from(b));
        for key in [(first, second), (first, 256)] {
            for &(literal, pattern, word_start) in self.by_start.get(&key).into_iter().flatten() {
                if lower.starts_with(&literals[literal])
                    && (!word_start || at_word_boundary(lower, 0))
                {
                    out.push(pattern);
                }
            }
        }
    }
}

impl Matcher {
    /// Builds a matcher. On failure returns the index of the bad entry and
    /// the regex crate's own message. Regexes are parsed now (for their
    /// gates) but compiled on first use; see [`Matcher::compile_all`].
    pub fn new(entries: Vec<Entry>) -> Result<Matcher, (usize, String)> {
        let mut infos = Vec::with_capacity(entries.len());
        let mut patterns = Vec::with_capacity(entries.len());
        for (i, entry) in entries.into_iter().enumerate() {
            let keywords: Vec<Keyword> = entry
                .keywords
                .iter()
                .filter_map(|(k, cs)| Keyword::new(k, *cs))
                .collect();
            let (regex, gate) = match entry.regex {
                Some(source) => {
                    let gate = gate::literals(&source).map_err(|m| (i, m))?;
                    let regex = LazyRegex {
                        source,
                        anchored: gate.as_ref().is_some_and(|g| g.place == Place::Prefix),
                        compiled: OnceLock::new(),
                    };
                    (Some(Arc::new(regex)), gate)
                }
                None => (None, None),
            };
            infos.push(entry.info);
            patterns.push(Pattern {
                keywords,
                regex,
                gate,
            });
        }
        Ok(Matcher::assemble(infos, patterns))
    }

    /// One matcher holding the patterns of several, in order: pattern `i` of
    /// `parts[1]` is pattern `parts[0].len() + i` of the result. It scans a
    /// text once for all of them.
    pub fn join(parts: &[&Matcher]) -> Matcher {
        let infos = parts.iter().flat_map(|m| m.infos.iter().cloned()).collect();
        let patterns = parts
            .iter()
            .flat_map(|m| m.patterns.iter().cloned())
            .collect();
        Matcher::assemble(infos, patterns)
    }

    /// Indexes the literals that find the patterns.
    fn assemble(infos: Vec<PatternInfo>, mut patterns: Vec<Pattern>) -> Matcher {
        let mut holders: HashMap<Vec<u8>, usize> = HashMap::new();
        for k in patterns.iter().flat_map(|p| &p.keywords) {
            for w in k.lower_words() {
                *holders.entry(w).or_default() += 1;
            }
        }
        for k in patterns.iter_mut().flat_map(|p| &mut p.keywords) {
            k.anchor_on_rarest(|w| holders.get(w).copied().unwrap_or(0));
        }
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<Owner>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut ungated = Vec::new();
        let mut own = |literal: &[u8], owner: Owner| {
            let literal = literal.to_ascii_lowercase();
            let i = match index.get(&literal) {
                Some(&i) => i,
                None => {
                    literals.push(literal.clone());
                    owners.push(Vec::new());
                    index.insert(literal, literals.len() - 1);
                    literals.len() - 1
                }
            };
            owners[i].push(owner);
        };
        for (i, p) in patterns.iter().enumerate() {
            let pattern = i as u32;
            for (alt, k) in p.keywords.iter().enumerate() {
                own(
                    k.anchor(),
                    Owner::Keyword {
                        pattern,
                        alt: alt as u32,
                    },
                );
            }
            match (&p.regex, &p.gate) {
                (Some(_), Some(gate)) => {
                    for g in &gate.literals {
                        own(
                            g,
                            Owner::Gate {
                                pattern,
                                place: gate.place,
                                word_start: gate.word_start,
                                line_start: gate.line_start,
                            },
                        );
                    }
                }
                (Some(_), None) => ungated.push(pattern),
                (None, _) => {}
            }
        }
        let mut m = Matcher {
            infos,
            patterns,
            literals,
            scanner: OnceLock::new(),
            owners,
            word_start: Vec::new(),
            ungated,
            heads: None,
        };
        m.word_start = (0..m.literals.len())
            .map(|i| m.at_word_start_only(i))
            .collect();
        m.heads = m.heads();
        m
    }

    /// The [`Heads`] of a matcher whose patterns are all regexes (a
    /// keyword anywhere in a line needs the scan), most of them starting with `^`.
    fn heads(&self) -> Option<Heads> {
        let mut heads = Heads::default();
        for (i, (literal, owners)) in self.literals.iter().zip(&self.owners).enumerate() {
            for owner in owners {
                match *owner {
                    Owner::Keyword { .. } => return None,
                    Owner::Gate {
                        pattern,
                        place: Place::Prefix,
                        word_start,
                        line_start: true,
                    } => {
                        let key = match literal.as_slice() {
                            [] => return None,
                            [a] => (*a, 256),
                            [a, b, ..] => (*a, u16::from(*b)),
                        };
                        heads
                            .by_start
                            .entry(key)
                            .or_default()
                            .push((i, pattern, word_start));
                        heads.longest = heads.longest.max(literal.len());
                    }
                    // Its regex runs where its literal is anywhere in the
                    // line, as after the scan.
                    Owner::Gate {
                        pattern,
                        place: Place::Suffix,
                        ..
                    } => heads.anywhere.push((i, pattern)),
                    Owner::Gate { .. } => return None,
                }
            }
        }
        if !heads.anywhere.is_empty() {
            let literals = heads.anywhere.iter().map(|&(l, _)| &self.literals[l]);
            let literals: Vec<&Vec<u8>> = literals.collect();
            heads.anywhere_scan = Some(overlapping_dfa(&literals, false)?);
        }
        Some(heads)
    }

    /// Whether literal `i` only counts where no ASCII word character is
    /// just before it: it starts with one, and each of its owners wants a
    /// word boundary there (a keyword it is the first word of, which starts
    /// with a letter or digit, or a regex that starts with `\b`). Most
    /// literals the scan finds are inside longer words, and are dropped by
    /// this one test instead of by each owner.
    fn at_word_start_only(&self, i: usize) -> bool {
        self.literals[i].first().is_some_and(|&b| is_word_byte(b))
            && self.owners[i].iter().all(|owner| match *owner {
                Owner::Keyword { pattern, alt } => {
                    self.patterns[pattern as usize].keywords[alt as usize].at_word_start_only()
                }
                Owner::Gate {
                    place: Place::Prefix,
                    word_start,
                    ..
                } => word_start,
                Owner::Gate { .. } => false,
            })
    }

    fn scanner(&self) -> Option<&Scanner> {
        self.scanner
            .get_or_init(|| {
                if self.literals.is_empty() {
                    return None;
                }
                Scanner::new(&self.literals, false)
            })
            .as_ref()
    }

    /// Compiles every pattern's regex now (for `patterns check` and a
    /// user's pattern folder), so that one over the size limit is reported.
    pub fn compile_all(&self) -> Result<(), (usize, String)> {
        if !self.literals.is_empty() && self.scanner().is_none() {
            return Err((0, "too many keywords to scan for".to_string()));
        }
        for (i, p) in self.patterns.iter().enumerate() {
            if let Some(re) = &p.regex {
                re.compile().map_err(|m| (i, m))?;
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

    /// Finds the keyword matches in a text and where the regexes may match.
    fn scan(&self, text: &str) -> Scan {
        let mut scan = Scan {
            run: self.ungated.clone(),
            ..Scan::default()
        };
        let Some(scanner) = self.scanner() else {
            return scan;
        };
        // The literals are lower case; so is the text they are looked for
        // in (ASCII only, which keeps every offset).
        let lower = text.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        scanner.overlapping(bytes, |literal, at| {
            if self.word_start[literal] && at > 0 && is_word_byte(bytes[at - 1]) {
                return;
            }
            for owner in &self.owners[literal] {
                match *owner {
                    Owner::Keyword { pattern, alt } => {
                        let k = &self.patterns[pattern as usize].keywords[alt as usize];
                        if let Some((start, end)) = k.match_around(text, bytes, at) {
                            scan.found.push(Found {
                                pattern,
                                alt,
                                start,
                                end,
                            });
                        }
                    }
                    Owner::Gate {
                        pattern,
                        place: Place::Prefix,
                        word_start,
                        line_start,
                    } => {
                        if (!word_start || at_word_boundary(bytes, at))
                            && (!line_start || at_line_start(bytes, at))
                        {
                            scan.starts.push((pattern, at));
                        }
                    }
                    // A literal found again and again (a unit, a common
                    // word) adds its regex once: `run` is sorted below.
                    Owner::Gate { pattern, .. } => {
                        if scan.run.last() != Some(&pattern) {
                            scan.run.push(pattern);
                        }
                    }
                }
            }
        });
        scan.found
            .sort_unstable_by_key(|f| (f.pattern, f.start, f.alt));
        scan.starts.sort_unstable();
        scan.starts.dedup();
        scan.run.sort_unstable();
        scan.run.dedup();
        scan
    }

    /// The patterns with something to do, in order.
    fn todo<'s>(&self, scan: &'s Scan) -> Vec<Todo<'s>> {
        let mut ids: Vec<u32> = scan
            .found
            .iter()
            .map(|f| f.pattern)
            .chain(scan.starts.iter().map(|s| s.0))
            .chain(scan.run.iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let (mut f, mut s) = (0, 0);
        ids.into_iter()
            .map(|id| {
                let from = f;
                while f < scan.found.len() && scan.found[f].pattern == id {
                    f += 1;
                }
                let from_s = s;
                while s < scan.starts.len() && scan.starts[s].0 == id {
                    s += 1;
                }
                let p = &self.patterns[id as usize];
                Todo {
                    pattern: id as usize,
                    found: &scan.found[from..f],
                    starts: &scan.starts[from_s..s],
                    regex: p.regex.is_some() && (s > from_s || scan.run.binary_search(&id).is_ok()),
                }
            })
            .collect()
    }

    /// Compiles, on every core, the regexes a scan needs that are not yet
    /// compiled: the first postings of a run need dozens, and compiling is
    /// most of what they cost.
    fn compile_for(&self, todo: &[Todo]) {
        let missing: Vec<&LazyRegex> = todo
            .iter()
            .filter(|t| t.regex)
            .filter_map(|t| self.patterns[t.pattern].regex.as_deref())
            .filter(|re| re.compiled.get().is_none())
            .collect();
        if missing.len() >= 4 {
            missing.par_iter().for_each(|re| {
                re.get();
            });
        }
    }

    /// Every non-overlapping hit of every pattern in one line of text,
    /// pattern by pattern, as `find_iter` of the pattern's regex would give.
    pub fn hits(&self, text: &str, out: &mut Vec<Hit>) {
        if self.is_empty() {
            return;
        }
        let scan = self.scan(text);
        let mut spans = Vec::new();
        for t in self.todo(&scan) {
            spans.clear();
            self.pattern_hits(&t, text, (0, text.len()), false, &mut spans);
            out.extend(spans.iter().map(|&(start, end)| Hit {
                pattern: t.pattern,
                start,
                end,
            }));
        }
    }

    /// Every hit in every line of a document, as [`Matcher::hits`] would give
    /// line by line, with the line's index; offsets are within the line.
    pub fn doc_hits(&self, doc: &Doc, out: &mut Vec<(usize, Hit)>) {
        if self.is_empty() || doc.is_empty() {
            return;
        }
        if !doc.is_joined() {
            let mut hits = Vec::new();
            for i in 0..doc.len() {
                hits.clear();
                self.hits(doc.line(i), &mut hits);
                out.extend(hits.iter().map(|&h| (i, h)));
            }
            return;
        }
        let text = doc.text();
        let scan = self.scan(text);
        let todo = self.todo(&scan);
        self.compile_for(&todo);
        let first = out.len();
        let mut spans = Vec::new();
        for t in todo {
            spans.clear();
            let crossed = self.pattern_hits(&t, text, (0, text.len()), true, &mut spans);
            if !crossed {
                for &(start, end) in &spans {
                    let line = doc.line_of(start);
                    let base = doc.span(line).0;
                    out.push((
                        line,
                        Hit {
                            pattern: t.pattern,
                            start: start - base,
                            end: end - base,
                        },
                    ));
                }
                continue;
            }
            // The regex matched across a line break: run it line by line.
            for line in 0..doc.len() {
                let (s, e) = doc.span(line);
                let within = |pos: usize| (s..e).contains(&pos);
                let found: Vec<Found> = t
                    .found
                    .iter()
                    .filter(|f| within(f.start))
                    .copied()
                    .collect();
                let starts: Vec<(u32, usize)> =
                    t.starts.iter().filter(|q| within(q.1)).copied().collect();
                let of_line = Todo {
                    found: &found,
                    starts: &starts,
                    ..t
                };
                spans.clear();
                self.pattern_hits(&of_line, text, (s, e), false, &mut spans);
                out.extend(spans.iter().map(|&(start, end)| {
                    (
                        line,
                        Hit {
                            pattern: t.pattern,
                            start: start - s,
                            end: end - s,
                        },
                    )
                }));
            }
        }
        out[first..].sort_by_key(|(line, _)| *line);
    }

    /// The hits of a pattern within `span` of `text` (the end of the span
    /// is taken as the end of the text), leftmost first, keywords preferred
    /// over the regex where both match at one place. With `check_lines`,
    /// stops and returns true as soon as the regex matches across a line break.
    fn pattern_hits(
        &self,
        t: &Todo,
        text: &str,
        span: (usize, usize),
        check_lines: bool,
        out: &mut Vec<(usize, usize)>,
    ) -> bool {
        let pattern = &self.patterns[t.pattern];
        let re = if t.regex {
            pattern.regex.as_deref().and_then(LazyRegex::get)
        } else {
            None
        };
        let (mut pos, end) = span;
        let hay = &text[..end];
        let (mut k, mut q) = (0, 0);
        let mut next_re: Option<(usize, usize)> = None;
        loop {
            while k < t.found.len() && t.found[k].start < pos {
                k += 1;
            }
            let kw = t.found.get(k).map(|f| (f.start, f.end));
            if let Some(re) = re
                && next_re.is_none_or(|(s, _)| s < pos)
            {
                next_re = if pattern.anchored() {
                    // A match can only start where a gate literal does.
                    while q < t.starts.len() && t.starts[q].1 < pos {
                        q += 1;
                    }
                    let mut got = None;
                    while got.is_none() && q < t.starts.len() {
                        let input = Input::new(hay)
                            .range(t.starts[q].1..)
                            .anchored(Anchored::Yes);
                        got = find(re, input);
                        q += 1;
                    }
                    got
                } else {
                    find(re, Input::new(hay).range(pos..))
                };
                if check_lines
                    && let Some((s, e)) = next_re
                    && hay[s..e].contains('\n')
                {
                    return true;
                }
            }
            let take = match (kw, next_re) {
                (Some(a), Some(b)) if b.0 < a.0 => b,
                (Some(a), _) => a,
                (None, Some(b)) => b,
                (None, None) => return false,
            };
            out.push(take);
            pos = if take.1 > take.0 {
                take.1
            } else {
                // An empty match: move on by one character.
                take.1 + hay[take.1..].chars().next().map_or(1, char::len_utf8)
            };
            if pos > end {
                return false;
            }
        }
    }

    /// The first pattern (in order) that matches `text` (one line).
    pub fn first_match(&self, text: &str) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        let mut spans = Vec::new();
        if let Some(heads) = &self.heads
            && !text.bytes().any(|b| matches!(b, b'\n' | b'\r'))
        {
            // A line: a `^` regex can only match where a literal starts it.
            let n = text.len().min(heads.longest);
            let lower = text.as_bytes()[..n].to_ascii_lowercase();
            let mut ids = Vec::new();
            heads.starting(&self.literals, &lower, &mut ids);
            ids.extend_from_slice(&self.ungated);
            if let Some(dfa) = &heads.anywhere_scan {
                let lower = text.to_ascii_lowercase();
                overlapping(dfa, lower.as_bytes(), &mut |literal, _| {
                    ids.push(heads.anywhere[literal].1)
                });
            }
            ids.sort_unstable();
            ids.dedup();
            let start = [(0, 0)];
            return ids.into_iter().find_map(|id| {
                let t = Todo {
                    pattern: id as usize,
                    found: &[],
                    starts: &start,
                    regex: true,
                };
                spans.clear();
                self.pattern_hits(&t, text, (0, text.len()), false, &mut spans);
                (!spans.is_empty()).then_some(t.pattern)
            });
        }
        let scan = self.scan(text);
        self.todo(&scan).iter().find_map(|t| {
            if !t.found.is_empty() {
                return Some(t.pattern);
            }
            spans.clear();
            self.pattern_hits(t, text, (0, text.len()), false, &mut spans);
            (!spans.is_empty()).then_some(t.pattern)
        })
    }

    /// True when any pattern matches `text` (one line).
    pub fn is_match(&self, text: &str) -> bool {
        self.first_match(text).is_some()
    }
}

/// An Aho-Corasick scanner over many literals: a contiguous NFA, quick to
/// build and small. A DFA of the same literals takes fewer instructions per
/// byte but is 20 to 40 times larger (13 MB for the skills against 440 KB),
/// so it is read from memory rather than from the cache: with it a 20k
/// batch took within 3% of the time, a batch of a few thousand rows (which
/// pays for building it) 10-15% longer, and 26 MB more memory
/// (BENCHMARKS.md).
#[derive(Debug)]
pub(crate) struct Scanner {
    nfa: NFA,
}

impl Scanner {
    /// A scanner of `literals` (with ASCII case folded or not); `None` when
    /// they are too many to scan for.
    pub(crate) fn new(literals: &[Vec<u8>], ascii_case_insensitive: bool) -> Option<Scanner> {
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(ascii_case_insensitive)
            .prefilter(false)
            .build(literals)
            .ok()?;
        Some(Scanner { nfa })
    }

    /// Calls `found(literal, start)` for every occurrence of every literal
    /// in `hay`, overlapping ones included, in no particular order.
    pub(crate) fn overlapping(&self, hay: &[u8], mut found: impl FnMut(usize, usize)) {
        overlapping(&self.nfa, hay, &mut found);
    }
}

/// Whether a text holds one of a few literals, ASCII case folded: the
/// gate of a phrase read line by line, asked once per line. A DFA read in
/// one loop that stops at the first literal; the library's `is_match` costs
/// about a thousand instructions a call before it reads a byte of a line.
#[derive(Debug)]
pub(crate) struct GateScanner {
    dfa: DFA,
}

impl GateScanner {
    /// `None` when the literals are too many to build a DFA of.
    pub(crate) fn new<L: AsRef<[u8]>>(literals: &[L]) -> Option<GateScanner> {
        overlapping_dfa(literals, true).map(|dfa| GateScanner { dfa })
    }

    pub(crate) fn is_match(&self, text: &str) -> bool {
        let dfa = &self.dfa;
        let Ok(mut sid) = dfa.start_state(AcAnchored::No) else {
            return true;
        };
        if dfa.is_match(sid) {
            return true;
        }
        for &byte in text.as_bytes() {
            sid = dfa.next_state(AcAnchored::No, sid, byte);
            if dfa.is_special(sid) && dfa.is_match(sid) {
                return true;
            }
        }
        false
    }
}

/// A DFA for [`overlapping`].
fn overlapping_dfa<L: AsRef<[u8]>>(literals: &[L], ascii_case_insensitive: bool) -> Option<DFA> {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ascii_case_insensitive)
        .start_kind(StartKind::Unanchored)
        .prefilter(false)
        .build(literals)
        .ok()
}

/// The overlapping search of an automaton, as `find_overlapping_iter` does
/// it but in one loop that keeps its state in registers and reports each
/// match by callback: the library's iterator stops and resumes at every
/// match, and reads and writes its position in memory at every byte, which
/// made it about three times slower per byte.
fn overlapping<A: Automaton>(aut: &A, hay: &[u8], found: &mut impl FnMut(usize, usize)) {
    let Ok(mut sid) = aut.start_state(AcAnchored::No) else {
        return;
    };
    let mut report = |sid, end: usize| {
        for i in 0..aut.match_len(sid) {
            let pattern = aut.match_pattern(sid, i);
            found(pattern.as_usize(), end - aut.pattern_len(pattern));
        }
    };
    // Only an empty literal makes the start state a match.
    if aut.is_match(sid) {
        report(sid, 0);
    }
    for (at, &byte) in hay.iter().enumerate() {
        sid = aut.next_state(AcAnchored::No, sid, byte);
        if aut.is_special(sid) {
            if aut.is_dead(sid) {
                return;
            }
            if aut.is_match(sid) {
                report(sid, at + 1);
            }
        }
    }
}

/// Whether an ASCII word boundary (`(?-u:\b)`) is at `at`.
fn at_word_boundary(text: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word_byte(text[at - 1]);
    let after = text.get(at).is_some_and(|&b| is_word_byte(b));
    before != after
}

/// Where `^` matches in a regex compiled multi-line: at the start of the
/// text or of a line (a `\r` before counts too, to err on the safe side).
fn at_line_start(text: &[u8], at: usize) -> bool {
    at == 0 || matches!(text[at - 1], b'\n' | b'\r')
}

/// An ASCII word character, as `(?-u:\w)` reads it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn find(re: &Regex, input: Input) -> Option<(usize, usize)> {
    re.search(&input).map(|m| (m.start(), m.end()))
}

/// Compiles a pattern's regex. One that only runs anchored, where its gate
/// found a start, needs no prefilter of its own, and no pattern needs capture
/// groups: leaving both out halves the cost of compiling.
fn compile(source: &str, anchored: bool) -> Result<Regex, String> {
    // Multi-line, so that `^` and `$` keep meaning the start and end of a
    // line when the lines of a posting are scanned joined.
    meta::Regex::builder()
        .syntax(regex_automata::util::syntax::Config::new().multi_line(true))
        .configure(
            meta::Config::new()
                .which_captures(WhichCaptures::Implicit)
                .auto_prefilter(!anchored)
                .onepass(false)
                .dfa(false)
                .nfa_size_limit(Some(SIZE_LIMIT))
                .hybrid_cache_capacity(2 * SIZE_LIMIT),
        )
        .build(source)
        .map_err(|e| match e.size_limit() {
            Some(limit) => format!("the compiled regex exceeds the size limit of {limit} bytes"),
            None => one_line(&e.to_string()),
        })
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
    use aho_corasick::AhoCorasick;

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

    fn entry(name: &str, keywords: &[(&str, bool)], regex: Option<&str>) -> Entry {
        Entry {
            info: PatternInfo {
                name: name.into(),
                source: String::new(),
                weight: 1.0,
                origin: String::new(),
            },
            keywords: keywords
                .iter()
                .map(|&(k, cs)| (k.to_string(), cs))
                .collect(),
            regex: regex.map(|r| user_regex(r, false)),
        }
    }

    /// Each pattern's hits in a line, as its keywords and regex spelled out
    /// as one regex find them.
    fn regex_hits(entries: &[Entry], text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let mut alts: Vec<String> = e
                .keywords
                .iter()
                .map(|(k, cs)| keyword_regex(k, *cs))
                .collect();
            alts.extend(e.regex.clone());
            let re = regex::Regex::new(&alts.join("|")).unwrap();
            out.extend(re.find_iter(text).map(|m| Hit {
                pattern: i,
                start: m.start(),
                end: m.end(),
            }));
        }
        out
    }

    /// Keywords and gated regexes that only count at a word start are
    /// dropped inside words; Korean ones, which may follow anything, and
    /// regexes without a leading `\b` are not.
    #[test]
    fn word_start_literals_find_what_the_regexes_find() {
        let entries = vec![
            entry("ai", &[("AI", false), ("machine learning", false)], None),
            entry("torch", &[("PyTorch", false), ("파이토치", false)], None),
            entry("ml", &[], Some(r"\bml\s*(ops|platform)")),
            entry("korean-ai", &[], Some(r"(AI|LLM)\s*(서비스|플랫폼)")),
            entry("c", &[("C", true), ("C++", false)], None),
            entry("commerce", &[("e-commerce", false)], None),
        ];
        let m = Matcher::new(entries.clone()).unwrap();
        let texts = [
            "We maintain AI systems; OpenAI는 AI서비스와 LLM 플랫폼을 만듭니다",
            "파이토치를 쓰고 PyTorch를 씁니다, xpytorch 아님; 모델파이토치 학습",
            "html MLOps ml ops, ML platform, xml platform, MLplatform",
            "C and C++, c, C#, ecommerce e-commerce, machine-learning machinelearning",
        ];
        let line = texts.join(" | ");
        let want = regex_hits(&entries, &line);
        assert!(want.len() > 10, "{want:?}");
        let mut got = Vec::new();
        m.hits(&line, &mut got);
        assert_eq!(got, want);
    }

    /// Our overlapping loop, over the DFA or the NFA, reports what the
    /// library's overlapping iterator reports: every literal at every place, nested and repeated
    /// ones too, with ASCII case folded or not.
    #[test]
    fn dfa_loop_finds_every_overlapping_literal() {
        // What our loop reports over an automaton, sorted.
        fn run<A: Automaton>(aut: &A, text: &str) -> Vec<(usize, usize)> {
            let mut got = Vec::new();
            overlapping(aut, text.as_bytes(), &mut |l, at| got.push((l, at)));
            got.sort_unstable();
            got
        }
        let literals: Vec<Vec<u8>> = [
            "ai",
            "a",
            "mlops",
            "ml",
            "ops",
            "모델",
            "모델링",
            "링",
            "c++",
            "go",
        ]
        .iter()
        .map(|l| l.as_bytes().to_vec())
        .collect();
        let texts = [
            "AI mlops MLOps aai Go go C++ c++",
            "모델링과 모델 개발, AI 모델링 링",
            "",
        ];
        for case_insensitive in [false, true] {
            let scanner = Scanner::new(&literals, case_insensitive).unwrap();
            let dfa = overlapping_dfa(&literals, case_insensitive).unwrap();
            let library = AhoCorasick::builder()
                .ascii_case_insensitive(case_insensitive)
                .build(&literals)
                .unwrap();
            for text in texts {
                let mut want: Vec<(usize, usize)> = library
                    .find_overlapping_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.start()))
                    .collect();
                want.sort_unstable();
                assert_eq!(want.is_empty(), text.is_empty());
                for (name, got) in [("dfa", run(&dfa, text)), ("nfa", run(&scanner.nfa, text))] {
                    assert_eq!(
                        got, want,
                        "{name} {text:?}, case-insensitive: {case_insensitive}"
                    );
                }
            }
        }
    }

    /// A gate says whether a line holds one of its literals, in any ASCII
    /// case, as the library's `is_match` does.
    #[test]
    fn gate_scanner_finds_a_literal_anywhere() {
        let literals = ["salary", "연봉", "k", "pay range"];
        let gate = GateScanner::new(&literals).unwrap();
        let library = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(literals)
            .unwrap();
        for text in [
            "Salary: 50K",
            "연봉 협의",
            "PAY RANGE",
            "pay  range",
            "급여 협의",
            "",
            "kubernetes",
            "no such words",
        ] {
            assert_eq!(gate.is_match(text), library.is_match(text), "{text:?}");
        }
        assert!(gate.is_match("연봉") && !gate.is_match("연 봉"));
    }

    /// Headings: `^` regexes are looked up by what a line starts with, a
    /// regex gated by its end still runs where its literal is, and the first
    /// pattern in order that matches wins, as a regex per pattern finds.
    #[test]
    fn first_match_of_line_start_regexes_is_the_first_that_matches() {
        let entries = vec![
            entry("about role", &[], Some(r"^about (the|this) (role|job)$")),
            entry("about", &[], Some(r"^(about|about us|who we are)$")),
            entry("req", &[], Some(r"^(자격\s*요건|requirements?|skills)$")),
            entry("stack", &[], Some(r"^(기술\s*스택|tech\s*stack)$")),
            entry("plus", &[], Some(r"^.{0,12}(더\s*좋아요|환영합니다)$")),
            entry("bonus", &[], Some(r"^(\bbonus|우대\s*사항)(\s+points)?$")),
        ];
        let m = Matcher::new(entries.clone()).unwrap();
        assert!(m.heads.is_some());
        let lines = [
            "About the role",
            "about us",
            "Who we are",
            "자격요건",
            "자격 요건",
            "Requirements",
            "Skills and experience",
            "기술스택",
            "Tech Stack",
            "이런 분이면 더 좋아요",
            "경험자 환영합니다",
            "Bonus points",
            "우대사항",
            "xbonus",
            "We are about to ship",
            "우리의 기술 스택",
            "",
        ];
        for line in lines {
            let want = regex_hits(&entries, line).first().map(|h| h.pattern);
            assert_eq!(m.first_match(line), want, "{line:?}");
        }
        assert_eq!(m.first_match("About the role"), Some(0));
        assert_eq!(m.first_match("경험자 환영합니다"), Some(4));
        // A keyword may be anywhere in a line: such a matcher scans it.
        let mut with_keyword = entries;
        with_keyword.push(entry("torch", &[("PyTorch", false)], None));
        let m = Matcher::new(with_keyword).unwrap();
        assert!(m.heads.is_none());
        assert_eq!(m.first_match("PyTorch 경험"), Some(6));
    }

    #[test]
    fn regex_errors_fit_on_one_line() {
        let entries = vec![Entry {
            info: PatternInfo {
                name: "bad".into(),
                source: "(unclosed".into(),
                weight: 1.0,
                origin: "x".into(),
            },
            keywords: Vec::new(),
            regex: Some("(unclosed".into()),
        }];
        let (i, msg) = Matcher::new(entries).unwrap_err();
        assert_eq!(i, 0);
        assert!(!msg.contains('\n'), "{msg}");
        assert!(msg.contains("unclosed"), "{msg}");
    }
}
