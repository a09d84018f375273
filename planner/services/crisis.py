"""Crisis holds: an admin pauses ordinary posts (of some accounts, or all) while a crisis is on,
and ends the hold when it is over. `check` then names every ready or scheduled post to pause."""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.domain.crisis import held_posts
from planner.domain.errors import DataError, Refused
from planner.domain.model import Hold, Post
from planner.domain.roles import require_admin
from planner.domain.values import line
from planner.domain.workspace import Workspace
from planner.services import Session
from planner.services.ids import new_id


@dataclass(frozen=True)
class Status:
    holds: list[Hold]  # the holds that are on, oldest first
    held: list[Post]  # the posts they pause, by publish time


def start_hold(session: Session, reason: str, accounts: tuple[str, ...] = ()) -> Hold:
    """A hold on `accounts` (every account when none is named), on from now until it is ended."""
    why = line(reason, "reason", required=True)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        require_admin(actor, "action.crisis")
        for account in accounts:
            if account not in ws.accounts:
                raise DataError("err.unknown_account", value=account)
        hold = Hold(
            id=new_id("h", ws.holds),
            reason=why,
            accounts=tuple(dict.fromkeys(accounts)),
            started_by=actor.id,
            started_at=session.now(ws),
        )
        return unit.put("holds", hold, action="start")


def end_holds(session: Session) -> list[Hold]:
    """End every hold that is on; refused when none is."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        require_admin(actor, "action.crisis")
        if not ws.open_holds:
            raise Refused("refused.no_hold")
        now = session.now(ws)
        return [
            unit.put("holds", replace(hold, ended_by=actor.id, ended_at=now), action="end")
            for hold in ws.open_holds
        ]


def status(ws: Workspace) -> Status:
    return Status(ws.open_holds, held_posts(ws))
