"""A post as the week view shows it: three lines of time and readiness, account tag and status, and
the first words. The lines are drawn by `DayList`, which shows a day's posts as cards."""

from __future__ import annotations

from rich.text import Text

from planner.i18n import t
from planner.i18n.dates import clock
from planner.services.views import PostSummary

PLATFORM_TAGS = {
    "facebook": "FB",
    "instagram": "IG",
    "x": "X",
    "linkedin": "IN",
    "youtube": "YT",
    "tiktok": "TT",
    "threads": "TH",
    "bluesky": "BS",
    "mastodon": "MA",
    "blog": "BL",
    "other": "··",
}

CARD_LINES = 4  # time, account and status, then the post's text on two; a blank line follows each card


def readiness_text(summary: PostSummary) -> Text:
    if not summary.errors and not summary.warnings:
        return Text("✓", style="bold green")
    text = Text()
    if summary.errors:
        text.append(f"✗{summary.errors}", style="bold red")
    if summary.warnings:
        text.append((" " if summary.errors else "") + f"!{summary.warnings}", style="yellow")
    return text


def card_lines(summary: PostSummary, platform: str, lang: str, compact: bool = False) -> list[Text]:
    """The card's three parts (one line, `compact`, when the week is a list on a narrow terminal);
    the third, the post's text, is wrapped on the card's last two lines as wide as it is drawn.
    Post text is shown literally: markup in it is never interpreted."""
    post = summary.post
    when = clock(post.publish_at, lang) if post.publish_at else "–"
    first = Text(f"{when} ")
    if post.status == "cancelled":  # not checked any more: no verdict to show
        first.append("–", style="dim")
    else:
        first.append_text(readiness_text(summary))
    second = Text(f"{PLATFORM_TAGS.get(platform, '··')} ", style="bold")
    second.append(t("status." + post.status, lang), style="italic")
    if summary.waiting_review:
        second.append(" · " + t("ui.waiting_review", lang), style="yellow")
    if summary.held:
        second.append(" · " + t("ui.held", lang), style="bold red")
    third = Text(post.label())
    if compact:
        return [Text(" ").join([first, second, third])]
    return [first, second, third]
