"""`GET /feed/TOKEN.ics`: a person's calendar subscription, answered without a session (Outlook and
Google fetch it on their own). An unknown, guessed or revoked token is 404, the same as no feed at
all; the token never reaches the server's log."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web


async def feed_response(root: Path, lang: str, token: str) -> web.StreamResponse:
    from planner.domain.errors import PlannerError
    from planner.services.feeds import feed_calendar

    try:
        body = await asyncio.to_thread(feed_calendar, root, token, lang)
    except PlannerError:  # a workspace that cannot be read gives no calendar either
        body = None
    if body is None:
        raise web.HTTPNotFound()
    return web.Response(
        body=body,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": 'inline; filename="somekalenteri.ics"'},
    )
