"""Storage for the citizen's side of the counter: the fee a dossier owes and its payment, and
the citizen's satisfaction ratings.

Created by the migration ``_v4_citizen_service`` (models.migrations), beside models.tables on
the same ``database`` proxy. A dossier with nothing to pay and nothing exempted has no
``dossier_fee`` row (most civil-status procedures are free): a million dossiers stay small.
"""
from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    SmallIntegerField,
    TextField,
)

from .tables import BaseModel, Dossier, Officer


class DossierFee(BaseModel):
    """The fee (phí, lệ phí) computed at intake, and its payment when recorded."""

    dossier = ForeignKeyField(Dossier, primary_key=True, on_delete="CASCADE")
    amount = IntegerField()  # due, after any exemption
    full_amount = IntegerField()  # before the exemption
    exempt_reason = TextField(default="")
    basis = TextField(default="")  # JSON FeeBasis (pages, copies, items); "" when none entered
    lines = TextField(default="[]")  # JSON FeeLine list: the portal's DanhSachLePhi
    explanation = TextField(default="")
    paid_at = DateTimeField(null=True, index=True)
    paid_by = ForeignKeyField(Officer, null=True, on_delete="RESTRICT", index=False)
    paid_amount = IntegerField(null=True)
    method = CharField(default="")  # cash | transfer


class SatisfactionRating(BaseModel):
    """A citizen's rating of the service (đánh giá mức độ hài lòng), after intake or return.

    The level's name and whether it counts as satisfied are copied from the scale in force,
    so that a later change of the scale never changes past figures.
    """

    id = AutoField()
    uid = CharField(unique=True)
    dossier = ForeignKeyField(Dossier, on_delete="CASCADE", index=True)
    stage = CharField()  # intake | return
    level = SmallIntegerField()  # 1 = the first level of the scale
    level_name = TextField()
    scale_size = SmallIntegerField()
    satisfied = BooleanField()
    comment = TextField(default="")
    at = DateTimeField(index=True)
    officer = ForeignKeyField(Officer, on_delete="RESTRICT", index=False)


CITIZEN_TABLES = [DossierFee, SatisfactionRating]
