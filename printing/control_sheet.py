"""Phiếu kiểm soát quá trình giải quyết hồ sơ (BM.05): the hand-over log.

Each step takes two rows as on the printed form: the units and the time of
the hand-over, then the people who gave and took the dossier. The result
(trước hạn / đúng hạn / quá hạn) and note cells span both rows. Blank steps
are added up to four so that the sheet can also be filled in by hand.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from printing.barcodes import DossierCodeBlock
from printing.data import ControlSheetData, ControlStep, FormSettings
from printing.layout import (
    PageSpec,
    build_pdf,
    field,
    header,
    markup,
    number_line,
    page_spec,
    paragraph,
    styles,
    title,
    vn_datetime,
    vn_short_datetime,
)
from printing.tables import ruled_table

TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
NUMBER = "PKS-TTPVHCC (BPTNTKQ)"  # BM.05
BLANK_TIME = "….giờ….phút,<br/>ngày…../…../……"
MIN_STEPS = 4
NOTES = (
    "- Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ.",
    "- Việc lưu vết được thực hiện tự động theo chức năng của Hệ thống thông tin giải quyết thủ tục "
    "hành chính và thể hiện trên mẫu phiếu điện tử.",
)


def _step_rows(step: ControlStep | None, spec: PageSpec) -> list[list[object]]:
    st = styles(spec.font_size)
    if step is None:
        units = "<b>1. Giao:</b><br/><b>2. Nhận:</b>"
        when, result, note, giver, taker = BLANK_TIME, "", "", "", ""
    else:
        units = f"<b>1. Giao:</b> {markup(step.from_unit, '')}<br/><b>2. Nhận:</b> {markup(step.to_unit, '')}"
        when = vn_short_datetime(step.at).replace(", ", ",<br/>", 1)
        result, note = markup(step.result, ""), markup(step.note, "")
        giver, taker = markup(step.from_person, ""), markup(step.to_person, "")
    signature_gap = "<br/>" * 2  # room to sign
    return [
        [
            Paragraph(units, st["cell"]),
            Paragraph(when, st["cell_center"]),
            Paragraph(result, st["cell_center"]),
            Paragraph(note, st["cell"]),
        ],
        [
            Paragraph(f"<b>Người giao</b>{signature_gap}{giver}", st["cell_center"]),
            Paragraph(f"<b>Người nhận</b>{signature_gap}{taker}", st["cell_center"]),
            "",
            "",
        ],
    ]


def _steps_table(data: ControlSheetData, spec: PageSpec) -> Flowable:
    st = styles(spec.font_size)
    heads = [
        "Tên đơn vị",
        "Thời gian giao nhận<br/>hồ sơ",
        "Kết quả giải quyết hồ sơ<br/>(trước hạn/đúng hạn/quá hạn)",
        "Ghi chú",
    ]
    rows: list[list[object]] = [[Paragraph(h, st["cell_head"]) for h in heads]]
    steps: list[ControlStep | None] = list(data.steps)
    steps += [None] * (MIN_STEPS - len(steps))
    spans: list[tuple[object, ...]] = []
    for step in steps:
        first = len(rows)
        rows += _step_rows(step, spec)
        spans += [("SPAN", (2, first), (2, first + 1)), ("SPAN", (3, first), (3, first + 1))]
        spans.append(("VALIGN", (2, first), (2, first + 1), "MIDDLE"))
    w = spec.frame_width
    return ruled_table(rows, [w * 0.36, w * 0.24, w * 0.22, w * 0.18], header_rows=1, extra=spans)


def render_control_sheet(data: ControlSheetData, settings: FormSettings) -> bytes:
    """The control sheet as PDF bytes."""
    spec = page_spec(settings.page_size)
    story: list[Flowable] = [
        header(settings, number_line(data.number, NUMBER), data.issued_at.date(), spec),
        *title(TITLE, spec),
        DossierCodeBlock(
            data.code,
            None,
            font_size=spec.font_size,
            page_width=spec.width,
            frame_left=spec.left,
            bar_height=9 * mm,
        ),
        Spacer(1, spec.font_size * 0.5),
        field("Mã số hồ sơ", data.code, spec, bold=True),
        field("Cơ quan (bộ phận) giải quyết hồ sơ", data.resolving_unit, spec),
        field("Cơ quan phối hợp giải quyết hồ sơ", data.coordinating_unit, spec),
        field("Ngày nhận", vn_datetime(data.received_at), spec),
        paragraph(f"Hẹn trả kết quả vào <b>{vn_datetime(data.due_at)}</b>", "body", spec),
        Spacer(1, spec.font_size * 0.4),
        _steps_table(data, spec),
        Spacer(1, spec.font_size * 0.6),
        paragraph("<i>Ghi chú:</i>", "note", spec),
        *(paragraph(markup(text), "note", spec) for text in NOTES),
    ]
    return build_pdf(story, spec, doc_title=f"Phiếu kiểm soát quá trình giải quyết hồ sơ {data.code}")
