"""ISO weeks, working days and public holidays (from the `holidays` package)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from functools import cache

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_number(day: dt.date) -> int:
    """The ISO week `day` falls in, counted from the first (1 January of year 1 was a Monday):
    one C call a post, where `monday_of` makes a date and a timedelta (a city's 9,300 posts are
    put in their weeks at every start)."""
    return (day.toordinal() - 1) // 7


def monday_of_week(number: int) -> dt.date:
    """The Monday of the week `week_number` counts as `number`."""
    return dt.date.fromordinal(number * 7 + 1)


def sunday_of(day: dt.date) -> dt.date:
    return monday_of(day) + dt.timedelta(days=6)


def widen_to_weeks(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """From the Monday of `start`'s ISO week to the Sunday of `end`'s."""
    return monday_of(start), sunday_of(end)


def default_range(today: dt.date, weeks_after: int = 8) -> tuple[dt.date, dt.date]:
    """This ISO week and the next `weeks_after`."""
    return monday_of(today), sunday_of(today) + weeks_after * ONE_WEEK


def days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= end:
        yield day
        day += ONE_DAY


def mondays(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    monday = monday_of(start)
    while monday <= end:
        yield monday
        monday += ONE_WEEK


def iso_week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


_HOLIDAY_LANGS = {"fi": "fi", "en": "en_US", "sv": "sv_FI"}


YearTable = Callable[[str, int, str], Mapping[dt.date, str]]


@cache
def _country_class(country: str) -> Callable[..., Mapping[dt.date, str]] | None:
    """The `holidays` class of one country, from its own module. `holidays.country_holidays`
    imports the package's `countries`, whose `__init__` imports all of its 280 countries first:
    70 ms of a check with every cache off, to give one. None when the package is not laid out
    as this expects (then `country_holidays` is asked)."""
    import importlib.util

    try:
        from holidays.registry import COUNTRIES
    except ImportError:
        return None
    try:
        named = next(
            ((module, name) for module, (name, *codes) in COUNTRIES.items() if country in codes), None
        )
    except (TypeError, ValueError):  # the registry written another way
        return None
    if named is None:
        return None
    module, name = named
    package = importlib.util.find_spec("holidays")
    if package is None or not package.submodule_search_locations:
        return None
    where = f"{package.submodule_search_locations[0]}/countries/{module}.py"
    spec = importlib.util.spec_from_file_location(f"holidays.countries.{module}", where)
    if spec is None or spec.loader is None:
        return None
    loaded = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(loaded)
    except Exception:  # noqa: BLE001 - laid out otherwise: the package's own way is asked
        return None
    found = getattr(loaded, name, None)
    return found if callable(found) else None


@cache
def holidays_of_year(country: str, year: int, lang: str) -> Mapping[dt.date, str]:
    """A year's public holidays by the `holidays` package (storage/holiday_cache keeps them; only
    the coverage rule and the calendar views need them)."""
    language = _HOLIDAY_LANGS.get(lang, "en_US")
    own = _country_class(country)
    try:
        if own is not None:
            table = own(years=year, language=language)
        else:
            import holidays

            table = holidays.country_holidays(country, years=year, language=language)
    except NotImplementedError:
        return {}
    return dict(table.items())


def holiday_names(
    start: dt.date, end: dt.date, country: str = "FI", lang: str = "fi", table: YearTable = holidays_of_year
) -> dict[dt.date, str]:
    """Public holidays between start and end, named in `lang` (Finnish by default); `table` gives
    a year's holidays."""
    names: dict[dt.date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in table(country, year, lang).items():
            if start <= day <= end:
                names[day] = name
    return names


def is_working_day(day: dt.date, holidays: Mapping[dt.date, object]) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays


SUMMER_SEASON = ((5, 2), (9, 30))  # 2 May – 30 September: when most of a team takes its vacation


def is_summer(day: dt.date) -> bool:
    (first_month, first_day), (last_month, last_day) = SUMMER_SEASON
    return (first_month, first_day) <= (day.month, day.day) <= (last_month, last_day)


def next_summer(today: dt.date) -> tuple[dt.date, dt.date]:
    """This year's summer season while it lasts, otherwise next year's."""
    (first_month, first_day), (last_month, last_day) = SUMMER_SEASON
    year = today.year if (today.month, today.day) <= (last_month, last_day) else today.year + 1
    return dt.date(year, first_month, first_day), dt.date(year, last_month, last_day)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 Aug + 6 → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_summer_week(monday: dt.date) -> bool:
    """Some day of the ISO week starting on `monday` lies in the summer season."""
    return any(is_summer(monday + dt.timedelta(days=n)) for n in range(7))
