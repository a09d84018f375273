"""The first run: a workspace with no organization name, nobody in it or no accounts opens on the
steps that make it usable, in order, each with its key here and its command for the command line
(the README's "Starting your own" lists the same). Esc goes on to the week."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from planner.domain.model import Person
from planner.domain.workspace import Workspace
from planner.services import team
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import Static


@dataclass(frozen=True)
class Step:
    key: str  # its catalogue texts: ui.guide.<key> and ui.guide.<key>.cli
    done: bool
    press: str  # the key that does it here
    optional: bool = False  # worth doing now, but the workspace is usable without it


def steps(ws: Workspace) -> list[Step]:
    org = ws.organization
    admins = [p for p in ws.people.values() if p.has("admin")]
    return [
        Step("organization", bool(org.name and org.website), "o"),
        Step("admin", bool(admins), "n"),
        # Its own step (it was folded into "people" and never said): every account needs two
        # maintainers, and admin-only changes need someone while the first admin is away.
        Step("second_admin", len(admins) >= 2, "p"),
        Step("people", any(p.writes and not p.has("admin") for p in ws.people.values()), "p"),
        Step("accounts", bool(ws.accounts), "r"),
        Step("campaign", bool(ws.campaigns), "C", optional=True),
        Step("first_post", bool(ws.posts), "Esc, n", optional=True),
    ]


def is_set_up(ws: Workspace) -> bool:
    return all(step.done for step in steps(ws) if not step.optional)


def needs_guide(ws: Workspace) -> bool:
    """Not set up yet: no organization name, nobody, or no accounts."""
    return not ws.organization.name or not ws.people or not ws.accounts


class GuideScreen(PlannerScreen[None]):
    SCOPE = "guide"
    BINDINGS = bindings("guide")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="guide"):
            yield Static(id="guide-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_guide()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.refresh_guide()

    def refresh_guide(self) -> None:
        app = self.planner
        text = Text(app.tr("ui.guide.title") + "\n", style="bold")
        if is_set_up(app.ws):
            text.append(app.tr("ui.guide.ready") + "\n\n", style="bold green")
        else:
            text.append(app.tr("ui.guide.intro") + "\n\n")
        first_open = True
        for number, step in enumerate(steps(app.ws), start=1):
            mark, style = ("✓", "green") if step.done else ("○", "bold" if first_open else "")
            label = app.tr("ui.guide." + step.key)
            if step.optional:
                label += " " + app.tr("ui.guide.optional")
            text.append(f"{mark} {number}. {label}", style=style)
            if not step.done:
                text.append(f"  [{step.press}]", style="bold cyan")
                first_open = False
            text.append("\n")
            text.append(f"     $ {app.tr('ui.guide.' + step.key + '.cli')}\n", style="dim")
        text.append("\n" + app.tr("ui.guide.more"), style="dim")
        self.query_one("#guide-text", Static).update(text)

    def action_organization(self) -> None:
        from planner.ui.dialogs.organization_form import OrganizationForm

        if self.planner.may_change_team("action.org_write"):
            self.planner.push_screen(OrganizationForm())

    def action_first_admin(self) -> None:
        """The first admin needs nobody's permission; later people are added on the team screen."""
        from planner.ui.dialogs.team_forms import PersonForm, PersonInput

        app = self.planner
        if app.ws.people:
            app.open_view("team")
            return

        def submit(data: PersonInput) -> Person:
            return team.add_person(app.session, data.id, data.name, data.email, data.roles)

        def done(person: object) -> None:
            if isinstance(person, Person) and not app.session.user:
                app.session = replace(app.session, user=person.id)  # the one who set it up goes on
                app.notify(app.tr("cli.person_added", person=person.id))

        app.push_screen(PersonForm(None, submit, first_admin=True), done)

    def action_team(self) -> None:
        self.planner.open_view("team")

    def action_accounts(self) -> None:
        self.planner.open_view("accounts")

    def action_campaigns(self) -> None:
        self.planner.open_view("campaigns")

    def action_back(self) -> None:
        self.dismiss(None)
