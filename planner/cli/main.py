"""The `planner` command line: the parser's root, and a table from each command to the function that
runs it. Each noun's arguments and handler live together in its own module (posts, team, library,
exports, workspace, bench); they import nothing from here.

Exit codes: 0 success and nothing blocking; 1 blocking findings or a refused action; 2 usage or data
error (one line on stderr, nothing written)."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import planner
from planner.cli import accounts, bench, check, crisis, exports, library, posts, serve, team, workspace
from planner.cli.args import (
    EVERY,
    OnlyOne,
    Parser,
    Unbuilt,
    command_named,
    common,
    helper,
    interface_lang,
    localized,
)
from planner.cli.output import refusal, shown_streams
from planner.domain.errors import PlannerError
from planner.i18n import t

Handler = Callable[[argparse.Namespace, str], int]
NOUNS = (
    workspace,
    check,
    posts,
    crisis,
    accounts,
    team,
    library,
    exports,
    serve,
    bench,
)  # in the order help lists them
COMMANDS: dict[str, Handler] = {name: handler for noun in NOUNS for name, handler in noun.HANDLERS.items()}
BROKEN_PIPE = 141  # as a command whose reader left (`planner post list | head -1`)
LASTING = ("serve", "bench")  # commands that run until stopped (like the app): they keep the cycle collector


class _Ran:
    """What the last `main` of this process ran: a command that runs once and ends (not the app,
    not a LASTING one), as `run` asks."""

    once = False


def collector_for(command: str | None) -> None:
    """A command that runs once and ends leaves its memory to the exit: Python's cycle collector
    is turned off for it. A city's year is a million objects, and each full pass over them (set off
    by anything that allocates, such as compiling the link pattern) cost more than judging an
    account. The app and the server run for hours and keep it."""
    _Ran.once = command is not None and command not in LASTING
    if _Ran.once:
        gc.disable()
    else:
        gc.enable()


def build_parser(lang: str, command: str | None = EVERY) -> Parser:
    """The root parser. With `command` (a command's name, or None for none), only that command's
    parsers are built in full (args.OnlyOne)."""
    h = helper(lang)
    Parser.lang = lang
    shared = common(h)
    parser = Parser(
        prog="planner",
        parents=[shared],
        description=t("help.planner", lang),
        epilog=t("help.exit_codes", lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--demo", action="store_true", help=h("demo"))
    # Given by `planner serve` to the app it runs for a browser: it then writes no file a person
    # names (exports are downloads) and takes files only from the uploads folder.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--uploads", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument(
        "--version",
        action="version",
        version=f"planner {planner.__version__} (Somekalenteri)",
        help=h("version"),
    )
    sub = parser.add_subparsers(
        dest="command", parser_class=Parser, title=t("help.commands", lang), metavar=t("help.command", lang)
    )
    table = sub if command == EVERY else OnlyOne(sub, command)
    for noun in NOUNS:
        noun.add_parsers(table, shared, h)
    return parser


def run() -> NoReturn:
    """The `planner` command (its console script and `python -m planner`): `main`, and then, after a
    command that runs once and ends, the process leaves without tearing down what it made. A
    city's year is a million objects, and freeing them one by one as the interpreter shut down
    took 25 ms after every `check` with its caches off. Its answer is flushed first and the exit
    handlers run; with another thread still running, or output that cannot be flushed, the
    process ends as Python ends it."""
    import threading

    code = main()
    if _Ran.once and threading.active_count() == 1:
        try:
            for stream in (sys.stdout, getattr(sys.stdout, "inner", None), sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            raise SystemExit(code) from None
        atexit._run_exitfuncs()
        os._exit(code)
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    collecting = gc.isenabled()
    try:
        return _main(argv)
    finally:
        if collecting:  # called in a process that goes on (a test): as it was
            gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    shown_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = interface_lang(arguments)
    try:
        with localized(lang):
            try:
                args = build_parser(lang, command_named(arguments, COMMANDS)).parse_args(arguments)
            except Unbuilt:
                args = build_parser(lang).parse_args(arguments)
        lang = getattr(args, "lang", None) or lang
        collector_for(args.command)
        try:
            if args.command is None:
                return workspace.open_app(args, lang)
            return COMMANDS[args.command](args, lang)
        except PlannerError as exc:
            refusal(exc.render(lang))
            return exc.exit_code
        except KeyboardInterrupt:
            return 130
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        # Nothing more can be written, and Python's own flush at exit must not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return BROKEN_PIPE
