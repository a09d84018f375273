"""`GET /feed/TOKEN.ics`: a person's calendar subscription, answered without a session (Outlook and
Google fetch it on their own). An unknown, guessed or revoked token is 404, the same as no feed at
all; the token never reaches the server's log. A workspace that cannot be read now (damage, a
lock held too long) is 503 for every token alike: a calendar told 404 may drop the subscription,
and one told to come back keeps it."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from aiohttp import web

RETRY_SECONDS = 600  # calendars fetch a subscription every few hours: ten minutes is soon enough

log = logging.getLogger("planner.serve")


async def feed_response(root: Path, lang: str, token: str) -> web.StreamResponse:
    from planner.domain.errors import PlannerError
    from planner.services.feeds import feed_calendar

    try:
        body = await asyncio.to_thread(feed_calendar, root, token, lang)
    except PlannerError as error:
        log.warning("feed-unavailable %s", error.render("en"))
        raise web.HTTPServiceUnavailable(headers={"Retry-After": str(RETRY_SECONDS)}) from None
    if body is None:
        raise web.HTTPNotFound()
    return web.Response(
        body=body,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": 'inline; filename="somekalenteri.ics"'},
    )
