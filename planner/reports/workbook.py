"""The checklist as an Excel workbook: one sheet per section, each with a header row, a filter
and frozen panes. The posts sheet has one row per post and one column per rule, so a filter on a
rule's column lists the posts that fail it (and a year of a city stays a sheet Excel opens
quickly). Text is always stored as text, so a post titled "=1+1" is never a formula."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from planner.i18n import t
from planner.reports.checklist import COLUMNS, POST_FACTS, SECTIONS, Checklist
from planner.reports.documents import heading_lines

DATE_COLUMNS = ("monday", "from", "until")
TIME_COLUMNS = ("publish_at", "ready_at")
WORDS = {"status": "status", "result": "doc.result", "severity": "doc.severity"}
MAX_WIDTH = 60


def _value(column: str, value: Any, lang: str) -> Any:
    """A cell's value: dates and times as Excel dates, codes in the reader's language."""
    if value in ("", None):
        return None
    if column in TIME_COLUMNS:
        return dt.datetime.fromisoformat(value)
    if column in DATE_COLUMNS:
        return dt.date.fromisoformat(value)
    if column in WORDS:
        return t(f"{WORDS[column]}.{value}", lang)
    if column == "blocking":
        return t("doc.yes" if value else "doc.no", lang)
    if column == "metric":
        return t(f"doc.metric.{value}", lang)
    return value


def _posts_wide(checklist: Checklist, lang: str) -> tuple[list[str], list[list[Any]]]:
    """One row per post: its facts, each rule's result, the findings and the evidence."""
    rules: list[str] = list(dict.fromkeys(row["rule"] for row in checklist.sections["posts"]))
    header = [t(f"doc.col.{c}", lang) for c in POST_FACTS] + [f"✓ {t(f'{r}.title', lang)}" for r in rules]
    header += [t("doc.col.message", lang), t("doc.col.evidence", lang)]
    rows = []
    for checks in checklist.checks_by_post().values():
        first, results = checks[0], {row["rule"]: row for row in checks}
        values = [_value(c, first[c], lang) for c in POST_FACTS]
        values += [_value("result", results[r]["result"], lang) if r in results else None for r in rules]
        findings = " | ".join(f"{row['rule']}: {row['message']}" for row in checks if row["message"])
        evidence = " | ".join(f"{row['rule']}: {row['evidence']}" for row in checks if row["evidence"])
        rows.append([*values, findings or None, evidence or None])
    return header, rows


def _sheets(checklist: Checklist, lang: str) -> list[tuple[str, list[str], list[list[Any]]]]:
    sheets = []
    for section in SECTIONS:
        if section == "posts":
            header, rows = _posts_wide(checklist, lang)
        else:
            columns = COLUMNS[section]
            header = [t(f"doc.col.{c}", lang) for c in columns]
            rows = [[_value(c, row.get(c), lang) for c in columns] for row in checklist.sections[section]]
        sheets.append((t(f"doc.sheet.{section}", lang), header, rows))
    return sheets


def checklist_workbook(checklist: Checklist, lang: str) -> bytes:
    """Written in openpyxl's streaming mode, so a year of a city's posts stays quick and small."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    book.properties.creator = checklist.generated_by or "Somekalenteri"
    book.properties.title = t("doc.title", lang, org=checklist.organization or "-")
    book.properties.created = dt.datetime.fromisoformat(checklist.generated_at)
    bold = Font(bold=True)
    for number, (title, header, rows) in enumerate(_sheets(checklist, lang)):
        sheet = book.create_sheet(title)
        for index, column in enumerate(zip(header, *rows, strict=True), start=1):
            width = max(len(str(v)) if v is not None else 0 for v in column)
            sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, width) + 2
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        sheet.append([_cell(sheet, WriteOnlyCell, name, bold) for name in header])
        for values in rows:  # plain values where they need nothing: a cell object costs time
            sheet.append([_cell(sheet, WriteOnlyCell, v) if _special(v) else v for v in values])
        if number == 0:  # the summary: what the workbook is, below the figures and outside the filter
            sheet.append([])
            for line in heading_lines(checklist, lang):
                sheet.append([_cell(sheet, WriteOnlyCell, line)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _special(value: Any) -> bool:
    """Values that need a cell of their own: dates (a number format) and text that would be
    read as a formula."""
    return isinstance(value, dt.date) or (isinstance(value, str) and value.startswith("="))


def _cell(sheet: Any, make: Any, value: Any, font: Any = None) -> Any:
    cell = make(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    elif isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    if font is not None:
        cell.font = font
    return cell
