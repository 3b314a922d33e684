"""Electronic copies (bản điện tử) of a dossier's papers and of its result: số hóa.

Nghị định 45/2020/NĐ-CP and Thông tư 01/2023/TT-VPCP: at reception the officer digitises each
paper (thành phần hồ sơ) of the dossier; the result (kết quả) is digitised when issued; a
paper already digitised for the same citizen may be reused (tái sử dụng) instead of a new
scan (DOMAIN §10). QĐ 766 counts all three (models.digitisation).

A paper is named by its number as printed on the receipt (from 1). Several files for one
paper make one PDF (models.attachment_pdf). Attaching to a paper that already has a copy
replaces it and keeps the old one in the history; nothing is deleted. Each change is written
with a sync change, so the day file carries the dossier's new state, and audited:
"attachment.add", "attachment.replace", "attachment.reuse" (counter officers),
"attachment.settings" (admin).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .attachment_pdf import to_pdf
from .attachment_store import current_store, is_sha256, sha256_of
from .attachment_tables import PAPER, RESULT, Attachment
from .audit import audit
from .audit import now as clock
from .db import is_postgres, write_transaction
from .dossiers import get_dossier_row
from .errors import MotCuaError, NotFoundError, ValidationError
from .permissions import require
from .storage_errors import os_reason
from .tables import DocumentName, Dossier, DossierDocument, Officer, Setting, SyncChange
from .text import fold

SETTING_MAX_MB = "attachments.max_mb"
SETTING_SCAN_FOLDER = "attachments.scan_folder"
MAX_MB_DEFAULT = 20
MAX_MB_RANGE = (1, 24)
# One copy (the PDF made of a paper's files) at most: what the day's companion file can carry
# encrypted (sync.crypto reads at most 24 MB a member).
MAX_COPY_BYTES = 24 * 1024 * 1024
MAX_FILES = 200  # files for one copy (a page each, from a scanner saving page by page)
SOURCES = ("file", "scan_folder", "camera", "reuse")
SOURCE_NAMES = {"file": "từ tệp", "scan_folder": "từ thư mục máy quét", "camera": "chụp bằng camera",
                "reuse": "tái sử dụng"}
# A result can be attached while the dossier is being processed and after (it is issued at the
# end of processing); not to a dossier refused at reception or still waiting online.
RESULT_STATUSES = (2, 4, 5, 6, 8, 9, 10)


@dataclass(frozen=True)
class AttachmentSettings:
    max_mb: int = MAX_MB_DEFAULT
    scan_folder: str = ""

    @property
    def max_bytes(self) -> int:
        return self.max_mb * 1024 * 1024

    def to_dict(self) -> dict:
        return {"max_mb": self.max_mb, "scan_folder": self.scan_folder}


@dataclass(frozen=True)
class AttachmentView:
    """One copy, as the screens, the command line and the reports show it."""

    id: int
    sha256: str
    kind: str  # paper | result
    paper: int | None
    name: str
    pages: int
    bytes: int
    attached_at: datetime
    officer: str
    officer_name: str
    source: str
    reused: bool
    replaced_at: datetime | None = None
    replaced_by: int | None = None
    note: str = ""

    @property
    def current(self) -> bool:
        return self.replaced_by is None

    @property
    def label(self) -> str:
        return "Kết quả giải quyết" if self.kind == RESULT else f"Giấy tờ {self.paper}: {self.name}"

    def to_dict(self) -> dict:
        return {"sha256": self.sha256, "paper": self.paper, "kind": self.kind, "pages": self.pages,
                "bytes": self.bytes, "attached_at": self.attached_at.isoformat(), "officer": self.officer,
                "officer_name": self.officer_name, "name": self.name, "source": self.source,
                "reused": self.reused, "current": self.current,
                "replaced_at": self.replaced_at.isoformat() if self.replaced_at else None,
                "note": self.note}


@dataclass(frozen=True)
class PaperState:
    """A paper of the dossier and its current copy (None: not digitised yet)."""

    number: int
    name: str
    copy: AttachmentView | None

    def to_dict(self) -> dict:
        return {"paper": self.number, "name": self.name, "digitised": self.copy is not None,
                "sha256": self.copy.sha256 if self.copy else None}


@dataclass(frozen=True)
class ReuseOffer:
    """An earlier copy of the same citizen's paper of the same name, offered for a paper here."""

    paper: int
    name: str
    sha256: str
    pages: int
    bytes: int
    from_code: str
    attached_at: datetime

    def to_dict(self) -> dict:
        return {"paper": self.paper, "name": self.name, "sha256": self.sha256, "pages": self.pages,
                "bytes": self.bytes, "from_code": self.from_code, "attached_at": self.attached_at.isoformat()}


# -- settings ----------------------------------------------------------------------------------------
def _setting(key: str):
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else None


def attachment_settings() -> AttachmentSettings:
    max_mb, folder = _setting(SETTING_MAX_MB), _setting(SETTING_SCAN_FOLDER)
    return AttachmentSettings(max_mb if isinstance(max_mb, int) else MAX_MB_DEFAULT,
                              folder if isinstance(folder, str) else "")


def save_attachment_settings(*, by: Officer, max_mb: int | None = None,
                             scan_folder: str | None = None) -> AttachmentSettings:
    """The size limit per file (MB) and the scanner's folder ("" clears it); action
    "attachment.settings" (admin)."""
    by = require(by, "attachment.settings", entity="settings")
    changes: dict[str, object] = {}
    if max_mb is not None:
        low, high = MAX_MB_RANGE
        if not isinstance(max_mb, int) or not low <= max_mb <= high:
            raise ValidationError({"max_mb": f"Giới hạn dung lượng một tệp phải từ {low} đến {high} MB."})
        changes[SETTING_MAX_MB] = max_mb
    if scan_folder is not None:
        folder = str(Path(scan_folder).expanduser()) if scan_folder.strip() else ""
        if folder and not Path(folder).is_dir():
            raise ValidationError({"scan_folder": f"Không tìm thấy thư mục {folder}."})
        changes[SETTING_SCAN_FOLDER] = folder
    with write_transaction():
        for key, value in changes.items():
            text = json.dumps(value, ensure_ascii=False)
            Setting.insert(key=key, value=text).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: text}).execute()
        if changes:
            audit("attachment.settings", by, "setting", "attachments", changes)
    return attachment_settings()


# -- reading -----------------------------------------------------------------------------------------
def _views(rows) -> list[AttachmentView]:
    officer_ids = {r.officer_id for r in rows}
    officers = {o.id: o for o in Officer.select().where(Officer.id.in_(officer_ids))} if officer_ids else {}
    return [AttachmentView(r.id, r.sha256, r.kind, r.paper, r.name, r.pages, r.bytes, r.attached_at,
                           officers[r.officer_id].username, officers[r.officer_id].full_name, r.source,
                           r.reused, r.replaced_at, r.replaced_by, r.note) for r in rows]


def _order(query):
    return query.order_by(Attachment.kind, Attachment.paper, Attachment.attached_at,  # "paper" < "result"
                          Attachment.id)


def dossier_attachments(dossier_id: int, *, history: bool = False) -> list[AttachmentView]:
    query = Attachment.select().where(Attachment.dossier == dossier_id)
    if not history:
        query = query.where(Attachment.replaced_by.is_null())
    return _views(list(_order(query)))


def list_attachments(code: str, *, history: bool = False) -> list[AttachmentView]:
    """The dossier's current copies, papers in order then the result; ``history`` adds the
    copies that were replaced."""
    return dossier_attachments(get_dossier_row(code).id, history=history)


def _papers(dossier_id: int) -> list[tuple[int, str]]:
    return list(DossierDocument.select(DossierDocument.position, DocumentName.name).join(DocumentName)
                .where(DossierDocument.dossier == dossier_id).order_by(DossierDocument.position).tuples())


def paper_states(code: str) -> list[PaperState]:
    """Each paper of the dossier with its current copy (the checklist and the dossier window)."""
    row = get_dossier_row(code)
    copies = {a.paper: a for a in dossier_attachments(row.id) if a.kind == PAPER}
    return [PaperState(number, name, copies.get(number)) for number, name in _papers(row.id)]


def result_copy(code: str) -> AttachmentView | None:
    return next((a for a in list_attachments(code) if a.kind == RESULT), None)


def _copy_of(row: Dossier, sha256: str) -> Attachment:
    wanted = sha256.strip().lower()
    found = Attachment.get_or_none((Attachment.dossier == row.id) & (Attachment.sha256 == wanted))
    if found is None:
        raise NotFoundError(f"Hồ sơ {row.code} không có bản điện tử có mã SHA-256 “{sha256.strip()[:80]}”.")
    return found


def read_copy(code: str, sha256: str) -> bytes:
    """The PDF of a copy of this dossier (also a replaced one), checked against its SHA-256."""
    found = _copy_of(get_dossier_row(code), sha256)
    return current_store().get(found.sha256)


def save_copy(code: str, sha256: str, out: str | Path, *, force: bool = False) -> Path:
    """Write a copy to ``out`` (checked first; an existing file is replaced only with ``force``)."""
    target = Path(out).expanduser()
    if target.is_dir():
        raise ValidationError({"out": f"{target} là một thư mục; hãy ghi tên tệp (ví dụ giay-to-1.pdf)."})
    if target.exists() and not force:
        raise ValidationError({"out": f"Đã có tệp {target}; không ghi đè (dùng --force nếu chắc chắn)."})
    data = read_copy(code, sha256)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise MotCuaError(f"Không ghi được tệp {target} ({os_reason(exc)}).") from None
    return target


# -- attaching ----------------------------------------------------------------------------------------
def _read_files(files: list[str | Path], limit: int) -> list[tuple[str, bytes]]:
    if len(files) > MAX_FILES:
        raise ValidationError({"file": f"Tối đa {MAX_FILES} tệp cho một bản điện tử."})
    parts = []
    for item in files:
        path = Path(item).expanduser()
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise ValidationError({"file": f"{path} không phải một tệp."})
            if size > limit:
                raise ValidationError({"file": f"Tệp {path.name} ({_megabytes(size)}) lớn hơn giới hạn "
                                               f"{_megabytes(limit)} cho một tệp."})
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise ValidationError({"file": f"Không tìm thấy tệp {path}."}) from None
        except OSError as exc:
            raise ValidationError({"file": f"Không đọc được tệp {path} ({os_reason(exc)})."}) from None
        if len(data) > limit:
            raise ValidationError({"file": f"Tệp {path.name} lớn hơn giới hạn {_megabytes(limit)} cho một tệp."})
        parts.append((path.name, data))
    return parts


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def _target(row: Dossier, paper: int | None, result: bool) -> tuple[str, int | None, str]:
    """(kind, paper number, name) of the slot a copy goes to."""
    if result:
        if paper is not None:
            raise ValidationError({"paper": "Chọn hoặc một giấy tờ (--paper) hoặc kết quả (--result), "
                                            "không cả hai."})
        if row.status not in RESULT_STATUSES:
            raise ValidationError({"result": f"Hồ sơ {row.code} chưa được tiếp nhận giải quyết; chưa thể "
                                             "đính kèm kết quả."})
        return RESULT, None, "Kết quả giải quyết"
    papers = dict(_papers(row.id))
    if not papers:
        raise ValidationError({"paper": f"Hồ sơ {row.code} không có giấy tờ nào trong danh sách thành phần."})
    if paper is None:  # the first paper without a copy: papers scanned in order
        done = {p for (p,) in Attachment.select(Attachment.paper).where(
            (Attachment.dossier == row.id) & (Attachment.kind == PAPER)
            & Attachment.replaced_by.is_null()).tuples()}
        paper = next((n for n in sorted(papers) if n not in done), None)
        if paper is None:
            raise ValidationError({"paper": "Mọi giấy tờ của hồ sơ đã có bản điện tử; hãy chỉ rõ giấy tờ "
                                            "số mấy để thay (--paper N) hoặc đính kèm kết quả (--result)."})
    if paper not in papers:
        raise ValidationError({"paper": f"Hồ sơ {row.code} có {len(papers)} giấy tờ (số 1 đến "
                                        f"{len(papers)}); không có giấy tờ số {paper}."})
    return PAPER, paper, papers[paper]


def _reused_copy(row: Dossier, sha256: str) -> Attachment:
    """An earlier copy of the same citizen (same identity number) that may be reused here."""
    wanted = sha256.strip().lower()
    if not is_sha256(wanted):
        raise ValidationError({"reuse": f"“{sha256.strip()[:80]}” không phải mã SHA-256 (64 chữ số hệ 16)."})
    if not row.applicant_id_number:
        raise ValidationError({"reuse": "Hồ sơ không có số định danh của chủ hồ sơ nên không tái sử dụng "
                                        "được giấy tờ đã số hóa."})
    found = (Attachment.select().join(Dossier, on=(Attachment.dossier == Dossier.id))
             .where((Attachment.sha256 == wanted) & (Attachment.kind == PAPER)
                    & (Dossier.applicant_id_number == row.applicant_id_number) & (Dossier.id != row.id))
             .order_by(Attachment.attached_at.desc()).first())
    if found is None:
        raise ValidationError({"reuse": f"Không có giấy tờ đã số hóa có mã {wanted[:12]}… của cùng chủ hồ sơ "
                                        f"({row.applicant_id_number}) để tái sử dụng."})
    return found


def attach(code: str, files: list[str | Path] | None, by: Officer, *, paper: int | None = None,
           result: bool = False, reuse: str | None = None, source: str = "file", note: str = "",
           data: list[tuple[str, bytes]] | None = None, now: datetime | None = None) -> AttachmentView:
    """Attach one copy to a paper (its number on the receipt, from 1; none given: the first
    paper without a copy) or to the result, from ``files`` (several make one PDF), from
    ``data`` (bytes already read: a camera capture) or by reusing an earlier copy of the same
    citizen (``reuse``: its SHA-256). A paper that has a copy gets the new one and keeps the
    old one in its history. Actions "attachment.add" / "attachment.replace" /
    "attachment.reuse"."""
    by = require(by, "attachment.add", entity="dossier", entity_id=code)
    now = now or clock()
    if source not in SOURCES:
        raise ValidationError({"source": "Nguồn bản điện tử không hợp lệ."})
    given = [x for x in (files, data) if x]
    if reuse and given:
        raise ValidationError({"reuse": "Tái sử dụng một giấy tờ đã số hóa thì không kèm tệp mới."})
    if not reuse and not given:
        raise ValidationError({"file": "Chưa chọn tệp nào để đính kèm."})
    row = get_dossier_row(code)
    kind, number, name = _target(row, paper, result)
    store = current_store()
    if reuse:
        if kind != PAPER:
            raise ValidationError({"reuse": "Chỉ giấy tờ của thành phần hồ sơ được tái sử dụng, không phải kết quả."})
        earlier = _reused_copy(row, reuse)
        sha, pages, size, pdf = earlier.sha256, earlier.pages, earlier.bytes, None
        store.get(sha)  # the earlier copy must still be sound
        source = "reuse"
    else:
        limit = attachment_settings().max_bytes
        parts = list(data or []) or _read_files(list(files or []), limit)
        for label, chunk in parts:
            if len(chunk) > limit:
                raise ValidationError({"file": f"Tệp {label} lớn hơn giới hạn {_megabytes(limit)} cho một tệp."})
        converted = to_pdf(parts)
        if len(converted.pdf) > MAX_COPY_BYTES:
            raise ValidationError({"file": f"Bản điện tử sau khi ghép ({_megabytes(len(converted.pdf))}) lớn hơn "
                                           f"{_megabytes(MAX_COPY_BYTES)}; hãy quét ở 200–300 dpi hoặc chia thành "
                                           "nhiều giấy tờ."})
        pdf, pages, size = converted.pdf, converted.pages, len(converted.pdf)
        sha = sha256_of(pdf)
        if not is_postgres():
            store.put(sha, pdf)  # on disk before the row that names it
    with write_transaction():
        row = Dossier.get_by_id(row.id)
        if pdf is not None and is_postgres():
            store.put(sha, pdf)
        previous = (Attachment.select().where(
            (Attachment.dossier == row.id) & (Attachment.kind == kind) & Attachment.replaced_by.is_null()
            & ((Attachment.paper == number) if number is not None else Attachment.paper.is_null())).first())
        created = Attachment.create(dossier=row, kind=kind, paper=number, name=name, sha256=sha, pages=pages,
                                    bytes=size, source=source, reused=bool(reuse), officer=by,
                                    attached_at=now, note=note.strip()[:500])
        if previous is not None:
            previous.replaced_by, previous.replaced_at = created.id, now
            previous.save()
        action = "attachment.reuse" if reuse else "attachment.replace" if previous else "attachment.add"
        row.updated_at = now
        row.save()
        SyncChange.create(dossier=row, event=None, at=now)
        audit(action, by, "dossier", row.code,
              {"kind": kind, "paper": number, "sha256": sha, "pages": pages, "bytes": size, "source": source,
               "replaced": previous.sha256 if previous else None}, at=now)
    return _views([created])[0]


def reuse_offers(code: str) -> list[ReuseOffer]:
    """Earlier copies of the same citizen's papers whose name matches a paper of this dossier
    that has no copy yet (newest first for each paper)."""
    row = get_dossier_row(code)
    if not row.applicant_id_number:
        return []
    states = [s for s in paper_states(row.code) if s.copy is None]
    if not states:
        return []
    wanted = {fold(s.name): s.number for s in states}
    earlier = (Attachment.select(Attachment, Dossier.code.alias("from_code"))
               .join(Dossier, on=(Attachment.dossier == Dossier.id))
               .where((Dossier.applicant_id_number == row.applicant_id_number) & (Dossier.id != row.id)
                      & (Attachment.kind == PAPER) & Attachment.replaced_by.is_null())
               .order_by(Attachment.attached_at.desc()).limit(500).objects())
    offers: list[ReuseOffer] = []
    seen: set[tuple[int, str]] = set()
    for a in earlier:
        number = wanted.get(fold(a.name))
        if number is None or (number, a.sha256) in seen:
            continue
        seen.add((number, a.sha256))
        offers.append(ReuseOffer(number, a.name, a.sha256, a.pages, a.bytes, a.from_code, a.attached_at))
    return sorted(offers, key=lambda o: (o.paper, -o.attached_at.timestamp()))


def scan_folder_files(folder: str | Path | None = None, *, limit: int = 20) -> list[Path]:
    """The newest files of the scanner's folder (newest first) that look like a scan by their
    first bytes: what the officer picks from after pressing the scanner's button."""
    from .attachment_pdf import sniff

    where = Path(folder or attachment_settings().scan_folder or "")
    if not str(where) or not where.is_dir():
        raise ValidationError({"scan_folder": "Chưa đặt thư mục máy quét, hoặc thư mục không còn (Cài đặt → "
                                              "Số hóa)."})
    found = []
    try:
        entries = [p for p in where.iterdir() if p.is_file() and not p.name.startswith(".")]
    except OSError as exc:
        raise ValidationError({"scan_folder": f"Không đọc được thư mục {where} ({os_reason(exc)})."}) from None
    for path in sorted(entries, key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            with open(path, "rb") as handle:
                if sniff(handle.read(16)):
                    found.append(path)
        except OSError:
            continue
        if len(found) >= limit:
            break
    return found


def print_copy(code: str, sha256: str, *, printer: str | None = None) -> int:
    """Print a copy (checked against its hash first) on the agency's printer; returns the
    number of pages sent. Raises printing.dispatch.PrintError with a Vietnamese message."""
    from printing.dispatch import print_pdf  # Qt is loaded only when really printing

    from .settings import require_settings

    settings = require_settings()
    return print_pdf(read_copy(code, sha256), printer_name=printer or settings.printer or None,
                     page_size="PDF", doc_name=f"MotCua {code} – bản điện tử")


# -- at reception: copies chosen before the dossier exists ---------------------------------------------
@dataclass(frozen=True)
class PendingCopy:
    """A paper's copy chosen in the intake checklist: files (or camera captures), or an earlier
    copy of the same citizen to reuse. ``paper``: its number among the papers
    received (from 1)."""

    paper: int
    files: tuple[str, ...] = ()
    reuse: str = ""
    source: str = "file"
    pages: tuple[bytes, ...] = ()  # camera captures (JPEG), a page each


@dataclass(frozen=True)
class PreparedCopy:
    paper: int
    pdf: bytes
    reuse: str
    source: str


def prepare_copies(pending: list[PendingCopy]) -> list[PreparedCopy]:
    """Read and convert every chosen copy before the dossier is saved: a wrong type or an
    oversized file refuses the intake with its message, and nothing is saved."""
    limit = attachment_settings().max_bytes
    prepared = []
    for item in pending:
        if item.reuse:
            prepared.append(PreparedCopy(item.paper, b"", item.reuse, "reuse"))
            continue
        parts = [(f"trang-{i}.jpg", page) for i, page in enumerate(item.pages, start=1)] if item.pages \
            else _read_files(list(item.files), limit)
        try:
            pdf = to_pdf(parts).pdf
        except ValidationError as exc:
            raise ValidationError({"documents": f"Bản điện tử của giấy tờ {item.paper}: {exc}"}) from None
        prepared.append(PreparedCopy(item.paper, pdf, "", item.source))
    return prepared


def attach_prepared(code: str, prepared: list[PreparedCopy], by: Officer,
                    *, now: datetime | None = None) -> tuple[list[AttachmentView], list[str]]:
    """Attach the copies prepared at reception to the dossier just saved; (attached, problems):
    a copy that cannot be attached (a reused copy no longer sound) is named, the dossier stays."""
    attached, problems = [], []
    for item in prepared:
        try:
            if item.reuse:
                attached.append(attach(code, None, by, paper=item.paper, reuse=item.reuse, now=now))
            else:
                attached.append(attach(code, None, by, paper=item.paper, source=item.source,
                                       data=[(f"giay-to-{item.paper}.pdf", item.pdf)], now=now))
        except MotCuaError as exc:
            problems.append(f"Giấy tờ {item.paper}: {exc}")
    return attached, problems


def reuse_candidates(id_number: str, *, limit: int = 200) -> list[ReuseOffer]:
    """The current copies of a returning citizen's papers (by identity number), newest first,
    one per paper name: what the intake checklist offers for reuse before the dossier exists
    (``paper`` is the paper's number in the dossier it came from)."""
    number = "".join(ch for ch in id_number if ch.isdigit()) or id_number.strip()
    if not number:
        return []
    rows = (Attachment.select(Attachment, Dossier.code.alias("from_code"))
            .join(Dossier, on=(Attachment.dossier == Dossier.id))
            .where((Dossier.applicant_id_number == number) & (Attachment.kind == PAPER)
                   & Attachment.replaced_by.is_null())
            .order_by(Attachment.attached_at.desc(), Attachment.id.desc()).limit(limit).objects())
    seen: set[str] = set()
    offers = []
    for a in rows:
        key = fold(a.name)
        if key in seen:
            continue
        seen.add(key)
        offers.append(ReuseOffer(a.paper, a.name, a.sha256, a.pages, a.bytes, a.from_code, a.attached_at))
    return offers
