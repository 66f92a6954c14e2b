//! `patterns/requirements.toml`, compiled: the phrases a posting's limits and
//! a person's facts are read with. See the file's header for every field.

use std::collections::BTreeMap;
use std::ops::Deref;
use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::matcher::{GateScanner, Scanner};
use super::{RulesError, SourceFile, one_line, user_regex};
use crate::role::Role;

/// A phrase regex of a pattern file, compiled on first use (a user's file is
/// compiled when loaded, so that its mistakes are reported up front), with a
/// gate: literals one of which every match holds (see [`super::gate`]). A
/// text holding none of them is not searched at all, which rules out most
/// lines of most postings for almost nothing.
///
/// It derefs to the [`Regex`]; its own `find` and `is_match` ask the gate first
/// and give the same answers as the regex's.
pub struct Phrase {
    source: String,
    /// The literals, when known from how the regex was built (a list of
    /// words); else they are read from the regex when first needed.
    words: Option<Vec<Vec<u8>>>,
    compiled: OnceLock<Regex>,
    gate: OnceLock<Option<GateScanner>>,
}

impl std::fmt::Debug for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Phrase").field(&self.source).finish()
    }
}

impl Phrase {
    /// A phrase for `source`; with `eager`, compiled now and an error
    /// returned as the regex crate's message on one line.
    pub fn new(source: String, eager: bool) -> Result<Phrase, String> {
        Phrase::build(source, None, eager)
    }

    fn build(source: String, words: Option<Vec<Vec<u8>>>, eager: bool) -> Result<Phrase, String> {
        let p = Phrase {
            source,
            words,
            compiled: OnceLock::new(),
            gate: OnceLock::new(),
        };
        if eager {
            let re = Regex::new(&p.source).map_err(|e| one_line(&e.to_string()))?;
            let _ = p.compiled.set(re);
        }
        Ok(p)
    }

    /// The compiled regex. The bundled files' regexes are checked by the
    /// tests; a folder's are compiled when loaded.
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(&self.source).expect("a bundled phrase regex compiles (the tests check)")
        })
    }

    /// The regex as written (expanded).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// False only when the regex surely matches nowhere in `text`; cheap.
    pub fn may_match(&self, text: &str) -> bool {
        match self.gate.get_or_init(|| self.build_gate()) {
            Some(ac) => ac.is_match(text),
            None => true,
        }
    }

    /// [`Regex::find`], asking the gate first.
    pub fn find<'t>(&self, text: &'t str) -> Option<regex::Match<'t>> {
        if self.may_match(text) {
            self.regex().find(text)
        } else {
            None
        }
    }

    /// [`Regex::is_match`], asking the gate first.
    pub fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.regex().is_match(text)
    }

    fn build_gate(&self) -> Option<GateScanner> {
        let literals = match &self.words {
            Some(w) => w.clone(),
            None => contained_literals(&self.source)?,
        };
        gate_scanner(literals)
    }
}

impl Deref for Phrase {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.regex()
    }
}

/// A scanner that finds, without ASCII case, one of `literals` (one of which
/// every match holds) in any text the regex can match. `None` when there is
/// no such gate (a literal is empty, or the list is).
///
/// Exact, not a guess: a literal is cut before its first letter outside ASCII
/// that has case (`É`, `Ü`), which the regex's case folding would match in
/// another case; and the two characters that fold to ASCII letters, the
/// Kelvin sign (k) and the long s (s), count as a hit for a literal holding
/// that letter.
pub(crate) fn gate_scanner(literals: Vec<Vec<u8>>) -> Option<GateScanner> {
    GateScanner::new(&gate_literals(literals)?)
}

/// The literals [`gate_scanner`] looks for (see there), or `None`.
fn gate_literals(literals: Vec<Vec<u8>>) -> Option<Vec<Vec<u8>>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    let (mut k, mut s) = (false, false);
    for lit in &literals {
        let cut = caseless_prefix(lit);
        if cut.is_empty() {
            return None;
        }
        k |= cut.iter().any(|b| b.eq_ignore_ascii_case(&b'k'));
        s |= cut.iter().any(|b| b.eq_ignore_ascii_case(&b's'));
        out.push(cut.to_ascii_lowercase());
    }
    if out.is_empty() {
        return None;
    }
    if k {
        out.push("\u{212A}".as_bytes().to_vec());
    }
    if s {
        out.push("\u{17F}".as_bytes().to_vec());
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The gates of many phrases in one scanner, so that one pass over a
/// posting's lines tells which phrases may match on which lines.
#[derive(Debug)]
pub struct LineGates {
    scanner: Option<Scanner>,
    /// The phrases each literal of the scanner is a gate literal of.
    owners: Vec<Vec<u32>>,
    /// Phrases without a gate: they may match on every line.
    ungated: Vec<u32>,
    count: usize,
}

impl LineGates {
    fn new(phrases: &[&Phrase]) -> LineGates {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut index: std::collections::HashMap<Vec<u8>, usize> = Default::default();
        let mut ungated = Vec::new();
        for (id, p) in phrases.iter().enumerate() {
            let lits = match &p.words {
                Some(w) => gate_literals(w.clone()),
                None => contained_literals(&p.source).and_then(gate_literals),
            };
            let Some(lits) = lits else {
                ungated.push(id as u32);
                continue;
            };
            for lit in lits {
                let i = *index.entry(lit.clone()).or_insert_with(|| {
                    literals.push(lit);
                    owners.push(Vec::new());
                    literals.len() - 1
                });
                owners[i].push(id as u32);
            }
        }
        let scanner = Scanner::new(&literals, true);
        if scanner.is_none() {
            // Too large to build: every phrase runs everywhere.
            ungated = (0..phrases.len() as u32).collect();
        }
        LineGates {
            scanner,
            owners,
            ungated,
            count: phrases.len(),
        }
    }

    /// Which phrases may match on which lines of `doc`.
    pub fn scan(&self, doc: &super::Doc) -> GateHits {
        let n = doc.len();
        let mut hits = GateHits {
            lines: n,
            flags: vec![false; self.count * n],
            any: vec![false; self.count],
        };
        for &id in &self.ungated {
            let id = id as usize;
            hits.any[id] = true;
            hits.flags[id * n..(id + 1) * n].fill(true);
        }
        let Some(scanner) = &self.scanner else {
            return hits;
        };
        if n == 0 {
            return hits;
        }
        // A literal holds no line break, so each one found is inside a line.
        scanner.overlapping(doc.text().as_bytes(), |literal, at| {
            let line = doc.line_of(at);
            for &id in &self.owners[literal] {
                let id = id as usize;
                hits.any[id] = true;
                hits.flags[id * n + line] = true;
            }
        });
        hits
    }
}

/// What [`LineGates::scan`] found: for each phrase, the lines it may match on.
#[derive(Debug)]
pub struct GateHits {
    lines: usize,
    flags: Vec<bool>,
    any: Vec<bool>,
}

impl GateHits {
    /// False only when phrase `id` surely does not match line `line`.
    pub fn may(&self, id: usize, line: usize) -> bool {
        self.flags[id * self.lines + line]
    }

    /// False only when phrase `id` surely matches on no line.
    pub fn anywhere(&self, id: usize) -> bool {
        self.any[id]
    }
}

/// The indexes of the phrases in [`ReqRules::line_gates`]; a limit's is
/// `LIMITS` plus its index, a region's `LIMITS` plus the number of limits
/// plus its index.
pub mod gate_id {
    pub const CUE: usize = 0;
    pub const REMOTE: usize = 1;
    pub const HYBRID: usize = 2;
    pub const ONSITE: usize = 3;
    pub const ANYWHERE: usize = 4;
    pub const FLUENCY: usize = 5;
    pub const ENTRY: usize = 6;
    pub const PREFERRED: usize = 7;
    pub const YEARS: usize = 8;
    pub const YEARS_KO: usize = 9;
    pub const YEARS_ANY: usize = 10;
    pub const PHD: usize = 11;
    pub const MASTER: usize = 12;
    pub const BACHELOR: usize = 13;
    pub const NOT_REQUIRED: usize = 14;
    pub const LIMITS: usize = 15;
}

/// Literals one of which every match of a regex (as [`user_regex`] writes it)
/// holds, chosen to be rare: for each alternative, the best of the prefixes
/// of each of its tails. `None` when some alternative may match without any.
/// Case is ignored (the literals are read without the case-insensitive flag
/// and compared without ASCII case; see [`gate_scanner`]).
pub(crate) fn contained_literals(source: &str) -> Option<Vec<Vec<u8>>> {
    let plain = match source.strip_prefix("(?i:") {
        Some(rest) => format!("(?:{rest}"),
        None => source.to_string(),
    };
    let parse = |s: &str| regex_syntax::ParserBuilder::new().build().parse(s).ok();
    let hir = parse(&plain).or_else(|| parse(source))?;
    contained(&hir)
}

fn contained(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::{Hir, HirKind};
    match hir.kind() {
        HirKind::Capture(c) => contained(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => contained(&r.sub),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for sub in subs {
                all.extend(contained(sub)?);
            }
            Some(all)
        }
        HirKind::Concat(subs) => {
            let mut best: Option<Vec<Vec<u8>>> = None;
            for i in 0..subs.len() {
                let tail = prefixes(&Hir::concat(subs[i..].to_vec()));
                for found in [tail, contained(&subs[i])].into_iter().flatten() {
                    if best.as_ref().is_none_or(|b| rarity(&found) > rarity(b)) {
                        best = Some(found);
                    }
                }
            }
            best
        }
        _ => prefixes(hir),
    }
}

/// Literals every match starts with, if there is a finite set of them.
fn prefixes(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_total(250)
        .extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty()
        || lits
            .iter()
            .any(|l| caseless_prefix(l.as_bytes()).is_empty())
    {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// How rare a literal set is likely to be: its shortest literal (as the gate
/// compares it) longer, then fewer literals.
fn rarity(lits: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = lits
        .iter()
        .map(|l| caseless_prefix(l).len())
        .min()
        .unwrap_or(0);
    (shortest, std::cmp::Reverse(lits.len()))
}

/// The longest prefix of a literal whose characters match only themselves
/// and, for ASCII letters, their other case.
fn caseless_prefix(lit: &[u8]) -> &[u8] {
    let text = match std::str::from_utf8(lit) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&lit[..e.valid_up_to()]).expect("valid up to here"),
    };
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if !caseless(c) {
            break;
        }
        end = i + c.len_utf8();
    }
    &lit[..end]
}

/// Whether a character has no other case outside ASCII: ASCII itself, Hangul,
/// CJK ideographs, and symbols without case.
fn caseless(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{4E00}'..='\u{9FFF}')
        || (!c.is_alphabetic()
            && c.to_lowercase().eq(std::iter::once(c))
            && c.to_uppercase().eq(std::iter::once(c)))
}

/// A seniority level, lowest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Entry,
    Junior,
    Mid,
    Senior,
    Lead,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Entry,
        Level::Junior,
        Level::Mid,
        Level::Senior,
        Level::Lead,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Level::Entry => "entry",
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
            Level::Lead => "lead",
        }
    }

    /// The level a number of years of experience usually means.
    pub fn of_years(years: u32) -> Level {
        match years {
            0 => Level::Entry,
            1..=2 => Level::Junior,
            3..=5 => Level::Mid,
            6..=9 => Level::Senior,
            _ => Level::Lead,
        }
    }

    /// The fewest years a level usually asks for.
    pub fn min_years(self) -> u32 {
        match self {
            Level::Entry => 0,
            Level::Junior => 1,
            Level::Mid => 3,
            Level::Senior => 5,
            Level::Lead => 8,
        }
    }
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Level, String> {
        Level::ALL
            .into_iter()
            .find(|l| l.name() == s.trim().to_lowercase())
            .ok_or_else(|| {
                format!("unknown level '{s}' (expected entry, junior, mid, senior or lead)")
            })
    }
}

/// The kinds of limit a posting can set on who may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitKind {
    Residency,
    Citizenship,
    Permit,
    TimeZone,
    Clearance,
}

impl LimitKind {
    pub fn name(self) -> &'static str {
        match self {
            LimitKind::Residency => "residency",
            LimitKind::Citizenship => "citizenship",
            LimitKind::Permit => "work permit",
            LimitKind::TimeZone => "time zone",
            LimitKind::Clearance => "clearance",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    entry_lines: Spanned<String>,
    posting: PostingDef,
    seniority: BTreeMap<String, Spanned<Vec<String>>>,
    mode: ModeDef,
    location: LocationDef,
    region: Vec<Spanned<RegionDef>>,
    limit: Vec<LimitDef>,
    language: Vec<Spanned<LanguageDef>>,
    language_rules: LanguageRulesDef,
    profile: ProfileDef,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostingDef {
    preferred: Spanned<String>,
    years: Spanned<String>,
    years_context: Spanned<String>,
    years_ko: Spanned<String>,
    years_ko_context: Spanned<String>,
    years_any: Spanned<String>,
    phd: Spanned<String>,
    master: Spanned<String>,
    bachelor: Spanned<String>,
    equivalent: Spanned<String>,
    degree_not_required: Spanned<String>,
}

/// The phrases of a posting's years, degree and preferred asks.
#[derive(Debug)]
pub struct PostingRules {
    pub preferred: Phrase,
    pub years: Phrase,
    pub years_context: Phrase,
    pub years_ko: Phrase,
    pub years_ko_context: Phrase,
    pub years_any: Phrase,
    pub phd: Phrase,
    pub master: Phrase,
    pub bachelor: Phrase,
    pub equivalent: Phrase,
    pub degree_not_required: Phrase,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeDef {
    remote: Vec<String>,
    hybrid: Vec<String>,
    onsite: Vec<String>,
    anywhere: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationDef {
    cue: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionDef {
    name: String,
    places: Vec<String>,
    #[serde(default)]
    members: Vec<Spanned<String>>,
    lang: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitDef {
    kind: LimitKind,
    regex: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageDef {
    name: String,
    words: Vec<String>,
    code: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageRulesDef {
    fluency: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileDef {
    years: Vec<Spanned<String>>,
    not_years: Spanned<String>,
    numbers: BTreeMap<String, u32>,
    phd: Spanned<String>,
    phd_unfinished: Spanned<String>,
    master: Spanned<String>,
    bachelor: Spanned<String>,
    negated: Spanned<String>,
    no_degree: Spanned<String>,
    remote: Spanned<String>,
    relocate: Spanned<String>,
    only: Spanned<String>,
    avoid: Vec<Spanned<String>>,
    clearance: Spanned<String>,
    roles: BTreeMap<String, Spanned<Vec<String>>>,
    level: BTreeMap<String, Spanned<Vec<String>>>,
}

/// One region: a country or a group of them.
#[derive(Debug)]
pub struct Region {
    pub name: String,
    pub places: Phrase,
    /// Indexes of the regions it contains (for groups), itself included.
    pub covers: Vec<usize>,
    pub lang: Option<String>,
}

#[derive(Debug)]
pub struct Language {
    pub name: String,
    pub words: Phrase,
    pub code: Option<String>,
}

/// The profile-reading phrases.
#[derive(Debug)]
pub struct ProfileRules {
    pub years: Vec<Phrase>,
    pub not_years: Phrase,
    pub numbers: BTreeMap<String, u32>,
    pub phd: Phrase,
    pub phd_unfinished: Phrase,
    pub master: Phrase,
    pub bachelor: Phrase,
    pub negated: Phrase,
    pub no_degree: Phrase,
    pub remote: Phrase,
    pub relocate: Phrase,
    pub only: Phrase,
    pub avoid: Vec<Phrase>,
    pub clearance: Phrase,
    pub roles: Vec<(Role, Phrase)>,
    pub levels: Vec<(Level, Phrase)>,
}

/// `requirements.toml`, compiled.
#[derive(Debug)]
pub struct ReqRules {
    pub posting: PostingRules,
    pub entry_lines: Phrase,
    /// Title words per level, highest level first.
    pub seniority: Vec<(Level, Phrase)>,
    pub remote: Phrase,
    pub hybrid: Phrase,
    pub onsite: Phrase,
    pub anywhere: Phrase,
    pub location_cue: Phrase,
    pub regions: Vec<Region>,
    pub limits: Vec<(LimitKind, Phrase)>,
    pub languages: Vec<Language>,
    pub fluency: Phrase,
    pub profile: ProfileRules,
    /// The gates of the phrases read from a posting's lines, built on first use.
    line_gates: OnceLock<LineGates>,
}

/// One alternation of literal phrases; see the file header for the rules.
/// Compiled on first use (now with `eager`); its gate is the longest word
/// of each phrase.
pub fn phrases(words: &[String], eager: bool) -> Result<Phrase, String> {
    let mut parts = Vec::new();
    let mut firsts = Vec::new();
    for w in words {
        let w = w.trim();
        if w.is_empty() {
            continue;
        }
        let mut body = String::new();
        for (i, piece) in w.split_whitespace().enumerate() {
            if i > 0 {
                body.push_str(r"\s+");
            }
            body.push_str(&regex::escape(piece));
        }
        // Its gate: the piece of it least likely to be anywhere.
        let rarest = w
            .split_whitespace()
            .max_by_key(|p| caseless_prefix(p.as_bytes()).len())
            .expect("not empty");
        firsts.push(rarest.as_bytes().to_vec());
        let first = w.chars().next().expect("not empty");
        let last = w.chars().next_back().expect("not empty");
        let b = r"(?-u:\b)";
        let pre = if first.is_ascii_alphanumeric() { b } else { "" };
        let post = if last.is_ascii_alphanumeric() { b } else { "" };
        let caps = w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let flag = if caps { "(?-i:" } else { "(?i:" };
        parts.push(format!("{flag}{pre}{body}{post})"));
    }
    if parts.is_empty() {
        // Matches nothing; so does its gate (no literal).
        return Phrase::build(r"[^\s\S]".to_string(), Some(Vec::new()), eager);
    }
    Phrase::build(parts.join("|"), Some(firsts), eager)
}

impl ReqRules {
    /// Loads `requirements.toml`: a user's file is compiled now, so that a
    /// bad regex is reported with its line; the bundled one on first use.
    pub fn load(f: &SourceFile) -> Result<ReqRules, RulesError> {
        ReqRules::load_with(f, f.origin == super::Origin::Folder)
    }

    /// Loads `requirements.toml`; with `eager`, every regex is compiled now.
    pub fn load_with(f: &SourceFile, eager: bool) -> Result<ReqRules, RulesError> {
        let def: FileDef = f.parse()?;
        let re = |s: &Spanned<String>| -> Result<Phrase, RulesError> {
            Phrase::new(user_regex(s.get_ref(), false), eager)
                .map_err(|e| f.error_at(s.span().start, e))
        };
        let words = |w: &Spanned<Vec<String>>| -> Result<Phrase, RulesError> {
            phrases(w.get_ref(), eager).map_err(|e| f.error_at(w.span().start, e))
        };
        let plain = |w: &[String]| -> Result<Phrase, RulesError> {
            phrases(w, eager).map_err(|e| RulesError::File {
                file: f.display.clone(),
                message: e,
            })
        };
        // Phrases by seniority level (a table of `level = [...]`), highest first.
        let by_level = |table: &BTreeMap<String, Spanned<Vec<String>>>| {
            let mut out = Vec::new();
            for (name, w) in table {
                let level: Level = name
                    .parse()
                    .map_err(|e: String| f.error_at(w.span().start, e))?;
                out.push((level, words(w)?));
            }
            out.sort_by_key(|b: &(Level, Phrase)| std::cmp::Reverse(b.0));
            Ok::<_, RulesError>(out)
        };
        let seniority = by_level(&def.seniority)?;

        let mut regions: Vec<Region> = Vec::new();
        for r in &def.region {
            let d = r.get_ref();
            if regions.iter().any(|x| x.name == d.name) {
                return Err(f.error_at(
                    r.span().start,
                    format!("region '{}' is defined twice", d.name),
                ));
            }
            let mut covers = vec![regions.len()];
            for m in &d.members {
                let Some(i) = regions.iter().position(|x| &x.name == m.get_ref()) else {
                    return Err(f.error_at(
                        m.span().start,
                        format!(
                            "unknown region '{}' (a member must be defined above its group)",
                            m.get_ref()
                        ),
                    ));
                };
                for c in regions[i].covers.clone() {
                    if !covers.contains(&c) {
                        covers.push(c);
                    }
                }
            }
            regions.push(Region {
                name: d.name.clone(),
                places: phrases(&d.places, eager).map_err(|e| f.error_at(r.span().start, e))?,
                covers,
                lang: d.lang.clone(),
            });
        }
        let mut limits = Vec::new();
        for l in &def.limit {
            limits.push((l.kind, re(&l.regex)?));
        }
        let mut languages = Vec::new();
        for l in &def.language {
            let d = l.get_ref();
            languages.push(Language {
                name: d.name.clone(),
                words: phrases(&d.words, eager).map_err(|e| f.error_at(l.span().start, e))?,
                code: d.code.clone(),
            });
        }
        let p = &def.profile;
        let mut roles = Vec::new();
        for (name, w) in &p.roles {
            let role: Role = name
                .parse()
                .map_err(|e: String| f.error_at(w.span().start, e))?;
            roles.push((role, words(w)?));
        }
        let levels = by_level(&p.level)?;
        let profile = ProfileRules {
            years: p.years.iter().map(&re).collect::<Result<_, _>>()?,
            not_years: re(&p.not_years)?,
            numbers: p.numbers.clone(),
            phd: re(&p.phd)?,
            phd_unfinished: re(&p.phd_unfinished)?,
            master: re(&p.master)?,
            bachelor: re(&p.bachelor)?,
            negated: re(&p.negated)?,
            no_degree: re(&p.no_degree)?,
            remote: re(&p.remote)?,
            relocate: re(&p.relocate)?,
            only: re(&p.only)?,
            avoid: p.avoid.iter().map(&re).collect::<Result<_, _>>()?,
            clearance: re(&p.clearance)?,
            roles,
            levels,
        };
        let d = &def.posting;
        let posting = PostingRules {
            preferred: re(&d.preferred)?,
            years: re(&d.years)?,
            years_context: re(&d.years_context)?,
            years_ko: re(&d.years_ko)?,
            years_ko_context: re(&d.years_ko_context)?,
            years_any: re(&d.years_any)?,
            phd: re(&d.phd)?,
            master: re(&d.master)?,
            bachelor: re(&d.bachelor)?,
            equivalent: re(&d.equivalent)?,
            degree_not_required: re(&d.degree_not_required)?,
        };
        Ok(ReqRules {
            posting,
            entry_lines: re(&def.entry_lines)?,
            seniority,
            remote: plain(&def.mode.remote)?,
            hybrid: plain(&def.mode.hybrid)?,
            onsite: plain(&def.mode.onsite)?,
            anywhere: plain(&def.mode.anywhere)?,
            location_cue: re(&def.location.cue)?,
            regions,
            limits,
            languages,
            fluency: re(&def.language_rules.fluency)?,
            profile,
            line_gates: OnceLock::new(),
        })
    }

    /// The gates of the phrases read from a posting's lines, in the order
    /// of [`gate_id`]: one scan of a posting finds the lines each may match.
    pub fn line_gates(&self) -> &LineGates {
        self.line_gates.get_or_init(|| {
            let p = &self.posting;
            let mut all: Vec<&Phrase> = vec![
                &self.location_cue,
                &self.remote,
                &self.hybrid,
                &self.onsite,
                &self.anywhere,
                &self.fluency,
                &self.entry_lines,
                &p.preferred,
                &p.years,
                &p.years_ko,
                &p.years_any,
                &p.phd,
                &p.master,
                &p.bachelor,
                &p.degree_not_required,
            ];
            all.extend(self.limits.iter().map(|(_, re)| re));
            all.extend(self.regions.iter().map(|r| &r.places));
            LineGates::new(&all)
        })
    }

    /// The gate index of region `i` (see [`gate_id`]).
    pub fn region_gate(&self, i: usize) -> usize {
        gate_id::LIMITS + self.limits.len() + i
    }

    /// [`ReqRules::regions_in`] for a text where only the regions `may`
    /// allows can be named (the others are not looked for: `may` is a gate).
    pub fn regions_in_where(&self, text: &str, may: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut found: Vec<(usize, usize)> = self
            .regions
            .iter()
            .enumerate()
            .filter(|(i, _)| may(*i))
            .filter_map(|(i, r)| r.places.regex().find(text).map(|m| (m.start(), i)))
            .collect();
        found.sort();
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// [`ReqRules::first_place`] for a text where only the regions `may`
    /// allows can be named.
    pub fn first_place_where(
        &self,
        text: &str,
        may: impl Fn(usize) -> bool,
    ) -> Option<(usize, String)> {
        self.regions
            .iter()
            .enumerate()
            .filter(|(i, _)| may(*i))
            .filter_map(|(i, r)| {
                r.places
                    .regex()
                    .find(text)
                    .map(|m| (m.start(), i, m.as_str().to_string()))
            })
            .min_by_key(|(at, i, _)| (*at, *i))
            .map(|(_, i, s)| (i, s))
    }

    /// The regions whose places a text names, in order of first mention, each once.
    pub fn regions_in(&self, text: &str) -> Vec<usize> {
        self.regions_in_where(text, |i| self.regions[i].places.may_match(text))
    }

    /// The first place a text names, with its region.
    pub fn first_place(&self, text: &str) -> Option<(usize, String)> {
        self.first_place_where(text, |i| self.regions[i].places.may_match(text))
    }

    pub fn region_index(&self, name: &str) -> Option<usize> {
        self.regions
            .iter()
            .position(|r| r.name.eq_ignore_ascii_case(name))
    }

    /// Whether region `inner` lies inside region `outer` (or is it).
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        self.regions[outer].covers.contains(&inner)
    }

    /// Whether the region named `inner` lies inside the one named `outer`;
    /// names no region knows only match themselves.
    pub fn inside(&self, inner: &str, outer: &str) -> bool {
        match (self.region_index(inner), self.region_index(outer)) {
            (Some(i), Some(o)) => self.within(i, o),
            _ => inner.eq_ignore_ascii_case(outer),
        }
    }

    pub fn language_named(&self, name: &str) -> Option<&Language> {
        self.languages
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(name) || l.words.is_match(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_have_boundaries_and_caps() {
        let re = phrases(&["US".into(), "San Francisco".into(), "서울".into()], false).unwrap();
        assert!(re.is_match("Remote (US)"));
        assert!(!re.is_match("join us today"));
        assert!(re.is_match("san  francisco office"));
        assert!(re.is_match("서울시 강남구"));
        assert!(!re.is_match("USB"));
    }

    #[test]
    fn bundled_file_loads() {
        let files = super::super::builtin_files();
        let f = files
            .iter()
            .find(|f| f.name == "requirements.toml")
            .unwrap();
        let r = ReqRules::load_with(f, true).unwrap();
        let eu = r.region_index("EU").unwrap();
        let de = r.region_index("DE").unwrap();
        let europe = r.region_index("Europe").unwrap();
        assert!(r.within(de, eu));
        assert!(r.within(de, europe));
        assert!(!r.within(r.region_index("US").unwrap(), europe));
        assert_eq!(
            r.regions_in("Berlin or 서울"),
            vec![de, r.region_index("KR").unwrap()]
        );
    }

    /// A gate never rules out a text the regex matches: not for letters
    /// outside ASCII in another case, nor for the Kelvin sign and long s,
    /// which case folding matches to k and s.
    #[test]
    fn gates_rule_out_only_what_cannot_match() {
        let p = phrases(&["Kotlin".into(), "München".into(), "sales".into()], false).unwrap();
        for text in [
            "\u{212A}otlin and Rust",
            "office in MÜNCHEN",
            "\u{17F}ales team",
            "KOTLIN",
            "Java only",
        ] {
            assert_eq!(
                p.find(text).map(|m| m.range()),
                p.regex().find(text).map(|m| m.range()),
                "{text}"
            );
        }
        assert!(!p.may_match("Java only"));
        assert!(p.is_match("office in MÜNCHEN"));
    }

    /// The gate of a user regex takes a rare literal of each alternative,
    /// not a common one, and none when an alternative needs none.
    #[test]
    fn user_regex_gates() {
        let lits = |re: &str| {
            contained_literals(&user_regex(re, false)).map(|l| {
                l.into_iter()
                    .map(|x| String::from_utf8(x).unwrap())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            lits(r"\b(no|cannot)\s+(visa\s+)?sponsor(ship)?\b"),
            Some(vec!["sponsor".to_string()])
        );
        assert_eq!(
            lits(r"^\s*(office|hq)\b|본사").unwrap(),
            ["office", "hq", "본사"]
        );
        assert_eq!(lits(r"\d+|years?"), None);
    }

    /// One scan of a posting's lines gives, for each phrase, the lines it
    /// may match on; every line a phrase matches is among them.
    #[test]
    fn line_gates_cover_every_matching_line() {
        let files = super::super::builtin_files();
        let f = files
            .iter()
            .find(|f| f.name == "requirements.toml")
            .unwrap();
        let r = ReqRules::load_with(f, true).unwrap();
        let lines = [
            "Location: Berlin, Germany (hybrid, 3 days a week in the office)",
            "We cannot offer visa sponsorship.",
            "근무지: 서울 강남구, 주 2회 재택",
            "Fluent English and a \u{212A}orean speaker; PhD preferred",
            "Nothing here at all",
        ];
        let doc = super::super::Doc::new(lines);
        let hits = r.line_gates().scan(&doc);
        let mut checked = 0;
        let mut phrases: Vec<(usize, &Phrase)> = vec![
            (gate_id::CUE, &r.location_cue),
            (gate_id::REMOTE, &r.remote),
            (gate_id::HYBRID, &r.hybrid),
            (gate_id::ONSITE, &r.onsite),
            (gate_id::FLUENCY, &r.fluency),
            (gate_id::PREFERRED, &r.posting.preferred),
            (gate_id::PHD, &r.posting.phd),
        ];
        phrases.extend(
            r.limits
                .iter()
                .enumerate()
                .map(|(k, (_, p))| (gate_id::LIMITS + k, p)),
        );
        phrases.extend(
            r.regions
                .iter()
                .enumerate()
                .map(|(i, x)| (r.region_gate(i), &x.places)),
        );
        for (id, p) in phrases {
            for (i, line) in lines.iter().enumerate() {
                if p.regex().is_match(line) {
                    assert!(hits.may(id, i), "{} on {line}", p.source());
                    checked += 1;
                }
            }
        }
        assert!(checked >= 8, "{checked}");
        assert!(!hits.may(gate_id::CUE, 4));
        assert!(!hits.anywhere(gate_id::ENTRY));
    }
}
