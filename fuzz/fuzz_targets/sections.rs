//! Section splitting: text and Markdown postings, CSV-cell bodies (with a
//! title taken from the first line) and the splitter on raw blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::extract::{self, Block, Format, sections};
use rolefit_fuzz::{builtin, text_of};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_of(data) else { return };
    let rules = &builtin().sections;
    for format in [Format::Text, Format::Markdown] {
        if let Ok(p) = extract::extract(&text, format, rules) {
            // Line numbers never go backwards within a section.
            for s in &p.sections {
                assert!(s.lines.windows(2).all(|w| w[0].number < w[1].number));
            }
        }
    }
    let (title, body) = text.split_once('\n').unwrap_or(("", &text));
    let title = (!title.is_empty()).then_some(title);
    let _ = extract::from_row(title, Some("Acme"), None, body, rules);
    let blocks: Vec<Block> = text
        .lines()
        .map(|l| match l.strip_prefix('#') {
            Some(h) => Block::heading(h),
            None => Block::text(l),
        })
        .collect();
    let _ = sections::split(&blocks, rules, 0);
    let _ = sections::normalize_heading(&text);
});
