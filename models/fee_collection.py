"""The fee collection list for the accountant (bảng kê thu phí, lệ phí) per day or period.

Every payment recorded in the period (by the moment it was recorded as paid), with the
totals by method (cash, transfer); besides, what dossiers received in the period still owe and
what was exempted, so that the cash box, the bank statement and the register agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from printing.fee_list import FeeListData, FeeListRow, render_fee_list
from printing.fee_list_xlsx import render_fee_list_xlsx

from .audit import now as clock
from .citizen_tables import DossierFee
from .fee_records import METHODS
from .forms import form_settings
from .report_period import Period
from .settings import require_settings
from .statuses import NEW, REFUSED
from .tables import Dossier, Officer


@dataclass(frozen=True)
class FeeCollection:
    period: Period
    rows: tuple[FeeListRow, ...]
    totals: dict  # method → amount
    outstanding_count: int
    outstanding_amount: int
    exempt_count: int
    exempt_amount: int

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def to_dict(self) -> dict:
        return {"period": self.period.to_dict(), "total": self.total, "count": len(self.rows),
                "by_method": dict(self.totals),
                "outstanding": {"count": self.outstanding_count, "amount": self.outstanding_amount},
                "exempt": {"count": self.exempt_count, "amount": self.exempt_amount},
                "payments": [r.to_dict() for r in self.rows]}


def fee_collection(period: Period) -> FeeCollection:
    """The payments recorded in ``period`` and the period's unpaid and exempted fees."""
    paid = (DossierFee.paid_at >= period.starts_at) & (DossierFee.paid_at < period.ends_before)
    query = (DossierFee.select(DossierFee, Dossier.code, Dossier.procedure_name, Dossier.applicant_name,
                               Officer.full_name)
             .join(Dossier).switch(DossierFee).join(Officer, JOIN.LEFT_OUTER, on=(DossierFee.paid_by == Officer.id))
             .where(paid).order_by(DossierFee.paid_at, Dossier.code))
    rows = tuple(FeeListRow(paid_at=f.paid_at, code=f.dossier.code, procedure_name=f.dossier.procedure_name,
                            payer=f.dossier.applicant_name, amount=f.paid_amount or 0,
                            method=METHODS.get(f.method, f.method),
                            officer=(f.paid_by.full_name or "") if f.paid_by is not None else "")
                 for f in query)
    totals = {name: 0 for name in METHODS.values()}
    for row in rows:
        totals[row.method] = totals.get(row.method, 0) + row.amount
    received = ((Dossier.received_at >= period.starts_at) & (Dossier.received_at < period.ends_before)
                & Dossier.status.not_in([NEW, REFUSED]))
    owed = (DossierFee.select(fn.COUNT(DossierFee.dossier), fn.COALESCE(fn.SUM(DossierFee.amount), 0))
            .join(Dossier).where(received & DossierFee.paid_at.is_null() & (DossierFee.amount > 0)).tuples().first())
    exempt = (DossierFee.select(fn.COUNT(DossierFee.dossier), fn.COALESCE(fn.SUM(DossierFee.full_amount), 0))
              .join(Dossier).where(received & (DossierFee.exempt_reason != "")).tuples().first())
    return FeeCollection(period, rows, totals, int(owed[0]), int(owed[1]), int(exempt[0]), int(exempt[1]))


def fee_list_data(collection: FeeCollection, *, now: datetime | None = None, preparer: str = "") -> FeeListData:
    period = collection.period
    label = f"{period.label} ({period.range_text})" if period.label else period.range_text.capitalize()
    return FeeListData(period_text=label, rows=collection.rows, totals=tuple(collection.totals.items()),
                       outstanding=(collection.outstanding_count, collection.outstanding_amount),
                       exempt=(collection.exempt_count, collection.exempt_amount),
                       issued_at=now or clock(), preparer=preparer)


def fee_list_pdf(collection: FeeCollection, **options) -> bytes:
    return render_fee_list(fee_list_data(collection, **options), form_settings(require_settings()))


def fee_list_xlsx(collection: FeeCollection, **options) -> bytes:
    return render_fee_list_xlsx(fee_list_data(collection, **options), form_settings(require_settings()))


__all__ = ["FeeCollection", "fee_collection", "fee_list_pdf", "fee_list_xlsx"]
