"""A dossier's fee and ratings, in the dossier window: what it owes and why, the payment (record
it: cash or transfer), the VietQR to pay by transfer, the citizen's ratings."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import fmt_datetime
from .qr_image import qr_pixmap
from .runner import Op


def fee_state(code: str) -> dict:
    """Loaded in a worker: the fee, its QR and the ratings of a dossier."""
    from models.citizen_settings import load_citizen_settings
    from models.fee_printing import payment_qr
    from models.fee_service import get_fee
    from models.satisfaction import ratings_of

    fee = get_fee(code)
    qr, lines = payment_qr(code, fee, load_citizen_settings())
    return {"fee": fee, "qr": qr, "qr_lines": lines, "ratings": ratings_of(code)}


class FeePanel(QWidget):
    """``changed(view)`` after a payment is recorded; ``rate_requested(view, stage)`` when the
    officer turns to the citizen for a rating."""

    changed = Signal(object)
    rate_requested = Signal(object, str)

    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.view = None
        self.state: dict | None = None
        self.form = QFormLayout()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignCenter)
        self.qr_text = QLabel()
        self.qr_text.setWordWrap(True)
        self.cash = QPushButton(self.tr("Paid in cash"))
        self.cash.setObjectName("fee_cash")
        self.transfer = QPushButton(self.tr("Paid by transfer"))
        self.transfer.setObjectName("fee_transfer")
        self.rate = QPushButton(self.tr("Citizen's rating…"))
        self.rate.setObjectName("ask_rating")
        self.rate.setToolTip(self.tr("Show the rating to the citizen (on the citizen screen if there is one)"))
        self.cash.clicked.connect(lambda: self.record("cash"))
        self.transfer.clicked.connect(lambda: self.record("transfer"))
        self.rate.clicked.connect(self._ask_rating)
        self.message = QLabel()
        self.message.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(self.form)
        buttons = QHBoxLayout()
        for button in (self.cash, self.transfer, self.rate):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.qr)
        right.addWidget(self.qr_text)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right)

    def show_dossier(self, view) -> None:
        self.view = view
        code = view.code
        Op(self, lambda: fee_state(code)).success(self._show).run_in_background()

    def _show(self, state: dict) -> None:
        self.state = state
        fee = state["fee"]
        while self.form.rowCount():
            self.form.removeRow(0)
        rows = [(self.tr("Fee"), fee.summary())]
        if fee.lines:
            rows.append((self.tr("Fee items"), "; ".join(f"{line.name}: {line.amount:,} đ".replace(",", ".")
                                                         for line in fee.lines)))
        if fee.explanation:
            rows.append((self.tr("Computed"), fee.explanation))
        if fee.paid:
            rows.append((self.tr("Paid"), f"{fmt_datetime(fee.paid_at)} – {fee.method_name} – {fee.paid_by_name}"))
        for rating in state["ratings"]:
            text = rating.level_name + (f" – “{rating.comment}”" if rating.comment else "")
            rows.append((self.tr("Rating after intake") if rating.stage == "intake"
                         else self.tr("Rating after return"), f"{text} ({fmt_datetime(rating.at)})"))
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.form.addRow(label, text)
        can_pay = bool(fee.outstanding) and self.view is not None and self.view.status not in (1, 3)
        self.cash.setVisible(can_pay)
        self.transfer.setVisible(can_pay)
        rated = {r.stage for r in state["ratings"]}
        stage = "return" if self.view is not None and self.view.status == 10 else "intake"
        self.rate.setVisible(self.view is not None and self.view.status not in (1, 3) and stage not in rated)
        self.qr.setVisible(bool(state["qr"]))
        self.qr_text.setVisible(bool(state["qr"]))
        if state["qr"]:
            self.qr.setPixmap(qr_pixmap(state["qr"], 200))
            self.qr_text.setText("\n".join([self.tr("VietQR to pay by transfer")] + list(state["qr_lines"])))

    def record(self, method: str, *, confirm: bool = True) -> None:
        from models.fee_service import record_payment
        from models.fees import money

        if self.view is None or self.state is None:
            return
        fee = self.state["fee"]
        how = self.tr("in cash") if method == "cash" else self.tr("by transfer")
        if confirm and QMessageBox.question(
                self, self.tr("Record the payment"),
                self.tr("Record that %1 was paid %2 for dossier %3?").replace("%1", money(fee.outstanding))
                .replace("%2", how).replace("%3", self.view.code)) != QMessageBox.Yes:
            return
        code, officer = self.view.code, self.officer

        def done(_fee) -> None:
            from models.dossiers import get_dossier

            self.message.setText(self.tr("Payment recorded."))
            Op(self, lambda: get_dossier(code)).success(self._reloaded).run_in_background()

        Op(self, lambda: record_payment(code, officer, method=method)).success(done) \
            .failure(lambda exc: self.message.setText(str(exc))).run_in_background()

    def _reloaded(self, view) -> None:
        self.show_dossier(view)
        self.changed.emit(view)

    def _ask_rating(self) -> None:
        if self.view is not None:
            self.rate_requested.emit(self.view, "return" if self.view.status == 10 else "intake")


__all__ = ["FeePanel", "fee_state"]
