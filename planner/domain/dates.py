"""Dates and times as people type them, in Finnish or ISO: `14.6.2027`, `14.6.27`, `14.6.` (the
coming one), `ma 14.6.2027` (the weekday must be that day's), `huomenna` / `tomorrow`, `9.00`,
`9:00`, `14.6.2027 9.00` or `14.6.2027 klo 9.00`, besides `2027-06-14` and `2027-06-14 09:00`; and
the times a spreadsheet writes into a CSV, `9.00.00` or `9:00:00 AM`.
Pure functions: `today` is given by the caller (the organization's clock), and the time zone a
time must exist in (`local_time`) is a `tzinfo` the caller made."""

from __future__ import annotations

import datetime as dt
import re

from planner.domain.errors import DataError
from planner.domain.fields import fold, parse_date, parse_time, within_years

_FINNISH_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})\.?)?$|^(\d{1,2})\.(\d{1,2})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# ISO's own hours (`09:00`, never `9.00`), seconds and offset: anything more is read as a day and a clock
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
# Seconds as the minutes are written (a spreadsheet's `9.00.00`), and the English 12-hour clock
_CLOCK_TEXT = r"(?:klo\s*)?(\d{1,2})(?:([.:])(\d{2})(?:\2[0-5]\d)?)?(?:\s*([ap])\.?m\.?)?"
_CLOCK = re.compile(f"^{_CLOCK_TEXT}$", re.IGNORECASE)
_DAY_THEN_CLOCK = re.compile(rf"\s+(?={_CLOCK_TEXT}$)", re.IGNORECASE)  # where a moment's day ends

# Days named by a word, as days from today.
DAY_WORDS = {
    "tänään": 0, "tanaan": 0, "today": 0,
    "huomenna": 1, "tomorrow": 1,
    "ylihuomenna": 2,
    "eilen": -1, "yesterday": -1,
}  # fmt: skip
# Weekdays as Finns and the English write them, short and whole: 0 is Monday.
WEEKDAY_WORDS = {
    **{word: n for n, word in enumerate(("ma", "ti", "ke", "to", "pe", "la", "su"))},
    **{word: n for n, word in enumerate(("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai",
                                         "lauantai", "sunnuntai"))},
    **{word: n for n, word in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{word: n for n, word in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday"))},
}  # fmt: skip
TODAY_WORDS = tuple(word for word, days in DAY_WORDS.items() if days == 0)


def parse_day(value: str, field: str, today: dt.date) -> dt.date:
    """A day as a Finn or ISO writes it; `14.6.` is the coming 14 June (today, if it is today);
    `14.6.27` is in 2027; a weekday before it (`ma 14.6.2027`) must be that day's; `tänään`,
    `huomenna` and the like count from today."""
    text = value.strip()
    words = text.split(None, 1)
    if len(words) == 2 and fold(words[0]).rstrip(".,") in WEEKDAY_WORDS:
        dated = parse_day(words[1], field, today)
        named = WEEKDAY_WORDS[fold(words[0]).rstrip(".,")]
        if dated.weekday() != named:
            raise DataError(
                "err.weekday_mismatch",
                field=field,
                value=value,
                day=dated,
                weekday_key=f"weekday.{dated.weekday()}",
                said_key=f"weekday.{named}",
            )
        return dated
    word = fold(text)
    if word in DAY_WORDS:
        return within_years(today + dt.timedelta(days=DAY_WORDS[word]), field, value)
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
                full = int(year) if len(year) == 4 else 2000 + int(year)  # 14.6.27 is 2027
                return within_years(dt.date(full, int(month), int(day)), field, value)
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
    """A time of day: `9.00`, `9:00`, `09.00`, `klo 9`, `9.00.00`, `9:00 AM`. Seconds are dropped,
    as an ISO time's are: a post's time is to the minute."""
    match = _CLOCK.match(value.strip())
    if match:
        hour, minute, half = int(match.group(1)), int(match.group(3) or 0), (match.group(4) or "").lower()
        if half and 1 <= hour <= 12:  # 12 AM is midnight, 12 PM noon
            hour = hour % 12 + (12 if half == "p" else 0)
        elif half:
            hour = 24
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise DataError("err.bad_clock", field=field, value=value)


def parse_moment(value: str, field: str, today: dt.date) -> dt.datetime:
    """A day and a time: `14.6.2027 9.00`, `ma 14.6. klo 9.00`, `huomenna 9.00`,
    `2027-06-14 09:00` (an ISO time with an offset, `2027-06-14T09:00+03:00`, is turned into the
    organization's local time). The day's part is everything before the time of day."""
    text = value.strip()
    if not _ISO_TIME.match(text):
        # a day in any form and a time of day in any form: `2027-06-14 9.00` as `14.6.2027 9.00`
        split = _DAY_THEN_CLOCK.search(text)
        if split:
            try:
                day = parse_day(text[: split.start()], field, today)
                clock = parse_clock(text[split.end() :], field)
            except DataError as exc:
                if exc.key in ("err.weekday_mismatch", "err.date_range"):
                    raise
                raise DataError("err.bad_moment", field=field, value=value) from None
            return dt.datetime.combine(day, clock)
    try:
        return parse_time(text, field)
    except DataError as exc:
        if exc.key == "err.date_range":
            raise
        raise DataError("err.bad_moment", field=field, value=value) from None


def local_time(moment: dt.datetime, zone: dt.tzinfo, field: str) -> tuple[dt.datetime, bool]:
    """`moment` as a time on the organization's clocks (`zone`): a time the clocks skip in spring
    (3.00–3.59 on the last Sunday of March in Finland) is refused; for one they show twice in autumn
    the answer says so (True), and the time is the first of the two (summer time)."""
    first = moment.replace(tzinfo=zone, fold=0)
    second = moment.replace(tzinfo=zone, fold=1)
    back = first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if back != moment:
        raise DataError("err.time_skipped", field=field, value=moment)
    return moment, first.utcoffset() != second.utcoffset()


# Where a period's two days part: a dash, or a hyphen (between spaces when ISO days hold hyphens)
_PERIOD_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")
_DAY_ONLY = re.compile(r"(\d{1,2})\.")  # `1.` of `1.–25.7.2027`
TURN_OF_YEAR_DAYS = 92  # a period over the turn of the year written without its first year
_DAY_AND_MONTH = re.compile(r"(\d{1,2})\.(\d{1,2})\.?")  # `1.7.` of `1.7.–25.7.2027`


def parse_period(value: str, field: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """A period as a holiday list writes it: `1.7.–25.7.2027`, `1.–25.7.2027`, `28.12.2026 –
    3.1.2027`, `1.7.2027-25.7.2027` or `2027-07-01 – 2027-07-25`; the first day takes the month
    and year the last one has when it leaves them out (the year before over the turn of a year:
    `28.12.–3.1.2027`; `25.7.–1.7.2027` stays reversed and is refused, not made a year long)."""
    parts = _PERIOD_DASH.split(value.strip())
    if len(parts) != 2 and "-" in value and not re.search(r"\d{4}-\d{2}-\d{2}", value):
        parts = value.strip().split("-")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise DataError("err.bad_period", field=field, value=value)
    first, last = (p.strip() for p in parts)
    end = parse_day(last, field, today)
    day_only, day_and_month = _DAY_ONLY.fullmatch(first), _DAY_AND_MONTH.fullmatch(first)
    try:
        if day_only:
            start = end.replace(day=int(day_only.group(1)))
        elif day_and_month:
            day, month = int(day_and_month.group(1)), int(day_and_month.group(2))
            start = dt.date(end.year, month, day)
            if start > end:  # over the turn of the year, but never a year long
                earlier = dt.date(end.year - 1, month, day)
                start = earlier if (end - earlier).days <= TURN_OF_YEAR_DAYS else start
        else:
            start = parse_day(first, field, today)
    except ValueError:  # a day the month has not
        raise DataError("err.bad_period", field=field, value=value) from None
    within_years(start, field, value)
    return start, end
