"""Báo cáo › Công dân: for the report's period, the citizens' satisfaction (QĐ 766 group 5),
the fees collected (the accountant's list as PDF or Excel) and the public notice of late
dossiers with the apology (PDF to print and post)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .i18n import fmt_datetime
from .preload import DATA, PRINTING, REPORTS
from .runner import Op
from .table_items import table_item


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.Stretch if column == stretch
                                    else QHeaderView.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numbers: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, table_item(value, number=c in numbers))


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.2f} %".replace(".", ",")


def citizen_figures(period) -> tuple:
    from models.fee_collection import fee_collection
    from models.satisfaction import satisfaction_figures

    return satisfaction_figures(period), fee_collection(period)


class CitizenReportPanel(QWidget):
    def __init__(self, officer=None, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.period = None
        self.figures = None
        self.collection = None
        self.preview = None
        self.satisfied = QLabel()
        self.satisfied.setObjectName("satisfied_rate")
        self.satisfied.setStyleSheet("font-weight: bold;")
        self.levels = _table([self.tr("Level"), self.tr("Ratings"), self.tr("Share")], 0)
        self.comments = _table([self.tr("Time"), self.tr("Dossier"), self.tr("Level"), self.tr("Comment")], 3)
        ratings = QGroupBox(self.tr("Citizens' satisfaction"))
        rating_layout = QVBoxLayout(ratings)
        rating_layout.addWidget(self.satisfied)
        row = QHBoxLayout()
        row.addWidget(self.levels, 2)
        row.addWidget(self.comments, 5)
        rating_layout.addLayout(row)

        self.fee_summary = QLabel()
        self.fee_summary.setObjectName("fee_summary")
        self.fee_summary.setWordWrap(True)
        self.payments = _table([self.tr("Paid at"), self.tr("Dossier"), self.tr("Procedure"), self.tr("Amount"),
                                self.tr("Method"), self.tr("Collected by")], 2)
        self.fee_pdf = QPushButton(self.tr("Fee list (PDF)…"))
        self.fee_xlsx = QPushButton(self.tr("Fee list (Excel)…"))
        self.notice = QPushButton(self.tr("Notice of late dossiers (PDF)…"))
        self.notice.setObjectName("notice_button")
        self.notice.setToolTip(self.tr("The public list of the period's late dossiers with the apology and "
                                       "the new appointments, to print and post (names masked)"))
        fees = QGroupBox(self.tr("Fees collected"))
        fee_layout = QVBoxLayout(fees)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fee_summary, 1)
        buttons.addWidget(self.fee_pdf)
        buttons.addWidget(self.fee_xlsx)
        fee_layout.addLayout(buttons)
        fee_layout.addWidget(self.payments)
        self.status = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.notice)
        layout = QVBoxLayout(self)
        layout.addWidget(ratings, 1)
        layout.addWidget(fees, 1)
        layout.addLayout(bottom)
        self.fee_pdf.clicked.connect(self.show_fee_pdf)
        self.fee_xlsx.clicked.connect(lambda: self.save_fee_xlsx())
        self.notice.clicked.connect(self.show_notice)

    def load(self, period) -> None:
        self.period = period
        Op(self, lambda: citizen_figures(period), needs=(DATA, REPORTS)).success(self._show).run_in_background()

    def _show(self, loaded) -> None:
        from printing.fee_list import amount_text

        self.figures, self.collection = loaded
        f, c = loaded
        self.satisfied.setText(self.tr("%1 ratings, satisfied: %2").replace("%1", str(f.ratings))
                               .replace("%2", _percent(f.satisfied_rate)))
        _fill(self.levels, [[x["name"], str(x["count"]), _percent(x["share"])] for x in f.levels], {1, 2})
        _fill(self.comments, [[fmt_datetime(datetime.fromisoformat(x["at"])), x["code"], x["level_name"],
                               x["comment"]] for x in f.comments])
        parts = [self.tr("Collected: %1 đồng in %2 payments").replace("%1", amount_text(c.total))
                 .replace("%2", str(len(c.rows)))]
        parts += [f"{method}: {amount_text(amount)} đồng" for method, amount in c.totals.items()]
        parts.append(self.tr("Still owed: %1 dossiers, %2 đồng").replace("%1", str(c.outstanding_count))
                     .replace("%2", amount_text(c.outstanding_amount)))
        parts.append(self.tr("Exempted: %1 dossiers").replace("%1", str(c.exempt_count)))
        self.fee_summary.setText(" · ".join(parts))
        _fill(self.payments, [[fmt_datetime(r.paid_at), r.code, r.procedure_name, amount_text(r.amount), r.method,
                               r.officer] for r in c.rows], {3})

    def _preview_pdf(self, work, title: str) -> None:
        def show(pdf: bytes) -> None:
            from .pdf_preview import PdfPreview

            if self.preview is None:
                self.preview = PdfPreview(self)
            self.preview.show_pdf(pdf, title)
        Op(self, work, needs=(DATA, PRINTING, REPORTS)).success(show).run_in_background()

    def show_fee_pdf(self) -> None:
        if self.collection is None:
            return
        collection = self.collection

        def work() -> bytes:
            from models.fee_collection import fee_list_pdf

            return fee_list_pdf(collection)
        self._preview_pdf(work, self.tr("Fee list %1").replace("%1", collection.period.range_text))

    def save_fee_xlsx(self, path: str = "") -> None:
        if self.collection is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the fee list"), "bang-ke-thu-phi.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        collection = self.collection

        def work() -> str:
            from models.fee_collection import fee_list_xlsx

            with open(path, "wb") as handle:
                handle.write(fee_list_xlsx(collection))
            return path
        Op(self, work, needs=(DATA, REPORTS)).success(
            lambda p: self.status.setText(self.tr("Saved: %1").replace("%1", p))).run_in_background()

    def show_notice(self) -> None:
        if self.period is None:
            return
        period, officer = self.period, self.officer

        def work() -> bytes:
            from models.notice_board import render_notice_board

            return render_notice_board(period, officer=officer)
        self._preview_pdf(work, self.tr("Notice of late dossiers %1").replace("%1", period.range_text))


__all__ = ["CitizenReportPanel"]
