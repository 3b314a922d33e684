"""Generated scans for the digitisation tests and benchmark: pages as a scanner saves them."""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw


def page_image(number: int, *, dpi: int = 300, mode: str = "L", grain: bool = False) -> Image.Image:
    """An A4 page at ``dpi`` with some lines of 'text'; ``grain`` adds the paper's and the
    sensor's noise a real scan has (it makes a JPEG the size a scanner's is)."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new(mode, (width, height), "white")
    if grain:
        noise = Image.effect_noise((width, height), 12).point(lambda v: 255 - abs(v - 128) // 3)
        image = noise.convert(mode)
    draw = ImageDraw.Draw(image)
    draw.text((dpi, dpi), f"TRANG {number}", fill="black")
    for line in range(40):
        y = dpi * 2 + line * dpi // 6
        draw.line((dpi, y, width - dpi - (line * 37 + number * 11) % (width // 3), y), fill="black", width=2)
    return image


def jpeg_bytes(number: int, *, dpi: int = 300, quality: int = 80, grain: bool = False) -> bytes:
    out = io.BytesIO()
    page_image(number, dpi=dpi, grain=grain).save(out, "JPEG", dpi=(dpi, dpi), quality=quality)
    return out.getvalue()


def png_bytes(number: int, *, dpi: int = 200) -> bytes:
    out = io.BytesIO()
    page_image(number, dpi=dpi).save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def tiff_bytes(pages: int, *, dpi: int = 200) -> bytes:
    """A multi-page TIFF, as many scanners save a document fed through in one go."""
    images = [page_image(n, dpi=dpi).convert("1") for n in range(1, pages + 1)]
    out = io.BytesIO()
    images[0].save(out, "TIFF", save_all=True, append_images=images[1:], dpi=(dpi, dpi),
                   compression="group4")
    return out.getvalue()


def write_jpeg_pages(folder: Path, pages: int, *, dpi: int = 300, prefix: str = "scan",
                     grain: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, pages + 1):
        path = folder / f"{prefix}_{number:03d}.jpg"
        path.write_bytes(jpeg_bytes(number, dpi=dpi, grain=grain))
        paths.append(path)
    return paths
