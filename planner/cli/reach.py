"""`planner feed|digest`: reaching the team where it already is, a calendar subscription for each
person and a morning digest of what is theirs to do, by e-mail."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.args import Helper, session_of
from planner.cli.output import print_json, say, tell


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    feed = sub.add_parser("feed", parents=[common], help=h("cmd.feed"), description=h("cmd.feed.long"))
    feeds = feed.add_subparsers(dest="feed_command", required=True, metavar="add|revoke")
    add = feeds.add_parser("add", parents=[common], help=h("cmd.feed_add"), description=h("cmd.feed_add"))
    add.add_argument("person_id", metavar="ID", help=h("person.id"))
    add.add_argument(
        "--account",
        dest="accounts",
        nargs="+",
        action="extend",
        default=[],
        metavar="ACC",
        help=h("feed.account"),
    )
    revoke = feeds.add_parser(
        "revoke", parents=[common], help=h("cmd.feed_revoke"), description=h("cmd.feed_revoke")
    )
    revoke.add_argument("person_id", metavar="ID", help=h("person.id"))

    digest = sub.add_parser(
        "digest", parents=[common], help=h("cmd.digest"), description=h("cmd.digest.long")
    )
    digest.add_argument(
        "--for", dest="people", nargs="+", action="extend", default=[], metavar="ID", help=h("digest.for")
    )
    digest.add_argument("--format", choices=("text", "html", "json"), default="text", help=h("format"))
    digest.add_argument("--send", action="store_true", help=h("digest.send"))


def feed(args: argparse.Namespace, lang: str) -> int:
    from planner.services import feeds

    session = session_of(args)
    if args.feed_command == "add":
        made, token = feeds.add_feed(session, args.person_id, tuple(args.accounts))
        tell("cli.feed_added", lang, person=made.person)
        print(f"/feed/{token}.ics")
        return 0
    count = feeds.revoke(session, args.person_id)
    say("cli.feed_revoked", lang, person=args.person_id, count=count)
    return 0


def digest(args: argparse.Namespace, lang: str) -> int:
    import planner.services.digest as digests

    session = session_of(args)
    ws = session.load()
    found = digests.digests(ws, session.store.assets, session.now(ws), tuple(args.people), lang)
    if args.send:
        done = digests.send(session, ws, found, lang)
        for person in done.sent:
            say("cli.digest_sent", lang, person=person)
        for person in done.already:
            say("cli.digest_already", lang, person=person)
        for person, reason in done.failed:
            tell("cli.digest_failed", lang, person=person, reason=reason)
        return 1 if done.failed else 0
    if args.format == "json":
        print_json([d.to_dict() for d in found])
    elif args.format == "html":
        print("\n".join(digests.html_of(d, ws, lang) for d in found))
    elif not found:
        say("cli.digest_none", lang)
    else:
        print(("\n" + "-" * 60 + "\n").join(digests.text_of(d, ws, lang) for d in found))
    return 0


HANDLERS = {"feed": feed, "digest": digest}
