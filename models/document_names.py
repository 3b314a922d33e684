"""Paper names (tên giấy tờ) stored once and referred to by id (see tables.DocumentName)."""
from __future__ import annotations

from .tables import DocumentName


def document_name_ids(names: list[str]) -> dict[str, int]:
    """The id of each name, adding the new ones. Call inside the writing transaction."""
    wanted = set(names)
    if not wanted:
        return {}
    DocumentName.insert_many([{"name": n} for n in sorted(wanted)]).on_conflict_ignore().execute()
    return dict(DocumentName.select(DocumentName.name, DocumentName.id)
                .where(DocumentName.name.in_(wanted)).tuples())
