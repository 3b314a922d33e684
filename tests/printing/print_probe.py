"""Reading PDFs back for the printing tests: text, word boxes, embedded
fonts and barcodes, plus the layout checks every form must pass.

Reading back uses poppler's command line tools and zxing-cpp. Where a tool
is missing the test is skipped on a developer's machine, but fails under CI
(CI=true), where .ci/run must have installed it. (A module of its own, with
a name no other test folder uses, because test modules cannot import from
``conftest`` reliably when several test folders are collected together.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest

from printing import RegisterRow

IN_CI = os.environ.get("CI") == "true"


def skip_or_fail(reason: str) -> None:
    """Skip locally; under CI a missing prerequisite is a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the environment must provide it)")
    pytest.skip(reason)


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} is not installed (Debian package poppler-utils)")
    return path


def register_rows(count: int) -> list[RegisterRow]:
    procedures = (
        "Đăng ký khai sinh",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp",
    )
    return [
        RegisterRow(
            code=f"000.00.24.H12-2602{1 + i % 28:02d}-{i + 1:04d}",
            procedure_name=procedures[i % 2],
            applicant_name=f"Trần Văn Đức {i + 1}",
            address_phone="Thôn Đồng Bùa, xã Tam Đảo; 0912 345 678",
            resolving_unit="UBND xã Tam Đảo",
            received_at=datetime(2026, 2, 1 + i % 28, 8, 15),
            due_at=datetime(2026, 3, 1 + i % 28, 16, 45),
            returned_at=datetime(2026, 3, 2, 10, 5) if i % 3 else None,
            return_method="Trực tiếp" if i % 2 else "Bưu chính công ích",
        )
        for i in range(count)
    ]


# --- reading PDFs back -------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class PageWords:
    width: float
    height: float
    words: list[Word]


def flat(text: str) -> str:
    """Whitespace collapsed, so that wrapped lines compare as one."""
    return " ".join(text.split())


class PdfProbe:
    """Reads a PDF back with poppler and zxing-cpp."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._n = 0

    def _file(self, pdf: bytes) -> Path:
        self._n += 1
        path = self.workdir / f"doc{self._n}.pdf"
        path.write_bytes(pdf)
        return path

    def pages_text(self, pdf: bytes) -> list[str]:
        """Text of each page (pdftotext, reading order), NFC checked."""
        exe = need_tool("pdftotext")
        out = subprocess.run(
            [exe, "-enc", "UTF-8", str(self._file(pdf)), "-"], capture_output=True, check=True
        )
        text = out.stdout.decode("utf-8")
        assert unicodedata.is_normalized("NFC", text), "extracted text is not NFC"
        pages = text.split("\f")
        if pages and not pages[-1].strip():
            pages.pop()
        return pages

    def text(self, pdf: bytes) -> str:
        return flat(" ".join(self.pages_text(pdf)))

    def words(self, pdf: bytes) -> list[PageWords]:
        """Word boxes per page (pdftotext -bbox), top-left origin, points."""
        exe = need_tool("pdftotext")
        out = subprocess.run(
            [exe, "-bbox", "-enc", "UTF-8", str(self._file(pdf)), "-"], capture_output=True, check=True
        )
        html = out.stdout.decode("utf-8")
        pages = []
        for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
            words = [
                Word(
                    unescape(m.group(5)),
                    float(m.group(1)),
                    float(m.group(2)),
                    float(m.group(3)),
                    float(m.group(4)),
                )
                for m in re.finditer(
                    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>',
                    page.group(3),
                )
            ]
            pages.append(PageWords(float(page.group(1)), float(page.group(2)), words))
        return pages

    def rasterise(self, pdf: bytes, dpi: int = 200) -> list[Path]:
        exe = need_tool("pdftoppm")
        src = self._file(pdf)
        prefix = src.with_suffix("")
        # Uncompressed PGM: writing PNG would take most of the test's time.
        subprocess.run([exe, "-r", str(dpi), "-gray", str(src), str(prefix)], check=True)
        return sorted(self.workdir.glob(f"{prefix.name}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))

    def barcodes(self, pdf: bytes, dpi: int = 200) -> list[dict[str, list]]:
        """Per page: {"code128": [...], "qr": [...]} decoded by zxing-cpp."""
        import zxingcpp
        from PIL import Image

        result = []
        for page in self.rasterise(pdf, dpi):
            with Image.open(page) as image:
                found = zxingcpp.read_barcodes(
                    image, formats=(zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.QRCode)
                )
            result.append(
                {
                    "code128": [r for r in found if r.format == zxingcpp.BarcodeFormat.Code128],
                    "qr": [r for r in found if r.format == zxingcpp.BarcodeFormat.QRCode],
                }
            )
        return result

    # --- layout checks shared by the form tests ---

    def check_inside_page(self, pdf: bytes, inset_mm: float = 4.0) -> None:
        """Every word lies inside the page, clear of the unprintable edge."""
        inset = inset_mm * 72 / 25.4
        for number, page in enumerate(self.words(pdf), start=1):
            for w in page.words:
                assert w.x0 >= inset and w.y0 >= inset, f"page {number}: {w} too near the top/left edge"
                assert w.x1 <= page.width - inset and w.y1 <= page.height - inset, (
                    f"page {number}: {w} beyond the right/bottom edge"
                )

    def check_no_overlap(self, pdf: bytes, tolerance: float = 0.5) -> None:
        """No two words share ink: long text wrapped and flowed, not overprinted."""
        for number, page in enumerate(self.words(pdf), start=1):
            words = sorted(page.words, key=lambda w: w.y0)
            for i, a in enumerate(words):
                for b in words[i + 1 :]:
                    if b.y0 >= a.y1 - tolerance:
                        break
                    dx = min(a.x1, b.x1) - max(a.x0, b.x0)
                    dy = min(a.y1, b.y1) - max(a.y0, b.y0)
                    assert dx <= tolerance or dy <= tolerance, f"page {number}: {a} overlaps {b}"

    def check_fonts_embedded(self, pdf: bytes) -> set[str]:
        """Every font used is a TrueType font embedded (/FontFile2); returns their names."""
        import io

        from pypdf import PdfReader

        names: set[str] = set()

        def visit(resources: object) -> None:
            if resources is None:
                return
            resources = resources.get_object()
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor")
                assert descriptor is not None, f"font {font.get('/BaseFont')} is not embedded"
                assert "/FontFile2" in descriptor.get_object(), (
                    f"font {font.get('/BaseFont')} has no /FontFile2"
                )
                names.add(str(font["/BaseFont"]))
            for xobject in (resources.get("/XObject") or {}).values():
                visit(xobject.get_object().get("/Resources"))

        reader = PdfReader(io.BytesIO(pdf))
        for page in reader.pages:
            visit(page.get("/Resources"))
        assert names, "no fonts found"
        return names

    def check_layout(self, pdf: bytes) -> None:
        self.check_fonts_embedded(pdf)
        self.check_inside_page(pdf)
        self.check_no_overlap(pdf)
