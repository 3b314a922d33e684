"""What the citizen sees and touches: the dossier just received or returned, the fee and its
VietQR, and the satisfaction rating.

With a second screen turned to the citizen (QGuiApplication.screens() has two), a full-screen
window lives there: between citizens it says "Mời công dân số …"; after an intake it shows the
code, the appointment and the fee, and asks for a rating; after a return it asks again. With
one screen, the same page opens in a large dialog that the officer turns towards the citizen.
The rating is recorded by models.satisfaction, in the background.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .i18n import fmt_datetime
from .prefs import qsettings
from .qr_image import qr_pixmap
from .runner import Op

IDLE_AFTER_MS = 30_000  # the page goes back to "Mời công dân số …" after this long untouched
THANKS_MS = 4_000


def _big(label: QLabel, points: int, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def citizen_info(view, stage: str) -> dict:
    """Loaded in a worker: what the page shows about a dossier, the fee's QR and the scale."""
    from models.citizen_settings import load_citizen_settings
    from models.fee_printing import fee_text, payment_qr
    from models.fee_records import view_of
    from models.satisfaction import ratings_of, scale

    settings = load_citizen_settings()
    fee = view.fee_details or view_of(None, view.fee)
    qr, lines = payment_qr(view.code, fee, settings)
    rated = {r.stage for r in ratings_of(view.code)}
    asked = settings.ask_rating == "both" or (settings.ask_rating == "return" and stage == "return")
    return {"code": view.code, "ask": asked, "procedure": view.procedure_name, "due_at": view.due_at,
            "stage": stage, "fee": fee_text(fee) if fee.full_amount else "", "qr": qr,
            "qr_lines": list(lines), "levels": scale(settings), "rated": stage in rated,
            "name": view.applicant_name}


class RatingForm(QWidget):
    """One large button per level of the scale, an optional comment, and "skip"."""

    rated = Signal(int, str)
    skipped = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.question = _big(QLabel(self.tr("How satisfied are you with our service?")), 16, True)
        self.question.setAlignment(Qt.AlignCenter)
        self.buttons_row = QHBoxLayout()
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Your comment (optional)"))
        self.comment.setMaxLength(1000)
        self.skip = QPushButton(self.tr("Skip"))
        self.skip.clicked.connect(self.skipped)
        for widget in (self.comment, self.skip):  # large enough for a finger on a touch screen
            font = QFont(widget.font())
            font.setPointSize(14)
            widget.setFont(font)
            widget.setMinimumHeight(44)
        self.buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.comment)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.skip)
        layout.addLayout(bottom)

    def set_levels(self, levels: list[dict]) -> None:
        for button in self.buttons:
            self.buttons_row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        # Green for the levels counted as satisfied, orange to red for the others (worst last).
        happy = iter(["#1b7f3b", "#2e8b57", "#3c9d5d", "#4caf50", "#5cb85c", "#6fbf73"])
        others = sum(1 for level in levels if not level["satisfied"])
        reds = {1: ["#b00020"], 2: ["#b35900", "#b00020"]}.get(
            others, ["#b35900", "#c0392b", "#b00020", "#8b0016", "#6d0014", "#5c0010"][:others])
        unhappy = iter(reds)
        for level in levels:
            button = QPushButton(level["name"])
            button.setObjectName(f"rate_{level['level']}")
            button.setMinimumHeight(72)
            colour = next(happy) if level["satisfied"] else next(unhappy)
            button.setStyleSheet(f"font-size: 18px; font-weight: bold; color: white; background: {colour};"
                                 "border-radius: 8px; padding: 8px;")
            button.clicked.connect(lambda _c=False, n=level["level"]: self.rated.emit(n, self.comment.text()))
            self.buttons_row.addWidget(button)
            self.buttons.append(button)
        self.comment.clear()


class CitizenPage(QWidget):
    """The dossier, its fee with the VietQR, and the rating form."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = _big(QLabel(), 20, True)
        self.heading.setAlignment(Qt.AlignCenter)
        self.code = _big(QLabel(), 26, True)
        self.code.setObjectName("citizen_code")
        self.code.setAlignment(Qt.AlignCenter)
        self.details = _big(QLabel(), 14)
        self.details.setObjectName("citizen_details")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignCenter)
        self.qr_text = _big(QLabel(), 11)
        self.qr_text.setAlignment(Qt.AlignCenter)
        self.form = RatingForm()
        self.status = _big(QLabel(), 14, True)
        self.status.setAlignment(Qt.AlignCenter)
        grid = QGridLayout()
        grid.addWidget(self.details, 0, 0)
        payment = QVBoxLayout()
        payment.addWidget(self.qr)
        payment.addWidget(self.qr_text)
        grid.addLayout(payment, 0, 1)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.code)
        layout.addLayout(grid, 1)
        layout.addWidget(self.form)
        layout.addWidget(self.status)

    def show_info(self, info: dict, qr_size: int) -> None:
        self.heading.setText(self.tr("Your dossier has been received") if info["stage"] == "intake"
                             else self.tr("Your result has been handed over"))
        self.code.setText(info["code"])
        lines = [info["procedure"]]
        if info["stage"] == "intake":
            lines.append(self.tr("Come back for the result: %1").replace("%1", fmt_datetime(info["due_at"])))
        if info["fee"]:
            lines.append(self.tr("Fee: %1").replace("%1", info["fee"]))
        self.details.setText("\n".join(lines))
        self.qr.setVisible(bool(info["qr"]))
        self.qr_text.setVisible(bool(info["qr"]))
        if info["qr"]:
            self.qr.setPixmap(qr_pixmap(info["qr"], qr_size))
            self.qr_text.setText("\n".join([self.tr("Pay by transfer: scan with your banking app")]
                                           + info["qr_lines"]))
        self.form.setVisible(not info["rated"])
        self.form.set_levels(info["levels"])
        self.status.setText("")


class RatingDialog(QDialog):
    """One screen only: the page in a large dialog the officer turns towards the citizen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("For the citizen"))
        self.page = CitizenPage()
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self.resize(900, 620)


class CitizenWindow(QWidget):
    """The full-screen window on the second screen."""

    def __init__(self, screen, parent=None):
        super().__init__(parent, Qt.Window | Qt.FramelessWindowHint)
        self.setWindowTitle(self.tr("MotCua – citizen screen"))
        self.setStyleSheet("background: #fdfdf7;")
        self.stack = QStackedWidget()
        idle = QWidget()
        self.agency = _big(QLabel(), 20, True)
        self.agency.setAlignment(Qt.AlignCenter)
        self.calling = _big(QLabel(), 40, True)
        self.calling.setObjectName("calling")
        self.calling.setAlignment(Qt.AlignCenter)
        self.calling.setStyleSheet("color: #0b5394;")
        column = QVBoxLayout(idle)
        column.addStretch(1)
        column.addWidget(self.agency)
        column.addWidget(self.calling)
        column.addStretch(2)
        self.page = CitizenPage()
        self.stack.addWidget(idle)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    def show_idle(self) -> None:
        self.stack.setCurrentIndex(0)

    def show_page(self) -> None:
        self.stack.setCurrentIndex(1)


class CitizenDisplay(QObject):
    """Owned by the main window: ``after_intake(view)``, ``after_change(view)``, ``call_next()``."""

    rated = Signal(object)  # the models.satisfaction.Rating recorded

    def __init__(self, officer, parent=None, *, screens=None, agency: str = ""):
        super().__init__(parent)
        self.officer = officer
        self._parent = parent
        self.window: CitizenWindow | None = None
        self.dialog: RatingDialog | None = None
        self.agency = agency
        self.number = self._stored_number()
        self._view = None
        self._stage = ""
        self.idle_timer = QTimer(self, singleShot=True, interval=IDLE_AFTER_MS)
        self.idle_timer.timeout.connect(self.go_idle)
        available = list(screens() if screens else QGuiApplication.screens())
        if len(available) >= 2:
            self.window = CitizenWindow(available[1])
            self.window.agency.setText(agency)
            self._wire(self.window.page)
            self.go_idle()
            self.window.showFullScreen()

    @property
    def page(self) -> CitizenPage:
        if self.window is not None:
            return self.window.page
        if self.dialog is None:
            self.dialog = RatingDialog(self._parent if isinstance(self._parent, QWidget) else None)
            self._wire(self.dialog.page)
        return self.dialog.page

    def _wire(self, page: CitizenPage) -> None:
        page.form.rated.connect(self._rate)
        page.form.skipped.connect(self._done)

    # -- the number called ------------------------------------------------------------------
    def _stored_number(self) -> int:
        prefs = qsettings()
        if prefs.value("citizen/day", "") != date.today().isoformat():
            return 0
        return int(prefs.value("citizen/number", 0) or 0)

    def call(self, number: int) -> None:
        self.number = max(0, int(number))
        prefs = qsettings()
        prefs.setValue("citizen/day", date.today().isoformat())
        prefs.setValue("citizen/number", self.number)
        self.go_idle()

    def call_next(self) -> None:
        self.call(self.number + 1)

    def go_idle(self) -> None:
        self.idle_timer.stop()
        if self.window is not None:
            text = self.tr("Citizen number %1, please").replace("%1", str(self.number)) if self.number else ""
            self.window.calling.setText(text)
            self.window.show_idle()

    # -- after a step at the counter --------------------------------------------------------
    def after_intake(self, view) -> None:
        self.ask(view, "intake", automatic=True)

    def after_change(self, view) -> None:
        """A dossier dialog's action: after a return, ask for the rating."""
        if view.status == 10 and view.events and view.events[-1].action == "return":
            self.ask(view, "return", automatic=True)

    def ask(self, view, stage: str, *, automatic: bool = False) -> None:
        """Show the page for ``view``; ``automatic`` (after a step) follows the setting."""
        self._view, self._stage = view, stage

        def show(info: dict) -> None:
            if automatic and not info["ask"]:
                return
            self._show(info)
        Op(self._parent, lambda: citizen_info(view, stage)).success(show).run_in_background()

    def _show(self, info: dict) -> None:
        page = self.page
        page.show_info(info, 260 if self.window is not None else 200)
        if self.window is not None:
            self.window.show_page()
        else:
            self.dialog.show()
            self.dialog.raise_()
        self.idle_timer.start()

    def _rate(self, level: int, comment: str) -> None:
        from models.satisfaction import rate

        view, stage, officer = self._view, self._stage, self.officer
        self.idle_timer.start()

        def done(rating) -> None:
            self.page.form.hide()
            self.page.status.setText(self.tr("Thank you!"))
            self.rated.emit(rating)
            QTimer.singleShot(THANKS_MS, self._done)

        def failed(exc: Exception) -> None:
            self.page.status.setText(str(exc))
        Op(self._parent, lambda: rate(view.code, officer, level=level, comment=comment, stage=stage)) \
            .success(done).failure(failed).run_in_background()

    def _done(self) -> None:
        if self.dialog is not None and self.window is None:
            self.dialog.hide()
        self.go_idle()

    def close(self) -> None:
        self.idle_timer.stop()
        for widget in (self.window, self.dialog):
            if widget is not None:
                widget.close()


def install_call_shortcuts(window, display: CitizenDisplay) -> None:
    """F8 calls the next citizen on the citizen screen."""
    QShortcut(QKeySequence("F8"), window, display.call_next, context=Qt.ApplicationShortcut)


__all__ = ["CitizenDisplay", "CitizenPage", "RatingDialog", "RatingForm", "citizen_info"]
