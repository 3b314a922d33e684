"""The print service: PDF bytes to a printer, through Qt.

Each PDF page is rasterised with QtPdf (PDFium) at the printer's resolution
and painted onto a QPrinter, so printing needs neither a PDF viewer nor a
driver that understands PDF. Only QtGui, QtPdf and QtPrintSupport are used,
never Qt's widget module (PySide6's QtPrintSupport binding loads that library
as its own dependency, but no widget and no QApplication is made here); it
works without a display (QT_QPA_PLATFORM=offscreen).

Call print_pdf off the GUI thread (see ui/'s background runner): Qt allows
painting on a QPrinter from a worker thread, and print_pdf creates its
QPrinter, QPainter and QPdfDocument in the thread that calls it. The
QGuiApplication itself must already exist in the main thread by then.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from . import windows_status

log = logging.getLogger(__name__)

# Rasterising above 600 dpi only makes the spooled job larger; laser printers
# at the counter print 600 dpi, and bars of 0.3 mm are 7 dots wide there.
MAX_DPI = 600
STRIP_ROWS = 1024  # render a page in strips to bound memory (A4 at 600 dpi is 140 MB ARGB)

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}

_STATES = {
    QPrinter.PrinterState.Idle: "idle",
    QPrinter.PrinterState.Active: "active",
    QPrinter.PrinterState.Aborted: "aborted",
    QPrinter.PrinterState.Error: "error",
}

_app: QGuiApplication | None = None  # kept alive when we had to create it


class PrintError(Exception):
    """A printing failure with a message for the officer, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def ensure_app() -> QCoreApplication:
    """Qt's printing needs a QGuiApplication; create one if none exists.

    Only the command line gets here (the desktop app made its QApplication first), and it never
    shows a window: outside Windows it uses Qt's offscreen platform, so ``print`` works over
    SSH or from a scheduled task without a display (the xcb plugin would abort the process).
    On Windows the native platform is always there and its print engine is the tested one.
    """
    global _app
    app = QCoreApplication.instance()
    if app is None:
        if sys.platform != "win32" and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = QGuiApplication(sys.argv[:1] or ["motcua"])
        app = _app
    return app


def list_printers() -> list[dict[str, Any]]:
    """Installed printers: ``{"name", "is_default", "state"}``.

    ``state`` is "idle", "active", "aborted" or "error" (CUPS reports a
    stopped queue as "error").
    """
    ensure_app()
    return [
        {
            "name": info.printerName(),
            "is_default": info.isDefault(),
            "state": _STATES.get(info.state(), "error"),
        }
        for info in _available()
    ]


def default_printer() -> str | None:
    """The system's default printer, or None when none is set."""
    ensure_app()
    info = QPrinterInfo.defaultPrinter()
    return None if info.isNull() else info.printerName()


def _available() -> list[QPrinterInfo]:
    return list(QPrinterInfo.availablePrinters())


def _resolve(printer_name: str | None) -> QPrinterInfo:
    """The printer to use, or PrintError saying why there is none."""
    available = _available()
    if printer_name:
        matches = [info for info in available if info.printerName() == printer_name]
        if not matches:
            raise PrintError(
                f'Không tìm thấy máy in "{printer_name}". Hãy kiểm tra lại tên máy in trong phần Cài đặt.'
            )
        info = matches[0]
    else:
        if not available:
            raise PrintError("Chưa cài đặt máy in nào. Hãy cài đặt máy in rồi thử lại.")
        defaults = [info for info in available if info.isDefault()]
        if defaults:
            info = defaults[0]
        elif len(available) == 1:
            info = available[0]
        else:
            raise PrintError("Chưa chọn máy in mặc định. Hãy chọn máy in trong phần Cài đặt.")
    name = info.printerName()
    if sys.platform == "win32":
        # Windows reports paper out, toner low, a jam or "offline" as an error state, yet its
        # spooler keeps the job and prints it once the officer fixes the printer: send it.
        # Only a printer that cannot take a job at all is refused.
        fatal = windows_status.printer_status(name) & windows_status.FATAL
        if fatal:
            raise PrintError(f'Không in được trên máy in "{name}": '
                             f'{windows_status.describe(fatal)}. Hãy chọn máy in khác.')
        return info
    stopped = info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted)
    if stopped or not _accepting_jobs(name):
        raise PrintError(f'Máy in đang ngừng hoạt động: "{name}". Hãy bật máy in hoặc chọn máy in khác.')
    return info


def _printer_says(name: str) -> str:
    """What Windows says about the printer, in Vietnamese, to end an error message."""
    if sys.platform != "win32":
        return ""
    status = windows_status.printer_status(name)
    return f" Máy in báo: {windows_status.describe(status)}." if status else ""


def _accepting_jobs(name: str) -> bool:
    """False when CUPS says the queue rejects jobs.

    Qt reports such a queue as idle and then loses the job silently, so ask
    CUPS directly where its command line tools exist (Linux, macOS).
    """
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return True
    try:
        out = subprocess.run(
            [lpstat, "-a", name], capture_output=True, text=True, timeout=5, env={**os.environ, "LC_ALL": "C"}
        )
    except (OSError, subprocess.SubprocessError):
        return True
    return "not accepting" not in out.stdout


def _load(pdf_bytes: bytes) -> tuple[QPdfDocument, QBuffer]:
    """Open the PDF from memory; the buffer must outlive the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintError("Không đọc được tài liệu cần in (tệp PDF bị lỗi).")
    return document, buffer


def _page_size(page_size: str, document: QPdfDocument) -> QPageSize:
    """A4/A5, or "PDF": the document's own first page (the 80 mm slip, as long as its content)."""
    if page_size.upper() == "PDF":
        size = document.pagePointSize(0)
        return QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point, "MotCua",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageSize(PAGE_SIZES.get(page_size.upper(), QPageSize.PageSizeId.A4))


def _orientation(document: QPdfDocument, page: int) -> QPageLayout.Orientation:
    size = document.pagePointSize(page)
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def _on_white(strip: QImage) -> QImage:
    """PDFium leaves unpainted pixels transparent: flatten onto white paper.

    The result is grey: forms are black on white, and a grey image keeps the
    spooled job a third the size of a colour one.
    """
    flat = QImage(strip.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, strip)
    painter.end()
    return flat.convertToFormat(QImage.Format.Format_Grayscale8)


def _paint_page(painter: QPainter, document: QPdfDocument, page: int, target: QRect, dpi: int) -> None:
    """Rasterise one page at ``dpi`` strip by strip into ``target`` (device pixels)."""
    points = document.pagePointSize(page)
    width = max(1, round(points.width() / 72 * dpi))
    height = max(1, round(points.height() / 72 * dpi))
    sy = target.height() / height  # rendered rows → device pixels
    for top in range(0, height, STRIP_ROWS):
        rows = min(STRIP_ROWS, height - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(QRect(0, top, width, rows))
        strip = document.render(page, QSize(width, rows), options)
        if strip.isNull():
            raise PrintError("Không dựng được trang để in (thiếu bộ nhớ?).")
        dest = QRectF(target.x(), target.y() + top * sy, target.width(), rows * sy)
        painter.drawImage(dest, _on_white(strip))


def print_pdf(
    pdf_bytes: bytes,
    printer_name: str | None = None,
    copies: int = 1,
    page_size: str = "A4",
    *,
    doc_name: str = "MotCua",
) -> int:
    """Print every page of ``pdf_bytes``; returns the number of pages sent.

    ``page_size`` is the paper ("A4" or "A5", or "PDF" for the document's own
    page size, as the 80 mm slip needs); a landscape PDF page is printed in
    landscape. Raises PrintError for a missing, stopped or
    failing printer.
    """
    ensure_app()
    info = _resolve(printer_name)
    document, buffer = _load(pdf_bytes)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    printer.setFullPage(True)
    printer.setPageSize(_page_size(page_size, document))
    printer.setPageOrientation(_orientation(document, 0))
    printer.setCopyCount(max(1, copies))
    printer.setCollateCopies(True)
    dpi = min(printer.resolution(), MAX_DPI)

    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f'Không gửi được lệnh in tới máy in "{info.printerName()}".'
                         + _printer_says(info.printerName()))
    try:
        for page in range(document.pageCount()):
            if page:
                printer.setPageOrientation(_orientation(document, page))
                if not printer.newPage():
                    raise PrintError(f'Máy in "{info.printerName()}" không nhận thêm trang.')
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            _paint_page(painter, document, page, target, dpi)
    except BaseException:
        printer.abort()  # never send half a job
        painter.end()
        raise
    finally:
        buffer.close()
    finished = painter.end()
    if not finished or printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError(f'In không thành công trên máy in "{info.printerName()}".'
                         + _printer_says(info.printerName()))
    if sys.platform == "win32" and windows_status.printer_status(info.printerName()):
        log.warning("printed to %s, which reports: %s", info.printerName(),
                    windows_status.describe(windows_status.printer_status(info.printerName())))
    return document.pageCount()
