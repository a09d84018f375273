"""Dates and times shown as people read them: the Finnish way in Finnish (`ma 14.6.`, `14.6.2027`,
`9.00`, `vk 24`), the English way in English (`Mon 14 Jun`, `14 Jun 2027`, `09:00`, `wk 24`), never
the American `11/30`. One format per language, in the app, on the command line and in exports
meant for reading (the machine formats, JSON and CSV, keep ISO dates)."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = {
    "fi": (
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def day(value: dt.date, lang: str) -> str:
    """14.6.2027 · 14 Jun 2027"""
    if lang == "fi":
        return f"{value.day}.{value.month}.{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def short_day(value: dt.date, lang: str, weekday: bool = True) -> str:
    """ma 14.6. · Mon 14 Jun (the year left out, as in a week's columns)."""
    name = WEEKDAYS["fi" if lang == "fi" else "en"][value.weekday()] + " " if weekday else ""
    if lang == "fi":
        return f"{name}{value.day}.{value.month}."
    return f"{name}{value.day} {MONTHS_EN[value.month - 1]}"


def month(value: dt.date, lang: str) -> str:
    """joulukuu 2026 · December 2026"""
    return f"{MONTH_NAMES['fi' if lang == 'fi' else 'en'][value.month - 1]} {value.year}"


def period(label: str, lang: str) -> str:
    """A goal's period (`2027-06`, `2027-Q2`, `2027`) as the language writes it: kesäkuu 2027 ·
    June 2027, huhti–kesäkuu 2027 · Apr–Jun 2027, 2027. JSON keeps the label."""
    year, _, part = label.partition("-")
    if not part:
        return year
    if part.startswith("Q"):
        first = (int(part[1:]) - 1) * 3
        if lang == "fi":
            names = MONTH_NAMES["fi"]
            return f"{names[first].removesuffix('kuu')}–{names[first + 2]} {year}"
        return f"{MONTHS_EN[first]}–{MONTHS_EN[first + 2]} {year}"
    return month(dt.date(int(year), int(part), 1), lang)


def iso_week(label: str, lang: str) -> str:
    """An ISO week's label (`2026-W50`) as the language writes it: 50/2026 · 2026-W50."""
    year, _, number = label.partition("-W")
    if lang != "fi" or not (year.isdigit() and number.isdigit()):
        return label
    return f"{int(number)}/{year}"


def clock(value: dt.time | dt.datetime, lang: str) -> str:
    """9.00 · 09:00"""
    if lang == "fi":
        return f"{value.hour}.{value.minute:02d}"
    return f"{value.hour:02d}:{value.minute:02d}"


def moment(value: dt.datetime, lang: str) -> str:
    """14.6.2027 klo 9.00 · 14 Jun 2027 09:00"""
    if lang == "fi":
        return f"{day(value.date(), lang)} klo {clock(value, lang)}"
    return f"{day(value.date(), lang)} {clock(value, lang)}"


def short_moment(value: dt.datetime, lang: str) -> str:
    """ma 14.6. klo 9.00 · Mon 14 Jun 09:00"""
    joiner = " klo " if lang == "fi" else " "
    return short_day(value.date(), lang) + joiner + clock(value, lang)


def week(value: dt.date, lang: str) -> str:
    """vk 24 · wk 24 (the ISO week of the day)."""
    return f"{'vk' if lang == 'fi' else 'wk'} {value.isocalendar()[1]}"


def typed_day(value: dt.date, lang: str) -> str:
    """A day as it is typed back into a field: 14.6.2027 · 2027-06-14."""
    return f"{value.day}.{value.month}.{value.year}" if lang == "fi" else value.isoformat()


def typed_moment(value: dt.datetime, lang: str) -> str:
    """14.6.2027 9.00 · 2027-06-14 09:00"""
    if lang == "fi":
        return f"{typed_day(value.date(), lang)} {clock(value, lang)}"
    return value.strftime("%Y-%m-%d %H:%M")


def stamp(value: str, lang: str, sheet: bool = False) -> str:
    """A stored date or time (`2027-06-14`, `2027-06-14T09:00`) as the language writes it ("" and
    anything else as they are): what a document or a Finnish sheet shows of a record's dates. In a
    sheet a time is `14.6.2027 9.00`, which a Finnish spreadsheet reads as a time."""
    try:
        if len(value) == 10:
            return day(dt.date.fromisoformat(value), lang)
        if len(value) == 16 and value[10] == "T":
            when = dt.datetime.fromisoformat(value)
            return f"{day(when.date(), lang)} {clock(when, lang)}" if sheet else moment(when, lang)
    except ValueError:
        pass
    return value
