//! Next.js pages: a page that renders in the browser still ships its data as
//! JSON in `<script id="__NEXT_DATA__">`. When the visible page is empty, the
//! posting is read from there: the object with a title and the most posting
//! text, its fields found by their usual names.

use scraper::{Html, Selector};
use serde_json::{Map, Value};

use super::structured::{Part, Structured};
use super::{PostingMeta, SectionKind};
use crate::text::clean_inline;

/// JSON values looked at, at most: the data of a hostile page can be huge.
const MAX_NODES: usize = 200_000;
const MAX_DEPTH: usize = 32;
/// Less text than this is a teaser in a list, not a posting.
const MIN_CHARS: usize = 60;

/// Keys whose value is the whole description, best first; only the first
/// present is read, since boards often give the same text as HTML and plain.
const DESCRIPTION_KEYS: &[&str] = &[
    "descriptionhtml",
    "description",
    "jobdescription",
    "content",
    "body",
    "descriptionplain",
];

/// Keys whose value is one typed part of the posting (names lower-cased,
/// without `_` and `-`).
const PART_KEYS: &[(&str, SectionKind)] = &[
    ("intro", SectionKind::About),
    ("aboutcompany", SectionKind::About),
    ("companydescription", SectionKind::About),
    ("responsibilities", SectionKind::Responsibilities),
    ("maintasks", SectionKind::Responsibilities),
    ("duties", SectionKind::Responsibilities),
    ("requirements", SectionKind::Requirements),
    ("qualifications", SectionKind::Requirements),
    ("preferredpoints", SectionKind::Preferred),
    ("preferred", SectionKind::Preferred),
    ("preferredqualifications", SectionKind::Preferred),
    ("nicetohave", SectionKind::Preferred),
    ("benefits", SectionKind::Benefits),
    ("perks", SectionKind::Benefits),
];

/// Child objects whose fields belong to the posting around them
/// (`{"position": ..., "detail": {"requirements": ...}}`).
const DETAIL_KEYS: &[&str] = &["detail", "details", "content", "description"];

const TITLE_KEYS: &[&str] = &["title", "jobtitle", "position", "positionname", "name"];
const COMPANY_KEYS: &[&str] = &[
    "company",
    "companyname",
    "hiringorganization",
    "organization",
];
const LOCATION_KEYS: &[&str] = &["location", "locationname", "joblocation"];

/// The posting in a page's `__NEXT_DATA__`, if it has one.
pub fn posting(doc: &Html) -> Option<Structured> {
    let sel = Selector::parse("script#__NEXT_DATA__").expect("valid selector");
    let raw: String = doc.select(&sel).next()?.text().collect();
    let value: Value = serde_json::from_str(raw.trim()).ok()?;
    let mut search = Search {
        budget: MAX_NODES,
        best: None,
    };
    search.walk(value.get("props").unwrap_or(&value), 0);
    search.best.map(|(_, s)| s)
}

struct Search {
    budget: usize,
    best: Option<(usize, Structured)>,
}

impl Search {
    fn walk(&mut self, v: &Value, depth: usize) {
        if depth > MAX_DEPTH || self.budget == 0 {
            return;
        }
        self.budget -= 1;
        match v {
            Value::Object(map) => {
                if let Some((score, s)) = candidate(map)
                    && self.best.as_ref().is_none_or(|(best, _)| score > *best)
                {
                    self.best = Some((score, s));
                }
                for child in map.values() {
                    self.walk(child, depth + 1);
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.walk(item, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// `jobTitle`, `job_title` and `JobTitle` all read as `jobtitle`.
fn norm(key: &str) -> String {
    key.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

fn get<'a>(map: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names
        .iter()
        .find_map(|n| map.iter().find(|(k, _)| norm(k) == *n).map(|(_, v)| v))
}

/// A string, or the lines of an array of strings.
fn text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => return None,
    };
    (!s.trim().is_empty()).then_some(s)
}

/// A short field: a string, or an object's `name`.
fn short(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => clean_inline(s),
        Value::Object(m) => get(m, &["name", "companyname", "fulllocation"])
            .and_then(Value::as_str)
            .map(clean_inline)?,
        _ => return None,
    };
    (!s.is_empty() && s.chars().count() <= 200).then_some(s)
}

/// An object that looks like a posting, with its score: the characters of
/// its text, halved when its title is only a `name` (a company has one too).
fn candidate(map: &Map<String, Value>) -> Option<(usize, Structured)> {
    let title_key = TITLE_KEYS
        .iter()
        .find(|n| get(map, &[**n]).and_then(Value::as_str).is_some())?;
    let title = get(map, &[*title_key]).and_then(short)?;
    let mut parts = Vec::new();
    let mut scopes = vec![map];
    scopes.extend(
        DETAIL_KEYS
            .iter()
            .filter_map(|k| get(map, &[*k]).and_then(Value::as_object)),
    );
    for scope in &scopes {
        if let Some(body) = get(scope, DESCRIPTION_KEYS).and_then(text) {
            parts.push(Part::new(None, None, body));
        }
        for (key, kind) in PART_KEYS {
            if let Some(body) = get(scope, &[*key]).and_then(text) {
                parts.push(Part::new(Some(*kind), None, body));
            }
        }
    }
    let data = Structured {
        meta: PostingMeta {
            title: Some(title),
            company: get(map, COMPANY_KEYS).and_then(short),
            location: get(map, LOCATION_KEYS).and_then(short),
            ..PostingMeta::default()
        },
        parts,
    };
    let chars = data.text_len();
    if chars < MIN_CHARS {
        return None;
    }
    let score = if *title_key == "name" {
        chars / 2
    } else {
        chars
    };
    Some((score, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(data: &str) -> Html {
        Html::parse_document(&format!(
            r#"<html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>"#
        ))
    }

    #[test]
    fn finds_the_posting_among_other_data() {
        let long = "Build retrieval services for our LLM product and run them in production.";
        let doc = page(&format!(
            r#"{{"props":{{"pageProps":{{"nav":[{{"title":"Home"}}],
              "company":{{"name":"Acme","description":"short"}},
              "job":{{"jobTitle":"LLM Engineer","companyName":"Acme","location":{{"name":"Seoul"}},
                "detail":{{"main_tasks":"{long}","requirements":["Python","Kubernetes"]}}}}}}}}}}"#
        ));
        let s = posting(&doc).unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("LLM Engineer"));
        assert_eq!(s.meta.company.as_deref(), Some("Acme"));
        assert_eq!(s.meta.location.as_deref(), Some("Seoul"));
        assert_eq!(s.parts[0].kind, Some(SectionKind::Responsibilities));
        assert_eq!(s.parts[1].body, "Python\nKubernetes");
    }

    #[test]
    fn nothing_without_next_data_or_text() {
        assert!(posting(&Html::parse_document("<p>hi</p>")).is_none());
        assert!(
            posting(&page(
                r#"{"props":{"pageProps":{"title":"x","description":"short"}}}"#
            ))
            .is_none()
        );
        assert!(posting(&page("{not json")).is_none());
    }
}
