"""Sync commands: day files for the province (export, verify, ack, apply) and the sync keys."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from models.audit import now as clock
from models.errors import ValidationError
from models.limits import LIST_LIMIT_MAX
from models.private_files import write_private

from .context import Context, parse_day
from .options import whole


def register(commands) -> None:
    p = commands.add_parser("export-sync", help="xuất tệp đồng bộ của một ngày để gửi tỉnh")
    p.add_argument("--date", help="ngày cần xuất, YYYY-MM-DD hoặc dd/mm/yyyy (mặc định: hôm nay)")
    p.add_argument("--out", help="thư mục ghi tệp (mặc định: thư mục đồng bộ trong thư mục dữ liệu)")
    p.add_argument("--due", action="store_true",
                   help="xuất mọi ngày còn thiếu (và hôm nay nếu đã hết giờ làm việc) thay cho --date")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("sync-status", help="các ngày chưa xuất / chưa được tỉnh xác nhận, lịch sử xuất")
    p.add_argument("--limit", type=whole(1, LIST_LIMIT_MAX), default=20,
                   help="số lần xuất gần nhất cần liệt kê")
    p.set_defaults(handler=cmd_status, read_only=True)

    p = commands.add_parser("verify-sync", help="kiểm tra một tệp đồng bộ (cấu trúc, định dạng, mã băm, chữ ký)")
    p.add_argument("file")
    _trust_options(p)
    p.set_defaults(handler=cmd_verify, no_db=True)

    p = commands.add_parser("import-ack", help="nhập tệp xác nhận của tỉnh (đánh dấu các ngày đã được nhận)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_import_ack)

    p = commands.add_parser("apply-sync", help="(cấp tỉnh) nạp các tệp đồng bộ vào cơ sở dữ liệu tập trung")
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp .zip hoặc thư mục chứa các tệp")
    p.add_argument("--into", required=True, metavar="DB", help="tệp SQLite hoặc URL postgresql://…")
    p.add_argument("--ack-dir", help="thư mục ghi tệp xác nhận cho từng cơ quan (mặc định: thư mục chứa "
                                     "các tệp của cơ quan đó)")
    p.add_argument("--files-dir", metavar="DIR",
                   help="kho bản điện tử (số hóa) nhận từ tệp motcua-files_… cạnh tệp ngày (mặc định: thư mục "
                        "tep-dinh-kem cạnh cơ sở dữ liệu tập trung)")
    _trust_options(p)
    p.set_defaults(handler=cmd_apply, no_db=True)

    keys = commands.add_parser("sync-key", help="khóa ký của cơ quan và khóa của tỉnh") \
        .add_subparsers(dest="sub", metavar="SUB")
    p = keys.add_parser("export", help="xuất khóa công khai của cơ quan để gửi tỉnh")
    p.add_argument("--out", help="ghi vào tệp (mặc định: in ra màn hình)")
    p.set_defaults(handler=cmd_key_export)
    p = keys.add_parser("show", help="xem khóa của cơ quan và khóa của tỉnh đã cấu hình")
    p.set_defaults(handler=cmd_key_show, read_only=True)
    p = keys.add_parser("set-province", help="cấu hình khóa công khai của tỉnh (từ đây dữ liệu được mã hóa)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_key_set_province)
    p = keys.add_parser("clear-province", help="bỏ khóa của tỉnh (tệp sau đó không mã hóa)")
    p.set_defaults(handler=cmd_key_clear_province)
    p = keys.add_parser("province-new", help="(cấp tỉnh) tạo cặp khóa mới của tỉnh")
    p.add_argument("--out", required=True, help="thư mục ghi tệp khóa bí mật và khóa công khai")
    p.set_defaults(handler=cmd_key_province_new, no_db=True)


def _trust_options(p) -> None:
    p.add_argument("--pubkey", action="append", default=[], metavar="FILE",
                   help="khóa công khai tin cậy của cơ quan gửi (có thể lặp lại)")
    p.add_argument("--keyring", metavar="PATH",
                   help="thư mục hoặc tệp danh sách khóa tin cậy (mặc định: MOTCUA_SYNC_KEYRING "
                        "hoặc thư mục keyring trong thư mục dữ liệu)")
    p.add_argument("--key", metavar="FILE", help="khóa bí mật của tỉnh, để giải mã và ký tệp xác nhận")


def cmd_export(ctx: Context) -> None:
    from sync.export import export_if_due, run_export

    if ctx.args.due:
        results = export_if_due(out_dir=ctx.args.out, by=ctx.officer())
        ctx.emit({"exports": [r.to_dict() for r in results]},
                 [_export_line(r) for r in results] or ["Không có ngày nào cần xuất."])
        return
    result = run_export(parse_day(ctx.args.date) if ctx.args.date else clock().date(), ctx.args.out,
                        by=ctx.officer())
    ctx.emit(result.to_dict(), [_export_line(result)])


def _export_line(r) -> str:
    line = (f"Đã xuất ngày {r.day:%d/%m/%Y} (lần {r.revision}"
            + ("" if r.new_revision else ", không đổi so với lần trước") + f"): {r.dossiers} hồ sơ, "
            f"{r.events} bước xử lý" + (", đã mã hóa" if r.encrypted else ", KHÔNG mã hóa (chưa có khóa tỉnh)")
            + f"\n  → {r.path}")
    for s in r.set_aside:
        line += f"\n  Để riêng bản ghi lỗi {s['kind']} {s['MaHoSo'] or s['uid']}: {s['reason']}"
    for warning in r.warnings:
        line += f"\n  Lưu ý: {warning}"
    return line


def cmd_status(ctx: Context) -> None:
    from sync.history import export_history, pending_days

    pending, history = pending_days(), export_history(ctx.args.limit)
    lines = [p.message for p in pending] or ["Tỉnh đã nhận đủ dữ liệu các ngày."]
    for p in pending:
        lines += [f"  – {r['kind']} {r['MaHoSo'] or r['uid']}: {r['reason']}" for r in p.not_delivered]
    if history:
        lines.append("Các lần xuất gần nhất:")
        for h in history:
            ack = {"applied": "tỉnh đã nhận", "already_applied": "tỉnh đã nhận",
                   "superseded": "tỉnh dùng lần xuất mới hơn", "refused": "tỉnh từ chối"}.get(h.ack_status,
                                                                                             "chưa xác nhận")
            missing = f", THIẾU {len(h.not_delivered)} bản ghi" if h.not_delivered else ""
            lines.append(f"  {h.day:%d/%m/%Y} lần {h.revision}: {h.dossiers} hồ sơ, {h.events} bước{missing} "
                         f"– {ack}")
    ctx.emit({"pending": [p.to_dict() for p in pending], "history": [h.to_dict() for h in history]}, lines)


def _trust(ctx: Context):
    from sync.keys import load_province_private, load_trust

    trust = load_trust(ctx.args.keyring, ctx.args.pubkey)
    key = load_province_private(ctx.args.key) if ctx.args.key else None
    return trust, key


def cmd_verify(ctx: Context) -> int:
    from sync.verify import inspection_lines, verify_file

    trust, key = _trust(ctx)
    report = verify_file(ctx.args.file, trust=trust, province_key=key)
    ctx.emit(report.to_dict(), inspection_lines(report))
    return 0 if report.ok else 1


def cmd_import_ack(ctx: Context) -> None:
    from sync.ack import import_ack

    result = import_ack(ctx.args.file, by=ctx.officer())
    ctx.emit(result.to_dict(), result.lines() or ["Tệp xác nhận không có mục nào."])


def _expand(paths: list[str]) -> list[str]:
    from sync.format import is_files_file
    from sync.package_ack import is_package_ack_file

    files: list[str] = []
    for item in paths:
        path = Path(item)
        files += [str(p) for p in sorted(path.glob("*.zip"))] if path.is_dir() else [item]
    # Companion files of copies are read through their day file (sync.companion).
    return [f for f in files if not is_package_ack_file(f) and not is_files_file(Path(f).name)]


def _package_acks(paths: list[str]) -> list[str]:
    """The communes' acknowledgements of province packages that travel with their day files."""
    from sync.package_ack import is_package_ack_file

    found: list[str] = []
    for item in paths:
        path = Path(item)
        found += [str(p) for p in sorted(path.glob("motcua-package-ack_*.json"))] if path.is_dir() \
            else [item] if is_package_ack_file(item) else []
    return found


def cmd_apply(ctx: Context) -> int:
    from sync.apply import apply_files

    trust, key = _trust(ctx)
    files = _expand(ctx.args.files)
    width = len(str(len(files)))

    def progress(index: int, total: int, outcome) -> None:
        sys.stderr.write(f"[{index:>{width}}/{total}] {outcome.line()}\n")
        sys.stderr.flush()

    summary = apply_files(files, ctx.args.into, trust=trust, province_key=key,
                          ack_dir=ctx.args.ack_dir, progress=progress, files_dir=ctx.args.files_dir)
    from sync.package_ack import record_package_acks

    package_acks = record_package_acks(_package_acks(ctx.args.files), ctx.args.into, trust=trust)
    c = summary.counts()
    lines = [f"Đã xử lý {c['files']} tệp: {c['applied']} nạp mới, {c['already_applied']} đã có, "
             f"{c['superseded']} bị thay bằng lần xuất mới hơn, {c['refused']} bị từ chối"
             + (f", {c['skipped']} bỏ qua" if c["skipped"] else "") + ".",
             f"Hồ sơ: {c['dossiers_new']} mới, {c['dossiers_updated']} cập nhật, "
             f"{c['dossiers_unchanged']} không đổi; bước xử lý: {c['events_new']} mới; "
             f"bản ghi lỗi bị loại: {c['records_rejected']}"
             + (f"; bản ghi cấp xã không xuất được (thiếu): {c['records_not_in_file']}"
                if c["records_not_in_file"] else "") + ".",
             f"Bản điện tử: {c['copies_stored']} mới, {c['copies_present']} đã có"
             + (f", {c['copies_problems']} tệp bản điện tử bị từ chối hoặc thiếu" if c["copies_problems"] else "")
             + "."]
    lines += [f"Tệp xác nhận: {p}" for p in summary.acks]
    lines += [f"Xác nhận gói của tỉnh – {r.line()}" for r in package_acks]
    ctx.emit({**summary.to_dict(), "package_acks": [r.to_dict() for r in package_acks]}, lines)
    return 0 if summary.clean and not any(r.error for r in package_acks) else 1


def cmd_key_export(ctx: Context) -> None:
    from sync.keys import agency_public_key_document

    doc = agency_public_key_document()
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    if ctx.args.out:
        Path(ctx.args.out).expanduser().write_text(text + "\n", encoding="utf-8")
        ctx.emit({"path": str(ctx.args.out), "key_id": doc["key_id"]},
                 f"Đã ghi khóa công khai (mã khóa {doc['key_id']}) vào {ctx.args.out}")
    else:
        sys.stdout.write(text + "\n")


def cmd_key_show(ctx: Context) -> None:
    from models.agency_key import stored_agency_key
    from sync.keys import province_public_key

    key, province = stored_agency_key(), province_public_key()
    data = {"agency_key_id": key.key_id if key else None,
            "agency_key_created_at": key.created_at if key else None,
            "province_key_id": province.key_id if province else None,
            "province_signing_key_id": province.signing_key_id if province else None}
    ctx.emit(data, [f"Khóa ký của cơ quan: {key.key_id} (tạo lúc {key.created_at:%H:%M %d/%m/%Y}, "
                    "lưu trong cơ sở dữ liệu)" if key else
                    "Khóa ký của cơ quan: chưa có (tạo khi xuất tệp đồng bộ đầu tiên)",
                    f"Khóa của tỉnh: {province.key_id}" if province
                    else "Khóa của tỉnh: chưa cấu hình (tệp đồng bộ KHÔNG được mã hóa)"])


def cmd_key_set_province(ctx: Context) -> None:
    from sync.keys import set_province_key

    key = set_province_key(ctx.args.file, by=ctx.officer())
    ctx.emit({"province_key_id": key.key_id},
             f"Đã cấu hình khóa của tỉnh {key.key_id}; từ nay dữ liệu trong tệp đồng bộ được mã hóa.")


def cmd_key_clear_province(ctx: Context) -> None:
    from sync.keys import clear_province_key

    clear_province_key(by=ctx.officer())
    ctx.emit({"province_key_id": None}, "Đã bỏ khóa của tỉnh; tệp đồng bộ sau đây KHÔNG được mã hóa.")


def cmd_key_province_new(ctx: Context) -> None:
    from sync.keys import new_province_keys

    private, public = new_province_keys()
    out = Path(ctx.args.out).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    private_path, public_path = out / "province-private-key.json", out / "province-public-key.json"
    if private_path.exists():
        raise ValidationError({"out": f"Đã có tệp {private_path}; không ghi đè khóa bí mật."})
    write_private(private_path, (json.dumps(private, indent=1) + "\n").encode("utf-8"))
    public_path.write_text(json.dumps(public, indent=1) + "\n", encoding="utf-8")
    ctx.emit({"private": str(private_path), "public": str(public_path), "key_id": public["key_id"]},
             [f"Khóa bí mật (giữ kín, dùng với apply-sync --key): {private_path}",
              f"Khóa công khai (gửi các xã, nhập bằng sync-key set-province): {public_path}"])
