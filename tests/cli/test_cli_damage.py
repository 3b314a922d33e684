"""Damage is noticed and said in Vietnamese: an empty or foreign file is never opened as a new
database, a damaged database gives a message (never a traceback) whatever the command, a
read-only folder still serves the commands that only look, and a full disk, a read-only file
and a lock held too long each have their own message."""
from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cli.app import run
from models import storage_errors
from models.db import SQLITE_PRAGMAS, close_database
from models.intake import IntakeRequest, PersonInput, receive
from models.session import acting_officer, open_counter, setup_agency
from tests.conftest import AGENCY, TEST_PASSWORD, in_ci

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2026, 3, 2, 9, 0)


def cli_run(*argv: str) -> tuple[int, str, str]:
    """main.py's command line, in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = run(list(argv))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def make_counter(path: Path, dossiers: int = 1) -> list[str]:
    open_counter(str(path))
    setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo",
                 admin_password=TEST_PASSWORD)
    officer = acting_officer()
    codes = [receive(IntakeRequest(procedure="1.004873", received_at=WHEN + timedelta(seconds=i),
                                   applicant=PersonInput(name="Nguyễn Thị Hằng", id_number=f"0011900{i:05d}")),
                     officer, now=WHEN + timedelta(seconds=i)).code for i in range(dossiers)]
    close_database()
    connection = sqlite3.connect(str(path))
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return codes


@pytest.fixture(autouse=True)
def _password(monkeypatch):
    monkeypatch.setenv("MOTCUA_PASSWORD", TEST_PASSWORD)


@pytest.mark.parametrize("content, phrase", [(b"", "rỗng (0 byte)"),
                                             (b"MaHoSo;ChuHoSo\n" * 100, "không phải cơ sở dữ liệu MotCua")])
def test_an_empty_or_foreign_file_is_never_turned_into_a_database(tmp_path, content, phrase):
    path = tmp_path / "motcua.sqlite3"
    path.write_bytes(content)
    for argv in (["show", "X"], ["intake", "--from-json", "-"], ["setup", "--agency-code", AGENCY]):
        code, _out, err = cli_run("--db", str(path), *argv)
        assert code == 2 and phrase in err and "Traceback" not in err
    assert path.read_bytes() == content


def _damage(path: Path) -> None:
    """Garbage over the pages of the dossier table, the first pages (schema) left sound."""
    connection = sqlite3.connect(str(path))
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name='dossier'").fetchone()[0]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    for page in range(root, pages, 3):
        start = 4096 * (page - 1)
        data[start:start + 4096] = os.urandom(4096)
    path.write_bytes(bytes(data))


def test_no_command_prints_a_traceback_on_a_damaged_database(tmp_path):
    path = tmp_path / "motcua.sqlite3"
    codes = make_counter(path, dossiers=200)
    _damage(path)
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps({"procedure": "1.004873", "applicant": {
        "name": "Trần Văn Bình", "id_number": "001090012345"}}), encoding="utf-8")
    code = codes[100]
    out_dir = tmp_path / "out"
    commands = [
        ["settings"], ["procedures"], ["due-date", "--received", "2026-03-02", "--working-days", "3"],
        ["intake", "--from-json", str(intake)], ["show", code], ["search", "nguyen thi hang"], ["list"],
        ["list", "--late"], ["forward", code], ["supplement", code, "--missing", "Giấy", "--reason", "Thiếu"],
        ["resume", code], ["extend", code, "--new-due", "2026-03-20T16:00", "--reason", "Xác minh"],
        ["finish", code], ["return", code, "--recipient", "Nguyễn Thị Hằng"], ["refuse", code, "--reason", "x"],
        ["withdraw", code], ["stop", code, "--reason", "x"], ["request-payment", code, "--note", "x"],
        ["paid", code], ["officers", "list"], ["officers", "add", "lan", "--full-name", "Trần Thị Lan",
                                                  "--password", "mat-khau-tot"],
        ["officers", "update", "admin", "--full-name", "Quản trị"], ["holidays", "list", "--year", "2026"],
        ["holidays", "add-off", "2026-11-18", "--reason", "Bão"], ["holidays", "remove", "2026-11-18"],
        ["catalog", "export", str(tmp_path / "c.json")], ["receipt", code, "--out", str(tmp_path / "r.pdf")],
        ["form", "control", code, "--out", str(tmp_path / "f.pdf")],
        ["register", "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(tmp_path / "s.pdf")],
        ["export-sync", "--date", "2026-03-02", "--out", str(out_dir)], ["export-sync", "--due", "--out", str(out_dir)],
        ["sync-status"], ["sync-key", "show"], ["sync-key", "export"], ["report", "--period", "month:2026-03"],
        ["report", "--period", "month:2026-03", "--late"], ["backup", "--out", str(tmp_path / "b.sqlite3")],
        ["backup"], ["backups"], ["backup-settings", "--keep-days", "10"], ["check-db"],
        ["setup", "--place", "Tam Đảo"],
    ]
    codes_seen = {}
    for argv in commands:
        exit_code, out, err = cli_run("--db", str(path), *argv)
        assert "Traceback" not in out + err, argv
        assert exit_code in (0, 2), (argv, exit_code, err)
        if exit_code == 2 and argv != ["check-db"]:  # check-db prints its verdict on stdout
            assert err.startswith("Lỗi: ") and len(err) > 20, (argv, err)
        codes_seen[" ".join(argv[:2])] = exit_code
    # The damage is named where it is met, and a backup of it is never made.
    assert cli_run("--db", str(path), "show", code)[2].startswith("Lỗi: Cơ sở dữ liệu")
    assert not (tmp_path / "b.sqlite3").exists()
    assert codes_seen["check-db"] == 2


@contextmanager
def _small_filesystem(size: str):
    """A real, small filesystem (tmpfs) when the test runs as root; else None."""
    if sys.platform != "linux" or os.geteuid() != 0:
        yield None
        return
    mount = Path(tempfile.mkdtemp(prefix="motcua-fs-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        mount.rmdir()
        yield None
        return
    try:
        yield mount
    finally:
        close_database()
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        shutil.rmtree(mount, ignore_errors=True)


def _subprocess(*argv: str, preexec=None, prefix: tuple[str, ...] = ()) -> tuple[int, str, str]:
    env = {**os.environ, "MOTCUA_PASSWORD": TEST_PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([*prefix, sys.executable, str(ROOT / "main.py"), *argv], env=env,
                            capture_output=True, text=True, preexec_fn=preexec, timeout=300)
    return result.returncode, result.stdout, result.stderr


def _file_size_limit(limit: int):
    """In the child: files may not grow past ``limit`` bytes (EFBIG instead of SIGXFSZ)."""
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_is_said_in_vietnamese_and_loses_nothing(tmp_path):
    """On a real, full filesystem (a small tmpfs, when the test may mount one); elsewhere on
    POSIX the same with a file-size limit, which SQLite reports as a write error."""
    if os.name != "posix":
        pytest.skip("neither a tmpfs nor a file-size limit on this system")
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps({"procedure": "1.004873", "applicant": {
        "name": "Trần Văn Bình " * 8, "id_number": "001090012345", "address": "x" * 290}}), encoding="utf-8")
    with _small_filesystem("4m") as mount:
        folder = mount if mount is not None else tmp_path / "limited"
        folder.mkdir(exist_ok=True)
        path = folder / "motcua.sqlite3"
        codes = make_counter(path)
        if mount is not None:
            filler = mount / "filler"
            with open(filler, "wb") as out:  # fill the disk to the last byte
                try:
                    while True:
                        out.write(b"\0" * 65536)
                        out.flush()
                except OSError:
                    pass
        preexec = None if mount is not None else _file_size_limit(path.stat().st_size + 8192)
        expected = [storage_errors.FULL] if mount is not None else [
            storage_errors.FULL, storage_errors.IO.format(where=f" ({path})")]
        for _ in range(40):  # until the database needs a page it cannot have
            exit_code, _out, err = _subprocess("--db", str(path), "intake", "--from-json", str(intake),
                                               preexec=preexec)
            assert "Traceback" not in err
            if exit_code:
                assert exit_code == 2 and err.removeprefix("Lỗi: ").strip() in expected, err
                break
        else:
            pytest.fail("the disk never filled up")
        if mount is not None:
            filler.unlink()
        exit_code, out, _err = _subprocess("--db", str(path), "--json", "show", codes[0])
        assert exit_code == 0 and json.loads(out)["code"] == codes[0]


def test_storage_failures_each_have_their_own_message():
    import errno

    import peewee

    assert storage_errors.storage_message(OSError(errno.ENOSPC, "No space left")) == storage_errors.FULL
    assert storage_errors.storage_message(peewee.OperationalError("database or disk is full")) == storage_errors.FULL
    assert storage_errors.storage_message(peewee.OperationalError("attempt to write a readonly database"),
                                          "/x/motcua.sqlite3").startswith("Không ghi được: tệp cơ sở dữ liệu")
    assert storage_errors.storage_message(peewee.OperationalError("database is locked")) == storage_errors.LOCKED
    assert "bị hỏng" in storage_errors.storage_message(sqlite3.DatabaseError("database disk image is malformed"))
    assert storage_errors.storage_message(ValueError("x")) is None
    messages = {storage_errors.FULL, storage_errors.READ_ONLY, storage_errors.LOCKED, storage_errors.DAMAGED,
                storage_errors.IO}
    assert len(messages) == 5


def test_a_lock_held_too_long_is_said_in_vietnamese(tmp_path, monkeypatch):
    path = tmp_path / "motcua.sqlite3"
    make_counter(path)
    monkeypatch.setitem(SQLITE_PRAGMAS, "busy_timeout", 200)
    holder = sqlite3.connect(str(path))
    holder.execute("BEGIN IMMEDIATE")  # another program keeps the write lock
    try:
        intake = tmp_path / "intake.json"
        intake.write_text(json.dumps({"procedure": "1.004873", "applicant": {
            "name": "Trần Văn Bình", "id_number": "001090012345"}}), encoding="utf-8")
        exit_code, _out, err = cli_run("--db", str(path), "intake", "--from-json", str(intake))
        assert exit_code == 2 and err == f"Lỗi: {storage_errors.LOCKED}\n"
        exit_code, out, _err = cli_run("--db", str(path), "--json", "list")  # looking still works
        assert exit_code == 0 and len(json.loads(out)) == 1
    finally:
        holder.rollback()
        holder.close()


def test_a_read_only_folder_still_serves_the_commands_that_look(tmp_path):
    """Without write permission on the folder (as root: with every capability dropped, so that
    the permissions hold for root too)."""
    if sys.platform == "win32":
        pytest.skip("folder permissions are access lists on Windows")
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            if in_ci():
                pytest.fail("CI runs as root: it needs setpriv (util-linux) for this test")
            pytest.skip("root without setpriv ignores folder permissions")
        prefix = (setpriv, "--inh-caps=-all", "--bounding-set=-all")
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = folder / "motcua.sqlite3"
    codes = make_counter(path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    folder.chmod(0o555)
    try:
        before = sorted(p.name for p in folder.iterdir())
        for argv in (["show", codes[0]], ["list"], ["search", "nguyen"], ["settings"], ["procedures"],
                     ["sync-status"], ["report", "--period", "month:2026-03"], ["backups"],
                     ["receipt", codes[0], "--out", str(out_dir / "r.pdf")]):
            exit_code, _out, err = _subprocess("--db", str(path), *argv, prefix=prefix)
            assert exit_code == 0, (argv, err)
        intake = tmp_path / "intake.json"
        intake.write_text(json.dumps({"procedure": "1.004873", "applicant": {
            "name": "Trần Văn Bình", "id_number": "001090012345"}}), encoding="utf-8")
        exit_code, _out, err = _subprocess("--db", str(path), "intake", "--from-json", str(intake), prefix=prefix)
        assert exit_code == 2 and "Traceback" not in err
        assert err.startswith("Lỗi: Không ghi được: tệp cơ sở dữ liệu hoặc thư mục chứa nó chỉ cho phép đọc") \
            or "Không có quyền" in err, err
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        folder.chmod(0o755)
