//! JSON: one array of records, or one record per line (JSON Lines).

use std::io::{self, Write};

use super::RecordWriter;
use crate::report::Record;

pub struct JsonWriter<'a> {
    out: Box<dyn Write + 'a>,
    array: bool,
    count: usize,
}

impl<'a> JsonWriter<'a> {
    pub fn array(out: Box<dyn Write + 'a>) -> JsonWriter<'a> {
        JsonWriter {
            out,
            array: true,
            count: 0,
        }
    }

    pub fn lines(out: Box<dyn Write + 'a>) -> JsonWriter<'a> {
        JsonWriter {
            out,
            array: false,
            count: 0,
        }
    }
}

impl RecordWriter for JsonWriter<'_> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
            serde_json::to_writer_pretty(&mut self.out, record)?;
        } else {
            serde_json::to_writer(&mut self.out, record)?;
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}
