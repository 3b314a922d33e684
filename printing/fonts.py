"""The serif font every form uses, shipped with the app and embedded in PDFs.

Liberation Serif (SIL OFL 1.1, see resources/fonts/OFL.txt) is metric
compatible with Times New Roman, the face Nghị định 30/2020/NĐ-CP asks for in
administrative documents, and covers every Vietnamese letter. reportlab's
TTFont embeds a subset of the glyphs actually used, so PDFs stay small.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resources import ROOT as RESOURCES

FONT_DIR = RESOURCES / "fonts"

SERIF = "MotCuaSerif"
SERIF_BOLD = "MotCuaSerif-Bold"
SERIF_ITALIC = "MotCuaSerif-Italic"
SERIF_BOLD_ITALIC = "MotCuaSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def register_fonts() -> str:
    """Register the four faces once and return the family name.

    Safe to call before every render: later calls cost a dictionary lookup.
    """
    registered = pdfmetrics.getRegisteredFontNames()
    if SERIF_BOLD_ITALIC in registered:
        return SERIF
    for name, filename in _FILES.items():
        path = FONT_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"Thiếu tệp phông chữ: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # Map <b>/<i> in Paragraph markup onto the right faces.
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
    return SERIF
