//! Batch input in the encodings spreadsheets save in: UTF-8 (with or without
//! a BOM), UTF-16 (Excel's "Unicode text", PowerShell), CP949/EUC-KR (Korean
//! Excel) and Windows-1252 (Western Excel's "CSV"). The first 64 KiB decide;
//! anything not UTF-8 is decoded to UTF-8 as it streams, so memory stays flat.

use std::io::{self, Read};

use encoding_rs::{Decoder, EUC_KR, Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How much of the input is looked at to tell the encoding.
const SNIFF: usize = 64 * 1024;

/// A reader that hands out UTF-8, whatever the input's encoding.
pub struct Utf8Reader<R> {
    inner: R,
    /// `None`: the input is UTF-8 and passes through as it is.
    decoder: Option<Decoder>,
    /// Input read (the sniffed head first) and not yet decoded.
    pending: Vec<u8>,
    pending_at: usize,
    /// Decoded output not yet handed out.
    out: Vec<u8>,
    out_at: usize,
    /// No more input to read (what is in `pending` is the last of it).
    eof: bool,
    /// Everything has been decoded.
    finished: bool,
}

impl<R: Read> Utf8Reader<R> {
    /// Reads the head of `inner` to tell its encoding; returns the reader
    /// and the encoding's name when it is not UTF-8.
    pub fn new(mut inner: R) -> io::Result<(Utf8Reader<R>, Option<&'static str>)> {
        // One read: a file gives its first 64 KiB, a pipe what has arrived,
        // so rows that come slowly are not held back waiting for more.
        let mut head = vec![0u8; SNIFF];
        let n = loop {
            match inner.read(&mut head) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        head.truncate(n);
        let eof = n == 0;
        let encoding = sniff(&head, eof);
        let name = encoding.map(|e| match e.name() {
            "EUC-KR" => "CP949 (EUC-KR)",
            "windows-1252" => "Windows-1252",
            other => other,
        });
        Ok((
            Utf8Reader {
                inner,
                // A BOM is removed by the decoder (UTF-16) or kept for the
                // header reader to drop (UTF-8).
                decoder: encoding.map(Encoding::new_decoder_with_bom_removal),
                pending: head,
                pending_at: 0,
                out: Vec::new(),
                out_at: 0,
                eof,
                finished: false,
            },
            name,
        ))
    }
}

/// The encoding of a head of input, when it is not UTF-8.
fn sniff(head: &[u8], whole: bool) -> Option<&'static Encoding> {
    match Encoding::for_bom(head) {
        Some((enc, _)) if enc == UTF_16LE || enc == UTF_16BE => return Some(enc),
        Some(_) => return None,
        None => {}
    }
    // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
    let pairs = head.len() / 2;
    if pairs >= 2 {
        let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        if odd * 10 >= pairs * 4 && even * 10 < pairs {
            return Some(UTF_16LE);
        }
        if even * 10 >= pairs * 4 && odd * 10 < pairs {
            return Some(UTF_16BE);
        }
    }
    match std::str::from_utf8(head) {
        Ok(_) => return None,
        // Cut in the middle of a character at the end of the head: UTF-8.
        Err(e) if e.error_len().is_none() && !whole => return None,
        Err(_) => {}
    }
    // Korean text decodes cleanly as CP949 and is mostly Hangul; Western
    // text in Windows-1252 rarely decodes cleanly as CP949 at all.
    let (text, _, errors) = EUC_KR.decode(head);
    if !errors || !whole {
        let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
        let hangul = text
            .chars()
            .filter(|c| matches!(c, '\u{AC00}'..='\u{D7A3}'))
            .count();
        if non_ascii > 0 && hangul * 2 >= non_ascii {
            return Some(EUC_KR);
        }
    }
    let (western, _, _) = WINDOWS_1252.decode(head);
    // Not text in any of these: stray bytes in a UTF-8 file, each reported
    // with its row.
    plausible_western(&western).then_some(WINDOWS_1252)
}

/// Whether text decoded as Windows-1252 reads like Western text: its runs
/// of non-ASCII characters are mostly accented letters inside words
/// ("Café", "Größe") or punctuation (“ ” – € °), not control characters or
/// letters standing alone between spaces ("Ã(", "ÿþ"), which is what
/// corrupt UTF-8 looks like.
fn plausible_western(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let (mut runs, mut good) = (0usize, 0usize);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_ascii() {
            i += 1;
        }
        let run = &chars[start..i];
        runs += 1;
        if run.iter().any(|c| c.is_control()) {
            continue;
        }
        let in_word = |c: Option<&char>| c.is_some_and(char::is_ascii_alphabetic);
        let letters = run.iter().any(|c| c.is_alphabetic());
        if !letters
            || in_word(start.checked_sub(1).and_then(|p| chars.get(p)))
            || in_word(chars.get(i))
        {
            good += 1;
        }
    }
    runs > 0 && good * 10 >= runs * 8
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(decoder) = self.decoder.as_mut() else {
            // UTF-8: the head, then the rest as it comes.
            if self.pending_at < self.pending.len() {
                let n = buf.len().min(self.pending.len() - self.pending_at);
                buf[..n].copy_from_slice(&self.pending[self.pending_at..self.pending_at + n]);
                self.pending_at += n;
                return Ok(n);
            }
            return self.inner.read(buf);
        };
        loop {
            if self.out_at < self.out.len() {
                let n = buf.len().min(self.out.len() - self.out_at);
                buf[..n].copy_from_slice(&self.out[self.out_at..self.out_at + n]);
                self.out_at += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            if self.pending_at >= self.pending.len() && !self.eof {
                self.pending.resize(SNIFF, 0);
                let n = self.inner.read(&mut self.pending)?;
                self.pending.truncate(n);
                self.pending_at = 0;
                self.eof = n == 0;
            }
            let input = &self.pending[self.pending_at..];
            let last = self.eof;
            let room = decoder
                .max_utf8_buffer_length(input.len())
                .unwrap_or(input.len() * 3 + 16);
            self.out.clear();
            self.out.resize(room, 0);
            let (_, read, written, _) = decoder.decode_to_utf8(input, &mut self.out, last);
            self.pending_at += read;
            self.out.truncate(written);
            self.out_at = 0;
            self.finished = last && self.pending_at >= self.pending.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (String, Option<&'static str>) {
        let (mut r, name) = Utf8Reader::new(bytes).unwrap();
        let mut s = Vec::new();
        r.read_to_end(&mut s).unwrap();
        (String::from_utf8_lossy(&s).into_owned(), name)
    }

    #[test]
    fn encodings_are_told_apart() {
        let text = "id,description\n1,Café ML engineer — résumé\n";
        assert_eq!(decoded(text.as_bytes()), (text.to_string(), None));
        let (cp1252, _, _) = WINDOWS_1252.encode(text);
        assert_eq!(decoded(&cp1252), (text.to_string(), Some("Windows-1252")));
        let korean = "id,내용\n1,머신러닝 엔지니어를 찾습니다\n";
        let (euc, _, _) = EUC_KR.encode(korean);
        assert_eq!(decoded(&euc), (korean.to_string(), Some("CP949 (EUC-KR)")));
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decoded(&utf16), (text.to_string(), Some("UTF-16LE")));
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decoded(&bare), (text.to_string(), Some("UTF-16BE")));
        // Stray bytes in ASCII text are not an encoding.
        assert_eq!(decoded(b"id,d\n1,ML \xff\xfe models\n").1, None);
        assert_eq!(decoded(b"id,d\n1,bad \xc3\x28 bytes\n").1, None);
    }

    #[test]
    fn long_input_streams_through() {
        let row = "1,Entwicklung von Modellen für Übersetzung\n";
        let text = format!("id,description\n{}", row.repeat(5000));
        let (cp1252, _, _) = WINDOWS_1252.encode(&text);
        let (s, name) = decoded(&cp1252);
        assert_eq!(name, Some("Windows-1252"));
        assert_eq!(s, text);
    }
}
