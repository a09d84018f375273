"""Texts about people, absences, deputies and coverage, in Finnish and English."""

from __future__ import annotations

TEAM_TEXTS: dict[str, dict[str, str]] = {
    "help.cmd.person_import": {
        "fi": "tuo henkilöt taulukosta (.xlsx tai .csv; pääkäyttäjä)",
        "en": "import the people from a spreadsheet (.xlsx or .csv; admins)",
    },
    "help.cmd.person_import.long": {
        "fi": "Tuo tiimin henkilöt taulukosta: Excelin ensimmäinen välilehti tai CSV (; , tai sarkain; "
        "UTF-8 tai Windows-1252). Otsikkorivi suomeksi tai englanniksi: nimi, sähköposti, roolit "
        "(pääkäyttäjä, sisällöntuottaja, asiantuntija, tarkastaja; pilkuin) ja tunnus (ilman sitä "
        "henkilö tunnistetaan sähköpostista tai tunnus tehdään nimestä). Tyhjään työtilaan tuonti "
        "onnistuu ilman --user-valintaa, kun listassa on pääkäyttäjä. Yksikin virheellinen rivi hylkää koko "
        "tiedoston; saman tiedoston uusi tuonti ei lisää mitään kahdesti. Tyhjä roolisolu jättää "
        "roolit ennalleen.",
        "en": "Import the team's people from a spreadsheet: the first sheet of an Excel file or a CSV "
        "(; , or tab; UTF-8 or Windows-1252). A header row in Finnish or English: name, email, roles "
        "(admin, producer, expert, auditor; separated by commas) and id (without it, a person is known "
        "by their e-mail, or given the slug of their name). Into an empty workspace, a list with an "
        "admin in it needs no --user. One bad row refuses the whole file; importing it again adds "
        "nothing twice. An empty roles cell leaves the roles as they are.",
    },
    "cli.people_imported": {
        "fi": "{count} {count|henkilö|henkilöä} lisätty, {updated} muutettu, {known} jo ajan tasalla.",
        "en": "{count} {count|person|people} added, {updated} changed, {known} already up to date.",
    },
    "err.person_twice": {
        "fi": "henkilö {value} on jo rivillä {line}.",
        "en": "person {value} is already on row {line}.",
    },
    # Errors and refusals
    "err.csv_rows": {
        "fi": "{file}: {count} {count|rivi|riviä} hylättiin, mitään ei tuotu:",
        "en": "{file}: {count} {count|row|rows} refused, nothing imported:",
    },
    "err.csv_broken": {
        "fi": "{file}, rivi {line}: CSV ei ole luettavissa ({reason}).",
        "en": "{file}, row {line}: the CSV cannot be read ({reason}).",
    },
    "err.csv_row": {"fi": "rivi {line}: {reason}", "en": "row {line}: {reason}"},
    "err.csv_not_list": {
        "fi": "{file}: ei poissaololista (ei otsikkoriviä henkilö; alku; loppu eikä kolmea saraketta).",
        "en": "{file}: not an absence list (no header row person; from; to, nor three columns).",
    },
    "err.csv_empty": {
        "fi": "{file}: tiedostossa ei ole yhtään riviä.",
        "en": "{file}: the file has no rows.",
    },
    "err.csv_binary": {
        "fi": "{file} ei ole CSV-tekstitiedosto (tallenna taulukko muodossa CSV).",
        "en": "{file} is not a CSV text file (save the spreadsheet as CSV).",
    },
    "err.sheet_old_excel": {
        "fi": "{file} on vanhan Excelin muodossa (.xls); tallenna se muodossa .xlsx tai CSV.",
        "en": "{file} is in the old Excel format (.xls); save it as .xlsx or CSV.",
    },
    "err.sheet_opendocument": {
        "fi": "{file} on OpenDocument-taulukko (.ods); tallenna se muodossa .xlsx tai CSV.",
        "en": "{file} is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV.",
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
    "refused.first_admin_list": {
        "fi": "Työtilassa ei ole vielä ketään, joten listassa pitää olla pääkäyttäjä (rooli pääkäyttäjä tai admin).",
        "en": "The workspace has nobody in it yet, so the list must name an admin (role admin).",
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
    "refused.retired": {
        "fi": "{user} on poistunut tiimistä {day} eikä voi enää tehdä muutoksia.",
        "en": "{user} left the team on {day} and can no longer make changes.",
    },
    "action.absence_write": {"fi": "muuttaa poissaoloja", "en": "change absences"},
    "action.deputy_assign": {"fi": "nimetä sijaisia", "en": "assign deputies"},
    # Notes beside a change that went through
    "note.deputy_away": {
        "fi": "Huom: sijainen {deputy} on itse poissa {days} {days|päivän|päivää} ({first} – {last}).",
        "en": "Note: the deputy {deputy} is away {days} {days|day|days} of it ({first} – {last}).",
    },
    "note.deputy_no_access": {
        "fi": "Huom: {deputy} ei ole yhdelläkään henkilön {person} tileistä; lisää hänet tilin sijaiseksi.",
        "en": "Note: {deputy} is on none of {person}'s accounts; add them as the account's deputy.",
    },
    # Command line
    "cli.person_added": {"fi": "Henkilö {person} lisätty.", "en": "Person {person} added."},
    "cli.person_edited": {"fi": "Henkilö {person} päivitetty.", "en": "Person {person} updated."},
    "cli.person_unchanged": {
        "fi": "Henkilö {person}: ei muutettavaa.",
        "en": "Person {person}: nothing to change.",
    },
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
    "cli.feedback_line": {
        "fi": "palaute {feedback} ({account}), vastattava viimeistään {due}",
        "en": "feedback {feedback} ({account}), to answer by {due}",
    },
    "cli.deputy_line": {
        "fi": "sijaisuus {absence}: {person} {start} – {end}",
        "en": "deputy for {absence}: {person} {start} – {end}",
    },
    "cli.no_people": {"fi": "Ei henkilöitä.", "en": "No people."},
    "cli.no_absences": {"fi": "Ei poissaoloja.", "en": "No absences."},
    "cli.absences_imported": {
        "fi": "Tuotu {count} {count|poissaolo|poissaoloa} ({known} {known|oli|oli} jo ennestään).",
        "en": "Imported {count} {count|absence|absences} ({known} {known|was|were} there already).",
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
        "fi": "{count} {count|julkaisu|julkaisua} siirretty henkilölle {deputy}: {posts}",
        "en": "{count} {count|post|posts} handed to {deputy}: {posts}",
    },
    "cli.candidates": {"fi": "Ehdotetut sijaiset: {people}", "en": "Proposed deputies: {people}"},
    "cli.no_candidates": {
        "fi": "Ei ehdotettavaa sijaista: kukaan tilien henkilöistä ei ole paikalla koko ajan.",
        "en": "No deputy to propose: nobody on the accounts is present throughout.",
    },
    "cli.coverage_header": {
        "fi": "Kattavuus {start}–{end}: {count} {count|aukko|aukkoa} {accounts} {accounts|tilillä|tilillä}",
        "en": "Coverage {start}–{end}: {count} {count|gap|gaps} on {accounts} {accounts|account|accounts}",
    },
    "cli.coverage_gap": {
        "fi": "{start} – {end} ({count} {count|työpäivä|työpäivää}) poissa: {absent}; ehdokkaat: {candidates}",
        "en": "{start} – {end} ({count} working {count|day|days}) away: {absent}; candidates: {candidates}",
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
    "err.not_a_file": {"fi": "«{file}» ei ole tiedosto.", "en": "«{file}» is not a file."},
    "err.no_free_name": {
        "fi": "tiedostolle {file} ei löydy vapaata nimeä.",
        "en": "no free name for {file}.",
    },
    "action.library_write": {"fi": "lisätä mediakirjastoon", "en": "add to the media library"},
    "action.consent_withdraw": {"fi": "perua kuvauslupia", "en": "withdraw consents"},
    "action.consent_erase": {"fi": "poistaa kuvauslupia pysyvästi", "en": "erase consents"},
    "cli.asset_added": {"fi": "Tallennettu: assets/{file}", "en": "Stored: assets/{file}"},
    "cli.no_assets": {"fi": "Mediakirjasto on tyhjä.", "en": "The media library is empty."},
    "cli.consent_withdrawn": {
        "fi": "Kuvauslupa {consent} peruttu {day} alkaen.",
        "en": "Consent {consent} withdrawn as of {day}.",
    },
    "cli.consent_blocked": {
        "fi": "{count} {count|julkaisu ei|julkaisua ei} nyt läpäise kuvauslupatarkistusta (ei valmiiksi eikä julki):",
        "en": "{count} {count|post now fails|posts now fail} the permission check (none can be marked ready or go out):",
    },
    "cli.consent_published": {
        "fi": "{count} {count|julkaistu julkaisu|julkaistua julkaisua} pitää poistaa kanavasta:",
        "en": "{count} published {count|post|posts} must be taken down from the channel:",
    },
    "cli.consent_unused": {
        "fi": "Yksikään julkaisu ei käytä luvan kattamia kuvia.",
        "en": "No post uses a photo this consent covers.",
    },
}

UI_TEAM_TEXTS: dict[str, dict[str, str]] = {
    "ui.coverage_title": {"fi": "Kattavuus", "en": "Coverage"},
    "ui.coverage_gaps": {"fi": "{count} {count|aukko|aukkoa}", "en": "{count} {count|gap|gaps}"},
    "ui.coverage.covered": {"fi": "katettu", "en": "covered"},
    "ui.coverage.deputy": {"fi": "vain sijaisen varassa", "en": "covered only by a deputy"},
    "ui.coverage.gap": {"fi": "aukko", "en": "gap"},
    "ui.coverage.inactive": {"fi": "tili ei ole käytössä", "en": "account not active"},
    "ui.coverage.short": {"fi": "tahti vajaa", "en": "cadence short"},
    "ui.coverage.holiday": {"fi": "pyhäpäivä", "en": "public holiday"},
    "ui.coverage.summer": {"fi": "kesäkausi 2.5.–30.9.", "en": "summer season 2 May – 30 Sep"},
    "ui.coverage.summer_legend": {
        "fi": "keltainen viikon numero: kesäkausi 2.5.–30.9.",
        "en": "a week number in yellow: the summer season, 2 May – 30 Sep",
    },
    "ui.week_short": {"fi": "vk", "en": "wk"},
    "ui.coverage.posts": {"fi": "julkaisuja {count}/{required}", "en": "posts {count}/{required}"},
    "ui.coverage.gap_line": {
        "fi": "Aukko {start}–{end} ({days} {days|työpäivä|työpäivää}), poissa: {away}",
        "en": "Gap {start}–{end} ({days} working {days|day|days}), away: {away}",
    },
    "ui.coverage.suggest": {
        "fi": "Ehdotetut sijaiset: {people} · Enter: nimeä sijainen",
        "en": "Proposed deputies: {people} · Enter: assign a deputy",
    },
    "ui.coverage.no_gap": {"fi": "Tällä viikolla ei ole aukkoa.", "en": "No gap in this week."},
    "ui.coverage.no_absence": {
        "fi": "Aukon takana ei ole poissaoloa: tilille puuttuu vastuuhenkilö tai sijainen.",
        "en": "No absence behind this gap: the account lacks an owner or deputy.",
    },
    "ui.no_deputy": {"fi": "ei sijaista", "en": "no deputy"},
    "ui.absence_line": {
        "fi": "{id}: {person}, {kind} {start}–{end} → {deputy}",
        "en": "{id}: {person}, {kind} {start}–{end} → {deputy}",
    },
    "ui.load": {"fi": "kuorma {count}", "en": "load {count}"},
    "ui.away_part": {
        "fi": "itse poissa {days} pv ({first}–{last})",
        "en": "away {days} {days|day|days} ({first}–{last})",
    },
    "ui.present_throughout": {"fi": "paikalla koko ajan", "en": "present throughout"},
    "ui.deputy_title": {"fi": "Nimeä sijainen", "en": "Assign a deputy"},
    "ui.handover": {
        "fi": "Siirrä poissaolijan julkaisut tältä ajalta sijaiselle ({count})",
        "en": "Hand the absent owner's posts in this period to the deputy ({count})",
    },
    "ui.deputy_hint": {
        "fi": "↑↓ valitse · välilyönti/Tab: siirto päälle · Enter: nimeä · Esc: peru",
        "en": "↑↓ choose · Tab to the hand-over box · Enter: assign · Esc: cancel",
    },
    "ui.pick_absence": {"fi": "Kenen poissaololle sijainen?", "en": "A deputy for whose absence?"},
}

UI_TEAM_TEXTS.update(
    {
        "ui.team_title": {"fi": "Tiimi", "en": "Team"},
        "ui.team_counts": {
            "fi": "{people} {people|henkilö|henkilöä} · {absences} {absences|poissaolo|poissaoloa}",
            "en": "{people} {people|person|people} · {absences} {absences|absence|absences}",
        },
        "ui.team_read_only": {
            "fi": "vain luku (muutokset: pääkäyttäjä)",
            "en": "read only (changes: admins)",
        },
        "ui.col.name": {"fi": "Nimi", "en": "Name"},
        "ui.col.roles": {"fi": "Roolit", "en": "Roles"},
        "ui.col.absence": {"fi": "Poissaolo", "en": "Absence"},
        "ui.col.person": {"fi": "Henkilö", "en": "Person"},
        "ui.col.period": {"fi": "Ajalla", "en": "Period"},
        "ui.col.kind": {"fi": "Laji", "en": "Kind"},
        "ui.col.deputy": {"fi": "Sijainen", "en": "Deputy"},
        "ui.cancel": {"fi": "Peru", "en": "Cancel"},
        "ui.person_new": {"fi": "Uusi henkilö", "en": "New person"},
        "ui.person_edit": {"fi": "Muokkaa henkilöä {person}", "en": "Edit {person}"},
        "ui.field.id": {"fi": "Tunnus", "en": "Id"},
        "ui.field.name": {"fi": "Nimi", "en": "Name"},
        "ui.field.email": {"fi": "Sähköposti", "en": "E-mail"},
        "ui.field.from": {"fi": "Alkaen", "en": "From"},
        "ui.field.to": {"fi": "Asti", "en": "To"},
        "ui.field.deputy": {"fi": "Sijainen", "en": "Deputy"},
        "ui.field.successor": {"fi": "Seuraaja", "en": "Successor"},
        "ui.no_successor": {"fi": "ei seuraajaa (listataan)", "en": "no successor (listed)"},
        "ui.absence_new": {"fi": "Uusi poissaolo: {person}", "en": "New absence: {person}"},
        "ui.absence_hint": {
            "fi": "Päivät kuten 14.6.2027 tai 14.6., molemmat mukaan lukien. Sijaisen voi nimetä myöhemmin (d).",
            "en": "Dates such as 2027-06-14 or 14.6.2027, both inclusive. The deputy can be named later (d).",
        },
        "ui.absence_added": {"fi": "Poissaolo {absence} lisätty.", "en": "Absence {absence} added."},
        "ui.retire_title": {"fi": "{person} poistuu tiimistä", "en": "{person} leaves the team"},
        "ui.retire_nothing": {
            "fi": "Ei tilejä eikä avoimia julkaisuja.",
            "en": "No accounts and no open posts.",
        },
        "ui.retire_left": {
            "fi": "{count} {count|tehtävä odottaa|tehtävää odottaa} uutta tekijää – katso tarkistus.",
            "en": "{count} {count|duty waits|duties wait} for someone new – see the check.",
        },
        "ui.import_absences_title": {
            "fi": "Tuo poissaolot taulukosta (.xlsx tai .csv)",
            "en": "Import absences from a spreadsheet (.xlsx or .csv)",
        },
        "ui.import_people_title": {
            "fi": "Tuo henkilöt taulukosta (.xlsx tai .csv)",
            "en": "Import people from a spreadsheet (.xlsx or .csv)",
        },
        "ui.import_people_hint": {
            "fi": "Sarakkeet: nimi, sähköposti, roolit (pääkäyttäjä, sisällöntuottaja, asiantuntija, "
            "tarkastaja) ja tunnus. Virheellinen rivi hylkää koko tiedoston.",
            "en": "Columns: name, email, roles (admin, producer, expert, auditor) and id. One bad row "
            "refuses the whole file.",
        },
        "ui.import_consents_title": {
            "fi": "Tuo kuvausluvat taulukosta (.xlsx tai .csv)",
            "en": "Import photo permissions from a spreadsheet (.xlsx or .csv)",
        },
        "ui.import_consents_hint": {
            "fi": "Sarakkeet: kuvattava, käyttö (tilit, palvelut tai kaikki), alaikäinen, huoltaja, "
            "kirjallinen, voimassa alkaen, voimassa asti, peruttu. Kirjattua lupaa ei muuteta.",
            "en": "Columns: subject, scope (accounts, platforms or all), minor, guardian, written, from, "
            "to, withdrawn. A recorded consent is never changed.",
        },
        "ui.import_metrics_title": {
            "fi": "Tuo julkaisujen luvut palvelun raportista",
            "en": "Import the posts' figures from a platform's export",
        },
        "ui.import_metrics_hint": {
            "fi": "Meta Business Suiten julkaisuraportti (Facebook, Instagram), YouTube Studion Table "
            "data.csv tai sen ZIP, LinkedInin sisältöraportti (XLSX) tai X:n julkaisuraportti. Rivi "
            "liitetään julkaisuun sen osoitteen mukaan; uudempi raportti korvaa luvut.",
            "en": "Meta Business Suite's post export (Facebook, Instagram), YouTube Studio's Table "
            "data.csv or its ZIP, LinkedIn's content export (XLSX) or X's post export. A row is tied "
            "to a post by its address; a newer export replaces the figures.",
        },
        "ui.import_feedback_title": {
            "fi": "Tuo palautteet taulukosta (.xlsx tai .csv)",
            "en": "Import feedback from a spreadsheet (.xlsx or .csv)",
        },
        "ui.import_feedback_hint": {
            "fi": "Sarakkeet: tili, saapunut (päivä ja aika), teksti, lähettäjä, linkki, laji. "
            "Jo tuotu rivi ei lisää mitään.",
            "en": "Columns: account, received (day and time), text, from, link, kind. A row already "
            "imported adds nothing.",
        },
        "ui.import_absences_hint": {
            "fi": "Sarakkeet: henkilö (tunnus tai sähköposti); alku; loppu; laji. "
            "Virheellinen rivi hylkää koko tiedoston.",
            "en": "Columns: person (id or e-mail); from; to; kind. One bad row refuses the whole file.",
        },
        "ui.pick_absence_row": {
            "fi": "Valitse ensin poissaolo alalistasta.",
            "en": "Pick an absence in the lower list first.",
        },
        "ui.remove_absence": {
            "fi": "Poistetaanko poissaolo {absence}?",
            "en": "Remove the absence {absence}?",
        },
        "ui.yes_remove": {"fi": "Poista", "en": "Remove"},
        # What a spreadsheet's cell may say, in the words a sheet in each language uses
        "sheet.choices.post_kind": {
            "fi": "uutinen, tapahtuma, tiedote, kriisi, markkinointi, rekrytointi, muu",
            "en": "news, event, announcement, crisis, marketing, recruitment, other",
        },
        "sheet.choices.absence_kind": {
            "fi": "loma, sairaus, koulutus, muu",
            "en": "vacation, sick, training, other",
        },
        "sheet.choices.feedback_kind": {
            "fi": "kommentti, viesti, maininta, arvio, sähköposti, muu",
            "en": "comment, message, mention, review, email, other",
        },
        "sheet.choices.account_status": {
            "fi": "aktiivinen, tauolla, suljettu",
            "en": "active, paused, closed",
        },
        "sheet.choices.roles": {
            "fi": "pääkäyttäjä, sisällöntuottaja, asiantuntija, tarkastaja",
            "en": "admin, producer, expert, auditor",
        },
    }
)
