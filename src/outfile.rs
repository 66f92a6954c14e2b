//! Writing a file so that it is either the old file or the complete new one
//! (issue 14): the bytes go to a temporary file in the same folder, renamed
//! over the target by [`Pending::commit`] (a file in a folder we may not
//! write is copied over in place then instead). A run that stops first leaves the
//! target as it was and no temporary file behind ([`crate::signal`] removes
//! it at a signal; dropping the [`Pending`] removes it otherwise).
//!
//! Also here: refusing an output that is the same file as an input or as
//! another output, compared by device and inode rather than by spelling.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use tempfile::TempPath;

use crate::source::io_message;

/// A file being written: where the bytes go, and what makes them final.
pub fn create(path: &Path) -> anyhow::Result<(File, Pending)> {
    let fail =
        |e: io::Error| anyhow::anyhow!("{}: cannot write: {}", path.display(), io_message(&e));
    // A symlink is followed, as writing through it would: its target is replaced.
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
        anyhow::bail!("{}: cannot write: Is a directory", path.display());
    }
    // /dev/null, a FIFO, a terminal: written in place, never replaced.
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        let f = fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(fail)?;
        return Ok((f, Pending { temp: None }));
    }
    // A file the user may not write stays theirs, even though a rename
    // into its folder could replace it.
    if existing.is_some() {
        fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(fail)?;
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mode = existing.as_ref().map_or(0o666, mode_of);
    let made = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".rolefit-tmp")
        .permissions(permissions(mode))
        .tempfile_in(&dir);
    let temp = match made {
        Ok(t) => t,
        // A folder we may not create files in, holding a file we may write:
        // no rename can replace the file, so it is rewritten in place, but
        // only at commit. Until then the bytes go to a temporary file in the
        // system's temporary folder (not memory: an output can be large), so
        // a run that stops or fails leaves the file as it was; truncating it
        // at once left it empty. The copy at commit is the one moment it is
        // neither the old file nor the new one: a signal waits for the copy
        // to end ([`crate::signal::hold`]); a crash or a full disk during it
        // can still leave it short, which only a writable folder avoids.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && existing.is_some() => {
            return written_at_commit(path, target);
        }
        Err(e) => return Err(fail(e)),
    };
    let (file, temp_path) = temp.into_parts();
    if existing.is_some() {
        // The umask applied at creation; the old file's mode is what it keeps.
        let _ = fs::set_permissions(&temp_path, permissions(mode));
    }
    Ok(staged(file, temp_path, target, path, false))
}

/// The bytes for `target`, a file in a folder we may not write, go to a
/// temporary file elsewhere; [`Pending::commit`] copies them over it.
fn written_at_commit(path: &Path, target: PathBuf) -> anyhow::Result<(File, Pending)> {
    let temp = tempfile::Builder::new()
        .prefix(".rolefit-")
        .suffix(".rolefit-tmp")
        .tempfile()
        .map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot write: its folder is not writable, and no temporary file \
                 could be made in {}: {}",
                path.display(),
                std::env::temp_dir().display(),
                io_message(&e)
            )
        })?;
    let (file, temp_path) = temp.into_parts();
    Ok(staged(file, temp_path, target, path, true))
}

/// The file to write and the [`Pending`] that puts it in place; a signal
/// until then removes it.
fn staged(
    file: File,
    temp: TempPath,
    target: PathBuf,
    shown: &Path,
    in_place: bool,
) -> (File, Pending) {
    crate::signal::register_temp(&temp);
    let temp = Temp {
        path: temp,
        target,
        shown: shown.to_path_buf(),
        in_place,
    };
    (file, Pending { temp: Some(temp) })
}

/// An output not yet in place. Dropped without [`Pending::commit`], its
/// temporary file is removed and the target left as it was.
pub struct Pending {
    temp: Option<Temp>,
}

struct Temp {
    path: TempPath,
    target: PathBuf,
    shown: PathBuf,
    /// The temporary file is not beside the target: its bytes are copied
    /// over the target rather than renamed onto it.
    in_place: bool,
}

impl Pending {
    /// Nothing to rename: stdout, or a file written in place.
    pub fn none() -> Pending {
        Pending { temp: None }
    }

    /// Renames the written file into place. Call after flushing its writer.
    pub fn commit(mut self) -> anyhow::Result<()> {
        let Some(t) = self.temp.take() else {
            return Ok(());
        };
        let shown = t.shown.display().to_string();
        let fail = |e: &io::Error| anyhow::anyhow!("{shown}: cannot write: {}", io_message(e));
        if t.in_place {
            let result = copy_over(&t.path, &t.target).map_err(|e| fail(&e));
            let raw: PathBuf = t.path.to_path_buf();
            drop(t);
            crate::signal::forget_temp(&raw);
            return result;
        }
        sync(&t.path).map_err(|e| fail(&e))?;
        let raw: PathBuf = t.path.to_path_buf();
        let result = t.path.persist(&t.target).map_err(|e| fail(&e.error));
        crate::signal::forget_temp(&raw);
        result.map(|()| sync_folder(&t.target))
    }

    /// Renames into place only if the target does not exist yet.
    pub fn commit_new(mut self) -> anyhow::Result<()> {
        let Some(t) = self.temp.take() else {
            return Ok(());
        };
        let shown = t.shown.display().to_string();
        if t.in_place {
            // Only a file that exists is written in place.
            let raw: PathBuf = t.path.to_path_buf();
            drop(t);
            crate::signal::forget_temp(&raw);
            anyhow::bail!("{shown}: already exists (use --force to overwrite)");
        }
        sync(&t.path).map_err(|e| anyhow::anyhow!("{shown}: cannot write: {}", io_message(&e)))?;
        let raw: PathBuf = t.path.to_path_buf();
        let result = t.path.persist_noclobber(&t.target).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                anyhow::anyhow!("{shown}: already exists (use --force to overwrite)")
            } else {
                anyhow::anyhow!("{shown}: cannot write: {}", io_message(&e.error))
            }
        });
        crate::signal::forget_temp(&raw);
        result.map(|()| sync_folder(&t.target))
    }
}

/// Rewrites `target` in place with the bytes of `temp`, and syncs it. A
/// signal meanwhile waits for the end, so that the file is not left half
/// written by an interrupt.
fn copy_over(temp: &Path, target: &Path) -> io::Result<()> {
    let mut from = File::open(temp)?;
    let _hold = crate::signal::hold();
    let mut to = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(target)?;
    io::copy(&mut from, &mut to)?;
    to.sync_all()
}

/// The written bytes on disk before the rename, so that a crash leaves the
/// old file or the whole new one, never a short one under the new name.
fn sync(path: &Path) -> io::Result<()> {
    File::open(path).and_then(|f| f.sync_all())
}

/// The rename on disk too: it is an entry in the folder. Some file systems
/// cannot sync a folder; the file is in place either way, so that is not
/// an error.
fn sync_folder(target: &Path) {
    #[cfg(unix)]
    if let Some(dir) = target.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = target;
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(t) = self.temp.take() {
            let raw: PathBuf = t.path.to_path_buf();
            drop(t);
            crate::signal::forget_temp(&raw);
        }
    }
}

#[cfg(unix)]
fn mode_of(m: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_: &fs::Metadata) -> u32 {
    0o666
}

#[cfg(unix)]
fn permissions(mode: u32) -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(mode)
}

#[cfg(not(unix))]
fn permissions(_: u32) -> fs::Permissions {
    File::open(".")
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("the current folder has permissions")
}

/// What a path names, for telling whether two paths are one file: the
/// device and inode of a file that exists, else its folder's real path and
/// its name.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    Inode(u64, u64),
    Path(PathBuf),
}

fn identity(path: &Path) -> Option<Identity> {
    #[cfg(unix)]
    if let Ok(m) = fs::metadata(path) {
        use std::os::unix::fs::MetadataExt;
        return Some(Identity::Inode(m.dev(), m.ino()));
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(Identity::Path(fs::canonicalize(dir).ok()?.join(name)))
}

/// A file a run reads or writes, and how to name it in an error.
pub struct Named {
    /// "the input", "the profile", "--report"...
    pub role: String,
    pub path: PathBuf,
}

impl Named {
    pub fn new(role: impl Into<String>, path: impl Into<PathBuf>) -> Named {
        Named {
            role: role.into(),
            path: path.into(),
        }
    }
}

/// Refuses an output that is the same file as an input or another output,
/// before anything is read: "-o in.csv is the same file as the input in.csv".
/// An input `-` is the standard input: refused when it is redirected from
/// the output's file (`batch - -o in.csv < in.csv`). `-` (stdout) and
/// devices such as /dev/null are never refused as outputs.
pub fn check_distinct(outputs: &[Named], inputs: &[Named]) -> anyhow::Result<()> {
    let same = |out: &Named, other: &Named| {
        let other = if other.path == Path::new("-") {
            other.role.clone()
        } else {
            format!("{} {}", other.role, other.path.display())
        };
        anyhow::anyhow!(
            "{} {} is the same file as {other}: nothing was read or written",
            out.role,
            out.path.display(),
        )
    };
    let outputs: Vec<(&Named, Identity)> = outputs
        .iter()
        .filter(|o| o.path != Path::new("-") && !is_device(&o.path))
        .filter_map(|o| identity(&o.path).map(|id| (o, id)))
        .collect();
    let inputs: Vec<(&Named, Identity)> = inputs
        .iter()
        .filter_map(|i| {
            let id = if i.path == Path::new("-") {
                stdin_identity()
            } else {
                identity(&i.path)
            };
            id.map(|id| (i, id))
        })
        .collect();
    for (i, (out, id)) in outputs.iter().enumerate() {
        if let Some((input, _)) = inputs.iter().find(|(_, input_id)| input_id == id) {
            return Err(same(out, input));
        }
        if let Some((other, _)) = outputs[..i].iter().find(|(_, other_id)| other_id == id) {
            return Err(same(out, other));
        }
    }
    Ok(())
}

/// The file the standard input is redirected from, if it is a regular
/// file: a pipe or a terminal is no file an output could replace.
fn stdin_identity() -> Option<Identity> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        let m = File::from(fd).metadata().ok()?;
        m.is_file().then(|| Identity::Inode(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    None
}

fn is_device(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn uncommitted_output_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let (mut f, pending) = create(&path).unwrap();
        f.write_all(b"new").unwrap();
        drop(pending);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let (mut f, pending) = create(&path).unwrap();
        f.write_all(b"new").unwrap();
        drop(f);
        pending.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn same_file_by_inode_and_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        fs::write(&a, "x").unwrap();
        let other_spelling = dir.path().join(".").join("a.csv");
        let e = check_distinct(
            &[Named::new("-o", &other_spelling)],
            &[Named::new("the input", &a)],
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("is the same file as the input"),
            "{e}"
        );
        let new = dir.path().join("new.md");
        let new2 = dir.path().join("./new.md");
        assert!(
            check_distinct(
                &[Named::new("-o", &new), Named::new("--report", &new2)],
                &[]
            )
            .is_err()
        );
        assert!(check_distinct(&[Named::new("-o", &new)], &[Named::new("the input", &a)]).is_ok());
    }
}
