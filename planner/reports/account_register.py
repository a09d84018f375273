"""The account register a municipality keeps and reports to its communications manager: one row
per account with who may update it, how its login is kept, when it last published and what the
account rules find. `public` gives only what goes on the city's list of official accounts: the
name, platform and address of the active ones. Every format is drawn from the one row model."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from planner.domain.check import Finding
from planner.domain.model import Account
from planner.domain.workspace import Workspace
from planner.i18n import fmt_date, t
from planner.i18n.dates import stamp
from planner.reports.tables import Table

FORMATS = ("csv", "json", "md", "html", "xlsx")
PUBLIC_COLUMNS = ("name", "platform", "url")
COLUMNS = (
    "account",
    "platform",
    "name",
    "url",
    "unit",
    "status",
    "starts",
    "ends",
    "admins",
    "owners",
    "producers",
    "deputies",
    "login_email",
    "two_factor",
    "password_changed",
    "password_days",
    "listed_on_website",
    "links_to_website",
    "last_published_at",
    "last_published_post",
    "purpose",
    "decided_by",
    "decided_on",
    "told_on",
    "errors",
    "warnings",
    "findings",
)
PEOPLE = ("admins", "owners", "producers", "deputies")
FLAGS = ("two_factor", "listed_on_website", "links_to_website")
DATES = ("starts", "ends", "password_changed", "decided_on", "told_on")
GROUPED = ("account.cadence", "account.coverage")  # one finding per week or gap: counted, not listed


@dataclass(frozen=True)
class Register:
    organization: str
    generated_at: str
    generated_by: str
    public: bool
    today: dt.date
    rows: list[dict[str, Any]]

    @property
    def columns(self) -> tuple[str, ...]:
        return PUBLIC_COLUMNS if self.public else COLUMNS


def _last_published(ws: Workspace, account_id: str) -> tuple[dt.datetime | None, str | None]:
    published = [p for p in ws.posts_of(account_id) if p.status == "published"]
    if not published:
        return None, None
    last = max(published, key=lambda p: (p.published_at or p.publish_at or dt.datetime.min, p.id))
    return last.published_at or last.publish_at, last.id


def _row(
    ws: Workspace, account: Account, findings: Sequence[Finding], today: dt.date, lang: str
) -> dict[str, Any]:
    names = {pid: p.name or pid for pid, p in ws.people.items()}
    last_at, last_post = _last_published(ws, account.id)
    changed = account.password_changed
    return {
        "account": account.id,
        "platform": account.platform,
        "name": account.name,
        "url": account.url,
        "unit": account.unit,
        "status": account.status,
        "starts": account.starts,
        "ends": account.ends,
        **{kind: [names.get(pid, pid) for pid in getattr(account, kind)] for kind in PEOPLE},
        "login_email": account.login_email,
        "two_factor": account.two_factor,
        "password_changed": changed,
        "password_days": (today - changed).days if changed else None,
        "listed_on_website": account.listed_on_website,
        "links_to_website": account.links_to_website,
        "last_published_at": last_at,
        "last_published_post": last_post,
        "purpose": account.purpose,
        "decided_by": account.decided_by,
        "decided_on": account.decided_on,
        "told_on": account.told_on,
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "findings": _grouped(findings, lang),
    }


def _grouped(findings: Sequence[Finding], lang: str) -> list[dict[str, Any]]:
    """One entry per rule and message kind: nine weeks under the cadence are one line saying so."""
    by_rule: dict[tuple[str, str], list[Finding]] = {}
    for found in findings:
        by_rule.setdefault((found.rule, found.severity), []).append(found)
    out: list[dict[str, Any]] = []
    for (rule, severity), same in by_rule.items():
        messages = list(dict.fromkeys(f.message(lang) for f in same))
        if rule in GROUPED and len(same) > 1:
            messages = [t("doc.reg_more", lang, message=messages[0], count=len(same) - 1)]
        out.extend({"rule": rule, "severity": severity, "message": m} for m in messages)
    return out


def build(
    ws: Workspace,
    findings: Mapping[str, Sequence[Finding]],
    today: dt.date,
    lang: str,
    generated_at: str,
    generated_by: str,
    public: bool = False,
) -> Register:
    """The register's rows, by platform and name; public: only accounts active today."""
    from planner.domain.fields import finnish_key

    accounts = sorted(ws.accounts.values(), key=lambda a: (a.platform, finnish_key(a.name), a.id))
    if public:  # what a city's web page lists: active accounts the city says are its own
        official = [a for a in accounts if a.is_active_on(today) and a.listed_on_website]
        rows = [{c: getattr(a, c) for c in PUBLIC_COLUMNS} for a in official]
    else:
        rows = [_row(ws, a, findings.get(a.id, ()), today, lang) for a in accounts]
    return Register(ws.organization.name, generated_at, generated_by, public, today, rows)


# Formats ------------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _text(column: str, value: Any, lang: str, data: bool = False) -> str:
    """A cell as a person reads it, in their language; `data` (CSV): codes, yes/no and ISO dates,
    as the checklist's CSV writes them."""
    if value is None or value == "":
        return ""
    if column in PEOPLE:
        return ", ".join(value)
    if column == "findings":
        return " | ".join(f"{f['rule']}: {f['message']}" for f in value)
    if data:
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(_json_value(value)).replace("T", " ") if isinstance(value, dt.date) else str(value)
    if column in FLAGS:
        return t("doc.yes" if value else "doc.no", lang)
    if column == "status":
        return t(f"status.{value}", lang)
    if column == "platform":
        return t(f"platform.{value}", lang)
    if isinstance(value, dt.date):
        return fmt_date(value, lang)
    return str(value)


def _heading(register: Register, lang: str) -> list[str]:
    key = "doc.register_public_title" if register.public else "doc.register_title"
    lines = [t(key, lang, org=register.organization or "-")]
    lines.append(
        t(
            "doc.register_made",
            lang,
            at=stamp(register.generated_at, lang),
            by=register.generated_by or t("doc.nobody", lang),
        )
    )
    return lines


def public_list(register: Register, lang: str) -> list[dict[str, str]]:
    """The public list as a city's web page takes it: each account's name, its platform as people
    write it (Facebook, X, LinkedIn) and its address."""
    return [
        {"name": row["name"], "platform": t(f"platform.{row['platform']}", lang), "url": row["url"]}
        for row in register.rows
    ]


def public_fragment(register: Register, lang: str) -> str:
    """The public list as an HTML fragment for a city's web page: one `<ul>`, no page around it,
    nothing to fetch; each account a link to its address."""
    esc = html.escape
    items = []
    for entry in public_list(register, lang):
        name, platform, url = (esc(entry[k]) for k in ("name", "platform", "url"))
        named = (
            f'<a href="{esc(entry["url"], quote=True)}" rel="me noopener">{name}</a>'
            if entry["url"].casefold().startswith(("https://", "http://"))
            else name
        )
        items.append(f"  <li>{named} – {platform}</li>")
    title = esc(t("doc.register_public_title", lang, org=register.organization or "-"))
    opening = f'<ul class="somekalenteri-official-accounts" aria-label="{title}">'
    return "\n".join([opening, *items, "</ul>", ""])


def as_json(register: Register) -> dict[str, Any]:
    return {
        "organization": register.organization,
        "generated_at": register.generated_at,
        "generated_by": register.generated_by or None,
        "public": register.public,
        "accounts": [{c: _json_value(row[c]) for c in register.columns} for row in register.rows],
    }


def _table(register: Register, lang: str, data: bool = False) -> Table:
    """The register as a plain table: its columns' names for a machine and for a person, and each
    row's values as text (`data`: as a machine reads them, in the CSV)."""
    title, made = _heading(register, lang)
    header = [t(f"doc.reg.{c}", lang) for c in register.columns]
    rows = [[_text(c, row[c], lang, data=data) for c in register.columns] for row in register.rows]
    return Table(title, made, register.columns, header, rows)


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #999;padding:.25em .45em;text-align:left;vertical-align:top;font-size:.85em}"
    "th{background:#eee}@page{size:A4 landscape;margin:12mm}"
    # Printed, the 27 columns of a row would not fit an A4 page (a browser drops the ones past its
    # edge): each account is printed as a card of its fields, three to a row.
    ".cards{display:none;grid-template-columns:repeat(3,1fr);gap:.6em}.card{break-inside:avoid}"
    ".card th{width:40%;background:#f4f4f4;font-weight:normal}"
    ".card caption{text-align:left;font-weight:bold;padding:.2em 0}"
    "@media print{body{margin:0}tr{break-inside:avoid}.wide{display:none}.cards{display:grid}"
    "th,td{font-size:7pt;padding:.1em .3em}h1{font-size:14pt;margin:0 0 .2em}}"
)


def as_html(register: Register, lang: str) -> str:
    """One self-contained page (no links, scripts or fonts): it prints and attaches as it is; on
    the public list the addresses are links, since that list is meant for the web page."""
    esc = html.escape
    title, made = _heading(register, lang)

    def cell(column: str, value: Any) -> str:
        text = _text(column, value, lang)
        if register.public and column == "url" and text.casefold().startswith(("https://", "http://")):
            return f'<td><a href="{esc(text, quote=True)}">{esc(text)}</a></td>'
        return f"<td>{esc(text)}</td>"

    names = {c: esc(t(f"doc.reg.{c}", lang)) for c in register.columns}
    head = "".join(f"<th>{names[c]}</th>" for c in register.columns)
    body = ["<tr>" + "".join(cell(c, row[c]) for c in register.columns) + "</tr>" for row in register.rows]
    first = register.columns[0]
    cards = [
        f'<table class="card"><caption>{esc(_text(first, row[first], lang))}</caption>'
        + "".join(f"<tr><th>{names[c]}</th>{cell(c, row[c])}</tr>" for c in register.columns[1:])
        + "</table>"
        for row in register.rows
    ]
    table = (
        [
            f'<table class="wide"><thead><tr>{head}</tr></thead><tbody>',
            *body,
            "</tbody></table>",
            '<div class="cards">',
            *cards,
            "</div>",
        ]
        if register.rows
        else [f"<p>{esc(t('doc.none', lang))}</p>"]
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
            f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
            f"<h1>{esc(title)}</h1><p>{esc(made)}</p>",
            *table,
            "</body></html>",
            "",
        ]
    )


def as_workbook(register: Register, lang: str) -> bytes:
    from planner.reports.workbook import workbook

    def value(column: str, found: Any) -> Any:
        if isinstance(found, (dt.date, int)) and not isinstance(found, bool):
            return found
        return _text(column, found, lang) or None

    header = [t(f"doc.reg.{c}", lang) for c in register.columns]
    rows = [[value(c, row[c]) for c in register.columns] for row in register.rows]
    title = _heading(register, lang)
    created = dt.datetime.fromisoformat(register.generated_at)
    sheet = (t("doc.sheet.accounts", lang), header, rows)
    return workbook([sheet], title[0], register.generated_by or "Somekalenteri", created, title)


def register_bytes(fmt: str, register: Register, lang: str, delimiter: str = ";") -> bytes:
    if register.public and fmt == "json":
        return (json.dumps(public_list(register, lang), ensure_ascii=False) + "\n").encode("utf-8")
    if register.public and fmt == "html":
        return public_fragment(register, lang).encode("utf-8")
    if fmt == "json":
        return (json.dumps(as_json(register), ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "csv":  # machine-readable column names, values in the reader's language, formulas inert
        return _table(register, lang, data=True).as_csv(delimiter)
    if fmt == "xlsx":
        return as_workbook(register, lang)
    if fmt == "md":
        return _table(register, lang).as_markdown(t("doc.none", lang))
    return as_html(register, lang).encode("utf-8")
