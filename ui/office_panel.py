"""Settings → This machine and the server (admin): change the connection or the counter number,
and move a counter's own data up to the Centre's server (migrate-to)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from models.errors import MotCuaError, ValidationError
from models.office import configure, load_connection
from models.office_server import uses_office_server

from .connection_form import ConnectionForm
from .preload import DATA, SERVER
from .runner import Op


class OfficePanel(QWidget):
    """``saved(connection)`` after this machine's choice is stored; ``moved()`` after the data
    went up to the server (the app then asks for the sign-in again, on the server)."""

    saved = Signal(object)
    moved = Signal()

    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        try:
            initial = load_connection()
        except MotCuaError:
            initial = None
        self.form = ConnectionForm(initial)
        self.save_button = QPushButton(self.tr("Save connection"))
        self.save_button.clicked.connect(self.save)
        self.move_button = QPushButton(self.tr("Move this counter's data to the server…"))
        self.move_button.setToolTip(self.tr("Copies every dossier, officer, setting, day-file record and "
                                            "the signing key into the empty server database, in one go; "
                                            "the file here is then kept read-only."))
        self.move_button.clicked.connect(self.move_up)
        self.move_button.setVisible(not uses_office_server())
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)

    def save(self) -> None:
        connection = self.form.checked()
        if connection is None:
            return
        self.save_button.setEnabled(False)
        self.notice.setText(self.tr("Testing the connection and saving…"))

        def done(saved) -> None:
            self.save_button.setEnabled(True)
            self.notice.setText(self.tr("Saved. The new connection is used from the next start of MotCua; "
                                        "the counter number from now on."))
            self.saved.emit(saved)

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.form.errors.show(exc.errors)
                self.notice.clear()
            else:
                self.notice.setText(str(exc))
        Op(self, lambda: configure(connection, by=self.officer), needs=(DATA, SERVER)).success(done).failure(failed) \
            .run_in_background()

    def move_up(self) -> None:
        connection = self.form.checked()
        if connection is None:
            return
        if not connection.uses_server:
            self.notice.setText(self.tr("Choose \u201cConnect to the Centre's server\u201d and fill in the "
                                        "server first."))
            return
        answer = QMessageBox.question(
            self, self.tr("Move to the server"),
            self.tr("Move all of this counter's data to %1? The server database must be empty. Other "
                    "windows of MotCua on this PC must be closed. Afterwards this PC works on the "
                    "server and the file here is kept read-only.").replace("%1", connection.where()))
        if answer != QMessageBox.Yes:
            return
        url = connection.url()
        self.move_button.setEnabled(False)

        def work():
            from models.migrate_to import migrate_to
            from models.office import save_connection
            from models.session import open_counter

            report = migrate_to(url, by=self.officer)
            save_connection(connection)  # the counter number chosen here too
            open_counter(url)
            return report

        def done(report) -> None:
            QMessageBox.information(self, self.tr("Move to the server"), "\n".join(report.lines()))
            self.moved.emit()

        def failed(exc: Exception) -> None:
            self.move_button.setEnabled(True)
            self.notice.setText(str(exc))
        Op(self, work, needs=(DATA, SERVER)).with_progress(self.tr("Moving the data to the server…")).success(done) \
            .failure(failed).run_in_background()
