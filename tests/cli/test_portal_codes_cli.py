"""Titles and field codes as a commune's IT admin sets them from the command line, and the
notes ``export-sync`` prints while some are missing."""
from __future__ import annotations

from tests.cli.conftest import intake_json, js


def test_titles_and_field_codes_from_the_command_line(cli, tmp_path):
    cli("officers", "add", "lan", "--full-name", "Nguyễn Thị Lan", "--password", "matkhau-lan",
        "--title", "Công chức Tư pháp - Hộ tịch")
    listed = {o["username"]: o for o in js(cli("officers", "list", "--json"))}
    assert listed["lan"]["title"] == "Công chức Tư pháp - Hộ tịch" and listed["admin"]["title"] == ""
    assert "Nguyễn Thị Lan – Công chức Tư pháp - Hộ tịch" in cli("officers", "list").stdout

    cli("intake", "--from-json", "-", stdin=intake_json(received_at=None))
    out = cli("export-sync", "--out", str(tmp_path / "a")).stdout
    assert "Lưu ý: Lĩnh vực “Hộ tịch” chưa có mã lĩnh vực (MaLinhVuc): 1 hồ sơ" in out
    assert "Lưu ý: Tài khoản “admin” chưa có chức danh" in out

    fields = {f["name"]: f for f in js(cli("catalog", "fields", "--json"))}
    assert fields["Hộ tịch"]["code"] == "" and fields["Hộ tịch"]["procedures"] > 1
    changed = js(cli("catalog", "field-code", "Hộ tịch", "G09.HT", "--json"))
    assert changed["procedures"] == fields["Hộ tịch"]["procedures"]
    assert "Không có lĩnh vực" not in cli("catalog", "fields").stdout
    assert "G09.HT" in cli("catalog", "fields").stdout
    refused = cli("catalog", "field-code", "Hộ tich", "G09.HT", expect=2)  # a typo in the name
    assert "Danh mục không có lĩnh vực “Hộ tich”" in refused.stderr
    cli("officers", "update", "admin", "--title", "Chủ tịch UBND xã")
    assert js(cli("export-sync", "--out", str(tmp_path / "b"), "--json"))["warnings"] == []
    refused = cli("catalog", "field-code", "Hộ tịch", "X1", "--officer", "lan", expect=2, password="matkhau-lan")
    assert "Tài khoản lan (vai trò cán bộ một cửa) không được nhập, sửa danh mục thủ tục" in refused.stderr
    assert {f["name"]: f["code"] for f in js(cli("catalog", "fields", "--json"))}["Hộ tịch"] == "G09.HT"
