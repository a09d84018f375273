"""The readiness engine: runs every rule over the posts and accounts of a range and gathers findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import chain
from types import MappingProxyType
from typing import Any, NamedTuple

from planner.domain.calendar import mondays
from planner.domain.model import Account, Post
from planner.domain.rules import ERROR, WARNING, Context, PostCheck, Problem, Rule, account_rules, post_rules
from planner.domain.workspace import Workspace
from planner.i18n import fmt_date, keyed, t
from planner.i18n.dates import iso_week

BLOCKING_STATUSES = ("ready", "scheduled")


def _show(name: str, value: Any, lang: str) -> Any:
    if isinstance(value, dt.date):
        return fmt_date(value, lang)
    if name == "status" and isinstance(value, str):
        return t(f"status.{value}", lang)
    if name == "platform" and isinstance(value, str):
        return t(f"platform.{value}", lang)
    if name == "week" and isinstance(value, str):
        return iso_week(value, lang)
    return value


class Finding(NamedTuple):
    """One rule's finding about a post or an account. A tuple: a year's check makes and reads back
    some ten thousand of them, and a tuple is made in one step where a frozen dataclass sets each
    of its eleven fields apart."""

    rule: str
    severity: str
    blocking: bool
    account: str
    post: str | None
    post_status: str | None
    date: dt.date | None
    until: dt.date | None
    key: str
    params: Mapping[str, Any] = MappingProxyType({})
    asset: str | None = None

    def message(self, lang: str) -> str:
        """Said in `lang` (a value named `…_key` as the catalogue entry it names: `keyed`)."""
        return t(self.key, lang, **keyed({k: _show(k, v, lang) for k, v in self.params.items()}, lang))


def _post_finding(rule: Rule, post: Post, found: Problem) -> Finding:
    return Finding(
        rule.id,
        rule.severity,
        rule.severity == ERROR and post.status in BLOCKING_STATUSES,
        post.account,
        post.id,
        post.status,
        post.publish_date,
        None,
        found.key,
        found.params,
        found.asset,
    )


def _account_finding(rule: Rule, account: Account, found: Problem) -> Finding:
    return Finding(
        rule.id,
        rule.severity,
        rule.severity == ERROR,
        account.id,
        None,
        None,
        found.date,
        found.until,
        found.key,
        found.params,
        found.asset,
    )


PASSED: tuple[Finding, ...] = ()  # a rule's findings when it passes: one shared empty tuple
Results = dict[str, Sequence[Finding]]  # each rule's findings, by rule id


@cache
def _post_rule_table() -> tuple[
    Results, tuple[tuple[Rule, str, PostCheck], ...], tuple[tuple[Rule, str, PostCheck], ...]
]:
    """Every post rule passed (in order, as each post's results start), and the rules to run on
    a post with media and on one without."""
    rules = post_rules()
    every = tuple((rule, rule.id, rule.check) for rule in rules)
    return (
        dict.fromkeys((rule.id for rule in rules), PASSED),
        every,
        tuple(e for e in every if not e[0].media_only),
    )


def check_post(post: Post, ctx: Context) -> Results:
    """Every post rule's findings for one post, by rule id in the rules' order (an empty sequence
    is a pass). This runs 17 rules for each of a year's 9,000 posts at city scale, so a rule
    about media alone is not asked about a post without any, and the rules are run from a table
    made once."""
    passed, every, bare = _post_rule_table()
    results = dict(passed)
    for rule, rule_id, check in bare if not post.media else every:
        found: list[Finding] | None = None
        for problem in check(post, ctx):
            if found is None:
                found = []
            found.append(_post_finding(rule, post, problem))
        if found is not None:
            results[rule_id] = found
    return results


def check_account(account: Account, ctx: Context) -> Results:
    return {
        rule.id: [_account_finding(rule, account, found) for found in rule.check(account, ctx)]
        for rule in account_rules()
    }


def check_as_ready(post: Post, ctx: Context) -> Results:
    """A draft judged as if it were marked ready now: exactly what stands in the way."""
    return check_post(replace(post, status="ready") if post.status == "draft" else post, ctx)


def errors_if_ready(post: Post, ctx: Context) -> list[Finding]:
    """The error findings the post would have if it were marked ready now."""
    return [f for found in check_as_ready(post, ctx).values() for f in found if f.severity == ERROR]


@dataclass(frozen=True)
class Report:
    start: dt.date
    end: dt.date
    posts: Mapping[str, Results]
    accounts: Mapping[str, Results]
    subtitle_files: tuple[str, ...] = ()  # relative to assets/: the files this report's verdicts read
    # Every finding, in any order, when whoever made the report has them at hand: then they are not
    # gathered again from each post's results (a year of a metro is 30,000 posts of 17 rules each).
    judged: Sequence[Finding] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def findings(self) -> list[Finding]:
        every = self.judged
        if every is None:
            every = [f for results in self.posts.values() for found in results.values() for f in found]
            every += [f for results in self.accounts.values() for found in results.values() for f in found]
        far = dt.date.max
        return sorted(every, key=lambda f: (f.account, f.date or far, f.post or "", f.rule))

    def summary(self) -> dict[str, int]:
        findings = self.findings
        return {
            "errors": sum(f.severity == ERROR for f in findings),
            "warnings": sum(f.severity == WARNING for f in findings),
            "blocking": sum(f.blocking for f in findings),
            "posts": len(self.posts),
            "accounts": len(self.accounts),
        }

    @property
    def has_blocking(self) -> bool:
        return any(f.blocking for f in self.findings)


def posts_in_range(ctx: Context, account: str | None = None) -> Iterable[Post]:
    """Posts dated in the range, and posts with no publish time; never cancelled ones."""
    return checked_posts(ctx.ws, ctx.start, ctx.end, account)


SHORT_RANGE_DAYS = 62  # up to this, a check reads the week index


def checked_posts(ws: Workspace, start: dt.date, end: dt.date, account: str | None = None) -> Iterator[Post]:
    """The posts a check of start..end looks at (see `posts_in_range`). A few weeks (the app's week
    view) are read from the snapshot's week index instead of every post of the workspace."""
    source: Iterable[Post] = ws.posts_of(account) if account else ws.posts.values()
    if account is None and (end - start).days <= SHORT_RANGE_DAYS:
        source = chain(*(ws.posts_in_week(week) for week in mondays(start, end)), ws.unscheduled)
    return _looked_at(source, start, end)


def _looked_at(source: Iterable[Post], start: dt.date, end: dt.date) -> Iterator[Post]:
    """Posts dated in start..end, and posts with no publish time; never cancelled ones."""
    for post in source:
        if post.status == "cancelled":
            continue
        day = post.publish_date
        if day is None or start <= day <= end:
            yield post


def stable_for(posts: Iterable[Post], now: dt.datetime) -> dt.datetime:
    """The first minute at which time passing alone could change what the rules find at `now` for
    `posts` (and for their accounts): the next midnight (`ctx.today` and the default range read the
    date), or the minute after a ready or scheduled post's publish time (`post.schedule` compares
    it with `ctx.now`). A rule that comes to read the clock in another way must be counted here."""
    until = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    for post in posts:
        if post.status in BLOCKING_STATUSES and post.publish_at is not None and post.publish_at >= now:
            until = min(until, post.publish_at + dt.timedelta(minutes=1))
    return until


def post_results(ctx: Context, account: str | None = None) -> dict[str, Results]:
    """Each post's findings, for the posts of the range (the views need no more than this)."""
    return {p.id: check_post(p, ctx) for p in posts_in_range(ctx, account)}


def run_check(ctx: Context, account: str | None = None) -> Report:
    accounts = [a for a in ctx.ws.accounts.values() if account is None or a.id == account]
    return Report(
        start=ctx.start,
        end=ctx.end,
        posts=post_results(ctx, account),
        accounts={a.id: check_account(a, ctx) for a in sorted(accounts, key=lambda a: a.id)},
        subtitle_files=tuple(ctx.subtitle_problems),
    )
