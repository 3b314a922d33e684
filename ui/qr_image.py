"""A QR code drawn for the screen (the VietQR to pay a fee), from the same encoder as the forms."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap


def qr_pixmap(value: str, size: int) -> QPixmap:
    """``value`` as a black-on-white QR of ``size``×``size`` pixels, quiet zone included."""
    # printing (and reportlab behind it) is imported when a QR is first shown, not at start-up
    from printing.qr import qr_matrix

    matrix = qr_matrix(value)
    border = 4
    cells = len(matrix) + 2 * border
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    cell = max(1, size // cells)  # whole pixels per module: sharp edges for a phone's camera
    offset = (size - cell * cells) // 2 + border * cell
    for r, row in enumerate(matrix):
        for c, bit in enumerate(row):
            if bit == "1":
                painter.fillRect(QRect(offset + c * cell, offset + r * cell, cell, cell), Qt.GlobalColor.black)
    painter.end()
    return QPixmap.fromImage(image)
