"""The feedback report (`feedback report`): per account, and per account and month in the formats
for people, how much feedback came, how much was handled in time, late, and what is still open."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from planner.domain.feedback import Counts, FeedbackReport
from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.i18n.dates import day, period
from planner.reports.tables import Table

COUNTS = ("received", "handled", "in_time", "late", "open", "overdue", "in_time_share")


def _share(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    percent = f"{value * 100:.0f}"
    return f"{percent} %" if lang == "fi" else f"{percent}%"


def _cells(counts: Counts, lang: str) -> list[object]:
    found = counts.to_dict()
    return [*(found[c] for c in COUNTS[:-1]), _share(counts.in_time_share, lang)]


def table(
    report: FeedbackReport,
    months: Mapping[tuple[str, str], Counts],
    ws: Workspace,
    made_by: str | None,
    lang: str,
) -> Table:
    """One row per account and month of receipt, a row per account for its whole range, and the
    total."""
    rows: list[list[object]] = []
    for (account, month), counts in months.items():
        rows.append([account, period(month, lang), *_cells(counts, lang)])
    for account, counts in report.accounts.items():
        rows.append([account, t("report.whole_range", lang), *_cells(counts, lang)])
    rows.append([t("report.total", lang), t("report.whole_range", lang), *_cells(report.total, lang)])
    keys = ["account", "month", *COUNTS]
    header = [t(f"report.col.{k}", lang) for k in keys]
    made = t(
        "report.feedback_made",
        lang,
        name=ws.organization.name or "-",
        start=day(report.start, lang),
        end=day(report.end, lang),
        who=made_by or "-",
    )
    return Table(t("report.feedback_title", lang), made, keys, header, rows, t("report.feedback_sheet", lang))


def report_bytes(
    fmt: str,
    report: FeedbackReport,
    months: Mapping[tuple[str, str], Counts],
    ws: Workspace,
    today: dt.date,
    made_by: str | None,
    lang: str,
) -> bytes:
    if fmt == "json":
        return (json.dumps(report.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
    found = table(report, months, ws, made_by, lang)
    return found.to_bytes(fmt, lang, t("doc.none", lang), made_by or "Somekalenteri")
