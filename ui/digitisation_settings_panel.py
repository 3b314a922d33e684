"""Cài đặt › Số hóa (admin): the scanner's folder the intake and the dossier window pick the
newest scans from, and the size limit per file."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.attachments import MAX_MB_RANGE, attachment_settings, save_attachment_settings

from .field_errors import ERROR_STYLE
from .runner import Op


class DigitisationSettingsPanel(QWidget):
    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("The folder your scanner saves to, e.g. C:\\Scans"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(*MAX_MB_RANGE)
        self.max_mb.setSuffix(" MB")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Scanner's folder"), row)
        form.addRow(self.tr("Largest file accepted"), self.max_mb)
        hint = QLabel(self.tr("Scans (PDF, JPEG, PNG, TIFF) become one PDF per paper; 200–300 dpi keeps them "
                              "legible and small."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def load(self) -> None:
        Op(self, attachment_settings).success(self._show).run_in_background()

    def _show(self, settings) -> None:
        self.folder.setText(settings.scan_folder)
        self.max_mb.setValue(settings.max_mb)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the scanner's folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def save(self) -> None:
        folder, max_mb, officer = self.folder.text(), self.max_mb.value(), self.officer

        def done(settings) -> None:
            self._show(settings)
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Digitisation settings saved."))

        def failed(exc: Exception) -> None:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(getattr(exc, "message", None) or str(exc))
        Op(self, lambda: save_attachment_settings(by=officer, max_mb=max_mb, scan_folder=folder)) \
            .success(done).failure(failed).run_in_background()
