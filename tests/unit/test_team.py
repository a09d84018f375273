"""Deputy candidates, the coverage grid and report, retirements and HR absence rows (pure domain)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.absence_rows import AbsenceRow, RowErrors
from planner.domain.absence_rows import parse_rows as parse_sheet
from planner.domain.calendar import add_months, holiday_names, is_summer, next_summer, widen_to_weeks
from planner.domain.check import run_check
from planner.domain.fields import finnish_key
from planner.domain.model import Absence
from planner.domain.rules import Context
from planner.domain.sheet import csv_rows
from planner.domain.team import (
    COVERED,
    DEPUTY,
    GAP,
    INACTIVE,
    coverage_report,
    deputy_candidates,
    leftovers,
    week_cells,
)
from planner.domain.workspace import Workspace
from tests.helpers import NOW, base_doc, workspace_of


def parse_rows(text: str, ws: Workspace, file: str) -> list[AbsenceRow]:
    """An HR list given as the text of a CSV, read as the import reads it."""
    return parse_sheet(list(csv_rows(text, file)), ws, file, NOW.date())


D = dt.date
ACCOUNT = "instagram-ylojarvi"


def _doc(*absences: tuple[str, str, str, str | None], **account: Any) -> dict[str, Any]:
    doc = base_doc()
    doc["accounts"][0].update(account)
    for number, (person, first, last, deputy) in enumerate(absences, start=1):
        doc["absences"].append(
            {"id": f"a-{number:04d}", "person": person, "from": first, "to": last, "deputy": deputy}
        )
    return doc


# Candidates ---------------------------------------------------------------------------------------


def test_candidates_present_throughout_come_first_then_least_loaded() -> None:
    doc = _doc(("p1", "2026-12-07", "2026-12-18", None), ("a2", "2026-12-10", "2026-12-11", None))
    # p2 already owns two open posts in the period, a1 none.
    for number, day in enumerate(("2026-12-08", "2026-12-15"), start=2):
        doc["posts"].append(
            {
                "id": f"p-{number:04d}",
                "account": ACCOUNT,
                "publish_at": f"{day}T10:00",
                "text": "x #ylöjärvi",
                "owner": "p2",
                "status": "draft",
            }
        )
    ws = workspace_of(doc)
    found = deputy_candidates(ws, ws.absences["a-0001"])
    assert [c.person for c in found] == ["a1", "p2", "a2"]
    assert [c.load for c in found] == [0, 2, 0]
    assert found[2].away == (D(2026, 12, 10), D(2026, 12, 11))
    assert not found[2].present_throughout and found[0].present_throughout
    assert found[0].shared == (ACCOUNT,)


def test_auditors_and_retired_people_are_never_proposed() -> None:
    doc = _doc(("p1", "2026-12-07", "2026-12-18", None), producers=["t1", "e1"])
    doc["people"][4]["retired"] = "2026-12-01"  # e1
    ws = workspace_of(doc)
    assert "t1" not in [c.person for c in deputy_candidates(ws, ws.absences["a-0001"])]
    assert "e1" not in [c.person for c in deputy_candidates(ws, ws.absences["a-0001"])]


def test_a_person_on_no_account_gets_no_candidates() -> None:
    ws = workspace_of(_doc(("t1", "2026-12-07", "2026-12-18", None)))
    assert deputy_candidates(ws, ws.absences["a-0001"]) == []


# Coverage grid and report -----------------------------------------------------------------------


def _cells(doc: dict[str, Any], start: D, end: D) -> dict[D, str]:
    ws = workspace_of(doc)
    cells = week_cells(ws, ws.accounts[ACCOUNT], start, end, holiday_names(start, end))
    return {c.monday: c.coverage for c in cells}


def test_week_cells_tell_owner_deputy_and_gap_apart() -> None:
    doc = _doc(
        ("p1", "2026-12-07", "2026-12-13", None),
        ("p1", "2026-12-14", "2026-12-20", None),
        ("p2", "2026-12-16", "2026-12-16", None),
    )
    cells = _cells(doc, D(2026, 11, 30), D(2026, 12, 20))
    assert cells == {D(2026, 11, 30): COVERED, D(2026, 12, 7): DEPUTY, D(2026, 12, 14): GAP}


def test_week_cells_show_an_account_that_ended_as_inactive() -> None:
    cells = _cells(_doc(ends="2026-12-04"), D(2026, 11, 30), D(2026, 12, 13))
    assert cells == {D(2026, 11, 30): COVERED, D(2026, 12, 7): INACTIVE}


def test_a_gap_only_on_a_holiday_is_no_gap() -> None:
    # Both away on Independence Day 2027 (a Monday) only.
    doc = _doc(("p1", "2027-12-06", "2027-12-06", None), ("p2", "2027-12-06", "2027-12-06", None))
    assert _cells(doc, D(2027, 12, 6), D(2027, 12, 12)) == {D(2027, 12, 6): COVERED}


def test_cadence_short_in_the_grid_matches_the_rule() -> None:
    ws = workspace_of(_doc())
    start, end = D(2026, 11, 30), D(2026, 12, 13)
    cells = week_cells(ws, ws.accounts[ACCOUNT], start, end, {})
    assert [(c.posts, c.short) for c in cells] == [(1, False), (0, True)]


people = st.sampled_from(["p1", "p2", "a1", "e1"])
days = st.dates(D(2026, 12, 14), D(2027, 1, 17))


@st.composite
def absences(draw: st.DrawFn) -> tuple[str, str, str, str | None]:
    first, last = sorted((draw(days), draw(days)))
    deputy = draw(st.one_of(st.none(), people))
    return draw(people), first.isoformat(), last.isoformat(), deputy


@settings(max_examples=60, deadline=None)
@given(st.lists(absences(), max_size=5), days, days)
def test_coverage_report_agrees_with_check_on_every_gap(
    found: list[tuple[str, str, str, str | None]], low: D, high: D
) -> None:
    start, end = widen_to_weeks(*sorted((low, high)))
    ws = workspace_of(_doc(*found, owners=["p1", "p2"], deputies=["e1"]))
    holidays = holiday_names(start, end)
    report = coverage_report(ws, ws.accounts.values(), start, end, holidays)
    findings = run_check(Context(ws, NOW, start, end, holidays)).findings
    by_check = sorted((f.account, f.date, f.until) for f in findings if f.rule == "account.coverage")
    assert sorted((g.gap.account, g.gap.start, g.gap.end) for g in report) == by_check
    for gap in report:
        for candidate in gap.candidates:
            assert all(ws.is_present(candidate.person, d) for d in _days(gap.gap.start, gap.gap.end))
            assert candidate.person not in gap.gap.absent


def _days(start: D, end: D) -> list[D]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def test_gap_report_names_the_absences_behind_it() -> None:
    ws = workspace_of(
        _doc(("p1", "2026-12-07", "2026-12-11", None), ("p2", "2026-12-09", "2026-12-30", None))
    )
    start, end = D(2026, 12, 7), D(2026, 12, 13)
    [gap] = coverage_report(ws, ws.accounts.values(), start, end, holiday_names(start, end))
    assert gap.to_dict() == {
        "account": ACCOUNT,
        "from": "2026-12-09",
        "to": "2026-12-11",
        "absent": ["p1", "p2"],
        "candidates": ["a1", "a2"],
    }
    assert [a.id for a in gap.absences] == ["a-0001", "a-0002"]


# Retirement ----------------------------------------------------------------------------------------


def test_leftovers_list_roles_future_open_posts_and_deputy_duties() -> None:
    doc = _doc(("p1", "2026-12-20", "2026-12-24", "p2"))
    doc["posts"] += [
        {"id": "p-0002", "account": ACCOUNT, "publish_at": "2026-11-20T10:00", "text": "x", "owner": "p2"},
        {"id": "p-0003", "account": ACCOUNT, "publish_at": "2026-12-20T10:00", "text": "x", "owner": "p2"},
        {"id": "p-0004", "account": ACCOUNT, "publish_at": None, "text": "x", "owner": "p2"},
        {
            "id": "p-0005",
            "account": ACCOUNT,
            "publish_at": "2026-12-21T10:00",
            "text": "x",
            "owner": "p2",
            "status": "cancelled",
        },
    ]
    left = leftovers(workspace_of(doc), "p2", D(2026, 12, 1))
    assert left.roles == ((ACCOUNT, ("deputies",)),)
    assert [p.id for p in left.posts] == ["p-0003", "p-0004"]
    assert [a.id for a in left.deputy_for] == ["a-0001"]


def test_a_retired_person_is_away_from_the_day_they_leave() -> None:
    doc = _doc()
    doc["people"][2]["retired"] = "2026-12-10"
    ws = workspace_of(doc)
    assert ws.is_present("p1", D(2026, 12, 9)) and not ws.is_present("p1", D(2026, 12, 10))


# HR absence rows --------------------------------------------------------------------------------------


def test_rows_with_a_finnish_header_emails_and_finnish_dates() -> None:
    text = (
        "Sähköposti;Alkaa;Päättyy;Laji\n"
        "PEKKA@ylojarvi.fi;1.7.2027;26.7.2027;Vuosiloma\n"
        "p2;2027-07-20;2027-08-02;koulutus\n\n"
    )
    rows = parse_rows(text, workspace_of(base_doc()), "hr.csv")
    assert [(r.line, r.person, r.start, r.end, r.kind) for r in rows] == [
        (2, "p1", D(2027, 7, 1), D(2027, 7, 26), "vacation"),
        (3, "p2", D(2027, 7, 20), D(2027, 8, 2), "training"),
    ]


def test_rows_without_a_header_are_person_from_to_kind() -> None:
    rows = parse_rows("p1,2027-01-02,2027-01-03,sick\n", workspace_of(base_doc()), "hr.csv")
    assert [(r.person, r.kind, r.deputy) for r in rows] == [("p1", "sick", None)]


def test_every_bad_row_is_named_with_its_row_number() -> None:
    text = (
        "henkilö;alku;loppu;laji;sijainen\n"
        "p1;2027-07-01;2027-07-20;loma;p2\n"
        "ghost;2027-07-01;2027-07-20;loma;\n"
        "p2;2027-13-01;2027-07-20;loma;\n"
        "p2;2027-07-20;2027-07-01;loma;\n"
        "p1;2027-07-01;2027-07-02;party;\n"
        "p1;2027-07-01;2027-07-02;loma;p1\n"
    )
    with pytest.raises(RowErrors) as caught:
        parse_rows(text, workspace_of(base_doc()), "hr.csv")
    assert [line for line, _ in caught.value.errors] == [3, 4, 5, 6, 7]
    message = caught.value.render("fi")
    assert "5 riviä hylättiin" in message and "rivi 3: henkilö: tuntematon henkilö «ghost»" in message
    assert "rivi 7" in message and "oma sijaisensa" in message


def test_days_are_read_as_the_other_imports_read_them_and_a_bad_one_names_its_column() -> None:
    """The HR list had a day reader of its own: `31.2.2027` was said to be "no date of the form
    YYYY-MM-DD", though the list's own form was right and only the day did not exist, and under the
    planner's column name `to`, not the list's `Päättyy`."""
    text = "Henkilö;Alkaa;Päättyy\np1;14.6.;20.6.27\np2;1.2.2027;31.2.2027\n"
    with pytest.raises(RowErrors) as caught:
        parse_rows(text, workspace_of(base_doc()), "hr.csv")
    assert [line for line, _ in caught.value.errors] == [3]
    assert caught.value.render("fi").endswith(
        "rivi 3: Päättyy: «31.2.2027» ei ole päivä (esim. 14.6.2027, 14.6. tai 2027-06-14)."
    )
    (row,) = parse_rows(text.rsplit("\n", 2)[0] + "\n", workspace_of(base_doc()), "hr.csv")
    assert (row.start, row.end) == (D(2027, 6, 14), D(2027, 6, 20))  # `14.6.` the coming one


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_the_separator_is_the_one_the_first_line_uses(separator: str) -> None:
    text = separator.join(["p1", "2027-01-02", "2027-01-03", "sick"]) + "\n"
    (row,) = parse_rows(text, workspace_of(base_doc()), "hr.csv")
    assert (row.person, row.kind) == ("p1", "sick")


# Calendar helpers ----------------------------------------------------------------------------------


def test_summer_season_and_months() -> None:
    assert is_summer(D(2027, 5, 2)) and is_summer(D(2027, 9, 30))
    assert not is_summer(D(2027, 5, 1)) and not is_summer(D(2027, 10, 1))
    assert next_summer(D(2026, 11, 21)) == (D(2027, 5, 2), D(2027, 9, 30))
    assert next_summer(D(2027, 8, 1)) == (D(2027, 5, 2), D(2027, 9, 30))
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28) and add_months(D(2026, 11, 21), 6) == D(
        2027, 5, 21
    )


def test_finnish_sort_puts_a_with_dots_after_z() -> None:
    names = ["Öhman", "Aalto", "Ärväs", "Zetterberg", "Åberg"]
    assert sorted(names, key=finnish_key) == ["Aalto", "Zetterberg", "Åberg", "Ärväs", "Öhman"]


def test_finnish_sort_folds_other_accents_as_the_standard_does() -> None:
    names = [
        "Öhman",
        "Ærø",
        "Émile",
        "Eero",
        "Müller",
        "Myllys",
        "Mäki",
        "Šakki",
        "Saari",
        "Søren",
        "Zorn",
        "Ödön",
        "Õun",
        "Ostra",
    ]
    assert sorted(names, key=finnish_key) == [
        "Eero",
        "Émile",
        "Müller",
        "Myllys",
        "Mäki",
        "Ostra",
        "Õun",
        "Saari",
        "Šakki",
        "Søren",
        "Zorn",
        "Ærø",
        "Ödön",
        "Öhman",
    ]


def test_absence_from_dict_refuses_reversed_ranges_in_the_domain() -> None:
    with pytest.raises(Exception, match="before"):
        Absence.from_dict({"id": "x", "person": "p1", "from": "2027-01-02", "to": "2027-01-01"})


cells = st.one_of(
    st.sampled_from(
        ["p1", "pekka@ylojarvi.fi", "ghost", "2027-07-01", "1.7.2027", "31.2.2027", "loma", "", '"']
    ),
    st.text(max_size=12),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cells, max_size=6), max_size=6), st.sampled_from([";", ",", "\t"]))
def test_any_csv_gives_rows_or_one_planner_error(table: list[list[str]], separator: str) -> None:
    from planner.domain.errors import PlannerError

    text = "\n".join(separator.join(row) for row in table)
    try:
        rows = parse_rows(text, workspace_of(base_doc()), "hr.csv")
    except PlannerError as error:
        assert error.render("fi") and error.render("en")
    else:
        assert rows and all(
            r.start <= r.end and r.person in {"p1", "p2", "a1", "a2", "e1", "t1"} for r in rows
        )


def test_a_field_too_large_for_the_csv_module_is_one_message() -> None:
    from planner.domain.errors import DataError

    with pytest.raises(DataError, match="cannot be read"):
        parse_rows('p1;"' + "x" * 200_000 + '"\n', workspace_of(base_doc()), "hr.csv")


@pytest.mark.parametrize(
    ("module", "table", "said"),
    [
        ("post_rows", "KIND_WORDS", "post_kind"),
        ("absence_rows", "KIND_WORDS", "absence_kind"),
        ("feedback_rows", "KIND_WORDS", "feedback_kind"),
        ("account_rows", "STATUS_WORDS", "account_status"),
        ("person_rows", "ROLE_WORDS", "roles"),
    ],
)
def test_a_refused_choice_lists_words_the_sheet_takes_in_the_messages_language(
    module: str, table: str, said: str
) -> None:
    """A Finnish sheet's `juoru` as a post's kind was answered "choices: news, event, …", words the
    sheet's Finnish readers do not use. Each list names every choice, in order, by a word the
    sheet takes for it."""
    import importlib

    from planner.domain.errors import DataError
    from planner.domain.sheet import choice_of
    from planner.i18n import t

    known = getattr(importlib.import_module(f"planner.domain.{module}"), table)
    for lang in ("fi", "en"):
        words = t(f"sheet.choices.{said}", lang).split(", ")
        assert [choice_of(word, known, "kind", said) for word in words] == list(known), lang
    with pytest.raises(DataError) as caught:
        choice_of("juoru", known, "laji", f"sheet.choices.{said}")
    assert caught.value.render("fi").endswith(t(f"sheet.choices.{said}", "fi") + ".")
