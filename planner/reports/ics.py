"""An iCalendar (RFC 5545) feed of the posts: one event per dated post, with stable UIDs.

Times are written in UTC (`DTSTART:20260615T060000Z`), so there is no time-zone block to read:
clients that read a `VTIMEZONE` the simple way (ical.js; Outlook is reported to do the same) took
only the first date of the lists the `icalendar` library writes and showed every summer post an
hour off. Each event carries `SEQUENCE` (from the post's revision) and `LAST-MODIFIED`, so a
re-import updates it, and is `TRANSPARENT`: posts never block anyone's calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from zoneinfo import ZoneInfo

from planner.domain.check import Report
from planner.domain.model import Post
from planner.domain.text import website_domain
from planner.domain.workspace import Workspace
from planner.i18n import t

EVENT_LENGTH = dt.timedelta(minutes=15)
_STATUS = {"draft": "TENTATIVE", "cancelled": "CANCELLED"}


def readiness(report: Report, post_id: str, lang: str) -> str:
    results = report.posts.get(post_id)
    if results is None:
        return "-"
    findings = [f for found in results.values() for f in found]
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return "✓"
    return t("ics.readiness", lang, errors=errors, warnings=warnings)


def _life_lines(post: Post, lang: str) -> list[str]:
    """Where the post went out and when, or why it was cancelled or taken down."""
    from planner.i18n import fmt_date

    lines = []
    if post.status == "published" and post.published_at is not None:
        lines.append(t("ics.published", lang, at=post.published_at, url=post.published_url or "—"))
    if post.taken_down is not None:
        reason = post.takedown_reason or "—"
        lines.append(t("ics.taken_down", lang, day=fmt_date(post.taken_down, lang), reason=reason))
    if post.status == "cancelled":
        lines.append(t("ics.cancelled", lang, reason=post.cancel_reason or "—"))
    return lines


REFRESH = "PT1H"  # how often a subscribed calendar (Outlook, Google) is asked to fetch the feed again


def calendar_feed(
    ws: Workspace,
    report: Report,
    accounts: Collection[str] | None,
    lang: str,
    now: dt.datetime,
    start: dt.date | None = None,
    end: dt.date | None = None,
    refresh: bool = False,
) -> bytes:
    """The feed (of `accounts`, else every account); re-importing it updates events rather than
    duplicating them (UID = post id). A subscription (`refresh`) says how often to fetch it again,
    in RFC 7986's words and in Outlook's."""
    from icalendar import Calendar, Event

    zone = ZoneInfo(ws.organization.timezone)
    calendar = Calendar()
    calendar.add("prodid", "-//Somekalenteri//planner//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    stamp = now.replace(tzinfo=zone).astimezone(dt.UTC)  # RFC 5545: DTSTAMP is in UTC
    calendar.add("x-wr-calname", f"Somekalenteri – {ws.organization.name}".strip(" –"))
    domain = website_domain(ws.organization.website) or "somekalenteri.invalid"
    if refresh:
        calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH)
    for post in ws.posts_view.sorted():
        if post.publish_at is None or (accounts is not None and post.account not in accounts):
            continue
        if (start and post.publish_at.date() < start) or (end and post.publish_at.date() > end):
            continue
        event = Event()
        event.add("uid", f"{post.id}@{domain}")  # the post keeps it when it moves to another account
        begins = post.publish_at.replace(tzinfo=zone).astimezone(dt.UTC)
        event.add("dtstart", begins)
        event.add("dtend", begins + EVENT_LENGTH)
        event.add("dtstamp", stamp)
        event.add("sequence", max(0, post.revision - 1))  # a newer save of the post: a newer event
        if post.modified_at is not None:
            event.add("last-modified", post.modified_at.replace(tzinfo=zone).astimezone(dt.UTC))
        event.add("transp", "TRANSPARENT")
        status = t("status." + post.status, lang)
        event.add("summary", f"[{post.account}] {post.label()} ({status})")
        lines = [
            post.text,
            "",
            f"{t('ics.account', lang)}: {post.account}",
            f"{t('ics.status', lang)}: {status}",
            f"{t('ics.readiness_label', lang)}: {readiness(report, post.id, lang)}",
        ]
        lines += _life_lines(post, lang)
        if post.status == "published" and post.published_url:
            event.add("url", post.published_url)  # what went out, one click away in Outlook
        event.add("description", "\n".join(lines))
        event.add("status", _STATUS.get(post.status, "CONFIRMED"))
        event.add("categories", [post.account, post.status])
        calendar.add_component(event)
    return bytes(calendar.to_ical())
