"""Finnish and English texts the command line prints: the actions named in refusals, statuses,
severities and what each command says it did."""

from __future__ import annotations

CLI: dict[str, dict[str, str]] = {
    "action.import": {"fi": "tuoda työtilaa", "en": "import a workspace"},
    "action.reanchor": {"fi": "ankkuroida muutoslokia uudelleen", "en": "re-anchor the audit log"},
    "action.post_write": {"fi": "muokata tilin {account} julkaisuja", "en": "edit posts of {account}"},
    "action.post_add": {"fi": "lisätä julkaisuja", "en": "add posts"},
    "action.post_edit": {"fi": "muokata julkaisuja", "en": "change posts"},
    "action.team_write": {"fi": "muuttaa tiimiä", "en": "change the team"},
    "status.draft": {"fi": "luonnos", "en": "draft"},
    "status.ready": {"fi": "valmis", "en": "ready"},
    "status.scheduled": {"fi": "ajastettu", "en": "scheduled"},
    "status.published": {"fi": "julkaistu", "en": "published"},
    "status.cancelled": {"fi": "peruttu", "en": "cancelled"},
    "status.active": {"fi": "aktiivinen", "en": "active"},
    "status.paused": {"fi": "tauolla", "en": "paused"},
    "status.closed": {"fi": "suljettu", "en": "closed"},
    "severity.error": {"fi": "virhe", "en": "error"},
    "severity.warning": {"fi": "varoitus", "en": "warning"},
    "cli.blocking": {"fi": "ESTÄÄ", "en": "BLOCKING"},
    "cli.binary_to_terminal": {
        "fi": "XLSX-työkirja ei näy päätteessä: anna -o TIEDOSTO tai ohjaa se tiedostoon (> raportti.xlsx).",
        "en": "an XLSX workbook is not for a terminal: give -o FILE, or send it to a file (> report.xlsx).",
    },
    "cli.check_header": {
        "fi": "Tarkistus {start}–{end}: {accounts} {accounts|tili|tiliä}, {posts} {posts|julkaisu|julkaisua}",
        "en": "Check {start}–{end}: {accounts} {accounts|account|accounts}, {posts} {posts|post|posts}",
    },
    "cli.check_summary": {
        "fi": "Yhteensä {errors} {errors|virhe|virhettä} ({blocking} {blocking|estää|estää}), "
        "{warnings} {warnings|varoitus|varoitusta}.",
        "en": "In all {errors} {errors|error|errors} ({blocking} blocking), {warnings} {warnings|warning|warnings}.",
    },
    "cli.all_clear": {"fi": "Kaikki kunnossa.", "en": "All clear."},
    "cli.account_level": {"fi": "tili", "en": "account"},
    "cli.no_posts": {"fi": "Ei julkaisuja.", "en": "No posts."},
    "cli.unscheduled": {"fi": "ei aikaa", "en": "no time"},
    "cli.initialized": {"fi": "Työtila luotu: {path}", "en": "Workspace created: {path}"},
    "cli.demo_built": {
        "fi": "Esittelytyötila luotu: {path} ({posts} {posts|julkaisu|julkaisua}, {accounts} {accounts|tili|tiliä}).",
        "en": "Demo workspace created: {path} ({posts} {posts|post|posts}, {accounts} {accounts|account|accounts}).",
    },
    "cli.imported": {
        "fi": "Tuotu: {people} {people|henkilö|henkilöä}, {accounts} {accounts|tili|tiliä}, "
        "{absences} {absences|poissaolo|poissaoloa}, {campaigns} {campaigns|kampanja|kampanjaa}, "
        "{consents} {consents|kuvauslupa|kuvauslupaa}, {assets} {assets|media|mediaa}, "
        "{posts} {posts|julkaisu|julkaisua}.",
        "en": "Imported: {people} {people|person|people}, {accounts} {accounts|account|accounts}, "
        "{absences} {absences|absence|absences}, {campaigns} {campaigns|campaign|campaigns}, "
        "{consents} {consents|consent|consents}, {assets} {assets|asset|assets}, {posts} {posts|post|posts}.",
    },
    "cli.marked_ready": {
        "fi": "Julkaisu {post} on valmis ({user}, {at}).",
        "en": "Post {post} is ready ({user}, {at}).",
    },
    "cli.already": {
        "fi": "Julkaisu {post} on jo tilassa {status}.",
        "en": "Post {post} is already {status}.",
    },
    "cli.edited": {
        "fi": "Julkaisu {post} päivitetty (tila {status}).",
        "en": "Post {post} updated (status {status}).",
    },
    "cli.post_unchanged": {
        "fi": "Julkaisu {post}: ei muutettavaa (tila {status}).",
        "en": "Post {post}: nothing to change (status {status}).",
    },
    "cli.exported": {"fi": "Kirjoitettu: {file}", "en": "Written: {file}"},
    "cli.audit_ok": {
        "fi": "Muutosloki on ehjä: {count} {count|rivi|riviä}.",
        "en": "The audit log is intact: {count} {count|line|lines}.",
    },
    "cli.audit_holds_from": {
        "fi": "Muutoslokin ketju pitää rivistä {line} alkaen ({count} {count|rivi|riviä}): se ankkuroitiin "
        "uudelleen {at} ({user}), eikä mitään sitä edeltävää ole todistettu.",
        "en": "The audit log's chain holds from line {line} on ({count} {count|line|lines}): it was re-anchored "
        "{at} by {user}, and nothing before it is proven.",
    },
    "cli.audit_unanchored": {
        "fi": "Lokilla ei ole vielä erillistä ankkuria; se kirjoitetaan seuraavan muutoksen yhteydessä.",
        "en": "The log has no separate anchor yet; it is written with the next change.",
    },
    "audit.not_a_line": {"fi": "rivi ei ole kelvollinen lokirivi", "en": "not a valid log line"},
    "audit.not_linked": {"fi": "rivi ei jatka edellistä riviä", "en": "does not follow the line before it"},
    "audit.out_of_order": {"fi": "järjestysnumero ei täsmää", "en": "sequence number out of order"},
    "audit.altered": {"fi": "sisältö ei vastaa tiivistettä", "en": "content does not match its hash"},
    "audit.not_a_file": {"fi": "loki ei ole tavallinen tiedosto", "en": "the log is not a regular file"},
    "audit.log_unreadable": {"fi": "lokia ei voi lukea", "en": "the log cannot be read"},
    "audit.log_missing": {
        "fi": "loki puuttuu, vaikka työtilaan on jo kirjattu muutoksia",
        "en": "the log is missing though the workspace has recorded changes",
    },
    "audit.head_unreadable": {
        "fi": "ankkuria (audit.head) ei voi lukea",
        "en": "its anchor (audit.head) cannot be read",
    },
    "audit.head_missing": {
        "fi": "ankkuri (audit.head) puuttuu",
        "en": "its anchor (audit.head) is missing",
    },
    "audit.head_mismatch": {
        "fi": "viimeinen rivi ei ole se, jonka ankkuri (audit.head) muistaa",
        "en": "the last line is not the one its anchor (audit.head) records",
    },
    "audit.last_line_broken": {
        "fi": "viimeinen rivi on rikki tai muutettu",
        "en": "the last line is torn or altered",
    },
    "err.audit_damaged": {
        "fi": "muutosloki ei täsmää ankkuriinsa ({reason}); mitään ei tallennettu. Aja planner doctor.",
        "en": "the audit log does not match its anchor ({reason}); nothing was saved. Run planner doctor.",
    },
    "err.audit_unwritable": {
        "fi": "muutoslokiin {file} ei voi kirjoittaa ({reason}); mitään ei tallennettu.",
        "en": "the audit log {file} cannot be written ({reason}); nothing was saved.",
    },
    "err.journal_damaged": {
        "fi": "keskeytyneen tallennuksen päiväkirja {file} on rikki; aja planner doctor.",
        "en": "the journal of an interrupted save, {file}, is damaged; run planner doctor.",
    },
    "err.journal_lost": {
        "fi": "keskeytynyt tallennus ei voi valmistua: {file} puuttuu; aja planner doctor.",
        "en": "an interrupted save cannot be finished: {file} is gone; run planner doctor.",
    },
    "err.unlisted_file": {
        "fi": "{file} ei kuulu työtilaan (team.json ei mainitse sitä); aja planner doctor.",
        "en": "{file} is not part of the workspace (team.json does not list it); run planner doctor.",
    },
    "audit.cut": {
        "fi": "loki päättyy ennen riviä, jonka ankkuri (audit.head) muistaa",
        "en": "the log ends before the line its anchor (audit.head) records",
    },
    "cli.audit_broken": {
        "fi": "Muutosloki on rikottu rivillä {line}: {reason}.",
        "en": "The audit log is broken at line {line}: {reason}.",
    },
    "cli.range_reversed": {
        "fi": "--to {end} on ennen --from {start}.",
        "en": "--to {end} is before --from {start}.",
    },
    "cli.demo_again": {
        "fi": "Esittelytyötila jäi talteen: planner --data {path} --user {user} (seuraava --demo tekee sen uudestaan)",
        "en": "The demo workspace is kept: planner --data {path} --user {user} (the next --demo makes it anew)",
    },
    "cli.opening": {
        "fi": "Avataan työtilaa {path}…",
        "en": "Opening the workspace {path}…",
    },
    "cli.demo_path": {
        "fi": "Esittelytyötila: {path}",
        "en": "Demo workspace: {path}",
    },
}
