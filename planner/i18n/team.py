"""Texts about people, absences, deputies and coverage, in Finnish and English."""

from __future__ import annotations

TEAM_TEXTS: dict[str, dict[str, str]] = {
    # Errors and refusals
    "err.csv_rows": {
        "fi": "{file}: {count} riviä hylättiin, mitään ei tuotu:",
        "en": "{file}: {count} rows refused, nothing imported:",
    },
    "err.csv_row": {"fi": "rivi {line}: {reason}", "en": "row {line}: {reason}"},
    "err.csv_empty": {
        "fi": "{file}: tiedostossa ei ole yhtään riviä.",
        "en": "{file}: the file has no rows.",
    },
    "err.csv_binary": {
        "fi": "{file} ei ole CSV-tekstitiedosto (tallenna taulukko muodossa CSV).",
        "en": "{file} is not a CSV text file (save the spreadsheet as CSV).",
    },
    "err.csv_encoding": {
        "fi": "{file}: merkistöä ei tunnistettu (käytä UTF-8:aa).",
        "en": "{file}: unknown character encoding (use UTF-8).",
    },
    "err.cannot_read": {
        "fi": "tiedostoa {file} ei voi lukea: {reason}",
        "en": "cannot read {file}: {reason}",
    },
    "err.self_deputy": {
        "fi": "{person} ei voi olla oma sijaisensa.",
        "en": "{person} cannot be their own deputy.",
    },
    "err.bad_email": {
        "fi": "«{value}» ei ole sähköpostiosoite.",
        "en": "«{value}» is not an e-mail address.",
    },
    "err.email_taken": {
        "fi": "sähköposti {value} on jo henkilöllä {person}.",
        "en": "the e-mail {value} already belongs to {person}.",
    },
    "err.bad_successor": {
        "fi": "{person} ei voi ottaa tehtäviä vastaan (sama henkilö tai jo poistunut).",
        "en": "{person} cannot take the work over (the same person, or retired already).",
    },
    "err.handover_nobody": {
        "fi": "julkaisuja ei voi siirtää, kun sijaista ei ole.",
        "en": "posts cannot be handed over without a deputy.",
    },
    "refused.first_admin": {
        "fi": "Työtilan ensimmäisen henkilön pitää olla pääkäyttäjä (--role admin).",
        "en": "The workspace's first person must be an admin (--role admin).",
    },
    "refused.own_admin": {
        "fi": "Et voi poistaa omaa pääkäyttäjän rooliasi.",
        "en": "You cannot remove your own admin role.",
    },
    "refused.retire_self": {
        "fi": "Et voi merkitä itseäsi poistuneeksi; pyydä toista pääkäyttäjää.",
        "en": "You cannot retire yourself; ask another admin.",
    },
    "action.absence_write": {"fi": "muuttaa poissaoloja", "en": "change absences"},
    "action.deputy_assign": {"fi": "nimetä sijaisia", "en": "assign deputies"},
    # Notes beside a change that went through
    "note.deputy_away": {
        "fi": "Huom: sijainen {deputy} on itse poissa {days} päivää ({first} – {last}).",
        "en": "Note: the deputy {deputy} is away {days} days of it ({first} – {last}).",
    },
    "note.deputy_no_access": {
        "fi": "Huom: {deputy} ei ole yhdelläkään henkilön {person} tileistä; lisää hänet tilin sijaiseksi.",
        "en": "Note: {deputy} is on none of {person}'s accounts; add them as the account's deputy.",
    },
    # Command line
    "cli.person_added": {"fi": "Henkilö {person} lisätty.", "en": "Person {person} added."},
    "cli.person_edited": {"fi": "Henkilö {person} päivitetty.", "en": "Person {person} updated."},
    "cli.person_retired": {
        "fi": "{person} merkitty poistuneeksi {day} alkaen.",
        "en": "{person} retired from {day}.",
    },
    "cli.needs_reassign": {
        "fi": "Siirrä nämä toiselle (planner person retire {person} --successor TUNNUS):",
        "en": "Reassign these (planner person retire {person} --successor ID):",
    },
    "cli.handed_to": {"fi": "Siirretty henkilölle {person}:", "en": "Handed to {person}:"},
    "cli.role_on": {"fi": "tili {account}: {roles}", "en": "account {account}: {roles}"},
    "cli.post_line": {"fi": "julkaisu {post} {when} ({account})", "en": "post {post} {when} ({account})"},
    "cli.deputy_line": {
        "fi": "sijaisuus {absence}: {person} {start} – {end}",
        "en": "deputy for {absence}: {person} {start} – {end}",
    },
    "cli.no_people": {"fi": "Ei henkilöitä.", "en": "No people."},
    "cli.no_absences": {"fi": "Ei poissaoloja.", "en": "No absences."},
    "cli.absences_imported": {
        "fi": "Tuotu {added} poissaoloa ({known} oli jo ennestään).",
        "en": "Imported {added} absences ({known} were there already).",
    },
    "cli.absence_removed": {"fi": "Poissaolo {absence} poistettu.", "en": "Absence {absence} removed."},
    "cli.deputy_assigned": {
        "fi": "Poissaolon {absence} ({person} {start} – {end}) sijainen: {deputy}.",
        "en": "Deputy for absence {absence} ({person} {start} – {end}): {deputy}.",
    },
    "cli.deputy_cleared": {
        "fi": "Poissaololta {absence} poistettu sijainen.",
        "en": "Absence {absence} has no deputy now.",
    },
    "cli.handed_over": {
        "fi": "{count} julkaisua siirretty henkilölle {deputy}: {posts}",
        "en": "{count} posts handed to {deputy}: {posts}",
    },
    "cli.candidates": {"fi": "Ehdotetut sijaiset: {people}", "en": "Proposed deputies: {people}"},
    "cli.no_candidates": {
        "fi": "Ei ehdotettavaa sijaista: kukaan tilien henkilöistä ei ole paikalla koko ajan.",
        "en": "No deputy to propose: nobody on the accounts is present throughout.",
    },
    "cli.coverage_header": {
        "fi": "Kattavuus {start}–{end}: {gaps} aukkoa {accounts} tilillä",
        "en": "Coverage {start}–{end}: {gaps} gaps on {accounts} accounts",
    },
    "cli.coverage_gap": {
        "fi": "{start} – {end} ({days} työpäivää) poissa: {absent}; ehdokkaat: {candidates}",
        "en": "{start} – {end} ({days} working days) away: {absent}; candidates: {candidates}",
    },
    "cli.coverage_clear": {
        "fi": "Jokainen tili on katettu koko ajan.",
        "en": "Every account is covered throughout.",
    },
    "kind.vacation": {"fi": "loma", "en": "vacation"},
    "kind.sick": {"fi": "sairaus", "en": "sick"},
    "kind.training": {"fi": "koulutus", "en": "training"},
    "kind.other": {"fi": "muu", "en": "other"},
    "role.admin": {"fi": "pääkäyttäjä", "en": "admin"},
    "role.producer": {"fi": "tuottaja", "en": "producer"},
    "role.expert": {"fi": "asiantuntija", "en": "expert"},
    "role.auditor": {"fi": "tarkastaja", "en": "auditor"},
    "role.admins": {"fi": "pääkäyttäjä", "en": "admin"},
    "role.owners": {"fi": "vastuuhenkilö", "en": "owner"},
    "role.producers": {"fi": "tuottaja", "en": "producer"},
    "role.deputies": {"fi": "sijainen", "en": "deputy"},
    "cli.retired_mark": {"fi": "poistunut {day}", "en": "retired {day}"},
    "cli.nobody": {"fi": "ei ketään", "en": "nobody"},
}
