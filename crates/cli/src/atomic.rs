//! Files dateline writes (`--output`, `--save-model`, `--plot`) appear whole or not at all.
//!
//! Each is written under a temporary name in its own folder (so the rename cannot cross file
//! systems) and renamed into place once complete. A failed run drops the temporary file and
//! leaves whatever was at the path before as it was. Ctrl-C (SIGINT) removes the temporary
//! files still being written and exits with 130, the shell's status for an interrupt; so do
//! SIGTERM and SIGHUP, with 143 and 129.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tempfile::NamedTempFile;

/// Temporary files being written. Held while one is created, renamed or removed, so an
/// interrupt never comes between creating a file and listing it, or between renaming it and
/// taking it off the list.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// On Ctrl-C (SIGINT), SIGTERM or SIGHUP: remove the temporary files and exit with 128 and
/// the signal's number, the status a shell gives a process the signal ended (130 for Ctrl-C).
#[cfg(unix)]
pub(crate) fn exit_on_interrupt() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // Without handlers a signal still stops the run; only a temporary file could be left.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
    let _ = std::thread::Builder::new().name("dateline-signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            remove_pending_and_exit(128 + signal);
        }
    });
}

/// On Ctrl-C: remove the temporary files and exit with 130.
#[cfg(not(unix))]
pub(crate) fn exit_on_interrupt() {
    let _ = ctrlc::set_handler(|| remove_pending_and_exit(130));
}

fn remove_pending_and_exit(status: i32) -> ! {
    // The lock is kept until the process is gone, so no file is renamed into place after.
    let pending = pending();
    for path in pending.iter() {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(status);
}

/// A file written under a temporary name and renamed to its path by [`AtomicFile::commit`].
/// Dropped without a commit, it is removed.
#[derive(Debug)]
pub(crate) struct AtomicFile {
    temp: Option<NamedTempFile>,
    path: PathBuf,
}

impl AtomicFile {
    /// Starts writing `path`. A link to a file is followed, so the file it points to is
    /// replaced rather than the link; an existing file's permissions are kept.
    pub(crate) fn create(path: &Path) -> io::Result<Self> {
        let path = resolve_link(path);
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        let permissions = {
            use std::os::unix::fs::PermissionsExt;
            // As a shell's `>` would: read and write for all, less the umask; or the
            // existing file's permissions.
            std::fs::metadata(&path)
                .ok()
                .filter(std::fs::Metadata::is_file)
                .map_or_else(|| std::fs::Permissions::from_mode(0o666), |meta| meta.permissions())
        };
        #[cfg(unix)]
        builder.permissions(permissions);
        let mut pending = pending();
        // A missing folder is said plainly, before `tempfile` names its random file.
        if !std::fs::metadata(dir)?.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotADirectory, format!("{} is not a folder", dir.display())));
        }
        let temp = builder.tempfile_in(dir)?;
        pending.push(temp.path().to_owned());
        Ok(Self { temp: Some(temp), path })
    }

    /// Where the file is being written until it is committed.
    pub(crate) fn temp_path(&self) -> Option<&Path> {
        self.temp.as_ref().map(NamedTempFile::path)
    }

    /// The path the file will have.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the written file into place.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        let Some(temp) = self.temp.take() else { return Ok(()) };
        let mut pending = pending();
        let temp_path = temp.path().to_owned();
        let renamed = temp.persist(&self.path).map(drop).map_err(|err| err.error);
        pending.retain(|p| *p != temp_path);
        renamed
    }

    fn file(&mut self) -> io::Result<&mut File> {
        self.temp.as_mut().map(NamedTempFile::as_file_mut).ok_or_else(|| io::Error::other("already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            let mut pending = pending();
            let temp_path = temp.path().to_owned();
            drop(temp);
            pending.retain(|p| *p != temp_path);
        }
    }
}

/// The file a link points to, when `path` is a link to one; else `path`.
fn resolve_link(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Ok(target) = std::fs::canonicalize(path) { target } else { path.to_owned() }
}

/// Writes `bytes` to `path` whole, or not at all.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_file_replaces_the_old_one_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old").expect("writes");
        let mut file = AtomicFile::create(&path).expect("creates");
        file.write_all(b"new").expect("writes");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "old", "untouched until the commit");
        let temp = file.temp_path().expect("a temporary file").to_owned();
        file.commit().expect("renames");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "new");
        assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 1);
        assert!(!pending().contains(&temp), "off the list of files to remove on Ctrl-C");
    }

    #[test]
    fn a_dropped_file_leaves_the_old_one_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old").expect("writes");
        let mut file = AtomicFile::create(&path).expect("creates");
        file.write_all(b"half").expect("writes");
        let temp = file.temp_path().expect("a temporary file").to_owned();
        assert!(temp.exists() && temp.parent() == Some(dir.path()));
        drop(file);
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "old");
        assert!(!temp.exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a folder");
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "old").expect("writes");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).expect("a link");
        write(&link, b"new").expect("writes");
        assert!(std::fs::symlink_metadata(&link).expect("the link").file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).expect("reads"), "new");
        let mode = std::fs::metadata(&target).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
