//! `--help` in the user's language. The English is clap's, from the doc
//! comments in `src/cli.rs`; in Korean every command's about and every
//! option's help are taken from `help.ko.toml`, and clap's own words
//! (Usage, Options, the help and version flags) too.

use std::collections::BTreeMap;
use std::ffi::OsString;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, Command, CommandFactory, ValueEnum};
use serde::Deserialize;

use super::Locale;
use crate::boards::BadBoardUrl;
use crate::cli::{BadValue, Cli};

/// The Korean help, as `help.ko.toml` is written. (Any other table is a
/// command: a test checks that each names one.)
#[derive(Debug, Deserialize)]
pub struct Catalogue {
    pub headings: Headings,
    pub errors: Errors,
    /// Help of each value, by the option's id, then the value's name.
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// Help of options that several commands share, by id.
    pub args: BTreeMap<String, String>,
    /// Each command, by its path ("rolefit", "analyze", "patterns learn").
    #[serde(flatten)]
    pub commands: BTreeMap<String, CommandHelp>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub usage: String,
    pub default: String,
    pub possible_values: String,
    pub commands: String,
    pub arguments: String,
    pub options: String,
    pub help: String,
    pub help_command: String,
    pub version: String,
}

/// A usage error's words; `{arg}`, `{value}`, `{suggested}`, `{prior}` and
/// `{values}` are filled in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Errors {
    pub prefix: String,
    pub unknown_argument: String,
    pub unknown_subcommand: String,
    pub tip_argument: String,
    pub tip_subcommand: String,
    pub invalid_value: String,
    pub possible_values: String,
    pub missing: String,
    pub conflict: String,
    pub tip: String,
    pub more: String,
    pub value_required: String,
    pub reasons: Reasons,
}

/// Why a value was refused: the reasons of our own parsers
/// ([`BadValue`], [`BadBoardUrl`]) and of whole numbers that do not parse.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reasons {
    pub whole_number: String,
    pub too_large: String,
    pub delimiter: String,
    pub at_least_one: String,
    pub seconds: String,
    pub non_negative: String,
    pub board_form: String,
    pub unknown_board: String,
    pub not_url: String,
    pub scheme: String,
    pub no_host: String,
    pub query: String,
}

impl Reasons {
    /// The Korean of a parser's reason, if it is one we know.
    fn of(&self, why: &(dyn std::error::Error + 'static)) -> Option<String> {
        use std::num::{IntErrorKind, ParseIntError};
        let names = || crate::boards::board_names();
        if let Some(e) = why.downcast_ref::<ParseIntError>() {
            return Some(match e.kind() {
                IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => self.too_large.clone(),
                _ => self.whole_number.clone(),
            });
        }
        if let Some(e) = why.downcast_ref::<BadValue>() {
            return Some(
                match e {
                    BadValue::Delimiter => &self.delimiter,
                    BadValue::AtLeastOne => &self.at_least_one,
                    BadValue::Seconds => &self.seconds,
                    BadValue::NonNegative => &self.non_negative,
                }
                .clone(),
            );
        }
        let e = why.downcast_ref::<BadBoardUrl>()?;
        Some(match e {
            BadBoardUrl::Form => self.board_form.replace("{names}", &names()),
            BadBoardUrl::UnknownBoard(key) => self
                .unknown_board
                .replace("{key}", key)
                .replace("{names}", &names()),
            BadBoardUrl::NotUrl(detail) => self.not_url.replace("{detail}", detail),
            BadBoardUrl::Scheme => self.scheme.clone(),
            BadBoardUrl::NoHost => self.no_host.clone(),
            BadBoardUrl::Query => self.query.clone(),
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandHelp {
    pub about: String,
    #[serde(default)]
    pub after: Option<String>,
    #[serde(default)]
    pub args: BTreeMap<String, String>,
}

/// The Korean catalogue; it is compiled in, and a test reads it whole.
pub fn korean() -> Catalogue {
    toml::from_str(include_str!("help.ko.toml")).expect("help.ko.toml is valid")
}

/// The language `--help` is shown in, read before the arguments are parsed
/// (a usage error is shown in it too): `--lang` anywhere in `args`, else
/// the environment as [`Locale::from_env`] reads it, else English.
pub fn locale_of(args: &[OsString]) -> Locale {
    flag(args).unwrap_or_else(|| Locale::from_env().unwrap_or_default())
}

/// The language `--lang LANG` or `--lang=LANG` names, wherever it stands
/// before a `--`.
fn flag(args: &[OsString]) -> Option<Locale> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(w) = words.next() {
        if w == "--" {
            break;
        }
        let value = match w.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(v) => v.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(l) = value.as_deref().and_then(Locale::parse) {
            return Some(l);
        }
    }
    None
}

/// The command line, its help in `locale`.
pub fn command(locale: Locale) -> Command {
    let cmd = Cli::command();
    match locale {
        Locale::En => cmd,
        Locale::Ko => {
            let mut cmd = cmd;
            // Built, it has its help and version flags and the global
            // options in every subcommand, which are then localised too.
            cmd.build();
            localize(cmd, "rolefit", &korean())
        }
    }
}

/// A usage error in Korean, for the kinds people meet: an unknown option or
/// command (with clap's suggestion), a value refused, a missing argument,
/// two options that exclude each other. `None` for the rest, which clap
/// says in English.
pub fn korean_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let c = korean();
    let t = &c.errors;
    let get = |k: K| match e.get(k)? {
        V::String(s) => Some(s.clone()),
        V::Strings(v) => Some(v.join(", ")),
        V::StyledStr(s) => Some(s.to_string()),
        _ => None,
    };
    let fill = |text: &str, k: K| -> String {
        let mut text = text.to_string();
        for (name, k) in [
            ("{arg}", k),
            ("{value}", K::InvalidValue),
            ("{prior}", K::PriorArg),
            ("{values}", K::ValidValue),
        ] {
            text = text.replace(name, &get(k).unwrap_or_default());
        }
        text
    };
    let tip = |k: K, text: &str| {
        get(k).map(|s| format!("\n\n  {}: {}", t.tip, text.replace("{suggested}", &s)))
    };
    let mut out = format!("{}: ", t.prefix);
    match e.kind() {
        ErrorKind::UnknownArgument => {
            out += &fill(&t.unknown_argument, K::InvalidArg);
            out += &tip(K::SuggestedArg, &t.tip_argument).unwrap_or_default();
        }
        ErrorKind::InvalidSubcommand => {
            out += &fill(&t.unknown_subcommand, K::InvalidSubcommand);
            out += &tip(K::SuggestedSubcommand, &t.tip_subcommand).unwrap_or_default();
        }
        ErrorKind::InvalidValue if get(K::InvalidValue).is_none_or(|v| v.is_empty()) => {
            out += &fill(&t.value_required, K::InvalidArg);
            if get(K::ValidValue).is_some_and(|v| !v.is_empty()) {
                out += &format!("\n  [{}]", fill(&t.possible_values, K::ValidValue));
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            out += &fill(&t.invalid_value, K::InvalidArg);
            // A parser's reason, in Korean when it is one we know.
            if let Some(why) = std::error::Error::source(e) {
                let why = t.reasons.of(why).unwrap_or_else(|| why.to_string());
                out += &format!(": {why}");
            }
            if get(K::ValidValue).is_some_and(|v| !v.is_empty()) {
                out += &format!("\n  [{}]", fill(&t.possible_values, K::ValidValue));
            }
        }
        ErrorKind::MissingRequiredArgument => {
            out += &t.missing;
            if let Some(V::Strings(args)) = e.get(K::InvalidArg) {
                for a in args {
                    out += &format!("\n  {a}");
                }
            }
        }
        ErrorKind::ArgumentConflict => out += &fill(&t.conflict, K::InvalidArg),
        _ => return None,
    }
    if let Some(usage) = get(K::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out += &format!("\n\n{}: {usage}", c.headings.usage);
    }
    out += &format!("\n\n{}\n", t.more);
    Some(out)
}

/// `cmd` and its subcommands with the help of `c`. A command or option that
/// `c` lacks keeps its English (a test sees that none does).
fn localize(mut cmd: Command, path: &str, c: &Catalogue) -> Command {
    let h = &c.headings;
    let own = c.commands.get(path);
    if let Some(own) = own {
        cmd = cmd.about(own.about.clone()).long_about(None::<&str>);
        if let Some(after) = &own.after {
            cmd = cmd.after_help(after.trim_start_matches('\n').to_string());
            cmd = cmd.after_long_help(None::<&str>);
        }
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        h.usage
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(h.commands.clone());
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| {
            let help = match id.as_str() {
                "help" => Some(&h.help),
                "version" => Some(&h.version),
                _ => own
                    .and_then(|o| o.args.get(&id))
                    .or_else(|| c.args.get(&id)),
            };
            let heading = if arg.is_positional() {
                &h.arguments
            } else {
                &h.options
            };
            let arg = arg.help_heading(heading.clone());
            let arg = match c.values.get(&id) {
                Some(values) => with_value_help(arg, &id, values),
                None => arg,
            };
            match help {
                Some(help) => with_values_said(arg, help, h),
                None => arg,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path == "rolefit" {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| {
            let sub = localize(sub, &sub_path, c);
            if name == "help" {
                sub.about(h.help_command.clone())
            } else {
                sub
            }
        });
    }
    cmd
}

/// `arg` with `help`, and its default and possible values said in Korean
/// as clap says them in English: after the help on one line for `-h`, and
/// for `--help` each value with its help on a line of its own.
fn with_values_said(arg: Arg, help: &str, h: &Headings) -> Arg {
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let defaults: Vec<String> =
        if arg.get_action().takes_values() && !arg.is_hide_default_value_set() {
            let d = arg.get_default_values();
            d.iter().map(|v| v.to_string_lossy().into_owned()).collect()
        } else {
            Vec::new()
        };
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let default =
        (!defaults.is_empty()).then(|| format!("[{}: {}]", h.default, defaults.join(", ")));
    let listed =
        (!names.is_empty()).then(|| format!("[{}: {}]", h.possible_values, names.join(", ")));
    let short: Vec<&str> = [Some(help), default.as_deref(), listed.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let mut long = help.to_string();
    if values.iter().any(|v| v.get_help().is_some()) {
        let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
        long += &format!("\n\n{}:", h.possible_values);
        for v in &values {
            let name = format!("{}:", v.get_name());
            let help = v.get_help().map(ToString::to_string).unwrap_or_default();
            long += &format!("\n- {name:<w$} {help}", w = width + 1);
        }
        if let Some(d) = &default {
            long += &format!("\n\n{d}");
        }
    } else if default.is_some() || listed.is_some() {
        long += "\n";
        for line in [&default, &listed].into_iter().flatten() {
            long += &format!("\n{line}");
        }
    }
    arg.help(short.join(" "))
        .long_help(long)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// `arg` with the help of each of its values from `values`. The option's
/// values are the enum's; the parser still returns the enum.
fn with_value_help(arg: Arg, id: &str, values: &BTreeMap<String, String>) -> Arg {
    match id {
        "format" => typed::<crate::output::OutputFormat>(arg, values),
        "input_format" => typed::<crate::config::InputFormat>(arg, values),
        "lang" => typed::<Locale>(arg, values),
        _ => arg,
    }
}

fn typed<E: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    values: &BTreeMap<String, String>,
) -> Arg {
    let possible: Vec<PossibleValue> = E::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|v| match values.get(v.get_name()) {
            Some(help) => v.clone().help(help.clone()),
            None => v,
        })
        .collect();
    let parser = PossibleValuesParser::new(possible)
        .map(|s| E::from_str(&s, false).expect("a value the parser accepted is a variant"));
    arg.value_parser(parser)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::FromArgMatches;

    /// Every command's path ("analyze", "patterns learn") and the command,
    /// built (its global options and help flags in place); clap's own
    /// `help` subcommands left out.
    fn commands() -> Vec<(String, Command)> {
        fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Command)>) {
            out.push((path.to_string(), cmd.clone()));
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let p = if path == "rolefit" {
                    sub.get_name().to_string()
                } else {
                    format!("{path} {}", sub.get_name())
                };
                walk(sub, &p, out);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, "rolefit", &mut out);
        out
    }

    #[test]
    fn every_command_option_and_value_has_korean_help() {
        let c = korean();
        let mut missing = Vec::new();
        for (path, cmd) in commands() {
            let own = c.commands.get(&path);
            if own.is_none() {
                missing.push(format!("[{path}] about"));
            }
            if cmd.get_after_help().is_some() && own.is_none_or(|o| o.after.is_none()) {
                missing.push(format!("[{path}] after"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if own
                    .and_then(|o| o.args.get(id))
                    .or(c.args.get(id))
                    .is_none()
                {
                    missing.push(format!("[{path}] {id}"));
                }
                for v in arg.get_possible_values() {
                    let named = c
                        .values
                        .get(id)
                        .is_some_and(|m| m.contains_key(v.get_name()));
                    if v.get_help().is_some() && !named {
                        missing.push(format!("[values.{id}] {}", v.get_name()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no Korean help for {missing:?}");
    }

    #[test]
    fn the_korean_help_names_only_commands_options_and_values_there_are() {
        let c = korean();
        let commands = commands();
        let ids = |cmd: &Command| -> Vec<String> {
            cmd.get_arguments()
                .map(|a| a.get_id().to_string())
                .collect()
        };
        for (path, help) in &c.commands {
            let (_, cmd) = commands
                .iter()
                .find(|(p, _)| p == path)
                .unwrap_or_else(|| panic!("[{path}]: no such command"));
            for id in help.args.keys() {
                assert!(ids(cmd).contains(id), "[{path}.args] {id}: no such option");
            }
        }
        for id in c.args.keys() {
            assert!(
                commands.iter().any(|(_, cmd)| ids(cmd).contains(id)),
                "[args] {id}: no such option"
            );
        }
        for (id, values) in &c.values {
            for name in values.keys() {
                let there = commands.iter().any(|(_, cmd)| {
                    cmd.get_arguments()
                        .filter(|a| a.get_id() == id.as_str())
                        .any(|a| a.get_possible_values().iter().any(|v| v.get_name() == name))
                });
                assert!(there, "[values.{id}] {name}: no such value");
            }
        }
    }

    /// The Korean command parses as the English one does: the same options,
    /// and values that still come out as their types.
    #[test]
    fn the_korean_command_line_parses_as_the_english() {
        command(Locale::Ko).debug_assert();
        let args = [
            "rolefit",
            "batch",
            "in.csv",
            "-f",
            "jsonl",
            "--input-format",
            "jsonl",
            "--lang",
            "ko",
            "--jobs",
            "3",
        ];
        let parse = |locale| {
            let m = command(locale).try_get_matches_from(args).unwrap();
            format!("{:?}", Cli::from_arg_matches(&m).unwrap())
        };
        assert_eq!(parse(Locale::Ko), parse(Locale::En));
        let bad =
            command(Locale::Ko).try_get_matches_from(["rolefit", "analyze", "x", "-f", "xml"]);
        assert!(bad.is_err());
    }

    /// The usage errors people meet read in Korean, with clap's suggestion
    /// and the usage; the others are left to clap.
    #[test]
    fn usage_errors_are_said_in_korean() {
        let error = |args: &[&str]| {
            let e = command(Locale::Ko).try_get_matches_from(args).unwrap_err();
            (e.kind(), korean_error(&e))
        };
        let cases: [(&[&str], &[&str]); 6] = [
            (
                &["rolefit", "analyze", "--formt", "json", "x"],
                &[
                    "오류: 모르는 인자입니다: '--formt'",
                    "'--format'",
                    "사용법: rolefit analyze",
                ],
            ),
            (
                &["rolefit", "analyz", "x"],
                &["모르는 명령입니다: 'analyz'", "'analyze'"],
            ),
            (
                &["rolefit", "analyze", "x", "-f", "xml"],
                &[
                    "'--format <FORMAT>'에 쓸 수 없는 값입니다: 'xml'",
                    "가능한 값: table, json",
                ],
            ),
            (
                &["rolefit", "batch", "x", "--jobs", "many"],
                &["'--jobs <N>'에 쓸 수 없는 값입니다: 'many': 1 이상의 정수여야 합니다"],
            ),
            (
                &["rolefit", "analyze"],
                &["다음 인자가 필요합니다:\n  <SOURCE>..."],
            ),
            (
                &[
                    "rolefit",
                    "analyze",
                    "x",
                    "--profile",
                    "a",
                    "--strengths",
                    "b",
                ],
                &["'--profile <FILE>' 옵션은 '--strengths <LIST>' 옵션과 함께 쓸 수 없습니다"],
            ),
        ];
        for (args, want) in cases {
            let (kind, text) = error(args);
            let text = text.unwrap_or_else(|| panic!("{args:?}: {kind:?} left to clap"));
            for w in want {
                assert!(text.contains(w), "{args:?}: {w:?} not in\n{text}");
            }
            assert!(
                text.ends_with("자세한 내용은 '--help'를 보세요.\n"),
                "{text}"
            );
            assert!(
                !text.contains("Usage") && !text.contains("error:"),
                "{text}"
            );
        }
        let (_, rare) = error(&["rolefit", "analyze", "x", "--explain=yes"]);
        assert_eq!(rare, None);
    }

    /// Why a value was refused is said in Korean too: our parsers' reasons,
    /// numbers that do not parse, and a value left out.
    #[test]
    fn the_reason_a_value_was_refused_is_said_in_korean() {
        let said = |locale: Locale, args: &[&str]| {
            let e = command(locale).try_get_matches_from(args).unwrap_err();
            match locale {
                Locale::Ko => korean_error(&e).expect("said in Korean"),
                Locale::En => e.to_string(),
            }
        };
        let cases: [(&[&str], &str, &str); 10] = [
            (
                &["rolefit", "patterns", "learn", "l.csv", "--balance", "nan"],
                "0 이상의 숫자여야 합니다",
                "must be a number, 0 or more",
            ),
            (
                &["rolefit", "batch", "x", "--delimiter", "ab"],
                "ASCII 문자 하나여야 합니다",
                "must be one ASCII character",
            ),
            (
                &["rolefit", "batch", "x", "--per-host", "0"],
                "1 이상의 정수여야 합니다",
                "must be a whole number, at least 1",
            ),
            (
                &["rolefit", "analyze", "x", "--timeout", "-1"],
                "0보다 큰 초 수여야 합니다",
                "must be a positive number of seconds",
            ),
            (
                &["rolefit", "analyze", "x", "--max-bytes", "1e3"],
                "정수여야 합니다",
                "invalid digit",
            ),
            (
                &[
                    "rolefit",
                    "analyze",
                    "x",
                    "--max-bytes",
                    "99999999999999999999",
                ],
                "너무 큰 수입니다",
                "too large",
            ),
            (
                &["rolefit", "patterns", "learn", "l.csv", "--folds", "many"],
                "정수여야 합니다",
                "invalid digit",
            ),
            (
                &["rolefit", "analyze", "x", "--board-url", "monster=http://h"],
                "모르는 보드입니다: \"monster\" (가능한 보드: greenhouse, lever",
                "unknown board \"monster\"",
            ),
            (
                &[
                    "rolefit",
                    "analyze",
                    "x",
                    "--board-url",
                    "lever=http://h/?q",
                ],
                "쿼리(?)나 프래그먼트(#)를 붙일 수 없습니다",
                "cannot have a query",
            ),
            (
                &["rolefit", "analyze", "x", "--format"],
                "'--format <FORMAT>'에 값이 필요합니다",
                "a value is required for '--format <FORMAT>'",
            ),
        ];
        for (args, korean, english) in cases {
            let ko = said(Locale::Ko, args);
            let en = said(Locale::En, args);
            assert!(ko.contains(korean), "{args:?}: {korean:?} not in\n{ko}");
            assert!(en.contains(english), "{args:?}: {english:?} not in\n{en}");
            assert!(!ko.contains(english), "{args:?}: English left in\n{ko}");
        }
    }

    #[test]
    fn the_language_of_help_is_the_flag_wherever_it_stands() {
        let args = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
        assert_eq!(
            flag(&args(&["rolefit", "--lang", "ko", "-h"])),
            Some(Locale::Ko)
        );
        assert_eq!(
            flag(&args(&["rolefit", "analyze", "-h", "--lang=ko"])),
            Some(Locale::Ko)
        );
        assert_eq!(
            flag(&args(&["rolefit", "analyze", "--lang", "en"])),
            Some(Locale::En)
        );
        assert_eq!(flag(&args(&["rolefit", "analyze", "-h"])), None);
        // After `--` it is a posting's file name, and a bad value is clap's to refuse.
        assert_eq!(
            flag(&args(&["rolefit", "analyze", "--", "--lang=ko"])),
            None
        );
        assert_eq!(flag(&args(&["rolefit", "--lang", "fr", "-h"])), None);
        assert_eq!(flag(&args(&["rolefit", "--language=ko"])), None);
    }
}
