//! LinkedIn job pages, in both shapes people save:
//!
//! - the public guest page (`linkedin.com/jobs/view/ID` signed out): the top
//!   card (`topcard__title`, `topcard__org-name-link`, `topcard__flavor--bullet`
//!   for the place), the description in `description__text` /
//!   `show-more-less-html__markup`, and the `description__job-criteria-*` list
//!   (seniority, employment type, function, industries);
//! - the signed-in view (`jobs-unified-top-card__*`, or
//!   `job-details-jobs-unified-top-card__*` in newer pages), the description
//!   in `jobs-description__*`, and a `<title>` of "Title | Company | LinkedIn".
//!
//! Both carry the whole of LinkedIn around the posting (feed, messaging,
//! similar jobs); only the top card and the description are read.

use scraper::{Html, Selector};

use super::{body, fill, first_text, has, text};
use crate::extract::{PageFields, PostingMeta, content, jsonld};

/// Markup only LinkedIn job pages have.
const MARKERS: &[&str] = &[
    ".topcard__title",
    ".top-card-layout__title",
    ".show-more-less-html__markup",
    r#"[class*="jobs-unified-top-card"]"#,
    r#"[class*="jobs-description__"]"#,
];

const TITLE: &[&str] = &[
    ".topcard__title",
    ".top-card-layout__title",
    ".job-details-jobs-unified-top-card__job-title",
    ".jobs-unified-top-card__job-title",
];

const COMPANY: &[&str] = &[
    ".topcard__org-name-link",
    ".topcard__flavor:not(.topcard__flavor--bullet)",
    ".job-details-jobs-unified-top-card__company-name",
    ".jobs-unified-top-card__company-name",
];

const LOCATION: &[&str] = &[
    ".topcard__flavor--bullet",
    ".job-details-jobs-unified-top-card__bullet",
    ".jobs-unified-top-card__bullet",
    ".job-details-jobs-unified-top-card__primary-description-container .tvm__text",
    ".job-details-jobs-unified-top-card__primary-description .tvm__text",
    ".job-details-jobs-unified-top-card__tertiary-description-container .tvm__text",
];

/// The description, innermost first: LinkedIn wraps it twice or three times.
const DESCRIPTION: &[&str] = &[
    ".show-more-less-html__markup",
    ".description__text",
    ".jobs-description-content__text",
    ".jobs-box__html-content",
    ".jobs-description__content",
    "#job-details",
];

/// The signed-in view states the employment type and seniority in its
/// "insight" lines ("Full-time · Mid-Senior level"), or in newer pages as
/// buttons of the job's preferences ("Hybrid", "Full-time").
const INSIGHTS: &[&str] = &[
    ".job-details-jobs-unified-top-card__job-insight",
    ".jobs-unified-top-card__job-insight",
    ".job-details-preferences-and-skills",
    ".job-details-fit-level-preferences button",
];

/// LinkedIn's own fixed words for a job's level and its employment type,
/// in English as the insight lines show them.
const SENIORITY: &[&str] = &[
    "Internship",
    "Entry level",
    "Associate",
    "Mid-Senior level",
    "Director",
    "Executive",
];
const EMPLOYMENT: &[&str] = &[
    "Full-time",
    "Part-time",
    "Contract",
    "Temporary",
    "Volunteer",
];

/// A LinkedIn job page: its top card and its description.
pub fn page(doc: &Html) -> Option<PageFields> {
    if !has(doc, MARKERS) {
        return None;
    }
    let blocks = body(doc, DESCRIPTION)?;
    let mut meta = PostingMeta {
        title: first_text(doc, TITLE),
        company: first_text(doc, COMPANY),
        location: first_text(doc, LOCATION),
        ..PostingMeta::default()
    };
    criteria(doc, &mut meta);
    insights(doc, &mut meta);
    fill(&mut meta, from_title(doc));
    if let Some(ld) = jsonld::job_posting(doc) {
        fill(&mut meta, ld.meta);
    }
    Some(PageFields { meta, blocks })
}

/// The guest page's criteria list: each item a subheader ("Seniority level")
/// and its text. The list comes in a fixed order (seniority, employment
/// type, function, industries), which names the items when the page is in
/// another language.
fn criteria(doc: &Html, meta: &mut PostingMeta) {
    let item = Selector::parse(".description__job-criteria-item").expect("valid selector");
    let header = Selector::parse(".description__job-criteria-subheader").expect("valid selector");
    let value = Selector::parse(".description__job-criteria-text").expect("valid selector");
    for (i, li) in doc.select(&item).enumerate() {
        let name = li.select(&header).next().map(text).unwrap_or_default();
        let Some(v) = li.select(&value).next().map(text).filter(|v| !v.is_empty()) else {
            continue;
        };
        let name = name.to_lowercase();
        let slot = if name.contains("seniority") {
            &mut meta.seniority
        } else if name.contains("employment") {
            &mut meta.employment_type
        } else if name.is_empty() || !name.is_ascii() {
            match i {
                0 => &mut meta.seniority,
                1 => &mut meta.employment_type,
                _ => continue,
            }
        } else {
            continue;
        };
        slot.get_or_insert(v);
    }
}

/// The signed-in view's insight lines, read for LinkedIn's own words.
fn insights(doc: &Html, meta: &mut PostingMeta) {
    let lines: Vec<String> = INSIGHTS
        .iter()
        .flat_map(|s| {
            let sel = Selector::parse(s).expect("valid selector");
            doc.select(&sel).map(text).collect::<Vec<_>>()
        })
        .collect();
    for piece in lines
        .iter()
        .flat_map(|l| l.split(['·', ',', '\u{2022}']))
        .map(str::trim)
    {
        // A button may say more than the word ("Matches your job
        // preferences, job type is Full-time"): the word is looked for in it.
        let lower = piece.to_lowercase();
        let find = |words: &[&'static str]| {
            words
                .iter()
                .find(|w| lower.contains(&w.to_lowercase()))
                .map(|w| w.to_string())
        };
        if meta.seniority.is_none() {
            meta.seniority = find(SENIORITY);
        }
        if meta.employment_type.is_none() {
            meta.employment_type = find(EMPLOYMENT);
        }
    }
}

/// Title and company from the document's `<title>`: "Title | Company |
/// LinkedIn" when signed in (with a "(3) " count of notifications in
/// front), "Company hiring Title in Place | LinkedIn" on the guest page.
fn from_title(doc: &Html) -> PostingMeta {
    let Some(full) = content::first_text(doc, "title") else {
        return PostingMeta::default();
    };
    let full = strip_count(&full);
    let parts: Vec<&str> = full.split(" | ").map(str::trim).collect();
    match parts.as_slice() {
        [title, company, "LinkedIn"] => PostingMeta {
            title: Some(title.to_string()),
            company: Some(company.to_string()),
            ..PostingMeta::default()
        },
        [head, "LinkedIn"] => match head.split_once(" hiring ") {
            Some((company, rest)) => {
                let (title, place) = match rest.rsplit_once(" in ") {
                    Some((t, p)) => (t, Some(p.to_string())),
                    None => (rest, None),
                };
                PostingMeta {
                    title: Some(title.to_string()),
                    company: Some(company.to_string()),
                    location: place,
                    ..PostingMeta::default()
                }
            }
            None => PostingMeta::default(),
        },
        _ => PostingMeta::default(),
    }
}

/// "(3) Title" -> "Title".
fn strip_count(title: &str) -> &str {
    if let Some(rest) = title.strip_prefix('(')
        && let Some((count, after)) = rest.split_once(") ")
        && !count.is_empty()
        && count.chars().all(|c| c.is_ascii_digit() || c == '+')
    {
        return after;
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_both_views() {
        let doc = |t: &str| Html::parse_document(&format!("<title>{t}</title>"));
        let m = from_title(&doc("(12) ML Engineer | Acme Labs | LinkedIn"));
        assert_eq!(m.title.as_deref(), Some("ML Engineer"));
        assert_eq!(m.company.as_deref(), Some("Acme Labs"));
        let m = from_title(&doc(
            "Acme Labs hiring Research Scientist in Seoul, South Korea | LinkedIn",
        ));
        assert_eq!(m.title.as_deref(), Some("Research Scientist"));
        assert_eq!(m.company.as_deref(), Some("Acme Labs"));
        assert_eq!(m.location.as_deref(), Some("Seoul, South Korea"));
        assert_eq!(from_title(&doc("Feed | LinkedIn")), PostingMeta::default());
    }

    #[test]
    fn a_page_without_linkedin_markup_is_not_read() {
        let doc = Html::parse_document(
            "<title>A | B | LinkedIn</title><main><p>Some text about a job.</p></main>",
        );
        assert!(page(&doc).is_none());
    }

    /// The signed-in view before LinkedIn renamed its classes
    /// `job-details-jobs-unified-top-card__*`.
    #[test]
    fn jobs_unified_top_card_classes_are_read() {
        let doc = Html::parse_document(
            r#"<html><head><title>Feed | LinkedIn</title></head><body>
            <nav class="global-nav">Home Jobs Messaging</nav>
            <div class="jobs-unified-top-card">
              <h2 class="t-24 t-bold jobs-unified-top-card__job-title">Research Engineer</h2>
              <div class="jobs-unified-top-card__primary-description">
                <span class="jobs-unified-top-card__company-name"><a>Mirae Labs</a></span>
                <span class="jobs-unified-top-card__bullet">Daejeon, South Korea</span>
              </div>
              <ul><li class="jobs-unified-top-card__job-insight"><span>Contract · Associate</span></li></ul>
            </div>
            <div class="jobs-description__content jobs-description-content">
              <div class="jobs-box__html-content"><p>We study retrieval for language models and publish what we learn.</p></div>
            </div></body></html>"#,
        );
        let f = page(&doc).unwrap();
        assert_eq!(f.meta.title.as_deref(), Some("Research Engineer"));
        assert_eq!(f.meta.company.as_deref(), Some("Mirae Labs"));
        assert_eq!(f.meta.location.as_deref(), Some("Daejeon, South Korea"));
        assert_eq!(f.meta.employment_type.as_deref(), Some("Contract"));
        assert_eq!(f.meta.seniority.as_deref(), Some("Associate"));
        assert_eq!(
            f.blocks,
            [crate::extract::Block::text(
                "We study retrieval for language models and publish what we learn."
            )]
        );
    }

    /// Newer signed-in pages: the place in the tertiary line, the job type
    /// in a preference button that says more than the word.
    #[test]
    fn preference_buttons_and_the_tertiary_line_are_read() {
        let doc = Html::parse_document(
            r#"<html><head><title>(1) Data Engineer | Bora | LinkedIn</title></head><body>
            <div class="job-details-jobs-unified-top-card__tertiary-description-container">
              <span class="tvm__text tvm__text--low-emphasis">Incheon, South Korea</span>
              <span class="tvm__text tvm__text--low-emphasis"> · 2 weeks ago</span></div>
            <div class="job-details-fit-level-preferences">
              <button><span>On-site</span></button>
              <button><span class="visually-hidden">Matches your job preferences, job type is</span><strong>Part-time</strong></button>
            </div>
            <div class="jobs-description__content"><div id="job-details"><p>Build the pipelines that feed our models with clean data every day.</p></div></div>
            </body></html>"#,
        );
        let f = page(&doc).unwrap();
        assert_eq!(f.meta.title.as_deref(), Some("Data Engineer"));
        assert_eq!(f.meta.company.as_deref(), Some("Bora"));
        assert_eq!(f.meta.location.as_deref(), Some("Incheon, South Korea"));
        assert_eq!(f.meta.employment_type.as_deref(), Some("Part-time"));
        assert_eq!(f.meta.seniority, None);
    }
}
