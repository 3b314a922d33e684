"""Assembling a story of flowables into PDF bytes, once per copy (liên)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from printing.fonts import SERIF, SERIF_ITALIC, register_fonts
from printing.vntext import nfc

T = TypeVar("T")

# Write compressed streams as binary rather than ASCII85 text: a fifth
# smaller, and without reportlab's C accelerators the ASCII85 pass is a tenth
# of a receipt's rendering time. Every PDF reader takes binary streams.
rl_config.useA85 = 0


@dataclass(frozen=True)
class PageSpec:
    """Paper and margins (points) and the body font size for one form."""

    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    font_size: float
    spacing: float = 1.0  # the gaps between paragraphs and lines, 0 = set solid (tight forms)

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def pagesize(self) -> tuple[float, float]:
        return (self.width, self.height)


class _FormCanvas(Canvas):
    """A canvas that lays the story out once and prints it once per copy.

    Each laid-out page is captured as a form XObject (begun and ended by the
    page template's callbacks); ``save`` then emits, for every copy (liên),
    one real page per form with the copy's label at the top and "Trang x/y"
    at the bottom. Copies therefore cost no second layout and share their
    content in the file. Page numbers appear on copies longer than one page,
    or always when the form asks for them.
    """

    def __init__(
        self, *args: object, spec: PageSpec, copy_labels: Sequence[str], always_number: bool, **kw: object
    ) -> None:
        super().__init__(*args, **kw)
        self._mc_spec = spec
        self._mc_labels = list(copy_labels) or [""]
        self._mc_always = always_number
        self._mc_forms: list[str] = []

    def begin_layout_page(self) -> None:
        self.beginForm(f"MotCuaPage{len(self._mc_forms) + 1}")

    def end_layout_page(self) -> None:
        self.endForm()
        self._mc_forms.append(f"MotCuaPage{len(self._mc_forms) + 1}")

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        # The page's drawing is in a form by now; real pages come in save().
        self._startPage()

    def save(self) -> None:
        total = len(self._mc_forms)
        for label in self._mc_labels:
            for number, name in enumerate(self._mc_forms, start=1):
                self.doForm(name)
                self._draw_marks(label, number, total)
                Canvas.showPage(self)
        Canvas.save(self)

    def _draw_marks(self, label: str, page: int, total: int) -> None:
        spec = self._mc_spec
        size = spec.font_size - 2
        # In the top and bottom margins, clear of the edge a printer cannot reach even when a
        # tight form (printing.receipt) narrows those margins.
        if label:
            self.setFont(SERIF_ITALIC, size)
            self.drawRightString(spec.width - spec.right, spec.height - max(spec.top * 0.55, 7.5 * mm),
                                 label)
        if total > 1 or self._mc_always:
            self.setFont(SERIF, size)
            self.drawCentredString(spec.width / 2, max(spec.bottom * 0.45, 6 * mm), f"Trang {page}/{total}")


def _begin_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv.begin_layout_page()


def _end_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv.end_layout_page()


def build_pdf(
    story: list[Flowable],
    spec: PageSpec,
    *,
    doc_title: str,
    copy_labels: Sequence[str] = ("",),
    always_number: bool = False,
) -> bytes:
    """Lay the story out on pages of ``spec`` and return the PDF bytes.

    The story is printed once per entry of ``copy_labels``, each copy
    starting on a new page and carrying its label at the top of each page.
    ``invariant`` keeps the output free of the clock (fixed creation date and
    document id), so the same data always gives the same bytes.
    """
    return _build(story, spec, doc_title=doc_title, copy_labels=copy_labels,
                  always_number=always_number)[0]


def build_pdf_fitted(
    layouts: Sequence[T],
    make: Callable[[T], tuple[list[Flowable], PageSpec]],
    *,
    max_pages: int,
    doc_title: str,
    copy_labels: Sequence[str] = ("",),
) -> bytes:
    """The first of ``layouts`` (each made into a story and its page by ``make``) that takes
    at most ``max_pages`` pages a copy; when none does, the last one.

    Each attempt is a full layout (a receipt's takes about 25 ms), so the usual case that
    fits at the first attempt costs nothing more.
    """
    pdf = b""
    for layout in layouts:
        story, spec = make(layout)
        pdf, pages = _build(story, spec, doc_title=doc_title, copy_labels=copy_labels,
                            always_number=False)
        if pages <= max_pages:
            break
    return pdf


def _build(
    story: list[Flowable],
    spec: PageSpec,
    *,
    doc_title: str,
    copy_labels: Sequence[str],
    always_number: bool,
) -> tuple[bytes, int]:
    """The PDF bytes and the number of pages one copy takes."""
    register_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=spec.pagesize,
        leftMargin=spec.left,
        rightMargin=spec.right,
        topMargin=spec.top,
        bottomMargin=spec.bottom,
        title=nfc(doc_title),
        author="MotCua",
        creator="MotCua",
        lang="vi",
        invariant=1,
        pageCompression=1,
        initialFontName=SERIF,
        initialFontSize=spec.font_size,
    )
    frame = Frame(
        spec.left, spec.bottom, spec.frame_width, spec.height - spec.top - spec.bottom, 0, 0, 0, 0, id="body"
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_begin_page, onPageEnd=_end_page)])
    canvases: list[_FormCanvas] = []

    def make_canvas(*args: object, **kw: object) -> _FormCanvas:
        canvas = _FormCanvas(*args, spec=spec, copy_labels=copy_labels, always_number=always_number, **kw)
        canvases.append(canvas)
        return canvas

    doc.build(story, canvasmaker=make_canvas)
    return buf.getvalue(), len(canvases[-1]._mc_forms)
