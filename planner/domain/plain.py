"""The short path for reading a record: a document in the shape the planner itself writes.

A check of a city year reads 9,300 posts and 4,000 assets before it judges any. `Fields` reads
each field by a method call that strips, normalizes and scans it alone, and a frozen dataclass
sets its 31 fields one `object.__setattr__` at a time: two thirds of the time spent turning the
files into records. Here a document is read in one loop over its shape. Every text of it is
scanned for control characters and NFC in one joined string (joined by a line break, which
never composes with a neighbour, so the whole is NFC exactly when every part is). The record is
made by filling its `__dict__`.

Anything not in the planner's own shape (a text with spaces around an id, an empty choice, a
lone string for a list, a time with seconds, a control character, text not in NFC) makes
`plain_record` answer None, and the caller reads the document through `Fields`, which turns it
into the same record or names what is wrong. tests/unit/test_plain.py holds the two paths
equal on hostile documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from planner.domain.fields import _CONTROL, _EXACT_MINUTE, _PLAIN_ID, FIRST_DAY, LAST_DAY, MAX_ID

# What a field holds (the second item of a shape's entry).
ID = 1  # an id of the usual characters (required: a missing one takes the full path)
TEXT = 2  # a text, "" by default (the third item: True when required)
OPTIONAL = 3  # a text or None
LINE = 4  # a one-word text with no spaces around it (a language code), never empty
CHOICE = 5  # one of the third item's choices
TIME = 6  # a minute as the planner writes it, YYYY-MM-DDTHH:MM
DATE = 7  # YYYY-MM-DD
STRINGS = 8  # a list of non-empty texts
NUMBER = 9  # a whole number, 0 or more
BOOLEAN = 10  # true or false; anything else is no value (as an asset's location)
MAP = 11  # language -> text, every text non-empty; {} when absent
FLAG = 12  # true or false; anything else takes the full path (which refuses it)

T = TypeVar("T")


def defaults_of(cls: type) -> dict[str, Any]:
    """The default of each field of a dataclass that has a plain one (not a factory)."""
    return {f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}


def made(cls: type[T], values: dict[str, Any], defaults: Mapping[str, Any] | None = None) -> T:
    """A frozen dataclass record from its values and the defaults of the others (none: `values`
    gives every field), as its `__init__` would make it (no record here has a `__post_init__`)."""
    record = object.__new__(cls)
    fields = record.__dict__
    if defaults:
        fields.update(defaults)
    fields.update(values)
    return record


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # as `parse_date` reads it


def _date(value: str) -> dt.date | None:
    if not _DATE.fullmatch(value):
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


class Shape:
    """A record's fields for the short path: each field's kind and its extra (the choices of a
    CHOICE, True for a required TEXT), by name."""

    __slots__ = ("fields", "required", "maps")

    def __init__(self, entries: Sequence[tuple[str, int, Any]]) -> None:
        self.fields = {name: (kind, extra) for name, kind, extra in entries}
        self.required = tuple(n for n, kind, extra in entries if kind == ID or (kind == TEXT and extra))
        self.maps = tuple(n for n, kind, _ in entries if kind == MAP)


def plain_record(raw: object, shape: Shape) -> dict[str, Any] | None:  # noqa: C901 - one loop
    """The values of `raw` by field name, when every field of `shape` is in the planner's own
    form (absent and None fields are left to their defaults); else None."""
    if type(raw) is not dict:
        return None
    fields = shape.fields
    values: dict[str, Any] = {}
    texts: list[str] = []
    for name, value in raw.items():
        if value is None:
            continue
        spec = fields.get(name)
        if spec is None:
            continue  # not a field of the record: `Fields` passes it by too
        kind, extra = spec
        if kind in (BOOLEAN, FLAG):
            if type(value) is bool:
                values[name] = value
            elif kind == FLAG:
                return None
            continue
        if kind == NUMBER:
            if type(value) is not int or value < 0:
                return None
            values[name] = value
            continue
        if kind == STRINGS:
            if type(value) is not list:
                return None
            for item in value:
                if type(item) is not str or not item or item != item.strip():
                    return None
            texts.extend(value)
            values[name] = tuple(value)
            continue
        if kind == MAP:
            if type(value) is not dict:
                return None
            for key, text in value.items():
                if type(key) is not str or type(text) is not str or key != key.strip() or not text.strip():
                    return None
                texts.append(key)
                texts.append(text)
            values[name] = dict(value)
            continue
        if type(value) is not str or (value == "" and kind != TEXT):
            return None  # "" means the default to `Fields`: rare enough for the full path
        if kind == TEXT:
            if extra and not value:
                return None
            texts.append(value)
        elif kind == OPTIONAL:
            texts.append(value)
        elif kind == ID:
            if len(value) > MAX_ID or not _PLAIN_ID.fullmatch(value):
                return None
        elif kind == LINE:
            if value != value.strip():
                return None
            texts.append(value)
        elif kind == CHOICE:
            if value not in extra:
                return None
        elif kind == TIME:
            if not _EXACT_MINUTE.fullmatch(value) or not "1900" <= value[:4] <= "9998":
                return None
            try:
                value = dt.datetime.fromisoformat(value)
            except ValueError:
                return None
        elif kind == DATE:
            value = _date(value)
            if value is None:
                return None
        values[name] = value
    for name in shape.required:
        if name not in values:
            return None
    for name in shape.maps:
        if name not in values:
            values[name] = {}
    if texts:
        joined = "\n".join(texts)
        if _CONTROL.search(joined) is not None or not unicodedata.is_normalized("NFC", joined):
            return None
    return values
