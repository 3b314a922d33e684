"""Giới thiệu MotCua: the version and where its files are, for the officer and the IT admin."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.logs import current_log_file
from models.paths import data_dir, log_dir
from models.version import APP_VERSION

from .error_dialog import open_folder


class AboutDialog(QDialog):
    def __init__(self, db_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About MotCua"))
        log = current_log_file() or log_dir() / "motcua.log"
        self.values = {
            "version": APP_VERSION,
            "data": str(data_dir()),
            "database": _without_password(db_path),
            "logs": str(log.parent),
        }
        title = QLabel(self.tr("MotCua – software for the one-stop counter"))
        title.setStyleSheet("font-weight: bold; font-size: 12pt")
        form = QFormLayout()
        for key, label in (("version", self.tr("Version")), ("data", self.tr("Data folder")),
                           ("database", self.tr("Database")), ("logs", self.tr("Log folder"))):
            value = QLabel(self.values[key])
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            value.setObjectName(key)
            form.addRow(label, value)
        licence = QLabel(self.tr("Free software under the GNU GPL, version 3 or later."))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        self.open_logs = QPushButton(self.tr("Open the log folder"))
        self.open_logs.clicked.connect(lambda: open_folder(log.parent))
        buttons.addButton(self.open_logs, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addLayout(form)
        column.addWidget(licence)
        column.addWidget(buttons)


def _without_password(db: str) -> str:
    """postgresql://user:secret@host/db → postgresql://user@host/db."""
    if "://" in db and "@" in db:
        scheme, rest = db.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return str(Path(db).expanduser().resolve()) if db else ""
