"""The citizen's side of the counter on the command line: fees, ratings, the notice board, the
fee collection list, the lookup kiosk, and the options these add to other commands.

``extend`` adds, once every module has registered its commands:
- ``setup --vietqr-bank BIN --vietqr-account NUMBER --vietqr-name NAME`` (and the slip and
  satisfaction settings);
- ``paid CODE --method cash|transfer``: records the payment of the dossier's fee. Without
  ``--method`` ``paid`` is what it always was: the financial obligation of a dossier in
  status 6 is met (6 → 4). With it, the fee is recorded as paid, and a dossier in status 6 also
  moves on to 4 — the citizen paid at the counter;
- ``receipt CODE --paper 80mm`` (the slip; A4/A5 override the setting) and the same ``--paper``
  on ``print``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from models.errors import MotCuaError, ValidationError
from models.report_period import Period, parse_period, period_between

from .context import Context, fmt_dt


def register(commands) -> None:
    p = commands.add_parser("rate", help="ghi đánh giá mức độ hài lòng của công dân về hồ sơ")
    p.add_argument("code")
    p.add_argument("--level", type=int, required=True,
                   help="mức đánh giá theo thang đang dùng, 1 là mức đầu (mặc định: 1 Rất hài lòng, "
                        "2 Hài lòng, 3 Không hài lòng)")
    p.add_argument("--comment", default="", help="góp ý của công dân")
    p.add_argument("--stage", choices=["intake", "return"],
                   help="sau tiếp nhận hoặc sau trả kết quả (mặc định: theo trạng thái hồ sơ)")
    p.add_argument("--at", help="thời điểm đánh giá (mặc định: bây giờ)")
    p.set_defaults(handler=cmd_rate)

    def period_options(parser) -> None:
        parser.add_argument("--period", metavar="KỲ", help="day:2026-11-23, month:2026-11, quarter:2026-Q4, "
                                                          "half:2026-H2, year:2026")
        parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")

    p = commands.add_parser("notice", help="bảng niêm yết công khai hồ sơ quá hạn và lời xin lỗi (PDF, A4 ngang)")
    period_options(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_notice, read_only=True)

    p = commands.add_parser("fees", help="bảng kê thu phí, lệ phí trong ngày/kỳ cho kế toán (PDF/Excel)")
    period_options(p)
    p.add_argument("--pdf", metavar="FILE")
    p.add_argument("--xlsx", metavar="FILE")
    p.set_defaults(handler=cmd_fees, read_only=True)

    p = commands.add_parser("kiosk", help="mở màn hình tra cứu hồ sơ cho công dân (toàn màn hình, chỉ xem)")
    p.add_argument("--screen", type=int, default=0, metavar="N",
                   help="màn hình thứ N (1 là màn hình chính; mặc định: màn hình phụ nếu có)")
    p.set_defaults(handler=cmd_kiosk)


def extend(commands) -> None:
    choices = commands.choices
    setup = choices["setup"]
    setup.add_argument("--vietqr-bank", metavar="BIN", help="mã BIN 6 số của ngân hàng nhận phí (VietQR)")
    setup.add_argument("--vietqr-account", metavar="NUMBER", help="số tài khoản nhận phí, lệ phí")
    setup.add_argument("--vietqr-name", metavar="NAME", help="tên chủ tài khoản")
    setup.add_argument("--no-vietqr", action="store_true", help="bỏ tài khoản nhận phí (không in mã VietQR)")
    setup.add_argument("--slip", choices=["off", "instead", "also"],
                       help="phiếu 80 mm khi tiếp nhận: off (không), instead (thay giấy A4), also (kèm giấy A4)")
    setup.add_argument("--slip-printer", metavar="NAME", help="máy in nhiệt khổ 80 mm")
    setup.add_argument("--satisfaction-levels", metavar="MỨC;MỨC;…",
                       help="thang đánh giá hài lòng, các mức cách nhau bằng dấu chấm phẩy, mức tốt nhất trước")
    setup.add_argument("--satisfied-levels", type=int, metavar="N",
                       help="số mức đầu thang được tính là hài lòng")
    _wrap(setup, _setup_extras)

    settings = choices["settings"]
    _wrap(settings, _settings_extras)

    paid = choices["paid"]
    paid.add_argument("--method", choices=["cash", "transfer"],
                      help="ghi nhận đã thu phí, lệ phí của hồ sơ: tiền mặt (cash) hoặc chuyển khoản (transfer)")
    _wrap(paid, _paid_with_method)

    receipt = choices["receipt"]
    receipt.add_argument("--paper", choices=["A4", "A5", "80mm"],
                         help="khổ giấy: A4, A5 hoặc 80mm (phiếu cho máy in nhiệt); mặc định: cài đặt")
    _wrap(receipt, _receipt_paper)

    printing = choices["print"]
    printing.add_argument("--paper", choices=["80mm"], help="80mm: in phiếu khổ 80 mm (với --kind receipt)")
    _wrap(printing, _print_paper)


def _wrap(parser: argparse.ArgumentParser, extra) -> None:
    """Put ``extra(ctx, original)`` in front of the parser's handler."""
    original = parser.get_default("handler")
    parser.set_defaults(handler=lambda ctx: extra(ctx, original))


class _Captured(Context):
    """A Context that keeps what the command would print, so that two results print as one."""

    def emit(self, data, text="") -> None:
        self.captured = (data, text)


# -- options added to other commands --------------------------------------------------------------
def _setup_extras(ctx: Context, original):
    a = ctx.args
    changes: dict = {}
    if a.no_vietqr:
        changes.update(vietqr_bank="", vietqr_account="", vietqr_name="")
    for option, name in (("vietqr_bank", "vietqr_bank"), ("vietqr_account", "vietqr_account"),
                         ("vietqr_name", "vietqr_name"), ("slip", "slip_mode"),
                         ("slip_printer", "slip_printer"), ("satisfied_levels", "satisfied_levels")):
        if getattr(a, option, None) is not None:
            changes[name] = getattr(a, option)
    if a.satisfaction_levels is not None:
        changes["satisfaction_levels"] = [x for x in a.satisfaction_levels.split(";")]
    if not changes:
        return original(ctx)
    from models.citizen_settings import check_citizen_settings, update_citizen_settings

    check_citizen_settings(**changes)  # nothing is stored if these are wrong
    inner = _Captured(ctx.args, ctx.signed_in)
    result = original(inner)

    # On a new database nobody signed in: the settings are the first admin's, just created.
    from models.session import acting_officer

    stored = update_citizen_settings(ctx.signed_in or acting_officer(), **changes)
    data, text = getattr(inner, "captured", ({}, ""))
    account = (f"Tài khoản nhận phí (VietQR): {stored.vietqr_account} – {stored.vietqr_name}, "
               f"ngân hàng BIN {stored.vietqr_bank}." if stored.vietqr_account else
               "Chưa có tài khoản nhận phí (không in mã VietQR).")
    ctx.emit({**data, "citizen": stored.to_dict()}, f"{text}\n{account}" if text else account)
    return result


def _settings_extras(ctx: Context, original):
    from models.citizen_settings import load_citizen_settings

    inner = _Captured(ctx.args)
    original(inner)
    data, _text = getattr(inner, "captured", ({}, ""))
    ctx.emit({**data, "citizen": load_citizen_settings().to_dict()})


def _paid_with_method(ctx: Context, original):
    if ctx.args.method is None:
        from models.errors import TransitionError

        try:
            return original(ctx)
        except TransitionError as exc:
            from models.fee_service import get_fee
            from models.fees import money

            fee = get_fee(ctx.args.code)
            if fee.outstanding:
                raise TransitionError(f"{exc} Để ghi nhận đã thu {money(fee.outstanding)} phí, lệ phí: "
                                      f"paid {ctx.args.code} --method cash|transfer.") from exc
            raise
    from models import workflow
    from models.dossiers import get_dossier
    from models.fee_service import get_fee, payment_message, record_payment
    from models.statuses import FINANCIAL

    from .dossier_commands import dossier_lines

    code, officer = ctx.args.code, ctx.officer()
    at = _at(ctx)
    messages = []
    fee = get_fee(code)
    if fee.outstanding:
        fee = record_payment(code, officer, method=ctx.args.method, at=at)
        messages.append(payment_message(code, fee))
    dossier = get_dossier(code)
    if dossier.status == FINANCIAL:
        method = "tiền mặt" if ctx.args.method == "cash" else "chuyển khoản"
        note = ctx.args.note or f"Đã nộp ({method})"
        dossier = workflow.paid(code, officer, note=note, at=at)
        messages.append(f"Hồ sơ {dossier.code} đã thực hiện nghĩa vụ tài chính, chuyển sang đang xử lý.")
    if not messages:
        if fee.paid:
            raise MotCuaError(f"Phí, lệ phí của hồ sơ {dossier.code} đã thu lúc {fmt_dt(fee.paid_at)} "
                              f"({fee.method_name.lower()}).")
        raise MotCuaError(f"Hồ sơ {dossier.code} không có phí, lệ phí phải thu và không chờ thực hiện "
                          "nghĩa vụ tài chính.")
    ctx.emit(dossier.to_dict(), messages + dossier_lines(dossier))


def _at(ctx: Context):
    from models.intake import parse_local_datetime

    return parse_local_datetime(ctx.args.at, "at") if getattr(ctx.args, "at", None) else None


def _write(path: str, pdf: bytes) -> dict:
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    return {"path": str(target), "bytes": len(pdf)}


def _receipt_paper(ctx: Context, original):
    paper = ctx.args.paper
    if paper is None:
        return original(ctx)
    if paper == "80mm":
        from models.slips import render_slip_pdf

        result = _write(ctx.args.out, render_slip_pdf(ctx.args.code))
        ctx.emit({**result, "paper": paper}, f"Đã xuất phiếu hẹn khổ 80 mm ra {result['path']}.")
        return 0
    from dataclasses import replace

    from models.forms import FORM_RENDERERS, form_data

    data, settings = form_data("receipt", ctx.args.code)
    result = _write(ctx.args.out, FORM_RENDERERS["receipt"](data, replace(settings, page_size=paper)))
    ctx.emit({**result, "paper": paper}, f"Đã xuất giấy tiếp nhận khổ {paper} ra {result['path']}.")
    return 0


def _print_paper(ctx: Context, original):
    if ctx.args.paper is None:
        return original(ctx)
    if ctx.args.kind != "receipt":
        raise ValidationError({"paper": "Khổ 80 mm chỉ dùng cho giấy tiếp nhận (--kind receipt)."})
    from models.slips import print_slip
    from printing.dispatch import PrintError

    try:
        print_slip(ctx.args.code, by=ctx.officer(), printer=ctx.args.printer)
    except PrintError as exc:
        raise MotCuaError(f"{exc} Hồ sơ {ctx.args.code} vẫn được lưu; có thể in lại sau.") from exc
    ctx.emit({"code": ctx.args.code, "printed": True, "paper": "80mm"},
             f"Đã gửi lệnh in phiếu 80 mm của hồ sơ {ctx.args.code}.")
    return 0


# -- commands of this module ----------------------------------------------------------------------
def cmd_rate(ctx: Context) -> None:
    from models.satisfaction import STAGES, rate

    rating = rate(ctx.args.code, ctx.officer(), level=ctx.args.level, comment=ctx.args.comment,
                  stage=ctx.args.stage, at=_at(ctx))
    ctx.emit(rating.to_dict(), f"Đã ghi đánh giá hồ sơ {rating.code} ({STAGES[rating.stage].lower()}): "
                               f"{rating.level_name}" + (f" – “{rating.comment}”" if rating.comment else "") + ".")


def _period(args) -> Period:
    if args.period:
        if args.date_from or args.date_to:
            raise ValidationError({"period": "Dùng --period hoặc --from/--to, không dùng cả hai."})
        return parse_period(args.period)
    if not (args.date_from and args.date_to):
        raise ValidationError({"period": "Cần --period (ví dụ month:2026-11) hoặc --from và --to."})
    return period_between(args.date_from, args.date_to)


def cmd_notice(ctx: Context) -> None:
    from models.notice_board import notice_data, render_notice_board

    period = _period(ctx.args)
    data = notice_data(period, officer=ctx.officer())
    result = _write(ctx.args.out, render_notice_board(period, officer=ctx.officer()))
    ctx.emit({**result, "period": period.to_dict(), "count": len(data.rows)},
             f"Đã xuất bảng niêm yết {len(data.rows)} hồ sơ quá hạn ({data.period_text}) ra {result['path']}.")


def cmd_fees(ctx: Context) -> None:
    from models.fee_collection import fee_collection, fee_list_pdf, fee_list_xlsx
    from printing.fee_list import amount_text

    collection = fee_collection(_period(ctx.args))
    preparer = ""
    try:
        preparer = ctx.officer().full_name
    except MotCuaError:
        pass
    lines = [f"{r.paid_at:%H:%M %d/%m/%Y}  {r.code:<28} {amount_text(r.amount):>12} đ  {r.method:<12} {r.officer}"
             for r in collection.rows]
    lines.append(f"Tổng đã thu: {amount_text(collection.total)} đồng ({len(collection.rows)} hồ sơ); "
                 + "; ".join(f"{m}: {amount_text(v)} đồng" for m, v in collection.totals.items()))
    lines.append(f"Chưa thu: {collection.outstanding_count} hồ sơ, {amount_text(collection.outstanding_amount)} đồng; "
                 f"miễn: {collection.exempt_count} hồ sơ, {amount_text(collection.exempt_amount)} đồng.")
    if ctx.args.pdf:
        Path(ctx.args.pdf).expanduser().write_bytes(fee_list_pdf(collection, preparer=preparer))
        lines.append(f"Đã ghi bảng kê (PDF): {ctx.args.pdf}")
    if ctx.args.xlsx:
        Path(ctx.args.xlsx).expanduser().write_bytes(fee_list_xlsx(collection, preparer=preparer))
        lines.append(f"Đã ghi bảng kê (Excel): {ctx.args.xlsx}")
    ctx.emit(collection.to_dict(), lines)


def cmd_kiosk(ctx: Context) -> int:
    """The kiosk is a window: it needs a screen, like the app."""
    from ui.kiosk_window import run_kiosk

    return run_kiosk(screen=ctx.args.screen)


__all__ = ["extend", "register"]
