"""The photo permissions (kuvausluvat) a team keeps in a spreadsheet, row by row: who was
photographed, for which accounts or platforms, whether a minor and with whose consent, whether in
writing, from when to when (two days, or one period `1.9.2026–31.8.2027`), and when withdrawn.
Names are personal data: a refused row is named by its number and its field, never by the name
in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.account_rows import flag
from planner.domain.dates import parse_day, parse_period
from planner.domain.errors import DataError, PlannerError
from planner.domain.fields import fold
from planner.domain.sheet import Columns, Rows, each_row, split_list, words

HEADERS = {
    "id": words("id", "tunnus", "tunniste", "luvan tunnus", "consent_id"),
    "subject": words("subject", "kuvattava", "henkilö", "nimi", "name", "kuvattu henkilö"),
    "scope": words("scope", "käyttö", "laajuus", "kanavat", "tilit", "channels", "accounts"),
    "minor": words("minor", "alaikäinen", "lapsi", "under 18"),
    "guardian": words("guardian", "huoltaja", "luvan antaja"),
    "written": words("written", "kirjallinen", "kirjallinen lupa"),
    "from": words("from", "valid_from", "voimassa alkaen", "alkaa", "alku", "päivämäärä"),
    "to": words("to", "valid_to", "voimassa asti", "päättyy", "loppu"),
    "withdrawn": words("withdrawn", "peruttu", "perumispäivä", "peruutettu"),
    "valid": words("valid", "voimassa", "voimassaolo", "period", "ajankohta"),  # `1.9.2026–31.8.2027`
}
NEEDED = ("subject", "scope")
DATES = ("from", "to", "withdrawn")
EVERYWHERE = {"*", "kaikki", "all", "kaikkialla", "everywhere"}


@dataclass(frozen=True)
class ConsentRow:
    line: int
    consent_id: str | None
    subject: str
    scope: tuple[str, ...]
    minor: bool
    guardian: str | None
    written: bool
    valid_from: dt.date | None  # None: not given (a new record is valid from the day it is imported)
    valid_to: dt.date | None
    withdrawn: dt.date | None

    def same_terms(self) -> tuple[object, ...]:
        """What makes a row the record of a consent already in the register (without an id)."""
        return terms(self.subject, self.scope, self.minor, self.guardian)


def terms(subject: str, scope: tuple[str, ...], minor: bool, guardian: str | None) -> tuple[object, ...]:
    """A consent's person and terms as compared: case and the order of the scope set aside."""
    return fold(subject), frozenset(fold(s) for s in scope), minor, fold(guardian or "")


def _row(cols: Columns, line: int, cells: list[str], today: dt.date) -> ConsentRow:
    def cell(name: str) -> str:
        return cols.cell(cells, name)

    if not cell("subject"):
        raise DataError("err.subject_missing")
    scope = tuple("*" if fold(s) in EVERYWHERE else s for s in split_list(cell("scope")))
    if not scope:
        raise DataError("err.scope_missing")
    days = {name: parse_day(cell(name), name, today) if cell(name) else None for name in DATES}
    if cell("valid"):  # one cell for both days, as a consent form writes them
        days["from"], days["to"] = parse_period(cell("valid"), "valid", today)
    if days["from"] and days["to"] and days["to"] < days["from"]:
        raise DataError("err.valid_reversed", start=days["from"], end=days["to"])
    return ConsentRow(
        line,
        cell("id") or None,
        cell("subject"),
        scope,
        flag(cell("minor"), "minor") if cell("minor") else False,
        cell("guardian") or None,
        flag(cell("written"), "written") if cell("written") else True,
        days["from"],
        days["to"],
        days["withdrawn"],
    )


def parse_rows(
    rows: Rows, file: str, today: dt.date
) -> tuple[list[ConsentRow], tuple[str, ...], list[tuple[int, PlannerError]]]:
    """The data rows read as ConsentRows, the header's columns that were skipped, and each row that
    could not be read with why (the same id, or the same person and terms, twice in the file among
    them): the caller names them with those its own checks refuse, and imports nothing then."""
    first_line: dict[object, int] = {}

    def read(cols: Columns, line: int, cells: list[str]) -> ConsentRow:
        row = _row(cols, line, cells, today)
        key = row.consent_id or row.same_terms()
        if key in first_line:
            raise DataError("err.consent_row_twice", line=first_line[key])
        first_line[key] = line
        return row

    return each_row(rows, HEADERS, NEEDED, file, read)
