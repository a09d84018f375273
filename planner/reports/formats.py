"""The readiness checklist in any of its formats, as the bytes of a file."""

from __future__ import annotations

import json

from planner.domain.check import Report
from planner.reports.checklist import Checklist

FORMATS = ("csv", "json", "md", "html", "xlsx")
RESULTS_FORMATS = ("html", "xlsx", "json", "md")  # a report of charts and figures: no CSV
FEEDBACK_FORMATS = FORMATS
INCIDENT_FORMATS = ("csv", "json", "html", "xlsx")  # for the police or occupational safety


def checklist_bytes(fmt: str, checklist: Checklist, report: Report, lang: str, delimiter: str = ";") -> bytes:
    """CSV with a UTF-8 BOM (a Finnish Excel opens it as is), JSON, Markdown, HTML or XLSX."""
    if fmt == "json":
        from planner.reports.tabular import as_json

        data = json.dumps(as_json(checklist, report, lang), ensure_ascii=False)  # compact: the C encoder
        return (data + "\n").encode("utf-8")
    if fmt == "csv":
        from planner.reports.tabular import as_csv

        return ("\ufeff" + as_csv(checklist, lang, delimiter)).encode("utf-8")
    if fmt == "xlsx":
        from planner.reports.workbook import checklist_workbook

        return checklist_workbook(checklist, lang)
    from planner.reports import documents

    render = documents.as_markdown if fmt == "md" else documents.as_html
    return render(checklist, lang).encode("utf-8")
