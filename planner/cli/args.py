"""The command line's shared arguments: the parser (its help and errors in Finnish or English), the
options every command takes (`--data`, `--user`, `--lang`), ranges and dates as people type them,
and the session they open."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from planner.i18n import default_lang, t
from planner.i18n.argparse_texts import ARGPARSE_FI

if TYPE_CHECKING:
    from planner.services import Session


class Parser(argparse.ArgumentParser):
    """One line on a usage error (exit 2), in the interface language; help in it too."""

    lang = "en"

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """An option whose help is the catalogue's text as it is: argparse fills an option's help
        in with `%` (`%(default)s`), and "90 %" in a help text broke `--help`."""
        if isinstance(kwargs.get("help"), str):
            kwargs["help"] = kwargs["help"].replace("%", "%%")
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} ({t('cli.see_help', self.lang)})\n")


@contextlib.contextmanager
def localized(lang: str) -> Iterator[None]:
    """argparse's own words (usage, options, its errors) in `lang` while the parser is built and
    used: argparse asks its module-level `_` and `ngettext` for them. English is argparse's own, so
    it is not looked up in the system's message catalogues (gettext searched them at each of a
    parse's 200 calls)."""
    table = ARGPARSE_FI if lang == "fi" else {}
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def said(text: str) -> str:
        return table.get(text, text)

    def said_plural(singular: str, plural: str, count: int) -> str:
        return said(singular if count == 1 else plural)

    argparse._ = said  # type: ignore[attr-defined]
    argparse.ngettext = said_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def interface_lang(argv: Sequence[str], env: dict[str, str] | None = None) -> str:
    """The language of messages and help before the arguments are parsed: `--ui-lang`, then
    `--lang` (except in `asset add|edit|subtitles`, where it is the content's), then the locale."""
    tokens = list(argv)
    content_lang = len(tokens) >= 2 and tokens[0] == "asset" and tokens[1] in ("add", "edit", "subtitles")
    for flag in ("--ui-lang", *(() if content_lang else ("--lang",))):
        for index, token in enumerate(tokens):
            value = (
                token.split("=", 1)[1]
                if token.startswith(flag + "=")
                else (tokens[index + 1] if token == flag and index + 1 < len(tokens) else None)
            )
            if value in ("fi", "en"):
                return value
    return default_lang(env)


def explicit_lang(argv: Sequence[str]) -> bool:
    """Whether the command line itself names the language of the messages."""
    return any(token.split("=", 1)[0] in ("--lang", "--ui-lang") for token in argv)


Helper = Callable[[str], str]


def helper(lang: str) -> Helper:
    """The help text of an option, by its key in the catalogue (`help.<key>`)."""
    return lambda key: t(f"help.{key}", lang)


def common(h: Helper, with_lang: bool = True) -> Parser:
    """--data, --user and --lang, accepted before or after any subcommand's own arguments
    (`asset add|edit|subtitles` take --lang for the content's language: there --ui-lang)."""
    shared = Parser(add_help=False)
    shared.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS, help=h("data"))
    shared.add_argument("--user", metavar="ID", default=argparse.SUPPRESS, help=h("user"))
    if with_lang:
        shared.add_argument("--lang", choices=("fi", "en"), default=argparse.SUPPRESS, help=h("lang"))
    shared.add_argument(
        "--ui-lang", dest="lang", choices=("fi", "en"), default=argparse.SUPPRESS, help=h("ui_lang")
    )
    return shared


def range_args(parser: argparse.ArgumentParser, h: Helper, account: bool = True) -> None:
    if account:
        parser.add_argument("--account", metavar="ID", help=h("account_filter"))
    parser.add_argument("--from", dest="start", metavar="DATE", help=h("from"))
    parser.add_argument("--to", dest="end", metavar="DATE", help=h("to"))


def format_arg(
    parser: argparse.ArgumentParser, h: Helper, choices: tuple[str, ...] = ("text", "json")
) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=h("format"))


def env_user() -> str | None:
    return os.environ.get("PLANNER_USER") or None


def session_of(args: argparse.Namespace) -> Session:
    """The workspace and the person writing, from --data/--user (or the environment)."""
    from planner.services import Session

    return Session.open(getattr(args, "data", None), getattr(args, "user", None))


def day_arg(value: str | None, field: str, today: dt.date) -> dt.date | None:
    """An optional day as a person types it (`14.6.2027`, `14.6.`, `2027-06-14`)."""
    from planner.domain.dates import parse_day

    return parse_day(value, field, today) if value else None


def moment_arg(value: str | None, field: str, today: dt.date) -> dt.datetime | None:
    """An optional time as a person types it (`14.6.2027 9.00`, `2027-06-14 09:00`)."""
    from planner.domain.dates import parse_moment

    return parse_moment(value, field, today) if value else None


def required_moment_arg(value: str, field: str, today: dt.date) -> dt.datetime:
    """A time the command cannot do without: an empty one is no time («» is not a time)."""
    from planner.domain.dates import parse_moment

    return parse_moment(value, field, today)


def resolve_range(start: str | None, end: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """Whole ISO weeks; by default this week and the next 8."""
    from planner.domain.calendar import default_range, widen_to_weeks
    from planner.domain.errors import DataError

    first = day_arg(start, "--from", today)
    last = day_arg(end, "--to", today)
    if first is None and last is None:
        return default_range(today)
    if first is None:
        first = default_range(today)[0]
    if last is None:
        last = default_range(first)[1]
    if last < first:
        raise DataError("cli.range_reversed", start=first, end=last)
    return widen_to_weeks(first, last)
