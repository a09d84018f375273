"""A content plan given back to Excel (`post export`): the columns `post import` reads, plus each
post's `id` and `revision`, so that the edited file changes those posts when it comes back. Texts
keep their line breaks; text a spreadsheet would run as a formula gets a leading `'`, which the
import takes off again."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from planner.domain.model import Post
from planner.domain.sheet import formula_marked, formula_unmarked

COLUMNS = (
    "id",
    "revision",
    "account",
    "date",
    "time",
    "title",
    "text",
    "kind",
    "owner",
    "media",
    "campaign",
    "lang",
)
TEXTS = (COLUMNS.index("title"), COLUMNS.index("text"))


def plan_rows(posts: Iterable[Post]) -> list[list[object]]:
    rows: list[list[object]] = []
    for post in posts:
        when = post.publish_at
        rows.append(
            [
                post.id,
                post.revision,
                post.account,
                when.date().isoformat() if when else "",
                when.strftime("%H:%M") if when else "",
                formula_marked(post.title),
                formula_marked(post.text),
                post.kind,
                post.owner or "",
                ", ".join(post.media),
                post.campaign or "",
                post.lang,
            ]
        )
    return rows


def plan_csv(posts: Iterable[Post]) -> bytes:
    """UTF-8 with a BOM and `;` (a Finnish Excel opens it as is); a text of several lines quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(plan_rows(posts))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def plan_xlsx(posts: Iterable[Post], title: str, author: str) -> bytes:
    """One sheet, a row per post: the texts as text (never a formula), wrapped; the revision a number."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"title": title, "author": author, "created": dt.datetime(2000, 1, 1)})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    top = book.add_format({"valign": "top"})
    sheet = book.add_worksheet("plan")
    for column, name in enumerate(COLUMNS):
        sheet.write_string(0, column, name, bold)
    for row, values in enumerate(plan_rows(posts), start=1):
        for column, value in enumerate(values):
            if isinstance(value, int):
                sheet.write_number(row, column, value, top)
                continue
            text = str(value)
            if column in TEXTS:  # a cell written as text is never run: no mark needed in a workbook,
                raw = formula_unmarked(text)  # unless the text only looks marked: reading takes one off
                text = raw if formula_unmarked(raw) == raw else text
            sheet.write_string(row, column, text, wrap if column == COLUMNS.index("text") else top)
    widths = (14, 9, 28, 11, 6, 24, 60, 12, 10, 20, 14, 5)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, 0, len(COLUMNS) - 1)
    book.close()
    return buffer.getvalue()
