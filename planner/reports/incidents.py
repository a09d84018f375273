"""The incident export (`incident export`, admins): every incident whole, for the police or
occupational safety, with its actions, related incidents and whether each evidence file is intact."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.i18n.dates import moment, stamp
from planner.reports.tables import Table

COLUMNS = (
    "id",
    "account",
    "observed_at",
    "category",
    "target",
    "status",
    "from",
    "links",
    "text",
    "actions",
    "related",
    "evidence",
    "recorded_by",
    "recorded_at",
)


def _cell(column: str, record: dict[str, Any], lang: str) -> str:
    value = record.get(column)
    if column in ("observed_at", "recorded_at"):
        return stamp(value or "", lang)
    if column == "category":
        return t(f"incident_category.{value}", lang)
    if column == "target":
        return t(f"incident_target.{value}", lang)
    if column == "status":
        return t(f"incident_status.{value}", lang)
    if column == "actions":
        return "\n".join(
            f"{stamp(a['at'], lang)} {t('incident_action.' + a['kind'], lang)} ({a['by']})"
            + (f" [{a['ref']}]" if a["ref"] else "")
            + (f" {a['note']}" if a["note"] else "")
            for a in value or []
        )
    if column == "evidence":
        return "\n".join(
            f"{e['name'] or e['file']} sha256:{e['sha256']} "
            + t("incident.intact" if e["intact"] else "incident.not_intact", lang)
            for e in value or []
        )
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def export_bytes(
    fmt: str,
    records: Sequence[dict[str, Any]],
    ws: Workspace,
    now: dt.datetime,
    made_by: str | None,
    lang: str,
) -> bytes:
    if fmt == "json":
        document = {
            "organization": ws.organization.name,
            "generated_at": now.isoformat(timespec="minutes"),
            "generated_by": made_by,
            "incidents": list(records),
        }
        return (json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8")
    made = t(
        "incident.export_made",
        lang,
        name=ws.organization.name or "-",
        at=moment(now, lang),
        who=made_by or "-",
    )
    rows = [[_cell(c, r, lang) for c in COLUMNS] for r in records]
    header = [t(f"incident.col.{c}", lang) for c in COLUMNS]
    table = Table(
        t("incident.export_title", lang), made, COLUMNS, header, rows, t("incident.sheet", lang), now
    )
    return table.to_bytes(fmt, lang, t("doc.none", lang), made_by or "Somekalenteri")
