"""Every action of the app in one table: its binding id (what a keymap remaps), its keys, the method
it runs, its label and description in the catalogue, where it is bound, whether the footer shows it
(the essentials: the footer must fit 60 columns) and whether it changes anything (then it is not
advertised to someone who only reads; pressed, it is refused with the reason).

The screens' `BINDINGS`, the footer's labels, the help screen, the command palette and the keymap
are all made from this table (ui/base.py, ui/dialogs/help.py, ui/app.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Action:
    id: str
    keys: str  # Textual's key names, the first shown
    method: str  # `action_<method>` of the node it is bound on (with arguments: "shift(-4)")
    scopes: tuple[str, ...]  # screen, dialog or widget names (ui/base.SCOPE)
    footer: bool = False
    writes: bool = False
    footer_in: tuple[str, ...] = ()  # the footer shows it only in these scopes (default: all of them)
    display: str = ""  # how the footer shows the keys, when not the first key itself
    priority: bool = False  # before the focused widget's own keys (the text area takes F6 and F7)

    @property
    def label(self) -> str:
        return f"key.{self.id}"

    @property
    def about(self) -> str:
        return f"about.{self.id}"


VIEWS = ("week", "month", "agenda")
LISTS = (
    "coverage",
    "team",
    "library",
    "consents",
    "accounts",
    "campaigns",
    "crisis",
    "guide",
    "feedback",
    "incidents",
    "results",
    "audit",
)
STEPS = ("week", "editor")  # where a post's steps are: its card in the week, and the editor

ACTIONS: tuple[Action, ...] = (
    # The whole app
    Action("help", "question_mark,f1", "help", ("app",), footer=True, display="?"),
    Action("quit", "q", "quit", ("app",)),
    # The week
    Action("week-previous", "left,h", "previous_week", ("week",), footer=True, display="←"),
    Action("week-next", "right,l", "next_week", ("week",), footer=True, display="→"),
    Action("week-today", "t", "today", ("week",)),
    Action("week-goto", "g", "go_to_date", ("week",), footer=True),
    Action("week-filter", "a", "filter_accounts", ("week",)),
    Action("post-new", "n", "new_post", ("week",), footer=True, writes=True),
    Action("focus-next", "down,j", "next_post", ("week",)),
    Action("focus-previous", "up,k", "previous_post", ("week",)),
    Action("post-open", "enter", "open", ("daylist",)),
    Action("post-later-day", "shift+right", "move_post(1, 0)", ("week",), writes=True),
    Action("post-earlier-day", "shift+left", "move_post(-1, 0)", ("week",), writes=True),
    Action("post-later-hour", "shift+down", "move_post(0, 1)", ("week",), writes=True),
    Action("post-earlier-hour", "shift+up", "move_post(0, -1)", ("week",), writes=True),
    Action("view-month", "m", "month", ("week",)),
    Action("view-agenda", "v", "agenda", ("week",)),
    Action("export-checklist", "e", "export_checklist", ("week",)),
    Action("view-coverage", "c", "coverage", ("week",)),
    Action("view-team", "p", "team", ("week",)),
    Action("view-library", "b", "library", ("week", "library")),
    Action("view-consents", "u", "consents", ("week", "library")),
    Action("view-accounts", "r", "accounts", ("week",)),
    Action("view-campaigns", "C", "campaigns", ("week",)),
    Action("view-crisis", "exclamation_mark", "crisis", ("week",), display="!"),
    Action("org-edit", "o", "organization", ("week",), writes=True),
    Action("view-feedback", "f", "feedback", ("week",), footer=True),
    Action("view-incidents", "i", "incidents", ("week",)),
    Action("view-results", "s", "results", ("week",)),
    Action("view-audit", "L", "audit", ("week",)),
    # A post's steps (SPEC *A post's life*)
    Action(
        "post-ready",
        "ctrl+r",
        "take_step('ready')",
        STEPS,
        footer=True,
        writes=True,
        display="^r",
        footer_in=("editor",),
    ),
    Action("post-schedule", "f2", "take_step('schedule')", STEPS, writes=True, priority=True),
    Action("post-publish", "f3", "take_step('publish')", STEPS, writes=True, priority=True),
    Action("post-cancel", "f4", "take_step('cancel')", STEPS, writes=True, priority=True),
    Action("post-reopen", "f6", "take_step('reopen')", STEPS, writes=True, priority=True),
    Action("post-takedown", "f7", "take_step('takedown')", STEPS, writes=True, priority=True),
    Action("post-copy", "f8", "take_step('copy')", STEPS, writes=True, priority=True),
    Action("post-approve", "f9", "take_step('approve')", STEPS, writes=True, priority=True),
    # The editor
    Action("post-save", "ctrl+s", "save", ("editor",), footer=True, writes=True, display="^s"),
    Action("post-attach", "ctrl+o", "attach", ("editor",), writes=True, display="^o"),
    # ctrl+d, ctrl+k and ctrl+u belong to the text area (delete right, delete line, undo line).
    Action("post-detach", "ctrl+b", "detach", ("editor",), writes=True, display="^b"),
    Action("post-alt", "ctrl+t", "alt_text", ("editor",), writes=True, display="^t"),
    Action("post-consent", "ctrl+l", "link_consent", ("editor",), writes=True, display="^l"),
    Action("editor-back", "escape", "back", ("editor",), footer=True, display="Esc"),
    # The month and the agenda
    Action("month-previous", "left,h", "previous_month", ("month",), footer=True, display="←"),
    Action("month-next", "right,l", "next_month", ("month",), footer=True, display="→"),
    Action("agenda-not-ready", "f", "toggle_not_ready", ("agenda",), footer=True),
    Action("agenda-sort", "s", "next_sort", ("agenda",), footer=True),
    # Coverage
    Action("coverage-earlier", "p", "shift(-4)", ("coverage",), footer=True),
    Action("coverage-later", "n", "shift(4)", ("coverage",), footer=True),
    Action("coverage-summer", "s", "summer", ("coverage",), footer=True),
    Action("coverage-today", "t", "today", ("coverage",)),
    Action("coverage-goto", "g", "go_to_date", ("coverage",)),
    # The team
    Action("team-new-person", "n", "new_person", ("team",), footer=True, writes=True),
    Action("team-edit-person", "e", "edit_person", ("team",), writes=True),
    Action("team-retire", "r", "retire_person", ("team",), writes=True),
    Action("team-new-absence", "b", "new_absence", ("team",), footer=True, writes=True),
    Action("team-import", "i", "import_absences", ("team",), writes=True),
    Action("team-import-people", "I", "import_people", ("team",), writes=True),
    Action("team-deputy", "d", "assign_deputy", ("team",), footer=True, writes=True),
    Action("team-remove-absence", "x", "remove_absence", ("team",), writes=True),
    # The media library and the consents
    Action("library-filter", "f", "next_filter", ("library",), footer=True),
    Action("library-alt", "a", "alt_text", ("library",), footer=True, writes=True),
    Action("library-link", "c", "link_consent", ("library",), writes=True),
    Action("library-details", "o", "details", ("library",), writes=True),
    Action("library-subtitles", "s", "subtitles", ("library",), writes=True),
    Action("library-import", "i", "import_file", ("library",), writes=True),
    Action("consent-find", "slash", "find", ("consents",), footer=True, display="/"),
    Action("consent-new", "n", "new_consent", ("consents",), footer=True, writes=True),
    Action("consent-withdraw", "x", "withdraw", ("consents",), writes=True),
    Action("consent-import", "i", "import_consents", ("consents",), writes=True),
    # The account register and the campaigns
    Action("account-new", "n", "new_account", ("accounts",), footer=True, writes=True),
    Action("account-edit", "e", "edit_account", ("accounts",), footer=True, writes=True),
    Action("account-password", "w", "password_changed", ("accounts",), footer=True, writes=True),
    Action("account-close", "x", "close_account", ("accounts",), writes=True),
    Action("account-goal", "g", "set_goal", ("accounts",), writes=True),
    Action("campaign-new", "n", "new_campaign", ("campaigns",), footer=True, writes=True),
    Action("campaign-edit", "e", "edit_campaign", ("campaigns",), footer=True, writes=True),
    # The crisis hold
    Action("crisis-start", "s", "start_hold", ("crisis",), footer=True, writes=True),
    Action("crisis-end", "x", "end_hold", ("crisis",), footer=True, writes=True),
    Action("crisis-cancel", "f4", "cancel_post", ("crisis",), footer=True, writes=True),
    Action("crisis-reschedule", "f2", "reschedule", ("crisis",), writes=True),
    # The feedback queue and the incident log (SPEC *After publishing*, *Harassment recorded*)
    Action("feedback-new", "n", "new_feedback", ("feedback",), footer=True, writes=True),
    Action("feedback-reply", "r,enter", "reply", ("feedback",), footer=True, writes=True),
    Action("feedback-forward", "s", "forward", ("feedback",), writes=True),
    Action("feedback-close", "x", "close_item", ("feedback",), footer=True, writes=True),
    Action("feedback-reopen", "o", "reopen", ("feedback",), writes=True),
    Action("feedback-all", "a", "everything", ("feedback",)),
    Action("feedback-harassment", "i", "record_harassment", ("feedback",), footer=True, writes=True),
    Action("feedback-export", "e", "export", ("feedback",)),
    Action("feedback-import", "I", "import_feedback", ("feedback",), writes=True),
    Action("results-export", "e", "export", ("results",), footer=True),
    Action("results-import", "i", "import_figures", ("results",), footer=True, writes=True),
    Action("incident-new", "n", "new_incident", ("incidents",), footer=True, writes=True),
    Action("incident-action", "a", "add_action", ("incidents",), footer=True, writes=True),
    Action("incident-link", "l", "link", ("incidents",), writes=True),
    Action("incident-close", "x", "close_incident", ("incidents",), writes=True),
    Action("incident-export", "e", "export", ("incidents",)),
    # The first run's guide
    Action("guide-organization", "o", "organization", ("guide",), footer=True, writes=True),
    Action("guide-admin", "n", "first_admin", ("guide",), footer=True, writes=True),
    Action("guide-team", "p", "team", ("guide",), footer=True),
    Action("guide-accounts", "r", "accounts", ("guide",), footer=True),
    Action("guide-campaigns", "C", "campaigns", ("guide",), footer=True),
    # Back to the week, from every other view
    Action("view-week", "escape,w", "back", ("month", "agenda", *LISTS), footer=True, display="Esc"),
    # Dialogs
    Action("dialog-cancel", "escape", "cancel", ("dialog",), footer=True, display="Esc"),
    Action("dialog-save", "ctrl+s", "save", ("form",), footer=True, display="^s"),
    Action("dialog-next", "tab", "app.focus_next", ("form",), footer=True, display="Tab"),
    Action("notice-close", "enter", "cancel", ("notice",)),
    Action("help-close", "question_mark,q", "cancel", ("help",)),
)

BY_ID = {action.id: action for action in ACTIONS}
assert len(BY_ID) == len(ACTIONS), "every action has an id of its own"


def of(scope: str) -> Iterator[Action]:
    return (action for action in ACTIONS if scope in action.scopes)


def bindings(scope: str) -> list[BindingType]:
    """The `BINDINGS` of the node that holds `scope`'s actions. Labels are English here; a
    screen shows them in its language (ui/base.py), and a keymap remaps them by id."""
    return [
        Binding(
            action.keys,
            action.method,
            action.id,
            id=action.id,
            key_display=action.display or None,
            show=action.footer and (not action.footer_in or scope in action.footer_in),
            priority=action.priority,
        )
        for action in of(scope)
    ]
