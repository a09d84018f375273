"""Running the readiness check: the file facts the pure rules need gathered, the rules run, and each
account's findings kept in the index (storage/index) while nothing they were judged from changes,
so that asking again, or after one account's save, judges only what changed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from planner.domain.check import (
    Finding,
    Report,
    Results,
    check_account,
    check_post,
    checked_posts,
    post_results,
    run_check,
    stable_for,
)
from planner.domain.errors import DataError
from planner.domain.model import Post
from planner.domain.rules import Context, SubtitleVerdict, account_rules, all_rules, post_rules
from planner.domain.workspace import Workspace
from planner.services import Session, public_holidays
from planner.storage.files import read_regular
from planner.storage.paths import folders_stamp, missing_asset_files, resolve_asset_path

if TYPE_CHECKING:
    from planner.storage.index import Index

PostResults = dict[str, Results]  # each post's findings, by post id
Progress = Callable[[int, int, str], None]  # done, total, what is being done (a catalogue key)


def subtitle_problems(
    ws: Workspace, assets_root: Path, posts: Iterable[Post]
) -> dict[str, SubtitleVerdict | None]:
    """Each subtitle file of a video that one of `posts` uses: None when it parses, else why not."""
    used = {asset_id for post in posts for asset_id in post.media}
    problems: dict[str, SubtitleVerdict | None] = {}
    for asset_id in used:
        asset = ws.assets.get(asset_id)
        if asset is None or asset.kind != "video":
            continue
        for file in asset.subtitles.values():
            if file not in problems:
                path = resolve_asset_path(assets_root, file, must_exist=False)
                problems[file] = _parsed(path) if path else ("sub.outside", {})
    return problems


def missing_media(ws: Workspace, assets_root: Path, posts: Iterable[Post]) -> frozenset[str]:
    """The media files of `posts` that assets/ does not hold."""
    library = ws.assets
    files = {library[asset_id].file for post in posts for asset_id in post.media if asset_id in library}
    return missing_asset_files(assets_root, files)


_PARSED: dict[tuple[Path, int, int], SubtitleVerdict | None] = {}
SUBTITLE_LIMIT = 16 * 1024 * 1024  # a subtitle file of a long video is some hundreds of kilobytes


def _parsed(path: Path) -> SubtitleVerdict | None:
    """A subtitle file's verdict, parsed again only when its size or modification time changes."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "sub.missing", {}
    except OSError:
        return "sub.unreadable", {}
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        try:
            data = read_regular(path, limit=SUBTITLE_LIMIT)
        except DataError:  # a folder, a device, too big: nothing a subtitle file can be
            _PARSED[key] = "sub.unreadable", {}
        else:
            from planner.media.subtitles import subtitle_problem

            _PARSED[key] = subtitle_problem(data or b"", path.name)
    return _PARSED[key]


def context(
    ws: Workspace,
    assets_root: Path,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    posts: Iterable[Post] | None = None,
) -> Context:
    """What the rules need for a range; the media and subtitle files are looked at for `posts`
    (default: all)."""
    chosen = list(ws.posts.values() if posts is None else posts)
    return Context(
        ws,
        now,
        start,
        end,
        public_holidays(ws, start, end),
        subtitle_problems(ws, assets_root, chosen),
        missing_media(ws, assets_root, chosen),
    )


def check(
    ws: Workspace,
    assets_root: Path,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    account: str | None = None,
) -> Report:
    """The report of `ws` for start..end; only the subtitle files of the posts it checks are read."""
    posts = list(checked_posts(ws, start, end, account))
    return run_check(context(ws, assets_root, now, start, end, posts), account)


def check_posts(
    ws: Workspace, assets_root: Path, now: dt.datetime, start: dt.date, end: dt.date
) -> PostResults:
    """Each post's findings for start..end, without the account rules: what the week view, the
    agenda and the calendar feed show."""
    posts = list(checked_posts(ws, start, end))
    return post_results(context(ws, assets_root, now, start, end, posts))


# The check of a workspace, account by account ------------------------------------------------------


def present(session: Session) -> dt.datetime:
    """The organization's present moment, which a check's default range starts from. Read as a
    check reads (the account files only checked, by the digests the index knows), so that the
    check right after it reads nothing twice."""
    from planner.storage.index import Index

    index = Index.open()
    try:
        return session.now(
            session.store.snapshot(accounts=(), known_digest=index.digest if index else None).ws
        )
    finally:
        if index is not None:
            index.close()


def check_report(
    session: Session,
    start: dt.date,
    end: dt.date,
    account: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """The report for start..end of every account (or the one named), as `check` gives it: each
    account's findings taken from the index while its file, the team file, the library, the
    range, the planner and the clock are as they were when they were judged; the others read and
    judged now (and kept). Should someone save while this reads, it reads again."""
    from planner.domain.calendar import within_reach
    from planner.storage.index import Index

    within_reach(start, end)
    index = Index.open()
    try:
        for _ in range(5):
            found = _try_report(session, index, start, end, account, progress)
            if found is not None:
                return found
        return _try_report(session, None, start, end, account, progress, steady=False) or Report(
            start, end, {}, {}
        )
    finally:
        if index is not None:
            index.close()


def _try_report(
    session: Session,
    index: Index | None,
    start: dt.date,
    end: dt.date,
    account: str | None,
    progress: Progress | None,
    steady: bool = True,
) -> Report | None:
    """The report from one state of the files; None when they changed while it was made."""
    store = session.store
    first = store.snapshot(accounts=(), known_digest=index.digest if index is not None else None)
    now = session.now(first.ws)
    keys = _keys(first.digests, folders_stamp(store.assets), store.account_files(), start, end, account)
    # The kept parts stay JSON text until the changed accounts are judged: the library is read and
    # the accounts judged beside text, not beside a year's findings decoded, which the collector's
    # full passes would walk through while the library's thousands of records are made.
    stored = index.findings(list(keys.values()), now) if index is not None else {}
    missing = [name for name, key in keys.items() if key not in stored]
    tell = progress or (lambda done, total, what: None)
    for done in range(len(stored)):
        tell(done, len(keys) + 1, "ui.export_checking")
    parts: list[Part] = []
    if missing:
        judged = store.snapshot(accounts=missing)
        if steady and judged.digests != first.digests:
            return None  # someone saved meanwhile: all of it from one reading
        made = []
        judging = _judge_accounts(judged.ws, store.assets, now, start, end, missing, account)
        for done, (name, part, until, read) in enumerate(judging, start=len(stored)):
            tell(done, len(keys) + 1, "ui.export_checking")
            parts.append(part)
            if index is not None:
                made.append((keys[name], now, until, read, _stored(part)))
        if index is not None:
            index.keep_findings(made)
    if index is not None:
        index.note_digests(first.files(store.folder))
    kept = _kept_parts(stored, index)
    if kept is None:
        return None  # an entry of the index did not read: dropped, and its account judged next time
    return _report(parts + kept, start, end)


def _keys(
    digests: Mapping[str, str],
    media: list[list[object]],
    files: list[Path],
    start: dt.date,
    end: dt.date,
    account: str | None,
) -> dict[str, str]:
    """The index key of each account file's findings (of the one account's, when one is named):
    the range, the team file, the library and the account file, by their digests, and the
    folders of assets/ as they were (`media`: a media file gone changes its folder)."""
    from planner.storage.folder import account_file_name
    from planner.storage.index import key_of

    if account is not None:
        files = [p for p in files if p.name == account_file_name(account)]
        if not files:
            raise DataError("err.unknown_account", value=account)
    shared = (digests.get("calendars/team.json"), digests.get("assets/library.json", ""), media)
    return {
        path.name: key_of(
            "check", start.isoformat(), end.isoformat(), *shared, digests[f"calendars/{path.name}"]
        )
        for path in files
    }


def _judge_accounts(
    ws: Workspace,
    assets_root: Path,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    files: list[str],
    account: str | None,
) -> Iterator[tuple[str, Part, dt.datetime, list[str]]]:
    """Each account of `files` (file names) judged in turn: its file's name, its part of the
    report, the moment until which it holds and the subtitle files it read; in the accounts' order."""
    from planner.storage.folder import account_file_name

    if account is not None and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    holidays = public_holidays(ws, start, end)
    wanted = sorted(a for a in ws.accounts if account_file_name(a) in files)  # the snapshot may hold more
    posts = {account_id: list(checked_posts(ws, start, end, account_id)) for account_id in wanted}
    # Accounts share pictures: each file is looked for once.
    missing = missing_media(ws, assets_root, (post for found in posts.values() for post in found))
    shared = Context(ws, now, start, end, holidays, missing_files=missing)
    for account_id in wanted:
        part, until, read = _judged(ws, assets_root, shared, account_id, posts[account_id])
        yield account_file_name(account_id), part, until, read


def _judged(
    ws: Workspace, assets_root: Path, shared: Context, account_id: str, posts: list[Post]
) -> tuple[Part, dt.datetime, list[str]]:
    """One account's part of a report: the posts it looked at and its findings; with the moment
    time alone could change them, and the subtitle files it read."""
    problems = subtitle_problems(ws, assets_root, posts)
    ctx = replace(shared, subtitle_problems=problems)
    findings = [f for post in posts for found in check_post(post, ctx).values() for f in found]
    findings += [f for found in check_account(ws.accounts[account_id], ctx).values() for f in found]
    part = Part(account_id, [p.id for p in posts], findings)
    return part, stable_for(posts, ctx.now), [str(assets_root / file) for file in problems]


class Part(NamedTuple):
    """One account's share of a report: the posts it looked at, and their findings and its own in
    the order they were judged."""

    account: str
    posts: list[str]
    findings: list[Finding]


def _stored(part: Part) -> dict[str, Any]:
    """A part as the index keeps it: plain JSON, a finding a row of its fields."""
    rows = [_finding_row(f) for f in part.findings]
    return {"account": part.account, "posts": part.posts, "findings": rows}


def _part(stored: dict[str, Any], days: dict[str, dt.date]) -> Part:
    """A part the index kept, as it was judged. ValueError when it is not one: a finding of a rule
    this planner does not have, or about a post the part did not look at."""
    posts = stored["posts"]
    findings = [_finding(row, days) for row in stored["findings"]]
    looked_at, rules = set(posts), all_rules()
    if any(f.rule not in rules or (f.post is not None and f.post not in looked_at) for f in findings):
        raise ValueError("not a part of a report")
    return Part(str(stored["account"]), list(posts), findings)


def _kept_parts(stored: Mapping[str, str], index: Index | None) -> list[Part] | None:
    """The parts the index kept, read; None, with the entries that do not read as a part dropped
    from the index, when one does not (the index is disposable: a damaged entry is judged anew)."""
    days: dict[str, dt.date] = {}  # each day read once, whichever account's findings hold it
    parts, broken = [], []
    for key, text in stored.items():
        try:
            parts.append(_part(json.loads(text), days))
        except (ValueError, TypeError, LookupError, AttributeError):
            broken.append(key)
    if broken and index is not None:
        index.forget_findings(broken)
    return None if broken else parts


def _report(parts: list[Part], start: dt.date, end: dt.date) -> Report:
    """The report of the accounts' parts, in the accounts' order: each account's results (every
    rule there, an empty sequence a pass), and each post's made only when asked for (`check`
    prints the findings alone; the checklist and the calendar read each post's)."""
    parts = sorted(parts, key=lambda p: p.account)
    passed = dict.fromkeys((rule.id for rule in account_rules()), ())
    accounts: dict[str, Results] = {}
    for part in parts:  # an account's own findings are those about no post
        accounts.update(_results(passed, {None: part.account}, part.findings))
    judged = [finding for part in parts for finding in part.findings]
    return Report(start, end, _PostResults(parts), accounts, judged=judged)


def _results(
    passed: Mapping[str, Sequence[Finding]], owners: Mapping[str | None, str], findings: Iterable[Finding]
) -> dict[str, Results]:
    """The results of each owner (a post, or the account for its own findings: `owners` maps a
    finding's post to whose it is), every rule there, each rule's findings in the order judged."""
    made: dict[str, Results] = {owner: dict(passed) for owner in owners.values()}
    for finding in findings:
        owner = owners.get(finding.post)
        if owner is None:
            continue
        results = made[owner]
        found = results[finding.rule]
        if isinstance(found, list):  # a list of this post's or account's own
            found.append(finding)
        else:  # the shared pass: a rule's findings grow in a list, not a tuple made anew each time
            results[finding.rule] = [finding]
    return made


class _PostResults(Mapping[str, Results]):
    """Each post's results in a report of parts, made all at once when first asked for."""

    def __init__(self, parts: list[Part]) -> None:
        self._parts = parts
        self._made: dict[str, Results] | None = None

    def _all(self) -> dict[str, Results]:
        if self._made is None:
            passed = dict.fromkeys((rule.id for rule in post_rules()), ())
            self._made = {}
            for part in self._parts:
                self._made.update(
                    _results(passed, {post_id: post_id for post_id in part.posts}, part.findings)
                )
        return self._made

    def __getitem__(self, post_id: str) -> Results:
        return self._all()[post_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:  # how many posts, without making their results
        return len(self._made) if self._made is not None else sum(len(p.posts) for p in self._parts)


# A finding in the index: its fields in order, its day and the day it holds until as ISO text, and
# the dates and times among its values marked so they read back as they were. Asked again, a year's
# check reads some ten thousand of them back, so the common shapes are read without a test each.

_DAY_FIELDS = (Finding._fields.index("date"), Finding._fields.index("until"))
_PARAMS = Finding._fields.index("params")


def _finding_row(finding: Finding) -> list[Any]:
    row: list[Any] = list(finding)
    row[_DAY_FIELDS[0]], row[_DAY_FIELDS[1]] = _iso(finding.date), _iso(finding.until)
    row[_PARAMS] = {name: _value(value) for name, value in finding.params.items()}
    return row


def _finding(row: list[Any], days: dict[str, dt.date]) -> Finding:
    """The finding of a row of the index; `days` holds each day already read (a year has 365)."""
    for field in _DAY_FIELDS:
        text = row[field]
        if text is not None:
            day = days.get(text)
            if day is None:
                day = days[text] = _day(text)
            row[field] = day
    params: dict[str, Any] = row[_PARAMS]
    for name, value in params.items():
        if type(value) is dict or type(value) is list:
            params[name] = _read(value)
    return Finding._make(row)


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(text: str) -> dt.date:
    """A day as `_iso` wrote it; a moment (a datetime is a date too) by its longer text."""
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, tuple):
        return list(value)
    return value


def _read(value: Any) -> Any:
    if type(value) is dict:
        if "t" in value:
            return dt.datetime.fromisoformat(value["t"])
        if "d" in value:
            return dt.date.fromisoformat(value["d"])
    elif type(value) is list:
        return tuple(value)
    return value
