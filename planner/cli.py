"""The `planner` command line: the contract in SPEC, calling the same services as the app.

Exit codes: 0 success and nothing blocking; 1 blocking findings or a refused action;
2 usage or data error (one line on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from planner.domain.calendar import default_range, widen_to_weeks
from planner.domain.errors import DataError, PlannerError
from planner.domain.fields import parse_date
from planner.domain.library import FILTERS
from planner.domain.model import ABSENCE_KINDS, PEOPLE_SHOWN, POST_KINDS, RIGHTS, ROLES
from planner.i18n import default_lang, t
from planner.i18n.shown import shown_stream

if TYPE_CHECKING:
    from planner.services import Note


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (--help)\n")


def _common(with_lang: bool = True) -> Parser:
    """--data, --user and --lang, accepted before or after any subcommand's own arguments
    (`asset add` has a --lang of its own: the language of its alt text)."""
    common = Parser(add_help=False)
    common.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS, help="workspace folder")
    common.add_argument("--user", metavar="ID", default=argparse.SUPPRESS, help="who is writing")
    if with_lang:
        common.add_argument("--lang", choices=("fi", "en"), default=argparse.SUPPRESS)
    return common


def _range_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--account", metavar="ID")
    parser.add_argument("--from", dest="start", metavar="DATE")
    parser.add_argument("--to", dest="end", metavar="DATE")


def build_parser() -> Parser:
    common = _common()
    parser = Parser(prog="planner", parents=[common], description="Somekalenteri")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo workspace")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    init = sub.add_parser("init", parents=[common], help="create a workspace")
    init.add_argument("dir")
    init.add_argument("--demo", action="store_true")

    imp = sub.add_parser("import", parents=[common], help="load a workspace document")
    imp.add_argument("file")

    check = sub.add_parser("check", parents=[common], help="check readiness")
    _range_args(check)
    check.add_argument("--format", choices=("text", "json"), default="text")

    post = sub.add_parser("post", parents=[common], help="add, mark ready and list posts")
    posts = post.add_subparsers(dest="post_command", required=True, parser_class=Parser)
    add = posts.add_parser("add", parents=[common])
    add.add_argument("--account", required=True, metavar="ID")
    add.add_argument("--at", required=True, metavar="'YYYY-MM-DD HH:MM'")
    add.add_argument("--text", required=True)
    add.add_argument("--media", nargs="+", action="extend", default=[], metavar="ID")
    add.add_argument("--owner", metavar="ID")
    add.add_argument("--kind", choices=POST_KINDS, default="other")
    add.add_argument("--title", default="")
    add.add_argument("--campaign", metavar="ID")
    edit = posts.add_parser("edit", parents=[common])
    edit.add_argument("post_id", metavar="POST_ID")
    edit.add_argument("--revision", type=int, metavar="N", help="refuse if the post has moved past N")
    edit.add_argument("--at", metavar="'YYYY-MM-DD HH:MM'")
    edit.add_argument("--text")
    edit.add_argument("--media", nargs="*", action="extend", metavar="ID")
    edit.add_argument("--owner", metavar="ID")
    edit.add_argument("--kind", choices=POST_KINDS)
    edit.add_argument("--title")
    edit.add_argument("--campaign", metavar="ID")
    ready = posts.add_parser("ready", parents=[common])
    ready.add_argument("post_id", metavar="POST_ID")
    listing = posts.add_parser("list", parents=[common])
    _range_args(listing)
    listing.add_argument("--format", choices=("text", "json"), default="text")

    export = sub.add_parser("export", parents=[common], help="checklists and calendar feeds")
    exports = export.add_subparsers(dest="export_command", required=True, parser_class=Parser)
    checklist = exports.add_parser("checklist", parents=[common])
    checklist.add_argument("--format", choices=("csv", "json", "md", "html", "xlsx"), required=True)
    _range_args(checklist)
    checklist.add_argument("-o", "--output", metavar="FILE")
    checklist.add_argument("--delimiter", "--separator", choices=(";", ",", "tab"), default=";")
    checklist.add_argument("--include-personal-data", action="store_true")
    ics = exports.add_parser("ics", parents=[common])
    _range_args(ics)  # by default every dated post
    ics.add_argument("-o", "--output", metavar="FILE", required=True)

    _team_parsers(sub, common)
    _library_parsers(sub, common)

    bench = sub.add_parser("bench", parents=[common], help="benchmarks on generated workspaces")
    benches = bench.add_subparsers(dest="bench_command", required=True, parser_class=Parser)
    make = benches.add_parser("generate", parents=[common], help="a seeded city- or metro-sized workspace")
    make.add_argument("--scale", choices=("small", "city", "metro"), default="city")
    make.add_argument("--seed", type=int, default=2026)
    make.add_argument("directory", metavar="DIR")
    measure = benches.add_parser("run", parents=[common], help="the performance table (medians, ratios)")
    measure.add_argument("--scale", nargs="+", choices=("small", "city", "metro"), default=["city", "metro"])
    measure.add_argument("--runs", type=int, default=5)
    measure.add_argument("--cache", metavar="DIR", help="where generated workspaces are kept")
    measure.add_argument("--json", metavar="FILE", help="also write the figures as JSON")

    doctor = sub.add_parser("doctor", parents=[common], help="check the workspace files and repair them")
    doctor.add_argument("--repair", action="store_true", help="put back good backups, clean up, fix modes")
    doctor.add_argument("--break-lock", action="store_true", help="remove a lock whose holder is gone")
    doctor.add_argument("--yes", action="store_true", help="do not ask before breaking the lock")
    doctor.add_argument("--reanchor", action="store_true",
                        help="admins: re-anchor a damaged audit log knowingly (recorded in it)")  # fmt: skip

    audit = sub.add_parser("audit", parents=[common], help="the audit log")
    audits = audit.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    audits.add_parser("verify", parents=[common])
    return parser


def _team_parsers(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """person, absence, deputy and coverage: the admins' commands (everyone may list)."""
    person = sub.add_parser("person", parents=[common], help="people and their roles")
    people = person.add_subparsers(dest="person_command", required=True, parser_class=Parser)
    add = people.add_parser("add", parents=[common])
    add.add_argument("person_id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--email", required=True)
    add.add_argument("--role", dest="roles", action="append", choices=ROLES, required=True)
    edit = people.add_parser("edit", parents=[common])
    edit.add_argument("--revision", type=int, metavar="N", help="refuse if the person has moved past N")
    edit.add_argument("person_id", metavar="ID")
    edit.add_argument("--name")
    edit.add_argument("--email")
    edit.add_argument("--role", dest="roles", action="append", choices=ROLES)
    retire = people.add_parser("retire", parents=[common])
    retire.add_argument("person_id", metavar="ID")
    retire.add_argument("--from", dest="start", metavar="DATE", help="first day away (default today)")
    retire.add_argument("--successor", metavar="ID", help="who takes over roles, posts and deputy duties")
    listing = people.add_parser("list", parents=[common])
    listing.add_argument("--format", choices=("text", "json"), default="text")

    absence = sub.add_parser("absence", parents=[common], help="vacations, sick leave, training")
    absences = absence.add_subparsers(dest="absence_command", required=True, parser_class=Parser)
    add = absences.add_parser("add", parents=[common])
    add.add_argument("person_id", metavar="PERSON_ID")
    add.add_argument("--from", dest="start", required=True, metavar="DATE")
    add.add_argument("--to", dest="end", required=True, metavar="DATE")
    add.add_argument("--kind", choices=ABSENCE_KINDS, default="vacation")
    add.add_argument("--deputy", metavar="PERSON_ID")
    imp = absences.add_parser("import", parents=[common])
    imp.add_argument("file", metavar="FILE.csv")
    remove = absences.add_parser("remove", parents=[common])
    remove.add_argument("absence_id", metavar="ABSENCE_ID")
    listing = absences.add_parser("list", parents=[common])
    listing.add_argument("--person", metavar="ID")
    listing.add_argument("--from", dest="start", metavar="DATE")
    listing.add_argument("--to", dest="end", metavar="DATE")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    deputy = sub.add_parser("deputy", parents=[common], help="deputies for absences")
    deputies = deputy.add_subparsers(dest="deputy_command", required=True, parser_class=Parser)
    assign = deputies.add_parser("assign", parents=[common])
    assign.add_argument("absence_id", metavar="ABSENCE_ID")
    assign.add_argument("deputy_id", metavar="PERSON_ID")
    assign.add_argument("--handover", action="store_true", help="hand the absent owner's posts over too")
    clear = deputies.add_parser("clear", parents=[common])
    clear.add_argument("absence_id", metavar="ABSENCE_ID")
    propose = deputies.add_parser("candidates", parents=[common])
    propose.add_argument("absence_id", metavar="ABSENCE_ID")
    propose.add_argument("--format", choices=("text", "json"), default="text")

    coverage = sub.add_parser("coverage", parents=[common], help="gaps in coverage, by account")
    _range_args(coverage)
    coverage.add_argument("--format", choices=("text", "json"), default="text")


def _content_lang(parser: argparse.ArgumentParser, what: str) -> None:
    """--lang names the content's language here; the interface language moves to --ui-lang."""
    parser.add_argument("--lang", dest="content_lang", metavar="LANG", help=f"language of {what}")
    parser.add_argument("--ui-lang", dest="lang", choices=("fi", "en"), default=argparse.SUPPRESS)


def _library_parsers(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    bare = _common(with_lang=False)
    asset = sub.add_parser("asset", parents=[common], help="the media library")
    assets = asset.add_subparsers(dest="asset_command", required=True, parser_class=Parser)
    add = assets.add_parser("add", parents=[bare])
    add.add_argument("file", metavar="FILE")
    add.add_argument("--id", dest="asset_id", metavar="ID")
    add.add_argument("--alt", metavar="TEXT")
    _content_lang(add, "--alt (default: the first)")
    add.add_argument("--people", choices=PEOPLE_SHOWN, default="unknown")
    add.add_argument("--consent", dest="consents", nargs="+", action="extend", default=[], metavar="ID")
    add.add_argument("--rights", choices=RIGHTS, default="unknown")
    add.add_argument("--rights-expire", metavar="DATE", help="the day a licence ends")
    add.add_argument("--attribution", default="", metavar="TEXT", help="the credit a CC licence asks for")
    add.add_argument("--strip-location", action="store_true", help="store a copy without GPS data")
    edit = assets.add_parser("edit", parents=[bare])
    edit.add_argument("--revision", type=int, metavar="N", help="refuse if the asset has moved past N")
    edit.add_argument("asset_id", metavar="ID")
    edit.add_argument("--alt", metavar="TEXT", help='alt text ("" removes it)')
    _content_lang(edit, "--alt (default: the first)")
    edit.add_argument("--people", choices=PEOPLE_SHOWN)
    edit.add_argument("--consent", dest="consents", nargs="+", action="extend", default=[], metavar="ID")
    edit.add_argument("--unlink", nargs="+", action="extend", default=[], metavar="ID")
    edit.add_argument("--rights", choices=RIGHTS)
    edit.add_argument("--rights-expire", metavar="DATE", help='the day a licence ends ("" clears it)')
    edit.add_argument("--attribution", metavar="TEXT")
    subtitles = assets.add_parser("subtitles", parents=[bare])
    subtitles.add_argument("asset_id", metavar="VIDEO_ID")
    subtitles.add_argument("file", metavar="FILE")
    _content_lang(subtitles, "the subtitles (default: the first)")
    listing = assets.add_parser("list", parents=[common])
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument("--missing", choices=FILTERS[1:], help="only assets that lack this")

    consent = sub.add_parser("consent", parents=[common], help="photo permissions")
    consents = consent.add_subparsers(dest="consent_command", required=True, parser_class=Parser)
    new = consents.add_parser("add", parents=[common])
    new.add_argument("--subject", required=True, metavar="NAME", help="the person shown (or a pseudonym)")
    new.add_argument("--scope", nargs="+", action="extend", required=True, metavar="ACCOUNT|PLATFORM|*")
    new.add_argument("--id", dest="consent_id", metavar="ID")
    new.add_argument("--minor", action="store_true", help="the subject is under 18")
    new.add_argument("--guardian", metavar="NAME", help="the guardian who gave the consent")
    new.add_argument("--not-written", dest="written", action="store_false", help="given orally only")
    new.add_argument("--evidence", metavar="FILE", help="the signed form, copied under assets/luvat/")
    new.add_argument("--from", dest="start", metavar="DATE", help="valid from (default today)")
    new.add_argument("--to", dest="end", metavar="DATE", help="valid to (default: until withdrawn)")
    listing = consents.add_parser("list", parents=[common])
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument("--find", metavar="TEXT", default="")
    listing.add_argument("--include-personal-data", action="store_true", help="names (admins only)")
    withdraw = consents.add_parser("withdraw", parents=[common])
    withdraw.add_argument("consent_id", metavar="ID")
    withdraw.add_argument("--date", metavar="DATE", help="the day it was withdrawn (default today)")
    erase = consents.add_parser("erase", parents=[common], help="erase the record for good (admins)")
    erase.add_argument("consent_id", metavar="ID")


def optional_date(value: str | None, field: str) -> dt.date | None:
    """An optional date argument: None when not given, else parsed (a bad one is a usage error)."""
    return parse_date(value, field) if value else None


def resolve_range(start: str | None, end: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """Whole ISO weeks; by default this week and the next 8."""
    first = parse_date(start, "--from") if start else None
    last = parse_date(end, "--to") if end else None
    if first is None and last is None:
        return default_range(today)
    if first is None:
        first = default_range(today)[0]
    if last is None:
        last = default_range(first)[1]
    if last < first:
        raise DataError("cli.range_reversed", start=first, end=last)
    return widen_to_weeks(first, last)


class ShownStream:
    """A text stream whose every write is made safe for a terminal (`i18n.shown_stream`): names,
    texts and arguments never reach it with raw escapes, bidirectional controls or surrogates.
    Bytes written to `.buffer` (an export to standard output) pass as they are."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        return self.inner.write(shown_stream(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def _shown_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, ShownStream):
            continue
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # a terminal that cannot show "ä"
        setattr(sys, name, ShownStream(stream))


BROKEN_PIPE = 141  # as a command that the reader of its pipe left (`planner post list | head -1`)


def main(argv: Sequence[str] | None = None) -> int:
    _shown_streams()
    try:
        args = build_parser().parse_args(argv)
        lang = getattr(args, "lang", None) or default_lang()
        try:
            from planner import commands

            return commands.run(args, lang)
        except PlannerError as exc:
            print(f"planner: {exc.render(lang)}", file=sys.stderr)
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


def demo_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="somekalenteri-demo-"))


def print_json(data: object) -> None:
    """Indented for a person at a terminal; compact (and much quicker to write) into a pipe."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")


def say(key: str, lang: str, **params: object) -> None:
    print(t(key, lang, **params))


def warn(notes: Iterable[Note], lang: str) -> None:
    """Warnings beside a change that went through, one per line on stderr."""
    for note in notes:
        print(t("cli.warning", lang, text=note.render(lang)), file=sys.stderr)
