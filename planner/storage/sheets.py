"""Spreadsheets a team keeps today, read as rows of text: the first sheet of an `.xlsx` (openpyxl,
read-only, values not formulas) or a CSV in UTF-8, UTF-8 with BOM or Windows-1252 (what a Finnish
Excel saves by default). Dates and times typed as such in Excel arrive as ISO text, so the rules
that read a row see one kind of value whatever the file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path, PurePosixPath

from planner.domain.errors import DataError
from planner.domain.sheet import csv_rows
from planner.storage.files import read_regular

MAX_SHEET_BYTES = 64 * 1024 * 1024
MAX_ROWS = 100_000  # a register or a year's plan is hundreds of rows; more is not such a file
# Columns of a sheet read: a team's list has a dozen. A cell far to the right (column XFD) made
# every row 16,384 cells wide, and a 470 KB file took minutes; what lies past this is not read.
MAX_COLUMNS = 100
XLSX_MAGIC = b"PK\x03\x04"


# Spreadsheets of other programs, which openpyxl does not read: said by name, with what to save instead
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an .xls: Excel 97-2003's compound file
OPENDOCUMENT = b"mimetypeapplication/vnd.oasis.opendocument"  # an .ods: the ZIP's first member, stored


def _refuse_other_spreadsheets(data: bytes, path: Path) -> None:
    if data.startswith(OLD_EXCEL_MAGIC):
        raise DataError("err.sheet_old_excel", file=path.name)
    if data.startswith(XLSX_MAGIC) and OPENDOCUMENT in data[:120]:
        raise DataError("err.sheet_opendocument", file=path.name)


def decode_csv(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data):
        try:  # what some platforms' exports (and Excel's "Unicode text") are written in
            return data.decode("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le")
        except UnicodeDecodeError:
            raise DataError("err.csv_encoding", file=str(path)) from None
    if b"\x00" in data:
        raise DataError("err.csv_binary", file=str(path))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError("err.csv_encoding", file=str(path))


def _utf16_without_bom(data: bytes) -> bool:
    """Text of ASCII letters written as UTF-16 little-endian: every second byte of its start is 0."""
    head = data[:200]
    return len(head) >= 4 and head[1::2].count(0) == len(head[1::2]) and 0 not in head[0::2][:2]


Table = tuple[str, list[tuple[int, list[str]]]]  # a sheet's (or a file's) name and its rows
MAX_MEMBERS = 20  # files in an export's ZIP (YouTube Studio's holds three)
MAX_RATIO = 200  # a member unpacking to more than this many times its packed size is a ZIP bomb


def read_tables(path: Path) -> list[Table]:
    """Every table an export file holds: a CSV's rows; each sheet of an `.xlsx`; each CSV inside a
    ZIP (YouTube Studio's download). A ZIP is read in memory, never unpacked to the disk; one
    whose members name paths leaving it, or that unpacks to more than a sheet may hold, is
    refused before anything is read from it."""
    data = read_regular(path, limit=MAX_SHEET_BYTES)
    assert data is not None
    _refuse_other_spreadsheets(data, path)
    if not data.startswith(XLSX_MAGIC):
        return [(path.name, _limited(list(csv_rows(decode_csv(data, path), path.name)), path))]
    members = _zip_members(data, path)
    if any(name.endswith(".xml") for name in members) or path.suffix.casefold() in (".xlsx", ".xlsm"):
        return _xlsx_tables(data, path)
    tables = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in members:
            if name.casefold().endswith(".csv"):
                raw = archive.read(name)
                rows = list(csv_rows(decode_csv(raw, Path(name)), name))
                tables.append((PurePosixPath(name).name, _limited(rows, path)))
    if not tables:
        raise DataError("err.export_unknown", file=path.name)
    return tables


def _zip_members(data: bytes, path: Path) -> list[str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DataError("err.zip_broken", file=path.name) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS * 50:
            raise DataError("err.zip_too_many", file=path.name)
        total = 0
        for info in infos:
            name = info.filename
            if (
                name.startswith(("/", "\\"))
                or ".." in PurePosixPath(name.replace("\\", "/")).parts
                or ":" in name
            ):
                raise DataError("err.zip_path", file=path.name, name=name)
            total += info.file_size
            if total > MAX_SHEET_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
                raise DataError("err.zip_bomb", file=path.name)
        return [info.filename for info in infos if not info.is_dir()]


def _limited(rows: list[tuple[int, list[str]]], path: Path) -> list[tuple[int, list[str]]]:
    if len(rows) > MAX_ROWS:
        raise DataError("err.sheet_too_long", file=path.name, limit=MAX_ROWS)
    return rows


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The non-empty rows of a spreadsheet with the numbers its program shows them under."""
    data = read_regular(path, limit=MAX_SHEET_BYTES)  # a FIFO or a device is refused, not waited on
    assert data is not None
    _refuse_other_spreadsheets(data, path)
    if data.startswith(XLSX_MAGIC) or path.suffix.casefold() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(data, path)
    else:
        rows = list(csv_rows(decode_csv(data, path), path.name))
    if len(rows) > MAX_ROWS:
        raise DataError("err.sheet_too_long", file=path.name, limit=MAX_ROWS)
    return rows


def _xlsx_rows(data: bytes, path: Path) -> list[tuple[int, list[str]]]:
    return _xlsx_tables(data, path, first_only=True)[0][1]


def _xlsx_tables(data: bytes, path: Path, first_only: bool = False) -> list[Table]:
    from openpyxl import load_workbook

    _zip_members(data, path)  # an .xlsx is a ZIP: no bomb, no path leaving it
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):  # a ZIP, but no workbook in it
        raise DataError("err.zip_broken", file=path.name) from None
    except Exception:  # openpyxl's own errors (InvalidFileException and XML parse errors)
        raise DataError("err.sheet_broken", file=path.name, reason_key="reason.workbook_broken") from None
    try:
        if not book.worksheets:
            raise DataError("err.csv_empty", file=path.name)
        tables: list[Table] = []
        for sheet in book.worksheets[:1] if first_only else book.worksheets[:MAX_MEMBERS]:
            rows: list[tuple[int, list[str]]] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
                cells = [_text(v) for v in values]
                if any(c.strip() for c in cells):
                    rows.append((number, cells))
                    if len(rows) > MAX_ROWS:
                        break
            tables.append((str(sheet.title), rows))
        return tables
    except DataError:
        raise
    except Exception:  # a sheet that opens but whose XML breaks while it is read
        raise DataError("err.sheet_broken", file=path.name, reason_key="reason.workbook_broken") from None
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
