"""The readiness check as people and programs read it: SPEC's JSON of `planner check`, and its text,
an account's findings under its name. Rendered once, at the end, from the report."""

from __future__ import annotations

import json
from typing import Any

from planner.domain.check import Finding, Report
from planner.i18n import t
from planner.i18n.dates import day


def check_json(report: Report, lang: str, indent: int | None = None) -> str:
    """SPEC's `check --format json`: the range, the summary and every finding."""
    shown = {
        "range": {"from": report.start.isoformat(), "to": report.end.isoformat()},
        "summary": report.summary(),
        "findings": finding_dicts(report.findings, lang),
    }
    return json.dumps(shown, ensure_ascii=False, indent=indent) + "\n"


def finding_dicts(findings: list[Finding], lang: str) -> list[dict[str, Any]]:
    """SPEC's JSON of each finding. A message is written once for each text and its values, and a
    day once (a year's check says "alt text missing" of the same image in many posts, and has
    thousands of findings on some hundreds of days)."""
    messages: dict[object, str] = {}
    days: dict[object, str | None] = {None: None}
    shown = []
    for finding in findings:
        rule, severity, blocking, account, post, post_status, date, until, key, params, _ = finding
        said = (key, *params.items()) if params else key
        try:
            message = messages.get(said)
            if message is None:
                message = messages[said] = finding.message(lang)
        except TypeError:  # a value that is not hashable: said as it is
            message = finding.message(lang)
        shown_date = days.get(date)
        if shown_date is None and date is not None:
            shown_date = days[date] = date.isoformat()
        shown.append(
            {
                "rule": rule,
                "severity": severity,
                "blocking": blocking,
                "account": account,
                "post": post,
                "post_status": post_status,
                "date": shown_date,
                "until": until.isoformat() if until else None,
                "message": message,
            }
        )
    return shown


def check_text(report: Report, lang: str) -> str:
    """A heading with the range and the counts, each account's findings under its name, and a
    closing line."""
    summary = report.summary()
    lines = [t("cli.check_header", lang, start=day(report.start, lang), end=day(report.end, lang), **summary)]
    account = None
    for finding in report.findings:
        if finding.account != account:
            account = finding.account
            lines += ["", account]
        lines.append(finding_line(finding, lang))
    closing = t("cli.check_summary", lang, **summary) if report.findings else t("cli.all_clear", lang)
    return "\n".join([*lines, "", closing]) + "\n"


def finding_line(finding: Finding, lang: str) -> str:
    """One finding: its mark, day, post (or the account), title, rule and message."""
    mark = "✗" if finding.severity == "error" else "!"
    where = finding.post or t("cli.account_level", lang)
    when = day(finding.date, lang) if finding.date else "—"
    flag = f" [{t('cli.blocking', lang)}]" if finding.blocking else ""
    status = f" ({t('status.' + finding.post_status, lang)})" if finding.post_status else ""
    title = t(f"{finding.rule}.title", lang)
    return f"  {mark} {when:<10} {where}{status} {title} ({finding.rule}){flag}: {finding.message(lang)}"
