//! JSON: one array of records, or one record per line (JSON Lines).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use super::RecordWriter;
use crate::report::Record;

/// A JSON formatter that also writes as `\uXXXX` the characters serde_json
/// leaves raw but a terminal acts on: C1 controls (U+009B is a one-character
/// CSI) and the bidirectional overrides that can disguise text. serde_json
/// already escapes the C0 controls, ESC among them.
struct Safe<F>(F);

fn unsafe_for_terminals(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = rest.find(unsafe_for_terminals) {
            writer.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().expect("a char at i");
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    // Everything else as the wrapped formatter writes it.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

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
            let f = Safe(serde_json::ser::PrettyFormatter::new());
            record.serialize(&mut serde_json::Serializer::with_formatter(
                &mut self.out,
                f,
            ))?;
        } else {
            let f = Safe(serde_json::ser::CompactFormatter);
            record.serialize(&mut serde_json::Serializer::with_formatter(
                &mut self.out,
                f,
            ))?;
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compact(s: &str) -> String {
        let mut out = Vec::new();
        s.serialize(&mut serde_json::Serializer::with_formatter(
            &mut out,
            Safe(serde_json::ser::CompactFormatter),
        ))
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn terminal_controls_are_escaped() {
        assert_eq!(compact("a\u{1b}[2Jb"), r#""a\u001b[2Jb""#);
        assert_eq!(compact("a\u{9b}31mb\u{202e}c"), r#""a\u009b31mb\u202ec""#);
        assert_eq!(compact("머신러닝 \"ML\""), r#""머신러닝 \"ML\"""#);
        let back: String = serde_json::from_str(&compact("x\u{9b}\u{2066}y")).unwrap();
        assert_eq!(back, "x\u{9b}\u{2066}y");
    }
}
