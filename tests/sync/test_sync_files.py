"""Day files version 2 and their companion file of electronic copies: round trip into a
central store with every hash equal, encrypted and not, split into parts; a flipped byte
refused; a version 1 file still verifies and applies."""
from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from sync_fixtures import AGENCY, DAY, act, at, intake, members_of, own_trust, repack

from models import attachments as att
from models.attachment_store import FolderStore, current_store
from models.session import acting_officer
from sync import companion
from sync.apply import apply_files
from sync.export import run_export
from sync.format import canonical_json, files_file_name, sha256_hex
from sync.keys import agency_signing_key, load_province_private, new_province_keys, set_province_key
from sync.verify import verify_file
from tests.scans import jpeg_bytes, tiff_bytes

TWO_PAPERS = [{"name": "Tờ khai", "originals": 1, "copies": 0},
              {"name": "Căn cước công dân", "originals": 0, "copies": 1}]


def digitised_day(officer, tmp_path: Path) -> dict[str, str]:
    """Three dossiers: one fully digitised with an electronic result, one half, one reusing a
    copy; returns the copies' SHA-256 → what they are."""
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "a.jpg").write_bytes(jpeg_bytes(1))
    (scans / "b.tif").write_bytes(tiff_bytes(2))
    (scans / "kq.jpg").write_bytes(jpeg_bytes(3))
    a = intake(officer, at(DAY, 8), documents=TWO_PAPERS).code
    first = att.attach(a, [scans / "a.jpg"], officer, paper=1, now=at(DAY, 8, 5))
    second = att.attach(a, [scans / "b.tif"], officer, paper=2, now=at(DAY, 8, 6))
    b = intake(officer, at(DAY, 9), documents=TWO_PAPERS).code
    att.attach(b, None, officer, paper=2, reuse=second.sha256, now=at(DAY, 9, 5))
    act("finish", a, officer, at(DAY, 14))
    result = att.attach(a, [scans / "kq.jpg"], officer, result=True, now=at(DAY, 14, 5))
    intake(officer, at(DAY, 10), documents=TWO_PAPERS, name="Lê Văn Tám", number="001090054321")
    return {first.sha256: "a1", second.sha256: "a2", result.sha256: "kq"}


def _records(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return {r["MaHoSo"]: r for r in json.loads(archive.read("hoso.json"))["HoSo"]}


def test_a_version_2_day_and_its_companion_arrive_with_every_hash_equal(officer, tmp_path):
    copies = digitised_day(officer, tmp_path)
    out = tmp_path / "usb"
    result = run_export(DAY, out, by=acting_officer(), now=at(DAY, 18))
    manifest = json.loads(zipfile.ZipFile(result.path).read("manifest.json"))
    assert manifest["schema_version"] == 2
    assert manifest["files"]["count"] == 3
    assert [p["name"] for p in manifest["files"]["parts"]] == [files_file_name(AGENCY, DAY)]
    records = sorted(_records(result.path).values(), key=lambda r: r["NgayTiepNhan"])
    a, b, c = records
    assert a["HoSoCoThanhPhanSoHoa"] == "1" and b["HoSoCoThanhPhanSoHoa"] == "0"
    assert [(d["DuocSoHoa"], d["DuocTaiSuDung"], d["DuocLayTuKhoDMQG"]) for d in b["TaiLieuNop"]] == \
        [("0", "0", "0"), ("1", "1", "0")]
    assert a["TaiLieuNop"][0]["MaBamSHA256"] in copies
    assert a["TaiLieuNop"][0]["DuongDanTaiTepTin"].endswith(a["TaiLieuNop"][0]["MaBamSHA256"] + ".pdf")
    assert [r["MaBamSHA256"] for r in a["DanhSachGiayToKetQua"]] == [k for k, v in copies.items() if v == "kq"]
    assert (a["SoGiayToChuHoSo"], a["NgayNopHoSo"]) == ("001190012345", "20260302080000")
    assert c["TaiLieuNop"][0]["MaBamSHA256"] == "" and c["TaiLieuNop"][0]["SoTrang"] is None
    assert verify_file(result.path, trust=own_trust()).ok

    central = tmp_path / "tinh" / "central.sqlite3"
    summary = apply_files([result.path], str(central), trust=own_trust(), now=at(DAY, 20))
    assert summary.clean and summary.counts()["copies_stored"] == 3
    store = FolderStore(central.parent / "tep-dinh-kem")
    for sha in copies:
        assert hashlib.sha256(store.get(sha)).hexdigest() == sha
        assert store.get(sha) == current_store().get(sha)
    again = apply_files([result.path], str(central), trust=own_trust(), now=at(DAY, 21))
    assert again.clean and again.counts()["copies_stored"] == 0 and again.counts()["copies_present"] == 3


def test_an_encrypted_companion_split_into_parts(officer, tmp_path, monkeypatch):
    private, public = new_province_keys()
    (tmp_path / "priv.json").write_text(json.dumps(private))
    (tmp_path / "pub.json").write_text(json.dumps(public))
    set_province_key(tmp_path / "pub.json", by=acting_officer())
    copies = digitised_day(officer, tmp_path)
    monkeypatch.setattr(companion, "PART_LIMIT", 1)  # one copy per part
    result = run_export(DAY, tmp_path / "usb", by=acting_officer(), now=at(DAY, 18))
    parts = json.loads(zipfile.ZipFile(result.path).read("manifest.json"))["files"]["parts"]
    assert [p["name"] for p in parts] == [files_file_name(AGENCY, DAY, n) for n in (1, 2, 3)]
    first = zipfile.ZipFile(tmp_path / "usb" / parts[0]["name"])
    assert all(n == "manifest.json" or n.endswith(".pdf.enc") for n in first.namelist())

    central = tmp_path / "central.sqlite3"
    files_dir = tmp_path / "kho"
    without_key = apply_files([result.path], str(central), trust=own_trust(), files_dir=files_dir)
    assert not without_key.clean  # sealed for the province: nothing can be stored without its key
    summary = apply_files([result.path], str(central), trust=own_trust(), files_dir=files_dir,
                          province_key=load_province_private(tmp_path / "priv.json"))
    assert summary.clean and summary.counts()["copies_stored"] == 3
    assert sorted(FolderStore(files_dir).names()) == sorted(copies)


def test_a_flipped_byte_in_the_companion_is_refused(officer, tmp_path):
    digitised_day(officer, tmp_path)
    result = run_export(DAY, tmp_path / "usb", by=acting_officer(), now=at(DAY, 18))
    part = tmp_path / "usb" / files_file_name(AGENCY, DAY)
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0x01
    part.write_bytes(bytes(data))
    summary = apply_files([result.path], str(tmp_path / "central.sqlite3"), trust=own_trust())
    outcome = summary.files[0]
    assert outcome.status == "applied"  # the records arrive; the copies do not
    assert not summary.clean and outcome.copies.stored == 0
    assert "không khớp mã băm SHA-256" in outcome.copies.problems[0]
    # Checked on its own (without the day file's listing), the part's signature betrays it.
    try:
        companion.open_part(bytes(data), agency=AGENCY, day=DAY, trust=own_trust(), province_key=None,
                            name=part.name)
    except companion.CompanionError as exc:
        assert part.name in str(exc)
    else:
        raise AssertionError("a part with a flipped byte was accepted")


def test_a_forged_part_signed_by_another_key_is_refused(officer, tmp_path):
    digitised_day(officer, tmp_path)
    run_export(DAY, tmp_path / "usb", by=acting_officer(), now=at(DAY, 18))
    part = tmp_path / "usb" / files_file_name(AGENCY, DAY)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    impostor = Ed25519PrivateKey.generate()
    forged = repack(members_of(part), impostor.sign)
    try:
        companion.open_part(forged, agency=AGENCY, day=DAY, trust=own_trust(), province_key=None, name=part.name)
    except companion.CompanionError as exc:
        assert "Chữ ký số không khớp" in str(exc)
    else:
        raise AssertionError("a part signed by another key was accepted")


def test_a_version_1_day_file_still_verifies_and_applies(officer, tmp_path):
    """A file as version 1 wrote it: no digitisation fields, no ``files`` in the manifest."""
    digitised_day(officer, tmp_path)
    result = run_export(DAY, tmp_path / "v2", by=acting_officer(), now=at(DAY, 18))
    members = dict(members_of(result.path))
    v2_only = ("HoSoCoThanhPhanSoHoa", "SoGiayToChuHoSo", "NgayNopHoSo", "NoiNopHoSo", "DuocThanhToanTrucTuyen")
    doc = json.loads(members["hoso.json"])
    for record in doc["HoSo"]:
        for name in v2_only:
            del record[name]
        # Version 1 typed the portal's codes as integers, and named a supplement round by uid.
        for name in ("KenhThucHien", "LoaiDoiTuong", "TrangThaiHoSo", "HinhThuc"):
            record[name] = int(record[name])
        for identity in record["DinhDanhCHS"]:
            identity["LoaiDinhDanh"] = int(identity["LoaiDinhDanh"])
        for fee in record["DanhSachLePhi"]:
            fee["Gia"] = int(fee["Gia"])
        for supplement in record["DanhSachHoSoBoSung"]:
            supplement["HoSoBoSungId"] = f"{supplement['HoSoBoSungId']:032x}"
        record["TaiLieuNop"] = [{k: d[k] for k in ("ThuTu", "TenTepDinhKem", "SoBanChinh", "SoBanSao")}
                                for d in record["TaiLieuNop"]]
        record["DanhSachGiayToKetQua"] = []
    doc["header"]["schema_version"] = 1
    events = json.loads(members["tiendo.json"])
    events["header"]["schema_version"] = 1
    for event in events["TienDo"]:
        event["TrangThai"] = int(event["TrangThai"])
    hoso, tiendo = canonical_json(doc), canonical_json(events)
    manifest = json.loads(members["manifest.json"])
    manifest["schema_version"] = 1
    del manifest["files"]
    manifest["members"]["hoso.json"].update(sha256=sha256_hex(hoso), size=len(hoso))
    manifest["members"]["tiendo.json"].update(sha256=sha256_hex(tiendo), size=len(tiendo))
    v1 = tmp_path / "v1" / result.path.name
    v1.parent.mkdir()
    v1.write_bytes(repack([("manifest.json", canonical_json(manifest)), ("hoso.json", hoso),
                           ("tiendo.json", tiendo)], agency_signing_key().sign))

    report = verify_file(v1, trust=own_trust())
    assert report.ok and report.content_checked, report.problems
    summary = apply_files([v1], str(tmp_path / "central.sqlite3"), trust=own_trust())
    assert summary.clean and summary.files[0].status == "applied" and summary.files[0].copies is None
    assert summary.counts()["dossiers_new"] == 3
