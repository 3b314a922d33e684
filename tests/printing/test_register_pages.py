"""The register (sổ theo dõi hồ sơ): A4 landscape, paginated, column headers
on every page, page numbers and the total."""

from __future__ import annotations

import re
from datetime import date, datetime

from print_probe import flat, register_rows

from printing import FormSettings, RegisterData, render_register

COLUMN_HEADS = (
    "STT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Tên tổ chức, cá nhân",
    "Địa chỉ/SĐT",
    "Cơ quan chủ trì giải quyết",
    "Nhận và trả kết quả",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Trả kết quả",
    "Phương thức nhận kết quả",
    "Ký nhận",
)


def _register(count: int) -> RegisterData:
    return RegisterData(
        rows=register_rows(count),
        date_from=date(2026, 2, 1),
        date_to=date(2026, 2, 28),
        issued_at=datetime(2026, 3, 1, 17, 0),
        volume="02",
    )


def test_120_rows_paginate_with_repeated_headers(settings: FormSettings, probe) -> None:
    data = _register(120)
    pdf = render_register(data, settings)
    pages = probe.pages_text(pdf)
    total = len(pages)
    assert total >= 5
    for number, page in enumerate(pages, start=1):
        words = set(flat(page).split())
        for head in COLUMN_HEADS:
            # Narrow header cells wrap, so compare words rather than phrases.
            assert set(head.split()) <= words, f"page {number}: header {head!r} missing"
        assert f"Trang {number}/{total}" in flat(page)
        assert ("Tổng số: 120 hồ sơ" in flat(page)) == (number == total)
    assert "SỔ THEO DÕI HỒ SƠ" in flat(pages[0])
    # Every dossier exactly once, in order (codes may break after a hyphen).
    joined = re.sub(r"\s+", "", " ".join(pages))
    positions = [joined.find(row.code) for row in data.rows]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    assert all(joined.count(row.code) == 1 for row in data.rows)


def test_register_is_landscape_and_clean(settings: FormSettings, probe) -> None:
    pdf = render_register(_register(40), settings)
    pages = probe.words(pdf)
    assert {(round(p.width), round(p.height)) for p in pages} == {(842, 595)}
    probe.check_layout(pdf)


def test_register_cells(settings: FormSettings, probe) -> None:
    data = _register(3)
    text = probe.text(render_register(data, settings))
    for expected in (
        "08:15 01/02/2026",
        "16:45 01/03/2026",
        "Trần Văn Đức 2",
        "Bưu chính công ích",
        "Trực tiếp",
    ):
        assert expected in text
    assert "Tổng số: 3 hồ sơ" in text
    assert "Trang 1/1" in text


def test_empty_register(settings: FormSettings, probe) -> None:
    text = probe.text(render_register(_register(0), settings))
    assert "Không có hồ sơ nào trong khoảng thời gian này." in text
    assert "Tổng số: 0 hồ sơ" in text
