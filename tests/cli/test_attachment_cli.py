"""The digitisation commands as a script or an officer types them."""
from __future__ import annotations

import hashlib

from tests.cli.conftest import intake_json, js

TWO_PAPERS = [{"name": "Tờ khai đề nghị cấp giấy xác nhận tình trạng hôn nhân", "originals": 1, "copies": 0}, {"name": "Giấy tờ chứng minh tình trạng hôn nhân", "originals": 1, "copies": 0}]
from tests.scans import jpeg_bytes, tiff_bytes, write_jpeg_pages


def test_attach_list_show_and_write_out(cli, tmp_path):
    code = js(cli("intake", "--from-json", "-", "--json", stdin=intake_json(documents=TWO_PAPERS)))["code"]
    pages = write_jpeg_pages(tmp_path / "scan", 2)
    copy = js(cli("attach", code, *map(str, pages), "--paper", "1", "--json"))
    assert (copy["paper"], copy["kind"], copy["pages"]) == (1, "paper", 2)
    tiff = tmp_path / "giay-to-2.tif"
    tiff.write_bytes(tiff_bytes(1))
    shown = cli("attach", code, str(tiff)).stdout  # no --paper: the next paper without a copy
    assert "Giấy tờ 2" in shown

    listed = js(cli("attachments", code, "--json"))
    assert [(a["paper"], a["kind"]) for a in listed] == [(1, "paper"), (2, "paper")]
    assert set(listed[0]) >= {"sha256", "paper", "kind", "pages", "bytes", "attached_at", "officer"}
    assert js(cli("show", code, "--json"))["attachments"] == listed

    out = tmp_path / "ra.pdf"
    cli("attachment", code, copy["sha256"], "--out", str(out))
    assert hashlib.sha256(out.read_bytes()).hexdigest() == copy["sha256"]
    refused = cli("attachment", code, copy["sha256"], "--out", str(out), expect=2)
    assert "không ghi đè" in refused.stderr


def test_result_reuse_and_refusals(cli, tmp_path):
    first = js(cli("intake", "--from-json", "-", "--json", stdin=intake_json(documents=TWO_PAPERS)))["code"]
    scan = tmp_path / "cccd.jpg"
    scan.write_bytes(jpeg_bytes(1))
    earlier = js(cli("attach", first, str(scan), "--paper", "1", "--json"))
    second = js(cli("intake", "--from-json", "-", "--json", stdin=intake_json(documents=TWO_PAPERS)))["code"]
    offers = js(cli("attachments", second, "--offers", "--json"))
    assert [o["sha256"] for o in offers] == [earlier["sha256"]]
    reused = js(cli("attach", second, "--paper", "1", "--reuse", earlier["sha256"], "--json"))
    assert reused["reused"] is True and reused["sha256"] == earlier["sha256"]

    result = js(cli("attach", second, str(scan), "--result", "--json"))
    assert (result["kind"], result["paper"]) == ("result", None)

    text = tmp_path / "ghi-chu.pdf"
    text.write_text("chỉ là chữ")
    assert "không phải PDF, JPEG, PNG hay TIFF" in cli("attach", second, str(text), expect=2).stderr
    cli("attachment-settings", "--max-mb", "1")
    big = tmp_path / "lon.jpg"
    big.write_bytes(jpeg_bytes(1) + b"\0" * (1024 * 1024 + 1))
    assert "lớn hơn giới hạn 1,0 MB" in cli("attach", second, str(big), "--paper", "1", expect=2).stderr
    assert "không dùng cùng với --paper" in cli("attach", second, "--paper", "1", "--result", str(scan),
                                                 expect=2).stderr
    assert len(js(cli("attachments", second, "--json"))) == 2
