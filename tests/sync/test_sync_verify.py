"""verify-sync: every way a file can go wrong is refused with its own message."""
from __future__ import annotations

import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sync_fixtures import DAY, at, busy_day, intake, members_of, own_trust, repack, with_manifest

from cli.app import run
from sync.export import export_day
from sync.format import sha256_hex
from sync.keys import (
    agency_signing_key,
    b64,
    key_id,
    load_province_private,
    new_province_keys,
    raw_public,
    set_province_key,
)
from sync.verify import inspect_bytes, verify_file


@pytest.fixture
def day_file(officer, tmp_path) -> Path:
    busy_day(officer)
    return export_day(DAY, tmp_path / "out", now=at(DAY, 18), by=officer)


@pytest.fixture
def province(officer, tmp_path):
    """The province's key pair, with its public half configured at the counter."""
    private, public = new_province_keys()
    (tmp_path / "province-private.json").write_text(json.dumps(private))
    (tmp_path / "province-public.json").write_text(json.dumps(public))
    set_province_key(tmp_path / "province-public.json", by=officer)
    return load_province_private(tmp_path / "province-private.json")


def codes(report) -> list[str]:
    return [p.code for p in report.problems]


def test_a_sound_file_passes(day_file):
    report = verify_file(day_file, trust=own_trust())
    assert report.ok and report.problems == [] and len(report.dossiers) == 5


def test_every_flipped_byte_is_refused(day_file):
    data = day_file.read_bytes()
    trust = own_trust()
    for position in range(0, len(data), 3):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        report = inspect_bytes(bytes(damaged), trust=trust)
        assert not report.ok, f"a flipped byte at {position} went unnoticed"
        assert report.problems[0].message


def test_a_flipped_byte_inside_a_member_names_that_member(day_file):
    data = bytearray(day_file.read_bytes())
    data[data.index(b"hoso.json") + 200] ^= 0x01  # inside the compressed records
    report = inspect_bytes(bytes(data), trust=own_trust())
    assert codes(report)[0] == "altered_member"
    assert "“hoso.json”" in report.problems[0].message


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_a_truncated_file_is_refused_as_truncated(day_file, keep):
    data = day_file.read_bytes()
    report = inspect_bytes(data[:int(len(data) * keep)], trust=own_trust())
    assert codes(report) == ["truncated"]
    assert "cắt cụt" in report.problems[0].message


def test_an_altered_member_is_named(day_file):
    members = members_of(day_file)
    members = [(n, d.replace("Trần Văn A".encode(), "Trần Văn Z".encode()) if n == "hoso.json" else d)
               for n, d in members]
    report = inspect_bytes(repack(members, agency_signing_key().sign), trust=own_trust())
    assert codes(report) == ["altered_member"]
    assert report.problems[0].message == ("Thành phần “hoso.json” đã bị thay đổi (mã băm SHA-256 "
                                          "không khớp bản kê).")


def test_a_member_swapped_in_from_another_file_is_named(officer, day_file, tmp_path):
    other_day = DAY + timedelta(days=1)
    intake(officer, at(other_day, 9), number="001090099999")
    other = export_day(other_day, tmp_path / "other", now=at(other_day, 18), by=officer)
    foreign = dict(members_of(other))["tiendo.json"]
    members = [(n, foreign if n == "tiendo.json" else d) for n, d in members_of(day_file)]
    report = inspect_bytes(repack(members, lambda m: b"\0" * 64), trust=own_trust())

    assert codes(report)[0] == "foreign_member"
    assert report.problems[0].message == ("Thành phần “tiendo.json” lấy từ một tệp khác (cơ quan "
                                          "000.00.24.H12, ngày 03/03/2026, lần xuất 1), không phải "
                                          "của tệp này.")
    assert "bad_signature" in codes(report)


def test_a_file_signed_by_another_key_is_refused(day_file):
    impostor = Ed25519PrivateKey.generate()
    public = raw_public(impostor.public_key())

    def resign(manifest):
        manifest["signer"] = {"algorithm": "Ed25519", "key_id": key_id(public), "public_key": b64(public)}
    forged = repack(with_manifest(members_of(day_file), resign), impostor.sign)
    report = inspect_bytes(forged, trust=own_trust())

    assert codes(report) == ["wrong_signer"]
    assert report.problems[0].message.startswith(f"Tệp được ký bằng khóa {key_id(public)}, không phải "
                                                 "khóa đã đăng ký của cơ quan 000.00.24.H12")


def test_a_signature_by_another_key_under_the_agency_name_is_refused(day_file):
    forged = repack(members_of(day_file), Ed25519PrivateKey.generate().sign)
    report = inspect_bytes(forged, trust=own_trust())
    assert codes(report) == ["bad_signature"]
    assert "đã bị thay đổi sau khi ký" in report.problems[0].message


def test_an_unknown_schema_version_is_refused(day_file):
    def future(manifest):
        manifest["schema_version"] = 3
    newer = repack(with_manifest(members_of(day_file), future), agency_signing_key().sign)
    report = inspect_bytes(newer, trust=own_trust())
    assert codes(report) == ["unknown_schema_version"]
    assert report.problems[0].message == ("Tệp dùng phiên bản định dạng 3, phần mềm này chỉ đọc phiên "
                                          "bản 1, 2. Hãy cập nhật MotCua rồi kiểm tra lại.")


def test_a_signer_missing_from_the_keyring_is_not_trusted(day_file):
    report = verify_file(day_file)  # no keyring given, none in the data folder
    assert codes(report) == ["untrusted_signer"]
    assert "Chưa có khóa công khai của cơ quan 000.00.24.H12" in report.problems[0].message


def test_not_a_zip_and_an_unsigned_zip(day_file, tmp_path):
    assert codes(inspect_bytes(b"MaHoSo;ChuHoSo\n", trust=own_trust())) == ["not_a_sync_file"]
    assert codes(inspect_bytes(b"", trust=own_trust())) == ["truncated"]
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        for name, data in members_of(day_file):
            archive.writestr(name, data)
    assert codes(inspect_bytes(plain.read_bytes(), trust=own_trust())) == ["unsigned"]


def test_an_invalid_record_is_named_and_the_rest_still_read(day_file):
    def corrupt(members):
        out = []
        for name, data in members:
            if name == "hoso.json":
                doc = json.loads(data)
                doc["HoSo"][0]["TrangThaiHoSo"] = 42
                data = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
            out.append((name, data))
        return out
    members = corrupt(members_of(day_file))

    def rehash(manifest):
        data = dict(members)["hoso.json"]
        manifest["members"]["hoso.json"].update(sha256=sha256_hex(data), size=len(data))
    report = inspect_bytes(repack(with_manifest(members, rehash), agency_signing_key().sign),
                           trust=own_trust())
    assert codes(report) == ["invalid_record"]
    assert report.file_ok and not report.ok
    assert len(report.dossiers) == 4
    (rejected,) = report.rejected
    assert rejected["reason"] == "trường “TrangThaiHoSo”: giá trị không thuộc danh mục cho phép"
    assert rejected["MaHoSo"] in report.problems[0].message


def test_encrypted_records_are_unreadable_without_the_province_key(officer, province, tmp_path):
    busy_day(officer)
    path = export_day(DAY, tmp_path / "out", now=at(DAY, 18), by=officer)
    raw = path.read_bytes()
    names = [n for n, _ in members_of(path)]
    assert names == ["manifest.json", "hoso.json.enc", "tiendo.json.enc"]
    unpacked = b"".join(d for _, d in members_of(path))
    for personal in ("Trần Văn".encode(), b"001090012340", b"0912345678", "Đồng Bùa".encode()):
        assert personal not in unpacked and personal not in raw

    sealed = verify_file(path, trust=own_trust())
    assert sealed.ok and sealed.sealed and not sealed.content_checked
    opened = verify_file(path, trust=own_trust(), province_key=province)
    assert opened.ok and opened.content_checked and len(opened.dossiers) == 5

    other = load_province_private_from(new_province_keys()[0], tmp_path)
    refused = verify_file(path, trust=own_trust(), province_key=other)
    assert [p.code for p in refused.problems] == ["wrong_recipient", "wrong_recipient"]


def load_province_private_from(doc: dict, tmp_path: Path):
    target = tmp_path / "other-private.json"
    target.write_text(json.dumps(doc))
    return load_province_private(target)


def test_verify_sync_command_exit_codes(day_file, db_path, tmp_path, capsys, signed_in):
    keyfile = tmp_path / "key.json"
    assert run(["--db", str(db_path), "sync-key", "export", "--out", str(keyfile)]) == 0
    capsys.readouterr()
    assert run(["verify-sync", str(day_file), "--pubkey", str(keyfile)]) == 0
    assert "KẾT QUẢ: tệp hợp lệ" in capsys.readouterr().out

    cut = tmp_path / "cut.zip"
    cut.write_bytes(day_file.read_bytes()[:-50])
    assert run(["verify-sync", str(cut), "--pubkey", str(keyfile)]) == 1
    out = capsys.readouterr().out
    assert "LỖI: Tệp bị cắt cụt" in out and "KHÔNG hợp lệ" in out

    assert run(["--json", "verify-sync", str(cut), "--pubkey", str(keyfile)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["problems"][0]["code"] == "truncated"
