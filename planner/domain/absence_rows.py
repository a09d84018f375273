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
from dataclasses import dataclass

from planner.domain.dates import parse_day, parse_period
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
                start, end = parse_period(cell("period"), "period", today)
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
