"""The fee as the forms print it (printing.data.FeeBlock), with the VietQR when the agency's
account is configured and something is still to pay."""
from __future__ import annotations

from printing.data import FeeBlock

from .citizen_settings import CitizenSettings, load_citizen_settings
from .dossiers import DossierView
from .fee_records import FeeView, view_of
from .fees import money
from .vietqr import payment_payload, transfer_message


def fee_text(fee: FeeView) -> str:
    """ "21.000 đồng (3 bản × 5 trang …)", "Miễn 21.000 đồng (…)", "21.000 đồng – đã thu …"."""
    if fee.exempt_reason:
        return f"Miễn {money(fee.full_amount)} ({fee.exempt_reason})"
    text = money(fee.amount)
    if fee.explanation and fee.explanation != money(fee.amount):
        text += f" ({fee.explanation})"
    if fee.paid:
        text += f"; đã thu ({fee.method_name.lower()}) lúc {fee.paid_at:%H:%M %d/%m/%Y}"
    return text


def payment_qr(code: str, fee: FeeView, settings: CitizenSettings) -> tuple[str, tuple[str, ...]]:
    """The VietQR payload and the lines printed under it; ("", ()) when there is none to print."""
    account = settings.bank_account
    if not account.configured or not fee.outstanding:
        return "", ()
    lines = (f"Số tiền: {money(fee.outstanding)}",
             f"Nội dung chuyển khoản: {transfer_message(code)}",
             f"Tài khoản: {account.number} – {account.name}")
    return payment_payload(account, fee.outstanding, code), lines


def fee_block(d: DossierView, settings: CitizenSettings | None = None) -> FeeBlock | None:
    """What a dossier's forms print about its fee; None when there is nothing to pay."""
    fee = d.fee_details or view_of(None, d.fee)
    if not fee.full_amount:
        return None
    qr, lines = payment_qr(d.code, fee, settings or load_citizen_settings())
    return FeeBlock(fee_text(fee), qr, lines)


__all__ = ["fee_block", "fee_text", "payment_qr"]
