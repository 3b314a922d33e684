"""A paper's number is the one printed on the receipt, everywhere: ``attach --paper N``,
``attachments --json``, the dossier's copies and the day file's ThuTu — also when some papers
were only shown (xuất trình), which the receipt lists after those handed in."""
from __future__ import annotations

import io
import re
import zipfile

from pypdf import PdfReader

from tests.cli.conftest import intake_json, js
from tests.scans import jpeg_bytes

# In the checklist's order: the identity card only shown comes first.
PAPERS = [{"name": "Căn cước công dân", "originals": 1, "copies": 0, "shown": True},
          {"name": "Tờ khai đề nghị cấp giấy xác nhận tình trạng hôn nhân", "originals": 1, "copies": 0},
          {"name": "Giấy tờ chứng minh nơi cư trú", "originals": 0, "copies": 1}]


def _numbers_on_receipt(pdf: bytes) -> dict[str, int]:
    """Each paper's name → the number printed before it on the receipt's first copy."""
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    numbers = {}
    for paper in PAPERS:
        found = re.search(r"(\d+)\.\s*" + re.escape(paper["name"][:20]), text)
        assert found, (paper["name"], text)
        numbers[paper["name"]] = int(found.group(1))
    return numbers


def test_the_number_printed_on_the_receipt_is_the_paper_attach_uses(cli, tmp_path):
    code = js(cli("intake", "--from-json", "-", "--json",
                  stdin=intake_json(received_at=None, documents=PAPERS)))["code"]
    receipt = tmp_path / "giay-tiep-nhan.pdf"
    cli("receipt", code, "--out", str(receipt))
    printed = _numbers_on_receipt(receipt.read_bytes())
    # The papers handed in from 1, then the one only shown, numbered on.
    assert printed == {PAPERS[1]["name"]: 1, PAPERS[2]["name"]: 2, PAPERS[0]["name"]: 3}

    scan = tmp_path / "cu-tru.jpg"
    scan.write_bytes(jpeg_bytes(1))
    residence = printed["Giấy tờ chứng minh nơi cư trú"]
    copy = js(cli("attach", code, str(scan), "--paper", str(residence), "--json"))
    assert copy["paper"] == residence
    identity = tmp_path / "cccd.jpg"
    identity.write_bytes(jpeg_bytes(2))
    cli("attach", code, str(identity), "--paper", str(printed["Căn cước công dân"]))

    listed = {a["paper"]: a for a in js(cli("attachments", code, "--json"))}
    shown = js(cli("show", code, "--json"))
    names = {d["name"]: i for i, d in enumerate(shown["documents"], start=1)}
    assert names == printed  # the dossier lists its papers as the receipt numbers them
    assert set(listed) == {residence, 3}
    assert "Giấy tờ 2: Giấy tờ chứng minh nơi cư trú" in cli("attachments", code).stdout

    # The day file: TaiLieuNop holds the papers handed in, ThuTu their number on the receipt.
    out = tmp_path / "usb"
    cli("export-sync", "--out", str(out))
    (day_file,) = out.glob("motcua-sync_*.zip")
    with zipfile.ZipFile(day_file) as archive:
        import json
        (record,) = json.loads(archive.read("hoso.json"))["HoSo"]
    assert [(d["ThuTu"], d["TenTepDinhKem"], d["DuocSoHoa"]) for d in record["TaiLieuNop"]] == [
        (1, PAPERS[1]["name"], "0"), (2, PAPERS[2]["name"], "1")]
    assert record["TaiLieuNop"][1]["MaBamSHA256"] == copy["sha256"]
