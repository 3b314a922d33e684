"""The day files in the sync folders as a witness of what the counter issued (for a restore).

A day file written after a backup proves that its revision, and every dossier code and
version (PhienBan) in it, went out to the province. models.restore asks this module, besides
the high-water record, so that a restore continues above them. The manifest is readable
without any key (revisions); the records only when the file is not encrypted for the province.
Files are read with the verifier's bounds, and only those signed by one of the agency's keys
(or, when no key is known any more, by the key they name) are believed.
"""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from models import safe_json
from models.highwater import Issued

from .container import MAX_FILE, MAX_MANIFEST, MAX_MEMBER, ContainerError, MemberTooLarge, open_container
from .format import DOSSIERS, FORMAT, MANIFEST, parse_portal_datetime
from .keys import unb64, verify_ed25519
from .schema import day_validator

log = logging.getLogger(__name__)


def issued_in_day_files(folders: list[Path], agency: str, public_keys: set[str]) -> Issued:
    """What the agency's day files in ``folders`` show was issued (unreadable files skipped)."""
    issued = Issued()
    seen: set[Path] = set()
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).glob(f"motcua-sync_{agency}_*.zip")):
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            try:
                _read(path, agency, public_keys, issued)
            except (OSError, ContainerError, MemberTooLarge, ValueError) as exc:
                log.info("day file %s not used as a witness: %s", path, exc)
    return issued


def _read(path: Path, agency: str, public_keys: set[str], issued: Issued) -> None:
    if path.stat().st_size > MAX_FILE:
        return
    data = path.read_bytes()
    c = open_container(data)
    manifest = safe_json.loads(c.read(MANIFEST, MAX_MANIFEST))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT \
            or day_validator("manifest").errors(manifest) or manifest["agency_code"] != agency:
        return
    signer = manifest["signer"]["public_key"]
    if (public_keys and signer not in public_keys) \
            or not verify_ed25519(unb64(signer, 32), c.signature, c.signed_part):
        return
    day = date.fromisoformat(manifest["day"])
    issued.raise_revision(agency, day, manifest["revision"])
    if manifest["encryption"] is not None or DOSSIERS not in c.infos:
        return
    member = safe_json.loads(c.read(DOSSIERS, MAX_MEMBER))
    validate = day_validator("HoSo").errors
    for record in member.get("HoSo", []) if isinstance(member, dict) else []:
        if validate(record) or record["MaCoQuan"] != agency:
            continue
        code = record["MaHoSo"]
        prefix, day_key, sequence = code.rsplit("-", 2)
        if prefix != agency:
            continue
        issued.raise_counter(agency, day_key, int(sequence))
        if record["SoThuTuSo"]:
            received = parse_portal_datetime(record["NgayTiepNhan"])
            issued.raise_counter(agency, f"Y{received:%Y}", record["SoThuTuSo"])
        issued.raise_version(record["Uid"], code, record["PhienBan"])
        issued.intakes.setdefault(code, parse_portal_datetime(record["NgayTiepNhan"]))
        issued.details.setdefault(code, {"applicant_name": record["ChuHoSo"],
                                         "procedure_name": record["TenTTHC"]})
