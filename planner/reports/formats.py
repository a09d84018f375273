"""The readiness checklist in any of its formats, as the bytes of a file."""

from __future__ import annotations

import json

from planner.domain.check import Report
from planner.domain.workspace import Workspace

FORMATS = ("csv", "json", "md", "html")


def checklist_bytes(
    fmt: str, report: Report, ws: Workspace, lang: str, stamp: str, delimiter: str = ";"
) -> bytes:
    """CSV with a UTF-8 BOM (a Finnish Excel opens it as is), JSON, Markdown or HTML."""
    from planner.reports import checklist, documents

    if fmt == "json":
        data = json.dumps(checklist.as_json(report, ws, lang, stamp), ensure_ascii=False, indent=2)
        return (data + "\n").encode("utf-8")
    if fmt == "csv":
        return ("\ufeff" + checklist.as_csv(report, ws, lang, delimiter)).encode("utf-8")
    render = documents.as_markdown if fmt == "md" else documents.as_html
    return render(report, ws, lang, stamp).encode("utf-8")
