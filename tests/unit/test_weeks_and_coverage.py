"""ISO weeks across a year end, working days with Finnish holidays, and coverage gaps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.calendar import (
    default_range,
    holiday_names,
    is_working_day,
    monday_of,
    monday_of_week,
    week_number,
    widen_to_weeks,
)
from planner.domain.check import checked_posts, run_check
from planner.domain.rules import Context
from planner.domain.rules.accounts import coverage_gaps
from tests.helpers import NOW, base_doc, workspace_of

D = dt.date


def test_finnish_holidays_include_midsummer_and_christmas_eve() -> None:
    names = holiday_names(D(2026, 1, 1), D(2026, 12, 31), "FI", "fi")
    assert names[D(2026, 6, 19)] == "Juhannusaatto"
    assert names[D(2026, 12, 24)] == "Jouluaatto"
    assert D(2026, 12, 6) in names  # Independence Day
    assert not is_working_day(D(2026, 6, 19), names)
    assert is_working_day(D(2026, 6, 18), names)
    assert not is_working_day(D(2026, 6, 20), names)  # a Saturday anyway
    assert holiday_names(D(2026, 6, 19), D(2026, 6, 19), "FI", "en")[D(2026, 6, 19)] == "Midsummer Eve"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 12, 31), D(2027, 1, 1), (D(2026, 12, 28), D(2027, 1, 3))),  # ISO week 2026-W53
        (D(2027, 1, 4), D(2027, 1, 4), (D(2027, 1, 4), D(2027, 1, 10))),
        (D(2026, 12, 6), D(2026, 12, 7), (D(2026, 11, 30), D(2026, 12, 13))),
    ],
)
def test_ranges_widen_to_whole_iso_weeks(start: D, end: D, expected: tuple[D, D]) -> None:
    assert widen_to_weeks(start, end) == expected


def test_default_range_is_this_week_and_the_next_eight() -> None:
    start, end = default_range(D(2026, 12, 1))
    assert (start, end) == (D(2026, 11, 30), D(2027, 1, 31))
    assert (end - start).days + 1 == 63


def _cadence_findings(publish_at: str) -> list[object]:
    doc = base_doc()
    doc["posts"][0]["publish_at"] = publish_at
    doc["posts"][0]["status"] = "published"
    ws = workspace_of(doc)
    start, end = widen_to_weeks(D(2026, 12, 28), D(2027, 1, 3))
    ctx = Context(ws, NOW, start, end, holiday_names(start, end))
    return [f for f in run_check(ctx).findings if f.rule == "account.cadence"]


def test_cadence_week_across_the_year_end() -> None:
    assert _cadence_findings("2027-01-03T23:59") == []  # Sunday of 2026-W53 counts for it
    missed = _cadence_findings("2027-01-04T00:00")  # Monday of 2027-W01 does not
    assert [(f.date, f.until) for f in missed] == [(D(2026, 12, 28), None)]  # type: ignore[attr-defined]


def _gaps(absences: list[tuple[str, str, str, str | None]], start: D, end: D) -> list[tuple[D, D, int]]:
    doc = base_doc()
    for number, (person, first, last, deputy) in enumerate(absences):
        doc["absences"].append(
            {"id": f"a{number}", "person": person, "from": first, "to": last, "deputy": deputy}
        )
    ws = workspace_of(doc)
    account = ws.accounts["instagram-ylojarvi"]
    return [
        (g.start, g.end, g.working_days)
        for g in coverage_gaps(ws, account, start, end, holiday_names(start, end))
    ]


def test_gap_runs_over_midsummer_and_the_weekend() -> None:
    both = [("p1", "2026-06-17", "2026-06-22", None), ("p2", "2026-06-17", "2026-06-22", None)]
    assert _gaps(both, D(2026, 6, 15), D(2026, 6, 28)) == [(D(2026, 6, 17), D(2026, 6, 22), 3)]


def test_gap_bounded_by_midsummer_ends_on_the_last_working_day() -> None:
    both = [("p1", "2026-06-15", "2026-06-21", None), ("p2", "2026-06-15", "2026-06-21", None)]
    assert _gaps(both, D(2026, 6, 1), D(2026, 6, 30)) == [(D(2026, 6, 15), D(2026, 6, 18), 4)]


def test_gap_across_the_year_end_skips_christmas_and_new_year() -> None:
    both = [("p1", "2026-12-23", "2027-01-07", None), ("p2", "2026-12-21", "2027-01-05", None)]
    gaps = _gaps(both, D(2026, 12, 14), D(2027, 1, 17))
    # Working days 23, 28–31 Dec and 4–5 Jan; 24–26 Dec and 1 Jan are holidays; p2 is back on 6 Jan.
    assert gaps == [(D(2026, 12, 23), D(2027, 1, 5), 7)]


def test_deputy_who_is_also_absent_leaves_a_gap() -> None:
    absences = [("p1", "2026-12-07", "2026-12-11", "p2"), ("p2", "2026-12-09", "2026-12-10", None)]
    assert _gaps(absences, D(2026, 12, 7), D(2026, 12, 13)) == [(D(2026, 12, 9), D(2026, 12, 10), 2)]


def test_an_assigned_deputy_from_outside_the_account_covers() -> None:
    absences = [("p1", "2026-12-07", "2026-12-11", "e1"), ("p2", "2026-12-07", "2026-12-11", None)]
    assert _gaps(absences, D(2026, 12, 7), D(2026, 12, 13)) == []


def test_overlapping_absences_make_one_gap() -> None:
    absences = [
        ("p1", "2026-12-07", "2026-12-09", None),
        ("p1", "2026-12-08", "2026-12-11", None),
        ("p2", "2026-12-01", "2026-12-31", None),
    ]
    assert _gaps(absences, D(2026, 12, 7), D(2026, 12, 13)) == [(D(2026, 12, 7), D(2026, 12, 11), 5)]


def test_coverage_finding_carries_first_and_last_day() -> None:
    doc = base_doc()
    doc["absences"] += [
        {"id": "x1", "person": "p1", "from": "2026-12-03", "to": "2026-12-08"},
        {"id": "x2", "person": "p2", "from": "2026-12-03", "to": "2026-12-08"},
    ]
    ws = workspace_of(doc)
    start, end = widen_to_weeks(D(2026, 12, 1), D(2026, 12, 8))
    findings = run_check(Context(ws, NOW, start, end, holiday_names(start, end))).findings
    gap = [f for f in findings if f.rule == "account.coverage"]
    # 6 Dec (Independence Day) is a Sunday; 7 Dec is a working day, so the run is unbroken.
    assert [(f.date, f.until, f.post) for f in gap] == [(D(2026, 12, 3), D(2026, 12, 8), None)]


def test_a_short_check_reads_the_week_index_and_finds_exactly_what_a_full_scan_finds() -> None:
    """The week view's check reads the snapshot's week index; any range, short or long, must look at
    the same posts as reading every post: the range's own days, undated posts, never cancelled."""
    doc = base_doc()
    template = doc["posts"][0]
    statuses = ("draft", "ready", "cancelled", "published")
    days = [D(2026, 12, 20) + dt.timedelta(days=n) for n in range(0, 30, 2)]  # over 2026-W53
    doc["posts"] = [
        {
            **template,
            "id": f"p-{n:04}",
            "publish_at": f"{day.isoformat()}T{n % 24:02}:00",
            "status": statuses[n % 4],
        }
        for n, day in enumerate(days)
    ] + [{**template, "id": "p-undated", "publish_at": None, "status": "draft"}]
    ws = workspace_of(doc)

    def scanned(start: D, end: D) -> set[str]:
        return {
            p.id
            for p in ws.posts.values()
            if p.status != "cancelled" and (p.publish_date is None or start <= p.publish_date <= end)
        }

    for start in (D(2026, 12, 19), D(2026, 12, 24), D(2026, 12, 28), D(2027, 1, 3)):
        for length in (0, 1, 6, 9, 40, 62, 63, 200):
            end = start + dt.timedelta(days=length)
            found = [p.id for p in checked_posts(ws, start, end)]
            assert len(found) == len(set(found))  # no post twice
            assert set(found) == scanned(start, end), (start, end)
            assert "p-undated" in found


@given(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 25)))
def test_a_week_number_names_the_week_monday_of_gives(moment: dt.datetime) -> None:
    assert monday_of_week(week_number(moment)) == monday_of(moment.date())
    assert week_number(moment.date()) == week_number(moment)
    assert week_number(moment.date() + dt.timedelta(days=7)) == week_number(moment) + 1


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=8)


@given(spans=_SPANS, asked=st.integers(-3, 56))
def test_being_away_is_what_a_look_through_every_absence_finds(
    spans: list[tuple[int, int]], asked: int
) -> None:
    """Absences merged into runs (overlapping, nested, touching, one inside another) answer as the
    absences themselves do, on days before, inside, between and after them."""
    first = D(2026, 12, 1)
    doc = base_doc()
    doc["absences"] = [
        {
            "id": f"a{n}",
            "person": "p1",
            "from": (first + dt.timedelta(days=start)).isoformat(),
            "to": (first + dt.timedelta(days=start + length)).isoformat(),
        }
        for n, (start, length) in enumerate(spans)
    ]
    ws = workspace_of(doc)
    day = first + dt.timedelta(days=asked)
    looked = any(a.covers(day) for a in ws.absences.values() if a.person == "p1")
    assert ws.is_away("p1", day) is looked
    assert ws.is_present("p1", day) is not looked
    assert ws.is_away("nobody", day) is False


_ABSENCES = st.lists(
    st.tuples(
        st.sampled_from(["p1", "p2", "e1", "t1"]),
        st.integers(0, 40),
        st.integers(0, 12),
        st.sampled_from([None, "p2", "e1", "t1"]),
    ),
    max_size=6,
)


@given(
    absences=_ABSENCES,
    duty=st.sampled_from([(["p1"], ["p2"]), (["p1"], ["t1"]), (["t1"], []), (["p1", "p2"], ["e1"])]),
    retired=st.sampled_from([None, 5, 30]),
)
def test_the_gaps_are_the_days_asked_one_by_one_find(
    absences: list[tuple[str, int, int, str | None]], duty: tuple[list[str], list[str]], retired: int | None
) -> None:
    """The days nobody of the duty is there on, found at once (`_nobody_there`), leave the gaps as
    asking `is_day_covered` about every working day finds them: with deputies away, auditors in
    the duty, a duty of no writer, and someone retired on the way."""
    from planner.domain.rules.accounts import is_day_covered

    first = D(2026, 12, 1)
    doc = base_doc()
    doc["absences"] = [
        {
            "id": f"a{n}",
            "person": person,
            "from": (first + dt.timedelta(days=start)).isoformat(),
            "to": (first + dt.timedelta(days=start + length)).isoformat(),
            "deputy": deputy,
        }
        for n, (person, start, length, deputy) in enumerate(absences)
        if deputy != person
    ]
    owners, deputies = duty
    doc["accounts"][0]["owners"], doc["accounts"][0]["deputies"] = owners, deputies
    if retired is not None:
        doc["people"][2]["retired"] = (first + dt.timedelta(days=retired)).isoformat()  # p1
    ws = workspace_of(doc)
    account = ws.accounts["instagram-ylojarvi"]
    start, end = first, first + dt.timedelta(days=45)
    holidays = holiday_names(start, end)
    uncovered = [
        day
        for day in (start + dt.timedelta(days=n) for n in range(46))
        if is_working_day(day, holidays)
        and account.is_active_on(day)
        and not is_day_covered(ws, account, day)
    ]
    found = [
        day for gap in coverage_gaps(ws, account, start, end, holidays) for day in _working(gap, holidays)
    ]
    assert found == uncovered


def _working(gap: object, holidays: dict[D, str]) -> list[D]:
    start, end = gap.start, gap.end  # type: ignore[attr-defined]
    return [
        start + dt.timedelta(days=n)
        for n in range((end - start).days + 1)
        if is_working_day(start + dt.timedelta(days=n), holidays)
    ]
