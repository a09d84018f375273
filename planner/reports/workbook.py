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

DATE_COLUMNS = ("monday", "from", "until", "taken_down")
TIME_COLUMNS = ("publish_at", "ready_at", "approved_at", "published_at", "started_at", "ended_at")
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
    """Written with XlsxWriter, cell by cell (a year of a city's posts is some 15,000 rows, which
    openpyxl's streaming mode wrote several times slower). Empty cells are left out."""
    return workbook(
        _sheets(checklist, lang),
        title=t("doc.title", lang, org=checklist.organization or "-"),
        author=checklist.generated_by or "Somekalenteri",
        created=dt.datetime.fromisoformat(checklist.generated_at),
        notes=heading_lines(checklist, lang),
    )


Sheet = tuple[str, list[str], list[list[Any]]]  # its title, header row and rows


def workbook(sheets: list[Sheet], title: str, author: str, created: dt.datetime, notes: list[str]) -> bytes:
    """Sheets with a header row, a filter, frozen panes and widths to fit, printed A4 landscape as
    wide as the page with the header on every page; `notes` below the first sheet's rows."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,  # nothing in a temporary folder
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    book.set_properties({"author": author, "title": title, "created": created})
    formats = {
        "header": book.add_format({"bold": True}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "time": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
    }
    for number, (name, header, rows) in enumerate(sheets):
        sheet = book.add_worksheet(name)
        for index, cells in enumerate(zip(header, *rows, strict=True)):
            width = max(len(str(v)) if v is not None else 0 for v in cells)
            sheet.set_column(index, index, min(MAX_WIDTH, width) + 2)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(header) - 1)
        sheet.set_paper(9)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        for column, text in enumerate(header):
            sheet.write_string(0, column, text, formats["header"])
        for row, values in enumerate(rows, start=1):
            for column, value in enumerate(values):
                if value is not None:
                    _write(sheet, row, column, value, formats)
        if number == 0:  # what the workbook is, below the figures and outside the filter
            for row, line in enumerate(notes, start=len(rows) + 2):
                sheet.write_string(row, 0, line)
    book.close()
    return buffer.getvalue()


def _write(sheet: Any, row: int, column: int, value: Any, formats: dict[str, Any]) -> None:
    """Text always as text (a title "=1+1" is never a formula), dates as Excel dates."""
    if isinstance(value, str):
        sheet.write_string(row, column, value)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, column, value, formats["time"])
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, column, value, formats["date"])
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, column, value)
    else:
        sheet.write_string(row, column, str(value))
