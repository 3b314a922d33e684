"""A zoo of hostile day files mixed with good ones in one apply-sync: each bad file is refused
with its own message, the good ones are applied and acknowledged, nothing prints a traceback,
and no file of up to 50 MB makes the importer use more than 300 MB of memory."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hostile_files import (
    MB,
    canonical,
    deep,
    json_records,
    patch_declared_size,
    random_bytes,
    resign,
    signed_zip,
    with_member,
    zeros,
)
from sync_fixtures import DAY, at, busy_day, central_state, intake, members_of, own_trust

from cli.app import run
from sync.container import MAX_FILE, MAX_MEMBER
from sync.export import export_day
from sync.keys import agency_public_key_document, agency_signing_key, b64, key_id, raw_public
from sync.verify import verify_file

# commands run in-process sign in as scripts do (MOTCUA_PASSWORD)
pytestmark = pytest.mark.usefixtures("signed_in")

DAY2, DAY3 = DAY + timedelta(days=1), DAY + timedelta(days=2)
ROOT = Path(__file__).resolve().parents[2]


def members_of_bytes(blob: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def _manifest_text(members, change) -> list[tuple[str, bytes]]:
    """The members with the manifest's JSON text rewritten by ``change(text)``."""
    return [(n, change(d.decode()).encode() if n == "manifest.json" else d) for n, d in members]


@pytest.fixture
def inbox(officer, tmp_path) -> dict[str, Path]:
    """Two good files and every kind of bad one, in one folder."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    busy_day(officer, DAY)
    good1 = export_day(DAY, folder, by=officer, now=at(DAY, 18))
    intake(officer, at(DAY2, 9), number="001090099999")
    good2 = export_day(DAY2, folder, by=officer, now=at(DAY2, 18))
    intake(officer, at(DAY3, 9), number="001090088888")
    third = export_day(DAY3, tmp_path / "third", by=officer, now=at(DAY3, 18))
    sign = agency_signing_key().sign
    members = members_of(good2)
    files = {"good1": good1, "good2": good2}

    def put(name: str, data: bytes) -> None:
        path = folder / f"{name}.zip"
        path.write_bytes(data)
        files[name] = path

    put("a_zip_slip", signed_zip(members + [("../../../etc/passwd", b"root::0:0")], sign, DAY2))
    put("b_bomb", with_member(members, "hoso.json", zeros(200 * MB), sign, DAY2))
    third_blob = third.read_bytes()
    put("c_lying_smaller", resign(patch_declared_size(third_blob, b"hoso.json", 10), sign))
    put("c_lying_bigger", resign(patch_declared_size(third_blob, b"hoso.json", 0x7FFFFFF0), sign))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name, as it should
        put("d_duplicate", signed_zip(members + [("hoso.json", b"{}")], sign, DAY2))
    put("e_deep_manifest", signed_zip([("manifest.json", b"[" * 200_000)] + members[1:], sign, DAY2))
    put("f_deep_member", with_member(members, "hoso.json", deep(200_000), sign, DAY2))
    put("g_huge_int", signed_zip(_manifest_text(members, lambda t: t.replace(
        '"revision":1', '"revision":' + "9" * 30)), sign, DAY2))
    put("h_5000_digits", signed_zip(_manifest_text(members, lambda t: t.replace(
        '"revision":1', '"revision":1' + "0" * 5000)), sign, DAY2))
    put("i_over_the_schema", signed_zip(_manifest_text(members, lambda t: t.replace(
        '"revision":1', f'"revision":{2**40}')), sign, DAY2))
    put("j_nan", signed_zip(_manifest_text(members, lambda t: t.replace('"revision":1', '"revision":NaN')),
                            sign, DAY2))
    put("k_many_members", signed_zip(members + [(f"x{i}", b"") for i in range(1000)], sign, DAY2))
    impostor = Ed25519PrivateKey.generate()
    public = raw_public(impostor.public_key())
    forged = _manifest_text(members, lambda t: t.replace(
        json.loads(t)["signer"]["public_key"], b64(public)).replace(json.loads(t)["signer"]["key_id"], key_id(public)))
    put("l_foreign_signature", signed_zip(forged, impostor.sign, DAY2))
    put("m_truncated", good2.read_bytes()[:-500])
    put("n_empty", b"")
    put("o_not_a_zip", "MaHoSo;ChuHoSo\n000.00.24.H12-260303-0001;Nguyễn Thị Hằng\n".encode())
    files["p_too_large"] = random_bytes(folder / "p_too_large.zip", MAX_FILE + MB)
    doc = json.loads(dict(members_of(third))["hoso.json"])
    doc["HoSo"][0]["NgayTiepNhan"] = "20261399000000"  # 14 digits, not a real moment
    put("q_unreal_date", with_member(members_of(third), "hoso.json", canonical(doc), sign, DAY3))
    (folder / "r_a_folder.zip").mkdir()
    files["r_a_folder"] = folder / "r_a_folder.zip"
    return files


EXPECTED = {  # file → (status, a phrase of its own message)
    "a_zip_slip": ("refused", "thành phần lạ “../../../etc/passwd”"),
    "b_bomb": ("refused", "quá lớn"),
    "c_lying_smaller": ("refused", "bị hỏng: dữ liệu nén không giải được"),
    "d_duplicate": ("refused", "trùng tên"),
    "e_deep_manifest": ("refused", "lồng nhau quá sâu"),
    "f_deep_member": ("refused", "lồng nhau quá sâu"),
    "g_huge_int": ("refused", "số nguyên quá lớn"),
    "h_5000_digits": ("refused", "số nguyên quá lớn"),
    "i_over_the_schema": ("refused", "“revision”: giá trị ngoài khoảng cho phép"),
    "j_nan": ("refused", "NaN"),
    "k_many_members": ("refused", "khai báo 1003 thành phần"),
    "l_foreign_signature": ("refused", "không phải khóa đã đăng ký của cơ quan"),
    "m_truncated": ("refused", "cắt cụt"),
    "n_empty": ("refused", "Tệp rỗng (0 byte)"),
    "o_not_a_zip": ("refused", "không phải tệp ZIP"),
    "p_too_large": ("refused", "Tệp quá lớn"),
    "r_a_folder": ("refused", "là một thư mục"),
}


def test_hostile_files_among_good_ones_are_each_refused_and_the_rest_applied(inbox, tmp_path, db_path):
    central = tmp_path / "central.sqlite3"
    keyring = tmp_path / "keyring.json"
    keyring.write_text(json.dumps(agency_public_key_document()), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = run(["--json", "apply-sync", str(inbox["good1"].parent), "--into", str(central),
                    "--pubkey", str(keyring)])
    assert code == 1  # something was refused
    assert "Traceback" not in err.getvalue() + out.getvalue()
    summary = json.loads(out.getvalue())
    names = {path.stem: name for name, path in inbox.items()}
    outcomes = {names[Path(o["path"]).stem]: o for o in summary["outcomes"]}
    assert set(outcomes) == set(inbox)
    for name, (status, phrase) in EXPECTED.items():
        assert outcomes[name]["status"] == status, (name, outcomes[name])
        assert phrase in outcomes[name]["message"], (name, outcomes[name]["message"])
    messages = [outcomes[n]["message"] for n in EXPECTED]
    assert len(set(messages)) >= len(messages) - 3  # each its own message (a few share a cause)
    # The good files, the file that only lied about a size, and the one with a bad date.
    assert {n: outcomes[n]["status"] for n in ("good1", "good2", "c_lying_bigger", "q_unreal_date")} == {
        "good1": "applied", "good2": "applied", "c_lying_bigger": "applied", "q_unreal_date": "applied"}
    (rejected,) = outcomes["q_unreal_date"]["rejected"]
    assert "NgayTiepNhan" in rejected["reason"] and "không phải ngày giờ có thật" in rejected["reason"]
    dossiers, _events = central_state(str(central))
    # Day 1 (5), day 2 (1) and day 3 (1) from the file whose zip only lied about a size; the
    # same dossier's record with the bad date was rejected by name.
    assert len(dossiers) == 5 + 1 + 1
    # One acknowledgement, beside the files, listing the good and the refused files it could name.
    (ack,) = summary["acks"]
    assert Path(ack).parent == inbox["good1"].parent
    listed = json.loads(Path(ack).read_text(encoding="utf-8"))["files"]
    assert {(f["day"], f["status"]) for f in listed} >= {("2026-03-02", "applied"), ("2026-03-03", "applied"),
                                                          ("2026-03-03", "refused")}


MEMORY_LIMIT_MB = 300
_MEASURE = """
import json, resource, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from sync.apply import apply_files
from sync.keys import Trust, unb64
doc = json.loads(Path(sys.argv[2]).read_text())
trust = Trust()
trust.add(doc["agency_code"], unb64(doc["public_key"]))
summary = apply_files([sys.argv[1]], sys.argv[3], trust=trust, write_acks=False)
try:  # Linux: the high-water mark of this process image (ru_maxrss keeps the forking parent's)
    status = Path("/proc/self/status").read_text()
    peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1])
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = peak // 1024 if sys.platform == "darwin" else peak
print(json.dumps({{"status": summary.files[0].status, "peak_kb": peak}}))
"""


def test_no_file_up_to_50_mb_makes_the_importer_use_more_than_300_mb(officer, tmp_path):
    pytest.importorskip("resource")  # POSIX; CI runs this on Linux
    busy_day(officer)
    good = export_day(DAY, tmp_path / "good", by=officer, now=at(DAY, 18))
    members, sign = members_of(good), agency_signing_key().sign
    keyring = tmp_path / "key.json"
    keyring.write_text(json.dumps(agency_public_key_document()), encoding="utf-8")
    cases = {
        # deflated zeros that inflate to 2,000 MB (the manifest says so too)
        "bomb": with_member(members, "hoso.json", zeros(2000 * MB, chunk=16 * MB), sign, DAY,
                            declared=2000 * MB),
        # a member stored as it is, 47 MB of small records, signed and hashed right: parsed in full
        "wide": with_member(members, "hoso.json", json_records(47 * MB), sign, DAY,
                            stored=frozenset({"hoso.json"})),
        # 47 MB of "[" stored, signed and hashed right
        "deep": with_member(members, "hoso.json", deep(47 * MB), sign, DAY, stored=frozenset({"hoso.json"})),
        # just under the member limit, so parsed in full: the most a file can make us hold
        "wide_under_limit": with_member(members, "hoso.json", json_records(MAX_MEMBER - MB), sign, DAY),
        "deep_under_limit": with_member(members, "hoso.json", deep(MAX_MEMBER - MB), sign, DAY),
        # both record members just under the limit and stored: a 46 MB file, all of it parsed
        "both_under_limit": with_member(
            [(n, b"" if n == "hoso.json" else d) for n, d in members_of_bytes(with_member(
                members, "tiendo.json", json_records(MAX_MEMBER - MB), sign, DAY,
                stored=frozenset({"tiendo.json"})))],
            "hoso.json", json_records(MAX_MEMBER - MB), sign, DAY,
            stored=frozenset({"hoso.json", "tiendo.json"})),
        # the zip says the member is 2 GB
        "lying": resign(patch_declared_size(good.read_bytes(), b"hoso.json", 0x7FFFFFF0), sign),
    }
    cases["valid_under_limit"] = _many_valid_records(members, sign, MAX_MEMBER - MB)
    cases["random"] = random_bytes(tmp_path / "random.zip", 50 * MB).read_bytes()
    script = _MEASURE.format(root=str(ROOT))
    peaks = {}
    for name, data in cases.items():
        assert len(data) <= 50 * MB + MB, name
        path = tmp_path / f"{name}.zip"
        path.write_bytes(data)
        result = subprocess.run([sys.executable, "-c", script, str(path), str(keyring),
                                 str(tmp_path / f"central-{name}.sqlite3")],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        measured = json.loads(result.stdout)
        peaks[name] = (measured["status"], measured["peak_kb"] // 1024)
    print("peak memory (MB) per input:", peaks)
    for name, (_status, peak_mb) in peaks.items():
        assert peak_mb < MEMORY_LIMIT_MB, (name, peak_mb)
    assert peaks["bomb"][0] == peaks["deep"][0] == peaks["random"][0] == "refused"


def _many_valid_records(members, sign, size: int) -> bytes:
    """A sound, signed file whose hoso.json is ``size`` bytes of valid, distinct records:
    verified, parsed and applied in full (the honest worst case)."""
    doc = json.loads(dict(members)["hoso.json"])
    template = doc["HoSo"][0]
    one = len(canonical(template)) + 1
    records = []
    for i in range(size // one):
        record = dict(template, Uid=f"{i:032x}", MaHoSo=f"000.00.24.H12-260302-{i + 1:05d}")
        records.append(record)
    body = canonical(dict(doc, HoSo=records))
    out = []
    for name, data in members:
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["counts"]["HoSo"] = manifest["members"]["hoso.json"]["count"] = len(records)
            data = canonical(manifest)
        out.append((name, data))
    return with_member(out, "hoso.json", body, sign, DAY)


def test_verify_sync_names_every_problem_without_a_traceback(inbox, capsys):
    for name, path in inbox.items():
        if name == "r_a_folder":
            continue
        report = verify_file(path, trust=own_trust())
        assert name.startswith(("good", "c_lying_bigger", "q_")) == report.file_ok, name
        if not report.file_ok:
            assert report.problems and all(p.message for p in report.problems), name


def test_a_zip_that_names_members_with_paths_is_never_extracted(inbox, tmp_path):
    before = {p.name for p in tmp_path.rglob("*")}
    verify_file(inbox["a_zip_slip"], trust=own_trust())
    assert {p.name for p in tmp_path.rglob("*")} == before
    with zipfile.ZipFile(inbox["a_zip_slip"]) as archive:
        assert "../../../etc/passwd" in archive.namelist()
