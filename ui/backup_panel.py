"""Sao lưu (backups), in the settings, for the administrator: where backups go (and a second
folder such as a USB drive), how many days they are kept, a backup now, the list of backups,
and the restore (models.backup and models.restore do the work)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.backup import KEEP_DAYS_RANGE, auto_backup, backup_settings, list_backups, save_backup_settings
from models.db import database_path
from models.restore import restore_backup
from sync.witness import issued_in_day_files

from .i18n import fmt_datetime, fmt_number
from .runner import Op, show_error
from .table_items import table_item

TIME, DOSSIERS, SIZE, KIND, PATH = range(5)


def restore_from(path: Path, db_path: Path, officer=None):
    """The restore as the app runs it (day files in the sync folders are a witness too)."""
    return restore_backup(path, db_path=db_path, by=officer, witness=issued_in_day_files)


def show_restore_report(parent: QWidget | None, report) -> None:
    """What the restore did and what must be done again, in a window the admin can copy from."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("BackupPanel", "Restore finished"))
    text = QPlainTextEdit("\n".join(report.lines()))
    text.setReadOnly(True)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(760, 420)
    dialog.exec()


class BackupPanel(QWidget):
    """``restoring()`` just before a restore starts (the window pauses its timers);
    ``restored(report)`` after it."""

    restoring = Signal()
    restored = Signal(object)
    shown = Signal(object)  # the backups just listed (tests wait on it)

    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.backups: list = []
        self.folder = QLabel()
        self.folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.second = QLabel()
        self.second.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.second.setWordWrap(True)
        self.keep_days = QSpinBox()
        self.keep_days.setRange(*KEEP_DAYS_RANGE)
        self.keep_days.setSuffix(self.tr(" days"))
        self.folder_button = QPushButton(self.tr("Change…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.second_button = QPushButton(self.tr("Choose…"))
        self.second_button.setToolTip(self.tr("A second folder, e.g. on a USB drive: each backup is copied there too"))
        self.second_button.clicked.connect(self.choose_second)
        self.clear_second_button = QPushButton(self.tr("No second folder"))
        self.clear_second_button.clicked.connect(lambda: self._save(second_folder=""))
        self.keep_button = QPushButton(self.tr("Save"))
        self.keep_button.clicked.connect(lambda: self._save(keep_days=self.keep_days.value()))
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setToolTip(self.tr("Copy the database now and check the copy"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Restore from the selected backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from another file…"))
        self.restore_file_button.clicked.connect(self.restore_file)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Made at"), self.tr("Dossiers"), self.tr("Size"),
                                              self.tr("Kind"), self.tr("File")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(PATH, QHeaderView.Stretch)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.folder_button)
        form.addRow(self.tr("Backup folder"), row)
        row = QHBoxLayout()
        row.addWidget(self.second, 1)
        row.addWidget(self.second_button)
        row.addWidget(self.clear_second_button)
        form.addRow(self.tr("Second folder"), row)
        row = QHBoxLayout()
        row.addWidget(self.keep_days)
        row.addWidget(self.keep_button)
        row.addStretch(1)
        form.addRow(self.tr("Keep automatic backups"), row)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.restore_file_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A backup is made every day and when the app closes; each is "
                                        "checked before it counts.")))
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        def work():
            settings = backup_settings()
            return settings, list_backups([f for f in (settings.folder, settings.second_folder) if f])
        Op(self, work).success(self._show).run_in_background()

    def _show(self, loaded) -> None:
        settings, self.backups = loaded
        self.folder.setText(str(settings.folder))
        self.second.setText(str(settings.second_folder) if settings.second_folder else self.tr("(none)"))
        self.keep_days.setValue(settings.keep_days)
        self.table.setRowCount(len(self.backups))
        for r, backup in enumerate(self.backups):
            cells = {TIME: table_item(fmt_datetime(backup.created_at) if backup.created_at else ""),
                     DOSSIERS: table_item(fmt_number(backup.dossiers), True),
                     SIZE: table_item(f"{backup.size / 1024 / 1024:.1f} MB".replace(".", ","), True),
                     KIND: table_item(self._kind(backup.kind)),
                     PATH: table_item(str(backup.path))}
            for column, item in cells.items():
                self.table.setItem(r, column, item)
        if self.backups:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(PATH, QHeaderView.Stretch)
        self.restore_button.setEnabled(bool(self.backups))
        self.shown.emit(self.backups)

    def _kind(self, kind: str) -> str:
        return {"daily": self.tr("Daily"), "closing": self.tr("At closing"), "manual": self.tr("On demand"),
                "before_restore": self.tr("Before a restore")}.get(kind, self.tr("Other"))

    # -- settings ---------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), self.folder.text())
        if folder:
            self._save(folder=folder)

    def choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the second folder (USB drive)"))
        if folder:
            self._save(second_folder=folder)

    def _save(self, **changes) -> None:
        Op(self, lambda: save_backup_settings(by=self.officer, **changes)) \
            .success(lambda _s: self._saved()).failure(self._failed).run_in_background()

    def _saved(self) -> None:
        self.notice.setText(self.tr("Backup settings saved."))
        self.load()

    # -- backup and restore -------------------------------------------------------------------
    def backup_now(self) -> None:
        self._set_busy(True)
        Op(self, lambda: auto_backup(kind="manual")).success(self._backed_up).failure(self._failed) \
            .with_progress(self.tr("Backing up and checking the copy…")).run_in_background()

    def _backed_up(self, result) -> None:
        self._set_busy(False)
        self.notice.setText("\n".join(result.lines()))
        self.load()

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.backups):
            backup = self.backups[row]
            self.restore(backup.path, fmt_datetime(backup.created_at) if backup.created_at else "")

    def restore_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the backup file"), self.folder.text(),
                                                    self.tr("MotCua backups (*.sqlite3)"))
        if path:
            self.restore(Path(path), "")

    def restore(self, path: Path, made_at: str) -> None:
        question = self.tr(
            "Restore the data from the backup %1?\n\nThe current database is kept as a copy first. "
            "Dossiers received after the backup must be entered again (the list is shown); their "
            "codes are never used again. The app then asks you to sign in again.").replace(
                "%1", f"{made_at} ({path})" if made_at else str(path))
        if not self.confirm(question):
            return
        db_path = database_path()
        if db_path is None:
            show_error(self, self.tr("Only a SQLite database can be restored here."))
            return
        self.restoring.emit()
        self._set_busy(True)
        Op(self, lambda: restore_from(path, db_path, self.officer)).success(self._restored) \
            .failure(self._failed).with_progress(self.tr("Restoring from the backup…")).run_in_background()

    def confirm(self, question: str) -> bool:
        """Ask before restoring; the buttons say what they do (Qt's Yes/No are not translated)."""
        box = QMessageBox(QMessageBox.Question, self.tr("Restore from a backup"), question,
                          QMessageBox.NoButton, self)
        restore = box.addButton(self.tr("Restore"), QMessageBox.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def _restored(self, report) -> None:
        self._set_busy(False)
        self.restored.emit(report)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.notice.setText(str(exc))
        show_error(self, str(exc))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.restore_button, self.restore_file_button,
                       self.folder_button, self.second_button, self.clear_second_button, self.keep_button):
            button.setEnabled(not busy)
