"""What `planner asset|consent` do: call the library and consent services, print the outcome."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli import print_json, say, warn
from planner.domain.library import filtered, posts_using
from planner.domain.model import Asset, Post
from planner.i18n import t
from planner.reports.register import consent_line
from planner.services import Session


def _session(args: argparse.Namespace) -> Session:
    return Session.open(getattr(args, "data", None), getattr(args, "user", None))


def cmd_asset(args: argparse.Namespace, lang: str) -> int:
    from planner.services import library

    session = _session(args)
    command = args.asset_command
    if command == "add":
        new = library.NewAsset(
            file=Path(args.file), id=args.asset_id, alt=args.alt, lang=args.content_lang, people=args.people,
            consents=tuple(args.consents), rights=args.rights, rights_expire=args.rights_expire,
            attribution=args.attribution, strip_location=args.strip_location,
        )  # fmt: skip
        asset = library.add_asset(session, new)
        print(asset.id)
        print(t("cli.asset_added", lang, file=asset.file), file=sys.stderr)
    elif command == "edit":
        change = library.AssetEdit(
            alt=args.alt, lang=args.content_lang, people=args.people, link=tuple(args.consents),
            unlink=tuple(args.unlink), rights=args.rights, rights_expire=args.rights_expire,
            attribution=args.attribution, revision=args.revision,
        )  # fmt: skip
        asset = library.edit_asset(session, args.asset_id, change)
        say("cli.asset_edited", lang, asset=asset.id)
    elif command == "subtitles":
        done = library.attach_subtitles(session, args.asset_id, Path(args.file), args.content_lang)
        say(
            "cli.subtitles_attached",
            lang,
            language=done.lang,
            asset=done.asset.id,
            file=done.file,
            cues=done.cues,
        )
        warn(done.warnings, lang)
    else:
        _list_assets(session, args, lang)
    return 0


def _list_assets(session: Session, args: argparse.Namespace, lang: str) -> None:
    ws = session.load()
    assets = filtered(ws, args.missing or "all", session.now(ws).date())
    if args.format == "json":
        print_json([{**a.to_dict(), "used_by": [p.id for p in posts_using(ws, a.id)]} for a in assets])
        return
    if not assets:
        say("cli.no_assets", lang)
    for asset in assets:
        print(_asset_line(asset, [p.id for p in posts_using(ws, asset.id)], lang))


def _asset_line(asset: Asset, used: list[str], lang: str) -> str:
    alt = ",".join(sorted(asset.alt if asset.kind == "image" else asset.subtitles)) or "-"
    label = "alt" if asset.kind == "image" else "subs"
    gps = " GPS" if asset.location else ""
    where = f"{asset.id:<20} {asset.kind:<6} {asset.file:<32}"
    usage = "  " + t("cli.used_by", lang, posts=", ".join(used)) if used else ""
    return f"{where} {asset.people:<12} {asset.rights:<9} {label}:{alt}{gps}{usage}"


def cmd_consent(args: argparse.Namespace, lang: str) -> int:
    from planner.services import consents

    session = _session(args)
    command = args.consent_command
    if command == "add":
        new = consents.NewConsent(
            subject=args.subject, scope=tuple(args.scope), id=args.consent_id, minor=args.minor,
            guardian=args.guardian, written=args.written, valid_from=args.start, valid_to=args.end,
            evidence=Path(args.evidence) if args.evidence else None,
        )  # fmt: skip
        consent = consents.add_consent(session, new)
        print(consent.id)
        print(t("cli.consent_added", lang, consent=consent.id), file=sys.stderr)
        return 0
    if command == "list":
        return _list_consents(session, args, lang)
    if command == "erase":
        erased = consents.erase_consent(session, args.consent_id)
        say("cli.consent_erased", lang, consent=erased.consent_id, assets=", ".join(erased.assets) or "-")
        return 0
    done = consents.withdraw_consent(session, args.consent_id, args.date)
    say("cli.consent_withdrawn", lang, consent=done.consent.id, day=done.consent.withdrawn)
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


def _list_consents(session: Session, args: argparse.Namespace, lang: str) -> int:
    from planner.domain.library import find_consents
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
    when = post.to_dict()["publish_at"] or t("cli.unscheduled", lang)
    return f"{post.id:<8} {when:<16} {post.account:<32} {t('status.' + post.status, lang)}"
