//! The `rolefit` binary: everything lives in the library; this only maps the
//! outcome of [`rolefit::run`] to an exit code.

// mimalloc rather than the system allocator: matching allocates many small
// vectors and strings, and with glibc's malloc a third of all the time went to
// malloc and free (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc v2's `mi_option_t` (the `v2` feature
/// pins the version; the test below checks the index by its default).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed after a chunk of rows stays with the process for the next
/// chunk instead of going back to the OS 10 ms later: given back, it came back
/// as fresh (transparent huge) pages the kernel had to zero, about a tenth of
/// a batch's time (BENCHMARKS.md). The peak is the same either way.
/// `MIMALLOC_PURGE_DELAY` still decides when it is set.
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one of mimalloc's options, which it reads each time
        // it would purge; any value is valid.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
    }
}

fn main() {
    keep_freed_memory();
    std::process::exit(rolefit::run(std::env::args_os()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purge_delay_is_the_option_set() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            // The environment decides; nothing of ours to check.
            return;
        }
        // SAFETY: reads and sets mimalloc options; any value is valid.
        let default = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        // v2 documents purge_delay's default as 10 (ms); the options next to
        // it default to 0, 1 or other values.
        assert_eq!(default, 10, "option {PURGE_DELAY} is not purge_delay");
        keep_freed_memory();
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, -1);
    }
}
