"""Files shipped with MotCua: fonts, the procedure catalog, translations, JSON Schemas.

A package (not a loose folder) so that the wheel, an installed copy and the PyInstaller build
all carry it. ``ROOT`` is found with importlib.resources, never from a source-tree path.
"""
from __future__ import annotations

import atexit
import contextlib
import importlib.resources
from pathlib import Path

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _root() -> Path:
    """This package as a real folder (Qt and reportlab want file names).

    From a source tree, an installed wheel or a PyInstaller folder this is the folder itself;
    only a zipped install is extracted to a temporary folder first.
    """
    root = importlib.resources.files(__name__)
    if isinstance(root, Path):
        return root
    return _extracted.enter_context(importlib.resources.as_file(root))


ROOT = _root()
