"""The demo's feedback register: questions and comments of the last days on the city's accounts,
one of them past its due day, one answered, one a comment on a published post; and one incident
in the harassment log (made up, like everyone in the demo)."""

from __future__ import annotations

import datetime as dt

from planner.domain.incidents import Action, Incident
from planner.domain.workspace import Workspace
from planner.services.feedback import NewFeedback

QUESTIONS = (
    # (days before now, account, sender, kind, text)
    (6, "facebook-jarvelan-kaupunki", "Kalle K.", "comment", "Milloin Kirkkotien katutyöt loppuvat?"),
    (
        1,
        "instagram-jarvelan-kaupunki",
        "@nelli_j",
        "message",
        "Onko uimahalli auki jouluna?",
    ),
    (4, "facebook-jarvelan-kaupunki", "Marja Mäkinen", "comment", "Kiitos hyvästä tiedotteesta!"),
)


def demo_feedback(ws: Workspace, now: dt.datetime) -> list[NewFeedback]:
    """What came in: the oldest still open (overdue), the newest waiting, one to be answered, and a
    comment on the newest published post of the city's Facebook page."""
    found = [
        NewFeedback(account, now - dt.timedelta(days=days), text, sender, "", None, kind)
        for days, account, sender, kind, text in QUESTIONS
    ]
    published = [
        p
        for p in ws.posts_of("facebook-jarvelan-kaupunki").with_status("published").sorted()
        if p.publish_at is not None and p.publish_at < now
    ]
    if published:
        post = published[-1]
        assert post.publish_at is not None
        received = min(now, post.publish_at + dt.timedelta(hours=3))
        text = "Hieno juttu, tuleeko tästä lisää tietoa?"
        found.append(NewFeedback(post.account, received, text, "@jarvelalainen", "", post.id, "comment"))
    return found


def demo_incident(now: dt.datetime) -> Incident:
    """A hateful comment on the city's Instagram, recorded by an admin, the supervisor told."""
    seen = now - dt.timedelta(days=2, hours=3)
    return Incident(
        id="i-demo-001",
        account="instagram-jarvelan-kaupunki",
        observed_at=seen,
        category="hate",
        text="Kommentti, jossa haukuttiin nuorisotyöntekijää ja hänen taustaansa (piilotettu tilillä).",
        senders=("@nimeton_4471",),
        target="employee",
        actions=(Action("supervisor", seen + dt.timedelta(hours=1), "aino", "Kerrottu esihenkilölle"),),
        recorded_by="aino",
        recorded_at=seen + dt.timedelta(minutes=20),
    )
