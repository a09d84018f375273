"""ISO weeks, working days and public holidays (from the `holidays` package)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from functools import cache

from planner.domain.errors import DataError

ONE_DAY = dt.timedelta(days=1)
ONE_WEEK = dt.timedelta(days=7)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_number(day: dt.date) -> int:
    """The ISO week `day` falls in, counted from the first (1 January of year 1 was a Monday):
    one call a post, where `monday_of` makes a date and a timedelta (every post of a workspace is
    put in its week)."""
    return (day.toordinal() - 1) // 7


def monday_of_week(number: int) -> dt.date:
    """The Monday of the week `week_number` counts as `number`."""
    return dt.date.fromordinal(number * 7 + 1)


def sunday_of(day: dt.date) -> dt.date:
    return monday_of(day) + dt.timedelta(days=6)


def widen_to_weeks(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """From the Monday of `start`'s ISO week to the Sunday of `end`'s."""
    return monday_of(start), sunday_of(end)


LONGEST_RANGE_YEARS = 20  # a plan's horizon or an audit's years; not the span of the calendar itself


def within_reach(start: dt.date, end: dt.date) -> None:
    """A check, a checklist and a results report go through every week of every active account:
    over thousands of years that is millions of findings or rows, minutes and gigabytes. A longer
    range is refused whole."""
    if end.toordinal() - start.toordinal() > LONGEST_RANGE_YEARS * 366:
        raise DataError("err.range_too_long", start=start, end=end, years=LONGEST_RANGE_YEARS)


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
def holidays_of_year(country: str, year: int, lang: str) -> Mapping[dt.date, str]:
    """A year's public holidays by the `holidays` package (Midsummer Eve and Christmas Eve
    included for Finland), named in `lang`."""
    import holidays

    try:
        table = holidays.country_holidays(country, years=year, language=_HOLIDAY_LANGS.get(lang, "en_US"))
    except NotImplementedError:
        return {}
    return dict(table.items())


class Holidays(Mapping[dt.date, str]):
    """The public holidays of start..end, each year's worked out only when a day of it is asked
    about: a question about a week costs a year, whatever span the workspace's posts have."""

    def __init__(
        self,
        start: dt.date,
        end: dt.date,
        country: str = "FI",
        lang: str = "fi",
        table: YearTable = holidays_of_year,
    ) -> None:
        self.start, self.end = start, end
        self._country, self._lang, self._table = country, lang, table
        self._years: dict[int, Mapping[dt.date, str]] = {}

    def _year(self, year: int) -> Mapping[dt.date, str]:
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = self._table(self._country, year, self._lang)
        return found

    def __getitem__(self, day: dt.date) -> str:
        if not isinstance(day, dt.date) or not self.start <= day <= self.end:
            raise KeyError(day)
        return self._year(day.year)[day]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end and day in self._year(day.year)

    def __iter__(self) -> Iterator[dt.date]:
        for year in range(self.start.year, self.end.year + 1):
            yield from sorted(day for day in self._year(year) if self.start <= day <= self.end)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def holiday_names(
    start: dt.date, end: dt.date, country: str = "FI", lang: str = "fi", table: YearTable = holidays_of_year
) -> dict[dt.date, str]:
    """Public holidays between start and end, named in `lang` (Finnish by default); `table` gives
    a year's holidays."""
    return dict(Holidays(start, end, country, lang, table).items())


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
