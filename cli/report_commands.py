"""The period report for leaders (Biểu số 06/VPCP/KSTT): figures, late list, drill-down, files."""
from __future__ import annotations

import argparse
from pathlib import Path

from models.errors import ValidationError
from models.report_period import Period, parse_period, period_between
from models.reports import (
    FIGURE_NAMES,
    FIGURES,
    GROUPINGS,
    Figures,
    PeriodReport,
    ReportDossier,
    dossiers_behind,
    late_dossiers,
    period_report,
)

from .context import Context, fmt_dt


def register(commands) -> None:
    p = commands.add_parser(
        "report", help="báo cáo tình hình giải quyết TTHC theo kỳ (Biểu số 06/VPCP/KSTT)",
        description="Số liệu theo kỳ, theo lĩnh vực hoặc thủ tục; xuất PDF/Excel; danh sách "
                    "hồ sơ quá hạn; danh sách hồ sơ sau một chỉ tiêu.")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="từ ngày")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="đến hết ngày")
    p.add_argument("--period", metavar="KỲ",
                   help="thay cho --from/--to: day:2026-11-23, month:2026-11, quarter:2026-Q4, "
                        "half:2026-H2, year:2026")
    p.add_argument("--by", choices=sorted(GROUPINGS), default="field",
                   help="tổng hợp theo lĩnh vực (field, mặc định) hoặc thủ tục (procedure)")
    p.add_argument("--all", action="store_true", help="in cả các dòng toàn số 0")
    p.add_argument("--pdf", metavar="FILE", help="ghi Biểu 06 ra tệp PDF (A4 ngang)")
    p.add_argument("--xlsx", metavar="FILE", help="ghi Biểu 06 ra tệp Excel (.xlsx)")
    p.add_argument("--receiver", default="", metavar="ĐƠN_VỊ", help="đơn vị nhận báo cáo (in trên biểu)")
    p.add_argument("--late", action="store_true", help="danh sách hồ sơ quá hạn trong kỳ")
    p.add_argument("--figure", choices=FIGURES, metavar="CHỈ_TIÊU",
                   help="danh sách hồ sơ sau một chỉ tiêu: " + ", ".join(FIGURES))
    p.add_argument("--key", metavar="LĨNH_VỰC|MÃ_TTHC",
                   help="với --figure/--late: tên lĩnh vực (hoặc mã thủ tục với --by procedure); "
                        "mặc định: dòng tổng cộng")
    p.add_argument("--not-digitised", action="store_true",
                   help="danh sách hồ sơ tiếp nhận trong kỳ chưa số hóa đủ thành phần (QĐ 766, 4.2)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="in kết quả dạng JSON")
    p.set_defaults(handler=cmd_report, read_only=True, permission="report.read")


def _period(args) -> Period:
    if args.period:
        if args.date_from or args.date_to:
            raise ValidationError({"period": "Dùng --period hoặc --from/--to, không dùng cả hai."})
        return parse_period(args.period)
    if not (args.date_from and args.date_to):
        raise ValidationError({"period": "Cần --from và --to (YYYY-MM-DD) hoặc --period "
                                         "(ví dụ month:2026-11)."})
    return period_between(args.date_from, args.date_to)


def cmd_report(ctx: Context) -> int:
    args = ctx.args
    period = _period(args)
    if args.late:
        return _late(ctx, period)
    if args.not_digitised:
        from models.digitisation import digitisation_lines, digitisation_report

        digitisation = digitisation_report(period)
        ctx.emit([d.to_dict() for d in digitisation.not_digitised],
                 digitisation_lines(digitisation, with_list=True))
        return 0
    if args.figure:
        return _drill(ctx, period)
    if args.key:
        raise ValidationError({"key": "--key chỉ dùng cùng --figure hoặc --late."})
    report = period_report(period, officer=ctx.officer(), by=args.by, include_empty=args.all)
    from models.digitisation import digitisation_lines, digitisation_report  # QĐ 766 group 4
    from models.satisfaction import satisfaction_figures, satisfaction_line  # QĐ 766 group 5

    digitisation = digitisation_report(period)
    written = _write_files(ctx, report, digitisation)
    satisfaction = satisfaction_figures(period)
    ctx.emit({**report.to_dict(), "digitisation": digitisation.to_dict(), "satisfaction": satisfaction.to_dict()},
             report_lines(report) + digitisation_lines(digitisation) + [satisfaction_line(satisfaction)] + written)
    return 0


def _write_files(ctx: Context, report: PeriodReport, digitisation=None) -> list[str]:
    args = ctx.args
    if not (args.pdf or args.xlsx):
        return []
    # Loaded only when a file is asked for: reportlab and openpyxl slow every command's start.
    from models.report_documents import period_report_pdf, period_report_xlsx

    options = {"receiving_unit": args.receiver, "preparer_name": _preparer(ctx), "digitisation": digitisation}
    lines = []
    if args.pdf:
        Path(args.pdf).expanduser().write_bytes(period_report_pdf(report, **options))
        lines.append(f"Đã ghi Biểu 06 (PDF): {args.pdf}")
    if args.xlsx:
        Path(args.xlsx).expanduser().write_bytes(period_report_xlsx(report, **options))
        lines.append(f"Đã ghi Biểu 06 (Excel): {args.xlsx}")
    return lines


def _preparer(ctx: Context) -> str:
    return ctx.officer().full_name


def _rate(figures: Figures) -> str:
    rate = figures.on_time_rate
    return "–" if rate is None else f"{rate * 100:.2f}%".replace(".", ",")


def report_lines(report: PeriodReport) -> list[str]:
    """The report as a text table for the terminal."""
    period = report.period
    heading = f"{period.label} ({period.range_text})" if period.label else period.range_text.capitalize()
    name_width = 34 if report.by == "field" else 48
    lines = [
        f"BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC – {heading}",
        f"Số hồ sơ đang giải quyết tính đến {report.as_of_text}.",
        "",
        f"{GROUPINGS[report.by][:name_width]:<{name_width}} │ {'Nhận: tổng':>10} {'tr.tuyến':>8} "
        f"{'tr.tiếp/BC':>10} {'kỳ trước':>8} │ {'Đã GQ':>6} {'tr.hạn':>6} {'đ.hạn':>6} {'q.hạn':>6} "
        f"│ {'Đang GQ':>7} {'tr.hạn':>6} {'q.hạn':>6} │ {'Tỷ lệ':>7}",
    ]

    def line(name: str, f: Figures) -> str:
        return (f"{name[:name_width]:<{name_width}} │ {f.received.total:>10} {f.received.online:>8} "
                f"{f.received.direct_postal:>10} {f.received.carried_over:>8} │ "
                f"{f.resolved.total:>6} {f.resolved.before_due:>6} {f.resolved.on_time:>6} "
                f"{f.resolved.late:>6} │ {f.in_progress.total:>7} {f.in_progress.within_time:>6} "
                f"{f.in_progress.late:>6} │ {_rate(f):>7}")

    for row in report.rows:
        lines.append(line(row.name if report.by == "field" else f"{row.key} {row.name}", row.figures))
    if not report.rows:
        lines.append("(Không có hồ sơ nào trong kỳ.)")
    lines.append(line("Tổng cộng", report.total))
    progress = report.total.progress_rate
    if progress is not None:
        lines.append(f"Tiến độ giải quyết (đã giải quyết đúng hạn và đang giải quyết trong hạn): "
                     f"{progress * 100:.2f}%".replace(".", ","))
    return lines


def _dossier_line(d: ReportDossier) -> str:
    stage = {"resolved": "đã giải quyết", "in_progress": "đang giải quyết"}.get(d.stage, d.status_name)
    late = ""
    if d.late:
        late = f" – quá hạn {d.days_late} ngày ({d.working_days_late} ngày làm việc)" if d.days_late \
            else " – quá hạn trong ngày"
        if d.late_from is not None and d.late_from <= d.checked_at and d.checked_at <= d.due_at:
            late += f" (tính quá hạn từ {fmt_dt(d.late_from)})"
    return (f"{d.code}  {d.procedure_code}  {d.applicant_name} – nhận {fmt_dt(d.received_at)}, "
            f"hẹn {fmt_dt(d.due_at)}, xét lúc {fmt_dt(d.checked_at)} – {stage}{late}")


def _late(ctx: Context, period: Period) -> int:
    rows = late_dossiers(period, officer=ctx.officer(), key=ctx.args.key, by=ctx.args.by)
    text = [f"HỒ SƠ QUÁ HẠN – {period.range_text}: {len(rows)} hồ sơ"] + [_dossier_line(d) for d in rows]
    ctx.emit({"period": period.to_dict(), "key": ctx.args.key, "count": len(rows),
              "late": [d.to_dict() for d in rows]}, text)
    return 0


def _drill(ctx: Context, period: Period) -> int:
    args = ctx.args
    rows = dossiers_behind(period, args.figure, officer=ctx.officer(), key=args.key, by=args.by)
    where = f" – {args.key}" if args.key else ""
    text = [f"{FIGURE_NAMES[args.figure]}{where} – {period.range_text}: {len(rows)} hồ sơ"]
    text += [_dossier_line(d) for d in rows]
    ctx.emit({"period": period.to_dict(), "figure": args.figure, "key": args.key, "by": args.by,
              "count": len(rows), "dossiers": [d.to_dict() for d in rows]}, text)
    return 0
