"""Checks that a window fits a counter's screen: nothing outside the screen, no button cut.

A counter PC shows 1366×768 with a taskbar (about 40 px); a few show 1280×720. A window fits
when its smallest usable size and the size it opens at both fit the screen less the taskbar,
and when, at that size, every visible button, field and label lies inside the window (or
inside a scroll area that reaches it) and every button shows its whole text.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

TASKBAR = 40
SCREENS = {"1366×768": (1366, 768), "1280×720": (1280, 720)}


def _inside_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems(window: QWidget, width: int, height: int, check_opening_size: bool = True) -> list[str]:
    """What does not fit a screen of ``width``×``height`` (less the taskbar)."""
    room_h = height - TASKBAR
    found = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    layout = window.layout()
    if layout is not None:
        minimum = minimum.expandedTo(layout.totalMinimumSize())
        if layout.hasHeightForWidth():  # wrapped text: its height at the width it would have
            minimum.setHeight(layout.totalHeightForWidth(max(minimum.width(), min(width, window.width()))))
    if minimum.width() > width or minimum.height() > room_h:
        found.append(f"{type(window).__name__} needs at least {minimum.width()}×{minimum.height()}")
    frame = window.frameGeometry()
    if check_opening_size and (frame.width() > width or frame.height() > room_h):
        found.append(f"{type(window).__name__} opens at {frame.width()}×{frame.height()}")
    # At the size it would have on this screen, every control is shown whole.
    size = window.size().boundedTo(window.size().__class__(width, room_h))
    window.resize(size.expandedTo(minimum.boundedTo(size)))
    QApplication.processEvents()
    bounds = window.rect()
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.window() is not window:
            continue
        if not isinstance(child, (QAbstractButton, QLineEdit, QComboBox, QLabel)):
            continue
        if _inside_scroll_area(child, window):
            continue
        rect = QRect(child.mapTo(window, QPoint(0, 0)), child.size())
        if rect.width() and not bounds.contains(rect):
            found.append(f"{type(child).__name__} “{_text(child)}” at {rect.getRect()} outside "
                         f"{bounds.width()}×{bounds.height()}")
        if isinstance(child, QAbstractButton) and child.text() and \
                child.width() < child.minimumSizeHint().width():
            found.append(f"button “{child.text()}” cut: {child.width()} < {child.minimumSizeHint().width()} px")
    return found


def _text(widget: QWidget) -> str:
    for attribute in ("text", "currentText", "placeholderText"):
        if hasattr(widget, attribute):
            value = getattr(widget, attribute)()
            if value:
                return value[:40]
    return widget.objectName()


def assert_fits(window: QWidget, check_opening_size: bool = True) -> None:
    """Fits 1366×768 and stays usable at 1280×720, both less a taskbar. ``check_opening_size``
    False: the size it opens at is another's business (the main window's, issue 11)."""
    original = window.size()
    found = []
    for name, (width, height) in SCREENS.items():
        # The size it opens at is chosen for the screen it opens on: the tests' screen is
        # 1366×768 (tests/ui/screen-1366x768.json); on 1280×720 what counts is that it can be
        # made small enough with everything still reachable.
        opening = check_opening_size and name == "1366×768"
        found += [f"{name}: {p}" for p in problems(window, width, height, opening)]
        window.resize(original)
    assert found == [], "\n".join(found)
