"""Absences from an HR spreadsheet saved as CSV: person id or e-mail, from, to, kind (and deputy).

Accepts what Finnish spreadsheets write: `;`, `,` or tab separators, a header row in Finnish or English
(or none: the columns are then taken in that order), ISO dates or `1.7.2027`, and kinds in either
language (`loma`, `sairaus`, `koulutus`, `muu`). Every bad row is reported with its row number; one
bad row refuses the whole file.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from planner.domain.errors import DataError, PlannerError
from planner.domain.fields import fold, nfc, parse_date
from planner.domain.model import ABSENCE_KINDS, Person
from planner.domain.workspace import Workspace

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
}
KIND_WORDS = {
    "vacation": {"vacation", "holiday", "loma", "vuosiloma", "kesäloma", "talviloma", "lomat"},
    "sick": {"sick", "sickness", "sairaus", "sairausloma", "sairas"},
    "training": {"training", "koulutus", "kurssi"},
    "other": {"other", "muu", "vapaa", "virkavapaa", "työloma"},
}
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$")


@dataclass(frozen=True)
class AbsenceRow:
    line: int
    person: str
    start: dt.date
    end: dt.date
    kind: str
    deputy: str | None


class RowErrors(DataError):
    """Several rows refused at once: one heading line, then one line per row."""

    def __init__(self, file: str, errors: list[tuple[int, PlannerError]]) -> None:
        super().__init__("err.csv_rows", file=file, count=len(errors))
        self.errors = errors

    def render(self, lang: str) -> str:
        from planner.i18n import t

        lines = [super().render(lang)]
        lines += [t("err.csv_row", lang, line=line, reason=error.render(lang)) for line, error in self.errors]
        return "\n  ".join(lines)


def sniff_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(";,\t", key=first.count) if any(c in first for c in ";,\t") else ";"


def parse_day(value: str, field: str) -> dt.date:
    match = _FINNISH_DATE.match(value.strip())
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise DataError("err.bad_date", field=field, value=value) from None
    return parse_date(value.strip(), field)


def parse_kind(value: str) -> str:
    word = fold(value.strip())
    if not word:
        return "vacation"
    for kind, words in KIND_WORDS.items():
        if word in words:
            return kind
    raise DataError("err.bad_choice", field="kind", value=value, choices=", ".join(ABSENCE_KINDS))


def find_person(ws: Workspace, value: str, field: str) -> Person:
    """A person by id, or by e-mail (case does not matter)."""
    key = nfc(value.strip())
    if key in ws.people:
        return ws.people[key]
    by_email = {fold(p.email): p for p in ws.people.values() if p.email}
    found = by_email.get(fold(key))
    if found is None:
        raise DataError("err.unknown_ref", field=field, kind="person", value=key)
    return found


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column positions named by a header row, or None when the row is data."""
    named = {}
    for index, cell in enumerate(cells):
        word = fold(cell.strip()).replace(" ", "_")
        for column, words in HEADERS.items():
            if word in words and column not in named:
                named[column] = index
    if "person" in named and "from" in named and "to" in named:
        return named
    return None


def _rows(text: str, file: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(text.splitlines(), delimiter=sniff_delimiter(text))
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield reader.line_num, cells
    except csv.Error as exc:  # e.g. a field over the csv module's size limit
        raise DataError("err.csv_broken", file=file, line=reader.line_num, reason=str(exc)) from None


def parse_rows(text: str, ws: Workspace, file: str) -> list[AbsenceRow]:
    """Every data row as an absence, or RowErrors naming each bad row (nothing half-read)."""
    positions = {column: index for index, column in enumerate(COLUMNS)}
    rows: list[AbsenceRow] = []
    errors: list[tuple[int, PlannerError]] = []
    for count, (line, cells) in enumerate(_rows(nfc(text), file)):
        if count == 0:
            named = _header(cells)
            if named is not None:
                positions = named
                continue
            if len(cells) < 3:  # neither a header nor a row of person, from and to: not such a list
                raise DataError("err.csv_not_list", file=file)

        def cell(column: str, cells: list[str] = cells, positions: dict[str, int] = positions) -> str:
            index = positions.get(column)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        try:
            if not cell("person"):
                raise DataError("err.missing_field", field="person")
            person = find_person(ws, cell("person"), "person")
            start = parse_day(cell("from"), "from") if cell("from") else None
            end = parse_day(cell("to"), "to") if cell("to") else None
            if start is None or end is None:
                raise DataError("err.missing_field", field="from" if start is None else "to")
            if end < start:
                raise DataError("err.range_reversed", start=start, end=end)
            deputy = find_person(ws, cell("deputy"), "deputy").id if cell("deputy") else None
            if deputy == person.id:
                raise DataError("err.self_deputy", person=person.id)
            rows.append(AbsenceRow(line, person.id, start, end, parse_kind(cell("kind")), deputy))
        except PlannerError as error:
            errors.append((line, error))
    if errors:
        raise RowErrors(file, errors)
    if not rows:
        raise DataError("err.csv_empty", file=file)
    return rows
