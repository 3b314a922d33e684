"""A dossier's fee as plain values: what it owes, why, and whether it was paid.

Read-only, importing only storage, so that models.dossiers can show the fee with the dossier
(``show --json`` → ``"fee": {...}``). Writing is in models.fee_service.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from .citizen_tables import DossierFee
from .fees import DEFAULT_FEE_KIND, DEFAULT_FEE_NAME, FeeLine, money
from .tables import Officer

METHODS = {"cash": "Tiền mặt", "transfer": "Chuyển khoản"}


@dataclass(frozen=True)
class FeeView:
    """The fee of one dossier. ``recorded`` is False for a dossier received before fees were
    computed (only the flat amount is known) or with nothing to pay."""

    amount: int
    full_amount: int
    exempt_reason: str = ""
    basis: dict | None = None
    lines: tuple[FeeLine, ...] = ()
    explanation: str = ""
    paid_at: datetime | None = None
    paid_amount: int | None = None
    method: str = ""
    paid_by: str = ""
    paid_by_name: str = ""
    recorded: bool = False

    @property
    def paid(self) -> bool:
        return self.paid_at is not None

    @property
    def outstanding(self) -> int:
        return 0 if self.paid else self.amount

    @property
    def method_name(self) -> str:
        return METHODS.get(self.method, "")

    def summary(self) -> str:
        """One line for the screen and the forms: "15.000 đồng – đã thu (tiền mặt)"."""
        if self.exempt_reason:
            return f"Miễn {money(self.full_amount)} ({self.exempt_reason})"
        if not self.amount:
            return "Không thu phí, lệ phí"
        state = f"đã thu ({self.method_name.lower()})" if self.paid else "chưa thu"
        return f"{money(self.amount)} – {state}"

    def to_dict(self) -> dict:
        return {
            "amount": self.amount, "full_amount": self.full_amount, "currency": "VND",
            "exempt_reason": self.exempt_reason, "basis": self.basis,
            "lines": [line.to_dict() for line in self.lines], "explanation": self.explanation,
            "paid": self.paid, "paid_at": self.paid_at.isoformat() if self.paid_at else None,
            "paid_amount": self.paid_amount, "method": self.method or None,
            "paid_by": self.paid_by or None, "outstanding": self.outstanding,
        }


def _lines(text: str) -> tuple[FeeLine, ...]:
    return tuple(FeeLine(x.get("name", DEFAULT_FEE_NAME), x.get("code", ""),
                         x.get("kind", DEFAULT_FEE_KIND), int(x.get("amount", 0)))
                 for x in json.loads(text or "[]"))


def view_of(row: DossierFee | None, flat_amount: int, officers: dict[int, Officer] | None = None) -> FeeView:
    """The view of a stored fee row; without one, the dossier's flat ``fee`` column."""
    if row is None:
        lines = (FeeLine(DEFAULT_FEE_NAME, "", DEFAULT_FEE_KIND, flat_amount),) if flat_amount else ()
        return FeeView(flat_amount, flat_amount, lines=lines)
    who = None
    if row.paid_by_id is not None:
        who = (officers or {}).get(row.paid_by_id) or Officer.get_by_id(row.paid_by_id)
    return FeeView(
        amount=row.amount, full_amount=row.full_amount, exempt_reason=row.exempt_reason,
        basis=json.loads(row.basis) if row.basis else None, lines=_lines(row.lines),
        explanation=row.explanation, paid_at=row.paid_at, paid_amount=row.paid_amount,
        method=row.method, paid_by=who.username if who else "", paid_by_name=who.full_name if who else "",
        recorded=True,
    )


def fee_view(dossier_id: int, flat_amount: int) -> FeeView:
    """The fee of the dossier with this id (one primary-key lookup)."""
    return view_of(DossierFee.get_or_none(DossierFee.dossier == dossier_id), flat_amount)


def fee_views(dossier_ids: list[int]) -> dict[int, FeeView]:
    """The stored fees of a page of dossiers, in one query (dossiers without a row are absent)."""
    if not dossier_ids:
        return {}
    rows = list(DossierFee.select().where(DossierFee.dossier.in_(dossier_ids)))
    ids = {r.paid_by_id for r in rows if r.paid_by_id is not None}
    officers = {o.id: o for o in Officer.select().where(Officer.id.in_(ids))} if ids else {}
    return {r.dossier_id: view_of(r, r.amount, officers) for r in rows}


__all__ = ["METHODS", "FeeView", "fee_view", "fee_views", "view_of"]
