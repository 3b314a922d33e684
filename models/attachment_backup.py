"""Backups and restores carry the electronic copies (models.attachment_store).

A backup of a SQLite counter is one database file; the copies it names are files in a store
``tep-dinh-kem`` beside it, shared by every backup in that folder (content-addressed: a copy
is written once, however many backups name it). A backup copies only the files that store
does not have yet, each checked against its SHA-256 on the way. A restore brings back into
the counter's own store every copy the restored database names and the counter has lost
(a new disk), from the store beside the backup; what is found nowhere is reported.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .attachment_store import DamagedCopy, FolderStore, folder_beside, is_sha256


@dataclass
class Carried:
    copied: int = 0
    present: int = 0
    missing: list[str] = field(default_factory=list)  # SHA-256 found in no store

    def warnings(self, where: str) -> list[str]:
        if not self.missing:
            return []
        return [f"{len(self.missing)} bản điện tử không tìm thấy hoặc bị hỏng nên không chép được vào "
                f"{where} (ví dụ {self.missing[0][:12]}…)."]


def named_copies(db_file: Path) -> list[str]:
    """Every SHA-256 the SQLite database at ``db_file`` names (none before the attachments
    table existed)."""
    connection = sqlite3.connect(f"{Path(db_file).resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT DISTINCT sha256 FROM attachment").fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()
    return sorted(r[0] for r in rows if isinstance(r[0], str) and is_sha256(r[0]))


def carry(names: list[str], sources: list[FolderStore], target: FolderStore) -> Carried:
    """Put into ``target`` each named copy it lacks, from the first source holding it sound."""
    done = Carried()
    for sha in names:
        if target.has(sha):
            done.present += 1
            continue
        for source in sources:
            if source.root == target.root or not source.has(sha):
                continue
            try:
                target.put(sha, source.get(sha))
            except DamagedCopy:
                continue
            done.copied += 1
            break
        else:
            done.missing.append(sha)
    return done


def copies_into_backup(db_file: Path, backup_file: Path) -> Carried:
    """After a backup of ``db_file`` was made at ``backup_file``: its copies beside it."""
    return carry(named_copies(backup_file), [FolderStore(folder_beside(db_file))],
                 FolderStore(folder_beside(backup_file)))


def copies_from_backup(backup_file: Path, db_file: Path) -> Carried:
    """After ``backup_file`` was restored into ``db_file``: the copies it names back in place."""
    return carry(named_copies(db_file), [FolderStore(folder_beside(backup_file))],
                 FolderStore(folder_beside(db_file)))
