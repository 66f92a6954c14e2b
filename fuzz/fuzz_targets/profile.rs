//! Profiles: a profile file (TOML) and an inline `--strengths` list; one that
//! loads is read with the skills and compared with a posting.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::fit::Strengths;
use rolefit::profile::Profile;
use rolefit_fuzz::{builtin, sample_posting};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let set = builtin();
    let parsed = [Profile::parse(text, "fuzz.toml"), Profile::inline(text)];
    for profile in parsed {
        match profile {
            Ok(p) => {
                let s = Strengths::new(&p, set);
                let posting = sample_posting();
                let analysis = rolefit::analysis::analyze(posting.clone(), set, Some(&s));
                let record = rolefit::report::Record::ok("f".into(), "f".into(), &analysis);
                let fit = record.fit.as_ref().expect("a fit with strengths");
                assert!(fit.score <= 100, "score {}", fit.score);
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(!msg.contains('\n'), "one-line error: {msg}");
            }
        }
    }
});
