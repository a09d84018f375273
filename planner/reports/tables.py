"""A plain table (a title, a line saying when and by whom it was made, named columns, rows of
values) as CSV, Markdown, HTML or XLSX: the feedback report, the incident export and the account
register's CSV and Markdown. Cells are already in the reader's language; CSV cells are made inert,
HTML escaped, Markdown literal."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.reports.documents import markdown_text
from planner.reports.tabular import inert

_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #999;padding:.25em .45em;text-align:left;vertical-align:top;font-size:.85em}"
    "td{white-space:pre-wrap}th{background:#eee}@page{size:A4 landscape;margin:12mm}"
    "@media print{body{margin:0}tr{break-inside:avoid}th,td{font-size:8pt}}"
)


@dataclass(frozen=True)
class Table:
    title: str
    made: str  # when and by whom it was made, and what it covers
    keys: Sequence[str]  # the columns' names for a machine (CSV's header)
    header: Sequence[str]  # the columns' names for a person
    rows: Sequence[Sequence[Any]]
    sheet: str = "1"
    created: dt.datetime | None = None

    def as_csv(self, delimiter: str = ";") -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(self.keys)
        for row in self.rows:
            writer.writerow([inert(_shown(v)) for v in row])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    def as_markdown(self, none: str) -> bytes:
        out = [f"# {markdown_text(self.title)}", "", markdown_text(self.made), ""]
        if not self.rows:
            out += [none, ""]
        else:
            out.append("| " + " | ".join(markdown_text(h) for h in self.header) + " |")
            out.append("|" + "---|" * len(self.header))
            out += ["| " + " | ".join(markdown_text(_shown(v)) for v in row) + " |" for row in self.rows]
            out.append("")
        return "\n".join(out).encode("utf-8")

    def as_html(self, lang: str, none: str) -> bytes:
        esc = html.escape
        head = "".join(f"<th>{esc(h)}</th>" for h in self.header)
        body = ["<tr>" + "".join(f"<td>{esc(_shown(v))}</td>" for v in row) + "</tr>" for row in self.rows]
        table = (
            [f"<table><thead><tr>{head}</tr></thead><tbody>", *body, "</tbody></table>"]
            if self.rows
            else [f"<p>{esc(none)}</p>"]
        )
        page = [
            "<!DOCTYPE html>",
            f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
            f"<title>{esc(self.title)}</title><style>{_CSS}</style></head><body>",
            f"<h1>{esc(self.title)}</h1><p>{esc(self.made)}</p>",
            *table,
            "</body></html>",
            "",
        ]
        return "\n".join(page).encode("utf-8")

    def as_workbook(self, author: str) -> bytes:
        from planner.reports.workbook import workbook

        rows = [
            [
                v if isinstance(v, int | float) and not isinstance(v, bool) else (_shown(v) or None)
                for v in row
            ]
            for row in self.rows
        ]
        created = self.created or dt.datetime(2000, 1, 1)
        return workbook(
            [(self.sheet, list(self.header), rows)], self.title, author, created, [self.title, self.made]
        )

    def to_bytes(self, fmt: str, lang: str, none: str, author: str = "Somekalenteri") -> bytes:
        if fmt == "csv":
            return self.as_csv()
        if fmt == "md":
            return self.as_markdown(none)
        if fmt == "html":
            return self.as_html(lang, none)
        return self.as_workbook(author)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
