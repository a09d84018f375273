"""The morning digest (SPEC *Reaching the team where it already is*): for each person what is theirs
to do, in their language, as text, HTML and JSON; `--send` mails it through the organization's
SMTP server (STARTTLS when offered, credentials from the environment, never stored), a mail per
person with something to do, a failed delivery named and the others still sent."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import os
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from planner.domain.errors import DataError, system_reason
from planner.domain.feedback import Feedback
from planner.domain.feeds import Mailing
from planner.domain.model import Person, Post
from planner.domain.roles import require_writer
from planner.domain.rules import Context
from planner.domain.rules.accounts import PASSWORD_MAX_AGE_DAYS, counted_posts, shortfall
from planner.domain.team import standing_in
from planner.domain.workspace import Workspace
from planner.i18n import fmt_date, keyed, t
from planner.i18n.dates import short_day, short_moment
from planner.services import Session, organization_zone

KINDS = ("post", "feedback", "absence", "consent", "rights", "password", "cadence")
DRAFT_DAYS = 7  # a post due within this many days, not ready, is in its owner's digest
MARKED = ("ready", "scheduled")  # marked ready: in the digest only when it has come to fail a rule
SMTP_SECONDS = 15  # a mail server that does not answer is given up on, not waited for


@dataclass(frozen=True)
class Item:
    kind: str
    id: str
    date: dt.date | None
    text: str

    def to_dict(self) -> dict[str, object]:
        day = self.date.isoformat() if self.date else None
        return {"kind": self.kind, "id": self.id, "date": day, "text": self.text}


@dataclass(frozen=True)
class Digest:
    person: Person
    items: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        items = [i.to_dict() for i in self.items]
        return {"person": self.person.id, "email": self.person.email, "items": items}


def _items(ws: Workspace, person: Person, ctx: Context, coming: list[Post], lang: str) -> list[Item]:
    """What is `person`'s to do, kind by kind in the digest's order of headings."""
    today = ctx.today
    return [
        *_posts(ws, person, ctx, coming, lang),
        *_feedback(ws, person, today, lang),
        *_deputies(ws, person, today, lang),
        *_media(ws, person, today, lang),
        *_accounts(ws, person, today, lang),
    ]


def _coming(ws: Workspace, today: dt.date) -> list[Post]:
    """The posts with an owner due within a week that are drafts or marked ready, in the
    calendar's order."""
    week_end = today + dt.timedelta(days=DRAFT_DAYS)
    return [
        post
        for post in ws.posts_view.sorted()
        if post.owner
        and post.status in ("draft", *MARKED)
        and today <= (post.publish_date or dt.date.min) <= week_end
    ]


def _posts(ws: Workspace, person: Person, ctx: Context, coming: list[Post], lang: str) -> list[Item]:
    """Of `coming`, the ones that are theirs, with what stands in the way of marking each ready
    (judged as `check` judges, their media's files read): their own, and those of someone away on
    the post's day whose absence they cover as its deputy. A post marked ready is among them only
    when it fails a rule now (a consent withdrawn, a crisis hold): it would go out as it is."""
    from planner.domain.check import check_post

    items = []
    for post in coming:
        day = post.publish_date
        if not post.owner or day is None:
            continue
        away = _covered_by(ws, post.owner, day, person)
        if post.owner != person.id and away is None:
            continue
        results = check_post(post, ctx).items()
        failing = [rule for rule, found in results if any(f.severity == "error" for f in found)]
        if post.status in MARKED and not failing:
            continue
        why = ", ".join(t(f"{rule}.title", lang) for rule in failing) or t("digest.not_marked", lang)
        if post.status in MARKED:
            why = t("digest.marked_failing", lang, status=t(f"status.{post.status}", lang), why=why)
        when = short_moment(post.publish_at, lang) if post.publish_at else ""
        text = t("digest.post", lang, when=when, post=post.label(), account=post.account, why=why)
        items.append(Item("post", post.id, day, _covering(ws, text, away, lang)))
    return items


def _covered_by(ws: Workspace, owner: str, day: dt.date, person: Person) -> str | None:
    """`owner` when they are away on `day` and `person` is the deputy who covers their absence
    then (a deputy keeps the posting and the answers going); None otherwise."""
    away, deputy = standing_in(ws, owner, day)
    return owner if away and owner != person.id and deputy == person.id else None


def _covering(ws: Workspace, text: str, away: str | None, lang: str) -> str:
    """An item's text, saying whom it is done for when it is another's."""
    if away is None:
        return text
    who = ws.people[away].name if away in ws.people else away
    return t("digest.covering", lang, item=text, person=who)


def _feedback(ws: Workspace, person: Person, today: dt.date, lang: str) -> list[Item]:
    """The feedback they are to answer, the late first: their own, and that of someone away today
    whose absence they cover as its deputy (as the app's feedback queue shows it), for an answer
    stays due while the person it was given to is away."""
    mine: list[tuple[Feedback, str | None]] = []
    for item in ws.feedback.values():
        if item.is_open and item.assignee:
            away = _covered_by(ws, item.assignee, today, person)
            if item.assignee == person.id or away is not None:
                mine.append((item, away))
    items = []
    mine.sort(key=lambda found: (not found[0].overdue(today), found[0].due, found[0].id))
    for item, away in mine:
        key = "digest.feedback_late" if item.overdue(today) else "digest.feedback"
        words = " ".join(item.text.split())[:80]
        due = short_day(item.due, lang)
        text = t(key, lang, account=item.account, text=words, due=due)
        items.append(Item("feedback", item.id, item.due, _covering(ws, text, away, lang)))
    return items


def _deputies(ws: Workspace, person: Person, today: dt.date, lang: str) -> list[Item]:
    """The absences starting within a week for which they are the deputy."""
    week_end = today + dt.timedelta(days=7)
    items = []
    for absence in sorted(ws.absences.values(), key=lambda a: a.start):
        if absence.deputy == person.id and today <= absence.start <= week_end:
            who = ws.people[absence.person].name if absence.person in ws.people else absence.person
            start, end = fmt_date(absence.start, lang), fmt_date(absence.end, lang)
            text = t("digest.absence", lang, person=who, start=start, end=end)
            items.append(Item("absence", absence.id, absence.start, text))
    return items


def _media(ws: Workspace, person: Person, today: dt.date, lang: str) -> list[Item]:
    """Rights and consents that end within 30 days, of the media in their coming posts."""
    limit = today + dt.timedelta(days=30)
    upcoming = [
        p
        for p in ws.posts.values()
        if p.owner == person.id and p.status != "cancelled" and p.publish_date and p.publish_date >= today
    ]
    items = []
    for asset_id in sorted({a for p in upcoming for a in p.media if a in ws.assets}):
        asset = ws.assets[asset_id]
        if asset.rights_expire and today <= asset.rights_expire <= limit:
            text = t("digest.rights", lang, asset=asset.id, day=fmt_date(asset.rights_expire, lang))
            items.append(Item("rights", asset.id, asset.rights_expire, text))
        for consent_id in asset.consents:
            consent = ws.consents.get(consent_id)
            if consent and consent.valid_to and today <= consent.valid_to <= limit:
                until = fmt_date(consent.valid_to, lang)
                text = t("digest.consent", lang, consent=consent.id, asset=asset.id, day=until)
                items.append(Item("consent", consent.id, consent.valid_to, text))
    return items


def _accounts(ws: Workspace, person: Person, today: dt.date, lang: str) -> list[Item]:
    """The passwords they keep that are too old, and this week's cadence of the accounts they own."""
    monday = today - dt.timedelta(days=today.weekday())
    items = []
    for account in sorted(ws.accounts.values(), key=lambda a: a.id):
        if person.id in account.admins and account.status != "closed":
            changed = account.password_changed
            if changed is None or (today - changed).days > PASSWORD_MAX_AGE_DAYS:
                last = fmt_date(changed, lang) if changed else "-"
                text = t("digest.password", lang, account=account.id, day=last)
                items.append(Item("password", account.id, changed, text))
        if person.id in account.owners:
            count = shortfall(ws, account, counted_posts(ws, account.id), monday)
            if count is not None:
                required = ws.cadence_of(account)
                text = t("digest.cadence", lang, account=account.id, count=count, required=required)
                items.append(Item("cadence", account.id, monday, text))
    return items


def digests(
    ws: Workspace, assets_root: Path, now: dt.datetime, people: Sequence[str], lang: str
) -> list[Digest]:
    """Each person's digest (of `people`, else everyone who may write), leaving out those with
    nothing to do."""
    from planner.services.checks import context

    today = now.date()
    coming = _coming(ws, today)
    ctx = context(ws, assets_root, now, today, today + dt.timedelta(days=DRAFT_DAYS), coming)
    for person_id in people:
        if person_id not in ws.people:
            raise DataError("err.unknown_person", value=person_id)
    chosen = [ws.people[p] for p in people] if people else sorted(ws.people.values(), key=lambda p: p.id)
    found = []
    for person in chosen:
        if not person.writes or person.is_retired_on(now.date()):
            continue
        items = _items(ws, person, ctx, coming, lang)
        if items:
            found.append(Digest(person, items))
    return found


def text_of(digest: Digest, ws: Workspace, lang: str) -> str:
    lines = [t("digest.hello", lang, name=digest.person.name or digest.person.id), ""]
    for kind in KINDS:
        mine = [i for i in digest.items if i.kind == kind]
        if mine:
            lines.append(t(f"digest.heading.{kind}", lang))
            lines += [f"  - {i.text}" for i in mine]
            lines.append("")
    lines.append(t("digest.footer", lang, name=ws.organization.name or "Somekalenteri"))
    return "\n".join(lines) + "\n"


def html_of(digest: Digest, ws: Workspace, lang: str) -> str:
    esc = html.escape
    name = ws.organization.name or "Somekalenteri"
    subject = esc(t("digest.subject", lang, name=name))
    hello = esc(t("digest.hello", lang, name=digest.person.name or digest.person.id))
    parts = [
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">',
        f"<title>{subject}</title></head>",
        f'<body style="font-family:sans-serif"><p>{hello}</p>',
    ]
    for kind in KINDS:
        mine = [i for i in digest.items if i.kind == kind]
        if mine:
            parts.append(f"<h3>{esc(t(f'digest.heading.{kind}', lang))}</h3><ul>")
            parts += [f"<li>{esc(i.text)}</li>" for i in mine]
            parts.append("</ul>")
    footer = esc(t("digest.footer", lang, name=name))
    parts.append(f'<p style="color:#666">{footer}</p></body></html>')
    return "".join(parts)


def message(digest: Digest, ws: Workspace, lang: str, written: dt.datetime) -> EmailMessage:
    """A person's digest as a mail written at `written` (the organization's local time): text and
    HTML, with the Date and Message-ID every mail carries (a mail without them is taken for spam)."""
    mail = EmailMessage()
    mail["Subject"] = t("digest.subject", lang, name=ws.organization.name or "Somekalenteri")
    mail["From"] = ws.organization.mail_from
    mail["To"] = digest.person.email
    mail["Date"] = email.utils.format_datetime(written.replace(tzinfo=organization_zone(ws)))
    domain = email.utils.parseaddr(ws.organization.mail_from)[1].rpartition("@")[2] or "somekalenteri.invalid"
    mail["Message-ID"] = email.utils.make_msgid("digest", domain=domain)
    mail.set_content(text_of(digest, ws, lang))
    mail.add_alternative(html_of(digest, ws, lang), subtype="html")
    return mail


@dataclass(frozen=True)
class Sent:
    sent: list[str]  # the people mailed now
    already: list[str]  # mailed earlier today: not again
    failed: list[tuple[str, str]]  # not mailed, and why


def send(session: Session, ws: Workspace, found: Sequence[Digest], lang: str) -> Sent:
    """Mail each digest, at most once a day to a person (each mail recorded as it goes: a rerun
    after a failure mails only those it did not reach). A connection of its own per mail: one
    refused recipient or a server that hangs up fails that mail alone."""
    require_writer(session.actor(ws), "action.digest_send")
    organization = ws.organization
    if not organization.smtp or not organization.mail_from:
        raise DataError("err.smtp_unset")
    today = session.now(ws).date()
    host, _, port = organization.smtp.rpartition(":")
    user, password = os.environ.get("PLANNER_SMTP_USER"), os.environ.get("PLANNER_SMTP_PASSWORD")
    try:
        seconds = float(os.environ.get("PLANNER_SMTP_TIMEOUT") or SMTP_SECONDS)
    except ValueError:
        seconds = SMTP_SECONDS
    sent: list[str] = []
    already: list[str] = []
    failed: list[tuple[str, str]] = []
    for digest in found:
        last = ws.mailings.get(digest.person.id)
        if last is not None and last.day == today:
            already.append(digest.person.id)
            continue
        if not digest.person.email:
            failed.append((digest.person.id, t("digest.no_email", lang)))
            continue
        try:
            with smtplib.SMTP(host, int(port), timeout=seconds) as server:
                server.ehlo()
                if server.has_extn("starttls"):
                    server.starttls(context=ssl.create_default_context())
                    server.ehlo()
                if user and password:
                    server.login(user, password)
                server.send_message(message(digest, ws, lang, session.now(ws)))
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            failed.append((digest.person.id, _mail_failure(exc, seconds, lang)))
            continue
        _record(session, digest.person.id)
        sent.append(digest.person.id)
    return Sent(sent, already, failed)


def _mail_failure(exc: Exception, seconds: float, lang: str) -> str:
    """Why a mail did not go, in `lang`: what the team can act on (a server that does not answer,
    refuses the connection or cannot be found), and a server's refusal with its own reply quoted,
    as the server's words, never Python's."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        address, (code, reply) = next(iter(exc.recipients.items()))
        return t("mail.refused_address", lang, address=address, code=code, reply=_reply(reply))
    if isinstance(exc, smtplib.SMTPResponseException):
        return t("mail.server_said", lang, code=exc.smtp_code, reply=_reply(exc.smtp_error))
    # smtplib raises a silent server's timeout as "Connection unexpectedly closed: timed out"
    if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
        said = f"{seconds:g}".replace(".", "," if lang == "fi" else ".")
        return t("mail.timed_out", lang, seconds=said)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return t("mail.disconnected", lang)
    if isinstance(exc, OSError):
        return t("mail.system", lang, **keyed(system_reason(exc), lang))
    return t("mail.server_said", lang, code="-", reply=_reply(str(exc)))


def _reply(said: bytes | str) -> str:
    """A server's reply as one short line of printable text."""
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else said
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())[:200]


def _record(session: Session, person: str) -> None:
    """The mail went out: recorded at once, with its audit line."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        now = session.now(unit.base)
        unit.put("mailings", Mailing(person, now.date(), now), action="digest")
