"""Is a path on a network file system? SQLite must not live there.

SQLite's WAL mode needs shared memory between the processes that open the database, which a
network file system (SMB/CIFS share, NFS export, a mapped drive) does not give; locks are
unreliable there too (sqlite.org/wal.html, "WAL does not work over a network filesystem").
A counter that wants one database for several PCs uses the PostgreSQL set-up instead.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

# File system types of /proc/mounts that are network shares.
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "fuse.rclone", "lustre", "gpfs", "beegfs",
})
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a network drive
PROC_MOUNTS = "/proc/mounts"  # posix-only: Linux's mount table, read after the Windows branch


def is_unc(path: str) -> bool:
    r"""\\server\share\… (also the \\?\UNC\ long form), or //server/share on Windows."""
    text = path.replace("/", "\\") if sys.platform == "win32" else path
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    return text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\"))


def mount_fs_type(path: Path, mounts_text: str) -> str | None:
    """The file system type of the mount that holds ``path``, from /proc/mounts' text."""
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        # /proc/mounts escapes spaces and tabs in mount points as octal.
        point = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def _resolved(path: Path) -> Path:
    """Symbolic links resolved in the part of ``path`` that exists; the rest appended as is."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            try:
                return candidate.resolve() / path.relative_to(candidate)
            except OSError:
                return path
    return path


def on_network_drive(path: str | Path, *, mounts_text: str | None = None) -> str | None:
    """A short description of the network share that holds ``path``, or None if it is local.

    ``mounts_text`` replaces /proc/mounts (tests).
    """
    raw = str(path)
    if is_unc(raw):
        return "đường dẫn mạng (UNC)"
    absolute = Path(os.path.abspath(raw))
    if sys.platform == "win32":
        return _windows_remote_drive(absolute)
    if mounts_text is None:
        try:
            mounts_text = Path(PROC_MOUNTS).read_text(encoding="utf-8", errors="replace")
        except OSError:  # not Linux (macOS, BSD): nothing to read, trust the path
            return None
    fs_type = mount_fs_type(_resolved(absolute), mounts_text)
    if fs_type is not None and (fs_type in NETWORK_FS_TYPES or fs_type.startswith("nfs")):
        return f"ổ mạng ({fs_type})"
    return None


def _windows_remote_drive(path: Path) -> str | None:
    import ctypes

    anchor = path.anchor  # "Z:\\" for a mapped drive
    if anchor.startswith("\\\\"):
        return "đường dẫn mạng (UNC)"
    if anchor and ctypes.windll.kernel32.GetDriveTypeW(anchor) == DRIVE_REMOTE:
        return f"ổ mạng {anchor.rstrip(chr(92))}"
    return None
