//! Pattern files: the input replaces one of the files of the built-in
//! set (chosen by the first byte); a set that loads must classify a posting.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::rules::{FILES, PatternSet, builtin_files};
use rolefit_fuzz::sample_posting;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = FILES[first as usize % FILES.len()];
    let mut files = builtin_files();
    for f in files.iter_mut().filter(|f| f.name == name) {
        f.text = text.to_string();
        f.display = format!("fuzz/{name}");
    }
    match PatternSet::load_checked(files) {
        Ok(set) => {
            // Weights beyond +-1000 are refused when the set loads, so a set
            // that loads gives finite scores, whatever its weights.
            let c = rolefit::classify::classify(sample_posting(), &set);
            assert!(
                c.scores.iter().all(|s| s.is_finite()) && c.confidence.is_finite(),
                "non-finite scores: {:?}",
                c.scores
            );
            let _ = rolefit::requirements::extract(sample_posting(), &set);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "one-line error: {msg}");
        }
    }
});
