"""Which characters curated text may hold, and how text is made safe for a terminal.

Control characters (C0 and C1) can rewrite a terminal (escape sequences) or break a
file format; bidirectional overrides make text read differently from what it holds.
None of them belongs in a label or a quote, so validation rejects them
(:func:`text_problem`), and whatever still reaches a terminal is shown escaped
(:func:`visible`). Dependency-free: queries use it.
"""

from __future__ import annotations

import re

#: Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
BIDI = "\u202a-\u202e\u2066-\u2069"
#: C0 and C1 controls, DEL, bidi controls, the two XML non-characters, and lone surrogates (bytes
#: of a command line that were not UTF-8).
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}\ufffe\uffff\ud800-\udfff]")


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_x_text_problem__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_text_problem__mutmut)
def text_problem(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_orig(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_1(value: str, multiline: bool = True) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_2(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(None):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_3(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = None
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_4(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline or char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_5(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char not in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_6(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "XX\t\nXX":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_7(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            break
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_8(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = None
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_9(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(None, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_10(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, None)
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_11(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get("a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_12(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, )
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_13(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"XX\tXX": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_14(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "XXa tabXX", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_15(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "A TAB", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_16(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "XX\nXX": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_17(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "XXa line breakXX", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_18(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "A LINE BREAK", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_19(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "XX\rXX": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_20(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "XXa carriage returnXX"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_21(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "A CARRIAGE RETURN"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_22(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "XXa control characterXX")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_23(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "A CONTROL CHARACTER")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_24(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "XX\u202aXX" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_25(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" < char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_26(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char < "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_27(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "XX\u2069XX":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_28(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = None
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_29(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "XXa bidirectional control characterXX"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_30(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "A BIDIRECTIONAL CONTROL CHARACTER"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_31(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(None):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_32(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() - 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_33(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 2}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_34(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if value.strip():
        return "is blank: write the text or leave the field out"
    return None


def x_text_problem__mutmut_35(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "XXis blank: write the text or leave the field outXX"
    return None


def x_text_problem__mutmut_36(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "IS BLANK: WRITE THE TEXT OR LEAVE THE FIELD OUT"
    return None

mutants_x_text_problem__mutmut['_mutmut_orig'] = x_text_problem__mutmut_orig # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_1'] = x_text_problem__mutmut_1 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_2'] = x_text_problem__mutmut_2 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_3'] = x_text_problem__mutmut_3 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_4'] = x_text_problem__mutmut_4 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_5'] = x_text_problem__mutmut_5 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_6'] = x_text_problem__mutmut_6 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_7'] = x_text_problem__mutmut_7 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_8'] = x_text_problem__mutmut_8 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_9'] = x_text_problem__mutmut_9 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_10'] = x_text_problem__mutmut_10 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_11'] = x_text_problem__mutmut_11 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_12'] = x_text_problem__mutmut_12 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_13'] = x_text_problem__mutmut_13 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_14'] = x_text_problem__mutmut_14 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_15'] = x_text_problem__mutmut_15 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_16'] = x_text_problem__mutmut_16 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_17'] = x_text_problem__mutmut_17 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_18'] = x_text_problem__mutmut_18 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_19'] = x_text_problem__mutmut_19 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_20'] = x_text_problem__mutmut_20 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_21'] = x_text_problem__mutmut_21 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_22'] = x_text_problem__mutmut_22 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_23'] = x_text_problem__mutmut_23 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_24'] = x_text_problem__mutmut_24 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_25'] = x_text_problem__mutmut_25 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_26'] = x_text_problem__mutmut_26 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_27'] = x_text_problem__mutmut_27 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_28'] = x_text_problem__mutmut_28 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_29'] = x_text_problem__mutmut_29 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_30'] = x_text_problem__mutmut_30 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_31'] = x_text_problem__mutmut_31 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_32'] = x_text_problem__mutmut_32 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_33'] = x_text_problem__mutmut_33 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_34'] = x_text_problem__mutmut_34 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_35'] = x_text_problem__mutmut_35 # type: ignore # mutmut generated
mutants_x_text_problem__mutmut['x_text_problem__mutmut_36'] = x_text_problem__mutmut_36 # type: ignore # mutmut generated
mutants_x_visible__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_visible__mutmut)
def visible(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_orig(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_1(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        None,
        text,
    )


def x_visible__mutmut_2(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        None,
    )


def x_visible__mutmut_3(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        text,
    )


def x_visible__mutmut_4(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        )


def x_visible__mutmut_5(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: None,
        text,
    )


def x_visible__mutmut_6(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if (m.group() == "\n") and False
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_7(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if (m.group() == "\n") or True
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_8(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() != "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_9(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "XX\nXX"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_10(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if (ord(m.group()) > 0xFF) and False
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_11(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if (ord(m.group()) > 0xFF) or True
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_12(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(None):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_13(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(None) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_14(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) >= 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_15(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 256
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )


def x_visible__mutmut_16(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode(None).decode()
        ),
        text,
    )


def x_visible__mutmut_17(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("XXunicode_escapeXX").decode()
        ),
        text,
    )


def x_visible__mutmut_18(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("UNICODE_ESCAPE").decode()
        ),
        text,
    )

mutants_x_visible__mutmut['_mutmut_orig'] = x_visible__mutmut_orig # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_1'] = x_visible__mutmut_1 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_2'] = x_visible__mutmut_2 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_3'] = x_visible__mutmut_3 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_4'] = x_visible__mutmut_4 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_5'] = x_visible__mutmut_5 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_6'] = x_visible__mutmut_6 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_7'] = x_visible__mutmut_7 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_8'] = x_visible__mutmut_8 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_9'] = x_visible__mutmut_9 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_10'] = x_visible__mutmut_10 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_11'] = x_visible__mutmut_11 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_12'] = x_visible__mutmut_12 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_13'] = x_visible__mutmut_13 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_14'] = x_visible__mutmut_14 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_15'] = x_visible__mutmut_15 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_16'] = x_visible__mutmut_16 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_17'] = x_visible__mutmut_17 # type: ignore # mutmut generated
mutants_x_visible__mutmut['x_visible__mutmut_18'] = x_visible__mutmut_18 # type: ignore # mutmut generated
