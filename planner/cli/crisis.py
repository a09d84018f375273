"""`planner crisis start|end|status`: a crisis hold pauses ordinary posts until it is ended."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.args import Helper, format_arg, session_of
from planner.cli.output import post_line, print_json, say
from planner.i18n import t


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    crisis = sub.add_parser(
        "crisis", parents=[common], help=h("cmd.crisis"), description=h("cmd.crisis.long")
    )
    steps = crisis.add_subparsers(dest="crisis_command", required=True, metavar="start|end|status")
    start = steps.add_parser(
        "start", parents=[common], help=h("cmd.crisis_start"), description=h("cmd.crisis_start")
    )
    start.add_argument("--reason", required=True, metavar="TEXT", help=h("crisis.reason"))
    start.add_argument(
        "--account", nargs="+", action="extend", default=[], metavar="ID", help=h("crisis.account")
    )
    steps.add_parser("end", parents=[common], help=h("cmd.crisis_end"), description=h("cmd.crisis_end"))
    status = steps.add_parser(
        "status", parents=[common], help=h("cmd.crisis_status"), description=h("cmd.crisis_status")
    )
    format_arg(status, h)


def run(args: argparse.Namespace, lang: str) -> int:
    from planner.services import crisis

    session = session_of(args)
    if args.crisis_command == "start":
        hold = crisis.start_hold(session, args.reason, tuple(args.account))
        print(hold.id)
        held = crisis.status(session.load()).held
        say(
            "cli.crisis_started",
            lang,
            accounts=", ".join(hold.accounts) or t("cli.all_accounts", lang),
            count=len(held),
        )
        for post in held:
            print(post_line(post, lang))
        return 0
    if args.crisis_command == "end":
        for hold in crisis.end_holds(session):
            say("cli.crisis_ended", lang, hold=hold.id, reason=hold.reason)
        return 0
    found = crisis.status(session.load())
    if args.format == "json":
        print_json(
            {
                "on": bool(found.holds),
                "holds": [hold.to_dict() for hold in found.holds],
                "held": [post.to_dict() for post in found.held],
            }
        )
        return 0
    if not found.holds:
        say("cli.crisis_none", lang)
        return 0
    for hold in found.holds:
        say(
            "cli.crisis_hold",
            lang,
            hold=hold.id,
            reason=hold.reason,
            by=hold.started_by,
            since=hold.started_at,  # the catalogue writes a time as the language does
            accounts=", ".join(hold.accounts) or t("cli.all_accounts", lang),
        )
    say("cli.crisis_held", lang, count=len(found.held))
    for post in found.held:
        print(post_line(post, lang))
    return 0


HANDLERS = {"crisis": run}
