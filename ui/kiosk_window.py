"""The lookup kiosk (máy tra cứu): a full-screen, read-only window for a citizen-facing PC or
the counter's second screen.

The citizen scans the receipt's barcode or QR (a USB scanner types it and Enter) or types the
code; the window shows what models.kiosk allows: the status in plain words, the appointment,
what is missing, where to collect the result, the fee; the name masked. Untouched for 30 s it
goes back to the welcome page. Nothing leads to the rest of the app: closing (Alt+F4, Esc …)
is refused; Ctrl+Alt+Q asks for an officer's user name and password (models.kiosk.kiosk_exit).
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .field_errors import ERROR_STYLE
from .i18n import fmt_datetime
from .runner import Op

IDLE_MS = 30_000
EXIT_KEY = "Ctrl+Alt+Q"


def _font(label: QLabel, points: int, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class UnlockDialog(QDialog):
    """An officer's user name and password to leave the kiosk."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leave the lookup screen"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Leave"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("Stay"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Only an officer may leave the lookup screen.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def check(self) -> None:
        from models.kiosk import kiosk_exit

        username, password = self.username.text(), self.password.text()

        def failed(exc: Exception) -> None:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
        Op(self, lambda: kiosk_exit(username, password)).success(lambda _o: self.accept()) \
            .failure(failed).run_in_background()


class KioskWindow(QWidget):
    """``looked_up(view)`` after each lookup shown; ``left()`` once an officer unlocked it."""

    looked_up = Signal(object)
    left = Signal()

    def __init__(self, parent=None, *, idle_ms: int = IDLE_MS, agency: str = ""):
        super().__init__(parent, Qt.Window | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("MotCua – dossier lookup"))
        self.setObjectName("kiosk")
        self.setStyleSheet("#kiosk { background: #f5f9ff; }")
        self._unlocked = False
        self.unlock: UnlockDialog | None = None
        self.title = _font(QLabel(self.tr("DOSSIER LOOKUP")), 26, True)
        self.title.setAlignment(Qt.AlignCenter)
        self.agency = _font(QLabel(agency), 16)
        self.agency.setAlignment(Qt.AlignCenter)
        self.hint = _font(QLabel(self.tr("Scan the barcode or QR code on your receipt, or type the dossier "
                                         "code and press Enter.")), 15)
        self.hint.setAlignment(Qt.AlignCenter)
        self.scan = QLineEdit()
        self.scan.setObjectName("kiosk_scan")
        self.scan.setPlaceholderText(self.tr("Dossier code"))
        scan_font = QFont(self.scan.font())
        scan_font.setPointSize(20)
        self.scan.setFont(scan_font)
        self.scan.setMinimumHeight(56)
        self.scan.returnPressed.connect(self.look_up)
        self.result = QWidget()
        self.result.setObjectName("kiosk_result")
        self.fields = QFormLayout(self.result)
        self.fields.setVerticalSpacing(12)
        self.message = _font(QLabel(), 16, True)
        self.message.setObjectName("kiosk_message")
        self.message.setAlignment(Qt.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(80, 40, 80, 40)
        column.addWidget(self.title)
        column.addWidget(self.agency)
        column.addSpacing(20)
        column.addWidget(self.hint)
        column.addWidget(self.scan)
        column.addSpacing(16)
        column.addWidget(self.message)
        column.addWidget(self.result, 1)
        self.idle = QTimer(self, singleShot=True, interval=idle_ms)
        self.idle.timeout.connect(self.reset)
        QShortcut(QKeySequence(EXIT_KEY), self, self.ask_unlock, context=Qt.WindowShortcut)
        self.reset()

    # -- looking up -------------------------------------------------------------------------
    def look_up(self) -> None:
        from models.kiosk import kiosk_lookup

        text = self.scan.text()
        self.scan.clear()
        if not text.strip():
            return
        self.idle.start()
        self.message.setText(self.tr("Looking up…"))

        def failed(exc: Exception) -> None:
            self._clear_fields()
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #b00020;")
        Op(self, lambda: kiosk_lookup(text)).success(self.show_result).failure(failed).run_in_background()

    def _clear_fields(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)

    def show_result(self, view) -> None:
        self._clear_fields()
        self.message.setText(view.status_text)
        self.message.setStyleSheet("color: #b00020;" if view.late else "color: #0b5394;")
        rows = [(self.tr("Dossier code"), view.code), (self.tr("Applicant"), view.applicant),
                (self.tr("Procedure"), view.procedure_name)]
        if view.appointment is not None:
            rows.append((self.tr("Appointment"), fmt_datetime(view.appointment)))
        if view.missing:
            rows.append((self.tr("Still missing"), "\n".join(f"• {item}" for item in view.missing)))
        if view.collect_at:
            rows.append((self.tr("Collect the result at"), view.collect_at))
        if view.fee_text:
            rows.append((self.tr("Fee"), view.fee_text))
        rows += [("", note) for note in view.notes]
        for label, value in rows:
            caption = _font(QLabel(label), 15, True)
            text = _font(QLabel(value), 15)
            self.fields.addRow(caption, text)
        self.result.show()
        self.idle.start()
        self.scan.setFocus()
        self.looked_up.emit(view)

    def reset(self) -> None:
        """Back to the welcome page: nothing of the last citizen stays on screen."""
        self.idle.stop()
        self._clear_fields()
        self.result.hide()
        self.scan.clear()
        self.message.setText("")
        self.message.setStyleSheet("")
        self.scan.setFocus()

    # -- no way out without an officer -----------------------------------------------------
    def ask_unlock(self) -> UnlockDialog:
        self.unlock = UnlockDialog(self)
        self.unlock.setWindowFlag(Qt.WindowStaysOnTopHint)
        self.unlock.accepted.connect(self._leave)
        self.unlock.finished.connect(lambda _r: self.scan.setFocus())
        self.unlock.open()
        return self.unlock

    def _leave(self) -> None:
        self._unlocked = True
        self.left.emit()
        self.close()

    def closeEvent(self, event) -> None:
        if self._unlocked:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            event.ignore()  # Esc does not leave the kiosk
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        # Any touch of the keyboard keeps the current page for another 30 s.
        if event.type() in (QEvent.KeyPress, QEvent.MouseButtonPress) and self.result.isVisible():
            self.idle.start()
        return super().event(event)


def show_kiosk(screen_number: int = 0, parent=None, *, agency: str = "") -> KioskWindow:
    """Full screen on screen ``screen_number`` (1 = the primary), else the second screen if there
    is one, else the primary."""
    screens = QGuiApplication.screens()
    if 1 <= screen_number <= len(screens):
        screen = screens[screen_number - 1]
    else:
        screen = screens[1] if len(screens) > 1 else QGuiApplication.primaryScreen()
    window = KioskWindow(parent, agency=agency)
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.activateWindow()
    window.scan.setFocus()
    return window


def run_kiosk(screen: int = 0) -> int:
    """``python main.py kiosk``: the kiosk alone; leaving it (with a password) ends the program."""
    from models.settings import load_settings

    from .app import NO_SCREEN, _no_screen, make_application

    if _no_screen():
        sys.stderr.write(NO_SCREEN + "\n")
        return 1
    app = make_application()
    settings = load_settings()
    agency = " – ".join(x for x in (settings.governing_body, settings.place) if x)
    window = show_kiosk(screen, agency=agency)
    window.left.connect(app.quit)
    code = app.exec()
    from .runner import wait_for_workers

    wait_for_workers()
    return code


__all__ = ["KioskWindow", "UnlockDialog", "run_kiosk", "show_kiosk"]
