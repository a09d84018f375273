"""The readiness rules: a registry of small pure functions, each with its SPEC id and severity."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.domain.fields import made
from planner.domain.model import Account, Post
from planner.domain.workspace import Workspace
from planner.i18n import t

ERROR, WARNING = "error", "warning"

# Why a subtitle file does not do: a catalogue key (`sub.…`) and the values it names, so that a
# finding says it in the language it is shown in.
SubtitleVerdict = tuple[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Problem:
    """One way a rule fails: a message key with its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    date: dt.date | None = None
    until: dt.date | None = None
    asset: str | None = None


def problem(
    key: str,
    /,
    *,
    on: dt.date | None = None,
    until: dt.date | None = None,
    asset: str | None = None,
    **params: Any,
) -> Problem:
    """A failure; `on`/`until` are the finding's date fields, `params` fill in the message."""
    if asset is not None:
        params["asset"] = asset
    return made(Problem, {"key": key, "params": params, "date": on, "until": until, "asset": asset})


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at; built by the services, never read from disk by a rule. A
    rule reads the post's own account and posts, the team and the library, never another
    account's: `check` judges one account at a time, on a workspace holding only the accounts it
    judges (services/checks.account_parts), and the tests hold that equal to the whole report."""

    ws: Workspace
    now: dt.datetime  # local to the organization, naive
    start: dt.date
    end: dt.date
    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    # Subtitle file (relative to assets/) -> None when it parses, else why not.
    subtitle_problems: Mapping[str, SubtitleVerdict | None] = field(default_factory=dict)
    # Media files (relative to assets/) that are not there: deleted, moved or renamed.
    missing_files: frozenset[str] = frozenset()

    @property
    def today(self) -> dt.date:
        return self.now.date()


PostCheck = Callable[[Post, Context], Iterable[Problem]]
AccountCheck = Callable[[Account, Context], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    scope: str  # "post" or "account"
    check: Callable[..., Iterable[Problem]]
    media_only: bool = False  # looks at nothing but the post's media: a post without any passes

    def title(self, lang: str) -> str:
        return t(f"{self.id}.title", lang)


RULES: dict[str, Rule] = {}  # every rule, as registered by its module
MODULES = ("posts", "media", "accounts")  # the rule modules, in the order of SPEC's tables


def _unique(rule_id: str) -> str:
    if rule_id in RULES:
        raise ValueError(f"the rule {rule_id} is registered twice")
    return rule_id


def post_rule(rule_id: str, severity: str, media_only: bool = False) -> Callable[[PostCheck], PostCheck]:
    def register(check: PostCheck) -> PostCheck:
        RULES[_unique(rule_id)] = Rule(rule_id, severity, "post", check, media_only)
        return check

    return register


def account_rule(rule_id: str, severity: str) -> Callable[[AccountCheck], AccountCheck]:
    def register(check: AccountCheck) -> AccountCheck:
        RULES[_unique(rule_id)] = Rule(rule_id, severity, "account", check)
        return check

    return register


def all_rules() -> dict[str, Rule]:
    """Every rule, in the order of SPEC's tables: the post rules (posts, then media), then the
    account rules, as their modules register them. Registering is the one place a rule is named:
    a rule that exists runs, and the index and the order come from here."""
    from planner.domain.rules import accounts, media, posts  # noqa: F401  # they register their rules

    order = {f"planner.domain.rules.{name}": rank for rank, name in enumerate(MODULES)}
    ranked = sorted(enumerate(RULES.values()), key=lambda item: (order[item[1].check.__module__], item[0]))
    return {rule.id: rule for _, rule in ranked}


@functools.cache
def post_rules() -> tuple[Rule, ...]:
    """The post rules in order (the registry is complete once the rule modules are imported)."""
    return tuple(r for r in all_rules().values() if r.scope == "post")


@functools.cache
def account_rules() -> tuple[Rule, ...]:
    return tuple(r for r in all_rules().values() if r.scope == "account")
