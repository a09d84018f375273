"""A post as the week view shows it: three lines of time and readiness, account tag and status, and
the first words. The lines are drawn by `DayList`, which shows a day's posts as cards. The names of
an account (its tag `FB·kirjasto`, its label `FB Järvelän kirjasto`) and of a post in a detail pane
are made here too, so that every screen names them alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from rich.text import Text

from planner.domain.model import Account, Post
from planner.i18n import fmt_date, t
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


def account_tags(accounts: Mapping[str, Account], shown: Iterable[str]) -> dict[str, str]:
    """The tag of each account `shown` together (on a week, in the feedback queue): its platform
    (`FB`), and when more than one of them is on that platform, the last word of its id as well
    (`FB·kirjasto`): a city's Facebook pages share its name."""
    known = [accounts[a] for a in set(shown) if a in accounts]
    platforms = Counter(account.platform for account in known)
    tags = {account_id: "··" for account_id in shown}
    for account in known:
        tag = PLATFORM_TAGS.get(account.platform, "··")
        if platforms[account.platform] > 1:
            tag += "·" + account.id.rsplit("-", 1)[-1][:8]
        tags[account.id] = tag
    return tags


def account_label(account: Account, width: int | None = None) -> Text:
    """`FB Järvelän kirjasto`: the platform's tag and the account's name, telling two pages of a
    platform apart in words (cut to `width` where a column leaves no more)."""
    label = Text(f"{PLATFORM_TAGS.get(account.platform, '··')} ", style="bold")
    label.append(account.name or account.id)
    if width is not None:
        label.truncate(width, overflow="ellipsis")
    return label


def post_lines(post: Post, accounts: Mapping[str, Account], lang: str, indent: str) -> str:
    """A post as a detail names it, on two lines after `indent` (one, in a pane beside a list,
    broke inside the account's name): its id and time; its account (`FB Järvelän kaupunki`) and
    status."""
    when = fmt_date(post.publish_at, lang) if post.publish_at else "–"
    account = accounts.get(post.account)
    where = account_label(account).plain if account else post.account
    return f"{indent}{post.id}  {when}\n{indent}  {where}  {t('status.' + post.status, lang)}"


CARD_LINES = 4  # time and status, the account, then the post's text on two; a blank line follows each card


def readiness_text(summary: PostSummary) -> Text:
    if not summary.errors and not summary.warnings:
        return Text("✓", style="bold green")
    text = Text()
    if summary.errors:
        text.append(f"✗{summary.errors}", style="bold red")
    if summary.warnings:
        text.append((" " if summary.errors else "") + f"!{summary.warnings}", style="yellow")
    return text


def card_lines(summary: PostSummary, tag: str, lang: str, compact: bool = False) -> list[Text]:
    """The card's three parts: time, readiness and status; the account's tag and what holds the
    post back; the post's text, wrapped on the card's last two lines as wide as it is drawn. One
    line, `compact`, when the week is a list on a narrow terminal: time, readiness, tag, status,
    text. Post text is shown literally: markup in it is never interpreted."""
    post = summary.post
    when = clock(post.publish_at, lang) if post.publish_at else "–"
    first = Text(f"{when} ")
    if post.status == "cancelled":  # not checked any more: no verdict to show
        first.append("–", style="dim")
    else:
        first.append_text(readiness_text(summary))
    status = Text(t("status." + post.status, lang), style="italic")
    holding = []  # what holds the post back
    if summary.held:
        holding.append(Text(t("ui.held", lang), style="bold red"))
    if summary.waiting_review:
        holding.append(Text(t("ui.waiting_review", lang), style="yellow"))
    third = Text(post.label())
    if compact:
        return [Text(" ").join([first, Text(tag, style="bold"), Text(" · ").join([status, *holding]), third])]
    # The status beside the time, where a card has room: a card is some 16 columns wide, and a
    # tag that tells a city's Facebook pages apart (`FB·kirjasto`) left the status two letters.
    # What holds the post back goes first on the line below: after the tag it was cut away.
    return [Text(" ").join([first, status]), Text(" · ").join([*holding, Text(tag, style="bold")]), third]
