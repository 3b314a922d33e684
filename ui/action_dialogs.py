"""The dialogs of the workflow actions (chuyển xử lý, yêu cầu bổ sung, gia hạn, trả kết quả…).

One table describes every action (its fields, the service that performs it and the form it
prints); one dialog class shows any of them, so the dialogs cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDateTime, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QVBoxLayout,
)

from models import online, workflow
from models.dossiers import DossierView
from models.errors import ValidationError
from models.statuses import ACTION_NAMES

from .field_errors import FieldErrors
from .i18n import DATETIME_FORMAT
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
    fields: tuple[Field, ...]
    perform: Callable[..., DossierView]
    form: str | None = None  # the form printed when the action is done
    hint: str = ""


def _default_new_due(view: DossierView) -> datetime:
    return view.due_at + timedelta(days=1)


def _default_recipient(view: DossierView) -> str:
    auth = view.authorised_person or {}
    return auth.get("name") or view.applicant_name


NOTE = Field("note", QT_TRANSLATE_NOOP("ActionDialog", "Note"), "text")
ACTIONS: dict[str, ActionSpec] = {
    "accept": ActionSpec(
        (NOTE,), lambda code, officer, v: online.accept(code, officer, note=v["note"]), form="receipt",
        hint=QT_TRANSLATE_NOOP("ActionDialog", "Check the papers listed under Documents first. The dossier is "
                                               "received now: its appointment counts from this moment, and the "
                                               "receipt prints.")),
    "forward": ActionSpec(
        (Field("unit", QT_TRANSLATE_NOOP("ActionDialog", "Processing unit")), NOTE),
        lambda code, officer, v: workflow.forward(code, officer, unit=v["unit"], note=v["note"])),
    "supplement": ActionSpec(
        (Field("missing", QT_TRANSLATE_NOOP("ActionDialog", "Papers or contents to supplement (one per line)"),
               "lines"),
         Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason"), "text")),
        lambda code, officer, v: workflow.request_supplement(code, officer, missing=v["missing"],
                                                             reason=v["reason"]),
        form="supplement",
        hint=QT_TRANSLATE_NOOP("ActionDialog", "List everything at once: the guidance must be complete in one go. "
                                    "The clock stops until the papers come back.")),
    "resume": ActionSpec((NOTE,), lambda code, officer, v: workflow.resume(code, officer, note=v["note"]),
                         hint=QT_TRANSLATE_NOOP("ActionDialog", "The due date moves by the working time paused.")),
    "request_payment": ActionSpec(
        (Field("note", QT_TRANSLATE_NOOP("ActionDialog", "Financial obligation"), "text"),),
        lambda code, officer, v: workflow.request_payment(code, officer, note=v["note"])),
    "paid": ActionSpec((NOTE,), lambda code, officer, v: workflow.paid(code, officer, note=v["note"])),
    "extend": ActionSpec(
        (Field("new_due", QT_TRANSLATE_NOOP("ActionDialog", "New due date"), "datetime", _default_new_due),
         Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason (printed on the apology)"), "text")),
        lambda code, officer, v: workflow.extend(code, officer, new_due=v["new_due"], reason=v["reason"]),
        form="apology"),
    "finish": ActionSpec((NOTE,), lambda code, officer, v: workflow.finish(code, officer, note=v["note"])),
    "return": ActionSpec(
        (Field("recipient", QT_TRANSLATE_NOOP("ActionDialog", "Received by (full name)"), "line", _default_recipient),
         NOTE),
        lambda code, officer, v: workflow.return_result(code, officer, recipient=v["recipient"],
                                                        note=v["note"])),
    "refuse": ActionSpec(
        (Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason for refusal"), "text"),),
        lambda code, officer, v: workflow.refuse(code, officer, reason=v["reason"]), form="refusal"),
    "withdraw": ActionSpec(
        (Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason"), "text"),),
        lambda code, officer, v: workflow.withdraw(code, officer, reason=v["reason"]), form="stop"),
    "stop": ActionSpec(
        (Field("reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason for stopping"), "text"),),
        lambda code, officer, v: workflow.stop(code, officer, reason=v["reason"]), form="stop"),
}


class ActionDialog(QDialog):
    """Fill the action's fields and confirm (Ctrl+Enter); ``done_view(view, form)`` on success."""

    done_view = Signal(object, object)
    stale = Signal(str)  # another counter updated the dossier first: the message

    def __init__(self, action: str, view: DossierView, officer, parent=None):
        super().__init__(parent)
        self.action, self.view, self.officer = action, view, officer
        self.spec = ACTIONS[action]
        self.setWindowTitle(f"{ACTION_NAMES[action]} – {view.code}")
        self.errors = FieldErrors()
        self.inputs: dict[str, object] = {}
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{ACTION_NAMES[action]}</b><br>{view.code} – {view.applicant_name}"
                       f"<br>{view.procedure_name}")
        title.setWordWrap(True)
        layout.addWidget(title)
        if self.spec.hint:
            hint = QLabel(_tr(self.spec.hint))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        form = QFormLayout()
        for spec in self.spec.fields:
            widget = self._input(spec)
            self.inputs[spec.name] = widget
            form.addRow(_tr(spec.label), self.errors.wrap(spec.name, widget))
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(QCoreApplication.translate("ActionDialog", "Confirm"), QDialogButtonBox.AcceptRole)
        self.ok.setToolTip(QCoreApplication.translate("ActionDialog", "Record this step (Ctrl+Enter)"))
        self.ok.setShortcut("Ctrl+Return")
        self.ok.setDefault(True)
        cancel = buttons.addButton(QCoreApplication.translate("ActionDialog", "Cancel"), QDialogButtonBox.RejectRole)
        cancel.setToolTip(QCoreApplication.translate("ActionDialog", "Close without recording (Esc)"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 300)
        first = self.inputs[self.spec.fields[0].name] if self.spec.fields else self.ok
        first.setFocus()

    def _input(self, spec: Field):
        default = spec.default(self.view) if spec.default else None
        if spec.kind == "datetime":
            edit = QDateTimeEdit(QDateTime(default or datetime.now()))
            edit.setDisplayFormat(DATETIME_FORMAT)
            edit.setCalendarPopup(True)
            return edit
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
                values[spec.name] = widget.dateTime().toPython().replace(second=0, microsecond=0)
            elif spec.kind == "lines":
                values[spec.name] = [line for line in widget.toPlainText().splitlines() if line.strip()]
            elif spec.kind == "text":
                values[spec.name] = widget.toPlainText()
            else:
                values[spec.name] = widget.text()
        return values

    def submit(self) -> None:
        values, code, officer = self.values(), self.view.code, self.officer
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
                return self.spec.perform(code, officer, values)
        Op(self, work).success(done).failure(failed).run_in_background()
