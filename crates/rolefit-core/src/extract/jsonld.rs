//! schema.org `JobPosting` in `<script type="application/ld+json">`: the most
//! reliable source of a posting's fields when a page has one.

use scraper::{Html, Selector};
use serde_json::Value;

use super::{PageFields, PostingMeta, content};
use crate::text::clean_inline;

/// At most this many JSON-LD blocks are looked at; a page with thousands is hostile.
const MAX_BLOCKS: usize = 64;
/// How deep into nested arrays and `@graph`s to look for a JobPosting.
const MAX_DEPTH: usize = 8;

/// The first JobPosting in the page's JSON-LD, if any has a description.
pub fn job_posting(doc: &Html) -> Option<PageFields> {
    let sel = Selector::parse(r#"script[type="application/ld+json"]"#).expect("valid selector");
    doc.select(&sel).take(MAX_BLOCKS).find_map(|script| {
        let raw: String = script.text().collect();
        let value: Value = serde_json::from_str(raw.trim().trim_end_matches(';')).ok()?;
        let posting = find_posting(&value, 0)?;
        fields(posting)
    })
}

fn is_job_posting(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => t == "JobPosting",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "JobPosting"),
        _ => false,
    }
}

fn find_posting(v: &Value, depth: usize) -> Option<&Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match v {
        Value::Object(map) => {
            if is_job_posting(v) {
                return Some(v);
            }
            map.get("@graph").and_then(|g| find_posting(g, depth + 1))
        }
        Value::Array(items) => items.iter().find_map(|i| find_posting(i, depth + 1)),
        _ => None,
    }
}

/// A plain string from a JSON-LD value: a string, a number, or the `name` of an object.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => decode_entities(s),
        Value::Number(n) => n.to_string(),
        Value::Object(map) => return map.get("name").and_then(text_of),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            if parts.is_empty() {
                return None;
            }
            parts.join(", ")
        }
        _ => return None,
    };
    let s = clean_inline(&s);
    (!s.is_empty()).then_some(s)
}

/// `jobLocation` is an object (or list of them) with an address.
fn location_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(location_of).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Value::Object(map) => {
            if let Some(addr) = map.get("address") {
                if let Value::Object(a) = addr {
                    let parts: Vec<String> = ["addressLocality", "addressRegion", "addressCountry"]
                        .iter()
                        .filter_map(|k| a.get(*k).and_then(text_of))
                        .collect();
                    if !parts.is_empty() {
                        return Some(parts.join(", "));
                    }
                }
                return text_of(addr);
            }
            text_of(v)
        }
        other => text_of(other),
    }
}

fn fields(posting: &Value) -> Option<PageFields> {
    let description = match posting.get("description")? {
        Value::String(s) => s.clone(),
        _ => return None,
    };
    // Some generators entity-escape the markup itself ("&lt;p&gt;").
    let html = if !description.contains('<') && description.contains("&lt;") {
        decode_entities(&description)
    } else {
        description
    };
    // A description nested too deeply to read is no description: the page's
    // own content is read instead.
    let blocks = content::fragment_blocks(&html).ok()?;
    if blocks.is_empty() {
        return None;
    }
    let mut location = posting.get("jobLocation").and_then(location_of);
    if posting.get("jobLocationType").and_then(Value::as_str) == Some("TELECOMMUTE") {
        location = Some(match location {
            Some(l) => format!("Remote; {l}"),
            None => "Remote".to_string(),
        });
    }
    Some(PageFields {
        meta: PostingMeta {
            title: posting.get("title").and_then(text_of),
            company: posting.get("hiringOrganization").and_then(text_of),
            location,
            date_posted: posting.get("datePosted").and_then(text_of),
            employment_type: posting.get("employmentType").and_then(text_of),
            seniority: None,
        },
        blocks,
    })
}

/// Decodes HTML entities in a string by letting the HTML parser read it.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let frag = Html::parse_fragment(&format!("<textarea>{}</textarea>", s.replace('<', "&lt;")));
    frag.root_element().text().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(json: &str) -> Html {
        Html::parse_document(&format!(
            r#"<html><head><script type="application/ld+json">{json}</script></head><body></body></html>"#
        ))
    }

    #[test]
    fn finds_posting_in_graph() {
        let doc = page(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"X"},
            {"@type":"JobPosting","title":"ML Engineer","description":"<h3>What you do</h3><ul><li>Train models</li></ul>",
             "hiringOrganization":{"@type":"Organization","name":"Acme"},
             "jobLocation":{"@type":"Place","address":{"addressLocality":"Seoul","addressCountry":"KR"}}}]}"#,
        );
        let f = job_posting(&doc).unwrap();
        assert_eq!(f.meta.title.as_deref(), Some("ML Engineer"));
        assert_eq!(f.meta.company.as_deref(), Some("Acme"));
        assert_eq!(f.meta.location.as_deref(), Some("Seoul, KR"));
        assert!(f.blocks[0].heading);
        assert_eq!(f.blocks[1].text, "Train models");
    }

    #[test]
    fn entity_escaped_description() {
        let doc = page(
            r#"[{"@type":"JobPosting","title":"T","description":"&lt;p&gt;Build APIs&lt;/p&gt;&lt;p&gt;Ship&lt;/p&gt;"}]"#,
        );
        let f = job_posting(&doc).unwrap();
        assert_eq!(f.blocks.len(), 2);
        assert_eq!(f.blocks[0].text, "Build APIs");
    }

    #[test]
    fn description_not_a_string_is_ignored() {
        let doc = page(r#"{"@type":"JobPosting","title":"T","description":{"x":1}}"#);
        assert!(job_posting(&doc).is_none());
    }

    #[test]
    fn malformed_json_is_ignored() {
        assert!(job_posting(&page(r#"{"@type":"JobPosting","#)).is_none());
    }
}
