//! The `rolefit` binary: everything lives in the library; this only maps the
//! outcome of [`rolefit::run`] to an exit code.

// mimalloc rather than the system allocator: matching allocates many small
// vectors and strings, and with glibc's malloc a third of all the time went to
// malloc and free (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(rolefit::run(std::env::args_os()));
}
