"""Reading typed fields out of plain dicts (workspace documents, TinyDB records) with clear errors."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from planner.domain.errors import DataError

_TIME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
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


class Fields:
    """Typed access to one raw entry; every error names the field. A city's workspace has 9,000
    posts of 15 fields each to read on every check, so the usual shapes are read by the shortest
    path (a plain text, a time as the planner writes it); every other shape takes the full one."""

    __slots__ = ("raw", "_get")

    def __init__(self, raw: object) -> None:
        if not isinstance(raw, Mapping):
            raise DataError("err.not_object")
        self.raw: Mapping[str, Any] = raw
        self._get = raw.get

    def text(self, name: str, default: str = "", required: bool = False) -> str:
        value = self._get(name)
        if value is None or value == "":
            if required:
                raise DataError("err.missing_field", field=name)
            return default
        if not isinstance(value, str):
            raise DataError("err.bad_type", field=name, expected="text")
        if has_control(value):
            raise DataError("err.control_chars", field=name)
        return nfc(value)

    def optional_text(self, name: str) -> str | None:
        return self.text(name) or None

    def identifier(self, name: str, required: bool = True) -> str:
        value = self.text(name, required=required).strip()
        if required and not value:  # " " is no id: stored, it named nothing and broke every listing
            raise DataError("err.missing_field", field=name)
        if len(value) > MAX_ID:  # an account's id names its file, and a file name has a limit
            raise DataError("err.long_id", field=name, value=value, limit=MAX_ID)
        if value and not _PLAIN_ID.fullmatch(value) and any(_breaks_id(ch) for ch in value):
            raise DataError("err.bad_id", field=name, value=value)
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value = self._get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise DataError("err.bad_type", field=name, expected="true/false")
        return value

    def number(self, name: str, default: int | None = None, minimum: int = 0) -> int | None:
        value = self._get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise DataError("err.bad_number", field=name, value=value, minimum=minimum)
        return value

    def date(self, name: str, required: bool = False) -> dt.date | None:
        value = self._get(name)
        if value is None or value == "":
            if required:
                raise DataError("err.missing_field", field=name)
            return None
        return parse_date(value, name)

    def time(self, name: str) -> dt.datetime | None:
        value = self._get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str) and _EXACT_MINUTE.fullmatch(value) and "1900" <= value[:4] <= "9998":
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass  # a day or hour that does not exist: the full path names the field
        return parse_time(value, name)

    def choice(self, name: str, choices: tuple[str, ...], default: str) -> str:
        value = self._get(name)
        if value is None or value == "":
            return default
        if not isinstance(value, str) or value not in choices:
            raise DataError("err.bad_choice", field=name, value=value, choices=", ".join(choices))
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        value = self._get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError("err.bad_type", field=name, expected="list of text")
        if any(has_control(v) for v in value):
            raise DataError("err.control_chars", field=name)
        return tuple(nfc(v).strip() for v in value if v.strip())

    def text_map(self, name: str, default_key: str = "fi") -> dict[str, str]:
        """A language → text map; a lone text is taken as the default language's."""
        value = self._get(name)
        if value is None:
            return {}
        if isinstance(value, str):
            value = {default_key: value}
        if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise DataError("err.bad_type", field=name, expected="{language: text}")
        if any(has_control(k) or has_control(v) for k, v in value.items()):
            raise DataError("err.control_chars", field=name)
        return {k.strip(): nfc(v) for k, v in value.items() if v.strip()}
