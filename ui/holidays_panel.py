"""Days off and swapped working days per year, with the admin's overrides and their legal basis."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import ValidationError
from models.holidays_admin import list_days, remove_override, set_override

from .date_field import DateField
from .field_errors import FieldErrors
from .i18n import fmt_date
from .runner import Op


class HolidaysPanel(QWidget):
    changed = Signal()

    def __init__(self, officer, editable: bool, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.errors = FieldErrors()
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.year.setValue(date.today().year)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Reason / legal basis"), self.tr("Source")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.day = DateField(date.today(), optional=False, field="day", label="Ngày")
        self.day.setMaximumWidth(120)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Day off"), False)
        self.kind.addItem(self.tr("Working day"), True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Công văn 9859/VPCP-KGVX"))
        self.add = QPushButton(self.tr("Add / change"))
        self.remove = QPushButton(self.tr("Remove selected override"))
        for widget in (self.day, self.kind, self.reason, self.add, self.remove):
            widget.setEnabled(editable)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        edit = QHBoxLayout()
        edit.addWidget(self.day)
        edit.addWidget(self.kind)
        edit.addWidget(self.errors.wrap("reason", self.reason), 1)
        edit.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        layout.addWidget(self.remove)
        layout.addWidget(self.errors.general)
        self.days: list[dict] = []
        self.year.valueChanged.connect(lambda _y: self.load())
        self.add.clicked.connect(self.save_override)
        self.remove.clicked.connect(self.remove_selected)

    def load(self) -> None:
        year = self.year.value()
        Op(self, lambda: list_days(year)).success(self._show).run_in_background()

    def _show(self, days: list[dict]) -> None:
        self.days = days
        self.table.setRowCount(len(days))
        for row, day in enumerate(days):
            values = [fmt_date(date.fromisoformat(day["date"])),
                      self.tr("Working day") if day["working"] else self.tr("Day off"),
                      day["reason"], self._source(day)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3 and day.get("basis"):
                    item.setToolTip(day["basis"])
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)

    def _source(self, day: dict) -> str:
        """Which layer decides the day (models.holidays_admin.list_days)."""
        if day["source"] == "admin":
            return self.tr("Administrator")
        if day["source"] == "province":
            return self.tr("Province package no. %1").replace("%1", str(day.get("package") or ""))
        if day["source"] == "official":
            return self.tr("Official decision (shipped)")
        return self.tr("Law (holidays)")

    def save_override(self) -> None:
        try:
            day = self.day.value()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        working, reason, officer = self.kind.currentData(), self.reason.text(), self.officer

        def done(_r) -> None:
            self.errors.clear()
            self.reason.clear()
            self.year.setValue(day.year)
            self.load()
            self.changed.emit()
        Op(self, lambda: set_override(day, working, reason, officer=officer)).success(done) \
            .failure(lambda exc: self.errors.show(getattr(exc, "errors", {"": str(exc)}))) \
            .run_in_background()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self.days[row]["source"] not in ("admin", "province"):
            self.errors.show({"": self.tr("Choose a day that the administrator or a province package added.")})
            return
        day, officer = date.fromisoformat(self.days[row]["date"]), self.officer
        Op(self, lambda: remove_override(day, officer=officer)).success(
            lambda _r: (self.load(), self.changed.emit())).run_in_background()
