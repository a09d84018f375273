"""`planner post schedule|publish|cancel|reopen|takedown|copy|approve`: a post's life after ready,
each step through `services.post_steps` (refused from other statuses with exit 1)."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.args import Helper, day_arg, moment_arg, session_of
from planner.cli.output import refusal, say, warn
from planner.i18n import t

STEPS = ("schedule", "publish", "cancel", "reopen", "takedown", "copy", "approve")


def add_parsers(posts: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    """The step subcommands, beside `post add|edit|ready|list|import`."""
    made = {}
    for step in STEPS:
        parser = posts.add_parser(
            step, parents=[common], help=h(f"cmd.post_{step}"), description=h(f"cmd.post_{step}")
        )
        parser.add_argument("post_id", metavar="POST_ID", help=h("post.id"))
        if step != "copy":
            parser.add_argument("--revision", type=int, metavar="N", help=h("revision"))
        made[step] = parser
    made["publish"].add_argument("--url", metavar="URL", help=h("post.published_url"))
    made["publish"].add_argument("--at", metavar="TIME", help=h("post.published_at"))
    for step in ("cancel", "takedown"):
        made[step].add_argument("--reason", default="", metavar="TEXT", help=h(f"post.{step}_reason"))
    made["takedown"].add_argument("--date", metavar="DATE", help=h("post.takedown_date"))
    made["copy"].add_argument("--account", required=True, metavar="ID", help=h("post.copy_account"))
    made["copy"].add_argument("--at", metavar="TIME", help=h("post.at"))


def run(args: argparse.Namespace, lang: str) -> int:
    from planner.services import post_steps as steps
    from planner.services.posts import NotReady

    session = session_of(args)
    step = args.post_command
    if step == "copy":
        ws = session.load()
        at = moment_arg(args.at, "--at", session.now(ws).date())
        copy = steps.copy_post(session, args.post_id, args.account, at)
        print(copy.id)
        return 0
    revision = args.revision
    if step == "schedule":
        try:
            post = steps.schedule_post(session, args.post_id, revision)
        except NotReady as refused:
            refusal(refused.render(lang))
            for finding in refused.findings:
                print(f"  ✗ {t(finding.rule + '.title', lang)} ({finding.rule}): {finding.message(lang)}")
            return 1
        say("cli.scheduled", lang, post=post.id, user=post.scheduled_by, at=post.scheduled_at)
    elif step == "publish":
        today = session.now(session.load()).date()
        post = steps.publish_post(
            session, args.post_id, args.url, moment_arg(args.at, "--at", today), revision
        )
        say(
            "cli.published",
            lang,
            post=post.id,
            at=post.published_at,
            url=post.published_url or "—",
        )
        warn(steps.published_notes(session, session.load(), post), lang)
    elif step == "cancel":
        post = steps.cancel_post(session, args.post_id, args.reason, revision)
        say("cli.cancelled", lang, post=post.id, user=post.cancelled_by)
    elif step == "reopen":
        post = steps.reopen_post(session, args.post_id, revision)
        say("cli.reopened", lang, post=post.id)
    elif step == "takedown":
        today = session.now(session.load()).date()
        post = steps.take_down(
            session, args.post_id, args.reason, day_arg(args.date, "--date", today), revision
        )
        say("cli.taken_down", lang, post=post.id, day=post.taken_down, user=post.taken_down_by)
    else:
        post = steps.approve_post(session, args.post_id, revision)
        say("cli.approved", lang, post=post.id, user=post.approved_by, at=post.approved_at)
    return 0
