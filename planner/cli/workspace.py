"""The workspace as a whole: open the app (or a demo), `init`, `import`, `doctor`, `audit verify`."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from planner.cli.args import Helper, env_user, session_of
from planner.cli.output import raw_streams, say, tell
from planner.domain.errors import DataError
from planner.i18n import t

DEMO_USER = "aino"  # the demo's admin and producer, so a first run can write straight away
DEMO_MARK = ".somekalenteri-demo"  # a folder holding this is a demo, and may be made anew


def add_parsers(sub: Any, common: argparse.ArgumentParser, h: Helper) -> None:
    init = sub.add_parser("init", parents=[common], help=h("cmd.init"), description=h("cmd.init"))
    init.add_argument("dir", metavar="DIR", help=h("init.dir"))
    init.add_argument("--demo", action="store_true", help=h("init.demo"))
    init.add_argument("--name", metavar="NAME", help=h("org.name"))
    init.add_argument("--website", metavar="URL", help=h("org.website"))
    init.add_argument(
        "--hashtag", dest="hashtags", nargs="+", action="extend", metavar="TAG", help=h("org.hashtag")
    )

    imp = sub.add_parser("import", parents=[common], help=h("cmd.import"), description=h("cmd.import"))
    imp.add_argument("file", metavar="FILE.json", help=h("import.file"))

    doctor = sub.add_parser("doctor", parents=[common], help=h("cmd.doctor"), description=h("cmd.doctor"))
    doctor.add_argument("--repair", action="store_true", help=h("doctor.repair"))
    doctor.add_argument("--break-lock", action="store_true", help=h("doctor.break_lock"))
    doctor.add_argument("--yes", action="store_true", help=h("doctor.yes"))
    doctor.add_argument("--reanchor", action="store_true", help=h("doctor.reanchor"))

    audit = sub.add_parser("audit", parents=[common], help=h("cmd.audit"), description=h("cmd.audit"))
    audits = audit.add_subparsers(dest="audit_command", required=True, metavar="verify")
    audits.add_parser(
        "verify", parents=[common], help=h("cmd.audit_verify"), description=h("cmd.audit_verify")
    )


# Opening the app ----------------------------------------------------------------------------------


def open_app(args: argparse.Namespace, lang: str) -> int:
    """Open the app on the workspace (on a demo made anew with --demo)."""
    from planner.services import Session

    user = getattr(args, "user", None) or env_user()
    served = getattr(args, "served", False)
    # a folder that is no workspace is said first, as every command says it
    root = None if args.demo else Session.open(getattr(args, "data", None), user).store.root
    # Without a terminal (a script, cron, a pipe) the app would wait for keys forever, drawing into
    # a file; a served app has the browser's terminal instead.
    if not served and not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise DataError("err.no_terminal")
    if root is None:
        root = demo_folder()
        _build_demo(root)
        user = user or DEMO_USER
        tell("cli.demo_path", lang, path=root)
    uploads = Path(args.uploads) if served and getattr(args, "uploads", None) else None
    # A year of a big city's accounts takes a second or two to read, before the app can draw
    # anything: the terminal says what it is doing meanwhile, and the line goes when the app does.
    opening = not served
    said = t("cli.opening", lang, path=root)  # the path as safe text, like every message
    with raw_streams():  # the app draws on the terminal itself
        if opening:
            sys.stderr.write(said + "\r")
            sys.stderr.flush()
        from planner.ui.app import run_app

        try:
            code = int(run_app(root, user, lang, served=served, uploads=uploads))
        finally:
            if opening:
                sys.stderr.write("\x1b[2K")  # the line erased where it stands
                sys.stderr.flush()
    if args.demo:  # the app has left the screen: say where the demo is, to open it again
        tell("cli.demo_again", lang, path=root, user=user)
    return code


def demo_folder() -> Path:
    """Where `planner --demo` builds its city: a fresh temporary folder each time (SPEC), so no
    tracked file changes and no earlier demo is touched."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix="somekalenteri-demo-"))


def _build_demo(root: Path) -> None:
    from planner.demo import build_demo
    from planner.storage.files import make_dir

    if root.exists() and any(root.iterdir()):  # never build over someone's files
        if not (root / DEMO_MARK).exists():
            raise DataError("err.not_a_demo", path=str(root))
        shutil.rmtree(root)
    make_dir(root)
    (root / DEMO_MARK).write_text("Somekalenteri demo\n", "utf-8")
    build_demo(root)


# Commands -----------------------------------------------------------------------------------------


def init(args: argparse.Namespace, lang: str) -> int:
    from planner.storage.workspace import WorkspaceStore

    root = Path(args.dir)
    store = WorkspaceStore(root)
    if store.is_workspace() and any(store.calendars.iterdir()):
        raise DataError("err.workspace_exists", path=str(root))
    if args.demo:
        from planner.demo import build_demo

        ws = build_demo(root)
        say("cli.demo_built", lang, path=root, posts=len(ws.posts), accounts=len(ws.accounts))
        return 0
    store.create()
    if args.name or args.website or args.hashtags:
        from planner.services.organization import OrganizationChange, first_organization

        first_organization(
            store, OrganizationChange(args.name, args.website, tuple(args.hashtags or ()) or None)
        )
    say("cli.initialized", lang, path=root)
    return 0


def import_document(args: argparse.Namespace, lang: str) -> int:
    from planner.services import Session, find_workspace
    from planner.services.importer import import_document as load_document
    from planner.storage.workspace import WorkspaceStore

    root = find_workspace(getattr(args, "data", None))
    store = WorkspaceStore(root)
    created = not store.is_workspace()
    if created:  # a document may seed a new workspace; a refused one leaves no trace
        if root.exists() and not root.is_dir():
            raise DataError("err.not_workspace", path=str(root))
        root_existed, assets_existed = root.exists(), store.assets.exists()
        store.create()
    session = Session(store, getattr(args, "user", None) or env_user())
    try:
        counts = load_document(session, Path(args.file))
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


def doctor(args: argparse.Namespace, lang: str) -> int:
    """Report what is wrong with the files; repair, re-anchor or break the lock only when asked."""
    from planner.domain.roles import identify, require_admin
    from planner.storage import doctor as checkup

    session = session_of(args)
    store = session.store
    if checkup.lock_is_held(store):
        found = checkup.holder(store)
        say("doctor.locked", lang, holder=found.text)
        if not args.break_lock:
            return 1
        if not found.here and not args.yes:
            print(t("doctor.confirm_break", lang, holder=found.text), end="", flush=True)
            if sys.stdin.readline().strip().casefold() not in ("y", "yes", "k", "kyllä"):
                return 1
        say("doctor.lock_broken", lang, holder=checkup.break_lock(store))
    if args.reanchor:
        from planner.storage.workspace import TEAM_FILE

        ws = store.read_as_found() if (store.calendars / TEAM_FILE).is_file() else None
        if ws is None or not ws.people:
            raise DataError("err.no_workspace_people")
        require_admin(identify(ws, session.user), "action.reanchor")
        verdict = checkup.reanchor(store, session.user or "", session.stamp(ws))
        say(
            "doctor.reanchored",
            lang,
            reason=t(verdict.reason, lang),
            line=verdict.broken_line or "-",
            user=session.user,
        )
    if args.repair:
        done, problems = checkup.repair(store, checkup.now_stamp())
        for step in done:
            say(f"doctor.done_{step.kind}", lang, file=step.file, source=step.source)
    else:
        problems = checkup.diagnose(store)
    for problem in problems:
        detail = problem.said(lang)
        backup = problem.backup or t("doctor.no_backup", lang)
        say(f"doctor.{problem.kind}", lang, file=problem.file, detail=detail, backup=backup)
    if not problems:
        say("doctor.ok", lang)
        return 0
    if not args.repair:
        say("doctor.hint", lang)
    return 1


def audit(args: argparse.Namespace, lang: str) -> int:
    from planner.services import audit_trail

    verdict = audit_trail.verify(session_of(args))
    if verdict.ok and verdict.reanchored:  # the chain holds from the last re-anchoring on, not before
        last = verdict.reanchored[-1]
        say("cli.audit_holds_from", lang, count=verdict.lines, line=last.line, at=last.at, user=last.user)
        _reanchored(verdict, lang)
        return 0
    if verdict.ok:
        say("cli.audit_ok", lang, count=verdict.lines)
        return 0
    _reanchored(verdict, lang)
    reason = t(verdict.reason, lang)
    tell("cli.audit_broken", lang, line=verdict.broken_line, reason=reason)
    return 1


def _reanchored(verdict: Any, lang: str) -> None:
    """The re-anchoring lines a verdict passed, each with what it acknowledged: never hidden."""
    for found in verdict.reanchored:
        reason = t(found.reason, lang) if found.reason else "-"
        say(
            "cli.audit_reanchored",
            lang,
            line=found.line,
            at=found.at,
            user=found.user,
            reason=reason,
            broken=found.broken_line or "-",
        )


HANDLERS = {"init": init, "import": import_document, "doctor": doctor, "audit": audit}
