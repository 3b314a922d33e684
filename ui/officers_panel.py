"""Officer accounts and roles (admin only): add, rename, change roles and titles, disable, set
a password, lift a sign-in lock."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.accounts import add_officer, list_officers, set_password, unlock, update_officer
from models.permissions import ROLES

from .field_errors import FieldErrors
from .i18n import fmt_datetime
from .runner import Op


class OfficersPanel(QWidget):
    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.officers = []
        self.errors = FieldErrors()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Full name"), self.tr("Title"), self.tr("Roles"), self.tr("State")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        # Chức danh: what the province reads as ChucDanh of this person's steps.
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Justice and civil status officer"))
        self.title.setToolTip(self.tr("The title sent to the province with each step this person records"))
        # One box per role: a person may hold several (a one-person commune holds all three).
        self.roles = {key: QCheckBox(name) for key, name in ROLES.items()}
        self.roles["officer"].setChecked(True)
        roles_row = QWidget()
        roles_layout = QHBoxLayout(roles_row)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        for box in self.roles.values():
            roles_layout.addWidget(box)
        self.active = QCheckBox(self.tr("Account in use"))
        self.active.setChecked(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("Leave empty to keep the current password"))
        box = QGroupBox(self.tr("Account"))
        form = QFormLayout(box)
        form.addRow(self.tr("Username"), self.errors.wrap("username", self.username))
        form.addRow(self.tr("Full name"), self.errors.wrap("full_name", self.full_name))
        form.addRow(self.tr("Title"), self.errors.wrap("title", self.title))
        form.addRow(self.tr("Roles"), self.errors.wrap("role", roles_row))
        form.addRow("", self.active)
        form.addRow(self.tr("Password"), self.errors.wrap("password", self.password))
        self.add = QPushButton(self.tr("Add officer"))
        self.save = QPushButton(self.tr("Save changes"))
        self.unlock_button = QPushButton(self.tr("Lift sign-in lock"))
        self.unlock_button.setToolTip(self.tr("After too many wrong passwords the account waits up to "
                                              "15 minutes; lift the wait now"))
        self.add.clicked.connect(self.add_new)
        self.save.clicked.connect(self.save_selected)
        self.unlock_button.clicked.connect(self.unlock_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.save)
        buttons.addWidget(self.unlock_button)
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

    def _state(self, o) -> str:
        if not o.active:
            return self.tr("not in use")
        if o.locked_until:
            return self.tr("sign-in locked until %1").replace("%1", fmt_datetime(o.locked_until))
        return self.tr("in use")

    def _show(self, officers) -> None:
        self.officers = officers
        self.table.setRowCount(len(officers))
        for row, o in enumerate(officers):
            for column, value in enumerate([o.username, o.full_name, o.title, o.role_names, self._state(o)]):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.officers):
            o = self.officers[row]
            self.username.setText(o.username)
            self.full_name.setText(o.full_name)
            self.title.setText(o.title)
            for key, box in self.roles.items():
                box.setChecked(key in o.roles)
            self.active.setChecked(o.active)
            self.password.clear()
            self.errors.clear()

    def chosen_roles(self) -> list[str]:
        return [key for key, box in self.roles.items() if box.isChecked()]

    def _failed(self, exc: Exception) -> None:
        self.errors.show(getattr(exc, "errors", {"": str(exc)}))

    def _done(self, _result=None) -> None:
        self.errors.clear()
        self.password.clear()
        self.load()

    def add_new(self) -> None:
        username, name, roles = self.username.text(), self.full_name.text(), self.chosen_roles()
        password, officer, title = self.password.text() or None, self.officer, self.title.text()
        Op(self, lambda: add_officer(username, name, roles, password, by=officer, title=title)) \
            .success(self._done).failure(self._failed).run_in_background()

    def save_selected(self) -> None:
        username, name, roles = self.username.text(), self.full_name.text(), self.chosen_roles()
        active, password, officer = self.active.isChecked(), self.password.text(), self.officer
        title = self.title.text()

        def work():
            update_officer(username, full_name=name, roles=roles, active=active, title=title, by=officer)
            if password:
                set_password(username, password, by=officer)
        Op(self, work).success(self._done).failure(self._failed).run_in_background()

    def unlock_selected(self) -> None:
        username, officer = self.username.text(), self.officer
        Op(self, lambda: unlock(username, by=officer)).success(self._done).failure(self._failed) \
            .run_in_background()
