"""Every table the app's models define, found by walking the models package.

Moving a counter's data (models.migrate_to) must take every table, including the ones a later
release adds in a module of its own: a list kept by hand would forget one. So the package's
modules are imported and every subclass of ``tables.BaseModel`` defined in them is taken, in
an order where a table comes after the tables it refers to.
"""
from __future__ import annotations

import importlib
import pkgutil

from peewee import Model, sort_models

from .tables import BaseModel

# Imported first by name: a frozen build whose importer cannot list the package still has them.
KNOWN_MODULES = ("tables", "sync_state", "province_state", "citizen_tables")


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found += _subclasses(sub)
    return found


def all_models() -> list[type[Model]]:
    """The app's tables, each after those it refers to (foreign keys)."""
    package = __name__.rsplit(".", 1)[0]
    for name in KNOWN_MODULES:
        importlib.import_module(f"{package}.{name}")
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        importlib.import_module(f"{package}.{info.name}")
    models = {m for m in _subclasses(BaseModel) if m.__module__.startswith(package + ".")}
    return sort_models(models)
