"""After publishing, in the app (Pilot, keyboard only): the week's bottom line counts what is open
and late, the feedback queue logs and answers, a hostile comment becomes an incident with its
screenshot, an auditor sees only that it exists, the editor of a published post shows its
comments, and the organization dialog sets the promise."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from textual.widgets import DataTable, Input, Label, Static

from planner.services import Session
from planner.ui.dialogs.feedback_forms import FeedbackForm, FeedbackStepForm, IncidentForm
from planner.ui.screens.editor import EditorScreen
from planner.ui.screens.feedback import FeedbackScreen
from planner.ui.screens.incidents import IncidentsScreen
from planner.ui.screens.week import WeekScreen
from planner.ui.widgets.after_publishing import AfterPublishing
from planner.ui.widgets.choice import Choice
from tests.conftest import Run
from tests.tui.conftest import make_app, paste

SIZE = (80, 24)


def stored(demo: Path):  # type: ignore[no-untyped-def]
    return Session.open(str(demo), None).load()


def shown(widget: Static) -> str:
    return str(widget.render())


async def test_the_week_says_how_much_feedback_is_open_and_late(demo: Path) -> None:
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert "Palaute: 3 avointa, 1 myöhässä" in shown(app.screen.query_one("#cadence", Static))


async def test_the_queue_names_each_items_account_in_sight_by_its_tag(demo: Path) -> None:
    """At 60 and 80 columns the account was the queue's last column, out of sight: which of the
    city's Facebook pages a comment came to was only in the detail below the table."""
    import datetime as dt

    from planner.services import feedback

    session = Session.open(str(demo), "aino")
    received = dt.datetime(2026, 11, 30, 12, 0)
    feedback.add_feedback(
        session, feedback.NewFeedback("facebook-jarvelan-kirjasto", received, "Onko kirjasto auki?")
    )
    app = make_app(demo, user="aino")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        table = app.screen.query_one("#feedback", DataTable)
        tags = {app.ws.feedback[str(key.value)].account: str(table.get_row(key)[1]) for key in table.rows}
        assert tags["facebook-jarvelan-kirjasto"] == "FB·kirjasto"
        assert tags["facebook-jarvelan-kaupunki"] == "FB·kaupunki"
        assert tags["instagram-jarvelan-kaupunki"] == "IG"
        assert table.columns[table.ordered_columns[1].key].width <= 12  # in sight at 60 columns


async def test_a_producer_logs_feedback_and_answers_the_late_one(demo: Path) -> None:
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, FeedbackScreen)
        table = queue.query_one("#feedback", DataTable)
        assert table.row_count == 3
        assert "MYÖH." in str(table.get_row_at(0)[0])  # in words, not only in red
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackForm)
        app.screen.query_one("#text", Input).value = "Milloin joulukuusi sytytetään?"
        app.screen.query_one("#sender", Input).value = "@" + "k" * 600  # a paste gone wrong
        await pilot.press("ctrl+s")
        await pilot.pause()
        refusal = str(app.screen.query_one("#form-error", Label).render())
        assert refusal.startswith("Lähettäjä: "), refusal  # the row's label, not the record's `from`
        app.screen.query_one("#sender", Input).value = "@kysyjä"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is queue and table.row_count == 4
        await pilot.press("r")  # the late one, first in the queue
        await pilot.pause()
        assert isinstance(app.screen, FeedbackStepForm)
        await paste(pilot, "Vastattu puhelimessa")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is queue and table.row_count == 3
        assert "3 avointa, 0 myöhässä" in shown(queue.query_one("#feedback-title", Static))
        await pilot.press("a")  # everything: the one answered after its due day says so
        await pilot.pause()
        assert str(table.get_row("f-demo-001")[0]) == "vastattu MYÖH."
    ws = stored(demo)
    late = ws.feedback["f-demo-001"]
    assert (late.status, late.handled_by, late.note, late.late) == (
        "answered",
        "mikko",
        "Vastattu puhelimessa",
        True,
    )
    added = next(f for f in ws.feedback.values() if f.sender == "@kysyjä")
    assert (added.account, added.kind, added.added_by) == ("facebook-jarvelan-kaupunki", "comment", "mikko")


async def test_a_hostile_comment_becomes_an_incident_with_its_screenshot(demo: Path, tmp_path: Path) -> None:
    shot = tmp_path / "kaappaus.png"
    Image.new("RGB", (400, 300), (180, 20, 20)).save(shot)
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f", "down", "i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, IncidentForm)
        carried = app.ws.feedback[form.item.id] if form.item else None
        assert carried is not None and form.query_one("#text", Input).value == carried.text
        assert form.query_one("#sender", Input).value == carried.sender
        form.query_one("#evidence", Input).value = str(shot)
        form.query_one("#category", Choice).value = "threat"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
    ws = stored(demo)
    (incident,) = [i for i in ws.incidents.values() if i.recorded_by == "mikko"]
    digest = hashlib.sha256(shot.read_bytes()).hexdigest()
    assert (incident.text, incident.category, incident.evidence[0].sha256) == (carried.text, "threat", digest)
    assert (demo / "incidents" / f"{digest}.png").read_bytes() == shot.read_bytes()


async def test_the_incident_log_shows_whether_each_is_open_at_60_columns_and_its_account_by_tag(
    demo: Path,
) -> None:
    """At 60 columns the account's whole id took 28 columns, and whether an incident was still open
    (the log's last column) was out of sight."""
    import datetime as dt

    from planner.services import incidents

    session = Session.open(str(demo), "aino")
    for account in ("facebook-jarvelan-kirjasto", "facebook-jarvelan-kaupunki"):
        new = incidents.NewIncident(account, dt.datetime(2026, 11, 30, 9, 0), "threat", "Uhkaus")
        incidents.add_incident(session, new)
    for user in ("aino", "tarja"):  # an admin sees each whole, an auditor only that it exists
        app = make_app(demo, user=user)
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            await pilot.press("i")
            await pilot.pause()
            table = app.screen.query_one("#incidents", DataTable)
            rows = [[str(cell) for cell in table.get_row(key)] for key in table.rows]
            assert sorted(row[1] for row in rows) == ["FB·kaupunki", "FB·kirjasto", "IG"]
            assert sorted(row[2] for row in rows) == ["avoin"] * 3
            shown_width = sum(
                table.columns[column.key].get_render_width(table) for column in table.ordered_columns[:3]
            )
            assert shown_width <= 60
            table.move_cursor(row=[row[1] for row in rows].index("FB·kirjasto"))
            await pilot.pause()
            assert "facebook-jarvelan-kirjasto" in shown(app.screen.query_one("#incident-detail", Static))


async def test_an_auditor_sees_that_an_incident_exists_and_nothing_it_says(demo: Path) -> None:
    secret = stored(demo).incidents["i-demo-001"].text
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IncidentsScreen)
        assert screen.query_one("#incidents", DataTable).row_count == 1
        detail = shown(screen.query_one("#incident-detail", Static))
        assert "luottamuksellinen" in detail and secret not in detail
        await pilot.press("n")  # an auditor records nothing: refused with the reason
        await pilot.pause()
        assert app.screen is screen
    admin = make_app(demo, user="aino")
    async with admin.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert secret in shown(admin.screen.query_one("#incident-detail", Static))


async def test_the_editor_of_a_published_post_shows_the_feedback_on_it(demo: Path) -> None:
    ws = stored(demo)
    comment = next(f for f in ws.feedback.values() if f.post)
    app = make_app(demo, user="mikko")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_view("editor", comment.post)
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        panel = editor.query_one(AfterPublishing)
        assert panel.display and "Hieno juttu" in shown(panel)
        await pilot.press("escape")
        await pilot.pause()
        app.open_view("editor", None)  # a new post has none
        await pilot.pause()
        assert not app.screen.query_one(AfterPublishing).display


async def test_the_editor_marks_a_comment_answered_after_its_due_day(demo: Path, run: Run) -> None:
    comment = next(f for f in stored(demo).feedback.values() if f.post)
    answered = f"{comment.due + dt.timedelta(days=3)} 10:00"
    run("feedback", "reply", comment.id, "--at", answered, "--data", str(demo), "--user", "aino", check=0)
    app = make_app(demo, user="mikko")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_view("editor", comment.post)
        await pilot.pause()
        assert "vastattu MYÖH." in shown(app.screen.query_one(AfterPublishing))


async def test_the_organization_dialog_sets_the_promise_in_calendar_days(demo: Path) -> None:
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#reply_within", Input).value = "3"
        app.screen.query_one("#reply_days", Choice).value = "calendar"
        await pilot.press("ctrl+s")
        await pilot.pause()
    organization = stored(demo).organization
    assert (organization.reply_within, organization.reply_days) == (3, "calendar")


@pytest.mark.parametrize("size", [(120, 40), (60, 20)])
async def test_the_results_screen_shows_each_goal_met_or_not_in_words_and_the_reach_weeks(
    demo: Path, size: tuple[int, int]
) -> None:
    """Every line fits the terminal: at 60 columns a best post's line was 61 wide, and its figure
    wrapped onto a line of its own; a title of emoji (two columns each) was cut by characters. A
    goal's name is never cut (at 60 columns the quarter's read `ajallaan vastattu`, as if it were
    the month's), and a best post is told from the others of the same title by its day."""
    from rich.cells import cell_len

    from planner.services import posts
    from planner.ui.screens.results import ResultsScreen

    session = Session.open(str(demo), "aino")
    for post_id in list(stored(demo).metrics):  # every post with figures: the best among them
        posts.edit_post(session, post_id, posts.PostEdit(title="🎄" * 25 + " Joulu"))
    app = make_app(demo, user="tarja")  # an auditor reads the results
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        widget = screen.query_one("#results-body", Static)
        body = shown(widget)
        assert "julkaisut / kk" in body and "kesken 1 / 8" in body  # December so far: one of eight
        assert "✗" not in body  # the month, the quarter and the year are running: nothing missed yet
        assert "✓ 100 % / 90 %" in body  # feedback answered in time this quarter
        assert "ajallaan vastattu / neljännes" in body
        best = [line for line in body.splitlines() if line.startswith("  · ")]
        assert best and all(re.match(r"  · \d{1,2}\.\d{1,2}\. +🎄", line) for line in best)
        assert "tavoittavuus viikoittain: " in body and any(c in body for c in "▁▂▃▄▅▆▇█")
        # LinkedIn's export gives no reach: said so, not drawn as weeks of nobody reached
        linkedin = body.split("linkedin-jarvelan-kaupunki")[1].split("\n\n")[0]
        assert "tavoittavuus viikoittain: ei lukuja" in linkedin and "(0)" not in linkedin
        assert "sitoutuminen" in body and "Sitoutuminen" not in body
        assert max(cell_len(line) for line in body.splitlines()) <= widget.content_region.width


async def _goal_in_register(app: Any, pilot: Any, account: str | None, metric: str, target: str) -> str:
    """A goal set in the account register's form (on `account`, else on the first account); the
    account it was set on."""
    from planner.ui.dialogs.goal_form import GoalForm

    await pilot.press("r")
    await pilot.pause()
    if account is not None:
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=next(i for i, key in enumerate(table.rows) if key.value == account))
        await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, GoalForm)
    assert account is None or form.account == account
    form.query_one("#metric", Choice).value = metric
    form.query_one("#target", Input).value = target
    await pilot.press("ctrl+s")
    await pilot.pause()
    return str(form.account)


async def test_an_admin_sets_a_goal_in_the_account_register(demo: Path) -> None:
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        account = await _goal_in_register(app, pilot, None, "engagement", "400")  # the first account
    goal = stored(demo).goals[f"{account}:engagement:month"]
    assert (goal.target, goal.per) == (400, "month")


async def test_a_reach_goal_on_linkedin_is_saved_with_the_warning_that_it_stays_at_0(demo: Path) -> None:
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _goal_in_register(app, pilot, "linkedin-jarvelan-kaupunki", "reach", "100")
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
    assert stored(demo).goals["linkedin-jarvelan-kaupunki:reach:month"].target == 100
    assert any("Palvelun LinkedIn tilastoviennissä ei ole lukua, josta tavoittavuus" in m for m in warnings)


async def test_the_editor_of_a_published_post_shows_its_figures(demo: Path) -> None:
    ws = stored(demo)
    figures = next(iter(ws.metrics.values()))
    app = make_app(demo, user="mikko")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_view("editor", figures.post)
        await pilot.pause()
        panel = app.screen.query_one(AfterPublishing)
        assert panel.display and f"sitoutuminen {figures.engagement}" in shown(panel)


async def test_a_shows_the_handled_items_after_the_open_ones(demo: Path) -> None:
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f", "a")
        await pilot.pause()
        table = app.screen.query_one("#feedback", DataTable)
        keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        statuses = [app.ws.feedback[key or ""].status for key in keys]
        assert statuses == ["open", "open", "open", "answered"]
        assert "myös käsitellyt" in shown(app.screen.query_one("#feedback-title", Static))


def test_every_forms_field_labels_are_in_the_catalogue() -> None:
    """A refusal is said with the label of the row it names (form.labelled): a label key missing
    from the catalogue would end the app at the first refusal."""
    from planner.i18n.catalogue import CATALOGUE
    from planner.ui.dialogs import (  # noqa: F401 - every form class, imported to be found
        account_form,
        asset_forms,
        campaign_form,
        consent_forms,
        feedback_forms,
        goal_form,
        organization_form,
        step_forms,
        team_forms,
    )
    from planner.ui.dialogs.form import Form
    from planner.ui.screens.editor import FIELD_LABELS

    def every(cls: type) -> list[type]:
        return [cls, *(found for sub in cls.__subclasses__() for found in every(sub))]

    labelled = {cls.__name__: cls.FIELD_LABELS for cls in every(Form) if cls.FIELD_LABELS}
    assert {"PublishForm", "TimeForm", "FeedbackForm", "IncidentForm", "AccountForm", "PersonForm"} <= set(
        labelled
    )
    for name, labels in [*labelled.items(), ("EditorScreen", FIELD_LABELS)]:
        missing = [key for key in labels.values() if key not in CATALOGUE]
        assert not missing, (name, missing)
