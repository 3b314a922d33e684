"""Báo cáo › Số hóa: the QĐ 766 group 4 figures of the report's period per field (electronic
results 4.1, dossiers digitised at reception 4.2, reused papers 4.3) and the dossiers received
in the period that still miss a copy (double-click or Enter opens one)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from models.digitisation import digitisation_report

from .citizen_report_panel import _fill, _percent, _table
from .i18n import fmt_datetime
from .runner import Op


class DigitisationPanel(QWidget):
    open_code = Signal(str)
    loaded = Signal(object)  # the DigitisationReport shown

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report = None
        self.summary = QLabel()
        self.summary.setObjectName("digitisation_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.figures = _table([self.tr("Field"), self.tr("Finished"), self.tr("Electronic result"),
                               self.tr("Rate 4.1"), self.tr("Received"), self.tr("Every paper digitised"),
                               self.tr("Rate 4.2"), self.tr("Papers digitised"), self.tr("Reused"),
                               self.tr("Rate 4.3")], 0)
        self.missing = _table([self.tr("Received at"), self.tr("Dossier"), self.tr("Applicant"),
                               self.tr("Papers without a copy")], 3)
        self.missing.setObjectName("not_digitised")
        self.missing.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        figures = QGroupBox(self.tr("Digitisation (QĐ 766, group 4)"))
        figures_layout = QVBoxLayout(figures)
        figures_layout.addWidget(self.summary)
        figures_layout.addWidget(self.figures)
        missing = QGroupBox(self.tr("Dossiers received in the period not fully digitised"))
        QVBoxLayout(missing).addWidget(self.missing)
        layout = QVBoxLayout(self)
        layout.addWidget(figures, 2)
        layout.addWidget(missing, 3)

    def load(self, period) -> None:
        Op(self, lambda: digitisation_report(period)).success(self._show).run_in_background()

    def _show(self, report) -> None:
        self.report = report
        t = report.total
        self.summary.setText(
            self.tr("4.1 electronic results: %1 · 4.2 digitised at reception: %2 (full marks from 80 %) · "
                    "4.3 reused papers: %3").replace("%1", _percent(t.rate_4_1))
            .replace("%2", _percent(t.rate_4_2)).replace("%3", _percent(t.rate_4_3)))
        rows = [[name, str(f.finished), str(f.finished_electronic), _percent(f.rate_4_1), str(f.received),
                 str(f.received_digitised), _percent(f.rate_4_2), str(f.papers_digitised), str(f.papers_reused),
                 _percent(f.rate_4_3)] for name, f in report.rows]
        rows.append([self.tr("Total"), str(t.finished), str(t.finished_electronic), _percent(t.rate_4_1),
                     str(t.received), str(t.received_digitised), _percent(t.rate_4_2), str(t.papers_digitised),
                     str(t.papers_reused), _percent(t.rate_4_3)])
        _fill(self.figures, rows, set(range(1, 10)))
        _fill(self.missing, [[fmt_datetime(d.received_at), d.code, d.applicant_name,
                              "; ".join(d.missing) or self.tr("no paper listed")] for d in report.not_digitised])
        self.loaded.emit(report)

    def _open(self, row: int) -> None:
        if self.report is not None and 0 <= row < len(self.report.not_digitised):
            self.open_code.emit(self.report.not_digitised[row].code)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.missing.hasFocus():
            self._open(self.missing.currentRow())
            return
        super().keyPressEvent(event)
