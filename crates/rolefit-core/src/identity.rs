//! Which posting a record is: its canonical URL when it has one (a board's
//! postings always do), else a SimHash of its duty and requirement lines that
//! survives spacing, case, tracking parameters and small edits.

use std::hash::{Hash, Hasher};

use crate::model::{Posting, SectionKind};

/// Query parameters that say where a click came from, not what was clicked.
const TRACKING: [&str; 14] = [
    "ref",
    "source",
    "src",
    "gh_src",
    "gclid",
    "fbclid",
    "mc_cid",
    "mc_eid",
    "lever-source",
    "lever-origin",
    "trk",
    "trackingid",
    "refid",
    "_hsenc",
];

/// Two fingerprints this many bits apart or closer are one posting edited.
pub const NEAR_BITS: u32 = 6;

/// A URL with what does not name the page taken off: the fragment, tracking
/// parameters, a trailing slash; scheme and host in lower case, the
/// remaining parameters sorted. `None` for what is not an http(s) URL.
pub fn canonical_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let rest = rest.split('#').next().unwrap_or_default();
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = path.split_once('/').unwrap_or((path, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host
        .strip_suffix(":443")
        .or_else(|| host.strip_suffix(":80"))
        .unwrap_or(host);
    let path = path.trim_end_matches('/');
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
            !name.starts_with("utm_") && !TRACKING.contains(&name.as_str())
        })
        .collect();
    params.sort_unstable();
    let mut out = format!("https://{host}/{path}");
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    Some(out)
}

/// The lines that make a posting what it is: duties and requirements, else
/// every line.
fn defining_lines(posting: &Posting) -> Vec<&str> {
    let wanted = [
        SectionKind::Responsibilities,
        SectionKind::Requirements,
        SectionKind::Preferred,
    ];
    let mut lines: Vec<&str> = posting
        .sections
        .iter()
        .filter(|s| wanted.contains(&s.kind))
        .flat_map(|s| s.lines.iter().map(|l| l.text.as_str()))
        .collect();
    if lines.len() < 2 {
        lines = posting
            .sections
            .iter()
            .flat_map(|s| s.lines.iter().map(|l| l.text.as_str()))
            .collect();
    }
    lines
}

/// Words in lower case, punctuation dropped.
fn words(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn hash_of(t: impl Hash) -> u64 {
    // FNV-style seeded SipHash would change between Rust releases; a fixed
    // FNV-1a over the bytes keeps fingerprints stable in the database.
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    t.hash(&mut h);
    // Mix the bits so that near inputs spread over all 64 (splitmix64).
    let mut z = h.finish().wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// What the history keeps to know a posting again and to read it anew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// [`fingerprint`]: near for postings a few words apart.
    pub simhash: u64,
    /// [`content_hash`]: equal only for the same words.
    pub content: u64,
    /// The posting's text, headings and lines, for `history --profile`.
    pub text: String,
}

impl Identity {
    pub fn of(posting: &Posting) -> Identity {
        let mut text = String::new();
        for s in &posting.sections {
            if s.kind == SectionKind::Title {
                continue;
            }
            if let Some(h) = &s.heading {
                text.push_str(h);
                text.push('\n');
            }
            for l in &s.lines {
                text.push_str(&l.text);
                text.push('\n');
            }
            text.push('\n');
        }
        Identity {
            simhash: fingerprint(posting),
            content: content_hash(posting),
            text,
        }
    }
}

/// A 64-bit SimHash of the posting's word 3-grams: postings that differ in a
/// few words are a few bits apart.
pub fn fingerprint(posting: &Posting) -> u64 {
    simhash(&words(&defining_lines(posting)))
}

fn simhash(words: &[String]) -> u64 {
    let mut counts = [0i64; 64];
    let grams: Vec<&[String]> = if words.len() >= 3 {
        words.windows(3).collect()
    } else {
        vec![words]
    };
    for g in grams {
        let h = hash_of(g);
        for (bit, c) in counts.iter_mut().enumerate() {
            *c += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .fold(0u64, |acc, (bit, _)| acc | 1 << bit)
}

/// A hash of the exact words of the defining lines: any edit changes it.
pub fn content_hash(posting: &Posting) -> u64 {
    hash_of(words(&defining_lines(posting)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls_drop_tracking_and_fragments() {
        assert_eq!(
            canonical_url("HTTPS://www.Jobs.Example/post/42/?utm_source=x&b=2&a=1&gh_src=z#apply")
                .as_deref(),
            Some("https://jobs.example/post/42?a=1&b=2")
        );
        assert_eq!(
            canonical_url("http://jobs.example/post/42").as_deref(),
            Some("https://jobs.example/post/42")
        );
        assert_eq!(canonical_url("posting.html"), None);
    }

    fn ws(text: &str) -> Vec<String> {
        words(&[text])
    }

    #[test]
    fn simhash_survives_spacing_and_small_edits() {
        let a = "Build and run training pipelines for large language models. \
                 Write evaluation harnesses. Five years of Python. PyTorch or JAX. \
                 Experience with distributed training on GPU clusters. Strong ML fundamentals.";
        let spaced = a.replace(' ', "   ").to_uppercase();
        assert_eq!(simhash(&ws(a)), simhash(&ws(&spaced)));
        let edited = a.replace("Five years", "Four years");
        let d = (simhash(&ws(a)) ^ simhash(&ws(&edited))).count_ones();
        assert!(d <= 16, "a one-word edit moved {d} bits");
        let other = "Design React components and a design system. TypeScript, CSS, \
                     accessibility audits, web performance budgets and Storybook.";
        let far = (simhash(&ws(a)) ^ simhash(&ws(other))).count_ones();
        assert!(
            far > NEAR_BITS * 3,
            "unrelated postings only {far} bits apart"
        );
    }
}
