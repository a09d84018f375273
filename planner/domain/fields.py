"""Reading typed fields out of plain dicts (workspace documents, TinyDB records) with clear errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, TypeVar

from planner.domain.errors import DataError

_TIME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
T = TypeVar("T")
LOCAL_ZONE = "Europe/Helsinki"  # times with an offset are turned into Finnish local time


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


MAX_ID = 80  # characters of an id
_PLAIN_ID = re.compile(r"[A-Za-z0-9._@:+-]+")  # the usual ids, cleared without a look at each character


def _breaks_id(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] == "C"


# Category Cc but tab and line breaks, and lone surrogates (an undecodable byte of an argument):
# neither has a place in a record, and a surrogate cannot even be written as UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAK = re.compile("[\r\n\u2028\u2029]")


def has_control(text: str) -> bool:
    """Control characters other than tab and line breaks: terminal escapes (ESC [31m) and the
    like, which have no place in a post and could repaint the screen of whoever views it."""
    return _CONTROL.search(text) is not None


def broken_line_field(doc: Mapping[str, Any], multiline: Iterable[str] = ()) -> str | None:
    """The first field of a record whose text breaks a line, other than the `multiline` ones (a
    post's text): a name, an id, an e-mail or a hashtag is one line, or it breaks every listing."""
    allowed = set(multiline)
    for name, value in doc.items():
        if name in allowed:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and _LINE_BREAK.search(text):
                return name
    return None


def control_field(value: object, path: str = "") -> str | None:
    """The first field (as `name` or `name.key`) of a document whose text has a control character."""
    if isinstance(value, str):
        return path or "-" if has_control(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        found = control_field(inner, f"{path}.{key}" if path else str(key))
        if found:
            return found
    return None


def fold(text: str) -> str:
    """The form in which Finnish text is compared: NFC, casefolded, and NFC again (a casefold can
    undo the composition: ΰ folds to υ with two combining marks, which its capital's fold composes
    differently; hypothesis found it)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


# Finnish collation (SFS 4600, as CLDR's `fi`): accents are folded away but for å, ä and ö, which
# are letters of their own after z; ü reads as y, æ as ä, ø as ö, ß as ss.
_FINNISH_LETTERS = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y", "ß": "ss"}


def _finnish_primary(text: str) -> str:
    out = []
    for char in fold(text):
        if char in _FINNISH_LETTERS:
            out.append(_FINNISH_LETTERS[char])
            continue
        base = unicodedata.normalize("NFD", char)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out)


def finnish_key(text: str) -> tuple[str, str]:
    """A sort key for Finnish text: Émile with the e's, Müller with the y's, Šakki with the s's,
    Ærø and Øberg with the ä's and ö's, and å, ä, ö after z; ties broken by the accents."""
    return _finnish_primary(text), fold(text)


# The years a plan may name. The last year Python can count in, 9999, is left out: a week, a
# month or a calendar event past a day in it cannot be worked out.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(9998, 12, 31)


def within_years(day: dt.date, field: str, value: object) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise DataError("err.date_range", field=field, value=value, first=FIRST_DAY.year, last=LAST_DAY.year)
    return day


def parse_date(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return within_years(value.date(), field, value)
    if isinstance(value, dt.date):
        return within_years(value, field, value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return within_years(day, field, value)
    raise DataError("err.bad_date", field=field, value=value)


def parse_time(value: object, field: str) -> dt.datetime:
    """A local time `YYYY-MM-DDTHH:MM`, minute precision. A space for T and seconds are accepted;
    a time with an offset (`Z`, `+02:00`) is converted to Finnish local time."""
    if isinstance(value, dt.datetime):
        within_years(value.date(), field, value)
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, str) and _TIME_RE.match(value.strip()):
        text = value.strip().replace(" ", "T")
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            if parsed.tzinfo is not None:
                from zoneinfo import ZoneInfo

                parsed = parsed.astimezone(ZoneInfo(LOCAL_ZONE)).replace(tzinfo=None)
        except (ValueError, OverflowError):  # no such day, or past the last day Python counts
            parsed = None
        if parsed is not None:
            within_years(parsed.date(), field, value)
            return parsed.replace(second=0, microsecond=0)
    raise DataError("err.bad_time", field=field, value=value)


def format_time(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M")


_EXACT_MINUTE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")  # how the planner itself writes times


# The one record parser ---------------------------------------------------------------------------
# Every record (a post, an asset, a person …) is read from its document by `read_record`, with the
# record's `Schema`: each field's kind, read in one loop over the document, the usual shape (a
# plain text, a time as the planner writes it) by the shortest test and any other by the full one,
# which turns it into the same value or names what is wrong. A year's check reads thousands of
# records, so the loop is written out rather than calling a reader per field.

ID = 1  # an id of the usual characters; `extra` True when required (else the caller's default id)
TEXT = 2  # a text, "" by default; `extra` True when required
OPTIONAL = 3  # a text or None
LINE = 4  # a one-word text (a language code), stripped; "" takes the default
CHOICE = 5  # one of `extra`'s choices; "" takes the default
TIME = 6  # YYYY-MM-DDTHH:MM (a space for T, seconds and an offset are read too)
DATE = 7  # YYYY-MM-DD
STRINGS = 8  # a list of texts (a lone text is a list of one), empty ones left out
NUMBER = 9  # a whole number, `extra` or more (0 when not given)
FLAG = 10  # true or false
BOOLEAN = 11  # true or false; anything else is no value (an asset's location, read from a file)
MAP = 12  # language -> text (a lone text is the default language's), empty ones left out


class Spec(NamedTuple):
    kind: int
    extra: Any = None
    attr: str = ""  # the record's attribute, when the document names the field otherwise


class Schema:
    """A record's fields by the name its document gives them, with the required ones and the
    language maps picked out once."""

    __slots__ = ("fields", "required", "maps")

    def __init__(self, fields: Mapping[str, Spec]) -> None:
        self.fields = dict(fields)
        self.required = tuple(
            (name, spec.attr or name)
            for name, spec in fields.items()
            if spec.extra is True and spec.kind in (ID, TEXT, DATE)
        )
        self.maps = tuple(spec.attr or name for name, spec in fields.items() if spec.kind == MAP)


def read_record(
    cls: type[T], raw: object, schema: Schema, defaults: Mapping[str, Any], lang: str = "fi"
) -> T:
    """The record `cls` of document `raw`: each field of `schema` it holds read by its kind (an
    absent or null field keeps its default), fields the schema does not name passed by. DataError
    naming the field when one is not of its kind; `lang` is the language of a lone text given for
    a language map."""
    if type(raw) is not dict:
        if not isinstance(raw, Mapping):
            raise DataError("err.not_object")
        raw = dict(raw)
    values: dict[str, Any] = {}
    fields = schema.fields
    for name, value in raw.items():  # noqa: C901 - one loop over the kinds, for speed
        if value is None:
            continue
        spec = fields.get(name)
        if spec is None:
            continue
        kind, extra, attr = spec
        if kind in (TEXT, OPTIONAL, LINE):
            if type(value) is not str:
                raise DataError("err.bad_type", field=name, expected_key="type.text")
            if value == "" or (kind == LINE and not value.strip()):
                continue
            value = _text(value, name)
            if kind == LINE:
                value = value.strip()
        elif kind == ID:
            if type(value) is not str:
                raise DataError("err.bad_type", field=name, expected_key="type.text")
            if len(value) > MAX_ID or not _PLAIN_ID.fullmatch(value):
                value = _identifier(value, name)
            if not value:
                continue
        elif kind == TIME:
            if type(value) is str and _EXACT_MINUTE.fullmatch(value) and "1900" <= value[:4] <= "9998":
                try:
                    value = dt.datetime.fromisoformat(value)
                except ValueError:  # a day or hour that does not exist: the full path names it
                    value = parse_time(value, name)
            elif value == "":
                continue
            else:
                value = parse_time(value, name)
        elif kind == CHOICE:
            if value == "":
                continue
            if type(value) is not str or value not in extra:
                raise DataError("err.bad_choice", field=name, value=value, choices=", ".join(extra))
        elif kind == STRINGS:
            value = _strings(value, name)
        elif kind == DATE:
            if value == "":
                continue
            value = parse_date(value, name)
        elif kind == NUMBER:
            if type(value) is not int or value < (extra or 0):
                raise DataError("err.bad_number", field=name, value=value, minimum=extra or 0)
        elif kind == FLAG:
            if type(value) is not bool:
                raise DataError("err.bad_type", field=name, expected_key="type.true_false")
        elif kind == BOOLEAN:
            if type(value) is not bool:
                continue
        elif kind == MAP:
            value = _text_map(value, name, lang)
        values[attr or name] = value
    for name, key in schema.required:
        if key not in values:
            raise DataError("err.missing_field", field=name)
    for key in schema.maps:
        if key not in values:
            values[key] = {}  # a map of its own: a default shared by every record is no default
    return made(cls, values, defaults)


def _text(value: str, name: str) -> str:
    if _CONTROL.search(value) is not None:
        raise DataError("err.control_chars", field=name)
    return value if unicodedata.is_normalized("NFC", value) else nfc(value)


def _identifier(value: str, name: str) -> str:
    value = _text(value, name).strip()
    if len(value) > MAX_ID:  # an account's id names its file, and a file name has a limit
        raise DataError("err.long_id", field=name, value=value, limit=MAX_ID)
    if value and not _PLAIN_ID.fullmatch(value) and any(_breaks_id(ch) for ch in value):
        raise DataError("err.bad_id", field=name, value=value)
    return value


def _strings(value: object, name: str) -> tuple[str, ...]:
    if type(value) is str:
        value = [value]
    if type(value) is not list:
        raise DataError("err.bad_type", field=name, expected_key="type.texts")
    found = []
    for item in value:
        if type(item) is not str:
            raise DataError("err.bad_type", field=name, expected_key="type.texts")
        if _CONTROL.search(item) is not None:
            raise DataError("err.control_chars", field=name)
        if item and item == item.strip() and unicodedata.is_normalized("NFC", item):
            found.append(item)
        elif item.strip():
            found.append(nfc(item).strip())
    return tuple(found)


def _text_map(value: object, name: str, lang: str) -> dict[str, str]:
    """A language → text map; a lone text is taken as the default language's."""
    if type(value) is dict and not value:
        return {}
    if type(value) is str:
        value = {lang: value}
    if not isinstance(value, Mapping) or not all(type(k) is str and type(v) is str for k, v in value.items()):
        raise DataError("err.bad_type", field=name, expected_key="type.language_map")
    if any(has_control(k) or has_control(v) for k, v in value.items()):
        raise DataError("err.control_chars", field=name)
    return {k.strip(): nfc(v) for k, v in value.items() if v.strip()}


def made(cls: type[T], values: Mapping[str, Any], defaults: Mapping[str, Any] | None = None) -> T:
    """A frozen dataclass record from its values and the defaults of the others (none: `values`
    gives every field), as its `__init__` would make it (no record here has a `__post_init__`):
    its fields are filled at once, where `__init__` sets each of a post's 31 apart."""
    record = object.__new__(cls)
    fields = record.__dict__
    if defaults:
        fields.update(defaults)
    fields.update(values)
    return record


def defaults_of(cls: type) -> dict[str, Any]:
    """The default of each field of a dataclass that has a plain one (a factory's is made anew)."""
    found = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            found[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            found[f.name] = f.default_factory()
    return found
