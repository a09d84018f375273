"""Exports the app and the command line share: the checklist in any format, written atomically
where the user asked, with progress reported per account for long ones; the account register, the
calendar feed, the results report, the feedback report and, for admins, the harassment log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from planner.domain.check import Finding, Report
from planner.domain.errors import DataError, Refused, system_reason
from planner.domain.workspace import Workspace
from planner.reports.formats import FEEDBACK_FORMATS, INCIDENT_FORMATS, RESULTS_FORMATS
from planner.services import Session
from planner.storage.files import atomic_write, make_dir

Progress = Callable[[int, int, str], None]  # done, total, what is being done (a catalogue key)


@dataclass(frozen=True)
class ChecklistRequest:
    fmt: str
    start: dt.date
    end: dt.date
    account: str | None = None
    include_personal_data: bool = False
    delimiter: str = ";"


def write_export(path: Path, data: bytes, make_folder: bool = False) -> None:
    """A regular file is replaced atomically; anything else that exists (a terminal, a pipe,
    /dev/null) is written to as it is, never replaced by a file. `make_folder`: the folder is
    made first, as the team's (0770) like every folder of a workspace."""
    target = path.resolve()
    try:
        if make_folder:
            make_dir(target.parent)
        if target.exists() and not target.is_file():
            if target.is_dir():
                raise IsADirectoryError(21, "is a folder", str(path))
            with target.open("wb") as out:
                out.write(data)
            return
        atomic_write(target, data)
    except OSError as exc:
        raise DataError("err.output", file=str(path), **system_reason(exc)) from exc


def checklist_export(
    session: Session, request: ChecklistRequest, lang: str, progress: Progress | None = None
) -> bytes:
    """The checklist's bytes; consent subjects' names only when an admin asks for them."""
    from planner.reports.checklist import build
    from planner.reports.formats import checklist_bytes

    report_progress = progress or (lambda done, total, what: None)
    ws = session.load()
    if request.account and request.account not in ws.accounts:
        raise DataError("err.unknown_account", value=request.account)
    if request.include_personal_data and "admin" not in session.actor(ws).roles:
        raise Refused("refused.personal_data")
    from planner.services.checks import check_report

    report = check_report(session, request.start, request.end, request.account, report_progress)
    total = (len(ws.accounts) if request.account is None else 1) + 1
    report_progress(total - 1, total, "ui.export_writing")
    who = session.user if session.user and session.user in ws.people else ""
    checklist = build(report, ws, lang, session.stamp(ws), who, request.include_personal_data)
    data = checklist_bytes(request.fmt, checklist, report, lang, request.delimiter)
    report_progress(total, total, "ui.export_writing")
    return data


def calendar_export(
    session: Session,
    account: str | None,
    lang: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> bytes:
    """The iCalendar feed of the dated posts (of one account, in a range), with their readiness."""

    ws = session.load()
    if account and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    return calendar_for(session, ws, {account} if account else None, lang, start, end)


def calendar_for(
    session: Session,
    ws: Workspace,
    accounts: Collection[str] | None,
    lang: str,
    start: dt.date | None,
    end: dt.date | None,
    refresh: bool = False,
) -> bytes:
    """The iCalendar feed of `accounts`' dated posts in start..end, each with its readiness."""
    from planner.domain.calendar import widen_to_weeks
    from planner.reports.ics import calendar_feed
    from planner.services.checks import check_posts

    now = session.now(ws)
    days = [p.publish_date for p in ws.posts.values() if p.publish_date] or [now.date()]
    first, last = widen_to_weeks(start or min(days), end or max(days))
    # Each post's readiness (the post rules): a feed shows posts, and a post in 9998 costs no more
    # than one next week.
    report = Report(first, last, check_posts(ws, session.store.assets, now, first, last), {})
    return calendar_feed(ws, report, accounts, lang, now, start, end, refresh)


def account_findings(ws: Workspace, now: dt.datetime) -> dict[str, list[Finding]]:
    """Each account's own findings (the account rules) over the default range of `check`: this
    ISO week and the next 8."""
    from planner.domain.calendar import default_range
    from planner.domain.check import check_account
    from planner.domain.rules import Context
    from planner.services import public_holidays

    start, end = default_range(now.date())
    ctx = Context(ws, now, start, end, public_holidays(ws, start, end))
    return {
        account.id: [f for found in check_account(account, ctx).values() for f in found]
        for account in ws.accounts.values()
    }


def register_export(
    session: Session, fmt: str, lang: str, public: bool = False, delimiter: str = ";"
) -> bytes:
    """The account register (every account, its people and its findings), or with `public` the
    list of official accounts for the city's web page (active ones: name, platform, address)."""
    from planner.reports.account_register import build, register_bytes

    ws = session.load()
    now = session.now(ws)
    who = session.user if session.user and session.user in ws.people else ""
    findings = {} if public else account_findings(ws, now)
    register = build(ws, findings, now.date(), lang, session.stamp(ws), who, public)
    return register_bytes(fmt, register, lang, delimiter)


def results_export(
    session: Session, fmt: str, lang: str, start: dt.date | None, end: dt.date | None, account: str | None
) -> bytes:
    """The results report over start..end: by default the last full month, and from a first day
    alone up to today."""
    from planner.reports.results import report_bytes
    from planner.services import results

    _offered(fmt, RESULTS_FORMATS, "ui.export_what.results")
    ws = session.load()
    today = session.now(ws).date()
    default_start, default_end = results.last_full_month(today)
    first = start or default_start
    last = end or (default_end if start is None else today)
    found = results.results(ws, account, first, last, today)
    return report_bytes(fmt, found, ws.organization.name, lang, session.user or "Somekalenteri")


def feedback_export(
    session: Session, fmt: str, lang: str, start: dt.date | None, end: dt.date | None, account: str | None
) -> bytes:
    """The feedback report over start..end: by default from the first of January to today."""
    from planner.reports.feedback import report_bytes
    from planner.services import feedback

    _offered(fmt, FEEDBACK_FORMATS, "ui.export_what.feedback")
    ws = session.load()
    today = session.now(ws).date()
    first = start or dt.date(today.year, 1, 1)
    last = end or today
    if last < first:
        raise DataError("err.range_reversed", start=first, end=last)
    made = feedback.report(ws, account, first, last, today)
    months = feedback.monthly(ws, account, first, last, today)
    return report_bytes(fmt, made, months, ws, today, session.user, lang)


def incidents_export(session: Session, fmt: str, lang: str) -> bytes:
    """Every incident whole, for the police or occupational safety: admins only."""
    from planner.reports.incidents import export_bytes
    from planner.services.incidents import for_export

    _offered(fmt, INCIDENT_FORMATS, "ui.export_what.incidents")
    ws = session.load()
    return export_bytes(fmt, for_export(session, ws), ws, session.now(ws), session.user, lang)


def _offered(fmt: str, formats: tuple[str, ...], what: str) -> None:
    if fmt not in formats:
        raise DataError("err.format_not_offered", what_key=what, value=fmt, formats=", ".join(formats))
