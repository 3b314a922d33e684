"""The dialog for the unexpected: what happened in Vietnamese, the details to copy and send."""
from __future__ import annotations

import platform

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.logs import current_log_file
from models.version import APP_VERSION


class ErrorDialog(QDialog):
    """A bug or a failure nobody planned for. Saved work is safe; the log has the trace.

    "Sao chép chi tiết" copies the version, the system and the trace, ready to paste into a
    message for the administrator.
    """

    def __init__(self, details: str, parent: QWidget | None = None, summary: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        log = current_log_file()
        self.details = (f"MotCua {APP_VERSION} – {platform.platform()} – Python "
                        f"{platform.python_version()}\n{details.rstrip()}\n")
        text = summary or self.tr("Something went wrong that MotCua did not expect. Work that was "
                                  "already saved is not lost. Please tell the administrator and "
                                  "send the details below.")
        if log is not None:
            text += "\n" + self.tr("Log file: %1").replace("%1", str(log))
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.trace = QPlainTextEdit(self.details)
        self.trace.setReadOnly(True)
        self.trace.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        self.open_logs = QPushButton(self.tr("Open the log folder"))
        self.open_logs.setEnabled(log is not None)
        self.open_logs.clicked.connect(lambda: open_folder(log.parent) if log else None)
        buttons.addButton(self.open_logs, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.message)
        column.addWidget(self.trace, 1)
        column.addWidget(buttons)
        self.resize(640, 380)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def open_folder(folder) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_unexpected(parent: QWidget | None, details: str, summary: str = "") -> ErrorDialog:
    """Show the error dialog (modal) and return it once closed."""
    dialog = ErrorDialog(details, parent, summary)
    dialog.exec()
    return dialog
