"""Running the readiness check: gathers the file facts the pure rules need, then runs them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from planner.domain.check import (
    Report,
    Results,
    check_post,
    checked_in,
    checked_posts,
    post_results,
    run_check,
    stable_for,
    stable_until,
)
from planner.domain.errors import DataError
from planner.domain.model import Post
from planner.domain.rules import Context
from planner.domain.workspace import Workspace
from planner.services import Session, public_holidays
from planner.storage.files import read_regular
from planner.storage.part_cache import Part
from planner.storage.paths import resolve_asset_path
from planner.storage.workspace import Partial, WorkspaceStore


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
            from planner.media.subtitles import subtitle_problem  # only for a video's posts

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


def kept_post_results(
    store: WorkspaceStore, ws: Workspace, now: dt.datetime, start: dt.date, end: dt.date
) -> PostResults:
    """`check_posts` for start..end, each account's findings taken from the last run's while
    nothing they were made from has changed (storage/result_cache: its own file, the team file,
    the library, the code, the range, the clock window, its subtitle files). The app's first
    check in a process asks this: compiling the link pattern and reading the emoji table made it
    37 ms at city, against 4 ms for any later week. Only accounts whose file holds just their own
    posts are kept; the others, and any the store cannot vouch for, are judged as `check_posts`
    judges them."""
    from planner.storage import result_cache
    from planner.storage.holiday_cache import library_stamp

    folder = result_cache.folder_of(store.root)
    digests = store.kept_digests(ws) if ws.partitioned and folder is not None else None
    team, library, files = digests or (None, None, {})
    if folder is None or team is None or library is None:
        return check_posts(ws, store.assets, now, start, end)
    asked = [library_stamp(), start.isoformat(), end.isoformat(), team, library]
    found: PostResults = {}
    judged: dict[str, tuple[str | None, list[Post]]] = {}  # account: its key (None: not kept), its posts
    seen: set[int] = set()
    for account_id in ws.accounts:
        view = ws.posts_of(account_id)
        if id(view) in seen:
            continue
        seen.add(id(view))
        posts = list(checked_in(view, start, end))
        own = files.get(account_id)
        alone = own is not None and all(p.account == account_id for p in posts)
        key = result_cache.key_for([*asked, own]) if alone else None
        kept = result_cache.lookup(folder, key, now) if key is not None else None
        if kept is not None and kept.keys() == {p.id for p in posts}:
            found.update(kept)
        else:
            judged[account_id] = (key, posts)
    if judged:
        holidays = public_holidays(ws, start, end)
        for key, posts in judged.values():
            problems = subtitle_problems(ws, store.assets, posts)
            ctx = Context(ws, now, start, end, holidays, problems)
            results = {p.id: check_post(p, ctx) for p in posts}
            found.update(results)
            if key is not None:
                until = stable_for(posts, now)
                result_cache.keep(folder, key, results, now, until, (store.assets / f for f in problems))
        result_cache.tidy(folder)
    checked = list(checked_posts(ws, start, end))
    if any(p.id not in found for p in checked):  # the views held less than the snapshot: judge it all
        return check_posts(ws, store.assets, now, start, end)
    return {p.id: found[p.id] for p in checked}


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


Render = Callable[[Report], str]


def account_parts(
    session: Session,
    found: Partial,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    account: str | None,
    printed: tuple[object, ...],
    render: Render,
) -> list[Part]:
    """Each account's part of the answer for start..end (one account, or all; in id order), as
    `render` prints an account's report (`printed` says how: format, language, terminal), from
    `found` (`load_partial` of no account: every file's digest). A part kept from an earlier run is
    used while nothing it was made from has changed (storage/part_cache); only the other accounts'
    files are read into records and judged. After a save, that is one account."""
    from planner.storage import part_cache
    from planner.storage.holiday_cache import library_stamp

    store = session.store
    files = found.account_files
    if account is not None:
        from planner.storage.workspace import account_file_name

        files = {n: d for n, d in files.items() if n == account_file_name(account)}
        if not files:
            raise DataError("err.unknown_account", value=account)
    asked = [library_stamp(), list(printed), start.isoformat(), end.isoformat()]

    def key(team: str | None, library: str | None, own: str) -> str:
        return part_cache.key_for([*asked, team, library, own])

    parts: list[Part] = []
    missed = []
    for name, digest in files.items():
        kept = part_cache.lookup(store.root, key(found.team, found.library, digest), now)
        if kept is not None and (account is None or kept.account == account):
            parts.append(kept)
        else:
            missed.append(name)
    if missed:

        def judge(names: list[str]) -> Judged:
            return _judged(store, names, account, now, start, end, render, key)

        parts += _judged_in_halves(store, missed, judge)
        part_cache.tidy(store.root)
    return sorted(parts, key=lambda p: p.account)


Judged = tuple[list[Part], tuple[str | None, str | None, dict[str, str]]]
SPLIT_BYTES = 2 << 20  # account files to judge, in bytes, before the second processor helps


def _judged_in_halves(
    store: WorkspaceStore, names: list[str], judge: Callable[[list[str]], Judged]
) -> list[Part]:
    """The parts of the account files `names`: with many to judge (every cache off, a city's
    year: 6.3 MB of account files), shared with a child on the second processor
    (services/parallel). The files are cut into pieces, the largest first and ever smaller
    (`_pieces`), and each process draws the next piece from one queue when it is done with the
    last. The child's parts count only when it read the same files as this process did (the same
    digests); otherwise, or for pieces it drew and gave no answer for, they are judged here."""
    signed = store.signature()  # each file's (inode, size, …), from one scan of the folder
    sizes = {name: signed.get(str(store.calendars / name), (0, 0))[1] for name in names}
    if sum(sizes.values()) < SPLIT_BYTES or len(names) < 2:
        return judge(names)[0]
    from planner.services import parallel  # only a large check judges on the side

    if not parallel.can_fork():
        return judge(names)[0]
    pieces = _pieces(sorted(names, key=lambda n: -sizes[n]), sizes)
    queue = parallel.Queue(len(pieces))

    def draw() -> list[tuple[int, Judged]]:
        return [(number, judge(pieces[number])) for number in queue.drawn()]

    side = parallel.on_the_side(draw)
    try:
        mine = draw()
    except BaseException:
        side.cancel()
        raise
    finally:
        queue.close()
    theirs = side.result() or []
    seen = {_state(judged) for _, judged in mine}  # one state of the files, or someone saved
    if len(seen) > 1:
        return judge(names)[0]  # someone saved between two pieces: all of it from one reading
    parts = [part for _, (found, _) in mine for part in found]
    done = {number for number, _ in mine}
    for number, judged in theirs:
        state = _state(judged)
        if number not in done and (not seen or state in seen):
            parts += judged[0]
            done.add(number)
            seen.add(state)
    left = [name for number, piece in enumerate(pieces) if number not in done for name in piece]
    return parts + (judge(left)[0] if left else [])


PIECE_BYTES = 96 << 10  # the smallest piece (about one account file of a city): its judging ends a check


def _pieces(names: list[str], sizes: dict[str, int]) -> list[list[str]]:
    """`names` (the largest files first) cut into pieces for two processes to draw in turn: each
    piece a quarter of the bytes still left, down to `PIECE_BYTES` (or a hundredth of the whole,
    so a queue never holds more than `parallel.Queue.MOST`), so that the last pieces drawn are
    small and the two processes end close together."""
    left = sum(sizes[n] for n in names)
    smallest = max(PIECE_BYTES, left // 100)
    pieces: list[list[str]] = []
    piece: list[str] = []
    weight = 0
    for name in names:
        piece.append(name)
        weight += sizes[name]
        if weight >= max(smallest, left // 4):
            pieces.append(piece)
            left -= weight
            piece, weight = [], 0
    return [*pieces, piece] if piece else pieces


def _state(judged: Judged) -> tuple[object, ...]:
    """The digests a piece was judged from, to compare with another's."""
    team, library, files = judged[1]
    return team, library, tuple(sorted(files.items()))


def _judged(
    store: WorkspaceStore,
    names: list[str],
    account: str | None,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    render: Render,
    key: Callable[[str | None, str | None, str], str],
) -> Judged:
    """The parts of the account files `names`, read into records and judged (and kept), with the
    digests of the files they were made from."""
    from planner.storage import part_cache

    more = store.load_partial(names)
    ws = more.ws
    if account is not None and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    holidays = public_holidays(ws, start, end)
    judged = [account] if account is not None else sorted(ws.accounts)
    parts = []
    for account_id in judged:
        posts = list(checked_posts(ws, start, end, account_id))
        ctx = Context(ws, now, start, end, holidays, subtitle_problems(ws, store.assets, posts))
        report = run_check(ctx, account_id)
        summary = report.summary()
        part = Part(
            render(report),
            summary["errors"],
            summary["warnings"],
            summary["blocking"],
            summary["posts"],
            until=stable_until(report, ws, now),
            subtitles=tuple(str(store.assets / f) for f in report.subtitle_files),
            account=account_id,
        )
        parts.append(part)
        own = more.account_files.get(more.files_of.get(account_id, ""))
        if own is not None:
            part_cache.keep(store.root, key(more.team, more.library, own), part, now)
    return parts, (more.team, more.library, more.account_files)
