"""The sync commands as an officer or a provincial operator types them."""
from __future__ import annotations

import json

import pytest
from sync_fixtures import busy_day

from cli.app import run

pytestmark = pytest.mark.usefixtures("signed_in")


def test_the_whole_path_from_commune_to_province_and_back(officer, db_path, tmp_path, capsys,
                                                          monkeypatch):
    monkeypatch.setenv("MOTCUA_SYNC_KEYRING", str(tmp_path / "keyring"))
    busy_day(officer)
    db = ["--db", str(db_path)]

    # The province makes its keys once; the commune configures the public half.
    assert run(["sync-key", "province-new", "--out", str(tmp_path / "province")]) == 0
    assert run([*db, "sync-key", "set-province", str(tmp_path / "province/province-public-key.json")]) == 0
    (tmp_path / "keyring").mkdir()
    assert run([*db, "sync-key", "export", "--out", str(tmp_path / "keyring/tam-dao.json")]) == 0
    capsys.readouterr()
    assert run([*db, "sync-key", "export"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["agency_code"] == "000.00.24.H12" and printed["algorithm"] == "Ed25519"

    assert run([*db, "--json", "export-sync", "--date", "02/03/2026", "--out", str(tmp_path / "usb")]) == 0
    path = json.loads(capsys.readouterr().out)["path"]
    assert path.endswith("motcua-sync_000.00.24.H12_20260302.zip")

    assert run(["verify-sync", path]) == 0  # the default keyring (MOTCUA_SYNC_KEYRING) knows the key
    assert "nội dung đã mã hóa cho tỉnh" in capsys.readouterr().out

    key = str(tmp_path / "province/province-private-key.json")
    assert run(["--json", "apply-sync", path, "--into", str(tmp_path / "central.sqlite3"),
                "--key", key, "--ack-dir", str(tmp_path / "acks")]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["dossiers_new"] == 5 and counts["events_new"] == 12

    assert run([*db, "sync-status"]) == 0
    assert "đã xuất (lần 1) nhưng chưa có xác nhận" in capsys.readouterr().out
    assert run([*db, "import-ack", counts["acks"][0]]) == 0
    assert capsys.readouterr().out.startswith("Ngày 02/03/2026, lần xuất 1: đã nạp")
    assert run([*db, "--json", "sync-status"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == [] and status["history"][0]["ack_status"] == "applied"


def test_apply_without_the_province_key_skips_encrypted_files(officer, db_path, tmp_path, capsys):
    busy_day(officer)
    db = ["--db", str(db_path)]
    assert run(["sync-key", "province-new", "--out", str(tmp_path / "province")]) == 0
    assert run([*db, "sync-key", "set-province", str(tmp_path / "province/province-public-key.json")]) == 0
    assert run([*db, "sync-key", "export", "--out", str(tmp_path / "agency.json")]) == 0
    assert run([*db, "export-sync", "--date", "2026-03-02", "--out", str(tmp_path / "usb")]) == 0
    capsys.readouterr()

    code = run(["apply-sync", str(tmp_path / "usb"), "--into", str(tmp_path / "central.sqlite3"),
                "--pubkey", str(tmp_path / "agency.json"), "--ack-dir", str(tmp_path / "acks")])

    out, err = capsys.readouterr()
    assert code == 1
    assert "BỎ QUA – tệp đã mã hóa; cần khóa bí mật của tỉnh (--key) để nạp" in err
    assert not (tmp_path / "acks").exists()


def test_a_bad_date_is_refused_in_vietnamese(counter, db_path, capsys):
    assert run(["--db", str(db_path), "export-sync", "--date", "2026/03/02"]) == 2
    assert "Ngày “2026/03/02” không phải là ngày (ghi theo dạng dd/mm/yyyy hoặc YYYY-MM-DD)." in capsys.readouterr().err
