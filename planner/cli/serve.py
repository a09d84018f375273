"""`planner serve` (the app in the browser, behind a sign-in) and `planner login set|remove`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from planner.cli.args import Helper, session_of
from planner.cli.output import say
from planner.domain.errors import DataError, system_reason


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    serve = sub.add_parser("serve", parents=[common], help=h("cmd.serve"), description=h("cmd.serve.long"))
    serve.add_argument("--host", default="127.0.0.1", help=h("serve.host"))
    serve.add_argument("--port", type=int, default=8080, help=h("serve.port"))
    serve.add_argument("--public-url", metavar="URL", help=h("serve.public_url"))
    serve.add_argument("--trust-header", metavar="NAME", help=h("serve.trust_header"))
    serve.add_argument("--uploads", metavar="DIR", help=h("serve.uploads"))
    serve.add_argument("--forwarded-for", action="store_true", help=h("serve.forwarded_for"))
    login = sub.add_parser("login", parents=[common], help=h("cmd.login"), description=h("cmd.login"))
    logins = login.add_subparsers(dest="login_command", required=True, metavar="set|remove")
    for name in ("set", "remove"):
        step = logins.add_parser(
            name, parents=[common], help=h(f"cmd.login_{name}"), description=h(f"cmd.login_{name}")
        )
        step.add_argument("person", metavar="ID", help=h("login.id"))


def _password(lang: str) -> str:
    """Asked twice on a terminal (not shown); one line from standard input otherwise."""
    from planner.i18n import t

    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(t("cli.password_prompt", lang))
        if getpass.getpass(t("cli.password_again", lang)) != first:
            raise DataError("err.password_mismatch")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def login(args: argparse.Namespace, lang: str) -> int:
    from planner.services import logins

    session = session_of(args)
    if args.login_command == "set":
        logins.set_login(session, args.person, _password(lang))
        say("cli.login_set", lang, person=args.person)
        return 0
    if logins.remove_login(session, args.person):
        say("cli.login_removed", lang, person=args.person)
    else:
        say("cli.login_none", lang, person=args.person)
    return 0


def serve(args: argparse.Namespace, lang: str) -> int:
    from pathlib import Path

    from planner.domain.values import web_address
    from planner.serve.server import Config
    from planner.serve.server import serve as run

    session = session_of(args)
    session.load()  # a workspace that does not read is said now, not to the first browser
    public = web_address(args.public_url, key="err.bad_public_url") if args.public_url else None
    if not 0 < args.port < 65536:
        raise DataError("err.bad_port", value=args.port)
    _can_listen(args.host, args.port)
    if not args.trust_header:
        from planner.cli.output import tell
        from planner.storage.logins import logins_path, read_logins

        if not read_logins(logins_path()):
            tell("cli.serve_no_logins", lang, file=str(logins_path()))
    uploads = Path(args.uploads).resolve() if args.uploads else None
    if uploads is not None and not uploads.is_dir():
        raise DataError("err.not_a_folder", path=str(uploads))
    config = Config(
        root=Path(session.store.root),
        lang=lang,
        host=args.host,
        port=args.port,
        public_url=public,
        trust_header=args.trust_header,
        uploads=uploads,
        forwarded_for=args.forwarded_for,
    )
    run(config)
    return 0


def _can_listen(host: str, port: int) -> None:
    """A port taken by another program, or an address not this machine's, is said in one line
    before anything is served (aiohttp's own refusal comes as a traceback, after the banner)."""
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise DataError("err.cannot_listen", host=host, port=port, **system_reason(error)) from None


HANDLERS = {"serve": serve, "login": login}
