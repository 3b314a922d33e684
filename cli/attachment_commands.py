"""Digitisation (số hóa) commands: attach electronic copies of papers and results, list them,
write one out, and the settings (size limit per file, the scanner's folder)."""
from __future__ import annotations

from models.attachments import MAX_MB_RANGE, SOURCE_NAMES, AttachmentView

from .context import Context, fmt_dt
from .options import whole


def register(commands) -> None:
    p = commands.add_parser("attach", help="đính kèm bản điện tử (số hóa) của một giấy tờ hoặc của kết quả; "
                                           "nhiều tệp cho một giấy tờ ghép thành một bản PDF")
    p.add_argument("code", metavar="CODE")
    p.add_argument("files", nargs="*", metavar="FILE", help="PDF, JPEG, PNG hoặc TIFF (theo nội dung tệp)")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--paper", type=whole(1, 999), metavar="N",
                        help="số thứ tự giấy tờ như trên giấy tiếp nhận, từ 1 (không ghi: giấy tờ đầu "
                             "tiên chưa có bản điện tử)")
    target.add_argument("--result", action="store_true", help="bản điện tử của kết quả giải quyết")
    p.add_argument("--reuse", metavar="SHA256", help="tái sử dụng giấy tờ đã số hóa của cùng chủ hồ sơ "
                                                     "(mã SHA-256, xem lệnh attachments của hồ sơ trước)")
    p.add_argument("--source", choices=["file", "scan_folder", "camera"], default="file",
                   help="nguồn của tệp (mặc định: file)")
    p.add_argument("--note", default="", help="ghi chú, ví dụ lý do thay bản cũ")
    p.set_defaults(handler=cmd_attach)

    p = commands.add_parser("attachments", help="danh sách bản điện tử của một hồ sơ")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--history", action="store_true", help="kèm các bản đã được thay")
    p.add_argument("--offers", action="store_true",
                   help="giấy tờ đã số hóa của cùng chủ hồ sơ có thể tái sử dụng")
    p.set_defaults(handler=cmd_attachments, read_only=True)

    p = commands.add_parser("attachment", help="ghi một bản điện tử của hồ sơ ra tệp (kiểm tra mã băm)")
    p.add_argument("code", metavar="CODE")
    p.add_argument("sha256", metavar="SHA256")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="cho phép ghi đè tệp đã có")
    p.set_defaults(handler=cmd_attachment, read_only=True)

    p = commands.add_parser("attachment-settings", help="(quản trị) giới hạn dung lượng một tệp, thư mục "
                                                        "máy quét")
    low, high = MAX_MB_RANGE
    p.add_argument("--max-mb", type=whole(low, high), help=f"giới hạn mỗi tệp, MB ({low}–{high}, mặc định 20)")
    p.add_argument("--scan-folder", metavar="DIR", help="thư mục máy quét lưu bản quét (\"\": bỏ)")
    p.set_defaults(handler=cmd_attachment_settings)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.2f}".replace(".", ",") + " MB"


def attachment_line(a: AttachmentView) -> str:
    state = "" if a.current else f" [đã thay lúc {fmt_dt(a.replaced_at)}]"
    return (f"{a.label} — {a.pages} trang, {_megabytes(a.bytes)}, {SOURCE_NAMES.get(a.source, a.source)}, "
            f"{fmt_dt(a.attached_at)} {a.officer}{state}\n    SHA-256 {a.sha256}")


def cmd_attach(ctx: Context) -> None:
    from models.attachments import attach

    a = ctx.args
    copy = attach(a.code, a.files, ctx.officer(), paper=a.paper, result=a.result, reuse=a.reuse,
                  source=a.source, note=a.note)
    ctx.emit(copy.to_dict(), [f"Đã đính kèm bản điện tử vào hồ sơ {a.code.strip()}:", attachment_line(copy)])


def cmd_attachments(ctx: Context) -> None:
    from models.attachments import list_attachments, paper_states, reuse_offers

    a = ctx.args
    if a.offers:
        offers = reuse_offers(a.code)
        ctx.emit([o.to_dict() for o in offers],
                 [f"Giấy tờ {o.paper}: {o.name} — từ hồ sơ {o.from_code}, {o.pages} trang, SHA-256 {o.sha256}"
                  for o in offers] or ["Không có giấy tờ đã số hóa nào của chủ hồ sơ để tái sử dụng."])
        return
    copies = list_attachments(a.code, history=a.history)
    lines = [attachment_line(c) for c in copies] or ["Hồ sơ chưa có bản điện tử nào."]
    missing = [s for s in paper_states(a.code) if s.copy is None]
    if missing:
        lines.append("Chưa số hóa: " + "; ".join(f"giấy tờ {s.number} ({s.name})" for s in missing))
    ctx.emit([c.to_dict() for c in copies], lines)


def cmd_attachment(ctx: Context) -> None:
    from models.attachments import save_copy

    a = ctx.args
    path = save_copy(a.code, a.sha256, a.out, force=a.force)
    ctx.emit({"path": str(path), "sha256": a.sha256.strip().lower(), "bytes": path.stat().st_size},
             f"Đã ghi bản điện tử ra {path} (đã kiểm tra mã SHA-256).")


def cmd_attachment_settings(ctx: Context) -> None:
    from models.attachments import attachment_settings, save_attachment_settings

    a = ctx.args
    if a.max_mb is None and a.scan_folder is None:
        settings = attachment_settings()
    else:
        settings = save_attachment_settings(by=ctx.officer(), max_mb=a.max_mb, scan_folder=a.scan_folder)
    ctx.emit(settings.to_dict(), [f"Giới hạn một tệp: {settings.max_mb} MB",
                                  f"Thư mục máy quét: {settings.scan_folder or '(chưa đặt)'}"])
