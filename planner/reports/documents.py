"""The readiness checklist as a Markdown document and as a printable, self-contained HTML page."""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from planner.domain.check import Report
from planner.domain.workspace import Workspace
from planner.i18n import fmt_date, t
from planner.reports.checklist import rows

RESULT_MARK = {"ok": "✓", "fail": "✗", "warn": "!"}


def _sections(report: Report, ws: Workspace, lang: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Rows grouped by account, then by post ('' for the account's own checks)."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in rows(report, ws, lang):
        grouped[row["account"]][row["post"]].append(row)
    return grouped


def _heading(report: Report, ws: Workspace, lang: str, generated_at: str) -> tuple[str, str]:
    title = t("doc.title", lang, org=ws.organization.name or "-")
    period = t(
        "doc.period",
        lang,
        start=fmt_date(report.start, lang),
        end=fmt_date(report.end, lang),
        at=generated_at.replace("T", " "),
    )
    return title, period


def _post_cells(post_rows: list[dict[str, Any]], lang: str) -> list[str]:
    first = post_rows[0]
    problems = [r for r in post_rows if r["result"] != "ok"]
    verdict = " ".join(f"{RESULT_MARK[r['result']]} {r['rule']}: {r['message']}" for r in problems) or "✓"
    ready = f"{first['ready_by']} {first['ready_at'].replace('T', ' ')}".strip() or "-"
    status = t("status." + first["status"], lang)
    return [
        first["post"],
        first["publish_at"].replace("T", " ") or "-",
        status,
        first["title"],
        ready,
        verdict,
    ]


def as_markdown(report: Report, ws: Workspace, lang: str, generated_at: str) -> str:
    title, period = _heading(report, ws, lang, generated_at)
    summary = report.summary()
    out = [f"# {title}", "", period, "", t("cli.check_summary", lang, **summary), ""]
    headers = [t(f"doc.col.{c}", lang) for c in ("post", "time", "status", "title", "ready", "checks")]

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    for account, by_post in sorted(_sections(report, ws, lang).items()):
        out += [f"## {account}", "", f"### {t('doc.account_checks', lang)}", ""]
        for row in by_post.get("", []):
            out.append(
                f"- {RESULT_MARK[row['result']]} `{row['rule']}` {row['message'] or row['rule_title']}"
            )
        posts = [p for p in by_post if p]
        out += ["", f"### {t('doc.posts', lang)}", ""]
        if not posts:
            out += [t("cli.no_posts", lang), ""]
            continue
        out += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        for post_id in posts:
            out.append("| " + " | ".join(cell(c) for c in _post_cells(by_post[post_id], lang)) + " |")
        out.append("")
    return "\n".join(out)


_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#111}
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.9em}
th{background:#eee}.fail{color:#a00}.warn{color:#960}.ok{color:#070}
@media print{body{margin:0}h2{page-break-before:auto}}
"""


def as_html(report: Report, ws: Workspace, lang: str, generated_at: str) -> str:
    """One page, no external resources: it prints and attaches as it is."""
    title, period = _heading(report, ws, lang, generated_at)
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1><p>{esc(period)}</p>",
        f"<p><strong>{esc(t('cli.check_summary', lang, **report.summary()))}</strong></p>",
    ]
    headers = [t(f"doc.col.{c}", lang) for c in ("post", "time", "status", "title", "ready", "checks")]
    for account, by_post in sorted(_sections(report, ws, lang).items()):
        out.append(f"<h2>{esc(account)}</h2><h3>{esc(t('doc.account_checks', lang))}</h3><ul>")
        for row in by_post.get("", []):
            text = row["message"] or row["rule_title"]
            out.append(
                f'<li class="{row["result"]}">{RESULT_MARK[row["result"]]} '
                f"<code>{esc(row['rule'])}</code> {esc(text)}</li>"
            )
        out.append(f"</ul><h3>{esc(t('doc.posts', lang))}</h3>")
        posts = [p for p in by_post if p]
        if not posts:
            out.append(f"<p>{esc(t('cli.no_posts', lang))}</p>")
            continue
        out.append("<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers) + "</tr>")
        for post_id in posts:
            cells = _post_cells(by_post[post_id], lang)
            failing = any(r["result"] == "fail" for r in by_post[post_id])
            css = "fail" if failing else "ok"
            out.append(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells[:-1]) + f'<td class="{css}">'
                f"{esc(cells[-1])}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
