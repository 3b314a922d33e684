"""Helpers shared by the sync tests: dossiers made through the services at given moments,
trust in the counter's own key, and a way to re-pack a day file as a forger would."""
from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from models import workflow
from models.intake import IntakeRequest, PersonInput, receive
from sync.container import write_container
from sync.keys import Trust, agency_public_key_document, unb64

AGENCY = "000.00.24.H12"
DAY = date(2026, 3, 2)  # a Monday


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def intake(officer, moment: datetime, *, name: str = "Nguyễn Thị Hằng", number: str = "001190012345",
           procedure: str = "1.004873", **extra):
    return receive(IntakeRequest(procedure=procedure, applicant=PersonInput(
        name=name, id_number=number, phone="0912345678", address="Thôn Đồng Bùa, xã Tam Đảo"),
        received_at=moment, **extra), officer, now=moment)


def act(action: str, code: str, officer, moment: datetime, **kwargs):
    """A workflow action done at ``moment`` (time is injected: ``now=``)."""
    return getattr(workflow, action)(code, officer, now=moment, **kwargs)


def own_trust() -> Trust:
    """The province's keyring holding this counter's public key."""
    doc = agency_public_key_document()
    trust = Trust()
    trust.add(doc["agency_code"], unb64(doc["public_key"]))
    return trust


def members_of(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(Path(path).read_bytes())) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def repack(members: list[tuple[str, bytes]], sign, day: date = DAY) -> bytes:
    return write_container(members, sign, day)


def with_manifest(members: list[tuple[str, bytes]], change) -> list[tuple[str, bytes]]:
    """The members with the manifest passed through ``change(dict)``."""
    out = []
    for name, data in members:
        if name == "manifest.json":
            manifest = json.loads(data)
            change(manifest)
            data = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        out.append((name, data))
    return out


def pg_url() -> str | None:
    return os.environ.get("MOTCUA_TEST_PG_URL")


def need(condition: bool, what: str) -> None:
    """Skip on a developer machine that lacks ``what``; in CI its absence is a failure."""
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide {what}")
        pytest.skip(f"{what} not available here")


def busy_day(officer, day: date = DAY) -> list:
    """A day at the counter: intakes, and every kind of later step, on one day."""
    views = [intake(officer, at(day, 8, i), name=f"Trần Văn {chr(65 + i)}", number=f"00109001234{i}")
             for i in range(5)]
    a, b, c, d, e = (v.code for v in views)
    act("forward", a, officer, at(day, 9), unit="Tư pháp - Hộ tịch")
    act("request_supplement", b, officer, at(day, 9, 30), missing=["Giấy xác nhận cư trú"],
        reason="Thiếu giấy tờ cư trú")
    act("resume", b, officer, at(day, 10, 30))
    act("finish", c, officer, at(day, 11))
    act("return_result", c, officer, at(day, 14), recipient="Trần Văn C")
    act("refuse", d, officer, at(day, 14, 30), reason="Không thuộc thẩm quyền")
    act("extend", e, officer, at(day, 15), new_due=at(day + timedelta(days=7), 16),
        reason="Cần xác minh thêm")
    return views


def central_state(target: str) -> tuple[dict, dict]:
    """(dossiers by uid → record, events by uid → record) of a central database."""
    from sync.central import CentralDossier, CentralEvent, close_central, open_central

    open_central(target)
    try:
        dossiers = {d.uid: json.loads(d.record) for d in CentralDossier.select()}
        events = {e.uid: json.loads(e.record) for e in CentralEvent.select()}
    finally:
        close_central()
    return dossiers, events


def assert_central_matches_source(target: str) -> None:
    """Every dossier and event of the counter is in the central database, as it is now."""
    from models.dossiers import get_dossier
    from models.tables import Dossier
    from sync.format import portal_datetime

    dossiers, events = central_state(target)
    source = [get_dossier(code) for (code,) in Dossier.select(Dossier.code).tuples()]
    assert set(dossiers) == {d.uid for d in source}
    assert set(events) == {e.uid for d in source for e in d.events}
    for d in source:
        r = dossiers[d.uid]
        assert (r["MaHoSo"], r["TrangThaiHoSo"], r["ChuHoSo"], r["MaTTHC"]) == \
            (d.code, str(d.status), d.applicant_name, d.procedure_code)
        assert (r["NgayTiepNhan"], r["NgayHenTra"], r["NgayKetThucXuLy"], r["NgayTra"]) == tuple(
            portal_datetime(x) for x in (d.received_at, d.due_at, d.finished_at, d.returned_at))
        assert [x["TenTepDinhKem"] for x in r["TaiLieuNop"]] == [x.name for x in d.documents]
        assert r["PhienBan"] == len(d.events)
        for e in d.events:
            c = events[e.uid]
            assert (c["HoSoUid"], c["HanhDong"], c["TrangThai"], c["TrangThaiTruoc"] or None,
                    c["ThoiDiemXuLy"], c["GhiChu"], c["DuLieu"]) == \
                (d.uid, e.action, str(e.to_status), e.from_status, portal_datetime(e.at), e.note,
                 json.loads(json.dumps(e.data, default=str)))
