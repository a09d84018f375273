"""Dates and times as people type them, in Finnish or ISO: `14.6.2027`, `14.6.` (the coming one),
`9.00`, `9:00`, `14.6.2027 9.00` or `14.6.2027 klo 9.00`, besides `2027-06-14` and `2027-06-14 09:00`.
Pure functions: `today` is given by the caller (the organization's clock)."""

from __future__ import annotations

import datetime as dt
import re

from planner.domain.errors import DataError
from planner.domain.fields import parse_date, parse_time, within_years

_FINNISH_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(?:(\d{4})\.?)?$|^(\d{1,2})\.(\d{1,2})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"^(?:klo\s*)?(\d{1,2})(?:[.:](\d{2}))?$", re.IGNORECASE)


TODAY_WORDS = ("today", "tänään", "tanaan")


def parse_day(value: str, field: str, today: dt.date) -> dt.date:
    """A day as a Finn or ISO writes it; `14.6.` is the coming 14 June (today, if it is today);
    `today` or `tänään` is today."""
    text = value.strip()
    if text.casefold() in TODAY_WORDS:
        return today
    if _ISO_DAY.match(text):
        return parse_date(text, field)
    match = _FINNISH_DAY.match(text)
    if match:
        day, month, year = (
            (match.group(1), match.group(2), match.group(3))
            if match.group(1)
            else (match.group(4), match.group(5), None)
        )
        try:
            if year is not None:
                return within_years(dt.date(int(year), int(month), int(day)), field, value)
            found = dt.date(today.year, int(month), int(day)) if _exists(today.year, month, day) else None
            if found is None or found < today:
                found = _next_existing(today.year + 1, int(month), int(day))
            return within_years(found, field, value)
        except ValueError:
            pass
    raise DataError("err.bad_day", field=field, value=value)


def _exists(year: int, month: str, day: str) -> bool:
    try:
        dt.date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _next_existing(year: int, month: int, day: int) -> dt.date:
    """29.2. the coming year that has it (within four years), else ValueError."""
    for offset in range(5):
        try:
            return dt.date(year + offset, month, day)
        except ValueError:
            continue
    raise ValueError(f"{day}.{month}.")


def parse_clock(value: str, field: str) -> dt.time:
    """A time of day: `9.00`, `9:00`, `09.00`, `klo 9`."""
    match = _CLOCK.match(value.strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise DataError("err.bad_clock", field=field, value=value)


def parse_moment(value: str, field: str, today: dt.date) -> dt.datetime:
    """A day and a time: `14.6.2027 9.00`, `14.6. klo 9.00`, `2027-06-14 09:00` (an ISO time with
    an offset, `2027-06-14T09:00+03:00`, is turned into the organization's local time)."""
    text = value.strip()
    parts = re.split(r"\s+(?:klo\s+)?|T(?=\d)", text, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) == 2 and not _ISO_DAY.match(parts[0]):
        try:
            day = parse_day(parts[0], field, today)
            clock = parse_clock(parts[1], field)
        except DataError:
            raise DataError("err.bad_moment", field=field, value=value) from None
        return dt.datetime.combine(day, clock)
    try:
        return parse_time(text, field)
    except DataError as exc:
        if exc.key == "err.date_range":
            raise
        raise DataError("err.bad_moment", field=field, value=value) from None
