//! HTML extraction: JSON-LD, main content, sections, then the whole pipeline
//! on whatever posting comes out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::extract::{self, Format};
use rolefit_fuzz::{builtin, strengths, text_of};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_of(data) else { return };
    let set = builtin();
    if let Ok(posting) = extract::extract(&text, Format::Html, &set.sections) {
        let analysis = rolefit::analysis::analyze(posting, set, Some(strengths()));
        let record = rolefit::report::Record::ok("fuzz".into(), "fuzz.html".into(), &analysis);
        assert!(record.is_ok());
    }
});
