//! `--cache DIR`: fetched pages kept on disk so a rerun fetches nothing that
//! already succeeded. Files are named by a hash of the URL, never by the URL
//! or a row id, so nothing can be written outside the folder.
//!
//! The folder may be shared by runs at once, or hold files someone else put
//! there: an entry is written to a temporary file created exclusively (never
//! through a symlink) and renamed into place, and an entry that is not a
//! regular file, is over the size limit or does not parse is ignored, with a
//! warning, and fetched again.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::extract::Format;
use crate::fetch::{Body, Fetched};

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    url: String,
    content_type: Option<String>,
    format: String,
    text: String,
}

/// A folder of cached pages.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    /// Largest entry read or written: a page's size limit, with room for
    /// JSON escaping.
    max_entry: u64,
}

impl Cache {
    /// Opens (and creates) a cache folder for pages of at most `max_page` bytes.
    pub fn open(dir: &Path, max_page: u64) -> anyhow::Result<Cache> {
        if dir.exists() && !dir.is_dir() {
            anyhow::bail!("--cache {}: is a file, not a folder", dir.display());
        }
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "--cache {}: cannot create the folder: {}",
                dir.display(),
                crate::source::io_message(&e)
            )
        })?;
        Ok(Cache {
            dir: dir.to_path_buf(),
            max_entry: max_page.saturating_mul(2).saturating_add(64 * 1024),
        })
    }

    /// The entry's file: named by a hash of the URL without any password.
    fn path(&self, url: &str) -> PathBuf {
        let hash = Sha256::digest(crate::fetch::redact(url).as_bytes());
        let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{hex}.json"))
    }

    /// A cached page, if there is a readable one for this URL. A file in
    /// the way that is not a good entry is reported on stderr and ignored.
    pub fn get(&self, url: &str) -> Option<Fetched> {
        let path = self.path(url);
        let bytes = match self.read_entry(&path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return None,
            Err(why) => {
                self.warn(&path, url, &why);
                return None;
            }
        };
        let e: Entry = match serde_json::from_slice(&bytes) {
            Ok(e) => e,
            Err(_) => {
                self.warn(&path, url, "not a rolefit cache entry");
                return None;
            }
        };
        if e.url != crate::fetch::redact(url) {
            return None;
        }
        let body = match e.format.as_str() {
            // A board's posting is kept as the JSON of its fields; one that
            // no longer parses is fetched again.
            "board" => match serde_json::from_str(&e.text) {
                Ok(p) => Body::Posting(Box::new(p)),
                Err(_) => {
                    self.warn(&path, url, "not a rolefit cache entry");
                    return None;
                }
            },
            "html" => Body::Text {
                text: e.text,
                format: Format::Html,
            },
            "markdown" => Body::Text {
                text: e.text,
                format: Format::Markdown,
            },
            _ => Body::Text {
                text: e.text,
                format: Format::Text,
            },
        };
        Some(Fetched {
            url: e.url,
            content_type: e.content_type,
            body,
        })
    }

    /// The bytes of an entry; `None` when there is none; an error saying
    /// why a file that is there cannot be one.
    fn read_entry(&self, path: &Path) -> Result<Option<Vec<u8>>, String> {
        let mut options = std::fs::OpenOptions::new();
        options.read(true);
        // Never through a symlink, and never waiting on a FIFO.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = match options.open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                return Err("is a symlink, not a file rolefit wrote".into());
            }
            Err(e) => return Err(crate::source::io_message(&e)),
        };
        let meta = file.metadata().map_err(|e| crate::source::io_message(&e))?;
        if !meta.is_file() {
            return Err("not a regular file".into());
        }
        if meta.len() > self.max_entry {
            return Err(format!(
                "{} bytes, over the {} byte limit",
                meta.len(),
                self.max_entry
            ));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(self.max_entry + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| crate::source::io_message(&e))?;
        if bytes.len() as u64 > self.max_entry {
            return Err(format!("over the {} byte limit", self.max_entry));
        }
        Ok(Some(bytes))
    }

    fn warn(&self, path: &Path, url: &str, why: &str) {
        crate::say!(
            "rolefit: warning: --cache {}: {why}; ignored, fetching {} again",
            path.display(),
            crate::text::sanitize(&crate::fetch::redact(url))
        );
    }

    /// Stores a page; a failure to write only costs a refetch next time.
    pub fn put(&self, url: &str, page: &Fetched) {
        let (format, text) = match &page.body {
            Body::Text { text, format } => (
                match format {
                    Format::Html => "html",
                    Format::Markdown => "markdown",
                    Format::Text => "text",
                },
                text.clone(),
            ),
            Body::Posting(data) => (
                "board",
                serde_json::to_string(data).expect("a board posting serializes"),
            ),
        };
        let entry = Entry {
            url: crate::fetch::redact(url).into_owned(),
            content_type: page.content_type.clone(),
            format: format.into(),
            text,
        };
        let Ok(json) = serde_json::to_vec(&entry) else {
            return;
        };
        if json.len() as u64 > self.max_entry {
            return;
        }
        // A fresh name, created exclusively (O_EXCL: never a symlink someone
        // planted), then renamed over the entry: a reader, in this run or
        // another sharing the folder, sees the old entry or the new one.
        let Ok(mut tmp) = tempfile::Builder::new()
            .prefix(".entry.")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
        else {
            return;
        };
        crate::signal::register_temp(tmp.path());
        let raw = tmp.path().to_path_buf();
        if std::io::Write::write_all(&mut tmp, &json).is_ok() {
            let _ = tmp.persist(self.path(url));
        }
        crate::signal::forget_temp(&raw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_the_way_of_the_cache_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cache");
        std::fs::write(&file, "notes").unwrap();
        let Err(e) = Cache::open(&file, 1 << 20) else {
            panic!("a file in the way was taken for the cache folder");
        };
        assert!(
            e.to_string().ends_with("cache: is a file, not a folder"),
            "{e}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "notes");
    }

    #[test]
    fn round_trip_and_hashed_names() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path(), 1 << 20).unwrap();
        let url = "https://x.example/../../etc/passwd";
        assert!(cache.get(url).is_none());
        let page = Fetched {
            url: url.into(),
            content_type: Some("text/html".into()),
            body: Body::Text {
                text: "<p>hi</p>".into(),
                format: Format::Html,
            },
        };
        cache.put(url, &page);
        let got = cache.get(url).unwrap();
        assert!(matches!(
            got.body,
            Body::Text { text, format: Format::Html } if text == "<p>hi</p>"
        ));
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].len(), 64 + 5);
    }
}
