"""Electronic copies (số hóa): attached from a file, a scanner's folder or reused; refused by
content and size; stored under their SHA-256, checked on every read; carried by backups."""
from __future__ import annotations

import io
import os
import time

import pytest
from pypdf import PdfReader

from models import attachments as att
from models.attachment_store import FolderStore, current_store, folder_beside, sha256_of
from models.attachment_tables import Attachment
from models.audit import now as clock
from models.backup import make_backup
from models.errors import NotFoundError, ValidationError
from models.intake import receive
from models.restore import restore_backup
from models.tables import AuditLog, SyncChange
from tests.factories import XAC_NHAN_HON_NHAN, request
from tests.scans import jpeg_bytes, png_bytes, tiff_bytes, write_jpeg_pages

TWO_PAPERS = [{"name": "Tờ khai đề nghị cấp giấy xác nhận tình trạng hôn nhân", "originals": 1, "copies": 0}, {"name": "Giấy tờ chứng minh tình trạng hôn nhân", "originals": 1, "copies": 0}]


@pytest.fixture
def dossier(officer):
    return receive(request(procedure=XAC_NHAN_HON_NHAN, documents=TWO_PAPERS), officer)


def _pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def test_a_multi_page_scan_from_the_watched_folder_becomes_one_pdf(officer, dossier, tmp_path):
    folder = tmp_path / "scanner"
    old = write_jpeg_pages(folder, 1, prefix="yesterday", dpi=150)
    os.utime(old[0], (time.time() - 3600, time.time() - 3600))
    (folder / "notes.txt").write_text("không phải bản quét")
    pages = write_jpeg_pages(folder, 3, dpi=300)
    att.save_attachment_settings(by=officer, scan_folder=str(folder))

    newest = att.scan_folder_files()
    assert set(pages) <= set(newest) and newest[-1] == old[0]  # newest first, the .txt left out
    copy = att.attach(dossier.code, pages, officer, paper=1, source="scan_folder")

    assert (copy.kind, copy.paper, copy.pages, copy.source) == ("paper", 1, 3, "scan_folder")
    data = att.read_copy(dossier.code, copy.sha256)
    assert sha256_of(data) == copy.sha256 and len(data) == copy.bytes
    reader = _pdf(data)
    assert len(reader.pages) == 3
    # A 300 dpi A4 scan stays an A4 page (595 × 842 pt), its JPEG passed through.
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2
    assert copy.bytes < sum(p.stat().st_size for p in pages) * 1.1
    stored = folder_beside(tmp_path / "motcua.sqlite3") / copy.sha256[:2] / f"{copy.sha256}.pdf"
    assert stored.read_bytes() == data
    assert [s.copy is not None for s in att.paper_states(dossier.code)][0]


def test_png_tiff_and_pdf_files_are_attached_by_their_content(officer, dossier, tmp_path):
    png = tmp_path / "trang.dat"  # the name says nothing; the content decides
    png.write_bytes(png_bytes(1))
    tiff = tmp_path / "nhieu-trang.tif"
    tiff.write_bytes(tiff_bytes(2))
    first = att.attach(dossier.code, [png, tiff], officer, paper=1)
    assert first.pages == 3
    pdf = tmp_path / "ban-sao.pdf"
    pdf.write_bytes(att.read_copy(dossier.code, first.sha256))
    second = att.attach(dossier.code, [pdf], officer, paper=2)
    assert second.sha256 == first.sha256 and second.pages == 3  # the same bytes, stored once
    assert len(list(FolderStore(folder_beside(tmp_path / "motcua.sqlite3")).names())) == 1


def test_a_file_of_another_type_is_refused_by_its_content_and_nothing_changes(officer, dossier, tmp_path):
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"PK\x03\x04 this is a zip, not a PDF")
    with pytest.raises(ValidationError, match="không phải PDF, JPEG, PNG hay TIFF"):
        att.attach(dossier.code, [fake], officer, paper=1)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing else")
    with pytest.raises(ValidationError, match="PDF bị hỏng"):
        att.attach(dossier.code, [broken], officer, paper=1)
    assert Attachment.select().count() == 0
    assert not folder_beside(tmp_path / "motcua.sqlite3").exists()


def test_an_oversized_file_is_refused_with_the_limit_in_the_message(officer, dossier, tmp_path):
    att.save_attachment_settings(by=officer, max_mb=1)
    big = tmp_path / "lon.jpg"
    big.write_bytes(jpeg_bytes(1, quality=100) + b"\0" * (1024 * 1024))
    with pytest.raises(ValidationError, match=r"lớn hơn giới hạn 1,0 MB"):
        att.attach(dossier.code, [big], officer, paper=1)
    assert Attachment.select().count() == 0
    with pytest.raises(ValidationError, match="từ 1 đến 24 MB"):
        att.save_attachment_settings(by=officer, max_mb=0)
    assert att.attachment_settings().max_mb == 1


def test_replacing_keeps_the_history_and_each_change_is_synced_and_audited(officer, dossier, tmp_path):
    first = tmp_path / "a.jpg"
    first.write_bytes(jpeg_bytes(1))
    second = tmp_path / "b.jpg"
    second.write_bytes(jpeg_bytes(2))
    changes = SyncChange.select().count()
    old = att.attach(dossier.code, [first], officer)  # no paper named: the first without a copy
    new = att.attach(dossier.code, [second], officer, paper=1, note="bản quét rõ hơn")
    assert old.paper == new.paper == 1
    assert [a.sha256 for a in att.list_attachments(dossier.code)] == [new.sha256]
    history = att.list_attachments(dossier.code, history=True)
    assert {a.sha256: a.current for a in history} == {old.sha256: False, new.sha256: True}
    assert att.read_copy(dossier.code, old.sha256)  # a replaced copy is never lost
    assert SyncChange.select().count() == changes + 2
    assert [r.action for r in AuditLog.select().where(AuditLog.action.startswith("attachment."))
            .order_by(AuditLog.id)] == ["attachment.add", "attachment.replace"]


def test_a_result_and_the_wrong_paper_number(officer, dossier, tmp_path):
    scan = tmp_path / "kq.jpg"
    scan.write_bytes(jpeg_bytes(1))
    with pytest.raises(ValidationError, match="không có giấy tờ số 9"):
        att.attach(dossier.code, [scan], officer, paper=9)
    result = att.attach(dossier.code, [scan], officer, result=True)
    assert (result.kind, result.paper) == ("result", None)
    assert att.result_copy(dossier.code).sha256 == result.sha256
    with pytest.raises(NotFoundError):
        att.read_copy(dossier.code, "0" * 64)


def test_a_returning_citizens_paper_is_offered_and_reused(officer, dossier, tmp_path):
    scan = tmp_path / "cccd.jpg"
    scan.write_bytes(jpeg_bytes(1))
    earlier = att.attach(dossier.code, [scan], officer, paper=1)
    again = receive(request(procedure=XAC_NHAN_HON_NHAN, documents=TWO_PAPERS), officer)
    stranger = receive(request(procedure=XAC_NHAN_HON_NHAN, id_number="001090054321", name="Lê Văn Tám",
                               documents=TWO_PAPERS), officer)

    offers = att.reuse_offers(again.code)
    assert [(o.paper, o.sha256, o.from_code) for o in offers] == [(1, earlier.sha256, dossier.code)]
    assert att.reuse_offers(stranger.code) == []
    with pytest.raises(ValidationError, match="cùng chủ hồ sơ"):
        att.attach(stranger.code, None, officer, paper=1, reuse=earlier.sha256)

    reused = att.attach(again.code, None, officer, paper=1, reuse=earlier.sha256)
    assert (reused.reused, reused.source, reused.sha256) == (True, "reuse", earlier.sha256)
    assert att.reuse_offers(again.code) == []


def test_every_read_checks_the_hash(officer, dossier, tmp_path):
    scan = tmp_path / "a.jpg"
    scan.write_bytes(jpeg_bytes(1))
    copy = att.attach(dossier.code, [scan], officer, paper=1)
    stored = current_store().path(copy.sha256)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0x01
    stored.write_bytes(bytes(data))
    with pytest.raises(att.MotCuaError, match="bị hỏng"):
        att.read_copy(dossier.code, copy.sha256)


def test_backups_carry_the_copies_and_a_restore_brings_them_back(officer, dossier, db_path, tmp_path):
    scan = tmp_path / "a.jpg"
    scan.write_bytes(jpeg_bytes(1))
    copy = att.attach(dossier.code, [scan], officer, paper=1)
    backup = tmp_path / "usb" / "sao-luu.sqlite3"
    result = make_backup(backup, now=clock())
    assert result.copies == 1
    in_backup = folder_beside(backup) / copy.sha256[:2] / f"{copy.sha256}.pdf"
    assert sha256_of(in_backup.read_bytes()) == copy.sha256

    live = current_store().path(copy.sha256)
    live.unlink()  # the data folder's copies are lost (a new disk)
    report = restore_backup(backup, db_path=db_path, by=officer)
    assert report.warnings == []
    assert sha256_of(att.read_copy(dossier.code, copy.sha256)) == copy.sha256


def test_printing_a_copy_sends_the_checked_pdf_at_its_own_page_size(officer, dossier, tmp_path, monkeypatch):
    import printing.dispatch

    sent = []
    monkeypatch.setattr(printing.dispatch, "print_pdf",
                        lambda pdf, printer_name=None, copies=1, page_size="A4", doc_name="": sent.append(
                            (pdf, page_size)) or 2)
    scan = tmp_path / "a.tif"
    scan.write_bytes(tiff_bytes(2))
    copy = att.attach(dossier.code, [scan], officer, paper=1)
    assert att.print_copy(dossier.code, copy.sha256) == 2
    assert sent == [(att.read_copy(dossier.code, copy.sha256), "PDF")]
