"""The live checklist of a post: every rule, passing, failing or warning, with its message."""

from __future__ import annotations

from rich.text import Text

from planner.domain.check import Results
from planner.domain.rules import all_rules
from planner.ui.widgets.plain import Static


class ChecklistPanel(Static):
    def __init__(self, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lang = lang
        self.results: Results = {}

    def show(self, results: Results) -> None:
        self.results = results
        self.update(self.as_text())

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for found in self.results.values() for f in found)

    def as_text(self) -> Text:
        rules = all_rules()
        lines = []
        for rule_id, found in self.results.items():
            rule = rules[rule_id]
            line = Text(no_wrap=False)
            if not found:
                line.append("✓ ", style="green")
                line.append(rule.title(self.lang), style="dim")
            else:
                mark, style = ("✗ ", "bold red") if rule.severity == "error" else ("! ", "yellow")
                line.append(mark, style=style)
                line.append(rule.title(self.lang), style=style)
                for finding in found:
                    line.append("\n  " + finding.message(self.lang))
            lines.append(line)
        return Text("\n").join(lines)
