//! Pattern files: the input replaces one of the eight files of the built-in
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
            // Scores are not checked for being finite here: a huge finite
            // weight makes them infinite, a known bug (see the ignored case
            // in tests/adversarial.rs) that would stop every run at once.
            let _ = rolefit::classify::classify(sample_posting(), &set);
            let _ = rolefit::requirements::extract(sample_posting(), &set);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "one-line error: {msg}");
        }
    }
});
