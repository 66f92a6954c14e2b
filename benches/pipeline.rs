//! criterion benches for each stage of the pipeline, on a generated corpus
//! (`benches/corpus`, the same generator as `examples/gen_corpus.rs`).
//!
//! ```sh
//! cargo bench --bench pipeline                 # all of them, a few minutes
//! cargo bench --bench pipeline -- classify     # one group
//! ```
//!
//! End-to-end targets (wall time of the binary, peak memory, start-up,
//! fetching) are measured by `benches/run.sh`; see BENCHMARKS.md.

mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

use rolefit::analysis::analyze;
use rolefit::extract::{self, Format, Posting};
use rolefit::fit::{Strengths, fit};
use rolefit::profile::Profile;
use rolefit::report::Record;
use rolefit::rules::{PatternSet, builtin_files};
use rolefit::{classify, requirements};

const SEED: u64 = 42;
/// HTML pages per iteration (30-80 KB each); half have JSON-LD.
const HTML_PAGES: usize = 8;
/// Postings per iteration for the text stages.
const POSTINGS: usize = 20;
/// Rows of the end-to-end CSV batch.
const BATCH_ROWS: usize = 400;
const STRENGTHS: &str = "PyTorch, Kubernetes, React";

fn set() -> PatternSet {
    PatternSet::builtin().expect("built-in patterns compile")
}

fn strengths(set: &PatternSet) -> Strengths {
    let profile = Profile::inline(STRENGTHS).expect("strengths");
    Strengths::new(&profile, set)
}

/// Postings as a CSV batch reads them: fields from columns, body as text.
fn row_postings(set: &PatternSet, n: usize) -> (Vec<Posting>, u64) {
    let mut bytes = 0;
    let postings = (0..n)
        .map(|i| {
            let p = corpus::posting(SEED, i);
            let text = p.text();
            bytes += text.len() as u64;
            extract::from_row(
                Some(&p.title),
                Some(&p.company),
                Some(&p.location),
                &text,
                &set.sections,
            )
            .expect("generated postings have text")
        })
        .collect();
    (postings, bytes)
}

fn bench_extract(c: &mut Criterion) {
    let set = set();
    // The first HTML_PAGES pages with JSON-LD, and the first without.
    let (mut with_ld, mut without) = (Vec::new(), Vec::new());
    for i in 0.. {
        let page = corpus::html_page(SEED, i);
        let side = if page.contains("application/ld+json") {
            &mut with_ld
        } else {
            &mut without
        };
        if side.len() < HTML_PAGES {
            side.push(page);
        }
        if with_ld.len() == HTML_PAGES && without.len() == HTML_PAGES {
            break;
        }
    }
    let mut g = c.benchmark_group("extract");
    for (name, pages) in [("html_jsonld", &with_ld), ("html_main_content", &without)] {
        let bytes: usize = pages.iter().map(|p| p.len()).sum();
        g.throughput(Throughput::ElementsAndBytes {
            elements: pages.len() as u64,
            bytes: bytes as u64,
        });
        g.bench_function(name, |b| {
            b.iter(|| {
                for p in pages.iter() {
                    black_box(extract::extract(p, Format::Html, &set.sections).ok());
                }
            })
        });
    }

    // Section splitting of plain text: a text file, and a CSV row's body.
    let postings: Vec<corpus::Posting> = (0..POSTINGS).map(|i| corpus::posting(SEED, i)).collect();
    let texts: Vec<String> = postings.iter().map(corpus::Posting::text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    g.throughput(Throughput::ElementsAndBytes {
        elements: texts.len() as u64,
        bytes: bytes as u64,
    });
    g.bench_function("text_sections", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(extract::extract(t, Format::Text, &set.sections).ok());
            }
        })
    });
    g.bench_function("csv_row_sections", |b| {
        b.iter(|| {
            for (p, t) in postings.iter().zip(&texts) {
                black_box(
                    extract::from_row(
                        Some(&p.title),
                        Some(&p.company),
                        Some(&p.location),
                        t,
                        &set.sections,
                    )
                    .ok(),
                );
            }
        })
    });
    g.finish();
}

fn bench_classify(c: &mut Criterion) {
    let set = set();
    let (postings, bytes) = row_postings(&set, POSTINGS);
    let mut g = c.benchmark_group("classify");
    g.throughput(Throughput::ElementsAndBytes {
        elements: postings.len() as u64,
        bytes,
    });
    g.bench_function("classify", |b| {
        b.iter(|| {
            for p in &postings {
                black_box(classify::classify(p, &set));
            }
        })
    });
    g.finish();
}

fn bench_requirements_fit(c: &mut Criterion) {
    let set = set();
    let strengths = strengths(&set);
    let (postings, bytes) = row_postings(&set, POSTINGS);
    let roles: Vec<_> = postings
        .iter()
        .map(|p| {
            let c = classify::classify(p, &set);
            (c.role, c.secondary)
        })
        .collect();
    let mut g = c.benchmark_group("requirements_fit");
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::ElementsAndBytes {
        elements: postings.len() as u64,
        bytes,
    });
    g.bench_function("requirements", |b| {
        b.iter(|| {
            for p in &postings {
                black_box(requirements::extract(p, &set));
            }
        })
    });
    g.bench_function("requirements_and_fit", |b| {
        b.iter(|| {
            for (p, &(role, secondary)) in postings.iter().zip(&roles) {
                let req = requirements::extract(p, &set);
                black_box(fit(
                    role,
                    secondary,
                    &rolefit::analysis::job_text(p),
                    &req,
                    &strengths,
                    &set.fit,
                    &set.requirements,
                ));
            }
        })
    });
    // What a batch row costs after extraction: classify + requirements + fit + record.
    g.bench_function("evaluate", |b| {
        b.iter(|| {
            for p in &postings {
                black_box(Record::ok(
                    String::new(),
                    String::new(),
                    analyze(p.clone(), &set, Some(&strengths)),
                    false,
                ));
            }
        })
    });
    g.finish();
}

fn bench_patterns(c: &mut Criterion) {
    let mut g = c.benchmark_group("patterns");
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    // What every run pays before reading a posting (skill regexes compile on first use).
    g.bench_function("builtin", |b| b.iter(|| black_box(set())));
    // Every regex compiled up front, as `patterns check` and a user's folder do.
    g.bench_function("builtin_checked", |b| {
        b.iter(|| black_box(PatternSet::load_checked(builtin_files()).expect("compiles")))
    });
    g.finish();
}

fn bench_batch(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("postings.csv");
    let output = dir.path().join("roles.csv");
    let file = std::fs::File::create(&input).expect("create CSV");
    corpus::write_csv(SEED, BATCH_ROWS, std::io::BufWriter::new(file)).expect("write CSV");
    let bytes = std::fs::metadata(&input).expect("CSV").len();
    let args: Vec<std::ffi::OsString> = vec![
        "rolefit".into(),
        "batch".into(),
        input.clone().into(),
        "--strengths".into(),
        STRENGTHS.into(),
        "--format".into(),
        "csv".into(),
        "-o".into(),
        output.clone().into(),
    ];
    let mut g = c.benchmark_group("batch");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(12));
    g.throughput(Throughput::ElementsAndBytes {
        elements: BATCH_ROWS as u64,
        bytes,
    });
    // The whole `rolefit batch` command in-process: pattern loading, CSV in,
    // every stage on all cores, CSV out.
    g.bench_function("csv_end_to_end", |b| {
        b.iter(|| assert_eq!(rolefit::run(args.clone()), rolefit::ExitCode::Ok.code()))
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_patterns, bench_extract, bench_classify, bench_requirements_fit, bench_batch
}
criterion_main!(benches);
