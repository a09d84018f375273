"""The `planner` command line: the parser's root, and a table from each command to the function that
runs it. Each noun's arguments and handler live together in its own module (posts, team, library,
exports, workspace, bench); they import nothing from here.

Exit codes: 0 success and nothing blocking; 1 blocking findings or a refused action; 2 usage or data
error (one line on stderr, nothing written)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import planner
from planner.cli import (
    accounts,
    check,
    completion,
    crisis,
    exports,
    feedback,
    library,
    posts,
    reach,
    results,
    serve,
    team,
    workspace,
)
from planner.cli.args import Parser, common, explicit_lang, helper, interface_lang, localized
from planner.cli.config import load_config
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
    feedback,
    results,
    exports,
    reach,
    serve,
    completion,
)  # in the order help lists them
COMMANDS: dict[str, Handler] = {name: handler for noun in NOUNS for name, handler in noun.HANDLERS.items()}
BROKEN_PIPE = 141  # as a command whose reader left (`planner post list | head -1`)


def build_parser(lang: str) -> Parser:
    """The root parser, every command's parsers with it."""
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
    for noun in NOUNS:
        noun.add_parsers(sub, shared, h)
    return parser


def defaults(args: argparse.Namespace, config: dict[str, str]) -> None:
    """`data` and `user` from the config file, where neither an option nor the environment gave
    one (PLANNER_DATA and PLANNER_USER win over the file)."""
    if getattr(args, "data", None) is None and not os.environ.get("PLANNER_DATA") and config.get("data"):
        args.data = config["data"]
    if getattr(args, "user", None) is None and not os.environ.get("PLANNER_USER") and config.get("user"):
        args.user = config["user"]


def run() -> NoReturn:
    """The `planner` command (its console script and `python -m planner`)."""
    raise SystemExit(main())


def main(argv: Sequence[str] | None = None) -> int:
    shown_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = interface_lang(arguments)
    try:
        try:
            config = load_config()
        except PlannerError as exc:
            refusal(exc.render(lang))
            return exc.exit_code
        if config.get("lang") and not explicit_lang(arguments):
            lang = config["lang"]
        with localized(lang):
            root = build_parser(lang)
            args = root.parse_args(arguments)
        lang = getattr(args, "lang", None) or lang
        defaults(args, config)
        try:
            if args.command is None:
                return workspace.open_app(args, lang)
            if args.command == "completion":
                sys.stdout.write(completion.script(args.shell, root))
                return 0
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
