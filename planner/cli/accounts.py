"""`planner org|account|campaign`: the organization, its account register and its campaigns."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.cli.args import Helper, day_arg, format_arg, session_of
from planner.cli.output import aligned, print_json, report_import, say, tell, unchanged
from planner.domain import values
from planner.domain.choices import ACCOUNT_STATUSES, PLATFORMS, REPLY_DAYS
from planner.i18n import t
from planner.i18n.dates import day as shown_day

if TYPE_CHECKING:
    from planner.domain.model import Account

ORG_FIELDS = (
    "name",
    "website",
    "required_hashtags",
    "languages",
    "cadence_per_week",
    "reply_within",
    "reply_days",
    "smtp",
    "mail_from",
    "timezone",
    "holiday_country",
)
YES_NO = {"yes": True, "no": False, "kyllä": True, "ei": False, "k": True, "e": False}


def _yes_no(value: str) -> bool:
    found = YES_NO.get(value.strip().casefold())
    if found is None:
        raise argparse.ArgumentTypeError(f"yes|no: {value!r}")
    return found


def _list(parser: argparse.ArgumentParser, flag: str, dest: str, h: Helper, key: str) -> None:
    parser.add_argument(flag, dest=dest, nargs="+", action="extend", metavar="ID", default=None, help=h(key))


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    org = sub.add_parser("org", parents=[common], help=h("cmd.org"), description=h("cmd.org"))
    orgs = org.add_subparsers(dest="org_command", required=True, metavar="show|set")
    show = orgs.add_parser("show", parents=[common], help=h("cmd.org_show"), description=h("cmd.org_show"))
    format_arg(show, h)
    change = orgs.add_parser("set", parents=[common], help=h("cmd.org_set"), description=h("cmd.org_set"))
    change.add_argument("--name", metavar="NAME", help=h("org.name"))
    change.add_argument("--website", metavar="URL", help=h("org.website"))
    change.add_argument(
        "--hashtag", dest="hashtags", nargs="+", action="extend", metavar="TAG", help=h("org.hashtag")
    )
    change.add_argument("--cadence", metavar="N", help=h("org.cadence"))
    change.add_argument("--languages", metavar="fi,sv", help=h("org.languages"))
    change.add_argument("--reply-within", type=int, metavar="N", help=h("org.reply_within"))
    change.add_argument("--reply-days", choices=REPLY_DAYS, help=h("org.reply_days"))
    change.add_argument("--smtp", metavar="HOST:PORT", help=h("org.smtp"))
    change.add_argument("--mail-from", metavar="ADDRESS", help=h("org.mail_from"))

    account = sub.add_parser("account", parents=[common], help=h("cmd.account"), description=h("cmd.account"))
    accounts = account.add_subparsers(dest="account_command", required=True, metavar="add|edit|list|import")
    add = accounts.add_parser(
        "add", parents=[common], help=h("cmd.account_add"), description=h("cmd.account_add")
    )
    add.add_argument("--platform", required=True, choices=PLATFORMS, help=h("account.platform"))
    add.add_argument("--name", required=True, metavar="NAME", help=h("account.name"))
    add.add_argument("--id", dest="account_id", metavar="ID", help=h("account.id_new"))
    _account_options(add, h)
    edit = accounts.add_parser(
        "edit", parents=[common], help=h("cmd.account_edit"), description=h("cmd.account_edit")
    )
    edit.add_argument("account_id", metavar="ID", help=h("account.id"))
    edit.add_argument("--platform", choices=PLATFORMS, help=h("account.platform"))
    edit.add_argument("--name", metavar="NAME", help=h("account.name"))
    edit.add_argument("--revision", type=int, metavar="N", help=h("revision"))
    _account_options(edit, h)
    edit.add_argument("--status", choices=ACCOUNT_STATUSES, help=h("account.status"))
    edit.add_argument("--two-factor", type=_yes_no, metavar="yes|no", help=h("account.two_factor"))
    edit.add_argument("--password-changed", metavar="DATE", help=h("account.password_changed"))
    edit.add_argument("--listed", type=_yes_no, metavar="yes|no", help=h("account.listed"))
    edit.add_argument("--links-back", type=_yes_no, metavar="yes|no", help=h("account.links_back"))
    edit.add_argument("--review", type=_yes_no, metavar="yes|no", help=h("account.review"))
    listing = accounts.add_parser(
        "list", parents=[common], help=h("cmd.account_list"), description=h("cmd.account_list")
    )
    format_arg(listing, h)
    imp = accounts.add_parser(
        "import", parents=[common], help=h("cmd.account_import"), description=h("cmd.account_import.long")
    )
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx", help=h("sheet.file"))

    campaign = sub.add_parser(
        "campaign", parents=[common], help=h("cmd.campaign"), description=h("cmd.campaign")
    )
    campaigns = campaign.add_subparsers(dest="campaign_command", required=True, metavar="add|edit|list")
    new = campaigns.add_parser(
        "add", parents=[common], help=h("cmd.campaign_add"), description=h("cmd.campaign_add")
    )
    new.add_argument("--name", required=True, metavar="NAME", help=h("campaign.name"))
    new.add_argument("--from", dest="start", required=True, metavar="DATE", help=h("campaign.from"))
    new.add_argument("--to", dest="end", required=True, metavar="DATE", help=h("campaign.to"))
    new.add_argument(
        "--hashtag", dest="hashtags", nargs="+", action="extend", metavar="TAG", help=h("campaign.hashtag")
    )
    new.add_argument("--id", dest="campaign_id", metavar="ID", help=h("campaign.id_new"))
    change = campaigns.add_parser(
        "edit", parents=[common], help=h("cmd.campaign_edit"), description=h("cmd.campaign_edit")
    )
    change.add_argument("campaign_id", metavar="ID", help=h("campaign.id"))
    change.add_argument("--name", metavar="NAME", help=h("campaign.name"))
    change.add_argument("--from", dest="start", metavar="DATE", help=h("campaign.from"))
    change.add_argument("--to", dest="end", metavar="DATE", help=h("campaign.to"))
    change.add_argument(
        "--hashtag", dest="hashtags", nargs="+", action="extend", metavar="TAG", help=h("campaign.hashtag")
    )
    change.add_argument("--revision", type=int, metavar="N", help=h("revision"))
    listing = campaigns.add_parser(
        "list", parents=[common], help=h("cmd.campaign_list"), description=h("cmd.campaign_list")
    )
    format_arg(listing, h)


def _account_options(parser: argparse.ArgumentParser, h: Helper) -> None:
    parser.add_argument("--url", metavar="URL", help=h("account.url"))
    parser.add_argument("--unit", metavar="UNIT", help=h("account.unit"))
    parser.add_argument("--login-email", metavar="E", help=h("account.login_email"))
    _list(parser, "--admin", "admins", h, "account.admins")
    _list(parser, "--owner", "owners", h, "account.owners")
    _list(parser, "--producer", "producers", h, "account.producers")
    _list(parser, "--deputy", "deputies", h, "account.deputies")
    parser.add_argument("--cadence", metavar="N", help=h("account.cadence"))
    parser.add_argument(
        "--hashtag", dest="hashtags", nargs="+", action="extend", metavar="TAG", help=h("account.hashtag")
    )
    parser.add_argument("--starts", metavar="DATE", help=h("account.starts"))
    parser.add_argument("--ends", metavar="DATE", help=h("account.ends"))
    parser.add_argument("--purpose", metavar="TEXT", help=h("account.purpose"))
    parser.add_argument("--decided-by", metavar="WHO", help=h("account.decided_by"))
    parser.add_argument("--decided", dest="decided_on", metavar="DATE", help=h("account.decided_on"))
    parser.add_argument("--told", dest="told_on", metavar="DATE", help=h("account.told_on"))


# The organization ---------------------------------------------------------------------------------


def org(args: argparse.Namespace, lang: str) -> int:
    session = session_of(args)
    if args.org_command == "show":
        organization = session.load().organization
        if args.format == "json":
            print_json(organization.to_dict())
            return 0
        data = organization.to_dict()
        rows = []
        for name in ORG_FIELDS:
            value = data[name]
            shown = ", ".join(value) if isinstance(value, list) else value
            if name == "reply_days":
                shown = t(f"ui.reply_days.{value}", lang)
            rows.append([t("ui.org." + name, lang), str(shown) if shown not in ("", None) else "—"])
        for line in aligned(rows):
            print(line)
        return 0
    from planner.services.organization import OrganizationChange, set_organization

    languages = tuple(args.languages.split(",")) if args.languages is not None else None
    change = OrganizationChange(
        args.name,
        args.website,
        tuple(args.hashtags) if args.hashtags else None,
        values.cadence(args.cadence) if args.cadence is not None else None,
        languages,
        args.reply_within,
        args.reply_days,
        args.smtp,
        args.mail_from,
    )
    set_organization(session, change)
    say("cli.org_saved", lang)
    return 0


# Accounts -------------------------------------------------------------------------------------------


def _cadence(value: str | None) -> tuple[int | None, bool]:
    """--cadence N, or --cadence org (back to the organization's)."""
    if value is None:
        return None, False
    if value.strip().casefold() in ("org", "organisaatio", "-"):
        return None, True
    return values.cadence(value), False


def _change(args: argparse.Namespace, today: dt.date) -> Any:
    from planner.services.accounts import AccountChange

    cadence, clear_cadence = _cadence(args.cadence)
    values: dict[str, Any] = {
        "platform": args.platform,
        "name": args.name,
        "url": args.url,
        "unit": args.unit,
        "login_email": args.login_email,
        "admins": args.admins,
        "owners": args.owners,
        "producers": args.producers,
        "deputies": args.deputies,
        "cadence": cadence,
        "clear_cadence": clear_cadence,
        "hashtags": tuple(args.hashtags) if args.hashtags is not None else None,
        "purpose": args.purpose,
        "decided_by": args.decided_by,
    }
    for name in ("starts", "ends"):
        raw = getattr(args, name)
        if raw == "":
            values[f"clear_{name}"] = True
        else:
            values[name] = day_arg(raw, f"--{name}", today)
    values["decided_on"] = day_arg(args.decided_on, "--decided", today)
    values["told_on"] = day_arg(args.told_on, "--told", today)
    for name in ("status", "two_factor", "listed", "links_back", "review", "revision"):
        values[name] = getattr(args, name, None)
    values["password_changed"] = day_arg(getattr(args, "password_changed", None), "--password-changed", today)
    for kind in ("admins", "owners", "producers", "deputies"):
        if values[kind] is not None:
            values[kind] = tuple(values[kind])
    return AccountChange(**values)


def account(args: argparse.Namespace, lang: str) -> int:
    from planner.services import accounts as register

    session = session_of(args)
    command = args.account_command
    if command == "list":
        return _list_accounts(session, args, lang)
    if command == "import":
        from planner.services.sheet_import import import_accounts

        report_import(import_accounts(session, Path(args.file)), "cli.accounts_imported", lang)
        return 0
    ws = session.load()
    today = session.now(ws).date()
    change = _change(args, today)
    if command == "add":
        saved = register.add_account(session, args.account_id, change)
        print(saved.account.id)
        return 0
    before = ws.accounts.get(args.account_id)
    saved = register.edit_account(session, args.account_id, change)
    key = "cli.account_unchanged" if unchanged(before, saved.account) else "cli.account_saved"
    say(key, lang, account=saved.account.id, revision=saved.account.revision)
    if saved.now_inactive:
        tell("cli.account_now_inactive", lang, count=len(saved.now_inactive), account=saved.account.id)
        from planner.cli.output import post_line

        for post in saved.now_inactive:
            print("  " + post_line(post, lang))
    return 0


def _list_accounts(session: Any, args: argparse.Namespace, lang: str) -> int:
    ws = session.load()
    found = sorted(ws.accounts.values(), key=lambda a: a.id)
    if args.format == "json":
        print_json([a.to_dict() for a in found])
        return 0
    if not found:
        say("cli.no_accounts", lang)
    for item in found:
        print(account_line(item, lang))
    return 0


def account_line(item: Account, lang: str) -> str:
    status = t(f"status.{item.status}", lang)
    people = f"{t('role.owners', lang)}: {', '.join(item.owners) or '—'}"
    period = f"  {_period(item.starts, item.ends, lang)}" if item.starts or item.ends else ""
    return f"{item.id:<36} {item.platform:<10} {status:<10} {people}{period}"


def _period(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    return f"{shown_day(start, lang) if start else ''}–{shown_day(end, lang) if end else ''}"


# Campaigns ------------------------------------------------------------------------------------------


def campaign(args: argparse.Namespace, lang: str) -> int:
    from planner.services.campaigns import CampaignChange, add_campaign, edit_campaign, posts_of

    session = session_of(args)
    ws = session.load()
    if args.campaign_command == "list":
        found = sorted(ws.campaigns.values(), key=lambda c: (c.start or dt.date.min, c.id))
        if args.format == "json":
            print_json([{**c.to_dict(), "posts": [p.id for p in posts_of(ws, c.id)]} for c in found])
            return 0
        if not found:
            say("cli.no_campaigns", lang)
        rows = [
            [
                item.id,
                item.name,
                _period(item.start, item.end, lang),
                " ".join(item.hashtags),
                t("cli.campaign_posts", lang, count=len(posts_of(ws, item.id))),
            ]
            for item in found
        ]
        for line in aligned(rows):
            print(line)
        return 0
    today = session.now(ws).date()
    change = CampaignChange(
        name=args.name,
        start=day_arg(args.start, "--from", today),
        end=day_arg(args.end, "--to", today),
        hashtags=tuple(args.hashtags) if args.hashtags is not None else None,
        revision=getattr(args, "revision", None),
    )
    if args.campaign_command == "add":
        print(add_campaign(session, args.campaign_id, change).id)
        return 0
    saved = edit_campaign(session, args.campaign_id, change)
    say("cli.campaign_saved", lang, campaign=saved.id)
    return 0


HANDLERS = {"org": org, "account": account, "campaign": campaign}
