"""What came of a published post, under its checklist in the editor: its figures as the platform's
export last gave them (and when they were imported), and the feedback it received with each item's
due day, whether it is handled, who answers and its first words. Nothing shows for a post with
neither."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.i18n.dates import day, moment
from planner.ui.widgets.plain import Static


class AfterPublishing(Static):
    def show(self, ws: Workspace, post_id: str | None, lang: str, today: dt.date) -> None:
        items = [f for f in ws.feedback.values() if post_id and f.post == post_id]
        figures = ws.metrics.get(post_id) if post_id else None
        self.display = bool(items or figures)
        text = Text()
        if figures is not None:
            line = t(
                "ui.results_figures",
                lang,
                at=moment(figures.imported_at, lang),
                reach=figures.reach if figures.reach is not None else "-",
                views=figures.views if figures.views is not None else "-",
                engagement=figures.engagement,
            )
            text.append(line + "\n")
        if items:
            text.append(t("ui.fb.linked", lang) + "\n", style="bold")
        for item in sorted(items, key=lambda f: (f.received_at, f.id)):
            status = t(f"feedback_status.{item.status}", lang)
            if item.behind(today):
                status += t("feedback.overdue_mark", lang)
            words = " ".join(item.text.split())
            line = t(
                "ui.fb.linked_line",
                lang,
                due=day(item.due, lang),
                status=status,
                who=item.assignee or "-",
                text=words if len(words) <= 48 else words[:47] + "…",
            )
            text.append(line + "\n", style="bold red" if item.overdue(today) else "")
        self.update(text)
