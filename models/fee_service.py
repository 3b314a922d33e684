"""Fees at the counter (thu phí, lệ phí): the amount fixed at intake, the payment recorded.

The intake computes the fee from the catalog's rule and what the officer entered
(models.fees) and stores it with the dossier in the intake's own transaction. A payment (cash
or transfer, when, by whom) is recorded once; like every change to a dossier it is logged for
the day file in the same transaction.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from .audit import audit
from .audit import now as clock
from .citizen_tables import DossierFee
from .db import write_transaction
from .dossiers import get_dossier_row
from .errors import MotCuaError, ValidationError
from .fee_records import METHODS, FeeView, view_of
from .fees import FeeBasis, FeeQuote, FeeRule, entered_quote, flat_rule, money, quote
from .permissions import require
from .statuses import NEW, REFUSED
from .tables import Dossier, Officer, SyncChange

FUTURE_TOLERANCE = timedelta(minutes=10)
ONLINE = 2  # KenhThucHien: the portal collected the fee of an online dossier


def intake_quote(rule: FeeRule, flat_amount: int, *, basis: FeeBasis | None, entered: int | None,
                 channel: int = 1) -> FeeQuote:
    """The fee of a dossier being received: an amount the officer typed (``entered``), else the
    rule applied to ``basis``. An online dossier brought without pages keeps the catalog's flat
    amount (the portal computed the fee; the intake must not be refused for it)."""
    if entered is not None:
        if entered < 0:
            raise ValidationError({"fee": "Lệ phí không được âm."})
        return entered_quote(entered, rule, basis)
    try:
        return quote(rule, basis)
    except ValidationError:
        if channel == ONLINE and basis is None:
            return quote(flat_rule(flat_amount, rule.name), None)
        raise


def store_fee(dossier: Dossier, fee: FeeQuote) -> None:
    """Keep the fee with a dossier being written (inside the intake's transaction); a dossier
    with nothing to pay and nothing exempted needs no row."""
    if not fee.full_amount:
        return
    DossierFee.create(
        dossier=dossier, amount=fee.amount, full_amount=fee.full_amount,
        exempt_reason=fee.exempt_reason,
        basis=json.dumps(fee.basis.to_dict(), ensure_ascii=False) if fee.basis else "",
        lines=json.dumps([line.to_dict() for line in fee.lines], ensure_ascii=False),
        explanation=fee.explanation,
    )


def get_fee(code: str) -> FeeView:
    """The fee of the dossier with this code."""
    row = get_dossier_row(code)
    return view_of(DossierFee.get_or_none(DossierFee.dossier == row.id), row.fee)


def record_payment(code: str, by: Officer, *, method: str, at: datetime | None = None,
                   now: datetime | None = None) -> FeeView:
    """Record that the citizen paid the dossier's fee (action "fee.record_payment").

    ``method`` is "cash" (tiền mặt) or "transfer" (chuyển khoản). The whole amount due is
    recorded; a fee already paid, a dossier with nothing to pay, one refused at reception or
    an online dossier not yet received is refused with a message and nothing changes.
    """
    now = (now or clock()).replace(microsecond=0)
    at = (at or now).replace(microsecond=0)
    if method not in METHODS:
        raise ValidationError({"method": "Hình thức thu phải là cash (tiền mặt) hoặc transfer (chuyển khoản)."})
    if at > now + FUTURE_TOLERANCE:
        raise ValidationError({"at": "Thời điểm thu không được ở tương lai."})
    by = require(by, "fee.record_payment", entity="dossier", entity_id=code)
    from .workflow import take_version

    with write_transaction():
        row = get_dossier_row(code)
        take_version(row)  # two counters recording one payment: the second waits, then is told
        if row.status == NEW:
            raise MotCuaError(f"Hồ sơ {row.code} chưa được tiếp nhận; chưa thu phí, lệ phí.")
        if row.status == REFUSED:
            raise MotCuaError(f"Hồ sơ {row.code} đã bị từ chối tiếp nhận; không thu phí, lệ phí.")
        fee = DossierFee.get_or_none(DossierFee.dossier == row.id)
        if fee is None and row.fee:  # received before fees were stored: its flat amount
            fee = DossierFee.create(dossier=row, amount=row.fee, full_amount=row.fee,
                                    lines=json.dumps([line.to_dict() for line in
                                                      view_of(None, row.fee).lines], ensure_ascii=False))
        if fee is None or not fee.amount:
            reason = f" (được miễn: {fee.exempt_reason})" if fee is not None and fee.exempt_reason else ""
            raise MotCuaError(f"Hồ sơ {row.code} không có phí, lệ phí phải thu{reason}.")
        if fee.paid_at is not None:
            raise MotCuaError(f"Phí, lệ phí của hồ sơ {row.code} đã thu lúc {fee.paid_at:%H:%M %d/%m/%Y} "
                              f"({METHODS.get(fee.method, fee.method).lower()}).")
        if at < row.received_at:
            raise ValidationError({"at": f"Thời điểm thu không được trước lúc tiếp nhận "
                                         f"({row.received_at:%H:%M %d/%m/%Y})."})
        fee.paid_at, fee.paid_by, fee.paid_amount, fee.method = at, by, fee.amount, method
        fee.save()
        Dossier.update(updated_at=now).where(Dossier.id == row.id).execute()
        SyncChange.create(dossier=row, event=None, at=now)
        audit("fee.record_payment", by, "dossier", row.code,
              {"amount": fee.amount, "method": method, "at": at}, at=now)
    return view_of(fee, row.fee)


def payment_message(code: str, view: FeeView) -> str:
    return (f"Đã ghi nhận thu {money(view.paid_amount or 0)} của hồ sơ {code} "
            f"({view.method_name.lower()}) lúc {view.paid_at:%H:%M %d/%m/%Y}.")


__all__ = ["get_fee", "intake_quote", "payment_message", "record_payment", "store_fee"]
