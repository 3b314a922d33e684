"""apply-sync: the provincial importer, its idempotence, its acks, and PostgreSQL."""
from __future__ import annotations

import json
import shutil
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sync_fixtures import (
    AGENCY,
    DAY,
    act,
    assert_central_matches_source,
    at,
    busy_day,
    central_state,
    intake,
    members_of,
    need,
    own_trust,
    pg_url,
    repack,
    with_manifest,
)

from cli.app import run
from models.db import close_database
from models.errors import MotCuaError
from models.session import acting_officer, open_counter, setup_agency
from sync.ack import build_ack, import_ack, write_ack
from sync.apply import apply_files
from sync.export import export_day, run_export
from sync.format import sha256_hex
from sync.history import export_history, pending_days
from sync.keys import (
    Trust,
    agency_signing_key,
    load_province_private,
    new_province_keys,
    set_province_key,
)

DAY2 = DAY + timedelta(days=1)


def three_days(officer, out: Path) -> list[Path]:
    """Work over three days, a dossier of day 1 moving on days 2 and 3; one file per day."""
    first = intake(officer, at(DAY, 8))
    busy_day(officer, DAY)
    act("forward", first.code, officer, at(DAY2, 9), unit="Tư pháp")
    busy_day(officer, DAY2)
    act("finish", first.code, officer, at(DAY2 + timedelta(days=1), 10))
    return [export_day(d, out / d.isoformat(), now=at(d, 18), by=officer)
            for d in (DAY, DAY2, DAY2 + timedelta(days=1))]


def test_round_trip_reproduces_every_dossier_and_event(officer, tmp_path):
    files = three_days(officer, tmp_path)
    central = str(tmp_path / "central.sqlite3")

    summary = apply_files(files, central, trust=own_trust(), ack_dir=tmp_path / "acks", now=at(DAY2, 20))

    assert [f.status for f in summary.files] == ["applied"] * 3
    assert summary.counts()["dossiers_new"] == 11 and summary.clean
    assert_central_matches_source(central)


def test_applying_twice_equals_applying_once(officer, tmp_path):
    files = three_days(officer, tmp_path)
    central = str(tmp_path / "central.sqlite3")
    apply_files(files, central, trust=own_trust())
    once = central_state(central)

    again = apply_files(files + files, central, trust=own_trust())

    assert [f.status for f in again.files] == ["already_applied"] * 6
    assert again.counts()["dossiers_new"] == again.counts()["events_new"] == 0
    assert central_state(central) == once


def test_an_older_revision_after_a_newer_one_is_ignored(officer, tmp_path):
    views = busy_day(officer)
    old = run_export(DAY, tmp_path / "r1", now=at(DAY, 16), by=officer)
    act("forward", views[0].code, officer, at(DAY, 16, 30), unit="Địa chính")
    new = run_export(DAY, tmp_path / "r2", now=at(DAY, 17), by=officer)
    central = str(tmp_path / "central.sqlite3")

    summary = apply_files([new.path, old.path], central, trust=own_trust())

    assert [(f.revision, f.status) for f in summary.files] == [(2, "applied"), (1, "superseded")]
    assert summary.files[1].message == "tỉnh đã nạp lần xuất 2 của ngày này"
    assert_central_matches_source(central)


def test_an_older_day_file_never_rolls_a_dossier_back(officer, tmp_path):
    files = three_days(officer, tmp_path)
    central = str(tmp_path / "central.sqlite3")
    apply_files(list(reversed(files)), central, trust=own_trust())
    assert_central_matches_source(central)


def test_a_refused_file_and_an_invalid_record_do_not_stop_the_run(officer, tmp_path):
    busy_day(officer)
    good = export_day(DAY, tmp_path / "good", now=at(DAY, 18), by=officer)
    intake(officer, at(DAY2, 9), number="001090099999")
    intake(officer, at(DAY2, 10), name="Lê Thị Mai", number="001090088888")
    second = export_day(DAY2, tmp_path / "second", now=at(DAY2, 18), by=officer)
    members = members_of(second)
    doc = json.loads(dict(members)["hoso.json"])
    doc["HoSo"][0]["NgayHenTra"] = "05/03/2026"  # not yyyyMMddHHmmss
    bad_code = doc["HoSo"][0]["MaHoSo"]
    bad = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    members = [(n, bad if n == "hoso.json" else d) for n, d in members]

    def rehash(manifest):
        manifest["members"]["hoso.json"].update(sha256=sha256_hex(bad), size=len(bad))
    flawed = tmp_path / "flawed.zip"
    flawed.write_bytes(repack(with_manifest(members, rehash), agency_signing_key().sign, DAY2))
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:-100])
    central = str(tmp_path / "central.sqlite3")

    summary = apply_files([cut, flawed, good], central, trust=own_trust(), ack_dir=tmp_path / "acks",
                          now=at(DAY2, 20))

    assert [f.status for f in summary.files] == ["refused", "applied", "applied"]
    assert "cắt cụt" in summary.files[0].message
    (rejected,) = summary.files[1].rejected
    assert rejected["MaHoSo"] == bad_code and "NgayHenTra" in rejected["reason"]
    assert summary.files[1].dossiers_new == 1 and not summary.clean
    dossiers, _ = central_state(central)
    assert bad_code not in {r["MaHoSo"] for r in dossiers.values()} and len(dossiers) == 6
    (ack_path,) = summary.acks
    ack = json.loads(ack_path.read_text())
    # The cut file cannot say whose it is: it is reported in the run, not acknowledged.
    assert [(f["day"], f["status"]) for f in ack["files"]] == [("2026-03-02", "applied"),
                                                               ("2026-03-03", "applied")]
    assert ack["files"][1]["rejected"][0]["MaHoSo"] == bad_code


def test_the_ack_marks_days_received(officer, tmp_path):
    busy_day(officer)
    result = run_export(DAY, tmp_path / "out", now=at(DAY, 18), by=officer)
    assert [p.state for p in pending_days(at(DAY2, 9))] == ["not_acknowledged"]
    summary = apply_files([result.path], str(tmp_path / "central.sqlite3"), trust=own_trust(),
                          ack_dir=tmp_path / "acks", now=at(DAY2, 8))

    imported = import_ack(summary.acks[0], now=at(DAY2, 9), by=officer)

    assert [(m["day"], m["revision"], m["status"]) for m in imported.matched] == [("2026-03-02", 1, "applied")]
    assert pending_days(at(DAY2, 9)) == []
    (history,) = export_history()
    assert history.received and history.acked_at == at(DAY2, 9)
    assert imported.lines()[0] == "Ngày 02/03/2026, lần xuất 1: đã nạp"


def test_a_refusal_in_the_ack_shows_on_the_banner(officer, tmp_path):
    busy_day(officer)
    result = run_export(DAY, tmp_path / "out", now=at(DAY, 18), by=officer)
    entry = {"day": "2026-03-02", "revision": 1, "sha256": result.sha256, "status": "refused",
             "message": "Chữ ký số không khớp nội dung", "HoSo": 0, "TienDo": 0, "rejected": []}
    path = write_ack(build_ack(AGENCY, [entry], now=at(DAY2, 8)), tmp_path, at(DAY2, 8))
    import_ack(path, now=at(DAY2, 9), by=officer)
    (pending,) = pending_days(at(DAY2, 9))
    assert pending.state == "refused"
    assert pending.message == ("Ngày 02/03/2026: tỉnh từ chối tệp lần xuất thứ 1 (Chữ ký số không khớp "
                               "nội dung); cần xuất và gửi lại.")


def test_acks_are_checked_against_the_province_key(officer, tmp_path):
    private, public = new_province_keys()
    (tmp_path / "priv.json").write_text(json.dumps(private))
    (tmp_path / "pub.json").write_text(json.dumps(public))
    set_province_key(tmp_path / "pub.json", by=officer)
    province = load_province_private(tmp_path / "priv.json")
    busy_day(officer)
    result = run_export(DAY, tmp_path / "out", now=at(DAY, 18), by=officer)
    summary = apply_files([result.path], str(tmp_path / "central.sqlite3"), trust=own_trust(),
                          province_key=province, ack_dir=tmp_path / "acks", now=at(DAY2, 8))
    assert summary.files[0].status == "applied"

    entry = json.loads(summary.acks[0].read_text())["files"][0]
    unsigned = write_ack(build_ack(AGENCY, [entry], now=at(DAY2, 7)), tmp_path / "unsigned", at(DAY2, 7))
    with pytest.raises(MotCuaError, match="không có chữ ký của tỉnh"):
        import_ack(unsigned, by=officer)
    impostor = load_province_private_doc(new_province_keys()[0], tmp_path)
    forged = write_ack(build_ack(AGENCY, [entry], now=at(DAY2, 7), province_key=impostor),
                       tmp_path / "forged", at(DAY2, 7))
    with pytest.raises(MotCuaError, match="không phải của tỉnh đã cấu hình"):
        import_ack(forged, by=officer)
    other = write_ack(build_ack("000.00.24.H13", [entry], now=at(DAY2, 7), province_key=province),
                      tmp_path / "other", at(DAY2, 7))
    with pytest.raises(MotCuaError, match="dành cho cơ quan 000.00.24.H13"):
        import_ack(other, by=officer)

    assert import_ack(summary.acks[0], by=officer).signed
    assert pending_days(at(DAY2, 9)) == []


def load_province_private_doc(doc: dict, tmp_path: Path):
    target = tmp_path / f"{uuid.uuid4().hex}.json"
    target.write_text(json.dumps(doc))
    return load_province_private(target)


def test_many_agencies_in_one_run_each_get_an_ack(tmp_path):
    files, trust = [], Trust()
    for n, agency in enumerate(("000.00.24.H12", "H12.22.01", "000.00.31.H12")):
        open_counter(str(tmp_path / f"counter-{n}.sqlite3"))
        setup_agency(agency_code=agency, governing_body=f"UBND XÃ SỐ {n}", place="Tam Đảo")
        officer = acting_officer()
        busy_day(officer)
        trust.add(agency, agency_signing_key().public_raw)
        files.append(export_day(DAY, tmp_path / "stick", now=at(DAY, 18), by=officer))
        close_database()

    summary = apply_files(sorted((tmp_path / "stick").glob("*.zip")),
                          str(tmp_path / "central.sqlite3"), trust=trust, ack_dir=tmp_path / "acks",
                          now=at(DAY2, 8))

    assert summary.counts()["applied"] == 3 and summary.counts()["dossiers_new"] == 15
    assert sorted(p.name for p in summary.acks) == [
        "motcua-ack_000.00.24.H12_20260303080000.json", "motcua-ack_000.00.31.H12_20260303080000.json",
        "motcua-ack_H12.22.01_20260303080000.json"]


def test_apply_sync_command(officer, db_path, tmp_path, capsys, signed_in):
    files = three_days(officer, tmp_path / "out")
    stick = tmp_path / "stick"
    stick.mkdir()
    for f in files:
        shutil.copy(f, stick / f.name)
    keyfile = tmp_path / "agency-key.json"
    assert run(["--db", str(db_path), "sync-key", "export", "--out", str(keyfile)]) == 0
    capsys.readouterr()
    central = str(tmp_path / "central.sqlite3")

    code = run(["--json", "apply-sync", str(stick), "--into", central, "--pubkey", str(keyfile),
                "--ack-dir", str(tmp_path / "acks")])

    out, err = capsys.readouterr()
    assert code == 0
    counts = json.loads(out)
    assert (counts["files"], counts["applied"], counts["dossiers_new"], counts["refused"]) == (3, 3, 11, 0)
    assert err.splitlines()[0].startswith("[1/3] motcua-sync_000.00.24.H12_20260302.zip: đã nạp: 6 hồ sơ mới")
    assert len(counts["acks"]) == 1

    assert run(["--db", str(db_path), "import-ack", counts["acks"][0]]) == 0
    assert "Ngày 02/03/2026, lần xuất 1: đã nạp" in capsys.readouterr().out


@pytest.fixture
def pg_target():
    """A fresh schema in the PostgreSQL test database (MOTCUA_TEST_PG_URL), dropped afterwards."""
    url = pg_url()
    need(bool(url), "PostgreSQL (MOTCUA_TEST_PG_URL)")
    import psycopg2

    schema = f"motcua_sync_{uuid.uuid4().hex[:12]}"
    connection = psycopg2.connect(url)
    connection.autocommit = True
    connection.cursor().execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        connection.cursor().execute(f"DROP SCHEMA {schema} CASCADE")
        connection.close()


def test_apply_into_postgresql(officer, tmp_path, pg_target):
    files = three_days(officer, tmp_path)
    summary = apply_files(files, pg_target, trust=own_trust(), ack_dir=tmp_path / "acks")
    assert [f.status for f in summary.files] == ["applied"] * 3
    assert_central_matches_source(pg_target)

    again = apply_files(list(reversed(files)), pg_target, trust=own_trust())
    assert [f.status for f in again.files] == ["already_applied"] * 3
    assert_central_matches_source(pg_target)


def test_a_file_from_an_impostor_is_refused_and_the_agency_told(officer, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    busy_day(officer)
    genuine = export_day(DAY, tmp_path / "out", now=at(DAY, 18), by=officer)
    forged = tmp_path / "forged.zip"
    forged.write_bytes(repack(members_of(genuine), Ed25519PrivateKey.generate().sign))
    central = str(tmp_path / "central.sqlite3")

    summary = apply_files([forged], central, trust=own_trust(), ack_dir=tmp_path / "acks", now=at(DAY2, 8))

    (outcome,) = summary.files
    assert outcome.status == "refused" and outcome.dossiers_new == 0
    assert central_state(central) == ({}, {})
    (entry,) = json.loads(summary.acks[0].read_text())["files"]
    assert entry["status"] == "refused" and "sau khi ký" in entry["message"]


def test_a_postgresql_counter_exports_and_round_trips(tmp_path, pg_target):
    """Counters may share a PostgreSQL database: the export's snapshot works there too."""
    open_counter(pg_target)
    try:
        setup_agency(agency_code=AGENCY, governing_body="UBND XÃ TAM ĐẢO", place="Tam Đảo")
        files = three_days(acting_officer(), tmp_path)
        central = str(tmp_path / "central.sqlite3")
        summary = apply_files(files, central, trust=own_trust())
        assert [f.status for f in summary.files] == ["applied"] * 3
        assert_central_matches_source(central)
    finally:
        close_database()
