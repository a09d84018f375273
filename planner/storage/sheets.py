"""Spreadsheets a team keeps today, read as rows of text: the first sheet of an `.xlsx` (openpyxl,
read-only, values not formulas) or a CSV in UTF-8, UTF-8 with BOM or Windows-1252 (what a Finnish
Excel saves by default). Dates and times typed as such in Excel arrive as ISO text, so the rules
that read a row see one kind of value whatever the file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from planner.domain.errors import DataError
from planner.domain.sheet import csv_rows
from planner.storage.files import read_regular

MAX_SHEET_BYTES = 64 * 1024 * 1024
MAX_ROWS = 100_000  # a register or a year's plan is hundreds of rows; more is not such a file
# Columns of a sheet read: a team's list has a dozen. A cell far to the right (column XFD) made
# every row 16,384 cells wide, and a 470 KB file took minutes; what lies past this is not read.
MAX_COLUMNS = 100
XLSX_MAGIC = b"PK\x03\x04"


def read_text(path: Path) -> str:
    """A CSV file's text: UTF-8 (with or without BOM), else Windows-1252."""
    data = read_regular(path, limit=MAX_SHEET_BYTES)  # a FIFO or a device is refused, not waited on
    assert data is not None
    return decode_csv(data, path)


def decode_csv(data: bytes, path: Path) -> str:
    if b"\x00" in data:
        raise DataError("err.csv_binary", file=str(path))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError("err.csv_encoding", file=str(path))


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The non-empty rows of a spreadsheet with the numbers its program shows them under."""
    data = read_regular(path, limit=MAX_SHEET_BYTES)
    assert data is not None
    if data.startswith(XLSX_MAGIC) or path.suffix.casefold() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(data, path)
    else:
        rows = list(csv_rows(decode_csv(data, path), path.name))
    if len(rows) > MAX_ROWS:
        raise DataError("err.sheet_too_long", file=path.name, limit=MAX_ROWS)
    return rows


def _xlsx_rows(data: bytes, path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise DataError("err.sheet_broken", file=path.name, reason=type(exc).__name__) from None
    except Exception as exc:  # openpyxl's own errors (InvalidFileException and XML parse errors)
        raise DataError("err.sheet_broken", file=path.name, reason=type(exc).__name__) from None
    try:
        if not book.worksheets:
            raise DataError("err.csv_empty", file=path.name)
        sheet = book.worksheets[0]
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            cells = [_text(v) for v in values]
            if any(c.strip() for c in cells):
                rows.append((number, cells))
                if len(rows) > MAX_ROWS:
                    break
        return rows
    except DataError:
        raise
    except Exception as exc:  # a sheet that opens but whose XML breaks while it is read
        raise DataError("err.sheet_broken", file=path.name, reason=type(exc).__name__) from None
    finally:
        book.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
