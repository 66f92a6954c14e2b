//! Shared pieces of the fuzz targets: the built-in pattern set (loaded once)
//! and a fixed profile and posting for the targets that need one.

use std::sync::OnceLock;

use rolefit::extract::{self, Format, Posting};
use rolefit::fit::Strengths;
use rolefit::profile::Profile;
use rolefit::rules::PatternSet;

/// The built-in pattern set, loaded once per process.
pub fn builtin() -> &'static PatternSet {
    static SET: OnceLock<PatternSet> = OnceLock::new();
    SET.get_or_init(|| PatternSet::builtin().expect("the built-in patterns load"))
}

/// A profile's strengths read with the built-in skills.
pub fn strengths() -> &'static Strengths {
    static S: OnceLock<Strengths> = OnceLock::new();
    S.get_or_init(|| {
        let p = Profile::inline("PyTorch, Kubernetes, React and TypeScript, NeurIPS paper, PhD")
            .expect("a valid inline profile");
        Strengths::new(&p, builtin())
    })
}

/// A bundled sample posting, extracted with the built-in patterns.
pub fn sample_posting() -> &'static Posting {
    static P: OnceLock<Posting> = OnceLock::new();
    P.get_or_init(|| {
        let text = include_str!("../../samples/en-llm-serving-platform.html");
        extract::extract(text, Format::Html, &builtin().sections).expect("the sample extracts")
    })
}

/// Bytes as text the way rolefit reads a file: decoded, never a panic.
pub fn text_of(data: &[u8]) -> Option<String> {
    rolefit::decode::decode(data, None).ok()
}
