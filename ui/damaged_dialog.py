"""The database could not be opened because it is damaged (or empty): say so in Vietnamese and
offer the newest backup that passes the integrity check, or another backup file, or quitting.

Nobody can sign in to a damaged database, so this comes before the sign-in; the restore keeps
the damaged file aside (models.restore) and the app then starts on the restored data.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QLayout, QPushButton, QVBoxLayout

from models.backup import BackupInfo, backup_folders_for, newest_good_backup

from .i18n import fmt_datetime


class DamagedDatabaseDialog(QDialog):
    """``chosen`` is the backup to restore from after ``exec()`` returns Accepted."""

    def __init__(self, db_path: Path, reason: str, parent=None, *, newest: BackupInfo | None = None,
                 search: bool = True):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.chosen: Path | None = None
        if newest is None and search:
            QGuiApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                newest = newest_good_backup(backup_folders_for(self.db_path))
            finally:
                QGuiApplication.restoreOverrideCursor()
        self.newest = newest
        self.setWindowTitle(self.tr("MotCua – the database is damaged"))
        text = QLabel(self.tr("The database %1 cannot be opened: %2.").replace("%1", str(self.db_path))
                      .replace("%2", reason))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.restore_newest = QPushButton()
        if newest is not None:
            self.restore_newest.setText(self.tr("Restore from the newest good backup (%1)").replace(
                "%1", fmt_datetime(newest.created_at) if newest.created_at else newest.path.name))
            self.restore_newest.setToolTip(str(newest.path))
            self.restore_newest.clicked.connect(lambda: self._choose(newest.path))
        else:
            self.restore_newest.setText(self.tr("No good backup found beside the database"))
            self.restore_newest.setEnabled(False)
        self.restore_other = QPushButton(self.tr("Choose another backup file…"))
        self.restore_other.clicked.connect(self.choose_file)
        self.quit = QPushButton(self.tr("Quit"))
        self.quit.clicked.connect(self.reject)
        note = QLabel(self.tr("The damaged file is kept aside, never deleted. Dossiers received after the "
                              "backup will be listed so that they can be entered again."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(note)
        layout.addWidget(self.restore_newest)
        layout.addWidget(self.restore_other)
        layout.addWidget(self.quit)
        (self.restore_newest if newest is not None else self.restore_other).setDefault(True)
        layout.setSizeConstraint(QLayout.SetMinimumSize)
        for label in (text, note):
            label.setMinimumWidth(560)

    def _choose(self, path: Path) -> None:
        self.chosen = Path(path)
        self.accept()

    def choose_file(self) -> None:
        folder = str(backup_folders_for(self.db_path)[0])
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the backup file"), folder,
                                                    self.tr("MotCua backups (*.sqlite3)"))
        if path:
            self._choose(Path(path))
