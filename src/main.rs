//! The `rolefit` binary: everything lives in the library; this only maps the
//! outcome of [`rolefit::run`] to an exit code.

fn main() {
    std::process::exit(rolefit::run(std::env::args_os()));
}
