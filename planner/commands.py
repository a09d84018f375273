"""What each `planner` subcommand does: parse nothing, call the services, print the result."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import io
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from planner.cli import demo_folder, optional_date, print_json, resolve_range, say, warn
from planner.domain.check import Finding, Report
from planner.domain.errors import DataError
from planner.domain.workspace import Workspace
from planner.i18n import fmt_date, t
from planner.services import Session, find_workspace, now_local
from planner.storage.files import lock_holder


def run(args: argparse.Namespace, lang: str) -> int:
    handlers: dict[str, Callable[[argparse.Namespace, str], int]] = {
        "init": cmd_init,
        "import": cmd_import,
        "check": cmd_check,
        "post": cmd_post,
        "export": cmd_export,
        "audit": cmd_audit,
        "doctor": cmd_doctor,
        "bench": cmd_bench,
        "person": _elsewhere("team_commands", "cmd_person"),
        "absence": _elsewhere("team_commands", "cmd_absence"),
        "deputy": _elsewhere("team_commands", "cmd_deputy"),
        "coverage": _elsewhere("team_commands", "cmd_coverage"),
        "asset": _elsewhere("library_commands", "cmd_asset"),
        "consent": _elsewhere("library_commands", "cmd_consent"),
    }
    if args.command is None:
        return cmd_open(args, lang)
    return handlers[args.command](args, lang)


def _elsewhere(module: str, name: str) -> Callable[[argparse.Namespace, str], int]:
    """A command of another module, imported only when it runs: `check` starts without them."""

    def handler(args: argparse.Namespace, lang: str) -> int:
        command: Callable[[argparse.Namespace, str], int] = getattr(
            importlib.import_module(f"planner.{module}"), name
        )
        return command(args, lang)

    return handler


def _session(args: argparse.Namespace) -> Session:
    return Session.open(getattr(args, "data", None), getattr(args, "user", None))


DEMO_USER = "aino"  # the demo's admin and producer, so a first run can write straight away


def cmd_open(args: argparse.Namespace, lang: str) -> int:
    """Open the app on the workspace (a fresh demo with --demo)."""
    user = getattr(args, "user", None) or _env_user()
    if args.demo:
        from planner.demo import build_demo

        root = demo_folder()
        build_demo(root)
        data = str(root)
        user = user or DEMO_USER
        print(t("cli.demo_path", lang, path=root), file=sys.stderr)
    else:
        data = str(find_workspace(getattr(args, "data", None)))
    from planner.ui.app import run_app

    with _raw_streams():  # the app draws on the terminal itself
        code = int(run_app(Path(data), user, lang))
    if args.demo:  # the app has left the screen: say where the demo is, to open it again
        print(t("cli.demo_again", lang, path=data), file=sys.stderr)
    return code


@contextlib.contextmanager
def _raw_streams() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = getattr(sys.stdout, "inner", sys.stdout)
    sys.stderr = getattr(sys.stderr, "inner", sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def cmd_init(args: argparse.Namespace, lang: str) -> int:
    from planner.storage.workspace import WorkspaceStore

    root = Path(args.dir)
    store = WorkspaceStore(root)
    if store.is_workspace() and any(store.calendars.iterdir()):
        raise DataError("err.workspace_exists", path=str(root))
    if args.demo:
        from planner.demo import build_demo

        ws = build_demo(root)
        say("cli.demo_built", lang, path=root, posts=len(ws.posts), accounts=len(ws.accounts))
    else:
        store.create()
        say("cli.initialized", lang, path=root)
    return 0


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    from planner.services.importer import import_document
    from planner.storage.workspace import WorkspaceStore

    root = find_workspace(getattr(args, "data", None))
    store = WorkspaceStore(root)
    created = not store.is_workspace()
    if created:  # a document may seed a new workspace; a refused one leaves no trace
        if root.exists() and not root.is_dir():
            raise DataError("err.not_workspace", path=str(root))
        root_existed, assets_existed = root.exists(), store.assets.exists()
        store.create()
    session = Session(store, getattr(args, "user", None) or _env_user())
    try:
        counts = import_document(session, Path(args.file))
    except BaseException:
        if created:
            shutil.rmtree(store.calendars, ignore_errors=True)
            if not assets_existed:
                shutil.rmtree(store.assets, ignore_errors=True)
            if not root_existed:
                shutil.rmtree(root, ignore_errors=True)
        raise
    say("cli.imported", lang, **counts)
    return 0


def _env_user() -> str | None:
    return os.environ.get("PLANNER_USER") or None


def _report(args: argparse.Namespace, session: Session) -> tuple[Report, Workspace]:
    from planner.services.checks import check

    ws = session.load()
    if args.account and args.account not in ws.accounts:
        raise DataError("err.unknown_account", value=args.account)
    now = session.now(ws)
    start, end = resolve_range(args.start, args.end, now.date())
    return check(ws, session.store.assets, now, start, end, args.account), ws


def _finding_line(finding: Finding, lang: str) -> str:
    mark = "✗" if finding.severity == "error" else "!"
    where = finding.post or t("cli.account_level", lang)
    day = finding.date.isoformat() if finding.date else "----------"
    flag = f" [{t('cli.blocking', lang)}]" if finding.blocking else ""
    status = f" ({t('status.' + finding.post_status, lang)})" if finding.post_status else ""
    return f"  {mark} {day} {where}{status} {finding.rule}{flag}: {finding.message(lang)}"


def cmd_check(args: argparse.Namespace, lang: str) -> int:
    """The answer kept from an earlier run when nothing it read has changed (storage/check_cache),
    else a fresh check, printed and kept."""
    from planner.storage import check_cache

    session = _session(args)
    root = session.store.root
    question = (args.start, args.end, args.account, args.format, lang, sys.stdout.isatty())
    key = check_cache.key_for(session.store.signature(), question)
    kept = check_cache.lookup(root, key, now_local)
    if kept is not None:
        sys.stdout.write(kept.output)
        return kept.code
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code, report, ws, now = _print_check(args, session, lang)
    sys.stdout.write(printed.getvalue())
    from planner.domain.check import stable_until

    subtitles = [session.store.assets / f for f in report.subtitle_files]
    check_cache.keep(
        root, key, check_cache.Answer(printed.getvalue(), code), timezone=ws.organization.timezone, made=now,
        until=stable_until(report, ws, now), subtitles=subtitles,
    )  # fmt: skip
    return code


def _print_check(
    args: argparse.Namespace, session: Session, lang: str
) -> tuple[int, Report, Workspace, dt.datetime]:
    report, ws = _report(args, session)
    now = session.now(ws)
    if args.format == "json":
        print_json(report.to_dict(lang))
    else:
        summary = report.summary()
        say("cli.check_header", lang, start=fmt_date(report.start, lang), end=fmt_date(report.end, lang),
            accounts=summary["accounts"], posts=summary["posts"])  # fmt: skip
        account = None
        for finding in report.findings:
            if finding.account != account:
                account = finding.account
                print(f"\n{account}")
            print(_finding_line(finding, lang))
        print()
        if report.findings:
            say("cli.check_summary", lang, **summary)
        else:
            say("cli.all_clear", lang)
    return 1 if report.has_blocking else 0, report, ws, now


def cmd_post(args: argparse.Namespace, lang: str) -> int:
    from planner.services import posts

    session = _session(args)
    if args.post_command == "add":
        new = posts.NewPost(
            account=args.account, at=args.at, text=args.text, media=tuple(args.media),
            owner=args.owner, kind=args.kind, title=args.title, campaign=args.campaign,
        )  # fmt: skip
        post = posts.add_post(session, new)
        print(post.id)
        warn(posts.tag_notes(post.text), lang)
        return 0
    if args.post_command == "edit":
        change = posts.PostEdit(
            text=args.text, at=args.at, media=None if args.media is None else tuple(args.media),
            owner=args.owner, kind=args.kind, title=args.title, campaign=args.campaign,
            revision=args.revision,
        )  # fmt: skip
        post = posts.edit_post(session, args.post_id, change)
        say("cli.edited", lang, post=post.id, status=t("status." + post.status, lang))
        warn(posts.tag_notes(post.text), lang)
        return 0
    if args.post_command == "ready":
        before = session.load().posts.get(args.post_id)
        try:
            post = posts.mark_ready(session, args.post_id)
        except posts.NotReady as refused:
            print(f"planner: {refused.render(lang)}", file=sys.stderr)
            for finding in refused.findings:
                print(f"  ✗ {finding.rule}: {finding.message(lang)}")
            return 1
        if before is not None and before.status == post.status:
            say("cli.already", lang, post=post.id, status=t("status." + post.status, lang))
        else:
            say("cli.marked_ready", lang, post=post.id, user=post.ready_by,
                at=post.to_dict()["ready_at"])  # fmt: skip
        return 0
    chosen = posts.list_posts(
        session.load(), args.account, optional_date(args.start, "--from"), optional_date(args.end, "--to")
    )
    if args.format == "json":
        print_json([p.to_dict() for p in chosen])
        return 0
    if not chosen:
        say("cli.no_posts", lang)
    for p in chosen:
        when = p.to_dict()["publish_at"] or t("cli.unscheduled", lang)
        status = t("status." + p.status, lang)
        print(f"{p.id:<8} {when:<16} {p.account:<32} {status:<10} {p.label()}")
    return 0


def _write_output(output: str | None, data: bytes) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from planner.services.exports import write_export

    write_export(Path(output), data)


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    session = _session(args)
    if args.export_command == "ics":
        from planner.services.exports import calendar_export

        start = optional_date(args.start, "--from")
        end = optional_date(args.end, "--to")
        if start and end and end < start:
            raise DataError("cli.range_reversed", start=start, end=end)
        _write_output(args.output, calendar_export(session, args.account, lang, start, end))
        print(t("cli.exported", lang, file=args.output), file=sys.stderr)
        return 0
    from planner.services.exports import ChecklistRequest, checklist_export

    now = session.now(session.load())
    start, end = resolve_range(args.start, args.end, now.date())
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    request = ChecklistRequest(args.format, start, end, args.account, args.include_personal_data, delimiter)
    _write_output(args.output, checklist_export(session, request, lang))
    if args.output:
        print(t("cli.exported", lang, file=args.output), file=sys.stderr)
    return 0


def cmd_audit(args: argparse.Namespace, lang: str) -> int:
    from planner.storage import audit

    session = _session(args)
    verdict = audit.verify(session.store.calendars)
    if verdict.ok:
        say("cli.audit_ok", lang, lines=verdict.lines)
        _reanchored(verdict, lang)
        return 0
    _reanchored(verdict, lang)
    reason = t(verdict.reason, lang)
    print(t("cli.audit_broken", lang, line=verdict.broken_line, reason=reason), file=sys.stderr)
    return 1


def _reanchored(verdict: object, lang: str) -> None:
    """The re-anchoring lines a verdict passed, each with what it acknowledged: never hidden."""
    for found in getattr(verdict, "reanchored", ()):
        reason = t(found.reason, lang) if found.reason else "-"
        say("cli.audit_reanchored", lang, line=found.line, at=found.at, user=found.user, reason=reason,
            broken=found.broken_line or "-")  # fmt: skip


def cmd_doctor(args: argparse.Namespace, lang: str) -> int:
    """Report what is wrong with the files; repair, re-anchor or break the lock only when asked."""
    from planner.domain.roles import identify, require_admin
    from planner.storage import doctor

    session = _session(args)
    store = session.store
    if doctor.lock_is_held(store):
        found = doctor.holder(store)
        say("doctor.locked", lang, holder=found.text)
        if not args.break_lock:
            return 1
        if not found.here and not args.yes:
            print(t("doctor.confirm_break", lang, holder=found.text), end="", flush=True)
            if sys.stdin.readline().strip().casefold() not in ("y", "yes", "k", "kyllä"):
                return 1
        say("doctor.lock_broken", lang, holder=doctor.break_lock(store))
    if args.reanchor:
        from planner.storage.workspace import TEAM_FILE

        ws = session.load() if (store.calendars / TEAM_FILE).is_file() else None
        if ws is None or not ws.people:
            raise DataError("err.no_workspace_people")
        require_admin(identify(ws, session.user), "action.reanchor")
        verdict = doctor.reanchor(store, session.user or "", session.stamp(ws))
        say("doctor.reanchored", lang, reason=t(verdict.reason, lang), line=verdict.broken_line or "-",
            user=session.user)  # fmt: skip
    problems = doctor.repair(store, doctor.now_stamp()) if args.repair else doctor.diagnose(store)
    for problem in problems:
        detail = t(problem.detail, lang) if problem.kind == "audit" else problem.detail
        backup = problem.backup or t("doctor.no_backup", lang)
        say(f"doctor.{problem.kind}", lang, file=problem.file, detail=detail, backup=backup)
    if not problems:
        say("doctor.ok", lang)
        return 0
    if not args.repair:
        say("doctor.hint", lang)
    return 1


def cmd_bench(args: argparse.Namespace, lang: str) -> int:
    """Generate a benchmark workspace, or measure the figures of the performance table."""
    if args.bench_command == "generate":
        from planner.bench.generate import generate

        root = Path(args.directory)
        if root.exists() and any(root.iterdir()):
            raise DataError("err.not_empty", path=str(root))
        counts = generate(args.scale, root, args.seed)
        say("cli.bench_generated", lang, path=root, posts=counts["posts"], accounts=counts["accounts"],
            assets=counts["assets"])  # fmt: skip
        return 0
    from planner.bench import run

    cache = Path(args.cache) if args.cache else Path.home() / ".cache" / "somekalenteri-bench"
    return run.main(tuple(args.scale), cache, max(1, args.runs), Path(args.json) if args.json else None)
