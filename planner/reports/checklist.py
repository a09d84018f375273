"""The readiness checklist an auditor hands on: a summary, the ready posts that fail, every rule's
result per post with its evidence, and per account the checks, the cadence by ISO week and the
coverage gaps. Every format (CSV, JSON, Markdown, HTML, XLSX) is drawn from this one model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.domain.calendar import iso_week_label, mondays
from planner.domain.check import Finding, Report
from planner.domain.model import Post
from planner.domain.rules import all_rules
from planner.domain.rules.accounts import counted_posts, week_count
from planner.domain.workspace import Workspace
from planner.reports.evidence import evidence

SECTIONS = ("summary", "attention", "holds", "posts", "accounts", "cadence", "coverage")
ATTENTION_STATUSES = ("ready", "scheduled", "published")

# What every post row carries about the post itself (the posts section, and the workbook's rows).
POST_FACTS = (
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
)
HOLD_COLUMNS = ("hold", "reason", "accounts", "started_by", "started_at", "ended_by", "ended_at")

COLUMNS: dict[str, tuple[str, ...]] = {
    "summary": ("metric", "value"),
    "attention": (
        "account",
        "post",
        "publish_at",
        "status",
        "title",
        "ready_by",
        "ready_by_name",
        "ready_at",
        "rules",
        "message",
    ),
    "posts": (*POST_FACTS, "rule", "rule_title", "severity", "result", "blocking", "message", "evidence"),
    "accounts": ("account", "rule", "rule_title", "severity", "result", "blocking", "message"),
    "cadence": ("account", "week", "monday", "required", "count", "result"),
    "coverage": ("account", "from", "until", "working_days", "absent"),
    "holds": HOLD_COLUMNS,
}

SUMMARY_KEYS = (
    "posts",
    "accounts",
    "errors",
    "warnings",
    "blocking",
    "ready_failing",
    "weeks_checked",
    "weeks_missed",
    "coverage_gaps",
    "uncovered_days",
)


@dataclass(frozen=True)
class Checklist:
    organization: str
    start: dt.date
    end: dt.date
    generated_at: str
    generated_by: str
    personal_data: bool
    sections: dict[str, list[dict[str, Any]]]
    account_names: dict[str, str]  # id -> "Name (platform)", for headings
    generated_by_name: str = ""

    def checks_by_post(self) -> dict[str, list[dict[str, Any]]]:
        """The posts section grouped: each post's rows (one per rule), posts in their order."""
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in self.sections["posts"]:
            grouped.setdefault(row["post"], []).append(row)
        return grouped

    @property
    def summary(self) -> dict[str, int]:
        return {row["metric"]: row["value"] for row in self.sections["summary"]}


def result_of(findings: Sequence[Finding], severity: str) -> str:
    if not findings:
        return "ok"
    return "fail" if severity == "error" else "warn"


def _message(findings: Sequence[Finding], lang: str) -> str:
    return " | ".join(f.message(lang) for f in findings)


def _stamp(value: dt.datetime | None) -> str:
    return value.isoformat(timespec="minutes") if value else ""


def _post_facts(post: Post, ws: Workspace) -> dict[str, Any]:
    ready_by = ws.people.get(post.ready_by) if post.ready_by else None
    return {
        "account": post.account,
        "post": post.id,
        "publish_at": _stamp(post.publish_at),
        "status": post.status,
        "title": post.label(),
        "owner": post.owner or "",
        "ready_by": post.ready_by or "",
        "ready_by_name": ready_by.name if ready_by else "",
        "ready_at": _stamp(post.ready_at),
        "approved_by": post.approved_by or "",
        "approved_at": _stamp(post.approved_at),
        "published_at": _stamp(post.published_at),
        "published_url": post.published_url or "",
        "taken_down": post.taken_down.isoformat() if post.taken_down else "",
    }


def _posts(report: Report, ws: Workspace, lang: str, names: bool) -> list[dict[str, Any]]:
    rules = all_rules()
    posts = sorted(
        (ws.posts[pid] for pid in report.posts),
        key=lambda p: (p.account, p.publish_at is None, p.publish_at or dt.datetime.min, p.id),
    )
    out = []
    for post in posts:
        facts = _post_facts(post, ws)
        for rule_id, findings in report.posts[post.id].items():
            rule = rules[rule_id]
            out.append(
                {
                    **facts,
                    "rule": rule_id,
                    "rule_title": rule.title(lang),
                    "severity": rule.severity,
                    "result": result_of(findings, rule.severity),
                    "blocking": any(f.blocking for f in findings),
                    "message": _message(findings, lang),
                    "evidence": evidence(rule_id, post, ws, lang, names),
                }
            )
    return out


def _attention(report: Report, ws: Workspace, lang: str) -> list[dict[str, Any]]:
    """Posts marked ready (or further along) that still fail an error rule."""
    out = []
    for post_id, results in report.posts.items():
        post = ws.posts[post_id]
        if post.status not in ATTENTION_STATUSES:
            continue
        failing = [f for found in results.values() for f in found if f.severity == "error"]
        if failing:
            facts = _post_facts(post, ws)
            del facts["owner"]
            rules = ", ".join(dict.fromkeys(f.rule for f in failing))
            out.append({**facts, "rules": rules, "message": _message(failing, lang)})
    return sorted(out, key=lambda r: (r["account"], r["publish_at"], r["post"]))


def _accounts(report: Report, lang: str) -> list[dict[str, Any]]:
    rules = all_rules()
    out = []
    for account_id, results in report.accounts.items():
        for rule_id, findings in results.items():
            rule = rules[rule_id]
            out.append(
                {
                    "account": account_id,
                    "rule": rule_id,
                    "rule_title": rule.title(lang),
                    "severity": rule.severity,
                    "result": result_of(findings, rule.severity),
                    "blocking": any(f.blocking for f in findings),
                    "message": _message(findings, lang),
                }
            )
    return out


def _cadence(report: Report, ws: Workspace) -> list[dict[str, Any]]:
    """Every ISO week of the range per account: the posts counted and the cadence asked for.
    A week is not checked ("skip") when the account is inactive on its Monday or asks for none."""
    out = []
    for account_id in report.accounts:
        account = ws.accounts[account_id]
        required = ws.cadence_of(account)
        counted = counted_posts(ws, account_id)
        for monday in mondays(report.start, report.end):
            count = week_count(counted, monday)
            checked = required > 0 and account.is_active_on(monday)
            result = "skip" if not checked else ("ok" if count >= required else "fail")
            out.append(
                {
                    "account": account_id,
                    "week": iso_week_label(monday),
                    "monday": monday.isoformat(),
                    "required": required,
                    "count": count,
                    "result": result,
                }
            )
    return out


def _holds(report: Report, ws: Workspace) -> list[dict[str, Any]]:
    """The crisis holds that were on at some time of the range, with who started and ended them."""
    start = dt.datetime.combine(report.start, dt.time())
    end = dt.datetime.combine(report.end + dt.timedelta(days=1), dt.time())
    out = []
    for hold in sorted(ws.holds.values(), key=lambda h: (h.started_at or dt.datetime.min, h.id)):
        if (hold.started_at and hold.started_at >= end) or (hold.ended_at and hold.ended_at <= start):
            continue
        out.append(
            {
                "hold": hold.id,
                "reason": hold.reason,
                "accounts": ", ".join(hold.accounts) or "*",
                "started_by": hold.started_by,
                "started_at": _stamp(hold.started_at),
                "ended_by": hold.ended_by or "",
                "ended_at": _stamp(hold.ended_at),
            }
        )
    return out


def _coverage(report: Report) -> list[dict[str, Any]]:
    """The runs of working days on which nobody looked after the account, as the rule found them."""
    out = []
    for account_id, results in report.accounts.items():
        for finding in results.get("account.coverage", []):
            out.append(
                {
                    "account": account_id,
                    "from": finding.date.isoformat() if finding.date else "",
                    "until": finding.until.isoformat() if finding.until else "",
                    "working_days": finding.params.get("days", 0),
                    "absent": finding.params.get("absent", ""),
                }
            )
    return out


def build(
    report: Report,
    ws: Workspace,
    lang: str,
    generated_at: str,
    generated_by: str = "",
    personal_data: bool = False,
) -> Checklist:
    """The checklist of a report; consent subjects are pseudonyms unless `personal_data`."""
    attention = _attention(report, ws, lang)
    cadence = _cadence(report, ws)
    coverage = _coverage(report)
    totals = report.summary()
    totals.update(
        ready_failing=len(attention),
        weeks_checked=sum(row["result"] != "skip" for row in cadence),
        weeks_missed=sum(row["result"] == "fail" for row in cadence),
        coverage_gaps=len(coverage),
        uncovered_days=sum(row["working_days"] for row in coverage),
    )
    sections = {
        "summary": [{"metric": key, "value": totals[key]} for key in SUMMARY_KEYS],
        "attention": attention,
        "holds": _holds(report, ws),
        "posts": _posts(report, ws, lang, personal_data),
        "accounts": _accounts(report, lang),
        "cadence": cadence,
        "coverage": coverage,
    }
    names = {a: f"{ws.accounts[a].name} ({ws.accounts[a].platform})" for a in report.accounts}
    person = ws.people.get(generated_by)
    return Checklist(
        ws.organization.name,
        report.start,
        report.end,
        generated_at,
        generated_by,
        personal_data,
        sections,
        names,
        person.name if person else "",
    )
