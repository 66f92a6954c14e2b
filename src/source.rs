//! Sources: what the user names on the command line (a URL, a file, or `-`
//! for stdin) and reading each into text.

use std::io::Read;
use std::path::PathBuf;

use crate::boards::Client;
use crate::decode;
use crate::extract::Format;
use crate::fetch::Body;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where a posting comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Url(String),
    File(PathBuf),
    Stdin,
}

impl Source {
    /// Reads a command-line argument: `-` is stdin, `http(s)://` a URL, the rest a file.
    pub fn parse(arg: &str) -> Source {
        let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
        if arg == "-" {
            Source::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Source::Url(arg.to_string())
        } else {
            Source::File(PathBuf::from(arg))
        }
    }
}

/// Why a source could not be read; messages name the file or URL.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("<stdin>: {0}")]
    Stdin(String),
    #[error(transparent)]
    Fetch(#[from] crate::fetch::FetchError),
}

/// Reads a source into text.
pub fn read(source: &Source, client: &Client) -> Result<Body, SourceError> {
    match source {
        Source::Url(url) => Ok(client.fetch(url)?.body),
        Source::File(path) => {
            let err = |message: String| SourceError::File {
                path: path.display().to_string(),
                message,
            };
            if path.to_str().is_some_and(|p| p.contains("://")) {
                return Err(err(
                    "not a file, and only http:// and https:// URLs are supported".into(),
                ));
            }
            let meta = std::fs::metadata(path).map_err(|e| err(io_message(&e)))?;
            if meta.is_dir() {
                return Err(err("is a folder, not a posting file".into()));
            }
            if meta.len() > MAX_FILE_BYTES {
                return Err(err(format!(
                    "file is {} MiB, over the {} MiB limit",
                    meta.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                )));
            }
            let bytes = if meta.is_file() {
                std::fs::read(path).map_err(|e| err(io_message(&e)))?
            } else {
                // /dev/zero, a FIFO, `<(cmd)`: no size to check up front, and
                // maybe no end; capped like stdin, and given up on after --timeout.
                read_stream(path, client.fetcher.options().timeout).map_err(err)?
            };
            let text = decode::decode(&bytes, None).map_err(|e| err(e.to_string()))?;
            let format = Format::guess(path.to_str(), &text);
            Ok(Body::Text { text, format })
        }
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| SourceError::Stdin(io_message(&e)))?;
            if bytes.len() as u64 > MAX_FILE_BYTES {
                return Err(SourceError::Stdin(format!(
                    "input is over the {} MiB limit",
                    MAX_FILE_BYTES / (1024 * 1024)
                )));
            }
            let text =
                decode::decode(&bytes, None).map_err(|e| SourceError::Stdin(e.to_string()))?;
            let format = Format::sniff(&text);
            Ok(Body::Text { text, format })
        }
    }
}

/// A file that is not a regular one, read to its end on a thread of its
/// own (opening a FIFO blocks until a writer comes), at most
/// [`MAX_FILE_BYTES`], within `timeout`.
fn read_stream(path: &std::path::Path, timeout: std::time::Duration) -> Result<Vec<u8>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let read = std::fs::File::open(&owned).and_then(|f| {
            let mut bytes = Vec::new();
            f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        });
        let _ = tx.send(read);
    });
    match rx.recv_timeout(timeout) {
        Ok(Ok(bytes)) if bytes.len() as u64 > MAX_FILE_BYTES => Err(format!(
            "input is over the {} MiB limit",
            MAX_FILE_BYTES / (1024 * 1024)
        )),
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(e)) => Err(io_message(&e)),
        Err(_) => Err(format!(
            "not a regular file, and no end of input within {} s (--timeout)",
            timeout.as_secs_f64()
        )),
    }
}

/// An I/O error as a user reads it: "No such file or directory", without "(os error 2)".
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kinds() {
        assert_eq!(Source::parse("-"), Source::Stdin);
        assert_eq!(
            Source::parse("HTTPS://x.example/j/1"),
            Source::Url("HTTPS://x.example/j/1".into())
        );
        assert_eq!(Source::parse("a.html"), Source::File("a.html".into()));
        assert_eq!(Source::parse("ftp://x"), Source::File("ftp://x".into()));
    }
}
