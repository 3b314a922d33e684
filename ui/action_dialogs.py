"""The dialogs of the workflow actions (chuyển xử lý, yêu cầu bổ sung, gia hạn, trả kết quả…).

One table describes every action (its fields — named as the workflow service's keywords — and
the form it prints); one dialog class shows any of them, so the dialogs cannot drift apart.

What depends on who is signed in (DOMAIN §9; the services check it again):
- a leader may record a step from the paper register at an earlier moment, with a reason
  ("Ghi theo sổ giấy"); an account that may not do the step now can only record it that way;
- an extension needs the leader who signs the apology: a leader signs it themselves, an
  officer chooses the leader.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from models import online, workflow
from models.accounts import leaders
from models.audit import now as clock
from models.dossiers import DossierView
from models.errors import ValidationError
from models.permissions import can
from models.statuses import ACTION_NAMES, RECEIVED

from .date_field import DateTimeField
from .field_errors import FieldErrors
from .runner import Op

CTX = "ActionDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


@dataclass(frozen=True)
class Field:
    name: str  # the key of ValidationError.errors and of the values passed to ``perform``
    label: str
    kind: str = "line"  # line, text, lines (one item per line), datetime
    default: Callable[[DossierView], object] | None = None


@dataclass(frozen=True)
class ActionSpec:
    fields: tuple[Field, ...]  # named as the keywords of models.workflow.ACTIONS[action]
    form: str | None = None  # the form printed when the action is done
    hint: str = ""
    # the service, when it is not models.workflow.ACTIONS[action] (an online dossier's acceptance)
    perform: Callable[..., DossierView] | None = None
    backdating: bool = True  # whether a leader may record it at an earlier moment


def _default_new_due(view: DossierView) -> datetime:
    return view.due_at + timedelta(days=1)


def _default_recipient(view: DossierView) -> str:
    auth = view.authorised_person or {}
    return auth.get("name") or view.applicant_name


NOTE = Field("note", QT_TRANSLATE_NOOP("ActionDialog", "Note"), "text")
ACTIONS: dict[str, ActionSpec] = {
    "accept": ActionSpec(
        (NOTE,), form="receipt", perform=online.accept, backdating=False,
        hint=QT_TRANSLATE_NOOP("ActionDialog", "Check the papers listed under Documents first. The dossier is "
                                               "received now: its appointment counts from this moment, and the "
                                               "receipt prints.")),
    "forward": ActionSpec((Field("unit", QT_TRANSLATE_NOOP("ActionDialog", "Processing unit")), NOTE)),
    "supplement": ActionSpec(
        (Field("missing", QT_TRANSLATE_NOOP("ActionDialog", "Papers or contents to supplement (one per line)"),
               "lines"),
         Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason"), "text")),
        form="supplement",
        hint=QT_TRANSLATE_NOOP("ActionDialog", "List everything at once: the guidance must be complete in one go. "
                                    "The clock stops until the papers come back.")),
    "resume": ActionSpec((NOTE,), hint=QT_TRANSLATE_NOOP("ActionDialog", "The due date moves by the working time paused.")),
    "request_payment": ActionSpec((Field("note", QT_TRANSLATE_NOOP("ActionDialog", "Financial obligation"), "text"),)),
    "paid": ActionSpec((NOTE,)),
    "extend": ActionSpec(
        (Field("new_due", QT_TRANSLATE_NOOP("ActionDialog", "New due date"), "datetime", _default_new_due),
         Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason (printed on the apology)"), "text")),
        form="apology"),
    "finish": ActionSpec((NOTE,)),
    "return": ActionSpec(
        (Field("recipient", QT_TRANSLATE_NOOP("ActionDialog", "Received by (full name)"), "line", _default_recipient),
         NOTE)),
    "refuse": ActionSpec((Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason for refusal"), "text"),),
                         form="refusal",
                         hint=QT_TRANSLATE_NOOP("ActionDialog", "Only on the day of reception, before forwarding; "
                                                "later, stop the dossier instead.")),
    "withdraw": ActionSpec((Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason"), "text"),), form="stop"),
    "stop": ActionSpec((Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason for stopping"), "text"),),
                       form="stop"),
}
SECOND_SUPPLEMENT_HINT = QT_TRANSLATE_NOOP(
    "ActionDialog", "A second request for papers is an exception recorded by a leader: the dossier "
                    "counts as late from now on.")
LATE_EXTENSION_HINT = QT_TRANSLATE_NOOP(
    "ActionDialog", "The due moment has passed: the citizen gets the new date, but the dossier stays "
                    "late in the reports.")


def available(view: DossierView, action: str, officer, now: datetime) -> bool:
    """Whether the signed-in account may record ``action`` on this dossier now — itself, or as
    a leader's record from the paper register. (A refusal is made on the day of reception.)"""
    if ACTIONS[action].backdating and can(officer, "dossier.backdate"):
        return True
    if action == "refuse" and view.status == RECEIVED and view.received_at.date() != now.date():
        return False
    return can(officer, workflow.permission_for(view, action))


class ActionDialog(QDialog):
    """Fill the action's fields and confirm (Ctrl+Enter); ``done_view(view, form)`` on success.

    Window-modal over the window that opened it (use ``open()``): a second action cannot be
    started on the same dossier, and Ctrl+Enter cannot reach the window behind."""

    done_view = Signal(object, object)
    stale = Signal(str)  # another counter updated the dossier first: the message

    def __init__(self, action: str, view: DossierView, officer, parent=None, *,
                 now: Callable[[], datetime] = clock):
        """``now``: the counter's clock, the moment the step is recorded (tests set it)."""
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModal)
        self.action, self.view, self.officer, self.now = action, view, officer, now
        self.spec = ACTIONS[action]
        self.may_now = can(officer, workflow.permission_for(view, action))
        self.may_backdate = self.spec.backdating and can(officer, "dossier.backdate")
        self.setWindowTitle(f"{ACTION_NAMES[action]} – {view.code}")
        self.errors = FieldErrors()
        self.inputs: dict[str, object] = {}
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{ACTION_NAMES[action]}</b><br>{view.code} – {view.applicant_name}"
                       f"<br>{view.procedure_name}")
        title.setWordWrap(True)
        title.setMinimumWidth(1)
        layout.addWidget(title)
        hints = [self.spec.hint] if self.spec.hint else []
        if workflow.permission_for(view, action) == "dossier.supplement_again":
            hints.append(SECOND_SUPPLEMENT_HINT)
        if workflow.permission_for(view, action) == "dossier.extend_late":
            hints.append(LATE_EXTENSION_HINT)
        for text in hints:
            hint = QLabel(_tr(text))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        form = QFormLayout()
        for spec in self.spec.fields:
            widget = self._input(spec)
            self.inputs[spec.name] = widget
            form.addRow(_tr(spec.label), self.errors.wrap(spec.name, widget))
        self.signer: QComboBox | None = None
        if action == "extend" and not can(officer, "dossier.sign_apology"):
            self.signer = QComboBox()
            self.signer.setToolTip(QCoreApplication.translate("ActionDialog",
                                                              "The leader who signs the apology"))
            form.addRow(QCoreApplication.translate("ActionDialog", "Signed by (leader)"),
                        self.errors.wrap("signer", self.signer))
            Op(self, leaders).success(self._show_leaders).run_in_background()
        layout.addLayout(form)
        self.backdate: QCheckBox | None = None
        if self.may_backdate:
            layout.addWidget(self._backdate_box())
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(QCoreApplication.translate("ActionDialog", "Confirm"), QDialogButtonBox.AcceptRole)
        self.ok.setToolTip(QCoreApplication.translate("ActionDialog", "Record this step (Ctrl+Enter)"))
        self.ok.setShortcut("Ctrl+Return")
        self.ok.setDefault(True)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.ok.click)  # the keypad's Enter
        cancel = buttons.addButton(QCoreApplication.translate("ActionDialog", "Cancel"), QDialogButtonBox.RejectRole)
        cancel.setToolTip(QCoreApplication.translate("ActionDialog", "Close without recording (Esc)"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Wrapped text (the title, the hint, error lines) is as tall as the width allows: a
        # dialog allowed to be very narrow would ask for a very tall minimum.
        self.setMinimumWidth(480)
        self.resize(520, 300)
        first = self.inputs[self.spec.fields[0].name] if self.spec.fields else self.ok
        first.setFocus()

    def _backdate_box(self) -> QGroupBox:
        """A leader's record of a step that happened earlier (from the paper register)."""
        box = QGroupBox()
        rows = QFormLayout(box)
        self.backdate = QCheckBox(QCoreApplication.translate(
            "ActionDialog", "Record from the paper register: it happened earlier"))
        self.backdate.setToolTip(QCoreApplication.translate(
            "ActionDialog", "A leader's record; the real time of entry is kept beside it"))
        self.happened = DateTimeField(self.now().replace(second=0, microsecond=0), optional=False, field="at",
                                      label=QCoreApplication.translate("ActionDialog", "Happened at"))
        self.backdate_reason = QLineEdit()
        self.backdate_reason.setPlaceholderText(QCoreApplication.translate(
            "ActionDialog", "e.g. power cut on 28/10, from the paper register"))
        rows.addRow(self.backdate)
        rows.addRow(QCoreApplication.translate("ActionDialog", "Happened at"),
                    self.errors.wrap("at", self.happened))
        rows.addRow(QCoreApplication.translate("ActionDialog", "Why it is recorded late"),
                    self.errors.wrap("backdate_reason", self.backdate_reason))

        def toggled(on: bool) -> None:
            self.happened.setEnabled(on)
            self.backdate_reason.setEnabled(on)
        self.backdate.toggled.connect(toggled)
        toggled(False)
        if not self.may_now:  # this account can only record it from the paper register
            self.backdate.setChecked(True)
            self.backdate.setEnabled(False)
        return box

    def _show_leaders(self, found) -> None:
        if self.signer is None:
            return
        self.signer.clear()
        for info in found:
            self.signer.addItem(f"{info.full_name} ({info.username})", info.username)

    def _input(self, spec: Field):
        default = spec.default(self.view) if spec.default else None
        if spec.kind == "datetime":
            return DateTimeField(default or datetime.now().replace(second=0, microsecond=0),
                                 optional=False, field=spec.name, label=_tr(spec.label))
        if spec.kind in ("text", "lines"):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(90 if spec.kind == "lines" else 60)
            if default:
                edit.setPlainText(str(default))
            return edit
        edit = QLineEdit(str(default or ""))
        return edit

    def values(self) -> dict:
        values = {}
        for spec in self.spec.fields:
            widget = self.inputs[spec.name]
            if spec.kind == "datetime":
                values[spec.name] = widget.value().replace(second=0)
            elif spec.kind == "lines":
                values[spec.name] = [line for line in widget.toPlainText().splitlines() if line.strip()]
            elif spec.kind == "text":
                values[spec.name] = widget.toPlainText()
            else:
                values[spec.name] = widget.text()
        if self.signer is not None:
            values["signer"] = self.signer.currentData() or ""
        if self.backdate is not None and self.backdate.isChecked():
            values["at"] = self.happened.value().replace(second=0)
            values["backdate_reason"] = self.backdate_reason.text()
        return values

    def submit(self) -> None:
        try:
            values = self.values()
        except ValidationError as exc:  # a date that does not read
            widget = self.errors.show(exc.errors)
            if widget is not None:
                widget.setFocus()
            return
        code, officer = self.view.code, self.officer
        perform, values["now"] = self.spec.perform or workflow.ACTIONS[self.action], self.now()
        self.ok.setEnabled(False)

        def done(view: DossierView) -> None:
            self.ok.setEnabled(True)
            self.done_view.emit(view, self.spec.form)
            self.accept()

        def failed(exc: Exception) -> None:
            self.ok.setEnabled(True)
            if isinstance(exc, workflow.DossierChanged):
                # Never a lost update: the officer sees what the other counter did, then decides.
                QMessageBox.information(self, self.windowTitle(), str(exc))
                self.stale.emit(str(exc))
                self.reject()
                return
            errors = exc.errors if isinstance(exc, ValidationError) else {"": str(exc)}
            widget = self.errors.show(errors)
            if widget is not None:
                widget.setFocus()

        version = self.view.version

        def work():
            with workflow.shown_version(version):
                return perform(code, officer, **values)
        Op(self, work).success(done).failure(failed).run_in_background()
