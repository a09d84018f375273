"""The readiness checklist: every rule's result per post and per account, with its evidence."""

from __future__ import annotations

import csv
import io
from typing import Any

from planner.domain.check import Finding, Report
from planner.domain.model import Post
from planner.domain.rules import all_rules
from planner.domain.workspace import Workspace

COLUMNS = (
    "account", "post", "publish_at", "status", "title", "owner", "ready_by", "ready_at",
    "rule", "rule_title", "severity", "result", "blocking", "message", "evidence",
)  # fmt: skip


def _result(findings: list[Finding], severity: str) -> str:
    if not findings:
        return "ok"
    return "fail" if severity == "error" else "warn"


def evidence(rule_id: str, post: Post | None, ws: Workspace) -> str:
    """What the verdict rests on: the assets, subtitle files, consents or deputy it looked at."""
    if post is None:
        return ""
    assets = [ws.assets[a] for a in post.media if a in ws.assets]
    if rule_id == "media.subtitles":
        return "; ".join(f"{a.id}: {a.subtitles.get(post.lang, '-')}" for a in assets if a.kind == "video")
    if rule_id == "media.permission":
        return "; ".join(
            f"{a.id}: {', '.join(a.consents) or '-'}" for a in assets if a.people == "identifiable"
        )
    if rule_id in ("media.alt_text", "media.alt_quality"):
        return "; ".join(f"{a.id}: {a.alt.get(post.lang, '-')}" for a in assets if a.kind == "image")
    if rule_id.startswith("media."):
        return ", ".join(a.id for a in assets)
    if rule_id == "post.owner_available" and post.owner and post.publish_date:
        deputy = None
        if not ws.is_present(post.owner, post.publish_date):
            deputy = ws.deputy_covering(post.owner, post.publish_date)
        return f"{post.owner}" + (f" → {deputy}" if deputy else "")
    return ""


def rows(report: Report, ws: Workspace, lang: str) -> list[dict[str, Any]]:
    rules = all_rules()
    out: list[dict[str, Any]] = []
    posts = sorted(
        (ws.posts[pid] for pid in report.posts),
        key=lambda p: (p.account, p.publish_at is None, p.publish_at or 0, p.id),
    )
    for post in posts:
        for rule_id, findings in report.posts[post.id].items():
            rule = rules[rule_id]
            out.append({
                "account": post.account,
                "post": post.id,
                "publish_at": post.to_dict()["publish_at"] or "",
                "status": post.status,
                "title": post.label(),
                "owner": post.owner or "",
                "ready_by": post.ready_by or "",
                "ready_at": post.to_dict()["ready_at"] or "",
                "rule": rule_id,
                "rule_title": rule.title(lang),
                "severity": rule.severity,
                "result": _result(findings, rule.severity),
                "blocking": any(f.blocking for f in findings),
                "message": " | ".join(f.message(lang) for f in findings),
                "evidence": evidence(rule_id, post, ws),
            })  # fmt: skip
    for account_id, results in report.accounts.items():
        for rule_id, findings in results.items():
            rule = rules[rule_id]
            blank = dict.fromkeys(COLUMNS[1:8], "")
            out.append({
                "account": account_id, **blank,
                "rule": rule_id, "rule_title": rule.title(lang), "severity": rule.severity,
                "result": _result(findings, rule.severity),
                "blocking": any(f.blocking for f in findings),
                "message": " | ".join(f.message(lang) for f in findings),
                "evidence": "",
            })  # fmt: skip
    return out


def as_json(report: Report, ws: Workspace, lang: str, generated_at: str) -> dict[str, Any]:
    return {
        "generated_at": generated_at,
        "organization": ws.organization.name,
        "range": {"from": report.start.isoformat(), "to": report.end.isoformat()},
        "summary": report.summary(),
        "checklist": rows(report, ws, lang),
        "findings": [f.to_dict(lang) for f in report.findings],
    }


def as_csv(report: Report, ws: Workspace, lang: str, delimiter: str = ";") -> str:
    """CSV that a Finnish Excel opens as is: `;` between fields (the caller adds the UTF-8 BOM)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(report, ws, lang):
        writer.writerow({**row, "blocking": "yes" if row["blocking"] else "no"})
    return buffer.getvalue()
