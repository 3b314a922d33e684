"""Windows sized to the screen they open on: a 1366×768 counter PC with a taskbar included."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What the window manager adds around the client area: borders and the title bar.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width``×``height``, or smaller to stay inside the available area, centred."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    width = min(width, area.width() - FRAME_WIDTH)
    height = min(height, area.height() - FRAME_HEIGHT)
    widget.resize(width, height)
    corner = area.center() - QPoint((width + FRAME_WIDTH) // 2, (height + FRAME_HEIGHT) // 2)
    widget.move(max(corner.x(), area.left()), max(corner.y(), area.top()))
