//! Running a batch: rows are read in chunks; each chunk's URLs are fetched
//! politely, its postings classified on all cores, and its records written in
//! input order before the next chunk is read, so memory stays flat however
//! many rows there are.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::io::{IsTerminal, Read};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::cache::Cache;
use super::input::{CsvRows, JsonRows, Row};
use super::pool::{self, Politeness};
use crate::analysis;
use crate::boards::Client;
use crate::config::{BatchConfig, InputFormat};
use crate::extract::{self, Posting};
use crate::fetch::{FetchError, Fetched, Fetcher};
use crate::fit::Strengths;
use crate::history::{History, Seen};
use crate::output::html::Report;
use crate::output::{OutputFormat, RecordWriter, Style, open_output, write_error, writer};
use crate::report::Record;
use crate::rules::PatternSet;
use crate::summary::Summary;
use crate::text::sanitize;

/// Rows read, processed and written at a time: enough to keep every core
/// and `--jobs` fetches busy, few enough that memory does not grow.
const CHUNK: usize = 256;

/// Rows a core takes at a time, whose postings go through each stage
/// together: enough for a stage's automata to stay in the processor's cache
/// from one posting to the next.
const STAGE_ROWS: usize = 16;

/// Pages kept for URLs that come again later in the run (see [`pool::Memo`]).
const MEMO_BYTES: usize = 64 * 1024 * 1024;

/// The run was stopped by Ctrl-C after writing whole rows; exit code 130.
#[derive(Debug, thiserror::Error)]
#[error("interrupted: the rows written so far are complete")]
pub struct Interrupted;

/// Runs `rolefit batch`; returns whether every row succeeded.
pub fn run(args: &BatchConfig) -> anyhow::Result<bool> {
    let set = &args.analysis.set;
    let strengths = &args.analysis.strengths;
    let color = args.analysis.color;
    let msg = args.analysis.msg;
    let client = Arc::new(Client::new(
        Fetcher::new(args.fetch.clone())?,
        args.boards.clone(),
    ));
    let cache = args
        .cache
        .as_deref()
        .map(|dir| Cache::open(dir, args.fetch.max_bytes))
        .transpose()?;
    let memo = pool::Memo::new(MEMO_BYTES);
    let limits = Politeness {
        jobs: args.jobs,
        per_host: args.per_host,
    };
    let rows: Box<dyn Iterator<Item = Row> + Send> =
        match super::listing::open(&args.input, &client, cache.as_ref()) {
            Some(listed) => Box::new(listed?.into_iter()),
            None => open_rows(args)?,
        };
    let rows = Reader::start(rows);

    let (out, tty, out_pending) = open_output(args.output.as_deref())?;
    // Every output file is opened (as a temporary file) before any work, and
    // each is put in place only once all are written.
    let summary_file = args
        .summary_out
        .as_deref()
        .map(|p| crate::outfile::create(p).map(|f| (p, f)))
        .transpose()?;
    let style = Style::new(color, tty && args.output.is_none());
    let mut sink = Sink {
        w: writer(
            args.format,
            out,
            style,
            args.explain,
            strengths.is_some(),
            msg,
        ),
        output: args.output.as_deref(),
        summary: (args.summary || args.summary_out.is_some())
            .then(|| Summary::new(strengths.as_ref())),
        report: args
            .report
            .as_deref()
            .map(|p| Report::create(p, strengths.as_ref(), msg))
            .transpose()?,
        err_style: Style::for_stderr(color),
        progress: progress_bar(args),
        msg,
        seen: HashMap::new(),
        history: args
            .db
            .as_deref()
            .map(|db| History::start(db, "batch", (args.input != "-").then_some(&*args.input)))
            .transpose()?,
        new_only: args.new_only,
        done: 0,
        failed: 0,
    };
    if sink.history.is_some() {
        sink.w.with_history();
    }
    // Ctrl-C, SIGTERM or SIGHUP: stop after the rows being written, and
    // keep them.
    let _graceful = crate::signal::graceful();
    let interrupted = crate::signal::stop_flag();

    // A chunk is processed (on every core) while the one before it is
    // written, so that writing does not leave the cores idle.
    let mut pending: Option<(Vec<Row>, Vec<Keyed>)> = None;
    // Only the history needs each posting's identity.
    let identify = sink.history.is_some();
    loop {
        // Rows that are slow to come: what is done so far goes out first.
        if !rows.ready() {
            if let Some((chunk, records)) = pending.take() {
                sink.emit(&chunk, records)?;
            }
            sink.flush()?;
        }
        let next = rows.next_chunk(interrupted);
        let (written, records) = std::thread::scope(|scope| {
            let work = next.as_ref().map(|chunk| {
                scope.spawn(|| {
                    process_chunk(
                        chunk,
                        Stages {
                            set,
                            strengths: strengths.as_ref(),
                            identify,
                        },
                        &client,
                        pool::Known {
                            cache: cache.as_ref(),
                            memo: &memo,
                        },
                        limits,
                        interrupted,
                    )
                })
            });
            let written = match pending.take() {
                Some((chunk, records)) => sink.emit(&chunk, records),
                None => Ok(()),
            };
            let records = work.map(|w| w.join().expect("processing a chunk does not panic"));
            (written, records)
        });
        written?;
        match next.zip(records) {
            Some(done) => pending = Some(done),
            None => break,
        }
    }
    let Sink {
        mut w,
        output,
        summary,
        report,
        err_style,
        progress,
        failed,
        history,
        ..
    } = sink;
    w.finish().map_err(write_error(output))?;
    drop(w);
    let summary_pending = match (&summary, summary_file) {
        (Some(s), Some((path, (file, pending)))) => {
            write_summary_file(s, path, file, msg)?;
            Some(pending)
        }
        _ => None,
    };
    if let Some(rep) = report {
        rep.finish()?;
    }
    out_pending.commit()?;
    if let Some(p) = summary_pending {
        p.commit()?;
    }
    progress.finish_and_clear();

    if let Some(s) = &summary
        && args.summary
    {
        let mut err = std::io::stderr().lock();
        crate::output::summary::write_text(s, &mut err, err_style, msg)?;
    }
    if interrupted.load(Ordering::SeqCst) {
        return Err(Interrupted.into());
    }
    // An interrupted run stays unfinished: it saw only part of its source,
    // so it must not close the postings it did not reach.
    if let Some(h) = history {
        h.finish()?;
    }
    Ok(failed == 0)
}

/// A record with the key of its normalised text, for duplicates.
type Keyed = (Record, Option<u64>);

/// A row's page: fetched, or why not.
type Page = Result<Fetched, FetchError>;

/// Where records go, in input order: the output, the summary and report,
/// duplicates and errors on stderr, progress.
struct Sink<'a> {
    w: Box<dyn RecordWriter + 'a>,
    output: Option<&'a Path>,
    summary: Option<Summary>,
    report: Option<Report>,
    err_style: Style,
    msg: crate::i18n::Messages,
    progress: ProgressBar,
    /// The id of the first row of each text, to mark duplicates.
    seen: HashMap<u64, String>,
    /// The history database, with `--db`.
    history: Option<History>,
    /// Write only postings new to the history.
    new_only: bool,
    done: u64,
    failed: u64,
}

impl Sink<'_> {
    /// Writes a chunk's records, each with the row it came from.
    fn emit(&mut self, chunk: &[Row], mut records: Vec<Keyed>) -> anyhow::Result<()> {
        if let Some(h) = self.history.as_mut() {
            h.record(records.iter_mut().map(|(r, _)| r))?;
        }
        for (row, (mut record, key)) in chunk.iter().zip(records) {
            if let Some(key) = key {
                match self.seen.get(&key) {
                    Some(first) => record.duplicate_of = Some(first.clone()),
                    None => {
                        self.seen.insert(key, row.id.clone());
                    }
                }
            }
            if !record.is_ok() {
                self.failed += 1;
                let line = format!(
                    "{}: {}",
                    self.err_style.red("rolefit"),
                    sanitize(&crate::i18n::errors::line(
                        record.error.as_deref().unwrap_or(""),
                        self.msg
                    ))
                );
                self.progress.suspend(|| crate::say!("{line}"));
            }
            if self.new_only && !record.seen.is_some_and(Seen::is_news) {
                self.done += 1;
                continue;
            }
            if let Some(s) = self.summary.as_mut() {
                s.add(&record);
            }
            self.w.write(&record).map_err(write_error(self.output))?;
            if let Some(rep) = self.report.as_mut() {
                rep.add(&record)?;
            }
            self.done += 1;
        }
        self.progress.set_position(self.done);
        let failed = crate::tr!(self.msg, "progress-errors", n = self.failed);
        self.progress.set_message(failed);
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        self.w.flush().map_err(write_error(self.output))?;
        Ok(())
    }
}

fn write_summary_file(
    s: &Summary,
    path: &Path,
    file: std::fs::File,
    msg: crate::i18n::Messages,
) -> anyhow::Result<()> {
    let mut f = std::io::BufWriter::new(file);
    crate::output::summary::write_markdown(s, &mut f, msg)
        .and_then(|()| std::io::Write::flush(&mut f))
        .map_err(write_error(Some(path)))?;
    Ok(())
}

/// Fetches the chunk's URLs, then builds every record on all cores. Each
/// record comes with the key of its normalised text, for duplicates.
fn process_chunk(
    chunk: &[Row],
    stages: Stages,
    client: &Arc<Client>,
    known: pool::Known,
    limits: Politeness,
    stop: &AtomicBool,
) -> Vec<Keyed> {
    let urls: Vec<(usize, &str)> = chunk
        .iter()
        .enumerate()
        .filter(|(_, r)| r.error.is_none() && r.text.is_none() && r.page.is_none())
        .filter_map(|(i, r)| r.url.as_deref().map(|u| (i, u)))
        .collect();
    // A page fetched from the network is processed right away, on the
    // thread that fetched it, while the other requests are still waiting;
    // pages from the cache are processed below with the other rows.
    let fetched: Mutex<HashMap<usize, Keyed>> = Mutex::new(HashMap::new());
    let mut pages = pool::fetch_all(&urls, client, known, limits, stop, &|i, page| {
        let done = process_row(&chunk[i], Some(page), stages);
        fetched
            .lock()
            .expect("no panics while locked")
            .insert(i, done);
    });
    let mut fetched = fetched.into_inner().expect("no panics while locked");
    let fetched_here: std::collections::HashSet<usize> = fetched.keys().copied().collect();
    let pages: Vec<Option<Page>> = (0..chunk.len())
        .map(|i| pages.remove(&i).or_else(|| chunk[i].page.clone().map(Ok)))
        .collect();
    // Interrupted while fetching: keep the rows before the first one whose
    // page never came, so what is written is whole rows in input order.
    let complete = urls
        .iter()
        .map(|&(i, _)| i)
        .find(|&i| pages[i].is_none() && !fetched.contains_key(&i))
        .unwrap_or(chunk.len());
    // The rows still to do, a few at a time on each core: their postings
    // go through each stage together (see `process_rows`).
    let todo: Vec<(usize, (&Row, Option<Page>))> = chunk[..complete]
        .iter()
        .zip(pages)
        .enumerate()
        .filter(|(i, (_, page))| page.is_some() || !fetched_here.contains(i))
        .collect();
    let done: Vec<Vec<(usize, Keyed)>> = todo
        .into_par_iter()
        .chunks(STAGE_ROWS)
        .map(|rows| {
            let (at, rows): (Vec<usize>, Vec<_>) = rows.into_iter().unzip();
            at.into_iter().zip(process_rows(rows, stages)).collect()
        })
        .collect();
    let mut records: Vec<Option<Keyed>> = (0..complete).map(|_| None).collect();
    for (i, record) in done.into_iter().flatten() {
        records[i] = Some(record);
    }
    for (i, record) in records.iter_mut().enumerate() {
        if record.is_none() {
            *record = fetched.remove(&i);
        }
    }
    records
        .into_iter()
        .map(|r| r.expect("every row before the first missing page has its record"))
        .collect()
}

/// What each row goes through: the pattern set, the user's strengths, and
/// whether records carry the posting's identity (only a history needs it).
#[derive(Clone, Copy)]
struct Stages<'a> {
    set: &'a PatternSet,
    strengths: Option<&'a Strengths>,
    identify: bool,
}

/// One row through the pipeline.
fn process_row(row: &Row, page: Option<Page>, stages: Stages) -> Keyed {
    process_rows(vec![(row, page)], stages)
        .pop()
        .expect("one record for one row")
}

/// Rows through the pipeline, a record for each, in order. Their postings
/// are analysed stage by stage ([`analysis::analyze_all`]).
fn process_rows(rows: Vec<(&Row, Option<Page>)>, stages: Stages) -> Vec<Keyed> {
    let Stages {
        set,
        strengths,
        identify,
    } = stages;
    let mut done: Vec<Option<Keyed>> = Vec::with_capacity(rows.len());
    let mut read: Vec<(usize, &Row, u64)> = Vec::with_capacity(rows.len());
    let mut postings = Vec::with_capacity(rows.len());
    for (row, page) in rows {
        match read_row(row, page, set) {
            Ok((posting, key)) => {
                read.push((done.len(), row, key));
                postings.push(posting);
                done.push(None);
            }
            Err(record) => done.push(Some((*record, None))),
        }
    }
    let analyses = analysis::analyze_all(postings, set, strengths);
    for ((i, row, key), a) in read.into_iter().zip(analyses) {
        done[i] = Some((
            Record::ok(row.id.clone(), source(row), a, identify),
            Some(key),
        ));
    }
    done.into_iter()
        .map(|d| d.expect("every row has its record"))
        .collect()
}

/// Where a row's posting came from, as its record names it.
fn source(row: &Row) -> String {
    row.url
        .clone()
        .unwrap_or_else(|| format!("row {}", row.number))
}

/// A row's posting and the key of its text, or the record of why there is
/// none.
fn read_row(
    row: &Row,
    page: Option<Page>,
    set: &PatternSet,
) -> Result<(Posting, u64), Box<Record>> {
    // A row that fails keeps the title, company and location it was given,
    // so an error line still says which posting it is.
    let failed = |message: String| {
        let mut record = Record::error(row.id.clone(), source(row), message);
        let field = |f: &Option<String>| f.as_deref().map(crate::text::clean_inline);
        record.meta.title = field(&row.title);
        record.meta.company = field(&row.company);
        record.meta.location = field(&row.location);
        Box::new(record)
    };
    if let Some(e) = &row.error {
        return Err(failed(e.clone()));
    }
    let (posting, key) = match (&row.text, page) {
        (Some(text), _) => (row.posting(text, &set.sections), text_key(text)),
        (None, Some(Ok(page))) => (from_page(row, &page, set), text_key(&page.body.text())),
        (None, Some(Err(e))) => {
            let mut record = failed(format!("row {}: {e}", row.number));
            record.http_status = e.status();
            return Err(record);
        }
        (None, None) => return Err(failed(format!("row {}: nothing to read", row.number))),
    };
    match posting {
        Ok(p) => Ok((p, key)),
        Err(e) => Err(failed(format!("row {}: {e}", row.number))),
    }
}

/// A fetched page, with the row's own title, company and location where the page lacks them.
fn from_page(
    row: &Row,
    page: &Fetched,
    set: &PatternSet,
) -> Result<Posting, extract::ExtractError> {
    let mut p = page.body.extract(&set.sections)?;
    if p.meta.title.is_none() {
        p.meta.title = row.title.clone();
    }
    if p.meta.company.is_none() {
        p.meta.company = row.company.clone();
    }
    if p.meta.location.is_none() {
        p.meta.location = row.location.clone();
    }
    Ok(p)
}

/// Two postings are the same when their text is, ignoring case and spacing:
/// the key hashes the words, lower-cased, each followed by one space. The
/// hash is foldhash, seeded once per run (a run compares keys only with its
/// own). ASCII and Hangul, most of a posting, are read a byte at a time;
/// other characters are lower-cased one by one, as `char::to_lowercase` does,
/// and white space is what `char::is_whitespace` says it is.
fn text_key(text: &str) -> u64 {
    static SEED: OnceLock<foldhash::quality::RandomState> = OnceLock::new();
    let mut words: Vec<u8> = Vec::with_capacity(text.len() + 1);
    let mut in_word = false;
    let end_word = |words: &mut Vec<u8>, in_word: &mut bool| {
        if std::mem::take(in_word) {
            words.push(b' ');
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                end_word(&mut words, &mut in_word);
            } else {
                words.push(b.to_ascii_lowercase());
                in_word = true;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        let n = c.len_utf8();
        if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
            words.extend_from_slice(&bytes[i..i + n]);
            in_word = true;
        } else if c.is_whitespace() {
            end_word(&mut words, &mut in_word);
        } else {
            let mut buf = [0; 4];
            for lower in c.to_lowercase() {
                words.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
            }
            in_word = true;
        }
        i += n;
    }
    end_word(&mut words, &mut in_word);
    let mut h = SEED.get_or_init(Default::default).build_hasher();
    h.write(&words);
    h.finish()
}

/// Input rows read on a thread of their own, so that a Ctrl-C is noticed
/// while the input is slow to come (a pipe that is still open), and rows that
/// have arrived are processed without waiting for a whole chunk.
struct Reader {
    rows: std::sync::mpsc::Receiver<Row>,
    /// A row taken off the channel by [`Reader::ready`], not yet handed out.
    peeked: std::cell::Cell<Option<Row>>,
}

impl Reader {
    fn start(rows: Box<dyn Iterator<Item = Row> + Send>) -> Reader {
        let (tx, rx) = std::sync::mpsc::sync_channel(CHUNK * 2);
        std::thread::spawn(move || {
            for row in rows {
                if tx.send(row).is_err() {
                    return;
                }
            }
        });
        Reader {
            rows: rx,
            peeked: std::cell::Cell::new(None),
        }
    }

    /// Whether a row is there to be had without waiting.
    fn ready(&self) -> bool {
        let peeked = self.peeked.take().or_else(|| self.rows.try_recv().ok());
        let ready = peeked.is_some();
        self.peeked.set(peeked);
        ready
    }

    /// Up to [`CHUNK`] rows: waits for the first, then takes what has
    /// arrived. `None` at the end of the input or once `stop` is set.
    fn next_chunk(&self, stop: &AtomicBool) -> Option<Vec<Row>> {
        use std::sync::mpsc::RecvTimeoutError;
        let first = loop {
            if stop.load(Ordering::SeqCst) {
                return None;
            }
            if let Some(row) = self.peeked.take() {
                break row;
            }
            match self
                .rows
                .recv_timeout(std::time::Duration::from_millis(100))
            {
                Ok(row) => break row,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        };
        let mut chunk = Vec::with_capacity(CHUNK);
        chunk.push(first);
        while chunk.len() < CHUNK {
            match self.rows.try_recv() {
                Ok(row) => chunk.push(row),
                Err(_) => break,
            }
        }
        (!stop.load(Ordering::SeqCst)).then_some(chunk)
    }
}

/// The rows of the input, or an error that stops the run.
fn open_rows(args: &BatchConfig) -> anyhow::Result<Box<dyn Iterator<Item = Row> + Send>> {
    let name = if args.input == "-" {
        "<stdin>".to_string()
    } else {
        args.input.clone()
    };
    let input: Box<dyn Read + Send> = if args.input == "-" {
        Box::new(std::io::stdin())
    } else {
        let f = std::fs::File::open(&args.input)
            .map_err(|e| anyhow::anyhow!("{name}: {}", crate::source::io_message(&e)))?;
        if f.metadata().is_ok_and(|m| m.is_dir()) {
            anyhow::bail!("{name}: is a folder, not a CSV or JSON Lines file");
        }
        Box::new(std::io::BufReader::with_capacity(1 << 16, f))
    };
    // A spreadsheet saved as UTF-16, CP949 or Windows-1252 is read as such.
    let (input, encoding) = super::encoding::Utf8Reader::new(input)
        .map_err(|e| anyhow::anyhow!("{name}: {}", crate::source::io_message(&e)))?;
    if let Some(encoding) = encoding {
        crate::say!("rolefit: note: {name} is not UTF-8; read as {encoding}");
    }
    match args.input_format {
        InputFormat::Jsonl => Ok(Box::new(JsonRows::new(input, &args.columns))),
        InputFormat::Csv => Ok(Box::new(CsvRows::new(
            input,
            args.delimiter,
            &args.columns,
            &name,
        )?)),
    }
}

/// A progress bar on stderr when it is a terminal; hidden otherwise.
fn progress_bar(args: &BatchConfig) -> ProgressBar {
    if !std::io::stderr().is_terminal()
        || matches!(args.format, OutputFormat::Table) && args.output.is_none()
    {
        return ProgressBar::hidden();
    }
    let total = count_rows(args);
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let rows = crate::tr!(args.analysis.msg, "progress-rows");
    let template = if total.is_some() {
        format!("{{bar:30}} {{pos}}/{{len}} {rows}  {{per_sec}}  ETA {{eta}}  {{msg}}")
    } else {
        format!("{{spinner}} {{pos}} {rows}  {{per_sec}}  {{msg}}")
    };
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// Rows in a CSV file, counted quickly for the progress bar's ETA.
fn count_rows(args: &BatchConfig) -> Option<u64> {
    if args.input == "-" || args.input_format == InputFormat::Jsonl {
        return None;
    }
    let f = std::fs::File::open(&args.input).ok()?;
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(f));
    let mut rec = csv::ByteRecord::new();
    let mut n = 0;
    while r.read_byte_record(&mut rec).ok()? {
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::text_key;

    #[test]
    fn text_keys_ignore_case_and_spacing_only() {
        assert_eq!(
            text_key("ML Engineer\n\n- Train  models"),
            text_key("  ml engineer - TRAIN\tmodels ")
        );
        assert_eq!(
            text_key("머신러닝 엔지니어\n주요 업무:  모델 학습"),
            text_key("머신러닝   엔지니어 주요 업무: 모델 학습\n")
        );
        assert_eq!(text_key("ÉCOLE Straße"), text_key("école straße"));
        // Unicode spaces (no-break, ideographic) part words as ASCII ones do;
        // a word joined by a no-break space is not the word apart.
        assert_eq!(
            text_key("AI\u{A0}엔지니어\u{3000}Ⅷ팀 ΣΟΦΊΑ"),
            text_key("ai 엔지니어 ⅷ팀\tσοφία")
        );
        assert_ne!(text_key("AI\u{A0}엔지니어"), text_key("AI엔지니어"));
        assert_ne!(text_key("Ⅷ"), text_key("Ⅶ"));
        assert_ne!(text_key("ML Engineer"), text_key("MLEngineer"));
        assert_ne!(text_key("모델 학습"), text_key("모델 서빙"));
        // Longer than the hasher's buffer, spaced differently.
        let words: Vec<String> = (0..400).map(|i| format!("Word{i} 단어{i}")).collect();
        assert_eq!(
            text_key(&words.join(" ")),
            text_key(&words.join("\n \t").to_uppercase())
        );
        assert_ne!(text_key(&words.join(" ")), text_key(&words[1..].join(" ")));
    }
}
