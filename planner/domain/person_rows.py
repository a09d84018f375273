"""The list of people a team keeps in a spreadsheet (name, e-mail, roles), row by row: each row the
person it names, by its id column, else by its e-mail among the people already known, else as the
slug of the name. A role cell left empty leaves a known person's roles as they are."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from planner.domain.errors import DataError, PlannerError
from planner.domain.fields import fold
from planner.domain.sheet import Columns, Rows, choice_of, each_row, split_list, words
from planner.domain.workspace import Workspace

HEADERS = {
    "id": words("id", "tunnus", "tunniste", "käyttäjätunnus", "person_id", "henkilön tunniste"),
    "name": words("name", "nimi", "henkilö", "koko nimi", "full name"),
    "email": words("email", "e-mail", "sähköposti", "sähköpostiosoite", "sahkoposti"),
    "roles": words("roles", "role", "roolit", "rooli", "oikeudet"),
}
NEEDED = ("name", "email")
ROLE_WORDS = {
    "admin": {"admin", "pääkäyttäjä", "ylläpitäjä", "pääkäyttäjät"},
    "producer": {"producer", "sisällöntuottaja", "tuottaja", "päivittäjä", "sisällöntuottajat"},
    "expert": {"expert", "asiantuntija", "asiantuntijat"},
    "auditor": {"auditor", "tarkastaja", "tarkastajat", "auditoija", "lukija"},
}


@dataclass(frozen=True)
class PersonRow:
    line: int
    person_id: str
    name: str
    email: str
    roles: tuple[str, ...] | None  # None: the cell was empty (a known person keeps theirs)


def _roles(value: str) -> tuple[str, ...]:
    found = []
    for part in (word for item in split_list(value) for word in item.split("/")):  # no role holds `/`
        found.append(choice_of(part, ROLE_WORDS, "roles", "sheet.choices.roles"))
    return tuple(dict.fromkeys(found))


def emails_of(ws: Workspace) -> dict[str, str]:
    """Each known person's id by their e-mail as compared (case set aside)."""
    return {fold(p.email): p.id for p in ws.people.values() if p.email}


def _person_id(known: Mapping[str, str], given: str, name: str, email: str) -> str:
    """The id a row names: its own, else the known person with its e-mail, else its name's slug."""
    if given:
        return given
    if fold(email) in known:
        return known[fold(email)]
    from slugify import slugify

    return slugify(name, max_length=80)


def _row(ws: Workspace, known: Mapping[str, str], cols: Columns, line: int, cells: list[str]) -> PersonRow:
    name, email = cols.cell(cells, "name"), cols.cell(cells, "email")
    for field, value in (("name", name), ("email", email)):
        if not value:
            raise DataError("err.missing_field", field=field)
    person_id = _person_id(known, cols.cell(cells, "id"), name, email)
    roles = _roles(cols.cell(cells, "roles")) if cols.cell(cells, "roles") else None
    if roles is None and person_id not in ws.people:
        raise DataError("err.missing_field", field="roles")  # a new person is given a role
    return PersonRow(line, person_id, name, email, roles)


def parse_rows(
    rows: Rows, ws: Workspace, file: str
) -> tuple[list[PersonRow], tuple[str, ...], list[tuple[int, PlannerError]]]:
    """The data rows read as PersonRows, the header's columns that were skipped, and each row that
    could not be read with why (a person or an e-mail twice in the file among them): the caller
    names them together with the rows its own checks refuse, and imports nothing then."""
    known = emails_of(ws)
    line_of_id: dict[str, int] = {}
    line_of_email: dict[str, int] = {}

    def read(cols: Columns, line: int, cells: list[str]) -> PersonRow:
        row = _row(ws, known, cols, line, cells)
        if row.person_id in line_of_id:
            raise DataError("err.person_twice", value=row.person_id, line=line_of_id[row.person_id])
        if fold(row.email) in line_of_email:
            raise DataError("err.person_twice", value=row.email, line=line_of_email[fold(row.email)])
        line_of_id[row.person_id], line_of_email[fold(row.email)] = line, line
        return row

    return each_row(rows, HEADERS, NEEDED, file, read)
