"""Tiếp nhận hồ sơ (intake): one citizen at a time, keyboard only, F9 saves and prints.

Nothing here checks a rule: the form builds an IntakeRequest and models.intake.receive
validates it (all fields at once) and writes it in one transaction, or writes nothing. The
birth date is read by models.dates, the one date reader of the app.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.attachments import attach_prepared, prepare_copies, reuse_candidates
from models.catalog import list_procedures
from models.chip_id import looks_like_chip_qr, parse_chip_qr
from models.dates import BIRTH_YEARS, parse_date
from models.errors import ValidationError
from models.intake import IntakeRequest, PersonInput, check_intake, find_applicant, preview_due, receive
from models.statuses import CHANNELS, RESULT_DELIVERY

from .address_picker import AddressPicker
from .documents_checklist import DocumentsChecklist
from .fee_box import FeeBox
from .field_errors import FieldErrors
from .fit_label import FitLabel
from .folded_combo import FoldedCombo
from .form_printer import FormPrinter
from .i18n import fmt_date, fmt_datetime
from .preload import DATA, PRINTING
from .runner import Op

SAVE_KEY = "F9"
SIDE_WIDTH = 330


class IntakeScreen(QWidget):
    """``saved(view)`` after a dossier is recorded; ``receipt_shown(pdf)`` once it is on screen."""

    saved = Signal(object)
    receipt_shown = Signal(bytes)
    invalid = Signal(object)  # the errors shown (tests wait on it)

    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.errors = FieldErrors()
        self.printer = FormPrinter(self, officer)
        self.printer.shown.connect(lambda kind, pdf: kind == "receipt" and self.receipt_shown.emit(pdf))
        self.printer.print_failed.connect(self._print_failed)
        self._procedures: dict = {}
        self._looked_up: tuple[str, bool] | None = None
        self._due_generation = 0
        self._saving = False
        self._build()
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self.refresh_due)
        self._clock.start()
        QShortcut(QKeySequence(SAVE_KEY), self, self.submit, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+N"), self, self.clear_form, context=Qt.WidgetWithChildrenShortcut)

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        e = self.errors
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("12 digits, or scan the chip ID card"))
        self.id_number.setToolTip(self.tr("ID number first: a known number fills the rest; "
                                          "a chip ID card scan fills the whole block"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Citizen"), 1)
        self.kind.addItem(self.tr("Organisation"), 2)
        self.name = QLineEdit()
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.sex = QComboBox()
        self.sex.addItem("", "")
        self.sex.addItem(self.tr("Male"), "Nam")
        self.sex.addItem(self.tr("Female"), "Nữ")
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = AddressPicker()

        applicant = QGroupBox(self.tr("Applicant"))
        form = QGridLayout(applicant)
        # Two columns of label/field pairs; long fields span the width. Every label has its
        # own Alt key (tests/ui/test_ui_keyboard.py checks that no two share one).
        grid = [
            [(self.tr("&ID number"), self.id_number, "id_number"), (self.tr("T&ype"), self.kind, "kind")],
            [(self.tr("Full &name"), self.name, "name")],
            [(self.tr("&Birth date"), self.birth, "birth_date"), (self.tr("&Sex"), self.sex, "sex")],
            [(self.tr("&Phone"), self.phone, "phone"), (self.tr("&E-mail"), self.email, "email")],
            [(self.tr("&Address"), self.address, "address")],
        ]
        for row, line in enumerate(grid):
            column = 0
            for label, widget, key in line:
                caption = QLabel(label)
                caption.setBuddy(widget.province if widget is self.address else widget)
                form.addWidget(caption, row, column)
                if widget is self.address:
                    form.setAlignment(caption, Qt.AlignTop)
                form.addWidget(e.wrap(key, widget), row, column + 1, 1, 3 if len(line) == 1 else 1)
                column += 2
        for column in (1, 3):
            form.setColumnStretch(column, 1)

        self.authorised = QGroupBox(self.tr("A&uthorised person (applying on the applicant's behalf)"))
        self.authorised.setCheckable(True)
        self.authorised.setChecked(False)
        self.auth_name = QLineEdit()
        self.auth_id = QLineEdit()
        self.auth_phone = QLineEdit()
        self.auth_address = QLineEdit()
        self.auth_paper = QLineEdit()
        self.auth_paper.setPlaceholderText(self.tr("e.g. Power of attorney no. 12 of 01/03/2026"))
        auth = QFormLayout(self.authorised)
        auth.addRow(self.tr("Full name"), e.wrap("authorised_name", self.auth_name))
        auth.addRow(self.tr("ID number"), e.wrap("authorised_id_number", self.auth_id))
        auth.addRow(self.tr("Phone"), e.wrap("authorised_phone", self.auth_phone))
        auth.addRow(self.tr("Address"), e.wrap("authorised_address", self.auth_address))
        auth.addRow(self.tr("Authorisation paper"), e.wrap("authorised_authorisation", self.auth_paper))
        self.authorised.toggled.connect(self._show_authorised)
        self._show_authorised(False)

        self.procedure = FoldedCombo()
        self.procedure.lineEdit().setPlaceholderText(
            self.tr("Type part of the name, without accents if you like"))
        self.procedure.setToolTip(self.tr("Procedure (Alt+T): type to filter, arrows and Enter to pick"))
        self.procedure.chosen.connect(self._procedure_chosen)
        self.documents = DocumentsChecklist()
        self.documents.copy_problem.connect(lambda message: self.errors.show({"documents": message}))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(48)
        self.channel = QComboBox()
        for code, name in CHANNELS.items():
            self.channel.addItem(name, code)
        self.delivery = QComboBox()
        for code, name in RESULT_DELIVERY.items():
            self.delivery.addItem(name, code)
        self.sets = QSpinBox()
        self.sets.setRange(1, 99)
        self.fee = FeeBox()  # pages, copies, exemption → the fee, live

        request = QGroupBox(self.tr("Request"))
        rform = QFormLayout(request)
        rform.setRowWrapPolicy(QFormLayout.DontWrapRows)
        rform.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for text, widget, key, focus in (
            (self.tr("Procedure (&T)"), self.procedure, "procedure", self.procedure),
            (self.tr("Documents (&D)"), self.documents, "documents", self.documents.table),
            (self.tr("Number of sets (&K)"), self.sets, "sets", self.sets),
            (self.tr("Fee (&F)"), self.fee, "fee_basis", self.fee),
            (self.tr("&Channel"), self.channel, "channel", self.channel),
            (self.tr("&Result collected"), self.delivery, "result_delivery", self.delivery),
            (self.tr("N&otes"), self.notes, "notes", self.notes),
        ):
            caption = QLabel(text)
            caption.setBuddy(focus)
            rform.addRow(caption, e.wrap(key, widget) if key != "fee_basis" else e.wrap(key, widget, "fee"))

        self.due = QLabel(self.tr("Choose a procedure"))
        self.due.setObjectName("due_preview")
        self.due.setWordWrap(True)
        self.due.setStyleSheet("font-size: 15px; font-weight: bold; color: #0b5394;")
        self.last_code = FitLabel(22, 9)
        self.last_code.setObjectName("last_code")
        self.last_code.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.last_info = QLabel()
        self.last_info.setWordWrap(True)
        self.last_info.setMinimumWidth(1)
        self.save_button = QPushButton(self.tr("Save and print receipt (F9)"))
        self.save_button.setToolTip(self.tr("Check, save, print the receipt and show it (F9)"))
        self.save_button.clicked.connect(self.submit)
        self.clear_button = QPushButton(self.tr("New citizen (Ctrl+N)"))
        self.clear_button.setToolTip(self.tr("Clear the form without saving (Ctrl+N)"))
        self.clear_button.clicked.connect(self.clear_form)

        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Due date")))
        side.addWidget(self.due)
        side.addWidget(self.fee.total)
        side.addSpacing(12)
        side.addWidget(self.errors.general)
        side.addWidget(self.save_button)
        side.addWidget(self.clear_button)
        side.addSpacing(24)
        side.addWidget(QLabel(self.tr("Last dossier received")))
        side.addWidget(self.last_code)
        side.addWidget(self.last_info)
        side.addStretch(1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(SIDE_WIDTH)

        left = QVBoxLayout()
        left.addWidget(applicant)
        left.addWidget(self.authorised)
        left.addWidget(request)
        left.addStretch(1)
        inner = QWidget()
        inner.setLayout(left)
        self.scroll = QScrollArea()
        self.scroll.setWidget(inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        # The form follows the pane's width (messages wrap, never widen it): only its height scrolls.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)  # no jump when it grows
        layout = QHBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(side_box)

        order = [self.id_number, self.kind, self.name, self.birth, self.sex, self.phone, self.email,
                 self.address.province, self.address.commune, self.address.detail, self.authorised,
                 self.auth_name, self.auth_id, self.auth_phone, self.auth_address, self.auth_paper,
                 self.procedure, self.documents.table, self.documents.extra, self.documents.add,
                 self.sets, self.fee.pages, self.fee.copies, self.fee.exempt, self.fee.reason, self.channel, self.delivery, self.notes, self.save_button,
                 self.clear_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        for widget in order:  # the form scrolls to whatever gets the cursor
            widget.installEventFilter(self)

        self.id_number.returnPressed.connect(self._id_entered)
        self.id_number.editingFinished.connect(self._id_left)
        for widget in (self.name, self.birth, self.phone, self.email):
            widget.returnPressed.connect(self.focusNextChild)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.FocusIn and isinstance(watched, QWidget):
            self.scroll.ensureWidgetVisible(watched, 10, 10)
        return False

    def _show_authorised(self, on: bool) -> None:
        for widget in (self.auth_name, self.auth_id, self.auth_phone, self.auth_address, self.auth_paper):
            widget.parentWidget().setVisible(on)
        layout = self.authorised.layout()
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.LabelRole)
            if item and item.widget():
                item.widget().setVisible(on)

    def load(self) -> None:
        """Fill the procedure and address lists (after the window is shown)."""
        self.address.load()
        # models.catalog is imported with this screen: the list need not wait for any stage.
        Op(self, lambda: list_procedures(), needs=()).success(self._set_procedures).run_in_background()

    def focus_first(self) -> None:
        self.id_number.setFocus()

    def _set_procedures(self, procedures) -> None:
        self._procedures = {p.code: p for p in procedures}
        self.procedure.set_items([(f"{p.name} ({p.time_limit_text})", p.code) for p in procedures],
                                 extra_key=lambda code: code)

    # -- the applicant --------------------------------------------------------------------
    def _id_entered(self) -> None:
        text = self.id_number.text()
        if looks_like_chip_qr(text):
            card = parse_chip_qr(text)
            if card is None:
                self.errors.show({"id_number": self.tr("The scanned code is not a chip ID card.")})
                return
            self.id_number.setText(card.id_number)
            self.name.setText(card.name)
            self.birth.setText(fmt_date(card.birth_date))
            self.sex.setCurrentIndex(max(0, self.sex.findData(card.sex)))
            self.address.set_text(card.address)
            self._look_up(card.id_number, keep_card=True)
            self.phone.setFocus()
            return
        self._look_up(text, keep_card=False)
        self.name.setFocus()

    def _id_left(self) -> None:
        if not looks_like_chip_qr(self.id_number.text()):
            self._look_up(self.id_number.text(), keep_card=False)

    def _look_up(self, id_number: str, keep_card: bool) -> None:
        digits = "".join(ch for ch in id_number if ch.isdigit())
        if len(digits) not in (9, 12) or self._looked_up == (digits, keep_card):
            return
        self._looked_up = (digits, keep_card)

        def fill(known: dict | None) -> None:
            if not known or self.id_number.text().strip() != digits:
                return
            if not keep_card:  # the card is newer than what we had: keep its name and address
                self.name.setText(known["name"])
                self.address.set_text(known["address"])
                if known.get("birth_date"):
                    self.birth.setText(fmt_date(date.fromisoformat(known["birth_date"])))
                self.sex.setCurrentIndex(max(0, self.sex.findData(known.get("sex", ""))))
                self.kind.setCurrentIndex(max(0, self.kind.findData(known.get("kind", 1))))
            if not self.phone.text():
                self.phone.setText(known.get("phone", ""))
            if not self.email.text():
                self.email.setText(known.get("email", ""))
            self.last_info.setText(self.tr("Returning applicant: details filled from the last dossier."))
        Op(self, lambda: find_applicant(digits), needs=()).success(fill).run_in_background()

        def offer(candidates) -> None:  # the citizen's papers digitised before (tái sử dụng)
            if self.id_number.text().strip() == digits:
                self.documents.set_offers(candidates)
        Op(self, lambda: reuse_candidates(digits)).success(offer).run_in_background()

    # -- the procedure and the due date -----------------------------------------------------
    def _procedure_chosen(self, code) -> None:
        procedure = self._procedures.get(code)
        offers = list(self.documents.offers.values())
        self.documents.set_documents(procedure.documents if procedure else [])
        self.documents.set_offers(offers)
        self.fee.set_procedure(procedure)
        self.refresh_due()

    def refresh_due(self) -> None:
        code = self.procedure.currentData()
        if not code:
            self.due.setText(self.tr("Choose a procedure"))
            return
        self._due_generation += 1
        generation = self._due_generation
        moment = datetime.now().replace(microsecond=0)

        def show(due: datetime) -> None:
            if generation == self._due_generation:
                self.due.setText(fmt_datetime(due))
        Op(self, lambda: preview_due(code, moment)).success(show).run_in_background()

    # -- saving ---------------------------------------------------------------------------
    def request(self) -> tuple[IntakeRequest, dict[str, str]]:
        """What the form says, and the errors found in reading it (the birth date)."""
        errors: dict[str, str] = {}
        birth = None
        if self.birth.text().strip():
            try:
                birth = parse_date(self.birth.text(), "birth_date", label="Ngày sinh", years=BIRTH_YEARS)
            except ValidationError as exc:
                errors.update(exc.errors)
        authorised = None
        if self.authorised.isChecked():
            authorised = PersonInput(name=self.auth_name.text(), id_number=self.auth_id.text(),
                                     phone=self.auth_phone.text(), address=self.auth_address.text(),
                                     authorisation=self.auth_paper.text())
        request = IntakeRequest(
            procedure=self.procedure.currentData() or "",
            applicant=PersonInput(name=self.name.text(), id_number=self.id_number.text(),
                                  phone=self.phone.text(), email=self.email.text(),
                                  address=self.address.text(), birth_date=birth,
                                  sex=self.sex.currentData() or "", kind=self.kind.currentData()),
            authorised_person=authorised, documents=self.documents.received(),
            channel=self.channel.currentData(), result_delivery=self.delivery.currentData(),
            sets=self.sets.value(), notes=self.notes.toPlainText(), fee_basis=self.fee.basis(),
        )
        return request, errors

    def submit(self) -> None:
        """F9: validate and save in the background, then show the receipt and print it."""
        if self._saving:
            return
        request, form_errors = self.request()
        self._saving = True
        self.save_button.setEnabled(False)
        officer = self.officer
        pending = self.documents.pending_copies()

        def work():
            if form_errors:  # report them with every other field's, and save nothing
                try:
                    check_intake(request)
                except ValidationError as exc:
                    raise ValidationError({**exc.errors, **form_errors}) from None
                raise ValidationError(form_errors)
            from models.forms import render_for_printing

            # Copies are read and converted first: a wrong file refuses the intake, nothing saved.
            prepared = prepare_copies(pending)
            view = receive(request, officer)
            attached, problems = attach_prepared(view.code, prepared, officer)
            return view, render_for_printing("receipt", view.code), attached, problems

        def done(result) -> None:
            view, form, attached, problems = result
            self._saving = False
            self.save_button.setEnabled(True)
            self.clear_form()
            self.last_code.setText(view.code)
            info = self.tr("%1 – due %2").replace("%1", view.applicant_name) \
                .replace("%2", fmt_datetime(view.due_at))
            if attached:
                info += "\n" + self.tr("%1 electronic copies attached").replace("%1", str(len(attached)))
            if view.warnings or problems:
                info += "\n" + "\n".join([*view.warnings, *problems])
            self.last_info.setText(info)
            self.saved.emit(view)
            self.printer.show_form(form, print_now=True)

        def failed(exc: Exception) -> None:
            self._saving = False
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self._invalid(exc)
            else:
                self.errors.show({"": str(exc)})
        Op(self, work, needs=(DATA, PRINTING)).success(done).failure(failed).run_in_background()

    def _invalid(self, exc: ValidationError) -> None:
        errors = dict(exc.errors)
        if not self.authorised.isChecked():
            errors = {k: v for k, v in errors.items() if not k.startswith("authorised_")}
        widget = self.errors.show(errors)
        if widget is not None:
            target = widget.province if widget is self.address else \
                widget.table if widget is self.documents else widget
            target.setFocus()
            self.scroll.ensureWidgetVisible(target, 10, 10)
        self.invalid.emit(errors)

    def _print_failed(self, code: str, message: str) -> None:
        self.last_info.setText(self.last_info.text() + "\n"
                               + self.tr("Receipt not printed: %1").replace("%1", message))

    def clear_form(self) -> None:
        for widget in (self.id_number, self.name, self.birth, self.phone, self.email, self.auth_name,
                       self.auth_id, self.auth_phone, self.auth_address, self.auth_paper):
            widget.clear()
        self._looked_up = None
        self.kind.setCurrentIndex(0)
        self.sex.setCurrentIndex(0)
        self.address.clear()
        self.authorised.setChecked(False)
        self.procedure.select_data(None)
        self.documents.clear()
        self.notes.clear()
        self.channel.setCurrentIndex(0)
        self.delivery.setCurrentIndex(0)
        self.sets.setValue(1)
        self.fee.clear()
        self.errors.clear()
        self.due.setText(self.tr("Choose a procedure"))
        self.scroll.verticalScrollBar().setValue(0)
        self.id_number.setFocus()
