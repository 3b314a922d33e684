"""The 80 mm slip through the print dispatcher: the page a 203 dpi thermal printer receives, and
a real job through CUPS that keeps the slip's own paper size."""
from __future__ import annotations

import io
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from test_dispatch_print import _lpstat, cups_pdf_output_dirs, cups_queue  # noqa: F401 (fixture)

from printing.slip import SlipData, render_slip

pytestmark = pytest.mark.usefixtures("qapp")
CODES = ["H12.22.01-260213-0001", "000.00.24.H12-260213-12345"]


def slip_pdf(code: str) -> bytes:
    return render_slip(SlipData(
        code=code, governing_body="UBND XÃ TAM ĐẢO", unit_name="BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
        applicant_name="Nguyễn Thị Hằng", procedure_name="Đăng ký khai sinh",
        received_at=datetime(2026, 2, 13, 9, 30), due_at=datetime(2026, 2, 13, 17, 0),
        time_limit_text="Trong ngày làm việc", result_place="Bộ phận Tiếp nhận và Trả kết quả xã Tam Đảo"))


def decode(image_path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    with Image.open(image_path) as image:
        return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)]


@pytest.mark.parametrize("code", CODES)
def test_the_page_a_203_dpi_printer_receives_scans(code, tmp_path):
    """What print_pdf paints for a printer of 203 dpi (a thermal head), decoded."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QImage, QPainter

    from printing import dispatch

    document, buffer = dispatch._load(slip_pdf(code))
    size = document.pagePointSize(0)
    width, height = round(size.width() / 72 * 203), round(size.height() / 72 * 203)
    assert 575 <= width <= 640  # 72–80 mm at 203 dpi
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    dispatch._paint_page(painter, document, 0, QRect(0, 0, width, height), 203)
    painter.end()
    buffer.close()
    path = tmp_path / "slip.png"
    image.save(str(path))
    assert decode(path) == [code]


def test_a_slip_printed_through_cups_keeps_its_paper(cups_queue, qtbot, tmp_path):  # noqa: F811
    from pypdf import PdfReader

    from printing import dispatch

    code = CODES[1]
    doc_name = f"motcua-slip-{uuid.uuid4().hex[:10]}"
    pdf = slip_pdf(code)
    assert dispatch.print_pdf(pdf, printer_name=cups_queue, page_size="PDF", doc_name=doc_name) == 1
    found: list[Path] = []

    def written() -> bool:
        found[:] = [p for d in cups_pdf_output_dirs() if d.is_dir() for p in d.glob(f"*{doc_name}*.pdf")]
        return bool(found) and found[0].stat().st_size > 0 and _lpstat("-o", cups_queue).stdout.strip() == ""
    qtbot.waitUntil(written, timeout=120_000)
    printed = found[0].read_bytes()
    found[0].unlink(missing_ok=True)
    [page] = PdfReader(io.BytesIO(printed)).pages
    expected = PdfReader(io.BytesIO(pdf)).pages[0]
    assert abs(float(page.mediabox.width) - float(expected.mediabox.width)) < 2  # 80 mm, not A4
    assert abs(float(page.mediabox.height) - float(expected.mediabox.height)) < 2
    # cups-pdf keeps the 600 dpi raster the dispatcher sent it (its queue says 1200 dpi).
    import subprocess

    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-", str(tmp_path / "out")],
                   input=printed, check=True)
    assert decode(next(tmp_path.glob("out*.png"))) == [code]
