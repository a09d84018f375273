"""The one message catalogue: every text of the planner in Finnish and English, gathered from the
modules that hold them by subject (a key is defined once: a test checks that none is repeated)."""

from __future__ import annotations

from planner.i18n.after import AFTER_HELP, AFTER_TEXTS
from planner.i18n.audit_log import AUDIT_LOG_TEXTS
from planner.i18n.command_line import CLI
from planner.i18n.errors import ERRORS
from planner.i18n.help import HELP_TEXTS
from planner.i18n.keys import ABOUT_TEXTS, KEY_TEXTS, SCOPE_TEXTS
from planner.i18n.library import LIBRARY_TEXTS, SUBTITLE_TEXTS, UI_LIBRARY_TEXTS
from planner.i18n.life import LIFE_TEXTS
from planner.i18n.reasons import REASON_TEXTS
from planner.i18n.register import REGISTER_COLUMNS, REGISTER_HELP, REGISTER_TEXTS, UI_REGISTER_TEXTS
from planner.i18n.reports import REPORT_TEXTS
from planner.i18n.results import (
    COMPLETION_TEXTS,
    CONFIG_TEXTS,
    PLAN_TEXTS,
    REACH_TEXTS,
    RESULTS_HELP,
    RESULTS_TEXTS,
)
from planner.i18n.rules import RULE_TEXTS
from planner.i18n.serve import SERVE_TEXTS
from planner.i18n.team import TEAM_TEXTS, UI_TEAM_TEXTS
from planner.i18n.ui import UI_TEXTS

CATALOGUE: dict[str, dict[str, str]] = {
    **RULE_TEXTS,
    **AUDIT_LOG_TEXTS,
    **ERRORS,
    **REASON_TEXTS,
    **CLI,
    **TEAM_TEXTS,
    **UI_TEAM_TEXTS,
    **UI_TEXTS,
    **LIBRARY_TEXTS,
    **SUBTITLE_TEXTS,
    **UI_LIBRARY_TEXTS,
    **REPORT_TEXTS,
    **HELP_TEXTS,
    **KEY_TEXTS,
    **ABOUT_TEXTS,
    **SCOPE_TEXTS,
    **REGISTER_TEXTS,
    **REGISTER_COLUMNS,
    **REGISTER_HELP,
    **UI_REGISTER_TEXTS,
    **LIFE_TEXTS,
    **SERVE_TEXTS,
    **AFTER_HELP,
    **AFTER_TEXTS,
    **RESULTS_HELP,
    **RESULTS_TEXTS,
    **PLAN_TEXTS,
    **CONFIG_TEXTS,
    **COMPLETION_TEXTS,
    **REACH_TEXTS,
}
