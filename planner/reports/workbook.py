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
# Printing: a column of longer text wraps at WRAP_WIDTH characters; a sheet whose columns together
# fit in PAGE_WIDTH characters is printed as wide as the A4 landscape page; a wider one at
# PRINT_SCALE per cent over several pages, each repeating the first two columns (the account and
# the post, say), a row's pages one after another.
WRAP_WIDTH = 40
WIDE_WRAP = 90  # a column of long text (evidence) wraps wider, so that its rows stay a few lines
PAGE_WIDTH = 170
PRINT_SCALE = 75


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
    """Sheets with a header row, a filter, frozen panes and widths to fit, printed A4 landscape
    with the header on every page and long text wrapped (see PAGE_WIDTH); `notes` below the first
    sheet's rows."""
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
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "time": book.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "text": book.add_format({"valign": "top"}),
    }
    for number, (name, header, rows) in enumerate(sheets):
        sheet = book.add_worksheet(name)
        widths, wrapped = [], {}
        for index, cells in enumerate(zip(header, *rows, strict=True)):
            # A header wraps at its words, so the longest word counts, not the whole header.
            longest = max((len(word) for word in str(cells[0]).split()), default=0)
            width = max([longest, *(len(str(v)) for v in cells[1:] if v is not None)])
            if width > WRAP_WIDTH:
                wrapped[index] = WIDE_WRAP if width > 4 * WIDE_WRAP else WRAP_WIDTH
            widths.append(min(width, wrapped.get(index, width)) + 3)
            sheet.set_column(
                index, index, widths[-1], formats["wrap"] if index in wrapped else formats["text"]
            )
        # Neither Excel nor LibreOffice makes a wrapped row taller when it opens the file: each row
        # is given the lines its longest wrapped cell needs.
        sheet.set_row(0, header_height(header, widths))
        for row, values in enumerate(rows, start=1):
            lines = max(
                (_lines(str(values[i]), wrap) for i, wrap in wrapped.items() if values[i] is not None),
                default=1,
            )
            if lines > 1:
                sheet.set_row(row, LINE_HEIGHT * lines)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(header) - 1)
        sheet.set_paper(9)
        sheet.set_landscape()
        if sum(widths) <= PAGE_WIDTH:
            sheet.fit_to_pages(1, 0)
        else:
            sheet.set_print_scale(PRINT_SCALE)
            sheet.repeat_columns(0, 1)
            sheet.print_across()
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


LINE_HEIGHT = 15  # points, a line of the default 11-point font


def header_height(header: list[str], widths: list[int]) -> int:
    """The height of a header row whose cells wrap at their words in columns `widths` characters
    wide: the lines its longest header needs."""
    return LINE_HEIGHT * max(_lines(str(h), w - 2) for h, w in zip(header, widths, strict=True))


def _lines(text: str, width: int) -> int:
    """How many lines `text` takes wrapped at words in a column `width` characters wide."""
    count = 0
    for paragraph in text.split("\n"):
        line = 0
        count += 1
        for word in paragraph.split():
            if line and line + 1 + len(word) > width:
                count += 1
                line = 0
            line += len(word) + (1 if line else 0)
            while line > width:  # a word longer than the column breaks inside it
                count += 1
                line -= width
    return count


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
