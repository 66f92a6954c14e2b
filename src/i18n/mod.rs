//! The words rolefit says to a person, in English or Korean.
//!
//! Every sentence, label and heading a person reads lives in one Fluent file
//! per language (`src/i18n/en.ftl`, `src/i18n/ko.ftl`), compiled in. Code asks
//! for a message by id through [`tr!`], with named arguments:
//!
//! ```
//! use rolefit::i18n::{Locale, Messages};
//! use rolefit::tr;
//! let m = Messages::new(Locale::Ko);
//! assert_eq!(tr!(m, "table-fit-more", n = 3), "(외 3개)");
//! ```
//!
//! ## Adding a message
//!
//! 1. Add `my-message = ...` to **both** `en.ftl` and `ko.ftl` (a test fails
//!    when one lacks it, or when the two take different arguments).
//!    Arguments are `{ $name }`; a number can pick a plural form:
//!
//!    ```text
//!    advice-lead-with = Your strongest match here is { $skill }: lead with it.
//!    advice-gap = { $n ->
//!        [one] One required skill is missing: { $skills }.
//!       *[other] { $n } required skills are missing: { $skills }.
//!    }
//!    ```
//!
//! 2. Say it with `tr!(m, "my-message", skill = name, n = list.len())`:
//!    the id must be a literal (a test checks every `tr!` id against both
//!    files), the argument names are Rust identifiers (`$skill` is `skill`),
//!    and values are anything `Into<FluentValue>`: `&str`, `String`, integers
//!    and floats (numbers select plural forms; format a float yourself when
//!    its digits matter, and pass the string).
//! 3. Never put words for people in a string literal in `src/output/` or
//!    `src/summary/sections.rs`: a test reads those files and fails.
//!
//! The language changes words, never data: JSON, JSON Lines and CSV keys and
//! values stay English (the machine contract); tables, Markdown, the summary,
//! the report, the profile template and common errors follow the language.

pub mod errors;
pub mod help;
mod words;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English catalogue.
pub const EN_FTL: &str = include_str!("en.ftl");
/// The Korean catalogue.
pub const KO_FTL: &str = include_str!("ko.ftl");

/// The language rolefit speaks to a person in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Korean (한국어).
    Ko,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ko];

    /// The BCP 47 code: `en`, `ko` (for `<html lang>`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ko => "ko",
        }
    }

    /// The language when `--lang` is not given: `ROLEFIT_LANG` (en or ko),
    /// else the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX order):
    /// Korean when it starts with `ko`, else English.
    pub fn from_env() -> Result<Locale, String> {
        Locale::detect(|var| std::env::var(var).ok())
    }

    /// [`Locale::from_env`] over any environment, for tests.
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Result<Locale, String> {
        if let Some(v) = var("ROLEFIT_LANG").filter(|v| !v.trim().is_empty()) {
            return Locale::parse(&v).ok_or_else(|| format!("ROLEFIT_LANG={v}: must be en or ko"));
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        Ok(match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ko") => Locale::Ko,
            _ => Locale::En,
        })
    }

    /// `en`, `ko`, `ko_KR.UTF-8`, `en-US`: the language part.
    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.trim().to_ascii_lowercase();
        let lang = s.split(['_', '-', '.', '@']).next().unwrap_or("");
        match lang {
            "en" => Some(Locale::En),
            "ko" => Some(Locale::Ko),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The catalogue in one language: looks messages up and fills in arguments.
/// Cheap to copy; the bundles are built once per process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Messages {
    locale: Locale,
}

impl Messages {
    pub fn new(locale: Locale) -> Messages {
        Messages { locale }
    }

    pub fn locale(self) -> Locale {
        self.locale
    }

    /// The message `id`, without arguments.
    pub fn get(self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments; prefer the [`tr!`] macro.
    pub fn args(self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(id, Some(&fa))
    }

    /// Looks `id` up in this language, then in English; a message missing
    /// from both (a test forbids it) shows as its id.
    fn format(self, id: &str, args: Option<&FluentArgs>) -> String {
        let all = bundles();
        for locale in [self.locale, Locale::En] {
            let bundle = &all[locale.index()];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let s = bundle.format_pattern(pattern, args, &mut errors);
                return s.into_owned();
            }
        }
        id.to_string()
    }

    /// Whether `id` is in this language's catalogue.
    pub fn has(self, id: &str) -> bool {
        bundles()[self.locale.index()].has_message(id)
    }
}

/// A message with named arguments: `tr!(m, "id")`, `tr!(m, "id", n = 3,
/// name = "x")`. Numbers select plural forms in the `.ftl` file; strings are
/// inserted as they are.
#[macro_export]
macro_rules! tr {
    ($m:expr, $id:literal) => {
        $m.get($id)
    };
    ($m:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $m.args($id, &[$((stringify!($k), $crate::i18n::arg($v))),+])
    };
}

/// An argument of a message: a number (plural rules apply) or a string.
pub fn arg<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle(Locale::En, EN_FTL), bundle(Locale::Ko, KO_FTL)])
}

fn bundle(locale: Locale, ftl: &'static str) -> FluentBundle<FluentResource> {
    let lang: unic_langid::LanguageIdentifier = locale.code().parse().expect("a valid language");
    let mut b = FluentBundle::new_concurrent(vec![lang]);
    // No Unicode isolation marks around arguments: the text goes to
    // terminals, CSV-free Markdown and HTML, where they would show as junk.
    b.set_use_isolating(false);
    let res = FluentResource::try_new(ftl.to_string())
        .unwrap_or_else(|(_, e)| panic!("src/i18n/{}.ftl: {e:?}", locale.code()));
    b.add_resource(res)
        .unwrap_or_else(|e| panic!("src/i18n/{}.ftl: {e:?}", locale.code()));
    b
}

#[cfg(test)]
mod tests;
