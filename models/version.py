"""The application's version, read from the package metadata (pyproject.toml is the one place)."""
from __future__ import annotations

from importlib import metadata
from pathlib import Path

DISTRIBUTION = "motcua"


def app_version() -> str:
    """The installed version; from a source tree that was never installed, pyproject.toml's."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        if pyproject.is_file():
            import tomllib

            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        return "0+unknown"


APP_VERSION = app_version()
