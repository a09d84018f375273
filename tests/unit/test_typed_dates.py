"""Dates and times as Finns type them (domain/dates), and times the clocks skip or show twice."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.dates import local_time, parse_day, parse_moment, parse_period
from planner.domain.errors import DataError
from planner.i18n.dates import period

TODAY = dt.date(2026, 12, 1)  # a Tuesday
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14.6.2027", dt.date(2027, 6, 14)),
        ("14.6.27", dt.date(2027, 6, 14)),
        ("1.1.30", dt.date(2030, 1, 1)),
        ("14.6.", dt.date(2027, 6, 14)),
        ("2027-06-14", dt.date(2027, 6, 14)),
        ("tänään", TODAY),
        ("huomenna", dt.date(2026, 12, 2)),
        ("Huomenna", dt.date(2026, 12, 2)),
        ("ylihuomenna", dt.date(2026, 12, 3)),
        ("tomorrow", dt.date(2026, 12, 2)),
        ("ma 14.6.2027", dt.date(2027, 6, 14)),
        ("maanantai 14.6.2027", dt.date(2027, 6, 14)),
        ("Mon 14.6.2027", dt.date(2027, 6, 14)),
        ("ke 2.12.", dt.date(2026, 12, 2)),
    ],
)
def test_days_as_they_are_typed(typed: str, expected: dt.date) -> None:
    assert parse_day(typed, "--from", TODAY) == expected


@pytest.mark.parametrize("typed", ["ti 14.6.2027", "su huomenna", "ma 2027-06-15", "14.6.2027 ma", "32.1.27"])
def test_a_day_that_is_not_the_weekday_said_or_no_day_is_refused(typed: str) -> None:
    with pytest.raises(DataError):
        parse_day(typed, "--from", TODAY)


def test_a_wrong_weekday_says_which_day_it_is() -> None:
    with pytest.raises(DataError) as refused:
        parse_day("ti 14.6.2027", "--at", TODAY)
    assert refused.value.render("fi") == "--at: «ti 14.6.2027»: 14.6.2027 on maanantai, ei tiistai."
    assert refused.value.render("en") == "--at: «ti 14.6.2027»: 14 Jun 2027 is a Monday, not a Tuesday."


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14.6.2027 9.00", dt.datetime(2027, 6, 14, 9, 0)),
        ("ma 14.6.2027 9.00", dt.datetime(2027, 6, 14, 9, 0)),
        ("ma 14.6.2027 klo 9", dt.datetime(2027, 6, 14, 9, 0)),
        ("14.6.27 13:30", dt.datetime(2027, 6, 14, 13, 30)),
        ("huomenna 9.00", dt.datetime(2026, 12, 2, 9, 0)),
        ("huomenna klo 16.15", dt.datetime(2026, 12, 2, 16, 15)),
        ("2027-06-14 09:00", dt.datetime(2027, 6, 14, 9, 0)),
        ("2027-06-14T09:00+03:00", dt.datetime(2027, 6, 14, 9, 0)),
        # an ISO day with the hour as a Finn writes it was "no time", while `14.6.2027 9.00` was one
        ("2027-06-14 9:00", dt.datetime(2027, 6, 14, 9, 0)),
        ("2027-06-14 9.00", dt.datetime(2027, 6, 14, 9, 0)),
        ("2027-06-14 klo 9", dt.datetime(2027, 6, 14, 9, 0)),
        # a spreadsheet saved as CSV writes its times with seconds, in the 12-hour clock in English
        ("14.6.2027 9.00.00", dt.datetime(2027, 6, 14, 9, 0)),
        ("2027-06-14 09:00:00", dt.datetime(2027, 6, 14, 9, 0)),
        ("14.6.2027 09:00:00 AM", dt.datetime(2027, 6, 14, 9, 0)),
        ("2027-06-14 9:30 PM", dt.datetime(2027, 6, 14, 21, 30)),
        ("14.6.2027 12:00:00 PM", dt.datetime(2027, 6, 14, 12, 0)),
        ("14.6.2027 12.15 a.m.", dt.datetime(2027, 6, 14, 0, 15)),
        ("14.6.2027 9 pm", dt.datetime(2027, 6, 14, 21, 0)),
    ],
)
def test_times_as_they_are_typed(typed: str, expected: dt.datetime) -> None:
    assert parse_moment(typed, "--at", TODAY) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "14.6.2027 13:00 PM",
        "14.6.2027 0:00 AM",
        "14.6.2027 9.00:00",
        "14.6.2027 9:00:60",
        "14.6.2027 9:61",
        "14.6.2027",
    ],
)
def test_a_clock_that_is_none_is_refused(typed: str) -> None:
    with pytest.raises(DataError) as refused:
        parse_moment(typed, "--at", TODAY)
    assert refused.value.key == "err.bad_moment"


def test_a_wrong_weekday_in_a_time_is_said_as_such() -> None:
    with pytest.raises(DataError) as refused:
        parse_moment("ti 14.6.2027 9.00", "--at", TODAY)
    assert refused.value.key == "err.weekday_mismatch"


def test_the_hour_the_clocks_skip_is_no_time_and_the_one_they_show_twice_is_said() -> None:
    assert local_time(dt.datetime(2027, 3, 28, 2, 59), HELSINKI, "--at") == (
        dt.datetime(2027, 3, 28, 2, 59),
        False,
    )
    for minute in (0, 30, 59):
        with pytest.raises(DataError) as refused:
            local_time(dt.datetime(2027, 3, 28, 3, minute), HELSINKI, "--at")
        assert refused.value.key == "err.time_skipped"
    assert local_time(dt.datetime(2027, 3, 28, 4, 0), HELSINKI, "--at")[1] is False
    assert local_time(dt.datetime(2027, 10, 31, 3, 30), HELSINKI, "--at")[1] is True
    assert local_time(dt.datetime(2027, 10, 31, 4, 0), HELSINKI, "--at")[1] is False


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 12, 31)))
def test_every_time_either_exists_on_the_clocks_or_is_refused(moment: dt.datetime) -> None:
    moment = moment.replace(second=0, microsecond=0)
    try:
        found, _ = local_time(moment, HELSINKI, "--at")
    except DataError:
        aware = moment.replace(tzinfo=HELSINKI)
        assert aware.astimezone(dt.UTC).astimezone(HELSINKI).replace(tzinfo=None) != moment
    else:
        assert found == moment


@pytest.mark.parametrize(
    ("label", "finnish", "english"),
    [
        ("2027-06", "kesäkuu 2027", "June 2027"),
        ("2027-01", "tammikuu 2027", "January 2027"),
        ("2027-Q1", "tammi–maaliskuu 2027", "Jan–Mar 2027"),
        ("2027-Q4", "loka–joulukuu 2027", "Oct–Dec 2027"),
        ("2027", "2027", "2027"),
    ],
)
def test_a_goals_period_as_the_language_writes_it(label: str, finnish: str, english: str) -> None:
    assert (period(label, "fi"), period(label, "en")) == (finnish, english)


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("1.7.–25.7.2027", dt.date(2027, 7, 1), dt.date(2027, 7, 25)),
        ("1.–25.7.2027", dt.date(2027, 7, 1), dt.date(2027, 7, 25)),
        ("1.7.-25.7.2027", dt.date(2027, 7, 1), dt.date(2027, 7, 25)),
        ("1.7.2027-25.7.2027", dt.date(2027, 7, 1), dt.date(2027, 7, 25)),
        ("2027-07-01 – 2027-07-25", dt.date(2027, 7, 1), dt.date(2027, 7, 25)),
        ("2027-07-01 - 2027-07-25", dt.date(2027, 7, 1), dt.date(2027, 7, 25)),
        ("28.12.–3.1.2027", dt.date(2026, 12, 28), dt.date(2027, 1, 3)),  # over the turn of the year
        ("29.2.–1.3.2028", dt.date(2028, 2, 29), dt.date(2028, 3, 1)),  # no 29.2. the year before: no matter
        ("25.7.–1.7.2027", dt.date(2027, 7, 25), dt.date(2027, 7, 1)),  # reversed: the caller refuses it
        ("1.9.–31.8.2027", dt.date(2027, 9, 1), dt.date(2027, 8, 31)),  # a year long is not guessed
    ],
)
def test_a_period_as_a_holiday_list_writes_it(typed: str, start: dt.date, end: dt.date) -> None:
    assert parse_period(typed, "period", TODAY) == (start, end)


@pytest.mark.parametrize(
    "typed", ["1.7.2027", "2027-07-01-2027-07-25", "31.–25.6.2027", "29.2.–1.3.2027", "–"]
)
def test_what_is_no_period_is_refused(typed: str) -> None:
    with pytest.raises(DataError):
        parse_period(typed, "period", TODAY)
