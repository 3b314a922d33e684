"""Search: exact code (scanner path), ID, phone and diacritics-folded names; paged lists."""
from __future__ import annotations

from datetime import datetime

import pytest

from models.intake import receive
from models.search import DossierFilter, count_dossiers, list_dossiers, search
from models.text import fold
from tests.factories import request

NOW = datetime(2026, 11, 18, 9, 0)

# Every Vietnamese vowel with every tone, and đ.
VOWELS = ("aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ "
          "uùúủũụ ưừứửữự yỳýỷỹỵ")


def test_fold_strips_every_vowel_form_and_d():
    for group in VOWELS.split():
        base = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}.get(group[0], group[0])
        assert fold(group) == base * len(group)
        assert fold(group.upper()) == base * len(group)
    assert fold("Đặng Đức") == "dang duc"


@pytest.mark.parametrize("name, query", [
    ("Nguyễn Thị Hằng", "nguyen thi hang"),
    ("Nguyễn Thị Hằng", "hang"),
    ("Nguyễn Thị Hằng", "Hằng nguyễn"),
    ("Đặng Văn Đức", "dang duc"),
    ("Trương Quốc Việt", "truong quoc viet"),
    ("Lê Thị Thuỷ", "le thi thuy"),
    ("Lê Thị Thủy", "thuy"),
    ("Phạm Ngọc Ánh", "pham ngoc anh"),
    ("Hồ Ưng Dũng", "ho ung dung"),
    ("Bùi Thị Ỷ", "bui thi y"),
    ("Nguyễn Thị Hằng", "nguyen thi ha"),  # the last word as a prefix, while typing
])
def test_folded_name_search(officer, name, query):
    receive(request(received_at=NOW, name=name), officer, now=NOW)
    receive(request(received_at=NOW, name="Trần Văn Khác"), officer, now=NOW)
    found = search(query, now=NOW)
    assert [d.applicant_name for d in found] == [name]


def test_code_id_and_phone_search(officer):
    a = receive(request(received_at=NOW, id_number="001190012345", phone="0912345678"), officer, now=NOW)
    b = receive(request(received_at=NOW, id_number="031085000111", phone="0987654321",
                        name="Vũ Minh"), officer, now=NOW)
    assert [d.code for d in search(a.code.lower() + "  ")] == [a.code]  # scanner case / spaces
    assert [d.code for d in search(" 031085000111")] == [b.code]
    assert [d.code for d in search("0987 654 321")] == [b.code]
    assert [d.code for d in search("+84912345678")] == [a.code]
    assert search("000.00.24.H12-261118-9999") == []


def test_the_end_of_a_code_and_the_first_or_last_digits_find_a_dossier(officer):
    """What the officer remembers: the receipt's day and sequence, or the sequence alone;
    the first or the last digits (four or more) of an ID number or a phone."""
    a = receive(request(received_at=NOW, id_number="001190012345", phone="0912345678"), officer, now=NOW)
    b = receive(request(received_at=NOW, id_number="031085000111", phone="0987654321",
                        name="Vũ Minh"), officer, now=NOW)
    later = datetime(2026, 11, 19, 9, 0)
    c = receive(request(received_at=later, id_number="038095004321", phone="0355512345",
                        name="Lê Văn Cường"), officer, now=later)
    assert a.code.endswith("-261118-0001") and c.code.endswith("-261119-0001")

    def codes(typed: str) -> list[str]:
        return sorted(d.code for d in search(typed, now=later))
    assert codes("261118-0002") == [b.code]  # day and sequence, as printed
    assert codes("261118-2") == [b.code]  # the zeros left out
    assert codes("0001") == sorted([a.code, c.code])  # the first of every day
    assert codes("0002") == [b.code]
    assert codes("0011") == [a.code]  # ID number, first digits
    assert codes("12345") == sorted([a.code, c.code])  # last digits of an ID (a) and a phone (c)
    assert codes("0987") == [b.code]  # phone, first digits
    assert codes("654 321") == [b.code]  # phone, last digits, as read out in groups
    assert codes("4321") == sorted([b.code, c.code])  # ends of a phone (b) and an ID (c)
    assert codes("9999") == []
    assert codes("261120-0001") == []
    # The desk's list and count use the same reading.
    assert count_dossiers(DossierFilter(text="0001"), now=later) == 2
    assert [d.code for d in list_dossiers(DossierFilter(text="0001"), now=later).rows] == [c.code, a.code]
    assert count_dossiers(DossierFilter(text="nguyen"), now=later) == 1


def test_list_pages_and_filters(officer):
    codes = [receive(request(received_at=NOW, name=f"Người {i}"), officer, now=NOW).code for i in range(7)]
    page = list_dossiers(DossierFilter(), limit=3, now=NOW)
    seen = [d.code for d in page.rows]
    while page.cursor:
        page = list_dossiers(DossierFilter(), limit=3, after=page.cursor, now=NOW)
        seen += [d.code for d in page.rows]
    assert seen == list(reversed(codes))
    by_name = list_dossiers(DossierFilter(), limit=4, sort="applicant_name", descending=False, now=NOW)
    rest = list_dossiers(DossierFilter(), limit=4, sort="applicant_name", descending=False,
                         after=by_name.cursor, now=NOW)
    names = [d.applicant_name for d in by_name.rows + rest.rows]
    assert names == sorted(names, key=fold)
    assert count_dossiers(DossierFilter(statuses=[2]), now=NOW) == 7
    assert count_dossiers(DossierFilter(statuses=[4]), now=NOW) == 0
    later = datetime(2026, 11, 18, 18, 0)  # same-day dossiers are late after 17:00
    assert count_dossiers(DossierFilter(late=True), now=later) == 7
    assert count_dossiers(DossierFilter(due_soon=True), now=NOW) == 7
    assert count_dossiers(DossierFilter(text="người 3"), now=NOW) == 1
