"""Helpers for the province-package tests (sync, cli and ui): the province's keys, the
commune's public key file, and what a province sends (catalog, calendar, online dossiers,
updates)."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from models.catalog import list_procedures
from sync.keys import agency_public_key_document, new_province_keys, set_province_key

AGENCY = "000.00.24.H12"


class Province:
    """A province's key folder, and the commune's public key file it holds."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        private, public = new_province_keys()
        self.key = folder / "province-private-key.json"
        self.public = folder / "province-public-key.json"
        self.key.write_text(json.dumps(private), encoding="utf-8")
        self.public.write_text(json.dumps(public), encoding="utf-8")
        self.counter_key = folder / "xa-tam-dao.json"
        self.out = folder / "out"

    def install_at_counter(self) -> None:
        """The commune configures the province's public key and sends its own."""
        from models.session import acting_officer

        set_province_key(self.public, by=acting_officer())
        self.counter_key.write_text(json.dumps(agency_public_key_document()), encoding="utf-8")

    def make(self, *, now: datetime, agency: str = AGENCY, **contents):
        from sync.package_make import make_package

        return make_package(agency=agency, key=self.key, counter_key=self.counter_key, out=self.out,
                            now=now, **contents)


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def catalog_with(path: Path, *, decision: str, effective_from: str, change=None) -> Path:
    """The counter's own catalog as ``catalog export`` writes it, passed through ``change``."""
    entries = []
    for p in list_procedures(include_inactive=True):
        entry = p.to_dict()
        entry.pop("time_limit")
        entries.append(entry)
    if change is not None:
        change({e["code"]: e for e in entries})
    return write_json(path, {"schema_version": 1, "decision": decision, "effective_from": effective_from,
                             "procedures": entries})


def online_dossier(code: str, *, submitted_at: str = "2026-03-02T08:15:00", procedure: str = "1.004873",
                   name: str = "Lê Thị Mai", id_number: str = "001190054321", **extra) -> dict:
    return {"code": code, "submitted_at": submitted_at, "procedure": procedure,
            "applicant": {"name": name, "id_number": id_number, "phone": "0987654321",
                          "email": "mai@example.vn", "address": "Thôn Hợp Châu, xã Tam Đảo"},
            **extra}


def update(uid: str, code: str, status: int, at: str, content: str, **extra) -> dict:
    return {"Uid": uid, "MaHoSo": code, "ThoiDiemXuLy": at, "TrangThai": status, "NoiDungXuLy": content,
            "NguoiXuLy": "Nguyễn Văn Sở", "PhongBanXuLy": "Sở Tư pháp", **extra}


def other_counter_key(path: Path, agency: str) -> Path:
    """The public key file of another commune (its own keys), as the province holds it."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from sync.keys import AGENCY_PUBLIC, b64, derive_encryption_key, key_id, raw_private, raw_public

    signing = Ed25519PrivateKey.generate()
    public = raw_public(signing.public_key())
    encryption = raw_public(derive_encryption_key(raw_private(signing)).public_key())
    return write_json(path, {"format": AGENCY_PUBLIC, "agency_code": agency, "algorithm": "Ed25519",
                             "key_id": key_id(public), "public_key": b64(public),
                             "encryption_public_key": b64(encryption), "encryption_key_id": key_id(encryption),
                             "created_at": "20260301080000"})
