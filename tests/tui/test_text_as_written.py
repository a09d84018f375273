"""What people typed is shown as they typed it: Textual reads a widget's string as markup, and a
feedback, a name or a typed date holding `[/x]` stopped the app with a traceback (found by opening
every view on records named with brackets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static

from tests.conftest import Run
from tests.tui.conftest import make_app

BRACKETS = "[/x] [b]"


@pytest.fixture
def bracketed(demo: Path, run: Run) -> Path:
    """The demo with a person, an account, a feedback and a campaign named with brackets."""
    admin = ("--data", str(demo), "--user", "aino")
    run(
        "person",
        "add",
        "brk",
        "--name",
        f"Pekka {BRACKETS}",
        "--email",
        "brk@x.fi",
        "--role",
        "producer",
        *admin,
    )
    run("account", "add", "--platform", "x", "--name", f"Tili {BRACKETS}", "--owner", "aino", "brk", *admin)
    run(
        "feedback",
        "add",
        "--account",
        "x-jarvelan-kaupunki",
        "--received",
        "2026-11-30 09:00",
        "--text",
        f"Palaute {BRACKETS}",
        "--from",
        "@[/]",
        *admin,
    )
    run(
        "campaign",
        "add",
        "--name",
        f"Kampanja {BRACKETS}",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
        *admin,
    )
    return demo  # fmt: skip


@pytest.mark.parametrize(
    "keys",
    [
        ("p",),  # the team: a person's name in a table
        ("p", "b"),  # a new absence: the deputies to choose from
        ("f",),  # the feedback queue
        ("f", "r"),  # answering: the item's text above the form
        ("C",),  # the campaigns
        ("exclamation_mark", "s"),  # a crisis hold: the accounts to pick
        ("r", "n"),  # a new account: the people to pick
    ],
)
async def test_a_view_with_records_named_with_brackets_opens(bracketed: Path, keys: tuple[str, ...]) -> None:
    app = make_app(bracketed, user="aino")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        assert len(app.screen_stack) > 2  # the view or dialog is open, and drawn


async def test_a_date_typed_with_brackets_is_refused_and_quoted_as_typed(demo: Path) -> None:
    app = make_app(demo, user="aino")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        app.post_message(events.Paste(BRACKETS))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        said = [str(shown.render()) for shown in app.screen.query(Static)]
        assert any(f"«{BRACKETS}»" in text for text in said), said
