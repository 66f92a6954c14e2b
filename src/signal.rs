//! SIGINT, SIGTERM and SIGHUP, handled alike (issue 14). A batch asks to be
//! told ([`graceful`]): the first signal sets [`stop_flag`] and the batch ends
//! after the rows it is writing, keeping them. Otherwise, or at a second
//! signal, the temporary files of outputs not yet complete are removed and the
//! process exits with 130, so the files it was replacing stay as they were
//! (an output being copied over its file in place is finished first).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static STOP: AtomicBool = AtomicBool::new(false);
/// How many runs in this process stop on their own at a signal.
static GRACEFUL: AtomicUsize = AtomicUsize::new(0);
/// Temporary files that a signal must not leave behind.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Held while an output is rewritten in place ([`hold`]).
static IN_PLACE: Mutex<()> = Mutex::new(());

/// Installs the handler once per process.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Fails only if another handler is set (a host program's); then that
        // one decides what a signal does.
        let _ = ctrlc::set_handler(on_signal);
    });
}

fn on_signal() {
    let first = !STOP.swap(true, Ordering::SeqCst);
    if first && GRACEFUL.load(Ordering::SeqCst) > 0 {
        return;
    }
    // An output being copied over its file is finished first.
    let _wait = hold();
    let temps = std::mem::take(&mut *TEMPS.lock().unwrap_or_else(|e| e.into_inner()));
    for path in temps {
        let _ = std::fs::remove_file(path);
    }
    crate::say!("rolefit: interrupted: no output file was changed");
    std::process::exit(crate::ExitCode::Interrupted.code());
}

/// Set once a signal came.
pub fn stop_flag() -> &'static AtomicBool {
    &STOP
}

/// While the guard lives, a first signal only sets [`stop_flag`].
pub fn graceful() -> Graceful {
    install();
    GRACEFUL.fetch_add(1, Ordering::SeqCst);
    Graceful(())
}

/// See [`graceful`].
pub struct Graceful(());

impl Drop for Graceful {
    fn drop(&mut self) {
        GRACEFUL.fetch_sub(1, Ordering::SeqCst);
    }
}

/// While the guard lives, a signal that would end the process waits: an
/// output is being rewritten in place (a file in a folder we may not write,
/// see [`crate::outfile::create`]) and must not be left half written.
pub(crate) fn hold() -> std::sync::MutexGuard<'static, ()> {
    IN_PLACE.lock().unwrap_or_else(|e| e.into_inner())
}

/// A temporary file to remove if a signal ends the process.
pub(crate) fn register_temp(path: &Path) {
    TEMPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(path.to_path_buf());
}

/// The file was renamed into place or removed: no longer ours to clean up.
pub(crate) fn forget_temp(path: &Path) {
    TEMPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != path);
}
