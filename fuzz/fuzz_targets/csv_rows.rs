//! Batch input: CSV/TSV rows and JSON Lines, as given and through the
//! encoding sniffer (UTF-16, CP949, Windows-1252). Every row read has the
//! next row number, and a row is either usable (text or URL) or carries an
//! error; what the sniffer decodes is UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Read;

use rolefit::batch::encoding::Utf8Reader;
use rolefit::batch::input::{ColumnNames, CsvRows, JsonRows, Row};

fn check(rows: impl Iterator<Item = Row>) {
    for (i, row) in rows.take(10_000).enumerate() {
        assert_eq!(row.number, i + 1, "rows are numbered in order");
        assert!(
            row.error.is_some() || row.text.is_some() || row.url.is_some(),
            "row {} has neither text, URL nor error",
            row.number
        );
        if let Some(e) = &row.error {
            assert!(e.starts_with(&format!("row {}", row.number)), "{e}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let delimiter = if first % 2 == 0 { b',' } else { b'\t' };
    let names = ColumnNames::default();
    if let Ok(rows) = CsvRows::new(rest, delimiter, &names, "fuzz.csv") {
        check(rows);
    }
    check(JsonRows::new(rest, &names));

    let (mut reader, encoding) = Utf8Reader::new(rest).expect("reading a slice cannot fail");
    let mut decoded = Vec::new();
    reader.read_to_end(&mut decoded).expect("reading a slice cannot fail");
    if encoding.is_some() {
        assert!(std::str::from_utf8(&decoded).is_ok(), "{encoding:?} decoded to UTF-8");
    } else {
        assert_eq!(decoded, rest, "UTF-8 passes through unchanged");
    }
    if let Ok(rows) = CsvRows::new(&decoded[..], delimiter, &names, "fuzz.csv") {
        check(rows);
    }
    check(JsonRows::new(&decoded[..], &names));
});
