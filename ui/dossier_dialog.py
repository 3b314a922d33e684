"""One dossier (hồ sơ) in full: details, timeline, due-date history, the allowed actions, reprints.

Keyboard: each action button has its own Alt key; the action's dialog opens over this window
(modal) and Ctrl+Enter confirms it; Alt+I reprints a form; Esc closes. The window fits a
1366×768 screen however many actions the status allows (they sit in rows of four).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.audit import now as clock
from models.dossiers import DossierView, get_dossier
from models.statuses import ACTION_NAMES, CHANNELS, FINISHED, NEW, RESULT_DELIVERY, RETURNED, STATUS_NAMES

from .action_dialogs import ACTIONS, ActionDialog, available
from .attachments_panel import AttachmentsPanel
from .fee_panel import FeePanel
from .fit_label import FitLabel
from .form_printer import FormPrinter
from .i18n import fmt_datetime, fmt_number
from .mnemonics import mnemonic_of, with_mnemonic
from .pdf_preview import fitting_size
from .runner import Op

ACTIONS_PER_ROW = 4

# which event makes which form available for reprint
FORM_AFTER = {"supplement": "supplement", "refuse": "refusal", "extend": "apology",
              "withdraw": "stop", "stop": "stop"}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class DossierDialog(QDialog):
    """``changed(view)`` after an action, so that lists can refresh."""

    changed = Signal(object)
    loaded = Signal(object)

    def __init__(self, code: str, officer, parent=None, *, ready_action: str | None = None,
                 now: Callable[[], datetime] = clock):
        """``now``: the counter's clock for the actions recorded from here (tests set it)."""
        super().__init__(parent)
        self.code, self.officer, self.ready_action, self.now = code, officer, ready_action, now
        self.view: DossierView | None = None
        self.action_dialog: ActionDialog | None = None
        self._first_action: QWidget | None = None
        self.printer = FormPrinter(self, officer)
        self.setWindowTitle(self.tr("Dossier %1").replace("%1", code))
        self.resize(*fitting_size(self, (1000, 680)))

        self.heading = FitLabel(16, 10)
        self.heading.setText(code)
        self.heading.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setObjectName("dossier_state")
        self.state.setWordWrap(True)
        self.details = QFormLayout()
        self.details.setRowWrapPolicy(QFormLayout.WrapLongRows)
        details_box = QWidget()
        details_box.setLayout(self.details)
        details_scroll = QScrollArea()
        details_scroll.setWidget(details_box)
        details_scroll.setWidgetResizable(True)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        details_scroll.setFrameShape(QScrollArea.NoFrame)
        details_scroll.setMinimumWidth(320)
        details_scroll.setFocusPolicy(Qt.NoFocus)  # labels only: the cursor starts on the actions

        self.events = _table([self.tr("Time"), self.tr("Step"), self.tr("Status"),
                              self.tr("Officer"), self.tr("Note"), self.tr("Recorded at")])
        self.due_history = _table([self.tr("Time"), self.tr("Change"), self.tr("Old due date"),
                                   self.tr("New due date"), self.tr("Reason"), self.tr("Signed by")])
        self.documents = _table([self.tr("Document"), self.tr("Originals"), self.tr("Copies")])
        self.tabs = tabs = QTabWidget()
        tabs.addTab(self.events, self.tr("Timeline"))
        tabs.addTab(self.due_history, self.tr("Due dates"))
        tabs.addTab(self.documents, self.tr("Documents"))
        self.fee_panel = FeePanel(officer)  # the fee, its payment, the citizen's ratings
        self.fee_panel.changed.connect(self.changed)
        tabs.addTab(self.fee_panel, self.tr("Fee and rating"))
        self.copies_panel = AttachmentsPanel(officer)  # số hóa: the electronic copies
        self.copies_panel.changed.connect(self.reload)
        tabs.addTab(self.copies_panel, self.tr("Electronic copies"))

        self.actions_row = QGridLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        self.reprint = QToolButton()
        self.reprint.setText(self.tr("Re&print a form"))
        self.reprint.setToolTip(self.tr("Show and print any form of this dossier again"))
        self.reprint.setPopupMode(QToolButton.InstantPopup)
        self.reprint.setFocusPolicy(Qt.StrongFocus)
        self.reprint_menu = QMenu(self.reprint)
        self.reprint.setMenu(self.reprint_menu)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addLayout(self.actions_row, 1)
        ends = QVBoxLayout()
        ends.addWidget(self.reprint)
        ends.addWidget(self.close_button)
        ends.addStretch(1)
        bottom.addLayout(ends)

        top = QHBoxLayout()
        top.addWidget(self.heading, 3)
        top.addWidget(self.state, 2)
        middle = QHBoxLayout()
        middle.addWidget(details_scroll, 2)
        middle.addWidget(tabs, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        code = self.code
        Op(self, lambda: get_dossier(code)).success(self.show_view) \
            .failure(lambda exc: self.state.setText(str(exc))).run_in_background()

    def show_view(self, view: DossierView) -> None:
        self.view = view
        self.code = view.code
        self.heading.setText(view.code)
        state = view.status_name
        colour = "#333"
        if view.late:
            state += " – " + self.tr("LATE")
            colour = "#b00020"
        elif view.due_soon:
            state += " – " + self.tr("due within a day")
            colour = "#8a6d00"
        self.state.setText(state)
        self.state.setStyleSheet(f"font-size: 14px; font-weight: bold; color: {colour};")
        self._details(view)
        _fill(self.events, [[fmt_datetime(e.at), e.action_name,
                             STATUS_NAMES.get(e.to_status, ""), e.officer_name,
                             self._event_note(e), self._recorded(e)] for e in view.events])
        _fill(self.due_history, [[fmt_datetime(c.at), self._change_name(c.kind, c.overdue),
                                  fmt_datetime(c.old_due_at), fmt_datetime(c.new_due_at), c.reason,
                                  c.signer_name] for c in view.due_history])
        _fill(self.documents, [[d.name, str(d.originals), str(d.copies)] for d in view.documents])
        self._actions(view)
        self.fee_panel.show_dossier(view)
        self.copies_panel.show_dossier(view)
        self.loaded.emit(view)
        if self.ready_action:
            action, self.ready_action = self.ready_action, None
            if action in view.allowed_actions:
                self.start_action(action)
            elif action == "return":
                self.state.setText(state + " – " + self.tr("cannot be returned in this status"))
            else:
                self.state.setText(state + " – " + self.tr("no longer waiting for this step"))

    def _event_note(self, event) -> str:
        note = event.note
        missing = event.data.get("missing") if event.data else None
        if missing:
            note = "; ".join(missing) + (f" – {note}" if note else "")
        if event.data and event.data.get("unit"):
            note = event.data["unit"] + (f" – {note}" if note else "")
        if event.data and event.data.get("recipient"):
            note = self.tr("Received by %1").replace("%1", event.data["recipient"]) + \
                (f" – {note}" if note else "")
        return note

    def _recorded(self, event) -> str:
        """The real moment of entry of a step a leader recorded at an earlier moment."""
        if not event.backdated:
            return ""
        return self.tr("%1 (recorded late: %2)").replace("%1", fmt_datetime(event.recorded_at)) \
            .replace("%2", event.backdate_reason)

    def _change_name(self, kind: str, overdue: bool = False) -> str:
        if kind == "extend" and overdue:
            return self.tr("Extension after the due moment (still late)")
        return {"initial": self.tr("Appointment"), "resume": self.tr("Supplement received"),
                "extend": self.tr("Extension")}.get(kind, kind)

    def _details(self, view: DossierView) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        auth = view.authorised_person or {}
        rows = [
            (self.tr("Procedure"), f"{view.procedure_name} ({view.procedure_code})"),
            (self.tr("Time limit"), view.time_limit_text),
            (self.tr("Applicant"), view.applicant_name),
            (self.tr("ID number"), view.applicant_id_number),
            (self.tr("Phone"), view.applicant_phone),
            (self.tr("E-mail"), view.applicant_email),
            (self.tr("Address"), view.applicant_address),
            (self.tr("Authorised person"),
             " – ".join(x for x in (auth.get("name"), auth.get("id_number"), auth.get("authorisation")) if x)),
            (self.tr("Channel"), CHANNELS.get(view.channel, "")),
            (self.tr("Result collected"), RESULT_DELIVERY.get(view.result_delivery, "")),
            (self.tr("Sets / fee"), f"{view.sets} / {fmt_number(view.fee)} đ"),
            (self.tr("Code on the portal"), view.portal_code or ""),
        ]
        if view.status == NEW:  # an online dossier waiting: submitted, not received yet (no receipt)
            rows += [(self.tr("Submitted online"), fmt_datetime(view.received_at)),
                     (self.tr("Due"), self.tr("set when accepted"))]
        else:
            rows += [(self.tr("Received"), f"{fmt_datetime(view.received_at)} – {view.officer_name}"),
                     (self.tr("Appointment at reception"),
                      fmt_datetime(view.appointment_at_reception)
                      if view.appointment_at_reception != view.due_at else ""),
                     (self.tr("Due"), fmt_datetime(view.due_at))]
        rows += [
            (self.tr("Counted late from"), fmt_datetime(view.late_from)),
            (self.tr("Processing unit"), view.processing_unit),
            (self.tr("Finished"), fmt_datetime(view.finished_at)),
            (self.tr("Returned"), " – ".join(x for x in (fmt_datetime(view.returned_at), view.returned_to) if x)),
            # Only a received dossier has a receipt (not an online one waiting or refused from the queue).
            (self.tr("Receipt printed"), (self.tr("yes") if view.receipt_printed else self.tr("no – reprint it"))
             if any(e.action == "receive" for e in view.events) else ""),
            (self.tr("Notes"), view.notes),
        ]
        for label, value in rows:
            if value:
                text = QLabel(value)
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextSelectableByMouse)
                self.details.addRow(label, text)

    def _actions(self, view: DossierView) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        taken = {mnemonic_of(self.reprint.text())}
        actions = [a for a in view.allowed_actions
                   if a in ACTIONS and available(view, a, self.officer, self.now())]
        for i, action in enumerate(actions):
            button = QPushButton(with_mnemonic(ACTION_NAMES[action], taken))
            button.setObjectName(f"action_{action}")
            button.setToolTip(ACTION_NAMES[action])
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            self.actions_row.addWidget(button, i // ACTIONS_PER_ROW, i % ACTIONS_PER_ROW)
            self.action_buttons[action] = button
        self._first_action = self.action_buttons[actions[0]] if actions else self.close_button
        self._first_action.setFocus()
        from models.forms import FORM_NAMES

        self.reprint_menu.clear()
        # An online dossier has a receipt once accepted (received), not while it waits.
        received = any(e.action == "receive" for e in view.events)
        kinds = (["receipt", "control"] if received else []) + sorted({FORM_AFTER[e.action] for e in view.events
                                                                     if e.action in FORM_AFTER})
        for kind in kinds:
            self.reprint_menu.addAction(FORM_NAMES[kind], lambda k=kind: self.printer.show(k, self.code))

    def event(self, event) -> bool:
        """The cursor starts on the first action, also when the window is activated after
        the dossier was read (Qt would give it to the first widget of the window)."""
        if event.type() == QEvent.WindowActivate and self._first_action is not None:
            button, self._first_action = self._first_action, None
            QTimer.singleShot(0, button, button.setFocus)
        return super().event(event)

    def start_action(self, action: str) -> ActionDialog:
        """The action's dialog, modal over this window: one action at a time."""
        if self.action_dialog is not None and self.action_dialog.isVisible():
            return self.action_dialog
        if action == "accept":  # the papers of an online dossier are checked before accepting it
            self.tabs.setCurrentWidget(self.documents)
        self.action_dialog = ActionDialog(action, self.view, self.officer, self, now=self.now)
        self.action_dialog.done_view.connect(self._action_done)
        self.action_dialog.stale.connect(lambda _message: self.reload())  # the fresh view
        self.action_dialog.open()
        self.action_dialog.activateWindow()
        return self.action_dialog

    def _action_done(self, view: DossierView, form: str | None) -> None:
        self.changed.emit(view)
        if view.status in (FINISHED, RETURNED) and not any(a.kind == "result" for a in view.attachments):
            # The result is issued now: offer its electronic copy (kết quả điện tử, QĐ 766 4.1).
            self.copies_panel.ask_for_result()
            self.tabs.setCurrentWidget(self.copies_panel)
        self.reload()
        if form:
            self.printer.show(form, view.code, print_now=True)
