"""Scans and files into one compact PDF per paper.

What a file is, is read from its first bytes (magic numbers), never from its name: PDF, JPEG,
PNG and TIFF are accepted. Images become PDF pages at their own resolution (a 300 dpi A4 scan
stays a 300 dpi A4 page): a JPEG is embedded as it is (reportlab passes its DCT stream
through, no second lossy compression), PNG and TIFF frames are embedded losslessly, and a
multi-page TIFF gives one page per frame. Several files for one paper (page by page scans, or
a PDF and a photo) become one PDF, in the order given (pypdf joins the parts).
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from .errors import ValidationError

PDF, JPEG, PNG, TIFF = "pdf", "jpeg", "png", "tiff"
KIND_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", TIFF: "TIFF"}
DEFAULT_DPI = 200  # a photo from a camera carries no resolution: 200 dpi is a legible A4 page
MAX_PAGES = 500


def sniff(data: bytes) -> str | None:
    """The kind of file by its first bytes, or None for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"II*\x00") or data.startswith(b"MM\x00*"):
        return TIFF
    return None


@dataclass(frozen=True)
class Converted:
    pdf: bytes
    pages: int


def _refused(label: str, reason: str) -> ValidationError:
    return ValidationError({"file": f"Tệp {label}: {reason}"})


def _image_pages(data: bytes, kind: str, label: str) -> bytes:
    """One PDF with a page per frame of the image."""
    from PIL import Image, ImageSequence, UnidentifiedImageError
    from reportlab import rl_config
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise _refused(label, f"ảnh {KIND_NAMES[kind]} bị hỏng hoặc không đọc được.") from None
    out = io.BytesIO()
    # Binary image streams: reportlab's default ASCII85 text encoding makes a scan 25 % bigger.
    # (Read when each image is added; a form printed at the same time is valid either way.)
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        _draw_frames(canvas.Canvas(out, pageCompression=1), image, data if kind == JPEG else None,
                     label, ImageReader, ImageSequence, Image)
    finally:
        rl_config.useA85 = saved
    return out.getvalue()


def _draw_frames(pdf, image, jpeg: bytes | None, label: str, ImageReader, ImageSequence, Image) -> None:
    pdf.setCreator("MotCua")
    for index, frame in enumerate(ImageSequence.Iterator(image)):
        if index >= MAX_PAGES:
            raise _refused(label, f"có quá {MAX_PAGES} trang.")
        dpi = frame.info.get("dpi") or (DEFAULT_DPI, DEFAULT_DPI)
        x_dpi, y_dpi = (float(d) if d and float(d) >= 50 else DEFAULT_DPI for d in dpi[:2])
        width, height = frame.size[0] * 72 / x_dpi, frame.size[1] * 72 / y_dpi
        if jpeg is not None:
            reader = ImageReader(io.BytesIO(jpeg))  # the JPEG's own bytes, passed through
        else:
            page = frame.copy()
            if page.mode not in ("1", "L", "RGB"):
                page = page.convert("RGBA" if "A" in page.mode or "transparency" in page.info else "RGB")
                if page.mode == "RGBA":
                    white = Image.new("RGB", page.size, "white")
                    white.paste(page, mask=page.split()[3])
                    page = white
            if page.mode == "1":
                page = page.convert("L")
            reader = ImageReader(page)
        pdf.setPageSize((width, height))
        pdf.drawImage(reader, 0, 0, width=width, height=height)
        pdf.showPage()
    pdf.save()


def _pdf_pages(data: bytes, label: str):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refused(label, "PDF có mật khẩu; hãy lưu bản không đặt mật khẩu.")
        count = len(reader.pages)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise _refused(label, "PDF bị hỏng hoặc không đọc được.") from None
    if count == 0:
        raise _refused(label, "PDF không có trang nào.")
    return reader


def to_pdf(parts: list[tuple[str, bytes]]) -> Converted:
    """``parts``: (label for messages, bytes) in page order → one PDF and its page count."""
    if not parts:
        raise ValidationError({"file": "Chưa chọn tệp nào."})
    from pypdf import PdfReader, PdfWriter

    readers = []
    for label, data in parts:
        kind = sniff(data)
        if kind is None:
            raise _refused(label, "không phải PDF, JPEG, PNG hay TIFF (kiểm tra theo nội dung tệp, "
                                  "không theo tên).")
        if kind == PDF:
            readers.append((data, _pdf_pages(data, label)))
        else:
            pdf = _image_pages(data, kind, label)
            readers.append((pdf, PdfReader(io.BytesIO(pdf))))
    if len(readers) == 1:
        data, reader = readers[0]
        return Converted(data, len(reader.pages))
    writer = PdfWriter()
    for _data, reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    if len(writer.pages) > MAX_PAGES:
        raise ValidationError({"file": f"Một bản điện tử tối đa {MAX_PAGES} trang."})
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    return Converted(out.getvalue(), len(writer.pages))


def page_count(pdf: bytes) -> int:
    return len(_pdf_pages(pdf, "PDF").pages)
