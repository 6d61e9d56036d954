//! Files the way Stafett writes and reads them in its data folder: private (0600 files, 0700
//! folders), atomic (a temp file renamed into place), never through a symlink, and read only
//! when they are regular files within a size cap. Everything that touches a file of ours goes
//! through here.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// The largest forløp or worksheet file Stafett reads: far above any real one (5,000 items
/// are about 1 MB), small enough that a planted huge file cannot exhaust memory.
pub const DATA_CAP: u64 = 32 * 1024 * 1024;

/// How a file is opened for reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Inside the data folder: a symlink is refused.
    Refuse,
    /// The user's own script or config folder: a symlink to a regular file is fine.
    Follow,
}

/// Reads a regular file of at most `cap` bytes as text. A FIFO, a device or a folder is
/// refused without blocking; with [`Links::Refuse`] so is a symlink.
pub fn read_capped(path: &Path, cap: u64, links: Links) -> io::Result<String> {
    let file = open_for_reading(path, links)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other(crate::t!("files.not_regular")));
    }
    if meta.len() > cap {
        return Err(io::Error::other(crate::t!(
            "files.too_big",
            size = meta.len() / 1024 / 1024,
            cap = cap / 1024 / 1024
        )));
    }
    // Exactly the size found (at most the cap): a small file is one read. A file that grew
    // since is read as it was; one that shrank, as far as it goes.
    let size = meta.len() as usize;
    let mut bytes = vec![0u8; size];
    let mut filled = 0;
    let mut file = file;
    while filled < size {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, crate::t!("files.not_utf8")))
}

#[cfg(unix)]
fn open_for_reading(path: &Path, links: Links) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking, so that opening a FIFO returns at once; reading a regular file is not
    // affected by it.
    let mut flags = rustix::fs::OFlags::NONBLOCK;
    if links == Links::Refuse {
        flags |= rustix::fs::OFlags::NOFOLLOW;
    }
    OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
        .map_err(|e| symlink_error(path, e))
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path, links: Links) -> io::Result<File> {
    if links == Links::Refuse && fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(io::Error::other(crate::t!("files.symlink")));
    }
    File::open(path)
}

/// ELOOP from O_NOFOLLOW, said in words.
#[cfg(unix)]
fn symlink_error(path: &Path, e: io::Error) -> io::Error {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        io::Error::other(crate::t!("files.symlink"))
    } else {
        e
    }
}

/// Options for a new private file that will not follow a symlink at its name.
pub(crate) fn private_options() -> OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut o = OpenOptions::new();
        o.mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
        o
    }
    // Windows: the user's profile folder is private to them already; a symlink there needs
    // rights an ordinary user lacks.
    #[cfg(not(unix))]
    OpenOptions::new()
}

/// Makes an open file private (0600), whatever mode a leftover file had.
pub(crate) fn make_private(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Creates a folder (and its parents) readable by the user only.
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(path)
}

/// Sets a folder of ours back to 0700, in case it was made or changed by someone else.
pub fn make_dir_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::symlink_metadata(path)?;
        if !meta.is_dir() {
            return Err(io::Error::other(crate::t!("files.not_a_folder")));
        }
        // Only when needed: a change of mode is a write to the disk.
        if meta.permissions().mode() & 0o777 != 0o700 {
            fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Puts exported documents into a folder the user chose (made if missing), keeping no `.bak`
/// there. Returns the files written.
pub fn write_documents(
    dir: &Path,
    documents: &[crate::export::Document],
) -> io::Result<Vec<std::path::PathBuf>> {
    create_private_dir(dir)?;
    let mut written = Vec::new();
    for doc in documents {
        // A document's name is a slug; a separator in it would be a bug, never a path.
        let path = dir.join(Path::new(&doc.file_name).file_name().unwrap_or_default());
        write_without_backup(&path, &doc.bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes a new private file that must not exist yet (`O_EXCL`, no link followed): for the
/// shared temp folder, where another user could have planted something at the name.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = private_options().write(true).create_new(true).open(path)?;
    make_private(&f)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes a file so that it is either the old or the new version, never half of one: write a
/// temp file, fsync it, keep the old version as `<name>.bak`, rename, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(path, bytes, Kind::Durable { keep_backup: true })
}

/// Like [`write_atomic`], but keeps no `.bak`: for exports, which must leave no clutter in a
/// folder the user chose.
pub fn write_without_backup(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(path, bytes, Kind::Durable { keep_backup: false })
}

/// Like [`write_without_backup`], but not forced to the disk: for copies that are made again
/// from the real files when missing or stale (the overview, the shared clock). A reader still
/// sees the old or the new version, never half; a power cut may leave the old one, or none.
pub fn write_copy(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(path, bytes, Kind::Copy)
}

/// How a file is written by [`write_file`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// On the disk when the call returns (file and folder fsynced).
    Durable { keep_backup: bool },
    /// Replaced atomically for readers, left to the system to write out.
    Copy,
}

fn write_file(path: &Path, bytes: &[u8], how: Kind) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    // A stale temp file (or a symlink planted at its name) is removed, never reused or
    // followed; the new one is created fresh. A folder at that name makes the save fail.
    match fs::remove_file(&tmp) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    {
        let mut f = private_options().write(true).create_new(true).open(&tmp)?;
        make_private(&f)?;
        f.write_all(bytes)?;
        if how != Kind::Copy {
            f.sync_all()?;
        }
    }
    let keep_backup = how == Kind::Durable { keep_backup: true };
    if keep_backup && fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        let bak = dir.join(format!("{name}.bak"));
        let _ = fs::remove_file(&bak);
        if fs::hard_link(path, &bak).is_err() {
            fs::copy(path, &bak)?;
        }
    }
    fs::rename(&tmp, path)?;
    if how != Kind::Copy {
        sync_dir(dir);
    }
    Ok(())
}

fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
