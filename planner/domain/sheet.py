"""Reading a team's own spreadsheet, whatever its language: a header row naming the columns in
Finnish or English (case, surrounding spaces and word separators ignored), columns in any order,
unknown columns skipped and named. Pure: the rows arrive as lists of text, each with its number."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from planner.domain.errors import DataError, PlannerError, unknown_ref
from planner.domain.fields import fold, nfc
from planner.domain.model import Person
from planner.domain.workspace import Workspace

Rows = Sequence[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)
T = TypeVar("T")


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


def header_word(cell: str) -> str:
    """`Kirjautumis osoite `, `login-email` and `LOGIN_EMAIL` alike: folded, separators as `_`."""
    word = fold(nfc(cell).strip())
    for separator in (" ", "-", "."):
        word = word.replace(separator, "_")
    return word


def choice_of(value: str, known: Mapping[str, Collection[str]], field: str, said: str) -> str:
    """The choice a cell names by any of its words in `known` (Finnish or English); refused with
    the choices as a sheet in the message's language writes them (`said`: the catalogue entry that
    lists them): a Finnish team is told `uutinen`, not the stored `news`."""
    word = fold(value)
    for choice, words in known.items():
        if word in words:
            return choice
    raise DataError("err.bad_choice", field=field, value=value, choices_key=said)


def named_as_written(error: PlannerError, written: Mapping[str, str]) -> PlannerError:
    """`error` naming the column it is about as the sheet's header does (`Aika`, not `time`);
    `written` maps each column's name to its header cell."""
    field = error.params.get("field")
    if isinstance(field, str) and field in written:
        error.params["field"] = written[field]
    return error


@dataclass(frozen=True)
class Columns:
    positions: Mapping[str, int]  # column name -> its index in a row
    skipped: tuple[str, ...]  # header cells that name no known column, as written
    written: Mapping[str, str]  # column name -> its header cell, as written

    def cell(self, cells: list[str], column: str) -> str:
        index = self.positions.get(column)
        return nfc(cells[index]).strip() if index is not None and index < len(cells) else ""


def columns(
    cells: list[str], headers: Mapping[str, frozenset[str]], needed: Sequence[str], file: str
) -> Columns:
    """The columns a header row names; a header without every needed column is refused naming them."""
    positions: dict[str, int] = {}
    skipped: list[str] = []
    written: dict[str, str] = {}
    for index, cell in enumerate(cells):
        word = header_word(cell)
        if not word:
            continue
        column = next((name for name, words in headers.items() if word in words), None)
        if column is None or column in positions:
            skipped.append(nfc(cell).strip())
        else:
            positions[column] = index
            written[column] = nfc(cell).strip()
    missing = [name for name in needed if name not in positions]
    if missing:
        raise DataError("err.sheet_header", file=file, columns=", ".join(missing))
    return Columns(positions, tuple(skipped), written)


def each_row(
    rows: Rows,
    headers: Mapping[str, frozenset[str]],
    needed: Sequence[str],
    file: str,
    read: Callable[[Columns, int, list[str]], T],
) -> tuple[list[T], tuple[str, ...], list[tuple[int, PlannerError]]]:
    """The data rows of a sheet whose header row names its columns, each read by `read` (with the
    columns, its number and its cells), the header's cells that were skipped, and each row `read`
    refused with why: the caller names those together with the rows its own checks refuse."""
    if not rows:
        raise DataError("err.csv_empty", file=file)
    cols = columns(rows[0][1], headers, needed, file)
    found: list[T] = []
    errors: list[tuple[int, PlannerError]] = []
    for line, cells in rows[1:]:
        try:
            found.append(read(cols, line, cells))
        except PlannerError as error:
            errors.append((line, named_as_written(error, cols.written)))
    if not found and not errors:
        raise DataError("err.csv_empty", file=file)
    return found, cols.skipped, errors


def csv_rows(text: str, file: str) -> Iterator[tuple[int, list[str]]]:
    """The non-empty rows of a CSV (`;`, `,` or tab, as its first line shows), each with its number
    as a spreadsheet counts rows. A quoted cell keeps its line breaks (a post of two paragraphs):
    the reader is given the text itself, not its lines one by one."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count) if any(c in first for c in ";,\t") else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if any(c.strip() for c in cells):
                yield number, [cell.replace("\r\n", "\n") for cell in cells]
    except csv.Error as exc:  # the one a sheet meets is a cell over the csv module's size limit
        reason: dict[str, str] = (
            {"reason_key": "reason.cell_too_long", "limit": str(csv.field_size_limit())}
            if "field limit" in str(exc)
            else {"reason_key": "reason.not_readable_text"}
        )
        raise DataError("err.csv_broken", file=file, line=number + 1, **reason) from None


# What a spreadsheet would run as a formula when a cell starts with it (OWASP's list): a sheet the
# planner writes puts `'` before such text, and reading a sheet back takes the mark off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_marked(text: str) -> str:
    """`text` as a cell: marked when it would run as a formula (a lone `-`, the sheets' "none",
    runs nothing), and when it only looks marked (`'-`), so that reading it back takes off the
    planner's mark and no more."""
    return "'" + text if text != "-" and _RUNS_OR_LOOKS_MARKED.match(text) else text


def formula_unmarked(text: str) -> str:
    """A cell read back: the one mark taken off (a person's own, typed before a formula-like text
    to keep it text, as well)."""
    return text[1:] if _MARKED.match(text) else text


_FIRST = "".join(re.escape(start) for start in FORMULA_STARTS)
_RUNS_OR_LOOKS_MARKED = re.compile(f"'*[{_FIRST}]")
_MARKED = re.compile(f"'+[{_FIRST}]")


# Between two values of a cell: `,`, `;`, a line break, or a word or sign between spaces (`aino ja
# eero`, `a@x.fi / b@x.fi`): an id holds no space, so the spaced forms never cut one in two
_LIST_SEPARATOR = re.compile(r"[,;\n]|\s+(?:ja|and|&|/|\+)\s+", re.IGNORECASE)


def split_list(value: str) -> tuple[str, ...]:
    """`aino, eero`, `aino; eero`, `aino ja eero` (or one per line in the cell): the values, in
    order, once each."""
    parts = _LIST_SEPARATOR.split(value)
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


def words(*values: str) -> frozenset[str]:
    """Header words as header_word folds them."""
    return frozenset(header_word(v) for v in values)


def find_person(ws: Workspace, value: str, field: str) -> Person:
    """A person by id, or by e-mail (case does not matter)."""
    key = nfc(value.strip())
    if key in ws.people:
        return ws.people[key]
    by_email = {fold(p.email): p for p in ws.people.values() if p.email}
    found = by_email.get(fold(key))
    if found is None:
        raise unknown_ref(field, "person", key)
    return found
