"""Absences from an HR spreadsheet (a workbook, or a CSV as the other imports read it): person id or
e-mail, from and to (or one period, `1.7.–25.7.2027`, as a holiday list writes it), kind (and
deputy).

Accepts what Finnish spreadsheets write: a header row in Finnish or English (or none: the columns
are then taken in that order), ISO dates or `1.7.2027`, and kinds in either language (`loma`,
`sairaus`, `koulutus`, `muu`). Every bad row is reported with its row number; one bad row refuses
the whole file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from planner.domain.dates import parse_day
from planner.domain.errors import DataError, PlannerError
from planner.domain.fields import fold, nfc
from planner.domain.sheet import RowErrors, Rows, choice_of, find_person, named_as_written
from planner.domain.workspace import Workspace

__all__ = ["AbsenceRow", "RowErrors", "parse_rows"]

COLUMNS = ("person", "from", "to", "kind", "deputy")
HEADERS = {
    "person": {
        "person",
        "person_id",
        "id",
        "henkilö",
        "henkilo",
        "tunnus",
        "työntekijä",
        "email",
        "e-mail",
        "sähköposti",
        "sahkoposti",
    },
    "from": {"from", "start", "alku", "alkaa", "alkupäivä", "alkupvm", "mistä"},
    "to": {"to", "end", "loppu", "päättyy", "loppupäivä", "loppupvm", "mihin"},
    "kind": {"kind", "type", "laji", "tyyppi", "poissaolo", "syy"},
    "deputy": {"deputy", "sijainen", "sijaisena"},
    "period": {"period", "dates", "ajankohta", "jakso", "loma-aika", "loma_aika", "aikaväli", "ajalla"},
}
# Where a period's two days part: a dash, or a hyphen (between spaces when ISO days hold hyphens)
_PERIOD_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")
_DAY_ONLY = re.compile(r"(\d{1,2})\.")  # `1.` of `1.–25.7.2027`
TURN_OF_YEAR_DAYS = 92  # a period over the turn of the year written without its first year
_DAY_AND_MONTH = re.compile(r"(\d{1,2})\.(\d{1,2})\.?")  # `1.7.` of `1.7.–25.7.2027`
KIND_WORDS = {
    "vacation": {"vacation", "holiday", "loma", "vuosiloma", "kesäloma", "talviloma", "lomat"},
    "sick": {"sick", "sickness", "sairaus", "sairausloma", "sairas"},
    "training": {"training", "koulutus", "kurssi"},
    "other": {"other", "muu", "vapaa", "virkavapaa", "työloma"},
}


@dataclass(frozen=True)
class AbsenceRow:
    line: int
    person: str
    start: dt.date
    end: dt.date
    kind: str
    deputy: str | None


def parse_kind(value: str) -> str:
    if not value.strip():
        return "vacation"
    return choice_of(value.strip(), KIND_WORDS, "kind", "sheet.choices.absence_kind")


def parse_period(value: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """A period as a holiday list writes it: `1.7.–25.7.2027`, `1.–25.7.2027`, `28.12.2026 –
    3.1.2027`, `1.7.2027-25.7.2027` or `2027-07-01 – 2027-07-25`; the first day takes the month
    and year the last one has when it leaves them out (the year before over the turn of a year:
    `28.12.–3.1.2027`; `25.7.–1.7.2027` stays reversed and is refused, not made a year long)."""
    parts = _PERIOD_DASH.split(value.strip())
    if len(parts) != 2 and "-" in value and not re.search(r"\d{4}-\d{2}-\d{2}", value):
        parts = value.strip().split("-")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise DataError("err.bad_period", field="period", value=value)
    first, last = (p.strip() for p in parts)
    end = parse_day(last, "period", today)
    day_only, day_and_month = _DAY_ONLY.fullmatch(first), _DAY_AND_MONTH.fullmatch(first)
    try:
        if day_only:
            start = end.replace(day=int(day_only.group(1)))
        elif day_and_month:
            day, month = int(day_and_month.group(1)), int(day_and_month.group(2))
            start = dt.date(end.year, month, day)
            earlier = dt.date(end.year - 1, month, day)  # over the turn of the year, not a year long
            start = earlier if start > end and (end - earlier).days <= TURN_OF_YEAR_DAYS else start
        else:
            start = parse_day(first, "period", today)
    except ValueError:  # a day the month has not
        raise DataError("err.bad_period", field="period", value=value) from None
    return start, end


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column positions named by a header row, or None when the row is data."""
    named = {}
    for index, cell in enumerate(cells):
        word = fold(cell.strip()).replace(" ", "_")
        for column, words in HEADERS.items():
            if word in words and column not in named:
                named[column] = index
    if "person" in named and ("from" in named and "to" in named or "period" in named):
        return named
    return None


def parse_rows(sheet: Rows, ws: Workspace, file: str, today: dt.date) -> list[AbsenceRow]:
    """Every data row as an absence, or RowErrors naming each bad row (nothing half-read); days as
    the other imports read them (`14.6.2027`, `2027-06-14`, `14.6.` the coming one from `today`)."""
    positions = {column: index for index, column in enumerate(COLUMNS)}
    rows: list[AbsenceRow] = []
    errors: list[tuple[int, PlannerError]] = []
    written: dict[str, str] = {}  # a list without a header names its columns as the planner does
    for count, (line, cells) in enumerate(sheet):
        if count == 0:
            named = _header(cells)
            if named is not None:
                positions = named
                written = {column: nfc(cells[index]).strip() for column, index in named.items()}
                continue
            if len(cells) < 3:  # neither a header nor a row of person, from and to: not such a list
                raise DataError("err.csv_not_list", file=file)

        def cell(column: str, cells: list[str] = cells, positions: dict[str, int] = positions) -> str:
            index = positions.get(column)
            return nfc(cells[index]).strip() if index is not None and index < len(cells) else ""

        try:
            if not cell("person"):
                raise DataError("err.missing_field", field="person")
            person = find_person(ws, cell("person"), "person")
            start: dt.date | None
            end: dt.date | None
            if cell("period"):
                start, end = parse_period(cell("period"), today)
            else:
                start = parse_day(cell("from"), "from", today) if cell("from") else None
                end = parse_day(cell("to"), "to", today) if cell("to") else None
            if start is None or end is None:
                raise DataError("err.missing_field", field="from" if start is None else "to")
            if end < start:
                raise DataError("err.range_reversed", start=start, end=end)
            deputy = find_person(ws, cell("deputy"), "deputy").id if cell("deputy") else None
            if deputy == person.id:
                raise DataError("err.self_deputy", person=person.id)
            rows.append(AbsenceRow(line, person.id, start, end, parse_kind(cell("kind")), deputy))
        except PlannerError as error:
            errors.append((line, named_as_written(error, written)))
    if errors:
        raise RowErrors(file, errors)
    if not rows:
        raise DataError("err.csv_empty", file=file)
    return rows
