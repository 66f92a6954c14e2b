//! `--cache DIR`: fetched pages kept on disk so a rerun fetches nothing that
//! already succeeded. Files are named by a hash of the URL, never by the URL
//! or a row id, so nothing can be written outside the folder.

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
}

impl Cache {
    /// Opens (and creates) a cache folder.
    pub fn open(dir: &Path) -> anyhow::Result<Cache> {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "--cache {}: cannot create the folder: {}",
                dir.display(),
                crate::source::io_message(&e)
            )
        })?;
        Ok(Cache {
            dir: dir.to_path_buf(),
        })
    }

    fn path(&self, url: &str) -> PathBuf {
        let hash = Sha256::digest(url.as_bytes());
        let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{hex}.json"))
    }

    /// A cached page, if there is a readable one for this URL.
    pub fn get(&self, url: &str) -> Option<Fetched> {
        let bytes = std::fs::read(self.path(url)).ok()?;
        let e: Entry = serde_json::from_slice(&bytes).ok()?;
        if e.url != url {
            return None;
        }
        let body = match e.format.as_str() {
            // A board's posting is kept as the JSON of its fields; one that
            // no longer parses is fetched again.
            "board" => Body::Posting(Box::new(serde_json::from_str(&e.text).ok()?)),
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
            url: url.to_string(),
            content_type: page.content_type.clone(),
            format: format.into(),
            text,
        };
        let path = self.path(url);
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if let Ok(json) = serde_json::to_vec(&entry)
            && std::fs::write(&tmp, json).is_ok()
        {
            let _ = std::fs::rename(&tmp, &path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_hashed_names() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
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
