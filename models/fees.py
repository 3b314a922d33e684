"""Fee rules (phí, lệ phí) of a procedure and the amount a dossier owes — pure, no database.

A catalog entry may carry a ``fee_rule`` beside its flat ``fee``:

- ``case``: one amount per dossier (the flat ``fee`` is this rule when no rule is given);
- ``copy``: an amount per copy (bản sao trích lục: 8.000 đồng/bản, Thông tư 281/2016/TT-BTC);
- ``page``: per page of the original, in tiers, with a cap per copy, times the copies
  (chứng thực bản sao: 2.000 đồng/trang for pages 1–2, 1.000 đồng/trang from page 3, at most
  200.000 đồng/bản, Thông tư 226/2016/TT-BTC Điều 4).

The officer enters what the rule needs (pages, copies) and, when the citizen is exempt
(miễn phí, lệ phí), the reason; the amount is computed, never typed.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import ValidationError
from .text import checked_text, clean

BASES = ("case", "copy", "page")
BASIS_NAMES = {"case": "mỗi hồ sơ", "copy": "mỗi bản", "page": "theo số trang"}
DEFAULT_FEE_NAME = "Phí, lệ phí giải quyết thủ tục hành chính"
# LoaiPhiLePhi of the portal's DanhSachLePhi: "1" = an ordinary fee from the national catalog
# of procedures (practice of the provincial systems' DongBoHoSoMC integrations).
DEFAULT_FEE_KIND = "1"
MAX_PAGES = 10_000
MAX_COPIES = 1_000
MAX_AMOUNT = 1_000_000_000
MAX_ITEMS = 50
REASON_MAX = 300


def money(amount: int) -> str:
    """15000 → "15.000 đồng" (Vietnamese groups thousands with dots)."""
    return f"{amount:,}".replace(",", ".") + " đồng"


@dataclass(frozen=True)
class FeeTier:
    """Pages ``first``…``last`` (``last`` None: every page from ``first``) cost ``per_page``."""

    first: int
    last: int | None
    per_page: int

    def to_dict(self) -> dict:
        return {"from": self.first, "to": self.last, "per_page": self.per_page}


@dataclass(frozen=True)
class FeeRule:
    """How a procedure's fee is computed (see the module docstring)."""

    basis: str = "case"
    amount: int = 0  # per dossier (case) or per copy (copy)
    tiers: tuple[FeeTier, ...] = ()  # page
    cap_per_copy: int | None = None  # page: the most one copy can cost
    name: str = ""  # TenPhiLePhi
    code: str = ""  # MaPhiLePhi
    kind: str = DEFAULT_FEE_KIND  # LoaiPhiLePhi
    exemptions: tuple[str, ...] = ()  # the usual reasons offered at the counter
    source: str = ""  # the legal basis, as printed

    @property
    def display_name(self) -> str:
        return self.name or DEFAULT_FEE_NAME

    @property
    def needs_pages(self) -> bool:
        return self.basis == "page"

    @property
    def needs_copies(self) -> bool:
        return self.basis in ("copy", "page")

    @property
    def charges(self) -> bool:
        """False for a rule that never asks for money (a flat 0)."""
        return self.basis != "case" or self.amount > 0

    def to_dict(self) -> dict:
        data: dict = {"basis": self.basis, "name": self.name, "code": self.code, "kind": self.kind}
        if self.basis in ("case", "copy"):
            data["amount"] = self.amount
        else:
            data["tiers"] = [t.to_dict() for t in self.tiers]
            data["cap_per_copy"] = self.cap_per_copy
        if self.exemptions:
            data["exemptions"] = list(self.exemptions)
        if self.source:
            data["source"] = self.source
        return data

    def describe(self) -> str:
        """The rule in one Vietnamese sentence, for the screen and the catalog."""
        if self.basis == "case":
            return f"{money(self.amount)}/hồ sơ" if self.amount else "Không thu phí, lệ phí"
        if self.basis == "copy":
            return f"{money(self.amount)}/bản"
        parts = []
        for t in self.tiers:
            pages = f"trang {t.first}–{t.last}" if t.last else f"từ trang {t.first}"
            parts.append(f"{money(t.per_page)}/trang ({pages})")
        text = "; ".join(parts)
        if self.cap_per_copy:
            text += f"; tối đa {money(self.cap_per_copy)}/bản"
        return text


def flat_rule(amount: int, name: str = "") -> FeeRule:
    """The catalog's plain ``fee`` field as a rule: that amount for each dossier."""
    return FeeRule(basis="case", amount=max(0, int(amount or 0)), name=name)


def _whole(value, label: str, where: str, errors: list[str], *, minimum: int = 0,
           maximum: int = MAX_AMOUNT, optional: bool = False) -> int | None:
    if value in (None, "") and optional:
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        number = None
    if number is None or not minimum <= number <= maximum:
        errors.append(f"{where}: “{label}” phải là số nguyên từ {minimum} đến {maximum:,}.".replace(",", "."))
        return None
    return number


def parse_rule(data, where: str, errors: list[str]) -> FeeRule | None:
    """A ``fee_rule`` from catalog JSON (a dict, or its JSON text from a CSV column).

    Problems are appended to ``errors`` (with ``where``) and None returned; an empty value is
    no rule (None, no error).
    """
    if data in (None, "", {}):
        return None
    if isinstance(data, str):
        import json

        try:
            data = json.loads(data)
        except ValueError:
            errors.append(f"{where}: quy tắc tính phí (fee_rule) không phải JSON hợp lệ.")
            return None
    if not isinstance(data, dict):
        errors.append(f"{where}: quy tắc tính phí (fee_rule) phải là một đối tượng JSON.")
        return None
    before = len(errors)
    basis = clean(data.get("basis")) or "case"
    if basis not in BASES:
        errors.append(f"{where}: cách tính phí “{basis}” không hợp lệ (case, copy hoặc page).")
        return None
    amount, tiers, cap = 0, [], None
    if basis in ("case", "copy"):
        amount = _whole(data.get("amount", 0), "mức phí", where, errors) or 0
    else:
        raw = data.get("tiers") or []
        if not isinstance(raw, list) or not raw:
            errors.append(f"{where}: phí theo trang cần ít nhất một bậc (tiers).")
            raw = []
        expected = 1
        for i, tier in enumerate(raw, start=1):
            if not isinstance(tier, dict):
                errors.append(f"{where}, bậc {i}: phải là một đối tượng JSON.")
                continue
            first = _whole(tier.get("from", expected), "từ trang", f"{where}, bậc {i}", errors,
                           minimum=1, maximum=MAX_PAGES)
            last = _whole(tier.get("to"), "đến trang", f"{where}, bậc {i}", errors, minimum=1,
                          maximum=MAX_PAGES, optional=True)
            per_page = _whole(tier.get("per_page"), "mức phí mỗi trang", f"{where}, bậc {i}", errors)
            if first is None or per_page is None:
                continue
            if first != expected:
                errors.append(f"{where}, bậc {i}: phải bắt đầu từ trang {expected} (các bậc liền nhau).")
            if last is not None and last < first:
                errors.append(f"{where}, bậc {i}: trang cuối nhỏ hơn trang đầu.")
            if last is None and i != len(raw):
                errors.append(f"{where}, bậc {i}: chỉ bậc cuối cùng được để trống “đến trang”.")
            tiers.append(FeeTier(first, last, per_page))
            expected = (last or first) + 1
        if tiers and tiers[-1].last is not None:
            errors.append(f"{where}: bậc cuối cùng phải áp dụng cho mọi trang còn lại (để trống “to”).")
        cap = _whole(data.get("cap_per_copy"), "mức tối đa mỗi bản", where, errors, minimum=1,
                     optional=True)
    exemptions = data.get("exemptions") or []
    if not isinstance(exemptions, list):
        exemptions = [e for e in str(exemptions).split(";")]
    name, code, kind = clean(data.get("name")), clean(data.get("code")), clean(data.get("kind")) or DEFAULT_FEE_KIND
    if len(name) > 500 or len(code) > 64 or len(kind) > 8:
        errors.append(f"{where}: tên (≤ 500), mã (≤ 64) hoặc loại phí (≤ 8 ký tự) quá dài.")
    if len(errors) > before:
        return None
    return FeeRule(basis=basis, amount=amount, tiers=tuple(tiers), cap_per_copy=cap, name=name,
                   code=code, kind=kind,
                   exemptions=tuple(clean(e) for e in exemptions if clean(e)),
                   source=clean(data.get("source")))


# -- what the officer enters --------------------------------------------------------------
@dataclass(frozen=True)
class FeeItem:
    """One paper to copy or certify: pages of the original, copies asked for."""

    pages: int | None = None
    copies: int | None = None


def _reason(value, errors: list[str]) -> str:
    try:
        return checked_text(value, "fee_basis", "Lý do miễn phí, lệ phí", REASON_MAX)
    except ValidationError as exc:
        errors.append(str(exc))
        return ""


@dataclass(frozen=True)
class FeeBasis:
    """Intake JSON ``"fee_basis": {"pages": N, "copies": M, "exempt_reason": T}``.

    ``items`` (a MotCua addition) lists several papers of one dossier, each with its own pages
    and copies, since the tiers and the cap apply to each copy of each paper.
    """

    pages: int | None = None
    copies: int | None = None
    exempt_reason: str = ""
    items: tuple[FeeItem, ...] = ()

    @classmethod
    def from_dict(cls, data) -> FeeBasis | None:
        if data is None:
            return None
        if not isinstance(data, dict):
            raise ValidationError({"fee_basis": "“fee_basis” phải là một đối tượng JSON "
                                                "(pages, copies, exempt_reason)."})
        errors: list[str] = []

        def number(value, label: str, maximum: int) -> int | None:
            return _whole(value, label, "Căn cứ tính phí", errors, minimum=1, maximum=maximum,
                          optional=True)
        items = []
        raw = data.get("items") or []
        if not isinstance(raw, list) or len(raw) > MAX_ITEMS:
            errors.append(f"Căn cứ tính phí: “items” là danh sách tối đa {MAX_ITEMS} giấy tờ.")
            raw = []
        for item in raw:
            item = item if isinstance(item, dict) else {}
            items.append(FeeItem(number(item.get("pages"), "số trang", MAX_PAGES),
                                 number(item.get("copies"), "số bản", MAX_COPIES)))
        basis = cls(number(data.get("pages"), "số trang", MAX_PAGES),
                    number(data.get("copies"), "số bản", MAX_COPIES),
                    _reason(data.get("exempt_reason"), errors), tuple(items))
        if errors:
            raise ValidationError({"fee_basis": " ".join(errors)})
        return basis

    @property
    def papers(self) -> tuple[FeeItem, ...]:
        return self.items or (FeeItem(self.pages, self.copies),)

    def to_dict(self) -> dict:
        data: dict = {"pages": self.pages, "copies": self.copies, "exempt_reason": self.exempt_reason}
        if self.items:
            data["items"] = [{"pages": i.pages, "copies": i.copies} for i in self.items]
        return data


@dataclass(frozen=True)
class FeeLine:
    """A line of the portal's DanhSachLePhi: TenPhiLePhi, MaPhiLePhi, Gia, LoaiPhiLePhi."""

    name: str
    code: str
    kind: str
    amount: int  # Gia, in đồng, after any exemption

    def to_dict(self) -> dict:
        return {"name": self.name, "code": self.code, "kind": self.kind, "amount": self.amount}


@dataclass(frozen=True)
class FeeQuote:
    """What a dossier owes: ``amount`` after exemption, ``full_amount`` before it."""

    amount: int
    full_amount: int
    basis: FeeBasis | None
    exempt_reason: str
    lines: tuple[FeeLine, ...]
    explanation: str
    rule: FeeRule
    entered: bool = False  # the officer typed the amount (intake JSON "fee")

    def to_dict(self) -> dict:
        return {"amount": self.amount, "full_amount": self.full_amount,
                "exempt_reason": self.exempt_reason,
                "basis": self.basis.to_dict() if self.basis else None,
                "lines": [line.to_dict() for line in self.lines], "explanation": self.explanation,
                "rule": self.rule.describe()}


def _copy_price(rule: FeeRule, pages: int) -> int:
    total = 0
    for tier in rule.tiers:
        last = pages if tier.last is None else min(tier.last, pages)
        if last >= tier.first:
            total += (last - tier.first + 1) * tier.per_page
    return min(total, rule.cap_per_copy) if rule.cap_per_copy else total


def quote(rule: FeeRule, basis: FeeBasis | None) -> FeeQuote:
    """The amount for ``basis`` under ``rule``; ValidationError (field "fee_basis") when the
    rule needs a number the officer did not give."""
    basis = basis or FeeBasis()
    total, parts = 0, []
    if rule.basis == "case":
        total = rule.amount
        if total:
            parts.append(money(total))
    else:
        for i, paper in enumerate(basis.papers, start=1):
            label = f"giấy tờ thứ {i}: " if len(basis.papers) > 1 else ""
            copies = paper.copies or 1
            if rule.basis == "copy":
                total += copies * rule.amount
                parts.append(f"{label}{copies} bản × {money(rule.amount)}")
                continue
            if not paper.pages:
                raise ValidationError({"fee_basis": f"Phí thủ tục này tính theo số trang của bản chính: "
                                                    f"hãy nhập số trang{' của ' + label[:-2] if label else ''}."})
            price = _copy_price(rule, paper.pages)
            total += copies * price
            parts.append(f"{label}{copies} bản × {paper.pages} trang = {copies} × {money(price)}")
    if total > MAX_AMOUNT:
        raise ValidationError({"fee_basis": "Số tiền phí, lệ phí vượt quá giới hạn; hãy kiểm tra số trang, số bản."})
    exempt = basis.exempt_reason if total else ""
    amount = 0 if exempt else total
    explanation = "; ".join(parts)
    if rule.basis != "case" and total:
        explanation += f" = {money(total)}"
    if exempt:
        explanation = f"Miễn {money(total)} ({exempt})" if total else ""
    lines = (FeeLine(rule.display_name, rule.code, rule.kind, amount),) if total else ()
    return FeeQuote(amount, total, basis if (basis.pages or basis.copies or basis.items or exempt) else None,
                    exempt, lines, explanation, rule)


def entered_quote(amount: int, rule: FeeRule, basis: FeeBasis | None) -> FeeQuote:
    """An amount the officer typed (intake JSON ``"fee"``), kept as given."""
    exempt = (basis.exempt_reason if basis else "") if amount else ""
    due = 0 if exempt else amount
    lines = (FeeLine(rule.display_name, rule.code, rule.kind, due),) if amount else ()
    return FeeQuote(due, amount, basis, exempt, lines,
                    f"Nhập tay: {money(amount)}" if amount else "", rule, entered=True)


__all__ = ["BASES", "FeeBasis", "FeeItem", "FeeLine", "FeeQuote", "FeeRule", "FeeTier", "entered_quote",
           "flat_rule", "money", "parse_rule", "quote"]
