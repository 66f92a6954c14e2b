//! Batch input: rows of a CSV/TSV file or of JSON Lines, with their columns
//! found by header name. A bad row becomes that row's error; only a file that
//! cannot be read at all stops the run.

use std::io::{BufRead, BufReader, Read};

use serde_json::Value;

use crate::config::ColumnNames;

/// A field larger than this is that row's error, not a posting.
pub const MAX_FIELD_BYTES: usize = 2 * 1024 * 1024;

/// One input row, ready for the pipeline (or carrying its error).
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// 1-based number of the data row (the header is not counted).
    pub number: usize,
    pub id: String,
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
    /// Why this row cannot be processed.
    pub error: Option<String>,
    /// The posting, already read (a row of a board's listing): nothing to fetch.
    pub page: Option<crate::fetch::Fetched>,
}

impl Row {
    /// The posting a row's own columns describe: its title, company and
    /// location, and `text` (the row's description) split into sections.
    pub fn posting(
        &self,
        text: &str,
        rules: &crate::rules::SectionRules,
    ) -> Result<crate::extract::Posting, crate::extract::ExtractError> {
        crate::extract::from_row(
            self.title.as_deref(),
            self.company.as_deref(),
            self.location.as_deref(),
            text,
            rules,
        )
    }
}

/// Which column holds what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    pub id: Option<usize>,
    pub title: Option<usize>,
    pub company: Option<usize>,
    pub location: Option<usize>,
    pub text: Option<usize>,
    pub url: Option<usize>,
}

pub use crate::input_error::InputError;

fn normalize_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
        .replace([' ', '-'], "_")
}

impl Columns {
    /// Finds the columns in a header row.
    pub fn find(
        headers: &[String],
        names: &ColumnNames,
        file: &str,
    ) -> Result<Columns, InputError> {
        let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        let pick = |given: &Option<String>,
                    flag: &str,
                    known: &[String]|
         -> Result<Option<usize>, InputError> {
            match given {
                Some(name) => norm
                    .iter()
                    .position(|h| *h == normalize_header(name))
                    .map(Some)
                    .ok_or_else(|| InputError::File {
                        file: file.to_string(),
                        message: format!(
                            "{flag} {name}: no such column (the header has: {})",
                            list_headers(headers)
                        ),
                    }),
                None => Ok(known.iter().find_map(|k| norm.iter().position(|h| h == k))),
            }
        };
        let k = &names.known;
        let cols = Columns {
            id: pick(&names.id, "--id-column", &k.id)?,
            title: pick(&names.title, "--title-column", &k.title)?,
            company: pick(&None, "", &k.company)?,
            location: pick(&None, "", &k.location)?,
            text: pick(&names.text, "--text-column", &k.text)?,
            url: pick(&names.url, "--url-column", &k.url)?,
        };
        if cols.text.is_none() && cols.url.is_none() {
            return Err(InputError::NoTextColumn {
                file: file.to_string(),
                headers: list_headers(headers),
                hint: String::new(),
            });
        }
        Ok(cols)
    }
}

/// The header's names for a message: the first few, each cut short, and how
/// many more there are, so a header of a million columns is still one line.
fn list_headers(headers: &[String]) -> String {
    const SHOWN: usize = 20;
    const NAME_CHARS: usize = 40;
    let names: Vec<String> = headers
        .iter()
        .take(SHOWN)
        .map(|h| {
            let h = crate::text::sanitize(h);
            match h.char_indices().nth(NAME_CHARS) {
                Some((i, _)) => format!("{}...", &h[..i]),
                None => h,
            }
        })
        .collect();
    let mut list = names.join(", ");
    if headers.len() > SHOWN {
        list.push_str(&format!(" and {} more", headers.len() - SHOWN));
    }
    list
}

/// Reads rows of a CSV (or TSV) input.
pub struct CsvRows<R: Read> {
    reader: csv::Reader<QuoteCount<R>>,
    headers: Vec<String>,
    columns: Columns,
    number: usize,
    record: csv::ByteRecord,
    done: bool,
    /// The next row, read one ahead so the last row is known as the last.
    pending: Option<Row>,
    primed: bool,
    /// Whether the last record read had a field spanning several lines.
    multiline: bool,
}

/// Counts the quote characters that pass through. A well-formed CSV file has
/// an even number (quotes inside quoted fields are doubled); an odd count at
/// the end means a quoted field never closed and swallowed what followed.
pub struct QuoteCount<R> {
    inner: R,
    quotes: u64,
}

impl<R: Read> Read for QuoteCount<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quotes += buf[..n].iter().filter(|&&b| b == b'"').count() as u64;
        Ok(n)
    }
}

impl<R: Read> CsvRows<R> {
    pub fn new(
        input: R,
        delimiter: u8,
        names: &ColumnNames,
        file: &str,
    ) -> Result<CsvRows<R>, InputError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(QuoteCount {
                inner: input,
                quotes: 0,
            });
        let headers = reader.byte_headers().map_err(|e| InputError::File {
            file: file.to_string(),
            message: format!("cannot read the header row: {}", csv_message(&e)),
        })?;
        let headers: Vec<String> = headers
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect();
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(InputError::File {
                file: file.to_string(),
                message: "the file is empty (no header row)".into(),
            });
        }
        if headers.iter().any(|h| h.contains('\0')) {
            return Err(InputError::File {
                file: file.to_string(),
                message: rolefit_core::decode::DecodeError::Binary.to_string(),
            });
        }
        let columns = Columns::find(&headers, names, file).map_err(|e| {
            // One column holding the whole header: another separator.
            match (e, header_hint(&headers, delimiter)) {
                (InputError::File { file, message }, Some(hint)) => InputError::File {
                    file,
                    message: format!("{message}; {hint}"),
                },
                (InputError::NoTextColumn { file, headers, .. }, Some(hint)) => {
                    InputError::NoTextColumn {
                        file,
                        headers,
                        hint: format!("; {hint}"),
                    }
                }
                (e, _) => e,
            }
        })?;
        Ok(CsvRows {
            reader,
            headers,
            columns,
            number: 0,
            record: csv::ByteRecord::new(),
            done: false,
            pending: None,
            primed: false,
            multiline: false,
        })
    }

    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    fn row_from_record(&self) -> Row {
        let mut row = Row {
            number: self.number,
            id: self.number.to_string(),
            ..Row::default()
        };
        if self.record.len() != self.headers.len() {
            row.error = Some(format!(
                "row {}: has {} fields, the header has {}",
                self.number,
                self.record.len(),
                self.headers.len()
            ));
        }
        let field = |row: &mut Row, col: Option<usize>| -> Option<String> {
            let i = col?;
            let bytes = self.record.get(i)?;
            if bytes.len() > MAX_FIELD_BYTES {
                row.error.get_or_insert_with(|| {
                    format!(
                        "row {}, column {}: field is {:.1} MiB, over the {} MiB limit",
                        row.number,
                        self.headers[i],
                        bytes.len() as f64 / (1024.0 * 1024.0),
                        MAX_FIELD_BYTES / (1024 * 1024)
                    )
                });
                return None;
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
                Err(_) => {
                    row.error.get_or_insert_with(|| {
                        format!(
                            "row {}, column {}: invalid UTF-8",
                            row.number, self.headers[i]
                        )
                    });
                    None
                }
            }
        };
        let c = self.columns.clone();
        if let Some(id) = field(&mut row, c.id) {
            row.id = id;
        }
        row.title = field(&mut row, c.title);
        row.company = field(&mut row, c.company);
        row.location = field(&mut row, c.location);
        row.text = field(&mut row, c.text);
        row.url = field(&mut row, c.url);
        finish(row, c.text.map(|i| self.headers[i].as_str()))
    }
}

/// What to use instead when a header plainly is something else: a JSON
/// object (JSON Lines read as CSV), or one column split by another
/// character (a TSV or a semicolon file named `.csv`).
fn header_hint(headers: &[String], delimiter: u8) -> Option<String> {
    let first = headers.first()?.trim_start_matches('\u{feff}').trim_start();
    if first.starts_with('{') && headers.iter().any(|h| h.contains("\":")) {
        return Some(
            "the header looks like a JSON object: for JSON Lines use --input-format jsonl".into(),
        );
    }
    let [only] = headers else {
        return None;
    };
    [
        (b'\t', "tabs", "--delimiter '\\t'"),
        (b';', "semicolons", "--delimiter ';'"),
        (b'|', "bars", "--delimiter '|'"),
    ]
    .into_iter()
    .find(|&(d, _, _)| d != delimiter && only.as_bytes().contains(&d))
    .map(|(_, name, flag)| format!("the header looks separated by {name}: use {flag}"))
}

/// Marks a row with nothing to read as an error.
fn finish(mut row: Row, text_column: Option<&str>) -> Row {
    if row.error.is_none() && row.text.is_none() && row.url.is_none() {
        row.error = Some(match text_column {
            Some(col) => format!(
                "row {}, column {col}: empty, and the row has no URL",
                row.number
            ),
            None => format!("row {}: no URL", row.number),
        });
    }
    row
}

impl<R: Read> Iterator for CsvRows<R> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        if !self.primed {
            self.pending = self.read_row();
            self.primed = true;
        }
        let mut current = self.pending.take()?;
        let current_multiline = self.multiline;
        self.pending = self.read_row();
        if self.pending.is_none()
            && current_multiline
            && self.reader.get_ref().quotes % 2 == 1
            && current.error.is_none()
        {
            current.error = Some(format!(
                "row {}: a quoted field never closes, so the rest of the file was read into this row",
                current.number
            ));
        }
        Some(current)
    }
}

impl<R: Read> CsvRows<R> {
    /// Reads the next row, skipping blank lines.
    fn read_row(&mut self) -> Option<Row> {
        loop {
            if self.done {
                return None;
            }
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {
                    self.number += 1;
                    // A blank line in the middle of a file is not a row.
                    if self.record.len() == 1 && self.record.get(0).is_some_and(|f| f.is_empty()) {
                        self.number -= 1;
                        continue;
                    }
                    self.multiline = self.record.iter().any(|f| f.contains(&b'\n'));
                    return Some(self.row_from_record());
                }
                Err(e) => {
                    self.number += 1;
                    let row = Row {
                        number: self.number,
                        id: self.number.to_string(),
                        error: Some(format!("row {}: {}", self.number, csv_message(&e))),
                        ..Row::default()
                    };
                    // An I/O error ends the input; a parse error is this row's.
                    self.done = matches!(e.kind(), csv::ErrorKind::Io(_));
                    return Some(row);
                }
            }
        }
    }
}

/// The csv crate's message without its position prefix (we add the row).
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => crate::source::io_message(io),
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("has {len} fields, the header has {expected_len}")
        }
        _ => e.to_string(),
    }
}

/// Reads rows of JSON Lines: one object per line with the same field names as
/// CSV headers.
pub struct JsonRows<R: Read> {
    lines: std::io::Lines<BufReader<R>>,
    names: ColumnNames,
    number: usize,
    /// Lines read, blank ones included: where in the file a row is.
    line: usize,
}

impl<R: Read> JsonRows<R> {
    pub fn new(input: R, names: &ColumnNames) -> JsonRows<R> {
        JsonRows {
            lines: BufReader::new(input).lines(),
            names: names.clone(),
            number: 0,
            line: 0,
        }
    }

    fn row_from_line(&self, line: &str) -> Row {
        let mut row = Row {
            number: self.number,
            id: self.number.to_string(),
            ..Row::default()
        };
        let obj = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => obj,
            Ok(_) => {
                row.error = Some(format!(
                    "row {} (line {}): not a JSON object",
                    self.number, self.line
                ));
                return row;
            }
            Err(e) => {
                // serde counts lines within the one line it was given; the
                // user needs the line of the file.
                let what = e.to_string();
                let what = match what.rfind(" at line ") {
                    Some(i) => &what[..i],
                    None => &what,
                };
                row.error = Some(format!(
                    "row {} (line {}): not JSON ({what} at column {})",
                    self.number,
                    self.line,
                    e.column()
                ));
                return row;
            }
        };
        let key_of = |given: &Option<String>, known: &[String]| -> Option<String> {
            obj.keys()
                .find(|k| match given {
                    Some(g) => normalize_header(k) == normalize_header(g),
                    None => known.contains(&normalize_header(k)),
                })
                .cloned()
        };
        let get = |given: &Option<String>, known: &[String]| -> Option<String> {
            let key = key_of(given, known)?;
            match &obj[&key] {
                Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        let k = &self.names.known;
        if let Some(id) = get(&self.names.id, &k.id) {
            row.id = id;
        }
        row.title = get(&self.names.title, &k.title);
        row.company = get(&None, &k.company);
        row.location = get(&None, &k.location);
        row.text = get(&self.names.text, &k.text);
        row.url = get(&self.names.url, &k.url);
        let text_key = key_of(&self.names.text, &k.text).unwrap_or_else(|| "text".to_string());
        if let Some(t) = &row.text
            && t.len() > MAX_FIELD_BYTES
        {
            row.text = None;
            row.error = Some(format!(
                "row {}, field {text_key}: over the {} MiB limit",
                row.number,
                MAX_FIELD_BYTES / (1024 * 1024)
            ));
        }
        finish(row, Some(&text_key))
    }
}

impl<R: Read> Iterator for JsonRows<R> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        loop {
            let line = self.lines.next()?;
            self.number += 1;
            self.line += 1;
            return Some(match line {
                Ok(l) if l.trim().is_empty() => {
                    self.number -= 1;
                    continue;
                }
                Ok(l) => self.row_from_line(l.trim_start_matches('\u{feff}')),
                Err(e) => Row {
                    number: self.number,
                    id: self.number.to_string(),
                    error: Some(format!(
                        "row {} (line {}): {}",
                        self.number,
                        self.line,
                        crate::source::io_message(&e)
                    )),
                    ..Row::default()
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(csv: &str) -> Vec<Row> {
        CsvRows::new(csv.as_bytes(), b',', &ColumnNames::default(), "t.csv")
            .unwrap()
            .collect()
    }

    /// A file that is not a CSV at all says what it is, not just which
    /// columns it lacks.
    #[test]
    fn json_lines_and_binary_read_as_csv_say_what_they_are() {
        let error = |bytes: &[u8]| {
            let e = CsvRows::new(bytes, b',', &ColumnNames::default(), "t.csv").err();
            e.expect("refused").to_string()
        };
        let jsonl = "{\"id\": \"1\", \"text\": \"Train models\"}\n";
        assert!(
            error(jsonl.as_bytes()).ends_with("for JSON Lines use --input-format jsonl"),
            "{}",
            error(jsonl.as_bytes())
        );
        let korean = "{\"번호\": \"1\", \"본문\": \"모델 학습\"}\n";
        assert!(error(korean.as_bytes()).contains("--input-format jsonl"));
        assert_eq!(
            error(b"\x7fELF\x02\x01\x00\x00,x\n"),
            "t.csv: binary content, not text (NUL bytes)"
        );
        // A header that only starts with a brace is not taken for JSON.
        assert!(!error(b"{a},b\n1,2\n").contains("JSON"));
    }

    #[test]
    fn finds_columns_by_name_in_english_and_korean() {
        let r = rows("\u{feff}ID,Title,Description\r\n7,ML Engineer,Train models\r\n");
        assert_eq!(r[0].id, "7");
        assert_eq!(r[0].title.as_deref(), Some("ML Engineer"));
        assert_eq!(r[0].text.as_deref(), Some("Train models"));
        let r = rows("제목,회사,내용\n머신러닝 엔지니어,가나다,모델 개발\n");
        assert_eq!(r[0].id, "1");
        assert_eq!(r[0].company.as_deref(), Some("가나다"));
    }

    #[test]
    fn ragged_and_empty_rows_are_row_errors() {
        let r = rows("id,description\n1,a posting\n2,too,many\n3,\n");
        assert!(r[0].error.is_none());
        assert_eq!(
            r[1].error.as_deref(),
            Some("row 2: has 3 fields, the header has 2")
        );
        assert_eq!(
            r[2].error.as_deref(),
            Some("row 3, column description: empty, and the row has no URL")
        );
    }

    #[test]
    fn invalid_utf8_names_row_and_column() {
        let data = b"id,description\n1,ok\n2,bad \xff\xfe\n".to_vec();
        let r: Vec<Row> = CsvRows::new(&data[..], b',', &ColumnNames::default(), "t.csv")
            .unwrap()
            .collect();
        assert_eq!(
            r[1].error.as_deref(),
            Some("row 2, column description: invalid UTF-8")
        );
    }

    #[test]
    fn a_quote_that_never_closes_is_the_last_rows_error() {
        let r = rows("id,description\n1,first posting\n2,\"second posting\n3,third\n4,fourth\n");
        assert_eq!(r.len(), 2);
        assert!(r[0].error.is_none());
        assert_eq!(
            r[1].error.as_deref(),
            Some(
                "row 2: a quoted field never closes, so the rest of the file was read into this row"
            )
        );
        let r = rows("id,description\n1,\"multi\nline \"\"quoted\"\" text\"\n2,last\n");
        assert!(r.iter().all(|r| r.error.is_none()), "{r:?}");
    }

    #[test]
    fn no_text_column_stops_the_run() {
        let err = CsvRows::new(
            "a,b\n1,2\n".as_bytes(),
            b',',
            &ColumnNames::default(),
            "t.csv",
        )
        .err()
        .unwrap();
        assert!(
            err.to_string().starts_with("t.csv: no text or URL column"),
            "{err}"
        );
    }

    #[test]
    fn json_lines_rows() {
        let input = "{\"id\":\"a\",\"description\":\"text\"}\nnot json\n{\"url\":\"https://x.example/1\"}\n";
        let r: Vec<Row> = JsonRows::new(input.as_bytes(), &ColumnNames::default()).collect();
        assert_eq!(r[0].id, "a");
        assert!(
            r[1].error
                .as_deref()
                .unwrap()
                .starts_with("row 2 (line 2): not JSON")
        );
        assert_eq!(r[2].url.as_deref(), Some("https://x.example/1"));
    }
}
