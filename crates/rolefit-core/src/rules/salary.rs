//! Pay: what a posting says it pays, as `{min, max, currency, period,
//! negotiable}`.
//!
//! Amounts are read in both languages: `연봉 5,000만원 ~ 7,000만원`, `월 400만원`,
//! `3천만원`, `1억`, `시급 12,000원`, `$150,000 - $200,000`, `$150k-200k/yr`,
//! `$60/hr`, `€70.000`, `£55k`. Which lines count as pay, the words for each
//! period and for "negotiable" live in `patterns/salary.toml`. A number without
//! a currency is not pay, and a line that names no period gets none: rolefit
//! does not guess either.

use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;
use regex::{Captures, Regex, RegexSet};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::matcher::GateScanner;
use super::phrases::{Phrase, contained_literals, gate_scanner};
use super::{RulesError, SourceFile, user_regex};
use crate::model::{Posting, SectionKind};

/// A currency, by its ISO 4217 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "KRW")]
    Krw,
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "EUR")]
    Eur,
    #[serde(rename = "GBP")]
    Gbp,
    #[serde(rename = "CAD")]
    Cad,
    #[serde(rename = "AUD")]
    Aud,
}

impl Currency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Krw => "KRW",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Cad => "CAD",
            Currency::Aud => "AUD",
        }
    }

    /// The currency of a symbol, code or word as written in a posting.
    fn of(mark: &str) -> Option<Currency> {
        let m = mark.trim().to_uppercase();
        Some(match m.as_str() {
            "원" | "₩" | "KRW" => Currency::Krw,
            "$" | "US$" | "USD" | "달러" => Currency::Usd,
            "€" | "EUR" | "유로" => Currency::Eur,
            "£" | "GBP" | "파운드" => Currency::Gbp,
            "CA$" | "C$" | "CAD" => Currency::Cad,
            "A$" | "AU$" | "AUD" => Currency::Aud,
            _ => return None,
        })
    }
}

/// What an amount is paid per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Year,
    Month,
    Week,
    Day,
    Hour,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::Hour,
        Period::Day,
        Period::Week,
        Period::Month,
        Period::Year,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Month => "month",
            Period::Week => "week",
            Period::Day => "day",
            Period::Hour => "hour",
        }
    }
}

/// The pay a posting states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Salary {
    /// The lowest amount, in units of `currency` per `period`.
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub currency: Option<Currency>,
    /// None when the posting does not say; rolefit does not guess it.
    pub period: Option<Period>,
    /// Pay is settled later ("면접 후 결정", "negotiable").
    pub negotiable: bool,
    /// The line it was read from, and its number.
    pub text: String,
    pub line: usize,
    /// The pay per year, as (low, high), when the period is known; see
    /// [`Salary::annual`]. Not part of the JSON.
    #[serde(skip)]
    pub per_year: Option<(f64, f64)>,
}

impl Salary {
    /// The pay per year, as (low, high), when the period is known.
    pub fn annual(&self, rules: &SalaryRules) -> Option<(f64, f64)> {
        let times = rules.per_year(self.period?);
        let lo = self.min.or(self.max)?;
        let hi = self.max.or(self.min)?;
        Some((lo * times, hi * times))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SalaryFile {
    cue: Vec<Spanned<String>>,
    not_pay: Vec<Spanned<String>>,
    #[serde(default)]
    budget: Vec<Spanned<String>>,
    negotiable: Vec<Spanned<String>>,
    period: PeriodFile,
    per_year: PerYear,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodFile {
    hour: Vec<Spanned<String>>,
    day: Vec<Spanned<String>>,
    week: Vec<Spanned<String>>,
    month: Vec<Spanned<String>>,
    year: Vec<Spanned<String>>,
    default_year: Vec<Spanned<String>>,
}

/// How many of each period a year holds; see `patterns/salary.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerYear {
    pub hour: f64,
    pub day: f64,
    pub week: f64,
    pub month: f64,
    pub year: f64,
}

/// `patterns/salary.toml`, compiled.
#[derive(Debug)]
pub struct SalaryRules {
    cue: LazySet,
    not_pay: LazySet,
    /// A budget, not pay, on a line without a `cue`.
    budget: LazySet,
    negotiable: LazySet,
    /// One regex per period, in [`Period::ALL`] order.
    periods: Vec<(Period, Phrase)>,
    default_year: LazySet,
    pub per_year: PerYear,
}

/// A list of regexes any of which may match, compiled into one set on first
/// use (a user's file: when loaded), with a gate that rules out a text
/// holding none of their literals (see [`Phrase`]).
#[derive(Debug)]
struct LazySet {
    sources: Vec<String>,
    set: OnceLock<RegexSet>,
    gate: OnceLock<Option<GateScanner>>,
}

impl LazySet {
    fn new(f: &SourceFile, list: &[Spanned<String>], eager: bool) -> Result<LazySet, RulesError> {
        let sources: Vec<String> = list
            .iter()
            .map(|s| user_regex(s.get_ref(), false))
            .collect();
        let lazy = LazySet {
            sources,
            set: OnceLock::new(),
            gate: OnceLock::new(),
        };
        if eager {
            let _ = lazy.set.set(set(f, list)?);
        }
        Ok(lazy)
    }

    fn set(&self) -> &RegexSet {
        self.set.get_or_init(|| {
            RegexSet::new(&self.sources)
                .expect("the bundled salary regexes compile (the tests check)")
        })
    }

    /// False only when no regex of the set can match `text`.
    fn may_match(&self, text: &str) -> bool {
        let gate = self.gate.get_or_init(|| {
            let mut literals = Vec::new();
            for source in &self.sources {
                literals.extend(contained_literals(source)?);
            }
            gate_scanner(literals)
        });
        gate.as_ref().is_none_or(|ac| ac.is_match(text))
    }

    fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.set().is_match(text)
    }
}

impl SalaryRules {
    /// Compiles `salary.toml`; a bad regex is reported with its line. A
    /// user's file is compiled now, the bundled one on first use.
    pub fn load(f: &SourceFile) -> Result<SalaryRules, RulesError> {
        SalaryRules::load_with(f, f.origin == super::Origin::Folder)
    }

    /// Compiles `salary.toml`; with `eager`, every regex now.
    pub fn load_with(f: &SourceFile, eager: bool) -> Result<SalaryRules, RulesError> {
        let def: SalaryFile = f.parse()?;
        let p = &def.period;
        let lists = [&p.hour, &p.day, &p.week, &p.month, &p.year];
        let mut periods = Vec::new();
        for (period, list) in Period::ALL.into_iter().zip(lists) {
            periods.push((period, alternation(f, list, eager)?));
        }
        Ok(SalaryRules {
            cue: LazySet::new(f, &def.cue, eager)?,
            not_pay: LazySet::new(f, &def.not_pay, eager)?,
            budget: LazySet::new(f, &def.budget, eager)?,
            negotiable: LazySet::new(f, &def.negotiable, eager)?,
            periods,
            default_year: LazySet::new(f, &p.default_year, eager)?,
            per_year: def.per_year,
        })
    }

    /// Whether a line may state pay at all, as [`parse_line`] reads it:
    /// cheap tests that rule out most lines. Without a digit, a line states
    /// pay only as a word for pay and "negotiable"; with one, only with a
    /// word for pay or a currency (an amount without one is not pay).
    pub fn may_state_pay(&self, text: &str) -> bool {
        if text.bytes().any(|b| b.is_ascii_digit()) {
            MONEY.is_match(text) || self.cue.may_match(text)
        } else {
            self.cue.may_match(text) && self.negotiable.may_match(text)
        }
    }

    /// How many of `period` a year holds.
    pub fn per_year(&self, period: Period) -> f64 {
        let y = &self.per_year;
        match period {
            Period::Hour => y.hour,
            Period::Day => y.day,
            Period::Week => y.week,
            Period::Month => y.month,
            Period::Year => y.year,
        }
    }

    /// The period written right after the amount (`$60/hr`, `... a year`),
    /// if any.
    fn period_after(&self, after: &str) -> Option<Period> {
        self.periods
            .iter()
            .filter_map(|(p, re)| re.find(after).map(|m| (m, *p)))
            // "$60/hr": a slash form is the amount's only when right after it.
            .filter(|(m, _)| {
                let slash = m.as_str().trim_start().starts_with('/');
                m.start() <= if slash { 1 } else { ADJACENT }
            })
            .map(|(m, p)| (m.start(), p))
            .min_by_key(|&(at, _)| at)
            .map(|(_, p)| p)
    }

    /// The period written right before the amount that starts at `start`
    /// ("월 400만원", "시급 12,000원").
    fn period_before(&self, text: &str, start: usize) -> Option<Period> {
        self.periods.iter().find_map(|(p, re)| {
            re.find_iter(text)
                .find(|m| {
                    m.start() < start
                        && m.start() + ADJACENT >= start
                        // The month pattern reads the amount's first digit.
                        && text[m.end().min(start)..start].trim().chars().count() <= 1
                        && m.end() <= start + 1
                })
                .map(|_| *p)
        })
    }

    /// The period of an amount: the one written right after it, else the one
    /// the line names first (a slash form like `/week` belongs only to the
    /// amount just before it, so "4x/week onsite" names no period), else a
    /// yearly default for "salary".
    fn period(&self, text: &str, after: &str) -> Option<Period> {
        self.period_after(after)
            .or_else(|| {
                self.periods
                    .iter()
                    .filter_map(|(p, re)| {
                        re.find_iter(text)
                            .find(|m| !m.as_str().trim_start().starts_with('/'))
                            .map(|m| (m.start(), *p))
                    })
                    .min_by_key(|&(at, _)| at)
                    .map(|(_, p)| p)
            })
            .or_else(|| self.default_year.is_match(text).then_some(Period::Year))
    }
}

fn checked(f: &SourceFile, list: &[Spanned<String>]) -> Result<Vec<String>, RulesError> {
    list.iter()
        .map(|s| {
            let re = user_regex(s.get_ref(), false);
            Regex::new(&re)
                .map(|_| re)
                .map_err(|e| f.error_at(s.span().start, crate::rules::one_line(&e.to_string())))
        })
        .collect()
}

fn set(f: &SourceFile, list: &[Spanned<String>]) -> Result<RegexSet, RulesError> {
    let res = checked(f, list)?;
    RegexSet::new(&res).map_err(|e| RulesError::File {
        file: f.display.clone(),
        message: crate::rules::one_line(&e.to_string()),
    })
}

fn alternation(
    f: &SourceFile,
    list: &[Spanned<String>],
    eager: bool,
) -> Result<Phrase, RulesError> {
    let res = if eager {
        checked(f, list)?
    } else {
        list.iter()
            .map(|s| user_regex(s.get_ref(), false))
            .collect()
    };
    // An empty list matches nothing.
    let joined = if res.is_empty() {
        "[^\\s\\S]".to_string()
    } else {
        res.join("|")
    };
    Phrase::new(joined, eager).map_err(|message| RulesError::File {
        file: f.display.clone(),
        message,
    })
}

/// Marks that give an amount its currency (see [`AMOUNT`]): symbols, codes,
/// Korean units and words. A line with none of them (and no word for pay)
/// states no pay. The Kelvin sign and long s fold to `k` and `s` in the
/// codes.
static MONEY: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "$",
            "€",
            "£",
            "₩",
            "원",
            "달러",
            "유로",
            "파운드",
            "억",
            "만",
            "천",
            "usd",
            "eur",
            "gbp",
            "krw",
            "cad",
            "aud",
            "\u{212A}",
            "\u{17F}",
        ])
        .expect("the currency marks build")
});

/// The pay a posting states: the first line with an amount, else the first
/// that says pay is negotiable.
pub fn find(posting: &Posting, rules: &SalaryRules) -> Option<Salary> {
    let mut open = None;
    // The company's story and the hiring steps ("처우 협의") are not pay.
    let lines = posting
        .sections
        .iter()
        .filter(|s| !matches!(s.kind, SectionKind::About | SectionKind::Process))
        .flat_map(|s| &s.lines);
    for line in lines.filter(|l| rules.may_state_pay(&l.text)) {
        if let Some(s) = parse_line(&line.text, line.number, rules) {
            if s.min.is_some() || s.max.is_some() {
                return Some(s);
            }
            open.get_or_insert(s);
        }
    }
    open
}

/// How far after an amount a period may be written and still be its own.
const ADJACENT: usize = 16;

/// Reads the pay one line states, if it states any: a line with a word for
/// pay (`cue`), or an amount with its period right after it; not a line
/// about an allowance or benefit (`not_pay`), nor one about a budget
/// without a word for pay (`budget`).
pub fn parse_line(text: &str, line: usize, rules: &SalaryRules) -> Option<Salary> {
    if rules.not_pay.is_match(text) {
        return None;
    }
    let cue = rules.cue.is_match(text);
    if !cue && rules.budget.is_match(text) {
        return None;
    }
    let amounts = amounts(text);
    let found = first_pay(text, &amounts);
    let after = found.map_or("", |f| &text[f.4..]);
    let start = found.map_or(0, |f| f.3);
    // "월 400만원", "$60/hr": the period written next to the amount.
    let adjacent = found.is_some()
        && (rules.period_after(after).is_some() || rules.period_before(text, start).is_some());
    if !cue && !adjacent {
        return None;
    }
    let negotiable = rules.negotiable.is_match(text);
    if found.is_none() && !negotiable {
        return None;
    }
    let (min, max, currency) =
        found.map_or((None, None, None), |(lo, hi, c, _, _)| (lo, hi, Some(c)));
    let mut s = Salary {
        min,
        max,
        currency,
        period: found.and_then(|_| {
            rules
                .period_before(text, start)
                .filter(|_| rules.period_after(after).is_none())
                .or_else(|| rules.period(text, after))
        }),
        negotiable,
        text: text.trim().to_string(),
        line,
        per_year: None,
    };
    s.per_year = s.annual(rules);
    Some(s)
}

/// One number as written: its value, currency mark and multiplier, if any.
#[derive(Debug, Clone, Copy)]
struct Amount {
    start: usize,
    end: usize,
    value: f64,
    currency: Option<Currency>,
    /// The multiplier written after it (k, 만, 억 ...), 1 when none.
    mult: f64,
    /// A multiplier was written (so "5,000~7,000만원" lends it to 5,000).
    has_mult: bool,
}

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<pre>US\$|CA\$|C\$|AU\$|A\$|[$€£₩]|(?-u:\b)(?:USD|EUR|GBP|KRW|CAD|AUD)(?-u:\b))?\s*
        (?P<num>[0-9]+(?:[.,][0-9]+)*)
        (?:\s*(?P<eok>억)(?:\s*(?P<num2>[0-9]+(?:[.,][0-9]+)*)\s*(?P<mult2>천만|백만|만|천)?)?)?
        (?:\s*(?P<mult>천만|백만|만|천|k(?-u:\b)|m(?-u:\b)|mn(?-u:\b)))?
        (?:\s*(?P<post>원|달러|유로|파운드|(?-u:\b)(?:USD|EUR|GBP|KRW|CAD|AUD)(?-u:\b)))?",
    )
    .expect("the amount regex compiles")
});

/// Between the two ends of a range.
static RANGE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:-|–|—|~|〜|～|to|and|부터|에서)\s*$").expect("the range regex compiles")
});

/// After an amount: "or more" / "up to".
static AT_LEAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:이상|\+|or more|and up|minimum)").expect("the at-least regex compiles")
});
static AT_MOST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:이하|까지)").expect("the at-most regex compiles"));
static UP_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:up to|max(?:imum)?\.?:?|최대)\s*$").expect("the up-to regex compiles")
});

/// After a number: what it counts is not money ("$46 billion in revenue",
/// "500만 명의 사용자").
static COUNTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:billion|bn|trillion|명|개|건|곳|회|가지|users|customers)")
        .expect("the counts regex compiles")
});

/// The amounts of a line. A number followed right away by a letter it does
/// not know ("$43B", "300만명", "10x"), or by what it counts, is not money.
fn amounts(text: &str) -> Vec<Amount> {
    AMOUNT
        .captures_iter(text)
        .filter(|c| {
            let rest = &text[c.get(0).map_or(0, |m| m.end())..];
            c.name("post").is_some()
                || !(rest.chars().next().is_some_and(char::is_alphabetic) || COUNTS.is_match(rest))
        })
        .filter_map(|c| amount(&c))
        .collect()
}

fn amount(c: &Captures) -> Option<Amount> {
    let whole = c.get(0)?;
    let num = number(c.name("num")?.as_str())?;
    let mark = c.name("pre").or_else(|| c.name("post"));
    let mut currency = mark.and_then(|m| Currency::of(m.as_str()));
    let (value, mult, has_mult) = if c.name("eok").is_some() {
        let rest = match c.name("num2") {
            Some(n) => number(n.as_str())? * c.name("mult2").map_or(1e4, |m| korean(m.as_str())),
            None => 0.0,
        };
        currency = currency.or(Some(Currency::Krw));
        (num * 1e8 + rest, 1.0, true)
    } else if let Some(m) = c.name("mult") {
        let mult = match m.as_str().to_lowercase().as_str() {
            "k" => 1e3,
            "m" | "mn" => 1e6,
            ko => {
                currency = currency.or(Some(Currency::Krw));
                korean(ko)
            }
        };
        (num * mult, mult, true)
    } else {
        (num, 1.0, false)
    };
    // The match may begin with spaces; the amount begins at its mark or digit.
    let start = c
        .name("pre")
        .or_else(|| c.name("num"))
        .map_or(whole.start(), |m| m.start());
    Some(Amount {
        start,
        end: whole.end(),
        value,
        currency,
        mult,
        has_mult,
    })
}

fn korean(unit: &str) -> f64 {
    match unit {
        "천만" => 1e7,
        "백만" => 1e6,
        "만" => 1e4,
        "천" => 1e3,
        _ => 1.0,
    }
}

/// A number with thousands separators (`150,000`, `70.000`) or a decimal
/// point (`1.5`).
fn number(s: &str) -> Option<f64> {
    let groups: Vec<&str> = s.split([',', '.']).collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    if thousands {
        return groups.concat().parse().ok();
    }
    match groups.len() {
        1 => s.parse().ok(),
        2 => format!("{}.{}", groups[0], groups[1]).parse().ok(),
        _ => None,
    }
}

/// The first amount, or range of amounts, with a currency: (min, max, currency).
/// (min, max, currency, where the amount starts and ends).
type Pay = (Option<f64>, Option<f64>, Currency, usize, usize);

fn first_pay(text: &str, amounts: &[Amount]) -> Option<Pay> {
    let mut i = 0;
    while i < amounts.len() {
        let a = amounts[i];
        if let Some(b) = amounts.get(i + 1).copied()
            && RANGE_GAP.is_match(&text[a.end..b.start])
        {
            let (mut lo, mut hi) = (a, b);
            // "5,000~7,000만원": the unit and currency written once serve both.
            if !lo.has_mult && hi.has_mult {
                lo.value *= hi.mult;
            }
            if !hi.has_mult && lo.has_mult {
                hi.value *= lo.mult;
            }
            if let Some(c) = lo.currency.or(hi.currency) {
                return Some((Some(lo.value), Some(hi.value), c, lo.start, hi.end));
            }
            i += 2;
            continue;
        }
        if let Some(c) = a.currency {
            let after = &text[a.end..];
            if AT_LEAST.is_match(after) {
                return Some((Some(a.value), None, c, a.start, a.end));
            }
            if AT_MOST.is_match(after) || UP_TO.is_match(&text[..a.start]) {
                return Some((None, Some(a.value), c, a.start, a.end));
            }
            return Some((Some(a.value), Some(a.value), c, a.start, a.end));
        }
        i += 1;
    }
    None
}

#[cfg(test)]
#[path = "salary_tests.rs"]
mod tests;
