"""Goals and results (SPEC *Goals and results*): admins set each account's goals; a platform's
export is read, its rows tied to the published posts by their addresses (never guessed), and the
figures kept; the report counts what each account published and achieved against its goals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from planner.domain.calendar import mondays, within_reach
from planner.domain.errors import DataError
from planner.domain.feedback import counts
from planner.domain.model import Account, Post
from planner.domain.platform_exports import address_key, goal_without_figures, read_export, youtube_id
from planner.domain.results import (
    METRICS,
    PERIODS,
    AccountResult,
    Figures,
    Goal,
    GoalResult,
    Period,
    Results,
    goal_id,
    goal_target,
    periods,
)
from planner.domain.roles import require_account_writer, require_admin, require_writer
from planner.domain.rules.accounts import counted_posts, shortfall
from planner.domain.workspace import Workspace
from planner.services import Note, Session
from planner.storage.sheets import read_tables

# Goals -------------------------------------------------------------------------------------------


def set_goal(
    session: Session,
    account: str,
    metric: str,
    per: str,
    target: float,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[Goal, list[Note]]:
    """An account's goal for a metric per month, quarter or year (admins); set again, replaced.
    With a note when the platform's exports never give the figure the metric sums."""
    if metric not in METRICS:
        raise DataError("err.bad_choice", field="metric", value=metric, choices=", ".join(METRICS))
    if per not in PERIODS:
        raise DataError("err.bad_choice", field="per", value=per, choices=", ".join(PERIODS))
    if start and end and end < start:
        raise DataError("err.range_reversed", start=start, end=end)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.goal_write")
        if account not in ws.accounts:
            raise DataError("err.unknown_account", value=account)
        goal = Goal(
            goal_id(account, metric, per), account, metric, per, goal_target(target, metric), start, end
        )
        platform = ws.accounts[account].platform
        why = goal_without_figures(platform, metric)
        notes = (
            [Note(why, {"platform_key": f"platform.{platform}", "metric_key": f"results.metric.{metric}"})]
            if why
            else []
        )
        before = ws.goals.get(goal.id)
        if before is not None and replace(before, revision=0) == goal:
            return before, notes
        stored: Goal = unit.put("goals", goal)
        return stored, notes


def goals_of(ws: Workspace, account: str | None = None) -> list[Goal]:
    if account is not None and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    chosen = [g for g in ws.goals.values() if account is None or g.account == account]
    return sorted(chosen, key=lambda g: (g.account, METRICS.index(g.metric), PERIODS.index(g.per)))


# Figures -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    export: str  # which export it was (Meta Business Suite (Facebook), …)
    updated: tuple[str, ...]  # posts whose figures were added or replaced
    same: int  # rows whose post already had these figures
    # (row, address, the posts that share it) of rows tied to no post: no published post has the
    # address, or several have it (a copied address), and a row is never guessed between them
    unmatched: tuple[tuple[int, str, tuple[str, ...]], ...]

    def said(self) -> list[Note]:
        """What the import did, and then each row tied to no post with why: the same lines on
        the command line and in the app."""
        done = Note(
            "cli.metrics_imported",
            {
                "export": self.export,
                "count": len(self.updated),
                "same": self.same,
                "unmatched": len(self.unmatched),
            },
        )
        rows = [
            Note("cli.metrics_shared", {"line": line, "link": link, "posts": ", ".join(shared)})
            if shared
            else Note("cli.metrics_unmatched", {"line": line, "link": link})
            for line, link, shared in self.unmatched
        ]
        return [done, *rows]


def published_index(ws: Workspace, accounts: Iterable[Account]) -> dict[str, list[Post]]:
    """The published posts of `accounts` by their address as compared (and YouTube's by video id):
    one post to an address, unless an address was recorded for more than one."""
    found: dict[str, list[Post]] = {}
    for account in accounts:
        for post in ws.posts_of(account.id).with_status("published"):
            if post.published_url:
                found.setdefault(address_key(post.published_url), []).append(post)
                video = youtube_id(post.published_url) if account.platform == "youtube" else None
                if video:
                    found.setdefault("youtube:" + video, []).append(post)
    return found


def address_notes(ws: Workspace, post: Post) -> list[Note]:
    """A warning when the address of a published post is one another published post of its
    platform already has (an address copied from the last post): no export's row could then be
    tied to either of them (`import_metrics`), so the slip is said as it is made."""
    account = ws.accounts.get(post.account)
    if account is None or post.status != "published" or not post.published_url:
        return []
    index = published_index(ws, [a for a in ws.accounts.values() if a.platform == account.platform])
    keys = [address_key(post.published_url)]
    video = youtube_id(post.published_url) if account.platform == "youtube" else None
    if video:
        keys.append("youtube:" + video)
    others = sorted({other.id for key in keys for other in index.get(key, []) if other.id != post.id})
    if not others:
        return []
    said = {"url": post.published_url, "posts": ", ".join(others), "count": len(others)}
    return [Note("note.address_shared", said)]


def import_metrics(session: Session, path: Path, account: str | None = None) -> Imported:
    """A platform's export: each row tied to a published post by its address; a post's figures
    replaced by a newer export's, the same file twice changing nothing; rows no post has counted
    and named, never guessed. Anyone who may write the posts of the accounts it touches."""
    tables = read_tables(path)
    export = read_export(tables, path.name)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        require_writer(actor, "action.metrics_import")
        if account is not None:
            chosen = ws.accounts.get(account)
            if chosen is None:
                raise DataError("err.unknown_account", value=account)
            if chosen.platform not in export.kind.platforms:
                raise DataError(
                    "err.export_platform", file=path.name, export=export.kind.name, account=account
                )
            scope = [chosen]
        else:
            scope = [a for a in ws.accounts.values() if a.platform in export.kind.platforms]
        index = published_index(ws, scope)
        now = session.now(ws)
        updated: list[str] = []
        same = 0
        unmatched: list[tuple[int, str, tuple[str, ...]]] = []
        latest: dict[str, Figures] = {}
        for row in export.rows:
            key = "youtube:" + row.link if export.kind.platforms == ("youtube",) else address_key(row.link)
            posts = index.get(key, [])
            if len(posts) != 1:
                unmatched.append((row.line, row.link, tuple(sorted(p.id for p in posts))))
                continue
            post = posts[0]
            platform = ws.accounts[post.account].platform
            latest[post.id] = Figures(post.id, post.account, platform, now, source=path.name).with_figures(
                row.figures
            )
        for post_id, figures in latest.items():
            require_account_writer(actor, ws.accounts[figures.account], "action.metrics_import")
            before = ws.metrics.get(post_id)
            if before is not None and before.same_figures(figures):
                same += 1
                continue
            unit.put("metrics", figures, action="import")
            updated.append(post_id)
    return Imported(export.kind.name, tuple(updated), same, tuple(unmatched))


def figures_of(
    ws: Workspace, account: str | None, start: dt.date | None, end: dt.date | None
) -> list[Figures]:
    """The posts' figures, by the posts' publish time (of `account`, published in start..end)."""
    if account is not None and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    found = []
    for item in ws.metrics.values():
        post = ws.posts.get(item.post)
        day = published_day(post) if post else None
        chosen = account is None or item.account == account
        if chosen and day is not None and (start is None or start <= day) and (end is None or day <= end):
            found.append((day, item))
    return [item for _, item in sorted(found, key=lambda pair: (pair[0], pair[1].post))]


def published_day(post: Post) -> dt.date | None:
    """The day a published post went out (recorded, else planned)."""
    if post.status != "published":
        return None
    moment = post.published_at or post.publish_at
    return moment.date() if moment else None


# The report --------------------------------------------------------------------------------------


def last_full_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The report's default range: the month before this one."""
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def _published(ws: Workspace, account: str, start: dt.date, end: dt.date) -> list[Post]:
    found = []
    for post in ws.posts_of(account).with_status("published"):
        day = published_day(post)
        if day is not None and start <= day <= end:
            found.append(post)
    return found


def _actual(ws: Workspace, goal: Goal, period: Period, today: dt.date) -> float | None:
    posts = _published(ws, goal.account, period.start, period.end)
    if goal.metric == "posts":
        return len(posts)
    if goal.metric == "in_time_share":
        items = [
            f for f in ws.feedback_of(goal.account) if period.start <= f.received_at.date() <= period.end
        ]
        return counts(items, today).in_time_share
    figures = [ws.metrics[p.id] for p in posts if p.id in ws.metrics]
    if goal.metric == "reach":
        return sum(f.reach or 0 for f in figures)
    return sum(f.engagement for f in figures)


def account_result(
    ws: Workspace, account: Account, start: dt.date, end: dt.date, today: dt.date
) -> AccountResult:
    """One account's results over start..end: what it published and its figures, its cadence by the
    weeks that begin in the range, its feedback and incidents, its goals and its best posts."""
    posts = _published(ws, account.id, start, end)
    figures = [ws.metrics[p.id] for p in posts if p.id in ws.metrics]
    weeks_in = [m for m in mondays(start, end) if start <= m]  # the weeks that begin in the range
    checked, met = _cadence(ws, account, weeks_in)
    received = [f for f in ws.feedback_of(account.id) if start <= f.received_at.date() <= end]
    incidents = sum(
        1 for i in ws.incidents.values() if i.account == account.id and start <= i.observed_at.date() <= end
    )
    ranked = sorted(
        ((p, ws.metrics[p.id]) for p in posts if p.id in ws.metrics), key=lambda pair: -pair[1].engagement
    )
    return AccountResult(
        account,
        len(posts),
        checked,
        met,
        _total([f.reach for f in figures], len(posts)),
        _total([f.views for f in figures], len(posts)),
        sum(f.engagement for f in figures),
        counts(received, today),
        incidents,
        _goal_results(ws, account, start, end, today),
        _weekly(ws, posts, weeks_in),
        ranked[:5],
    )


def _total(figures: list[int | None], published: int) -> int | None:
    """The sum of the figures there are; None when posts were published and not one of them has
    this figure (no export imported for them yet, or a platform whose export gives none: LinkedIn
    and X give no reach), which a report must not show as nobody reached."""
    known = [figure for figure in figures if figure is not None]
    return sum(known) if known or not published else None


def _cadence(ws: Workspace, account: Account, mondays_in: list[dt.date]) -> tuple[int, int]:
    """How many of the weeks were checked for cadence (the account active on their Monday, with a
    cadence), and how many of those met it."""
    counted = counted_posts(ws, account.id)
    checked = [m for m in mondays_in if ws.cadence_of(account) > 0 and account.is_active_on(m)]
    short = [m for m in checked if shortfall(ws, account, counted, m) is not None]
    return len(checked), len(checked) - len(short)


def _goal_results(
    ws: Workspace, account: Account, start: dt.date, end: dt.date, today: dt.date
) -> list[GoalResult]:
    """Each goal of the account over each of its periods that the range and the goal share."""
    found = []
    for goal in goals_of(ws, account.id):
        for period in periods(start, end, goal.per):
            if goal.applies(period.start, period.end):
                actual = _actual(ws, goal, period, today)
                met = actual is not None and actual >= goal.target
                running = period.end >= today
                found.append(
                    GoalResult(goal.metric, goal.per, period.label, goal.target, actual, met, running)
                )
    return found


def _weekly(ws: Workspace, posts: list[Post], mondays_in: list[dt.date]) -> list[tuple[dt.date, int, int]]:
    """Each week's Monday, its published posts and their reach."""
    weeks = []
    for monday in mondays_in:
        sunday = monday + dt.timedelta(days=6)
        in_week = [p for p in posts if (d := published_day(p)) is not None and monday <= d <= sunday]
        reach = sum((ws.metrics[p.id].reach or 0) for p in in_week if p.id in ws.metrics)
        weeks.append((monday, len(in_week), reach))
    return weeks


def results(ws: Workspace, account: str | None, start: dt.date, end: dt.date, today: dt.date) -> Results:
    """Every account's results over start..end (or one account's)."""
    if end < start:
        raise DataError("err.range_reversed", start=start, end=end)
    within_reach(start, end)
    if account is not None and account not in ws.accounts:
        raise DataError("err.unknown_account", value=account)
    chosen = sorted(
        (a for a in ws.accounts.values() if account is None or a.id == account), key=lambda a: a.id
    )
    return Results(start, end, [account_result(ws, a, start, end, today) for a in chosen])
