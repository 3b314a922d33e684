"""Alt keys for labels made at run time (the dossier's actions): one letter each, unique.

Only plain ASCII letters are used: a Vietnamese keyboard is typed through an input method over
a US layout, where Alt with "ả" does not exist.
"""
from __future__ import annotations


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with "&" before its first free letter (word starts first); ``taken`` grows."""
    plain = text.replace("&", "&&")
    candidates = [i for i, ch in enumerate(plain) if (i == 0 or plain[i - 1] == " ")]
    candidates += [i for i in range(len(plain)) if i not in candidates]
    for i in candidates:
        ch = plain[i]
        if ch.isascii() and ch.isalpha() and ch.lower() not in taken and (i == 0 or plain[i - 1] != "&"):
            taken.add(ch.lower())
            return plain[:i] + "&" + plain[i:]
    return plain


def mnemonic_of(text: str) -> str:
    """The Alt letter a label carries ("" when none): "&&" is a literal ampersand."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return ""
