"""The results report (`planner report`): per account, what it published, the weeks its cadence
was kept, its reach, views and engagement, feedback answered in time, incidents, and each goal met
or not. HTML is one self-contained page, an account to a printed A4 page, its charts inline SVG
(no script, no outside request); XLSX has real numbers and a chart sheet; Markdown and JSON too."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import math
from collections.abc import Callable
from typing import Any

from planner.domain.model import Post
from planner.domain.results import AccountResult, GoalResult, Results
from planner.i18n import number, t
from planner.i18n.dates import day, period
from planner.reports.workbook import header_height

NUMBERS = ("published", "cadence", "reach", "views", "engagement", "in_time", "incidents")


def _share(value: float | None, lang: str) -> str:
    if value is None:
        return "-"
    return f"{value * 100:.0f} %" if lang == "fi" else f"{value * 100:.0f}%"


def best_post(post: Post, lang: str, when: Callable[[dt.date, str], str] = day) -> str:
    """One of the best posts as a person tells it from the others: its day and its title (a team
    posts the same reminder week after week, and the same title is many posts)."""
    published = post.published_at.date() if post.published_at else post.publish_date
    return f"{when(published, lang)} {post.label()}" if published else post.label()


def goal_mark(goal: GoalResult, lang: str) -> str:
    """✓ met, ✗ missed; a goal whose period is still running and not yet met is said to be so
    (`kesken`): on the 7th of a month, 2 of 8 posts is no failure yet."""
    if goal.met:
        return "✓"
    return t("results.running", lang) if goal.running else "✗"


def goal_text(goal: GoalResult, lang: str) -> tuple[str, str, str]:
    """The goal's name, its target and what was achieved, as a person reads them."""
    metric, per = t("results.metric." + goal.metric, lang), t("results.per." + goal.per, lang)
    name = f"{metric} / {per} {period(goal.period, lang)}"
    return name, figure_text(goal.metric, goal.target, lang), figure_text(goal.metric, goal.actual, lang)


def figure_text(metric: str, value: float | None, lang: str) -> str:
    """A target or an achievement of `metric`: a share as a percentage, else a whole number."""
    return _share(value, lang) if metric == "in_time_share" else number(value, lang)


def _cells(result: AccountResult, lang: str) -> list[str]:
    return [
        number(result.published, lang),
        f"{result.cadence_met}/{result.cadence_weeks}",
        number(result.reach, lang),
        number(result.views, lang),
        number(result.engagement, lang),
        _share(result.feedback.in_time_share, lang),
        number(result.incidents, lang),
    ]


def _title(report: Results, organization: str, lang: str) -> tuple[str, str]:
    period = f"{day(report.start, lang)}–{day(report.end, lang)}"
    return t("results.title", lang, name=organization or "-"), period


# SVG charts ---------------------------------------------------------------------------------------

WIDTH, HEIGHT, PAD = 520, 150, 28
SMALL = 9  # the font size of labels and values
LABEL_GAP = 4  # at least this much between two labels below the bars


def bar_chart(
    values: list[tuple[str, float]],
    title: str,
    lang: str,
    goal: float | None = None,
    goal_label: str = "",
    empty: str | None = None,
) -> str:
    """Bars with their labels below and, when given, a dashed goal line named at the top right:
    inline SVG, nothing else. A year has 52 bars: the labels below are thinned to those that fit
    side by side, and the values are written over the bars only when every one fits over its bar,
    else the scale's top is written once. With `empty`, that text where the bars would be: figures
    nobody measured are no row of zeros."""
    esc = html.escape
    top = max([v for _, v in values] + [goal or 0, 1])
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    step = inner_w / max(len(values), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img"'
        f' aria-label="{esc(title, quote=True)}">',
        f'<text x="{PAD}" y="16" font-size="12" font-weight="bold">{esc(title)}</text>',
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#333"/>',
    ]
    if empty is not None:
        parts.append(
            f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT / 2:.0f}" font-size="12" text-anchor="middle"'
            f' fill="#555">{esc(empty)}</text></svg>'
        )
        return "".join(parts)
    figures = [number(value, lang) for _, value in values]
    widest_label = max([_text_width(label) for label, _ in values] + [0])
    every = max(1, math.ceil((widest_label + LABEL_GAP) / step))  # every n-th label: they fit
    over_bars = all(_text_width(text) <= step - 1 for text in figures)
    for index, ((label, value), figure) in enumerate(zip(values, figures, strict=True)):
        height = inner_h * value / top
        x = PAD + index * step + step * 0.15
        y = HEIGHT - PAD - height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{height:.1f}" fill="#2f6f9f">'
            f"<title>{esc(label)}: {figure}</title></rect>"
        )
        if index % every == 0:
            parts.append(
                f'<text x="{x + step * 0.35:.1f}" y="{HEIGHT - PAD + 12}" font-size="{SMALL}"'
                f' text-anchor="middle">{esc(label)}</text>'
            )
        if over_bars:
            parts.append(
                f'<text x="{x + step * 0.35:.1f}" y="{y - 2:.1f}" font-size="{SMALL}" text-anchor="middle">'
                f"{figure}</text>"
            )
    if not over_bars:
        parts.append(
            f'<line x1="{PAD}" y1="{PAD}" x2="{WIDTH - PAD}" y2="{PAD}" stroke="#ccc"/>'
            f'<text x="{PAD}" y="{PAD - 3}" font-size="{SMALL}" class="scale">{number(top, lang)}</text>'
        )
    if goal is not None:
        y = HEIGHT - PAD - inner_h * goal / top
        legend = f"{goal_label} {number(goal, lang)}"
        sample = WIDTH - PAD - _text_width(legend) - 4
        parts.append(
            f'<line x1="{PAD}" y1="{y:.1f}" x2="{WIDTH - PAD}" y2="{y:.1f}" stroke="#c0392b"'
            ' stroke-dasharray="5,3" class="goal"/>'
            f'<line x1="{sample - 16:.1f}" y1="12" x2="{sample:.1f}" y2="12" stroke="#c0392b"'
            ' stroke-dasharray="5,3"/>'
            f'<text x="{WIDTH - PAD}" y="15" font-size="{SMALL}" text-anchor="end" fill="#c0392b">'
            f"{esc(legend)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _text_width(text: str) -> float:
    """How wide `text` is drawn at the charts' small size, on the generous side: a sans-serif
    letter or digit is about 0.6 of its size."""
    return len(text) * SMALL * 0.62


def goal_bars(goals: list[GoalResult], lang: str) -> str:
    """Each goal as a bar of what was achieved against its target (the target line at 100 %), its
    name on a line above it: a Finnish name with its quarter is longer than any column beside a bar
    could be, and ran under the bar."""
    esc = html.escape
    row_h, bar_w = 34, 240
    width, height = bar_w + 200, row_h * len(goals) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img">'
    ]
    for index, goal in enumerate(goals):
        y = 3 + index * row_h
        name, target, actual = goal_text(goal, lang)
        ratio = 0.0 if not goal.target or goal.actual is None else min(goal.actual / goal.target, 1.5)
        colour = "#2e8b57" if goal.met else "#b9770e" if goal.running else "#c0392b"
        parts.append(f'<text x="0" y="{y + 10}" font-size="10">{esc(name)}</text>')
        filled = bar_w * ratio / 1.5
        parts.append(f'<rect x="0" y="{y + 15}" width="{filled:.1f}" height="12" fill="{colour}"/>')
        parts.append(
            f'<line x1="{bar_w / 1.5:.1f}" y1="{y + 13}" x2="{bar_w / 1.5:.1f}" y2="{y + 29}"'
            ' stroke="#333" stroke-dasharray="3,2" class="goal"/>'
        )
        mark = goal_mark(goal, lang)
        parts.append(
            f'<text x="{bar_w + 5}" y="{y + 25}" font-size="10">{mark} {esc(actual)} / {esc(target)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#111;max-width:60em}"
    "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;padding:.2em .5em;"
    "text-align:left;font-size:.85em}td.n{text-align:right}th{background:#eee}"
    "section{break-after:page;margin-bottom:2em}section:last-child{break-after:auto}"
    "svg{width:100%;max-width:40em;height:auto;display:block;margin:.3em 0}"
    ".charts{display:grid;grid-template-columns:1fr 1fr;gap:1em}"
    "@page{size:A4;margin:14mm}@media print{body{margin:0}}"
)


def as_html(report: Results, organization: str, lang: str) -> str:
    esc = html.escape
    title, period = _title(report, organization, lang)
    heads = "".join(f"<th>{esc(t('results.col.' + n, lang))}</th>" for n in NUMBERS)
    sections = []
    for result in report.accounts:
        cells = "".join(f'<td class="n">{esc(c)}</td>' for c in _cells(result, lang))
        weeks = result.weeks
        posts_chart = bar_chart(
            [(f"{t('ui.week_short', lang)} {m.isocalendar()[1]}", n) for m, n, _ in weeks],
            t("results.chart_posts", lang),
            lang,
            float(result_cadence(result)),
            t("results.cadence_line", lang),
        )
        reach_chart = bar_chart(
            [(f"{t('ui.week_short', lang)} {m.isocalendar()[1]}", r) for m, _, r in weeks],
            t("results.chart_reach", lang),
            lang,
            empty=None if result.reach is not None else t("results.no_reach", lang),
        )
        goals = (
            goal_bars(result.goals, lang) if result.goals else f"<p>{esc(t('results.no_goals', lang))}</p>"
        )
        engaged = t("results.col.engagement", lang)
        best = "".join(
            f"<li>{esc(best_post(post, lang))} — {esc(engaged)} {number(f.engagement, lang)}</li>"
            for post, f in result.best[:3]
        )
        sections.append(
            f"<section><h2>{esc(result.account.name or result.account.id)}"
            f" <small>({esc(result.account.id)})</small></h2>"
            f"<table><thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>"
            f"<h3>{esc(t('results.goals', lang))}</h3>{goals}"
            f'<div class="charts">{posts_chart}{reach_chart}</div>'
            + (f"<h3>{esc(t('results.best', lang))}</h3><ol>{best}</ol>" if best else "")
            + "</section>"
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{esc(lang)}"><head><meta charset="utf-8"><title>{esc(title)}</title>',
            f"<style>{_CSS}</style></head><body>",
            f"<h1>{esc(title)}</h1><p>{esc(period)}</p>",
            *sections,
            "</body></html>",
            "",
        ]
    )


def result_cadence(result: AccountResult) -> int:
    """The weekly cadence the posts chart draws its goal line at."""
    return result.account.cadence_per_week or 1


def as_markdown(report: Results, organization: str, lang: str) -> str:
    title, period = _title(report, organization, lang)
    out = [f"# {title}", "", period, ""]
    out.append(
        "| "
        + " | ".join([t("results.col.account", lang)] + [t("results.col." + n, lang) for n in NUMBERS])
        + " |"
    )
    out.append("|" + "---|" * (len(NUMBERS) + 1))
    for result in report.accounts:
        out.append("| " + " | ".join([result.account.id, *_cells(result, lang)]) + " |")
    out += ["", f"## {t('results.goals', lang)}", ""]
    rows = [(r.account.id, g) for r in report.accounts for g in r.goals]
    if not rows:
        out.append(t("results.no_goals", lang))
    else:
        out.append(
            f"| {t('results.col.account', lang)} | {t('results.goal', lang)} | {t('results.target', lang)} |"
            f" {t('results.actual', lang)} | |"
        )
        out.append("|---|---|---|---|---|")
        for account, goal in rows:
            name, target, actual = goal_text(goal, lang)
            out.append(f"| {account} | {name} | {target} | {actual} | {goal_mark(goal, lang)} |")
    return "\n".join([*out, ""])


def as_workbook(report: Results, organization: str, lang: str, author: str) -> bytes:
    """Real numbers in cells (a share as a percentage format), and a chart sheet of each account's
    published posts and engagement."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    title, period = _title(report, organization, lang)
    book.set_properties({"title": title, "author": author, "created": dt.datetime(2000, 1, 1)})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    percent = book.add_format({"num_format": "0 %"})
    grouped = book.add_format({"num_format": "#,##0"})  # 39 255 in a Finnish spreadsheet, 39,255 in English
    sheet = book.add_worksheet(t("results.sheet_accounts", lang))
    header = [t("results.col.account", lang)] + [t("results.col." + n, lang) for n in NUMBERS]
    header[2:3] = [t("results.col.cadence_met", lang), t("results.col.cadence_weeks", lang)]
    for column, text in enumerate(header):
        sheet.write_string(0, column, text, bold)
    for row, result in enumerate(report.accounts, start=1):
        values: list[Any] = [
            result.account.id,
            result.published,
            result.cadence_met,
            result.cadence_weeks,
            result.reach,
            result.views,
            result.engagement,
            result.feedback.in_time_share,
            result.incidents,
        ]
        for column, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(row, column, value)
            elif value is None:
                sheet.write_blank(row, column, None)
            elif column == 7:
                sheet.write_number(row, column, value, percent)
            else:
                sheet.write_number(row, column, value, grouped)
    widths = [32] + [14] * (len(header) - 1)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.set_row(0, header_height(header, widths))  # no program makes a wrapped row taller itself
    sheet.freeze_panes(1, 1)
    _printed(sheet)
    sheet.write_string(len(report.accounts) + 2, 0, f"{title} · {period}")
    goals = book.add_worksheet(t("results.sheet_goals", lang))
    goal_header = [
        t("results.col.account", lang),
        t("results.goal", lang),
        t("results.period", lang),
        t("results.target", lang),
        t("results.actual", lang),
        t("results.met", lang),
        t("results.period_running", lang),
    ]
    for column, text in enumerate(goal_header):
        goals.write_string(0, column, text, bold)
    row = 1
    for result in report.accounts:
        for goal in result.goals:
            share = goal.metric == "in_time_share"
            goals.write_string(row, 0, result.account.id)
            goals.write_string(
                row, 1, f"{t('results.metric.' + goal.metric, lang)} / {t('results.per.' + goal.per, lang)}"
            )
            goals.write_string(row, 2, goal.period)
            goals.write_number(row, 3, goal.target, percent if share else None)
            if goal.actual is None:
                goals.write_blank(row, 4, None)
            else:
                goals.write_number(row, 4, goal.actual, percent if share else None)
            # Words in the report's language: a spreadsheet's TRUE is English in a Finnish report,
            # and LibreOffice prints it as 0 or 1.
            goals.write_string(row, 5, t("doc.yes" if goal.met else "doc.no", lang))
            goals.write_string(row, 6, t("doc.yes" if goal.running else "doc.no", lang))  # not yet missed
            row += 1
    goal_widths = [32, 32] + [12] * 5
    for column, width in enumerate(goal_widths):
        goals.set_column(column, column, width)
    goals.set_row(0, header_height(goal_header, goal_widths))
    _printed(goals)
    count = len(report.accounts)
    if count:
        chart = book.add_chart({"type": "column"})
        name = t("results.sheet_accounts", lang)
        for column, label in ((1, "published"), (6, "engagement")):
            chart.add_series(
                {
                    "name": t("results.col." + label, lang),
                    "categories": [name, 1, 0, count, 0],
                    "values": [name, 1, column, count, column],
                    "y2_axis": column == 6,
                }
            )
        chart.set_title({"name": title})
        chart.set_legend({"position": "bottom"})
        charts = book.add_chartsheet(t("results.sheet_chart", lang))
        charts.set_chart(chart)
    book.close()
    return buffer.getvalue()


def _printed(sheet: Any) -> None:
    """Printed on A4 landscape, every column on the page's width, the header on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


def report_bytes(fmt: str, report: Results, organization: str, lang: str, author: str) -> bytes:
    if fmt == "json":
        return (json.dumps(report.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "xlsx":
        return as_workbook(report, organization, lang, author)
    if fmt == "md":
        return as_markdown(report, organization, lang).encode("utf-8")
    return as_html(report, organization, lang).encode("utf-8")
