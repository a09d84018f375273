"""`planner feedback`: the feedback register (add, reply, forward, close, reopen, list, import,
report) and `planner incident`: the harassment log (add, action, link, close, list, show, export)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.cli.args import (
    Helper,
    day_arg,
    format_arg,
    moment_arg,
    range_args,
    required_moment_arg,
    session_of,
)
from planner.cli.output import aligned, print_json, report_import, say, warn, write_output
from planner.domain.choices import (
    CLOSE_REASONS,
    FEEDBACK_KINDS,
    INCIDENT_ACTIONS,
    INCIDENT_CATEGORIES,
    INCIDENT_TARGETS,
)
from planner.i18n import t
from planner.reports.formats import FEEDBACK_FORMATS, INCIDENT_FORMATS

if TYPE_CHECKING:
    from planner.domain.feedback import Feedback
    from planner.domain.workspace import Workspace


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    feedback = sub.add_parser(
        "feedback", parents=[common], help=h("cmd.feedback"), description=h("cmd.feedback.long")
    )
    steps = feedback.add_subparsers(
        dest="feedback_command", required=True, metavar="add|reply|forward|close|reopen|list|import|report"
    )
    add = steps.add_parser(
        "add", parents=[common], help=h("cmd.feedback_add"), description=h("cmd.feedback_add")
    )
    add.add_argument("--account", required=True, metavar="ID", help=h("feedback.account"))
    add.add_argument("--received", required=True, metavar="TIME", help=h("feedback.received"))
    add.add_argument("--text", required=True, help=h("feedback.text"))
    add.add_argument("--from", dest="sender", default="", metavar="HANDLE", help=h("feedback.from"))
    add.add_argument("--link", default="", metavar="URL", help=h("feedback.link"))
    add.add_argument("--post", metavar="POST_ID", help=h("feedback.post"))
    add.add_argument("--kind", choices=FEEDBACK_KINDS, default="comment", help=h("feedback.kind"))
    add.add_argument("--assignee", metavar="ID", help=h("feedback.assignee"))
    reply = steps.add_parser(
        "reply", parents=[common], help=h("cmd.feedback_reply"), description=h("cmd.feedback_reply")
    )
    reply.add_argument("feedback_id", metavar="ID", help=h("feedback.id"))
    reply.add_argument("--at", metavar="TIME", help=h("feedback.at"))
    reply.add_argument("--link", metavar="URL", help=h("feedback.reply_link"))
    reply.add_argument("--note", metavar="TEXT", help=h("feedback.note"))
    forward = steps.add_parser(
        "forward", parents=[common], help=h("cmd.feedback_forward"), description=h("cmd.feedback_forward")
    )
    forward.add_argument("feedback_id", metavar="ID", help=h("feedback.id"))
    forward.add_argument("--to", required=True, metavar="TEXT", help=h("feedback.to"))
    forward.add_argument("--at", metavar="TIME", help=h("feedback.at"))
    close = steps.add_parser(
        "close", parents=[common], help=h("cmd.feedback_close"), description=h("cmd.feedback_close")
    )
    close.add_argument("feedback_id", metavar="ID", help=h("feedback.id"))
    close.add_argument("--reason", required=True, choices=CLOSE_REASONS, help=h("feedback.reason"))
    close.add_argument("--at", metavar="TIME", help=h("feedback.at"))
    reopen = steps.add_parser(
        "reopen", parents=[common], help=h("cmd.feedback_reopen"), description=h("cmd.feedback_reopen")
    )
    reopen.add_argument("feedback_id", metavar="ID", help=h("feedback.id"))
    listing = steps.add_parser(
        "list", parents=[common], help=h("cmd.feedback_list"), description=h("cmd.feedback_list")
    )
    listing.add_argument("--open", dest="only_open", action="store_true", help=h("feedback.open"))
    listing.add_argument("--overdue", dest="only_overdue", action="store_true", help=h("feedback.overdue"))
    range_args(listing, h)
    format_arg(listing, h)
    imp = steps.add_parser(
        "import", parents=[common], help=h("cmd.feedback_import"), description=h("cmd.feedback_import.long")
    )
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx", help=h("feedback.file"))
    report = steps.add_parser(
        "report", parents=[common], help=h("cmd.feedback_report"), description=h("cmd.feedback_report")
    )
    range_args(report, h)
    report.add_argument("--format", required=True, choices=FEEDBACK_FORMATS, help=h("format"))
    report.add_argument("-o", "--output", metavar="FILE", help=h("export.output"))

    incident = sub.add_parser(
        "incident", parents=[common], help=h("cmd.incident"), description=h("cmd.incident.long")
    )
    steps = incident.add_subparsers(
        dest="incident_command", required=True, metavar="add|action|link|close|list|show|export"
    )
    add = steps.add_parser(
        "add", parents=[common], help=h("cmd.incident_add"), description=h("cmd.incident_add")
    )
    add.add_argument("--account", required=True, metavar="ID", help=h("feedback.account"))
    add.add_argument("--observed", required=True, metavar="TIME", help=h("incident.observed"))
    add.add_argument("--category", required=True, choices=INCIDENT_CATEGORIES, help=h("incident.category"))
    add.add_argument("--text", required=True, help=h("incident.text"))
    # SPEC's `--from HANDLE ...`: one or more values, and repeatable, as every list option
    many: dict[str, Any] = {"nargs": "+", "action": "extend", "default": []}
    add.add_argument("--from", dest="senders", metavar="HANDLE", help=h("incident.from"), **many)
    add.add_argument("--link", dest="links", metavar="URL", help=h("incident.link"), **many)
    add.add_argument("--target", choices=INCIDENT_TARGETS, default="organization", help=h("incident.target"))
    add.add_argument("--evidence", metavar="FILE", help=h("incident.evidence"), **many)
    action = steps.add_parser(
        "action", parents=[common], help=h("cmd.incident_action"), description=h("cmd.incident_action")
    )
    action.add_argument("incident_id", metavar="ID", help=h("incident.id"))
    action.add_argument("--kind", required=True, choices=INCIDENT_ACTIONS, help=h("incident.action_kind"))
    action.add_argument("--at", metavar="TIME", help=h("feedback.at"))
    action.add_argument("--note", default="", metavar="TEXT", help=h("incident.note"))
    action.add_argument("--ref", default="", metavar="TEXT", help=h("incident.ref"))
    link = steps.add_parser(
        "link", parents=[common], help=h("cmd.incident_link"), description=h("cmd.incident_link")
    )
    link.add_argument("incident_id", metavar="ID", help=h("incident.id"))
    link.add_argument("other_id", metavar="OTHER_ID", help=h("incident.other"))
    close = steps.add_parser(
        "close", parents=[common], help=h("cmd.incident_close"), description=h("cmd.incident_close")
    )
    close.add_argument("incident_id", metavar="ID", help=h("incident.id"))
    listing = steps.add_parser(
        "list", parents=[common], help=h("cmd.incident_list"), description=h("cmd.incident_list")
    )
    format_arg(listing, h)
    show = steps.add_parser(
        "show", parents=[common], help=h("cmd.incident_show"), description=h("cmd.incident_show")
    )
    show.add_argument("incident_id", metavar="ID", help=h("incident.id"))
    format_arg(show, h)
    export = steps.add_parser(
        "export", parents=[common], help=h("cmd.incident_export"), description=h("cmd.incident_export")
    )
    export.add_argument("--format", required=True, choices=INCIDENT_FORMATS, help=h("format"))
    export.add_argument("-o", "--output", required=True, metavar="FILE", help=h("export.output"))


# Feedback -------------------------------------------------------------------------------------------


def answering(ws: Workspace, item: Feedback, today: dt.date) -> str:
    """Who answers an item: its assignee, and while they are away today, who stands in for them
    (`mikko → leena`, `?` when nobody does), as the app's queue says it."""
    from planner.domain.team import standing_in

    if not item.assignee:
        return "-"
    away, deputy = standing_in(ws, item.assignee, today) if item.is_open else (False, None)
    return f"{item.assignee} → {deputy or '?'}" if away else item.assignee


def feedback_cells(item: Feedback, today: dt.date, lang: str, answers: str) -> list[str]:
    """One item's line in a listing, cell by cell: id, due day (marked when overdue or answered
    late), account, status, who answers (`answers`), and the first words of the text."""
    from planner.i18n.dates import day

    mark = t("feedback.overdue_mark", lang) if item.behind(today) else ""
    status = t(f"feedback_status.{item.status}", lang)
    words = " ".join(item.text.split())
    short = words if len(words) <= 50 else words[:49] + "…"
    due = f"{day(item.due, lang)}{mark}"
    return [item.id, due, item.account, status, answers, short]


def feedback(args: argparse.Namespace, lang: str) -> int:
    from planner.services import feedback as services

    session = session_of(args)
    command = args.feedback_command
    if command == "add":
        ws = session.load()
        today = session.now(ws).date()
        received = required_moment_arg(args.received, "--received", today)
        new = services.NewFeedback(
            args.account, received, args.text, args.sender, args.link, args.post, args.kind, args.assignee
        )
        print(services.add_feedback(session, new).id)
        return 0
    if command in ("reply", "forward", "close"):
        ws = session.load()
        at = moment_arg(args.at, "--at", session.now(ws).date())
        if command == "reply":
            item = services.reply(session, args.feedback_id, at, args.link, args.note)
        elif command == "forward":
            item = services.forward(session, args.feedback_id, args.to, at)
        else:
            item = services.close(session, args.feedback_id, args.reason, at)
        key = "cli.feedback_late" if item.late else "cli.feedback_handled"
        say(key, lang, feedback=item.id, status=t(f"feedback_status.{item.status}", lang))
        return 0
    if command == "reopen":
        item = services.reopen(session, args.feedback_id)
        say("cli.feedback_reopened", lang, feedback=item.id)
        return 0
    if command == "import":
        report_import(services.import_feedback(session, Path(args.file)), "cli.feedback_imported", lang)
        return 0
    ws = session.load()
    today = session.now(ws).date()
    start, end = day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
    if command == "list":
        listing = services.Listing(args.account, args.only_open, args.only_overdue, start, end)
        items = services.listed(ws, listing, today)
        if args.format == "json":
            print_json([item.shown(today) for item in items])
        elif not items:
            say("cli.feedback_none", lang)
        else:
            rows = [feedback_cells(item, today, lang, answering(ws, item, today)) for item in items]
            for line in aligned(rows):
                print(line)
        return 0
    from planner.services.exports import feedback_export

    write_output(args.output, feedback_export(session, args.format, lang, start, end, args.account))
    return 0


# Incidents ------------------------------------------------------------------------------------------


def incident(args: argparse.Namespace, lang: str) -> int:
    from planner.services import incidents as services

    session = session_of(args)
    command = args.incident_command
    if command == "add":
        ws = session.load()
        observed = required_moment_arg(args.observed, "--observed", session.now(ws).date())
        new = services.NewIncident(
            args.account,
            observed,
            args.category,
            args.text,
            tuple(args.senders),
            tuple(args.links),
            args.target,
            tuple(Path(p) for p in args.evidence),
        )
        added = services.add_incident(session, new)
        print(added.id)
        warn(services.added_notes(session, session.load(), added), lang)
        return 0
    if command == "action":
        ws = session.load()
        at = moment_arg(args.at, "--at", session.now(ws).date())
        done = services.add_action(session, args.incident_id, args.kind, at, args.note, args.ref)
        say("cli.incident_action", lang, incident=done.id, action=t(f"incident_action.{args.kind}", lang))
        return 0
    if command == "link":
        one, two = services.link(session, args.incident_id, args.other_id)
        say("cli.incident_linked", lang, incident=one.id, other=two.id)
        return 0
    if command == "close":
        services.close_incident(session, args.incident_id)
        say("cli.incident_closed", lang, incident=args.incident_id)
        return 0
    ws = session.load()
    if command == "list":
        seen = services.listed(session, ws)
        if args.format == "json":
            print_json(seen)
        elif not seen:
            say("cli.incident_none", lang)
        else:
            for record in seen:
                print(incident_line(record, lang))
        return 0
    if command == "show":
        record = services.shown(session, ws, args.incident_id)
        if args.format == "json":
            print_json(record)
        else:
            print(incident_text(record, lang))
        return 0
    from planner.services.exports import incidents_export

    write_output(args.output, incidents_export(session, args.format, lang))
    return 0


def incident_line(record: dict[str, Any], lang: str) -> str:
    from planner.i18n.dates import stamp

    category = t(f"incident_category.{record['category']}", lang)
    status = t(f"incident_status.{record['status']}", lang)
    when = stamp(record["observed_at"], lang)
    return f"{record['id']:<13} {when:<18} {record['account']:<28} {status:<9} {category}"


def incident_text(record: dict[str, Any], lang: str) -> str:
    """An incident whole, for its reader at a terminal."""
    from planner.i18n.dates import stamp

    lines = [incident_line(record, lang)]
    lines.append(f"{t('incident.field.target', lang)}: {t('incident_target.' + record['target'], lang)}")
    recorded = stamp(record["recorded_at"] or "", lang)
    lines.append(f"{t('incident.field.recorded', lang)}: {record['recorded_by']} {recorded}")
    if record["from"]:
        lines.append(f"{t('incident.field.from', lang)}: {', '.join(record['from'])}")
    for link in record["links"]:
        lines.append(f"{t('incident.field.link', lang)}: {link}")
    lines += ["", record["text"], ""]
    for action in record["actions"]:
        ref = f" [{action['ref']}]" if action["ref"] else ""
        note = f" — {action['note']}" if action["note"] else ""
        kind = t(f"incident_action.{action['kind']}", lang)
        lines.append(f"  {stamp(action['at'], lang)} {kind} ({action['by']}){ref}{note}")
    for item in record["evidence"]:
        state = t("incident.intact" if item["intact"] else "incident.not_intact", lang)
        name = item["name"] or item["file"]
        lines.append(f"  {t('incident.field.evidence', lang)}: {name} {item['sha256'][:12]}… {state}")
    if record["related"]:
        lines.append(f"{t('incident.field.related', lang)}: {', '.join(record['related'])}")
    return "\n".join(lines)


HANDLERS = {"feedback": feedback, "incident": incident}
