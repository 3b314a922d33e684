"""Files shipped with MotCua: fonts, the procedure catalog, translations, JSON Schemas.

A package (not a loose folder) so that the wheel, an installed copy and the PyInstaller build
all carry it. ``ROOT`` is this package's own folder (importlib.resources extracts a zipped
install), never a path worked out from the source tree's layout.
"""
from __future__ import annotations

import atexit
import contextlib
from pathlib import Path

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _root() -> Path:
    """This package as a real folder (Qt and reportlab want file names).

    From a source tree, an installed wheel or a PyInstaller folder this is the folder itself
    (the folder of this very file, as importlib.resources would answer, without importing it
    at every start); only a zipped install is extracted to a temporary folder first.
    """
    here = Path(__file__).parent
    if (here / "translations").is_dir():
        return here
    import importlib.resources

    root = importlib.resources.files(__name__)
    if isinstance(root, Path):
        return root
    return _extracted.enter_context(importlib.resources.as_file(root))


ROOT = _root()
