"""Đồng bộ (sync): export a day's file to the sync folder or to a removable drive, import the
province's acknowledgement, and the history of exported files (sync/ does the work)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.audit import now as clock
from models.errors import ValidationError
from sync.ack import STATUS_TEXT, import_ack
from sync.export import ExportResult, default_export_dir, run_export, set_export_dir
from sync.history import export_history

from .date_field import DateField
from .i18n import fmt_date, fmt_datetime, fmt_number
from .package_panel import PackagePanel
from .preload import DATA, SYNC
from .runner import Op, show_error
from .table_items import table_item

DAY, REVISION, TIME, DOSSIERS, EVENTS, ENCRYPTED, PATH, ACK = range(8)


class SyncScreen(QWidget):
    """``changed()`` after an export or an imported acknowledgement (the banner checks again)."""

    changed = Signal()
    shown = Signal(object)  # the history list just shown (tests wait on it)

    def __init__(self, officer=None, parent=None, *, now: Callable[[], datetime] = clock):
        super().__init__(parent)
        self.officer = officer  # the signed-in account the exports are made as
        self.now = now
        # The way back: the province's packages, imported here (ui.package_panel).
        self.packages = PackagePanel(officer, now=now) if officer is not None else None
        self.history: list = []
        self.folder = Path()
        self.day = DateField(now().date(), optional=False, field="date", label="Ngày")
        self.day.setMaximumWidth(120)
        self.export_button = QPushButton(self.tr("Export to the sync folder"))
        self.export_button.setToolTip(self.tr("Write the chosen day's file into the sync folder"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.export())
        self.other_button = QPushButton(self.tr("Export to a USB drive / other folder…"))
        self.other_button.clicked.connect(self.export_elsewhere)
        self.ack_button = QPushButton(self.tr("Import the province's acknowledgement…"))
        self.ack_button.clicked.connect(self.choose_ack)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Change the sync folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Day"), self.tr("Revision"), self.tr("Exported at"), self.tr("Dossiers"),
            self.tr("Events"), self.tr("Encrypted"), self.tr("File"), self.tr("Province's acknowledgement")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(PATH, QHeaderView.Stretch)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Day")))
        row.addWidget(self.day)
        row.addWidget(self.export_button)
        row.addWidget(self.other_button)
        row.addStretch(1)
        row.addWidget(self.ack_button)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_label, 1)
        folder.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(folder)
        layout.addWidget(self.notice)
        layout.addWidget(QLabel(self.tr("Exported files")))
        layout.addWidget(self.table, 1)
        if self.packages is not None:
            layout.addWidget(self.packages)

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        Op(self, lambda: (default_export_dir(), export_history()), needs=(DATA, SYNC)).success(self._show).run_in_background()
        if self.packages is not None:
            self.packages.load()

    def _show(self, loaded) -> None:
        self.folder, self.history = loaded
        self.folder_label.setText(self.tr("Sync folder: %1").replace("%1", str(self.folder)))
        self.table.setRowCount(len(self.history))
        for r, record in enumerate(self.history):
            ack = STATUS_TEXT.get(record.ack_status, record.ack_status) if record.ack_status \
                else self.tr("Not acknowledged yet")
            if record.ack_status and record.acked_at:
                ack += " (" + fmt_datetime(record.acked_at) + ")"
            if record.ack_message:
                ack += " – " + record.ack_message
            if record.not_delivered:
                ack += " – " + self.tr("NOT DELIVERED: %1 records missing").replace(
                    "%1", str(len(record.not_delivered)))
            cells = {
                DAY: table_item(fmt_date(record.day)), REVISION: table_item(str(record.revision), True),
                TIME: table_item(fmt_datetime(record.created_at)),
                DOSSIERS: table_item(fmt_number(record.dossiers), True),
                EVENTS: table_item(fmt_number(record.events), True),
                ENCRYPTED: table_item(self.tr("Yes") if record.encrypted else self.tr("No")),
                PATH: table_item(record.path), ACK: table_item(ack),
            }
            cells[PATH].setToolTip(record.path)
            for column, item in cells.items():
                self.table.setItem(r, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(PATH, QHeaderView.Stretch)
        self.shown.emit(self.history)

    # -- exports ----------------------------------------------------------------------------
    def chosen_day(self) -> date:
        """The day typed; raises ValidationError when it does not read or is still to come."""
        day = self.day.value()
        if day > self.now().date():
            raise ValidationError({"date": "Chưa thể xuất tệp của một ngày chưa đến."})
        return day

    def export(self, out_dir: str | None = None) -> None:
        """Export the chosen day into ``out_dir`` (default: the sync folder)."""
        try:
            day = self.chosen_day()
        except ValidationError as exc:
            self.notice.setText("\n".join(exc.errors.values()))
            return
        moment = self.now()
        self._set_busy(True)
        officer = self.officer
        Op(self, lambda: run_export(day, out_dir, now=moment, by=officer), needs=(DATA, SYNC)).success(self._exported) \
            .failure(self._failed).with_progress(self.tr("Exporting the day file…")).run_in_background()

    def export_elsewhere(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB drive or folder"),
                                                  str(self.folder))
        if folder:
            self.export(folder)

    def _exported(self, result: ExportResult) -> None:
        self._set_busy(False)
        text = (self.tr("File of %1 written (revision %2): %3 dossiers, %4 events.")
                .replace("%1", fmt_date(result.day)).replace("%2", str(result.revision))
                .replace("%3", fmt_number(result.dossiers)).replace("%4", fmt_number(result.events)))
        if not result.new_revision:
            text += " " + self.tr("Nothing changed since the last export: the same file was written again.")
        if result.set_aside:
            text += " " + self.tr("%1 records were left out: see the file's manifest.").replace(
                "%1", str(len(result.set_aside)))
        # The services' notes (a field without its code, an account without a title) are Vietnamese.
        notes = "".join("\n" + self.tr("Note: %1").replace("%1", w) for w in result.warnings)
        self.notice.setText(text + "\n" + str(result.path) + notes)
        self.load()
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        """Services raise MotCuaError in Vietnamese; a drive pulled out or full is an OSError."""
        self._set_busy(False)
        message = str(exc)
        if isinstance(exc, OSError):
            message = self.tr("Could not write or read the file %1. Check the drive or folder and try again.") \
                .replace("%1", str(exc.filename or ""))
        self.notice.setText(message)
        show_error(self, message)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.export_button, self.other_button, self.ack_button, self.folder_button):
            button.setEnabled(not busy)

    # -- acknowledgements and the folder ----------------------------------------------------
    def choose_ack(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the province's acknowledgement file"), str(self.folder),
            self.tr("Acknowledgement files (*.json)"))
        if path:
            self.import_ack(path)

    def import_ack(self, path: str) -> None:
        moment = self.now()
        self._set_busy(True)
        officer = self.officer
        Op(self, lambda: import_ack(path, now=moment, by=officer), needs=(DATA, SYNC)).success(self._acked).failure(self._failed) \
            .run_in_background()

    def _acked(self, imported) -> None:
        self._set_busy(False)
        lines = imported.lines()
        self.notice.setText("\n".join([self.tr("Acknowledgement imported.")] + lines))
        self.load()
        self.changed.emit()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the sync folder"), str(self.folder))
        if not folder:
            return
        Op(self, lambda: set_export_dir(folder), needs=(DATA, SYNC)).success(lambda _r: self.load()) \
            .failure(self._failed).run_in_background()


