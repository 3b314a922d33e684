"""The citizen's side of a dossier in the day file: its fees (the portal's DanhSachLePhi), the
payment (extension ThuPhiLePhi) and the satisfaction ratings (extension DanhGiaHaiLong).

The rows are read with the rest of the day in one snapshot (models.sync_source); docs/sync-format.md §4
describes the fields.
"""
from __future__ import annotations

import json

from models.fees import DEFAULT_FEE_KIND, DEFAULT_FEE_NAME

from .format import portal_datetime

# HinhThucThu as the provincial systems code it (practice): when the fee was collected.
COLLECTED_WITH_DOSSIER = "1"  # at reception or while the dossier was being processed
COLLECTED_AT_RETURN = "4"  # when the result was ready or handed over
METHOD_CODES = {"cash": "TienMat", "transfer": "ChuyenKhoan"}
STAGE_CODES = {"intake": "TiepNhan", "return": "TraKetQua"}


def _collected(dossier: dict, fee: dict) -> str:
    if fee.get("paid_at") is None:
        return ""
    finished = dossier.get("finished_at")
    if finished is not None and str(fee["paid_at"]) >= str(finished):
        return COLLECTED_AT_RETURN
    return COLLECTED_WITH_DOSSIER


def fee_items(dossier: dict, fee: dict | None) -> list[dict]:
    """DanhSachLePhi: the stored fee lines, or the dossier's flat fee (dossiers received before
    fees were stored)."""
    if fee is None:
        return [{"TenPhiLePhi": DEFAULT_FEE_NAME, "MaPhiLePhi": "", "HinhThucThu": "",
                 "Gia": str(dossier["fee"]), "LoaiPhiLePhi": DEFAULT_FEE_KIND}] if dossier["fee"] else []
    how = _collected(dossier, fee)
    return [{"TenPhiLePhi": line.get("name") or DEFAULT_FEE_NAME, "MaPhiLePhi": line.get("code", ""),
             "HinhThucThu": how, "Gia": str(int(line.get("amount", 0))),  # a string on the portal
             "LoaiPhiLePhi": line.get("kind") or DEFAULT_FEE_KIND}
            for line in json.loads(fee["lines"] or "[]")]


def fee_payment(fee: dict | None, officers: dict) -> dict | None:
    """ThuPhiLePhi (extension): the amount due, the exemption, what it was computed from and
    the payment; null when the dossier has nothing to pay."""
    if fee is None:
        return None
    basis = json.loads(fee["basis"]) if fee["basis"] else {}
    paid_by = officers[fee["paid_by_id"]][1] if fee.get("paid_by_id") is not None else ""
    return {
        "SoTien": fee["amount"], "SoTienTruocMienGiam": fee["full_amount"],
        "LyDoMienGiam": fee["exempt_reason"], "SoTrang": basis.get("pages"), "SoBan": basis.get("copies"),
        "DienGiai": fee["explanation"], "DaThu": fee.get("paid_at") is not None,
        "NgayThu": portal_datetime(fee.get("paid_at")), "SoTienDaThu": fee.get("paid_amount") or 0,
        "PhuongThucThu": METHOD_CODES.get(fee.get("method") or "", ""), "NguoiThu": paid_by,
    }


def rating_items(ratings: list[dict]) -> list[dict]:
    """DanhGiaHaiLong (extension): each rating with its level as the scale then named it."""
    return [{"Uid": r["uid"], "ThoiDiem": portal_datetime(r["at"]), "GiaiDoan": STAGE_CODES[r["stage"]],
             "MucDo": r["level"], "TenMucDo": r["level_name"], "SoMucDo": r["scale_size"],
             "HaiLong": bool(r["satisfied"]), "GopY": r["comment"]}
            for r in ratings]


__all__ = ["fee_items", "fee_payment", "rating_items"]
