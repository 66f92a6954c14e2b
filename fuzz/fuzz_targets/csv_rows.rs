//! Batch input: CSV/TSV rows and JSON Lines. Every row read has the next row
//! number, and a row is either usable (text or URL) or carries an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
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
});
