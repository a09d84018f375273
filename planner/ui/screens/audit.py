"""The audit log, read in the app: whether its hash chain holds (as `planner audit verify` says it),
and its lines, the newest first, each with who, when, what and the fields it changed. On a team
server the browser is all an auditor has: the audit trail must be readable there too."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult

from planner.i18n import number, t
from planner.i18n.dates import stamp
from planner.i18n.shown import shown
from planner.services import audit_trail
from planner.services.audit_trail import Line
from planner.storage.audit import Verdict
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static

COLUMNS = ("number", "at", "user", "action", "record")
SHOWN_LINES = 2000  # the newest; a whole log is the file itself (the export of a year is thousands)
SHOWN_FIELDS = 12  # of one line's changes; the rest counted
VALUE_WIDTH = 60  # characters of one value before it is cut


def verdict_text(verdict: Verdict, lang: str) -> Text:
    """The verdict as `planner audit verify` words it, marked by more than colour."""
    if verdict.ok and verdict.reanchored:
        last = verdict.reanchored[-1]
        at = stamp(last.at, lang)
        said = t("cli.audit_holds_from", lang, count=verdict.lines, line=last.line, at=at, user=last.user)
        return Text("! " + said, style="yellow")
    if verdict.ok:
        return Text("✓ " + t("cli.audit_ok", lang, count=verdict.lines), style="green")
    said = t("cli.audit_broken", lang, line=verdict.broken_line, reason=t(verdict.reason, lang))
    return Text("✗ " + said, style="bold red")


def said_action(line: Line, lang: str) -> str:
    """`ready` as `valmis`; an incident's step (`action:police`) by its kind; an action no
    catalogue names as it is."""
    kind, _, detail = line.action.partition(":")
    if detail:
        return f"{t('audit_action.' + kind, lang)}: {t('incident_action.' + detail, lang)}"
    key = f"audit_action.{line.action}"
    return t(key, lang) if _known(key) else shown(line.action)


def said_record(line: Line, lang: str) -> str:
    key = f"audit_entity.{line.entity}"
    kind = t(key, lang) if _known(key) else shown(line.entity)
    return f"{kind} {shown(line.id)}".strip()


def _known(key: str) -> bool:
    from planner.i18n.catalogue import CATALOGUE

    return key in CATALOGUE


def value_text(value: Any, lang: str) -> str:
    """A stored value as one short line: none as –, a list by commas, anything else as its JSON."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return t("doc.yes" if value else "doc.no", lang)
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, str):
        text = stamp(value, lang) if value[:4].isdigit() else value
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = ", ".join(value)
    else:
        text = json.dumps(value, ensure_ascii=False)
    text = shown(" ".join(text.split()))  # a text's line breaks and any control character, safely
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


class AuditScreen(PlannerScreen[None]):
    SCOPE = "audit"
    BINDINGS = bindings("audit")
    lines: dict[str, Line]  # the listed lines by their number (as the table's row key)

    def compose(self) -> ComposeResult:
        yield Static(id="audit-title")
        yield DataTable(id="audit", cursor_type="row", zebra_stripes=True)
        yield Static(id="audit-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#audit", DataTable)
        for key in COLUMNS:
            table.add_column(self.planner.tr(f"audit.col.{key}"), key=key)
        self.refresh_log()
        table.focus()

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self.refresh_log)

    def refresh_log(self) -> None:
        """The newest lines at once; the verdict, a walk over the whole log (years of it on a
        busy team), from a worker, so the view is never frozen while it is made."""
        app = self.planner
        found, count = audit_trail.read(app.session, SHOWN_LINES)
        self.show_verdict(None, count)
        table = self.query_one("#audit", DataTable)
        reading = self.current() if table.row_count else None  # kept there as new lines arrive above
        table.clear()
        self.lines = {}
        for line in found:
            self.lines[str(line.number)] = line
            mark = Text(f"{'' if line.whole else '✗ '}{line.number}", style="" if line.whole else "bold red")
            if not line.whole:
                table.add_row(mark, "", "", app.tr("ui.audit_unreadable"), "", key=str(line.number))
                continue
            table.add_row(
                mark,
                stamp(line.at, app.lang, sheet=True),  # 7.12.2026 10.00: the narrowest a Finn reads
                shown(line.user),
                said_action(line, app.lang),
                said_record(line, app.lang),
                key=str(line.number),
            )
        if reading is not None and str(reading.number) in self.lines:
            table.move_cursor(row=table.get_row_index(str(reading.number)))
        self.show_detail()
        self.judge(count)

    @work(thread=True, exclusive=True, group="audit")
    def judge(self, count: int) -> None:
        verdict = audit_trail.verify(self.planner.session)
        self.app.call_from_thread(self.show_verdict, verdict, count)

    def show_verdict(self, verdict: Verdict | None, count: int) -> None:
        app = self.planner
        title = Text(app.tr("ui.audit_title") + "  ", style="bold")
        if verdict is None:
            title.append(
                app.tr("ui.audit_verifying", count=count, lines=number(count, app.lang)), style="dim"
            )
        else:
            title.append_text(verdict_text(verdict, app.lang))
            for anchor in verdict.reanchored:  # each re-anchoring with what it acknowledged: never hidden
                at = stamp(anchor.at, app.lang)
                title.append("\n" + app.tr("ui.audit_reanchored", line=anchor.line, at=at, user=anchor.user))
            self.mark_broken(verdict.broken_line)
        if count > SHOWN_LINES:
            newest = app.tr(
                "ui.audit_newest", shown=number(SHOWN_LINES, app.lang), lines=number(count, app.lang)
            )
            title.append("\n" + newest, style="dim")
        self.query_one("#audit-title", Static).update(title)

    def mark_broken(self, number: int | None) -> None:
        """The line the verdict names, marked in the table when it is among those shown."""
        line = self.lines.get(str(number))
        if line is None or not line.whole:
            return
        table = self.query_one("#audit", DataTable)
        table.update_cell(str(number), "number", Text(f"✗ {number}", style="bold red"))

    def current(self) -> Line | None:
        table = self.query_one("#audit", DataTable)
        if not table.row_count:
            return None
        return self.lines.get(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    @on(DataTable.RowHighlighted, "#audit")
    def show_detail(self) -> None:
        app = self.planner
        box = self.query_one("#audit-detail", Static)
        line = self.current()
        if line is None:
            box.update(app.tr("ui.audit_empty"))
            return
        if not line.whole:
            box.update(Text(app.tr("ui.audit_line_unreadable", line=line.number), style="bold red"))
            return
        text = Text()
        text.append(f"{said_action(line, app.lang)} · {said_record(line, app.lang)}\n", style="bold")
        text.append(f"{stamp(line.at, app.lang)} · {shown(line.user)}\n", style="dim")
        changes = line.changed()
        # Fields by the names the log and docs/workspace.md give them: what an auditor compares
        for name, before, after in changes[:SHOWN_FIELDS]:
            text.append(f"  {name}: ", style="dim")
            if line.before is None or line.after is None:  # a new record's fields, a removed one's
                text.append(value_text(before if line.after is None else after, app.lang) + "\n")
            else:
                text.append(f"{value_text(before, app.lang)} → {value_text(after, app.lang)}\n")
        if len(changes) > SHOWN_FIELDS:
            text.append("  " + app.tr("ui.audit_more", count=len(changes) - SHOWN_FIELDS), style="dim")
        box.update(text)

    def action_back(self) -> None:
        self.dismiss(None)
