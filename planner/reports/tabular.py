"""The checklist as data: one JSON object, or one CSV table whose `section` column says what each
row is (summary, attention, holds, posts, accounts, cadence, coverage)."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from planner.domain.check import Report
from planner.domain.sheet import formula_marked
from planner.i18n import t
from planner.i18n.dates import stamp
from planner.reports.checklist import POST_FACTS, Checklist
from planner.reports.findings import finding_dicts

CSV_COLUMNS = (
    "section",
    "account",
    "post",
    "publish_at",
    "status",
    "title",
    "owner",
    "ready_by",
    "ready_by_name",
    "ready_at",
    "approved_by",
    "approved_at",
    "published_at",
    "published_url",
    "taken_down",
    "week",
    "from",
    "until",
    "rule",
    "rule_title",
    "severity",
    "result",
    "blocking",
    "value",
    "message",
    "evidence",
)


def _of(rows: list[dict[str, Any]], account_id: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k != "account"} for row in rows if row["account"] == account_id]


def as_json(checklist: Checklist, report: Report, lang: str) -> dict[str, Any]:
    """Accounts nested with their checks, cadence and gaps; `checklist` flat, one row per rule."""
    sections = checklist.sections
    accounts = [
        {
            "account": account_id,
            "checks": _of(sections["accounts"], account_id),
            "cadence": _of(sections["cadence"], account_id),
            "coverage": _of(sections["coverage"], account_id),
        }
        for account_id in report.accounts
    ]
    blank = dict.fromkeys(POST_FACTS[1:], "")  # an account row has no post
    account_rows = [{**blank, **row, "evidence": ""} for row in sections["accounts"]]
    return {
        "generated_at": checklist.generated_at,
        "generated_by": checklist.generated_by or None,
        "organization": checklist.organization,
        "range": {"from": checklist.start.isoformat(), "to": checklist.end.isoformat()},
        "personal_data": checklist.personal_data,
        "summary": checklist.summary,
        "attention": sections["attention"],
        "holds": sections["holds"],
        "accounts": accounts,
        "checklist": sections["posts"] + account_rows,
        "findings": finding_dicts(report.findings, lang),
    }


def _csv_rows(checklist: Checklist, lang: str) -> list[dict[str, Any]]:
    sections = checklist.sections
    yes_no = {True: "yes", False: "no"}
    rows: list[dict[str, Any]] = []
    for row in sections["summary"]:
        label = t(f"doc.metric.{row['metric']}", lang)
        rows.append({"section": "summary", "rule": row["metric"], "rule_title": label, "value": row["value"]})
    for row in sections["attention"]:
        rows.append({"section": "attention", **row, "rule": row["rules"], "result": "fail"})
    for row in sections["holds"]:
        rows.append(
            {
                "section": "holds",
                "rule": "post.crisis_hold",
                "from": row["started_at"],
                "until": row["ended_at"],
                "value": row["accounts"],
                "message": row["reason"],
                "evidence": f"{row['hold']}: {row['started_by']} – {row['ended_by']}".rstrip(" –"),
            }
        )
    for row in sections["posts"]:
        rows.append({"section": "posts", **row, "blocking": yes_no[row["blocking"]]})
    for row in sections["accounts"]:
        rows.append({"section": "accounts", **row, "blocking": yes_no[row["blocking"]]})
    for row in sections["cadence"]:
        message = t("doc.cadence", lang, count=row["count"], required=row["required"])
        rows.append(
            {
                "section": "cadence",
                "account": row["account"],
                "week": row["week"],
                "from": row["monday"],
                "rule": "account.cadence",
                "result": row["result"],
                "value": row["count"],
                "message": message,
            }
        )
    for row in sections["coverage"]:
        rows.append(
            {
                "section": "coverage",
                "account": row["account"],
                "from": row["from"],
                "until": row["until"],
                "rule": "account.coverage",
                "result": "fail",
                "value": row["working_days"],
                "evidence": row["absent"],
            }
        )
    return rows


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def inert(value: Any) -> Any:
    """One line (a cell of a row: a line break inside it splits the row for many readers), and
    text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice)."""
    if not isinstance(value, str):
        return value
    if not value.isprintable():  # every line break is unprintable: most cells skip the pattern
        value = _LINE_BREAKS.sub(" ", value)
    return formula_marked(value)


DATE_COLUMNS = ("publish_at", "ready_at", "approved_at", "published_at", "taken_down", "from", "until")


_FINNISH_WORDS = {
    "section": "doc.section",
    "status": "status",
    "severity": "severity",
    "result": "doc.result",
}


def _in_finnish(column: str, value: Any) -> Any:
    """A cell as a Finnish sheet shows it: sections, statuses, severities and results in Finnish,
    dates as 14.6.2027 9.00, yes and no as kyllä and ei. (In English the columns keep their
    names and ISO dates, which read as English.)"""
    if not value or not isinstance(value, str):
        return value
    if column in _FINNISH_WORDS:
        return t(f"{_FINNISH_WORDS[column]}.{value}", "fi")
    if column in DATE_COLUMNS:
        return stamp(value, "fi", sheet=True)
    if column == "blocking" and value in ("yes", "no"):
        return "kyllä" if value == "yes" else "ei"
    return value


def as_csv(checklist: Checklist, lang: str, delimiter: str = ";") -> str:
    """CSV that a Finnish Excel opens as is with `;` (the default); the caller adds the UTF-8 BOM.
    In Finnish its headers and values speak Finnish. Text starting like a formula is made inert,
    so opening the file never runs anything."""
    buffer = io.StringIO()
    finnish = lang == "fi"
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([t(f"doc.col.{column}", "fi") for column in CSV_COLUMNS] if finnish else CSV_COLUMNS)
    # A post's facts repeat on each of its rule rows: each distinct cell is made once.
    made: dict[tuple[str, Any], Any] = {}
    for row in _csv_rows(checklist, lang):
        cells = []
        for column in CSV_COLUMNS:
            value = row.get(column)
            key = (column, value)
            cell = made.get(key)
            if cell is None:
                cell = made[key] = inert(_in_finnish(column, value) if finnish else value)
            cells.append(cell)
        writer.writerow(cells)
    return buffer.getvalue()
