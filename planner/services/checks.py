"""Running the readiness check: gathers the file facts the pure rules need, then runs them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

from planner.domain.check import Report, Results, checked_posts, post_results, run_check
from planner.domain.errors import DataError
from planner.domain.model import Post
from planner.domain.rules import Context
from planner.domain.workspace import Workspace
from planner.media.subtitles import subtitle_problem
from planner.services import Session, now_local, public_holidays
from planner.storage.files import read_regular
from planner.storage.paths import resolve_asset_path


def subtitle_problems(ws: Workspace, assets_root: Path, posts: Iterable[Post]) -> dict[str, str | None]:
    """Each subtitle file of a video that one of `posts` uses: None when it parses, else why not."""
    used = {asset_id for post in posts for asset_id in post.media}
    problems: dict[str, str | None] = {}
    for asset_id in used:
        asset = ws.assets.get(asset_id)
        if asset is None or asset.kind != "video":
            continue
        for file in asset.subtitles.values():
            if file not in problems:
                path = resolve_asset_path(assets_root, file, must_exist=False)
                problems[file] = _parsed(path) if path else "outside assets/"
    return problems


PostResults = dict[str, Results]  # each post's findings, by post id

_PARSED: dict[tuple[Path, int, int], str | None] = {}


def _parsed(path: Path) -> str | None:
    """A subtitle file's verdict, parsed again only when its size or modification time changes."""
    try:
        stat = path.stat()
    except OSError as exc:
        return exc.strerror or "cannot be read"
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        try:
            data = read_regular(path, limit=SUBTITLE_LIMIT)
        except DataError as error:
            _PARSED[key] = error.render("en")
        else:
            _PARSED[key] = subtitle_problem(data or b"", path.name)
    return _PARSED[key]


SUBTITLE_LIMIT = 16 * 1024 * 1024  # a subtitle file of a long video is some hundreds of kilobytes


def context(
    ws: Workspace,
    assets_root: Path,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    posts: Iterable[Post] | None = None,
) -> Context:
    """What the rules need for a range; subtitle files are read for `posts` (default: all)."""
    holidays = public_holidays(ws, start, end)
    chosen = ws.posts.values() if posts is None else posts
    return Context(ws, now, start, end, holidays, subtitle_problems(ws, assets_root, chosen))


def check(
    ws: Workspace,
    assets_root: Path,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    account: str | None = None,
) -> Report:
    """The report for start..end; only the subtitle files of the posts it checks are read."""
    return run_check(_range_context(ws, assets_root, now, start, end, account), account)


def check_posts(
    ws: Workspace, assets_root: Path, now: dt.datetime, start: dt.date, end: dt.date
) -> PostResults:
    """Each post's findings for start..end, without the account rules: what the week view and the
    agenda show (the account rules over 200 accounts were half of a metro week change)."""
    return post_results(_range_context(ws, assets_root, now, start, end))


def _range_context(
    ws: Workspace,
    assets_root: Path,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    account: str | None = None,
) -> Context:
    """The context of a check of start..end, with the subtitle files of its posts read."""
    return context(ws, assets_root, now, start, end, checked_posts(ws, start, end, account))


@dataclass(frozen=True)
class Question:
    """What a `check` was asked: its range as typed, account, format, language, and whether the
    answer goes to a terminal (JSON is indented there)."""

    start: str | None
    end: str | None
    account: str | None
    fmt: str
    lang: str
    terminal: bool


Produce = Callable[[Workspace, dt.datetime], tuple[str, int, Report]]


def answered(session: Session, question: Question, produce: Produce) -> tuple[str, int]:
    """The printed answer to `question` and its exit code: kept from an earlier run while nothing
    it read has changed (storage/check_cache: the data files, the subtitle files, the planner's code,
    the clock up to `stable_until`), else made by `produce(ws, now)` and kept."""
    from planner.domain.check import stable_until
    from planner.storage import check_cache

    root = session.store.root
    key = check_cache.key_for(session.store.signature(), astuple(question))
    kept = check_cache.lookup(root, key, now_local)
    if kept is not None:
        return kept.output, kept.code
    ws = session.load()
    now = session.now(ws)
    output, code, report = produce(ws, now)
    subtitles = [session.store.assets / f for f in report.subtitle_files]
    check_cache.keep(
        root,
        key,
        check_cache.Answer(output, code),
        timezone=ws.organization.timezone,
        made=now,
        until=stable_until(report, ws, now),
        subtitles=subtitles,
    )
    return output, code
