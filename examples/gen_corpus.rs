//! Writes a deterministic corpus of synthetic job postings for benchmarks.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --n 20000 --seed 42 --format csv --out target/corpus/postings-20k.csv
//! cargo run --release --example gen_corpus -- --n 20000 --seed 42 --format jsonl --out target/corpus/postings-20k.jsonl
//! cargo run --release --example gen_corpus -- --n 2000 --seed 42 --format html --out target/corpus/html-2k
//! ```
//!
//! `csv` and `jsonl` write one file (`-` for stdout); `html` writes N pages
//! `posting-00001.html`... into the folder `--out`. The same seed always
//! gives the same bytes. The generator is `benches/corpus/mod.rs`, shared
//! with the criterion benches.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus --n N [--seed S] --format csv|jsonl|html --out PATH";

struct Args {
    n: usize,
    seed: u64,
    format: String,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut n = None;
    let mut seed = 42;
    let mut format = None;
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--n" => n = Some(value()?.parse().map_err(|e| format!("--n: {e}"))?),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--format" => format = Some(value()?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let format = format.ok_or(USAGE)?;
    if !matches!(format.as_str(), "csv" | "jsonl" | "html") {
        return Err(format!("unknown format {format}\n{USAGE}"));
    }
    Ok(Args {
        n: n.ok_or(USAGE)?,
        seed,
        format,
        out: out.ok_or(USAGE)?,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match generate(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

fn open(path: &PathBuf) -> std::io::Result<Box<dyn Write>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufWriter::new(std::io::stdout().lock())));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    Ok(Box::new(BufWriter::with_capacity(
        1 << 20,
        File::create(path)?,
    )))
}

fn generate(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    match args.format.as_str() {
        "csv" => corpus::write_csv(args.seed, args.n, open(&args.out)?)?,
        "jsonl" => corpus::write_jsonl(args.seed, args.n, open(&args.out)?)?,
        _ => {
            std::fs::create_dir_all(&args.out)?;
            let mut total = 0usize;
            let (mut min, mut max, mut with_ld) = (usize::MAX, 0, 0);
            for i in 0..args.n {
                let page = corpus::html_page(args.seed, i);
                total += page.len();
                min = min.min(page.len());
                max = max.max(page.len());
                with_ld += usize::from(page.contains("application/ld+json"));
                let path = args.out.join(format!("posting-{:05}.html", i + 1));
                std::fs::write(path, page)?;
            }
            eprintln!(
                "{} pages in {}: {:.1} MB, {}-{} bytes each, {} with JSON-LD",
                args.n,
                args.out.display(),
                total as f64 / 1e6,
                min,
                max,
                with_ld
            );
            return Ok(());
        }
    }
    if args.out.as_os_str() != "-" {
        let bytes = std::fs::metadata(&args.out)?.len();
        eprintln!(
            "{} postings in {}: {:.1} MB",
            args.n,
            args.out.display(),
            bytes as f64 / 1e6
        );
    }
    Ok(())
}
