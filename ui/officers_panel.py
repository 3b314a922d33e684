"""Officer accounts and roles (admin only): add, rename, change role, lock, set a password."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from models.accounts import ROLES, add_officer, list_officers, set_password, update_officer

from .field_errors import FieldErrors
from .runner import Op


class OfficersPanel(QWidget):
    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.officers = []
        self.errors = FieldErrors()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Full name"), self.tr("Role"), self.tr("Active")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for key, name in ROLES.items():
            self.role.addItem(name, key)
        self.active = QCheckBox(self.tr("Account in use"))
        self.active.setChecked(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("Leave empty to keep the current password"))
        box = QGroupBox(self.tr("Account"))
        form = QFormLayout(box)
        form.addRow(self.tr("Username"), self.errors.wrap("username", self.username))
        form.addRow(self.tr("Full name"), self.errors.wrap("full_name", self.full_name))
        form.addRow(self.tr("Role"), self.errors.wrap("role", self.role))
        form.addRow("", self.active)
        form.addRow(self.tr("Password"), self.errors.wrap("password", self.password))
        self.add = QPushButton(self.tr("Add officer"))
        self.save = QPushButton(self.tr("Save changes"))
        self.add.clicked.connect(self.add_new)
        self.save.clicked.connect(self.save_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(box)
        right.addLayout(buttons)
        right.addWidget(self.errors.general)
        right.addStretch(1)
        layout.addLayout(right)

    def load(self) -> None:
        Op(self, list_officers).success(self._show).run_in_background()

    def _show(self, officers) -> None:
        self.officers = officers
        self.table.setRowCount(len(officers))
        for row, o in enumerate(officers):
            for column, value in enumerate([o.username, o.full_name, ROLES.get(o.role, o.role),
                                            self.tr("yes") if o.active else self.tr("no")]):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.officers):
            o = self.officers[row]
            self.username.setText(o.username)
            self.full_name.setText(o.full_name)
            self.role.setCurrentIndex(self.role.findData(o.role))
            self.active.setChecked(o.active)
            self.password.clear()
            self.errors.clear()

    def _failed(self, exc: Exception) -> None:
        self.errors.show(getattr(exc, "errors", {"": str(exc)}))

    def add_new(self) -> None:
        username, name, role = self.username.text(), self.full_name.text(), self.role.currentData()
        password, officer = self.password.text() or None, self.officer
        Op(self, lambda: add_officer(username, name, role, password, by=officer)) \
            .success(lambda _i: (self.errors.clear(), self.password.clear(), self.load())) \
            .failure(self._failed).run_in_background()

    def save_selected(self) -> None:
        username, name, role = self.username.text(), self.full_name.text(), self.role.currentData()
        active, password, officer = self.active.isChecked(), self.password.text(), self.officer

        def work():
            update_officer(username, full_name=name, role=role, active=active, by=officer)
            if password:
                set_password(username, password, by=officer)
        Op(self, work).success(lambda _r: (self.errors.clear(), self.password.clear(), self.load())) \
            .failure(self._failed).run_in_background()
