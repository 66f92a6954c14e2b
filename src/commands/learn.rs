//! `rolefit patterns learn LABELS.csv --postings DIR [--patterns DIR] -o DIR`:
//! fits the role model to labeled postings, prints its k-fold cross-validated
//! accuracy and calibration, and writes a pattern folder with the learned
//! weights that `--patterns` can use.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::pattern_files;
use crate::batch::input::{CsvRows, JsonRows, Row};
use crate::config::ColumnNames;
use crate::extract::{self, Format};
use crate::i18n::Messages;
use crate::learn::{self, Features, Options};
use crate::outfile::{Named, check_distinct};
use crate::role::Label;
use crate::rules::{BUILTIN, PatternSet};
use crate::tr;

/// What `patterns learn` was asked to do.
pub struct LearnArgs {
    pub labels: Vec<PathBuf>,
    pub postings: Vec<PathBuf>,
    pub patterns: Option<PathBuf>,
    pub out: PathBuf,
    pub folds: usize,
    pub lambda: Option<f64>,
    pub cross: f64,
    pub balance: f64,
    pub predictions: Option<PathBuf>,
    pub repeats: usize,
}

/// The L2 strengths tried when none is given; the one with the lowest
/// cross-validated log loss is used.
const LAMBDAS: [f64; 5] = [0.1, 0.3, 1.0, 3.0, 10.0];

/// One labeled posting.
struct Example {
    features: Features,
    class: usize,
    lang: String,
    file: String,
}

pub fn run(a: LearnArgs, m: Messages) -> anyhow::Result<bool> {
    if a.labels.len() != a.postings.len() {
        bail!(
            "give one --postings for each labels file ({} labels files, {} --postings)",
            a.labels.len(),
            a.postings.len()
        );
    }
    if let Some(dir) = &a.patterns {
        let same = |x: &Path, y: &Path| {
            std::fs::canonicalize(x)
                .ok()
                .is_some_and(|x| Some(x) == std::fs::canonicalize(y).ok())
        };
        if same(dir, &a.out) {
            bail!(
                "{}: -o is the pattern folder being read; write the learned folder elsewhere",
                a.out.display()
            );
        }
    }
    check_files(&a)?;
    let files = pattern_files(a.patterns.as_deref())?;
    let set = PatternSet::load(files.clone())?;
    let mut examples = Vec::new();
    for (labels, postings) in a.labels.iter().zip(&a.postings) {
        read_set(labels, postings, &set, &mut examples)?;
    }
    if examples.is_empty() {
        bail!("no labeled postings were read");
    }
    let data: Vec<(Features, usize)> = examples
        .iter()
        .map(|e| (e.features.clone(), e.class))
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "{}",
        tr!(
            m,
            "learn-start",
            n = data.len(),
            folds = learn::fold_count(a.folds, data.len())
        )
    )?;
    let alt = set.model.params.alternative_min;
    let lambdas: Vec<f64> = a.lambda.map_or(LAMBDAS.to_vec(), |l| vec![l]);
    let mut best: Option<(f64, f64, Vec<learn::Prediction>)> = None;
    for &lambda in &lambdas {
        let opt = Options {
            lambda,
            cross: a.cross,
            balance: a.balance,
            ..Options::default()
        };
        let preds = learn::cross_validate(&set.prior, &data, a.folds, opt)?;
        let r = learn::report(&preds, alt);
        writeln!(
            out,
            "  {}",
            tr!(
                m,
                "learn-lambda",
                lambda = format!("{lambda:<5}"),
                accuracy = format!("{:.3}", r.accuracy),
                alternative = format!("{:.3}", r.first_or_alternative),
                ece = format!("{:.3}", r.ece),
                loss = format!("{:.3}", r.log_loss)
            )
        )?;
        if best.as_ref().is_none_or(|b| r.log_loss < b.1) {
            best = Some((lambda, r.log_loss, preds));
        }
    }
    let (lambda, _, preds) = best.expect("at least one lambda");
    // A model fitted to all the data is surer of itself than the fold models
    // were of postings they had not seen: a temperature found on the held-out
    // predictions tempers it.
    let temperature = learn::temperature(&preds);
    let preds = learn::with_temperature(&preds, temperature);
    let r = learn::report(&preds, alt);
    writeln!(
        out,
        "{}",
        tr!(
            m,
            "learn-result",
            lambda = lambda.to_string(),
            temperature = format!("{temperature:.2}"),
            accuracy = format!("{:.3}", r.accuracy),
            alternative = format!("{:.3}", r.first_or_alternative),
            ece = format!("{:.3}", r.ece)
        )
    )?;
    if let Some(path) = &a.predictions {
        write_predictions(path, &examples, &preds)?;
    }
    let mut langs: Vec<&str> = examples.iter().map(|e| e.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    for lang in langs.iter().filter(|l| !l.is_empty()) {
        let (n, right) = examples
            .iter()
            .zip(&preds)
            .filter(|(e, _)| e.lang == *lang)
            .fold((0, 0), |(n, k), (_, p)| {
                (n + 1, k + usize::from(p.correct()))
            });
        writeln!(out, "  {lang}: {right}/{n}")?;
    }
    writeln!(out, "{}", tr!(m, "learn-reliability"))?;
    writeln!(out, "  {}", tr!(m, "learn-reliability-head"))?;
    for b in r.bins.iter().filter(|b| b.count > 0) {
        writeln!(
            out,
            "  {:.1}-{:.1}     {:>5} {:>10.2} {:>9.2}",
            b.low, b.high, b.count, b.confidence, b.accuracy
        )?;
    }
    let opt = Options {
        lambda,
        cross: a.cross,
        balance: a.balance,
        ..Options::default()
    };
    if a.repeats > 0 {
        let spread = repeated(&set.prior, &data, a.folds, opt, a.repeats, alt)?;
        writeln!(
            out,
            "{}",
            tr!(
                m,
                "learn-repeated",
                n = a.repeats,
                lambda = lambda.to_string(),
                accuracy = format!("{:.3}", spread.accuracy),
                low = format!("{:.3}", spread.low),
                high = format!("{:.3}", spread.high),
                alternative = format!("{:.3}", spread.first_or_alternative),
                loss = format!("{:.3}", spread.log_loss)
            )
        )?;
    }
    let model = learn::fit(&set.prior, &data, opt)?.scaled(temperature);
    write_folder(&a.out, &files, &set, &model)?;
    writeln!(
        out,
        "{}",
        tr!(m, "learn-wrote", dir = a.out.display().to_string())
    )?;
    out.flush()?;
    Ok(true)
}

/// Refuses, before any posting is read, an output onto a file the run reads
/// or onto another output: `--predictions` onto a labels file, a postings
/// file, a posting the labels name or a pattern file of `--patterns`, onto
/// the `-o` folder or a file learn writes in it; and a learned file onto an
/// input. Reads the labels files' `file` column to know the postings.
fn check_files(a: &LearnArgs) -> anyhow::Result<()> {
    let mut inputs = Vec::new();
    for (labels, postings) in a.labels.iter().zip(&a.postings) {
        inputs.push(Named::new("the labels file", labels));
        if postings.is_dir() {
            for file in labeled_files(labels)? {
                inputs.push(Named::new("the posting", postings.join(file)));
            }
        } else {
            inputs.push(Named::new("the postings file", postings));
        }
    }
    if let Some(dir) = &a.patterns {
        for (name, _) in BUILTIN {
            let path = dir.join(name);
            if path.exists() {
                inputs.push(Named::new("the pattern file", path));
            }
        }
    }
    let mut outputs = vec![Named::new("-o", &a.out)];
    for (name, _) in BUILTIN {
        outputs.push(Named::new("the learned file", a.out.join(name)));
    }
    if let Some(path) = &a.predictions {
        outputs.push(Named::new("--predictions", path));
    }
    check_distinct(&outputs, &inputs)
}

/// Writes each posting's cross-validated prediction as CSV, whole or not at all.
fn write_predictions(
    path: &Path,
    examples: &[Example],
    preds: &[learn::Prediction],
) -> anyhow::Result<()> {
    let fail = || format!("{}: cannot write", path.display());
    let (file, pending) = crate::outfile::create(path)?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record([
        "file",
        "label",
        "predicted",
        "probability",
        "second",
        "second_probability",
    ])
    .with_context(fail)?;
    for (e, p) in examples.iter().zip(preds) {
        let r = learn::ranked(&p.probabilities);
        w.write_record([
            e.file.clone(),
            learn::label_of(e.class).name().to_string(),
            learn::label_of(r[0].0).name().to_string(),
            format!("{:.3}", r[0].1),
            learn::label_of(r[1].0).name().to_string(),
            format!("{:.3}", r[1].1),
        ])
        .with_context(fail)?;
    }
    w.flush().with_context(fail)?;
    drop(w);
    pending.commit()
}

/// The figures of cross-validation repeated over shuffled folds.
struct Spread {
    /// Mean accuracy, and the lowest and highest of one shuffle.
    accuracy: f64,
    low: f64,
    high: f64,
    first_or_alternative: f64,
    log_loss: f64,
}

/// Cross-validates `repeats` times, the examples shuffled into other folds
/// each time (the same shuffles on every run: seeds 1, 2, ...).
fn repeated(
    prior: &learn::Model,
    data: &[(Features, usize)],
    folds: usize,
    opt: Options,
    repeats: usize,
    alternative_min: f64,
) -> anyhow::Result<Spread> {
    let mut accuracy = Vec::with_capacity(repeats);
    let (mut alternative, mut loss) = (0.0, 0.0);
    for seed in 1..=repeats as u64 {
        let mut shuffled = data.to_vec();
        fastrand::Rng::with_seed(seed).shuffle(&mut shuffled);
        let preds = learn::cross_validate(prior, &shuffled, folds, opt)?;
        let r = learn::report(&preds, alternative_min);
        accuracy.push(r.accuracy);
        alternative += r.first_or_alternative;
        loss += r.log_loss;
    }
    let n = repeats as f64;
    Ok(Spread {
        accuracy: accuracy.iter().sum::<f64>() / n,
        low: accuracy.iter().copied().fold(f64::INFINITY, f64::min),
        high: accuracy.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        first_or_alternative: alternative / n,
        log_loss: loss / n,
    })
}

/// A labels file opened at its first row, and where its columns are.
struct LabelsFile {
    reader: csv::Reader<std::fs::File>,
    file_col: usize,
    label_col: usize,
    lang_col: Option<usize>,
}

fn open_labels(labels: &Path) -> anyhow::Result<LabelsFile> {
    let mut reader = csv::Reader::from_path(labels)
        .with_context(|| format!("{}: cannot read the labels", labels.display()))?;
    let headers = reader
        .headers()
        .with_context(|| format!("{}: no header row", labels.display()))?
        .clone();
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.trim()));
    let Some(file_col) = col(&["file", "id"]) else {
        bail!("{}: no `file` or `id` column", labels.display());
    };
    let Some(label_col) = col(&["primary", "role", "label"]) else {
        bail!(
            "{}: no `primary`, `role` or `label` column",
            labels.display()
        );
    };
    Ok(LabelsFile {
        reader,
        file_col,
        label_col,
        lang_col: col(&["lang"]),
    })
}

/// The file names a labels file gives, as [`read_set`] reads them.
fn labeled_files(labels: &Path) -> anyhow::Result<Vec<String>> {
    let mut l = open_labels(labels)?;
    let mut files = Vec::new();
    for (n, record) in l.reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: row {}", labels.display(), n + 1))?;
        files.push(record.get(l.file_col).unwrap_or("").trim().to_string());
    }
    Ok(files)
}

/// Reads a labels file and the postings it names.
fn read_set(
    labels: &Path,
    postings: &Path,
    set: &PatternSet,
    out: &mut Vec<Example>,
) -> anyhow::Result<()> {
    let LabelsFile {
        mut reader,
        file_col,
        label_col,
        lang_col,
    } = open_labels(labels)?;
    let rows = if postings.is_dir() {
        None
    } else {
        Some(read_rows(postings, &set.columns)?)
    };
    for (n, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("{}: row {}", labels.display(), n + 1))?;
        let file = record.get(file_col).unwrap_or("").trim();
        let label: Label = record
            .get(label_col)
            .unwrap_or("")
            .parse()
            .map_err(|e| anyhow::anyhow!("{}: row {}: {e}", labels.display(), n + 1))?;
        let posting = match &rows {
            None => {
                let path = postings.join(file);
                let bytes = std::fs::read(&path).with_context(|| {
                    format!("{}: row {}: {}", labels.display(), n + 1, path.display())
                })?;
                let text = crate::decode::decode(&bytes, None)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                let format = Format::guess(Some(file), &text);
                extract::extract(&text, format, &set.sections)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
            }
            Some(rows) => {
                let id = Path::new(file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let Some(row) = rows.get(&id).or_else(|| rows.get(file)) else {
                    bail!(
                        "{}: row {}: no posting with id '{id}' in {}",
                        labels.display(),
                        n + 1,
                        postings.display()
                    );
                };
                let text = row.text.as_deref().unwrap_or("");
                row.posting(text, &set.sections).map_err(|e| {
                    anyhow::anyhow!("{}: row {}: {e}", postings.display(), row.number)
                })?
            }
        };
        out.push(Example {
            features: crate::classify::features(&posting, set),
            class: learn::class_of(label),
            lang: lang_col
                .and_then(|c| record.get(c))
                .unwrap_or("")
                .to_string(),
            file: file.to_string(),
        });
    }
    Ok(())
}

/// The rows of a CSV or JSON Lines file of postings, by id.
fn read_rows(
    path: &Path,
    known: &crate::rules::HeaderNames,
) -> anyhow::Result<HashMap<String, Row>> {
    let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
    let names = ColumnNames {
        known: known.clone(),
        ..ColumnNames::default()
    };
    let jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json"));
    let rows: Vec<Row> = if jsonl {
        JsonRows::new(file, &names).collect()
    } else {
        CsvRows::new(file, b',', &names, &path.display().to_string())
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .collect()
    };
    let mut out = HashMap::new();
    for row in rows {
        if let Some(e) = &row.error {
            bail!("{}: {e}", path.display());
        }
        out.insert(row.id.clone(), row);
    }
    Ok(out)
}

/// Writes every pattern file into `dir`, the role and none files with their
/// learned weights, `model.toml` with the rest of the model.
fn write_folder(
    dir: &Path,
    files: &[crate::rules::SourceFile],
    set: &PatternSet,
    model: &learn::Model,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
    // Where each file's entries start among the model's patterns.
    let mut at = 0;
    let mut spans: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
    for r in &set.roles {
        let name = match r.role.name() {
            "modeling" => "modeling.toml",
            "backend" => "backend.toml",
            "frontend" => "frontend.toml",
            _ => "research.toml",
        };
        spans.insert((name, "pattern"), (at, r.matcher.len()));
        at += r.matcher.len();
    }
    spans.insert(("none.toml", "ai"), (at, set.ai.len()));
    at += set.ai.len();
    spans.insert(("none.toml", "function"), (at, set.functions.len()));
    for f in files {
        let mut text = f.text.clone();
        for ((name, key), (start, len)) in &spans {
            if *name == f.name {
                let span = *start..start + len;
                text = learn::rewrite_entries(
                    &text,
                    key,
                    &model.patterns.class[span.clone()],
                    &model.patterns.weights[span],
                )
                .map_err(|e| anyhow::anyhow!("{}: {e}", f.display))?;
            }
        }
        if f.name == "model.toml" {
            text = learn::rewrite_params(&text, &model.params)
                .map_err(|e| anyhow::anyhow!("{}: {e}", f.display))?;
        }
        let path = dir.join(&f.name);
        let (mut file, pending) = crate::outfile::create(&path)?;
        file.write_all(text.as_bytes())
            .with_context(|| format!("{}: cannot write", path.display()))?;
        pending.commit()?;
    }
    Ok(())
}
