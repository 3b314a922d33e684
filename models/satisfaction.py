"""Citizens' satisfaction (mức độ hài lòng) with the service: ratings and their figures.

QĐ 766/QĐ-TTg (2022) scores agencies on, among other things, the satisfaction of citizens
(group 5). After intake and after the result is handed over, the citizen picks a level of the
province's scale (default: Rất hài lòng / Hài lòng / Không hài lòng, numbered 1, 2, 3 in that
order) and may add a comment. The officer at the counter records it on the citizen's behalf
("satisfaction.rate"); like every change to a dossier it goes into the day file.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from peewee import fn

from .audit import audit
from .audit import now as clock
from .citizen_settings import CitizenSettings, load_citizen_settings
from .citizen_tables import SatisfactionRating
from .db import write_transaction
from .dossiers import get_dossier_row
from .errors import MotCuaError, ValidationError
from .permissions import require
from .report_period import Period
from .statuses import NEW, RETURNED
from .tables import Dossier, Officer, SyncChange
from .text import clean

STAGES = {"intake": "Sau khi tiếp nhận", "return": "Sau khi trả kết quả"}
COMMENT_MAX = 1000
FUTURE_TOLERANCE = timedelta(minutes=10)


@dataclass(frozen=True)
class Rating:
    uid: str
    code: str
    stage: str
    level: int
    level_name: str
    satisfied: bool
    comment: str
    at: datetime
    officer: str

    def to_dict(self) -> dict:
        return {"uid": self.uid, "code": self.code, "stage": self.stage, "stage_name": STAGES[self.stage],
                "level": self.level, "level_name": self.level_name, "satisfied": self.satisfied,
                "comment": self.comment, "at": self.at.isoformat(), "officer": self.officer}


def scale(settings: CitizenSettings | None = None) -> list[dict]:
    """The levels in force: ``[{"level": 1, "name": "Rất hài lòng", "satisfied": True}, …]``."""
    settings = settings or load_citizen_settings()
    return [{"level": i, "name": name, "satisfied": i <= settings.satisfied_levels}
            for i, name in enumerate(settings.satisfaction_levels, start=1)]


def rate(code: str, by: Officer, *, level: int, comment: str = "", stage: str | None = None,
         at: datetime | None = None, now: datetime | None = None) -> Rating:
    """Record the citizen's rating of a dossier's service.

    ``stage`` is "intake" or "return"; by default "return" once the result was handed over,
    else "intake". A dossier may be rated once per stage.
    """
    by = require(by, "satisfaction.rate", entity="dossier", entity_id=code)
    now = (now or clock()).replace(microsecond=0)
    at = (at or now).replace(microsecond=0)
    settings = load_citizen_settings()
    levels = scale(settings)
    try:
        level = int(level)
    except (TypeError, ValueError):
        level = 0
    if not 1 <= level <= len(levels):
        names = ", ".join(f"{x['level']} = {x['name']}" for x in levels)
        raise ValidationError({"level": f"Mức đánh giá phải từ 1 đến {len(levels)} ({names})."})
    comment = clean(comment)
    if len(comment) > COMMENT_MAX:
        raise ValidationError({"comment": f"Góp ý dài quá {COMMENT_MAX} ký tự."})
    if stage is not None and stage not in STAGES:
        raise ValidationError({"stage": "Thời điểm đánh giá phải là intake (sau tiếp nhận) hoặc "
                                        "return (sau trả kết quả)."})
    if at > now + FUTURE_TOLERANCE:
        raise ValidationError({"at": "Thời điểm đánh giá không được ở tương lai."})
    chosen = levels[level - 1]
    with write_transaction():
        row = get_dossier_row(code)
        if row.status == NEW:
            raise MotCuaError(f"Hồ sơ {row.code} chưa được tiếp nhận; chưa thể đánh giá.")
        stage = stage or ("return" if row.status == RETURNED else "intake")
        if stage == "return" and row.status != RETURNED:
            raise MotCuaError(f"Hồ sơ {row.code} chưa trả kết quả; chỉ đánh giá được bước tiếp nhận.")
        if SatisfactionRating.select().where((SatisfactionRating.dossier == row.id)
                                             & (SatisfactionRating.stage == stage)).exists():
            raise MotCuaError(f"Hồ sơ {row.code} đã được đánh giá {STAGES[stage].lower()}.")
        saved = SatisfactionRating.create(
            uid=uuid.uuid4().hex, dossier=row, stage=stage, level=level, level_name=chosen["name"],
            scale_size=len(levels), satisfied=chosen["satisfied"], comment=comment, at=at, officer=by)
        Dossier.update(updated_at=now).where(Dossier.id == row.id).execute()
        SyncChange.create(dossier=row, event=None, at=now)
        audit("satisfaction.rate", by, "dossier", row.code, {"stage": stage, "level": level}, at=now)
    return Rating(saved.uid, row.code, stage, level, chosen["name"], chosen["satisfied"], comment, at,
                  by.username)


def ratings_of(code: str) -> list[Rating]:
    row = get_dossier_row(code)
    return [Rating(r.uid, row.code, r.stage, r.level, r.level_name, r.satisfied, r.comment, r.at,
                   r.officer.username)
            for r in SatisfactionRating.select().where(SatisfactionRating.dossier == row.id)
            .order_by(SatisfactionRating.at, SatisfactionRating.id)]


@dataclass(frozen=True)
class SatisfactionFigures:
    """The ratings given in a period (``report --json`` → ``"satisfaction"``)."""

    period: Period
    ratings: int
    satisfied: int
    dossiers: int
    levels: tuple[dict, ...]  # {"level", "name", "count", "share"}, the scale's order
    by_stage: dict = field(default_factory=dict)
    comments: tuple[dict, ...] = ()  # the latest comments: {"code", "at", "level_name", "comment"}

    @property
    def satisfied_rate(self) -> float | None:
        return self.satisfied / self.ratings if self.ratings else None

    def to_dict(self) -> dict:
        rate = self.satisfied_rate
        return {"period": self.period.to_dict(), "ratings": self.ratings, "dossiers_rated": self.dossiers,
                "satisfied": self.satisfied, "satisfied_rate": None if rate is None else round(rate, 4),
                "levels": [dict(x) for x in self.levels], "by_stage": dict(self.by_stage),
                "comments": [dict(c) for c in self.comments]}


def satisfaction_figures(period: Period, *, comments: int = 20) -> SatisfactionFigures:
    """Counts per level of the ratings given in ``period``, the share rated satisfied, and the
    latest comments. Levels of the scale in force come first, in its order; a level only older
    ratings used (the scale changed) follows with its own name."""
    in_period = (SatisfactionRating.at >= period.starts_at) & (SatisfactionRating.at < period.ends_before)
    counts: dict[tuple[int, str], int] = {}
    satisfied = total = 0
    for level, name, is_satisfied, count in (
            SatisfactionRating.select(SatisfactionRating.level, SatisfactionRating.level_name,
                                      SatisfactionRating.satisfied, fn.COUNT(SatisfactionRating.id))
            .where(in_period)
            .group_by(SatisfactionRating.level, SatisfactionRating.level_name, SatisfactionRating.satisfied)
            .tuples()):
        counts[(level, name)] = counts.get((level, name), 0) + count
        total += count
        satisfied += count if is_satisfied else 0
    levels = [dict(x, count=counts.pop((x["level"], x["name"]), 0)) for x in scale()]
    levels += [{"level": level, "name": name, "satisfied": None, "count": count}
               for (level, name), count in sorted(counts.items())]
    for x in levels:
        x["share"] = round(x["count"] / total, 4) if total else None
    by_stage = dict(SatisfactionRating.select(SatisfactionRating.stage, fn.COUNT(SatisfactionRating.id))
                    .where(in_period).group_by(SatisfactionRating.stage).tuples())
    dossiers = SatisfactionRating.select(fn.COUNT(SatisfactionRating.dossier.distinct())).where(in_period).scalar()
    latest = (SatisfactionRating.select(SatisfactionRating, Dossier.code)
              .join(Dossier).where(in_period & (SatisfactionRating.comment != ""))
              .order_by(SatisfactionRating.at.desc(), SatisfactionRating.id.desc()).limit(comments))
    notes = tuple({"code": r.dossier.code, "at": r.at.isoformat(), "level_name": r.level_name,
                   "comment": r.comment} for r in latest)
    return SatisfactionFigures(period, total, satisfied, dossiers or 0, tuple(levels),
                               {stage: by_stage.get(stage, 0) for stage in STAGES}, notes)


def satisfaction_line(figures: SatisfactionFigures) -> str:
    """The figures in one line of text (the command line's report)."""
    if not figures.ratings:
        return "Mức độ hài lòng: chưa có đánh giá nào trong kỳ."
    rate = f"{figures.satisfied_rate * 100:.2f}%".replace(".", ",")
    levels = ", ".join(f"{x['name']} {x['count']}" for x in figures.levels)
    return f"Mức độ hài lòng: {figures.ratings} lượt đánh giá ({levels}); hài lòng {rate}."


__all__ = ["STAGES", "Rating", "SatisfactionFigures", "rate", "ratings_of", "satisfaction_figures", "satisfaction_line",
           "scale"]
