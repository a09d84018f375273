"""`planner asset|consent`: the media library and the register of photo permissions."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.cli.args import Helper, common, day_arg, format_arg, session_of
from planner.cli.output import aligned, print_json, report_import, say, tell, warn
from planner.domain.choices import FILTERS, PEOPLE_SHOWN, RIGHTS
from planner.i18n import t

if TYPE_CHECKING:
    from planner.domain.model import Asset, Post


def add_parsers(sub: Any, shared: argparse.ArgumentParser, h: Helper) -> None:
    bare = common(h, with_lang=False)  # here --lang is the content's language; --ui-lang the interface's
    asset = sub.add_parser("asset", parents=[shared], help=h("cmd.asset"), description=h("cmd.asset"))
    assets = asset.add_subparsers(dest="asset_command", required=True, metavar="add|edit|subtitles|list")
    add = assets.add_parser(
        "add", parents=[bare], help=h("cmd.asset_add"), description=h("cmd.asset_add.long")
    )
    add.add_argument("file", metavar="FILE", help=h("asset.file"))
    add.add_argument("--id", dest="asset_id", metavar="ID", help=h("asset.id"))
    add.add_argument("--alt", metavar="TEXT", help=h("asset.alt"))
    add.add_argument("--lang", dest="content_lang", metavar="LANG", help=h("asset.lang"))
    add.add_argument("--people", choices=PEOPLE_SHOWN, default="unknown", help=h("asset.people"))
    add.add_argument(
        "--consent",
        dest="consents",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help=h("asset.consent"),
    )
    add.add_argument("--rights", choices=RIGHTS, default="unknown", help=h("asset.rights"))
    add.add_argument("--rights-expire", metavar="DATE", help=h("asset.rights_expire"))
    add.add_argument("--attribution", default="", metavar="TEXT", help=h("asset.attribution"))
    add.add_argument("--strip-location", action="store_true", help=h("asset.strip_location"))
    edit = assets.add_parser(
        "edit", parents=[bare], help=h("cmd.asset_edit"), description=h("cmd.asset_edit")
    )
    edit.add_argument("asset_id", metavar="ID", help=h("asset.id"))
    edit.add_argument("--revision", type=int, metavar="N", help=h("revision"))
    edit.add_argument("--alt", metavar="TEXT", help=h("asset.alt_edit"))
    edit.add_argument("--lang", dest="content_lang", metavar="LANG", help=h("asset.lang"))
    edit.add_argument("--people", choices=PEOPLE_SHOWN, help=h("asset.people"))
    edit.add_argument(
        "--consent",
        dest="consents",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help=h("asset.consent"),
    )
    edit.add_argument(
        "--unlink", nargs="+", action="extend", default=[], metavar="ID", help=h("asset.unlink")
    )
    edit.add_argument("--rights", choices=RIGHTS, help=h("asset.rights"))
    edit.add_argument("--rights-expire", metavar="DATE", help=h("asset.rights_expire_edit"))
    edit.add_argument("--attribution", metavar="TEXT", help=h("asset.attribution"))
    subtitles = assets.add_parser(
        "subtitles", parents=[bare], help=h("cmd.asset_subtitles"), description=h("cmd.asset_subtitles.long")
    )
    subtitles.add_argument("asset_id", metavar="VIDEO_ID", help=h("asset.video"))
    subtitles.add_argument("file", metavar="FILE.srt|FILE.vtt", help=h("asset.subtitle_file"))
    subtitles.add_argument("--lang", dest="content_lang", metavar="LANG", help=h("asset.subtitle_lang"))
    listing = assets.add_parser(
        "list", parents=[shared], help=h("cmd.asset_list"), description=h("cmd.asset_list")
    )
    format_arg(listing, h)
    listing.add_argument("--missing", choices=FILTERS[1:], help=h("asset.missing"))

    consent = sub.add_parser("consent", parents=[shared], help=h("cmd.consent"), description=h("cmd.consent"))
    consents = consent.add_subparsers(
        dest="consent_command", required=True, metavar="add|list|withdraw|erase|import"
    )
    new = consents.add_parser(
        "add", parents=[shared], help=h("cmd.consent_add"), description=h("cmd.consent_add")
    )
    new.add_argument("--subject", required=True, metavar="NAME", help=h("consents.subject"))
    new.add_argument(
        "--scope",
        nargs="+",
        action="extend",
        required=True,
        metavar="ACCOUNT|PLATFORM|*",
        help=h("consents.scope"),
    )
    new.add_argument("--id", dest="consent_id", metavar="ID", help=h("consents.id"))
    new.add_argument("--minor", action="store_true", help=h("consents.minor"))
    new.add_argument("--guardian", metavar="NAME", help=h("consents.guardian"))
    new.add_argument("--not-written", dest="written", action="store_false", help=h("consents.not_written"))
    new.add_argument("--evidence", metavar="FILE", help=h("consents.evidence"))
    new.add_argument("--from", dest="start", metavar="DATE", help=h("consents.from"))
    new.add_argument("--to", dest="end", metavar="DATE", help=h("consents.to"))
    listing = consents.add_parser(
        "list", parents=[shared], help=h("cmd.consent_list"), description=h("cmd.consent_list")
    )
    format_arg(listing, h)
    listing.add_argument("--find", metavar="TEXT", default="", help=h("consents.find"))
    listing.add_argument("--include-personal-data", action="store_true", help=h("personal_data"))
    withdraw = consents.add_parser(
        "withdraw", parents=[shared], help=h("cmd.consent_withdraw"), description=h("cmd.consent_withdraw")
    )
    withdraw.add_argument("consent_id", metavar="ID", help=h("consents.id_existing"))
    withdraw.add_argument("--date", metavar="DATE", help=h("consents.withdrawn"))
    erase = consents.add_parser(
        "erase", parents=[shared], help=h("cmd.consent_erase"), description=h("cmd.consent_erase")
    )
    erase.add_argument("consent_id", metavar="ID", help=h("consents.id_existing"))
    imp = consents.add_parser(
        "import", parents=[shared], help=h("cmd.consent_import"), description=h("cmd.consent_import.long")
    )
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx", help=h("sheet.file"))


# Assets -------------------------------------------------------------------------------------------


def asset(args: argparse.Namespace, lang: str) -> int:
    from planner.services import library

    session = session_of(args)
    command = args.asset_command
    if command == "list":
        return _list_assets(session, args, lang)
    today = session.now(session.load()).date()
    if command == "add":
        new = library.NewAsset(
            file=Path(args.file),
            id=args.asset_id,
            alt=args.alt,
            lang=args.content_lang,
            people=args.people,
            consents=tuple(args.consents),
            rights=args.rights,
            rights_expire=day_arg(args.rights_expire, "--rights-expire", today),
            attribution=args.attribution,
            strip_location=args.strip_location,
        )
        added = library.add_asset(session, new)
        print(added.id)
        tell("cli.asset_added", lang, file=added.file)
    elif command == "edit":
        clear = args.rights_expire == ""
        change = library.AssetEdit(
            alt=args.alt,
            lang=args.content_lang,
            people=args.people,
            link=tuple(args.consents),
            unlink=tuple(args.unlink),
            rights=args.rights,
            rights_expire=None if clear else day_arg(args.rights_expire, "--rights-expire", today),
            clear_rights_expire=clear,
            attribution=args.attribution,
            revision=args.revision,
        )
        edited = library.edit_asset(session, args.asset_id, change)
        say("cli.asset_edited", lang, asset=edited.id)
    else:
        done = library.attach_subtitles(session, args.asset_id, Path(args.file), args.content_lang)
        say(
            "cli.subtitles_attached",
            lang,
            language=done.lang,
            asset=done.asset.id,
            file=done.file,
            count=done.cues,
        )
        warn(done.warnings, lang)
    return 0


def _list_assets(session: Any, args: argparse.Namespace, lang: str) -> int:
    from planner.domain.library import filtered, posts_using

    ws = session.load()
    assets = filtered(ws, args.missing or "all", session.now(ws).date())
    if args.format == "json":
        print_json([{**a.to_dict(), "used_by": [p.id for p in posts_using(ws, a.id)]} for a in assets])
        return 0
    if not assets:
        say("cli.no_assets", lang)
    for line in aligned(
        [asset_cells(found, [p.id for p in posts_using(ws, found.id)], lang) for found in assets]
    ):
        print(line)
    return 0


def asset_cells(found: Asset, used: list[str], lang: str) -> list[str]:
    """An asset's line of `asset list`, cell by cell: id, kind, file, people, rights, and the
    languages of its alt texts or subtitles with where it is used."""
    languages = ",".join(sorted(found.alt if found.kind == "image" else found.subtitles)) or "-"
    label = t("cli.alt_label" if found.kind == "image" else "cli.subtitles_label", lang)
    gps = " GPS" if found.location else ""
    usage = "  " + t("cli.used_by", lang, posts=", ".join(used)) if used else ""
    people, rights = t(f"people.{found.people}", lang), t(f"rights.{found.rights}", lang)
    kind = t(f"asset_kind.{found.kind}", lang)
    return [found.id, kind, found.file, people, rights, f"{label}:{languages}{gps}{usage}"]


# Consents -----------------------------------------------------------------------------------------


def consent(args: argparse.Namespace, lang: str) -> int:
    from planner.services import consents

    session = session_of(args)
    command = args.consent_command
    if command == "list":
        return _list_consents(session, args, lang)
    if command == "import":
        report_import(consents.import_consents(session, Path(args.file)), "cli.consents_imported", lang)
        return 0
    if command == "erase":
        erased = consents.erase_consent(session, args.consent_id)
        say("cli.consent_erased", lang, consent=erased.consent_id, assets=", ".join(erased.assets) or "-")
        return 0
    today = session.now(session.load()).date()
    if command == "add":
        new = consents.NewConsent(
            subject=args.subject,
            scope=tuple(args.scope),
            id=args.consent_id,
            minor=args.minor,
            guardian=args.guardian,
            written=args.written,
            valid_from=day_arg(args.start, "--from", today),
            valid_to=day_arg(args.end, "--to", today),
            evidence=Path(args.evidence) if args.evidence else None,
        )
        added = consents.add_consent(session, new)
        print(added.id)
        tell("cli.consent_added", lang, consent=added.id)
        return 0
    from planner.i18n.dates import day

    done = consents.withdraw_consent(session, args.consent_id, day_arg(args.date, "--date", today))
    assert done.consent.withdrawn is not None
    say("cli.consent_withdrawn", lang, consent=done.consent.id, day=day(done.consent.withdrawn, lang))
    if done.blocked:
        say("cli.consent_blocked", lang, count=len(done.blocked))
        for post in done.blocked:
            print("  " + _post_ref(post, lang))
    if done.published:
        say("cli.consent_published", lang, count=len(done.published))
        for post in done.published:
            print("  " + _post_ref(post, lang) + (f"  {post.published_url}" if post.published_url else ""))
    if not done.blocked and not done.published:
        say("cli.consent_unused", lang)
    return 0


def _list_consents(session: Any, args: argparse.Namespace, lang: str) -> int:
    from planner.domain.library import find_consents
    from planner.reports.register import consent_line
    from planner.services import consents

    names = args.include_personal_data
    ws, rows = consents.register(session, names)
    wanted = {c.id for c in find_consents(ws, args.find, admin=names)}
    rows = [row for row in rows if row["id"] in wanted]
    if args.format == "json":
        print_json(rows)
        return 0
    if not rows:
        say("cli.no_consents", lang)
    for row in rows:
        print(consent_line(ws.consents[row["id"]], lang, admin=names, names=names))
        if row["assets"]:
            print("    " + t("cli.used_by", lang, posts=", ".join(row["assets"])))
    return 0


def _post_ref(post: Post, lang: str) -> str:
    from planner.cli.output import post_line

    return post_line(post, lang)


HANDLERS = {"asset": asset, "consent": consent}
