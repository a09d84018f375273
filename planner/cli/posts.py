"""`planner post add|edit|ready|list`: writing posts and seeing them, through the post services."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from planner.cli import post_steps
from planner.cli.args import Helper, day_arg, format_arg, moment_arg, range_args, session_of
from planner.cli.output import post_line, print_json, refusal, report_import, say, unchanged, warn
from planner.domain.choices import POST_KINDS
from planner.i18n import t


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    post = sub.add_parser("post", parents=[common], help=h("cmd.post"), description=h("cmd.post"))
    posts = post.add_subparsers(
        dest="post_command",
        required=True,
        metavar="add|edit|ready|list|import|export|" + "|".join(post_steps.STEPS),
    )
    add = posts.add_parser("add", parents=[common], help=h("cmd.post_add"), description=h("cmd.post_add"))
    add.add_argument("--account", required=True, metavar="ID", help=h("post.account"))
    add.add_argument("--at", required=True, metavar="TIME", help=h("post.at"))
    add.add_argument("--text", required=True, help=h("post.text"))
    _content_args(add, h)

    edit = posts.add_parser("edit", parents=[common], help=h("cmd.post_edit"), description=h("cmd.post_edit"))
    edit.add_argument("post_id", metavar="POST_ID", help=h("post.id"))
    edit.add_argument("--revision", type=int, metavar="N", help=h("revision"))
    edit.add_argument("--at", metavar="TIME", help=h("post.at"))
    edit.add_argument("--text", help=h("post.text"))
    _content_args(edit, h, editing=True)

    ready = posts.add_parser(
        "ready", parents=[common], help=h("cmd.post_ready"), description=h("cmd.post_ready")
    )
    ready.add_argument("post_id", metavar="POST_ID", help=h("post.id"))

    listing = posts.add_parser(
        "list", parents=[common], help=h("cmd.post_list"), description=h("cmd.post_list")
    )
    range_args(listing, h)
    format_arg(listing, h)

    imp = posts.add_parser(
        "import", parents=[common], help=h("cmd.post_import"), description=h("cmd.post_import.long")
    )
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx", help=h("sheet.file"))
    export = posts.add_parser(
        "export", parents=[common], help=h("cmd.post_export"), description=h("cmd.post_export.long")
    )
    range_args(export, h)
    export.add_argument("--format", required=True, choices=("csv", "xlsx"), help=h("format"))
    export.add_argument("-o", "--output", metavar="FILE", help=h("export.output"))
    post_steps.add_parsers(posts, common, h)


def _content_args(parser: argparse.ArgumentParser, h: Helper, editing: bool = False) -> None:
    media = parser.add_argument(
        "--media",
        nargs="*" if editing else "+",
        action="extend",
        metavar="ID",
        help=h("post.media_edit" if editing else "post.media"),
    )
    if not editing:
        media.default = []
    parser.add_argument("--owner", metavar="ID", help=h("post.owner"))
    parser.add_argument(
        "--kind", choices=POST_KINDS, default=None if editing else "other", help=h("post.kind")
    )
    parser.add_argument("--title", default=None if editing else "", help=h("post.title"))
    parser.add_argument("--campaign", metavar="ID", help=h("post.campaign"))


def add(args: argparse.Namespace, lang: str) -> int:
    from planner.services import posts

    session = session_of(args)
    ws = session.load()
    new = posts.NewPost(
        account=args.account,
        at=moment_arg(args.at, "--at", session.now(ws).date()),
        text=args.text,
        media=tuple(args.media),
        owner=args.owner,
        kind=args.kind,
        title=args.title,
        campaign=args.campaign,
    )
    post = posts.add_post(session, new)
    print(post.id)
    warn([*posts.time_notes(ws, post), *posts.tag_notes(post.text)], lang)
    return 0


def edit(args: argparse.Namespace, lang: str) -> int:
    from planner.services import posts

    session = session_of(args)
    ws = session.load()
    change = posts.PostEdit(
        text=args.text,
        at=moment_arg(args.at, "--at", session.now(ws).date()),
        media=None if args.media is None else tuple(args.media),
        owner=args.owner,
        kind=args.kind,
        title=args.title,
        campaign=args.campaign,
        revision=args.revision,
    )
    post = posts.edit_post(session, args.post_id, change)
    same = unchanged(ws.posts.get(args.post_id), post)
    say(
        "cli.post_unchanged" if same else "cli.edited",
        lang,
        post=post.id,
        status=t("status." + post.status, lang),
    )
    warn([*posts.time_notes(ws, post), *posts.tag_notes(post.text)], lang)
    return 0


def ready(args: argparse.Namespace, lang: str) -> int:
    from planner.i18n.dates import moment
    from planner.services import posts

    session = session_of(args)
    before = session.load().posts.get(args.post_id)
    try:
        post = posts.mark_ready(session, args.post_id)
    except posts.NotReady as refused:
        refusal(refused.render(lang))
        for finding in refused.findings:
            print(f"  ✗ {t(finding.rule + '.title', lang)} ({finding.rule}): {finding.message(lang)}")
        return 1
    if before is not None and before.status == post.status:
        say("cli.already", lang, post=post.id, status=t("status." + post.status, lang))
    else:
        assert post.ready_at is not None
        say("cli.marked_ready", lang, post=post.id, user=post.ready_by, at=moment(post.ready_at, lang))
    return 0


def listing(args: argparse.Namespace, lang: str) -> int:
    from planner.services import posts

    session = session_of(args)
    ws = session.load()
    today = session.now(ws).date()
    chosen = posts.list_posts(
        ws, args.account, day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
    )
    if args.format == "json":
        print_json([p.to_dict() for p in chosen])
        return 0
    if not chosen:
        say("cli.no_posts", lang)
    for found in chosen:
        print(post_line(found, lang))
    sys.stdout.flush()
    return 0


def import_plan(args: argparse.Namespace, lang: str) -> int:
    from pathlib import Path

    from planner.services.sheet_import import import_posts

    report_import(import_posts(session_of(args), Path(args.file)), "cli.posts_imported", lang)
    return 0


def export_plan(args: argparse.Namespace, lang: str) -> int:
    """The plan back to a sheet: the posts `post list` would list, in the columns `post import`
    reads, with their ids and revisions."""
    from planner.cli.output import write_output
    from planner.reports.plan import plan_csv, plan_xlsx
    from planner.services import posts

    session = session_of(args)
    ws = session.load()
    today = session.now(ws).date()
    chosen = posts.list_posts(
        ws, args.account, day_arg(args.start, "--from", today), day_arg(args.end, "--to", today)
    )
    title = t("cli.plan_title", lang, name=ws.organization.name or "-")
    data = (
        plan_csv(chosen)
        if args.format == "csv"
        else plan_xlsx(chosen, title, session.user or "Somekalenteri")
    )
    write_output(args.output, data)
    return 0


def run(args: argparse.Namespace, lang: str) -> int:
    commands = {
        "add": add,
        "edit": edit,
        "ready": ready,
        "list": listing,
        "import": import_plan,
        "export": export_plan,
    }
    return commands.get(args.post_command, post_steps.run)(args, lang)


HANDLERS = {"post": run}
