"""The checklist as a Markdown document and as a printable, self-contained HTML page: the summary
and the ready posts that fail first, then per account its checks, cadence, gaps and posts."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from planner.i18n import fmt_date, t
from planner.i18n.dates import stamp
from planner.reports.checklist import HOLD_COLUMNS, Checklist

MARK = {"ok": "✓", "fail": "✗", "warn": "!", "skip": "–"}
POST_COLUMNS = ("post", "publish_at", "status", "title", "ready_by", "ready_at", "approved_by", "checks")
ATTENTION_COLUMNS = ("post", "publish_at", "status", "title", "ready_by", "ready_at", "message")
CADENCE_COLUMNS = ("week", "monday", "count", "result")
COVERAGE_COLUMNS = ("from", "until", "working_days", "absent")


def _when(value: str, lang: str) -> str:
    return stamp(value, lang) or "-"


def _ready(row: dict[str, Any]) -> str:
    who = row["ready_by"]
    if not who:
        return "-"
    return f"{row['ready_by_name']} ({who})" if row["ready_by_name"] else who


def _cell(row: dict[str, Any], column: str, lang: str) -> str:
    """One table cell as text, in the reader's language."""
    value = row.get(column, "")
    if column in ("publish_at", "monday", "from", "until", "taken_down", "approved_at", "published_at"):
        return _when(value, lang)
    if column == "ready_at":
        return _when(value, lang) if row.get("ready_by") else "-"
    if column == "status":
        return t(f"status.{value}", lang)
    if column == "ready_by":
        return _ready(row)
    if column == "result":
        return f"{MARK[value]} {t(f'doc.result.{value}', lang)}"
    if column == "count":
        return t("doc.cadence", lang, count=value, required=row["required"])
    return str(value)


def _check_line(row: dict[str, Any]) -> str:
    line = f"{MARK[row['result']]} {row['rule']}"
    if row["message"]:
        line += f": {row['message']}"
    if row.get("evidence"):
        line += f" [{row['evidence']}]"
    return line


def heading_lines(checklist: Checklist, lang: str) -> list[str]:
    by = checklist.generated_by or t("doc.nobody", lang)
    if checklist.generated_by_name:
        by = f"{checklist.generated_by_name} ({checklist.generated_by})"
    period = t(
        "doc.period",
        lang,
        start=fmt_date(checklist.start, lang),
        end=fmt_date(checklist.end, lang),
        at=stamp(checklist.generated_at, lang),
        by=by,
    )
    privacy = t("doc.personal_data" if checklist.personal_data else "doc.pseudonyms", lang)
    return [t("doc.title", lang, org=checklist.organization or "-"), period, privacy]


def _by_account(checklist: Checklist) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Each account's rows of the per-account sections; posts grouped into one row per post."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for name in ("accounts", "cadence", "coverage"):
        for row in checklist.sections[name]:
            grouped[row["account"]][name].append(row)
    for checks in checklist.checks_by_post().values():
        lines = [(row["result"], _check_line(row)) for row in checks]
        grouped[checks[0]["account"]]["posts"].append({**checks[0], "lines": lines})
    return grouped


Table = Callable[[tuple[str, ...], list[dict[str, Any]]], list[str]]


def _body(checklist: Checklist, lang: str, heading: Callable[[int, str], str], table: Table) -> list[str]:
    """The document's sections in order, drawn with a format's heading and table writers."""
    out = [heading(2, t("doc.section.summary", lang))]
    summary = [
        {"metric": t(f"doc.metric.{row['metric']}", lang), "value": row["value"]}
        for row in checklist.sections["summary"]
    ]
    out += table(("metric", "value"), summary)
    out += [heading(2, t("doc.section.attention", lang))]
    out += table(ATTENTION_COLUMNS, checklist.sections["attention"])
    if checklist.sections["holds"]:
        out += [heading(2, t("doc.section.holds", lang))]
        out += table(HOLD_COLUMNS, checklist.sections["holds"])
    for account, parts in sorted(_by_account(checklist).items()):
        out.append(heading(2, f"{account} – {checklist.account_names.get(account, '')}".strip(" –")))
        out.append(heading(3, t("doc.section.accounts", lang)))
        out += table(("rule", "result", "message"), parts["accounts"])
        out.append(heading(3, t("doc.section.cadence", lang)))
        out += table(CADENCE_COLUMNS, parts["cadence"])
        out.append(heading(3, t("doc.section.coverage", lang)))
        out += table(COVERAGE_COLUMNS, parts["coverage"])
        out.append(heading(3, t("doc.section.posts", lang)))
        out += table(POST_COLUMNS, parts["posts"])
    return out


# What Markdown would read as markup inside a line: emphasis, code, links and images, raw HTML,
# table cells, strikethrough. Escaped with a backslash (any ASCII punctuation may be), `&` as an
# entity, so a title like `<img src=…>` or `[x](javascript:…)` is shown, never loaded or linked.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~])")
_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def markdown_text(text: str) -> str:
    """Text as Markdown shows it literally, on one line."""
    return _MARKDOWN.sub(r"\\\1", _BREAKS.sub(" ", text).replace("&", "&amp;"))


def as_markdown(checklist: Checklist, lang: str) -> str:
    title, period, privacy = (markdown_text(line) for line in heading_lines(checklist, lang))

    def heading(level: int, text: str) -> str:
        return f"\n{'#' * level} {markdown_text(text)}\n"

    escape = markdown_text

    def table(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> list[str]:
        if not rows:
            return [t("doc.none", lang)]
        out = [
            "| " + " | ".join(t(f"doc.col.{c}", lang) for c in columns) + " |",
            "|" + "---|" * len(columns),
        ]
        for row in rows:
            cells = [
                "<br>".join(escape(line) for _, line in row["lines"])
                if c == "checks"
                else escape(_cell(row, c, lang))
                for c in columns
            ]
            out.append("| " + " | ".join(cells) + " |")
        return out

    return "\n".join([f"# {title}", "", period, "", privacy, *_body(checklist, lang, heading, table), ""])


# On paper the page is A4; headings stay with what follows them; ids never wrap. Printed, the page
# is a view of what needs attention: rows and check lines that pass are left out (the note at the
# top says so; the full table is on screen and in CSV, JSON, Markdown and XLSX).
_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#111}
table{border-collapse:collapse;width:100%;margin-bottom:1.2em}
th,td{border:1px solid #999;padding:.25em .45em;text-align:left;vertical-align:top;font-size:.85em}
th{background:#eee}td.checks div{white-space:pre-wrap}td.id{white-space:nowrap}
.fail{color:#a00}.warn{color:#960}.ok{color:#070}.skip{color:#666}
h2{border-bottom:2px solid #333;margin-top:1.5em}h2,h3{break-after:avoid}
.print-note{display:none}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0}h2{break-before:page}h2:first-of-type{break-before:auto}tr{break-inside:avoid}
.print-note{display:block}tr.passes{display:none}td.checks div.ok,td.checks div.skip{display:none}}
"""
ID_COLUMNS = frozenset({"post", "account", "publish_at", "ready_at", "monday", "from", "until"})


def as_html(checklist: Checklist, lang: str) -> str:
    """One page, no external resources (no links, images, fonts or scripts): it prints and
    attaches as it is."""
    title, period, privacy = heading_lines(checklist, lang)
    esc = html.escape

    def heading(level: int, text: str) -> str:
        return f"<h{level}>{esc(text)}</h{level}>"

    def cell(row: dict[str, Any], column: str) -> str:
        if column == "checks":
            lines = "".join(f'<div class="{result}">{esc(line)}</div>' for result, line in row["lines"])
            return f'<td class="checks">{lines}</td>'
        css = (
            f' class="{row["result"]}"'
            if column == "result"
            else ' class="id"'
            if column in ID_COLUMNS
            else ""
        )
        return f"<td{css}>{esc(_cell(row, column, lang))}</td>"

    def passes(row: dict[str, Any]) -> bool:
        """Nothing in the row needs attention: left out when printed."""
        if "lines" in row:
            return all(result in ("ok", "skip") for result, _ in row["lines"])
        return row.get("result") in ("ok", "skip")

    def table(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> list[str]:
        if not rows:
            return [f"<p>{esc(t('doc.none', lang))}</p>"]
        head = "".join(f"<th>{esc(t(f'doc.col.{c}', lang))}</th>" for c in columns)
        body = [
            ('<tr class="passes">' if passes(row) else "<tr>")
            + "".join(cell(row, c) for c in columns)
            + "</tr>"
            for row in rows
        ]
        return [f"<table><thead><tr>{head}</tr></thead><tbody>", *body, "</tbody></table>"]

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1><p>{esc(period)}</p><p><em>{esc(privacy)}</em></p>",
        f'<p class="print-note"><em>{esc(t("doc.print_note", lang))}</em></p>',
        *_body(checklist, lang, heading, table),
        "</body></html>",
    ]
    return "\n".join(out) + "\n"
