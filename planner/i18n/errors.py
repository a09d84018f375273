"""Finnish and English texts of errors and refusals: what is wrong with an input, and why an
action is not allowed."""

from __future__ import annotations

ERRORS: dict[str, dict[str, str]] = {
    "err.bad_date": {
        "fi": "{field}: «{value}» ei ole päivämäärä muotoa VVVV-KK-PP.",
        "en": "{field}: «{value}» is not a date YYYY-MM-DD.",
    },
    "err.bad_time": {
        "fi": "{field}: «{value}» ei ole aika muotoa VVVV-KK-PP TT:MM.",
        "en": "{field}: «{value}» is not a time YYYY-MM-DD HH:MM.",
    },
    "err.duty_reader": {
        "fi": "{field}: {person} ei voi kirjoittaa julkaisuja (ei pääkäyttäjä, tuottaja eikä asiantuntija; "
        "tarkastaja vain lukee), joten hän ei voi hoitaa tätä tehtävää.",
        "en": "{field}: {person} cannot write posts (not an admin, producer or expert; an auditor only "
        "reads), so cannot hold this duty.",
    },
    "err.duty_retired": {
        "fi": "{field}: {person} on lähtenyt {day} eikä voi hoitaa tätä tehtävää.",
        "en": "{field}: {person} left on {day} and cannot hold this duty.",
    },
    "err.bad_website": {
        "fi": "«{value}» ei ole verkko-osoite (https://www.kunta.fi).",
        "en": "«{value}» is not a web address (https://www.town.fi).",
    },
    "err.bad_hashtag": {
        "fi": "«{value}» ei ole aihetunniste (#kunta, ilman välilyöntejä).",
        "en": "«{value}» is not a hashtag (#town, without spaces).",
    },
    "err.bad_cadence": {
        "fi": "julkaisutahti «{value}» ei ole 0–50 julkaisua viikossa.",
        "en": "the cadence «{value}» is not 0–50 posts a week.",
    },
    "err.bad_languages": {
        "fi": "kielet «{value}»: anna kielikoodit pilkuin (tunnetut: {known}).",
        "en": "languages «{value}»: give language codes separated by commas (known: {known}).",
    },
    "action.org_write": {"fi": "muuttaa organisaation tietoja", "en": "change the organization"},
    "err.bad_day": {
        "fi": "{field}: «{value}» ei ole päivä (esim. 14.6.2027, 14.6. tai 2027-06-14).",
        "en": "{field}: «{value}» is not a date (e.g. 14.6.2027, 14.6. or 2027-06-14).",
    },
    "err.weekday_mismatch": {
        "fi": "{field}: «{value}»: {day} on {weekday}, ei {said}.",
        "en": "{field}: «{value}»: {day} is a {weekday}, not a {said}.",
    },
    "weekday.0": {"fi": "maanantai", "en": "Monday"},
    "weekday.1": {"fi": "tiistai", "en": "Tuesday"},
    "weekday.2": {"fi": "keskiviikko", "en": "Wednesday"},
    "weekday.3": {"fi": "torstai", "en": "Thursday"},
    "weekday.4": {"fi": "perjantai", "en": "Friday"},
    "weekday.5": {"fi": "lauantai", "en": "Saturday"},
    "weekday.6": {"fi": "sunnuntai", "en": "Sunday"},
    "err.time_skipped": {
        "fi": "{field}: {value} ei ole olemassa: kellot siirtyvät silloin tunnilla eteenpäin.",
        "en": "{field}: {value} does not exist: the clocks go forward an hour then.",
    },
    "err.bad_clock": {
        "fi": "{field}: «{value}» ei ole kellonaika (esim. 9.00 tai 9:00).",
        "en": "{field}: «{value}» is not a time of day (e.g. 9.00 or 9:00).",
    },
    "err.bad_moment": {
        "fi": "{field}: «{value}» ei ole aika (esim. 14.6.2027 9.00 tai 2027-06-14 09:00).",
        "en": "{field}: «{value}» is not a time (e.g. 14.6.2027 9.00 or 2027-06-14 09:00).",
    },
    "err.not_a_demo": {
        "fi": "{path} on olemassa eikä ole esittelytyötila; sitä ei korvata.",
        "en": "{path} exists and is not a demo workspace; it is not replaced.",
    },
    "cli.alt_label": {"fi": "vaihtoehtoinen teksti", "en": "alt"},
    "cli.subtitles_label": {"fi": "tekstitys", "en": "subtitles"},
    "asset_kind.image": {"fi": "kuva", "en": "image"},
    "asset_kind.video": {"fi": "video", "en": "video"},
    "err.date_range": {
        "fi": "{field}: «{value}» ei ole vuosien {first}–{last} välillä.",
        "en": "{field}: «{value}» is not within the years {first}–{last}.",
    },
    "err.long_id": {
        "fi": "{field}: tunniste «{value}» on yli {limit} merkkiä pitkä.",
        "en": "{field}: the id «{value}» is longer than {limit} characters.",
    },
    "err.not_object": {"fi": "odotettiin JSON-oliota.", "en": "expected a JSON object."},
    "err.missing_field": {"fi": "kenttä {field} puuttuu.", "en": "field {field} is missing."},
    "err.bad_type": {
        "fi": "kentän {field} pitää olla {expected}.",
        "en": "field {field} must be {expected}.",
    },
    "type.text": {"fi": "tekstiä", "en": "text"},
    "type.texts": {"fi": "luettelo tekstejä", "en": "list of text"},
    "type.true_false": {"fi": "true tai false", "en": "true/false"},
    "type.language_map": {"fi": "{{kieli: teksti}}", "en": "{{language: text}}"},
    "type.sha256": {"fi": "SHA-256-tiiviste", "en": "SHA-256"},
    "type.list": {"fi": "luettelo", "en": "list"},
    "err.bad_id": {
        "fi": "{field}: «{value}» ei kelpaa tunnisteeksi (ei välilyöntejä eikä ohjausmerkkejä).",
        "en": "{field}: «{value}» is not a valid id (no spaces or control characters).",
    },
    "err.bad_number": {
        "fi": "{field}: «{value}» ei ole kokonaisluku, joka on vähintään {minimum}.",
        "en": "{field}: «{value}» is not a whole number of at least {minimum}.",
    },
    "err.bad_choice": {
        "fi": "{field}: «{value}» ei ole sallittu; vaihtoehdot: {choices}.",
        "en": "{field}: «{value}» is not allowed; choose from: {choices}.",
    },
    "err.bad_period": {
        "fi": "{field}: «{value}» ei ole ajanjakso (esim. 1.7.–25.7.2027).",
        "en": "{field}: «{value}» is not a period (e.g. 1.7.–25.7.2027).",
    },
    "err.range_reversed": {
        "fi": "loppupäivä {end} on ennen alkupäivää {start}.",
        "en": "the end {end} is before the start {start}.",
    },
    "err.format_not_offered": {
        "fi": "{what} ei ole saatavilla muodossa «{value}»; muodot: {formats}.",
        "en": "{what} in «{value}» is not offered; formats: {formats}.",
    },
    "err.range_too_long": {
        "fi": "{start}–{end} on liian pitkä jakso: tarkistus tai raportti kattaa enintään {years} vuotta."
        " Jaa se osiin.",
        "en": "{start}–{end} is too long a range: a check or a report covers at most {years} years."
        " Split it into parts.",
    },
    "err.unknown_ref": {
        "fi": "{field}: tuntematon {kind} «{value}».",
        "en": "{field}: unknown {kind} «{value}».",
    },
    # What a reference names (`unknown_ref`).
    "thing.person": {"fi": "henkilö", "en": "person"},
    "thing.account": {"fi": "tili", "en": "account"},
    "thing.account_or_platform": {"fi": "tili tai palvelu", "en": "account or platform"},
    "thing.campaign": {"fi": "kampanja", "en": "campaign"},
    "thing.consent": {"fi": "kuvauslupa", "en": "consent"},
    "thing.asset": {"fi": "media", "en": "asset"},
    "thing.absence": {"fi": "poissaolo", "en": "absence"},
    "thing.feedback": {"fi": "palaute", "en": "feedback"},
    "thing.incident": {"fi": "häirintätapaus", "en": "incident"},
    "err.duplicate_id": {
        "fi": "tunniste «{value}» esiintyy useammin kuin kerran.",
        "en": "the id «{value}» appears more than once.",
    },
    "err.slug_clash": {
        "fi": "tilin tunniste «{value}» on sama kuin tilin «{other}», kun ne kirjoitetaan tiedostonimeksi "
        "({file}); anna tilille toinen tunniste.",
        "en": "the account id «{value}» is the same as the account «{other}» once written as a file name "
        "({file}); give the account another id.",
    },
    "err.reserved_id": {
        "fi": "tunniste «{value}» on varattu.",
        "en": "the id «{value}» is reserved.",
    },
    "err.path_outside": {
        "fi": "{field}: polku «{value}» johtaa assets/-kansion ulkopuolelle.",
        "en": "{field}: the path «{value}» leads outside assets/.",
    },
    "err.asset_outside": {
        "fi": "polku «{value}» johtaa assets/-kansion ulkopuolelle.",
        "en": "the path «{value}» leads outside assets/.",
    },
    "err.asset_missing": {
        "fi": "tiedostoa «{value}» ei ole assets/-kansiossa.",
        "en": "the file «{value}» is not in assets/.",
    },
    "err.missing_file": {
        "fi": "{field}: tiedostoa «{value}» ei ole assets/-kansiossa.",
        "en": "{field}: the file «{value}» is not in assets/.",
    },
    "err.bad_image": {
        "fi": "«{value}» ei ole luettava kuva ({reason}).",
        "en": "«{value}» is not a readable image ({reason}).",
    },
    "err.unknown_image": {
        "fi": "«{value}» ei ole luettava kuva (ei JPEG, PNG, GIF, WebP eikä muu tunnettu kuvamuoto).",
        "en": "«{value}» is not a readable image (not JPEG, PNG, GIF, WebP or another known image format).",
    },
    "err.bad_json": {
        "fi": "{file} ei ole kelvollista JSONia: {reason}",
        "en": "{file} is not valid JSON: {reason}",
    },
    "err.read_file": {
        "fi": "tiedostoa {file} ei voi lukea: {reason}",
        "en": "cannot read {file}: {reason}",
    },
    "err.document_shape": {
        "fi": "työtilan asiakirjan pitää olla JSON-olio, jossa on listat {lists}.",
        "en": "a workspace document must be a JSON object with the lists {lists}.",
    },
    "err.not_list": {"fi": "{field} ei ole lista.", "en": "{field} is not a list."},
    "err.no_workspace": {
        "fi": "työtilaa ei löydy: anna --data KANSIO tai PLANNER_DATA, tai aja kansiossa, jossa on "
        "calendars/. Uusi työtila: planner init KANSIO (kokeiluun: planner --demo).",
        "en": "no workspace: give --data DIR or PLANNER_DATA, or run in a folder holding calendars/. "
        "A new one: planner init DIR (to try it out: planner --demo).",
    },
    "err.no_terminal": {
        "fi": "sovellus piirtyy päätteeseen, eikä syöte tai virhetuloste ole pääte; avaa se päätteessä, "
        "tai anna komento (planner --help).",
        "en": "the app draws on a terminal, and standard input or error is not one; open it in a "
        "terminal, or give a command (planner --help).",
    },
    "err.not_workspace": {
        "fi": "{path} ei ole työtila (calendars/ puuttuu tai on tyhjä); luo se: planner init {path}",
        "en": "{path} is not a workspace (calendars/ is missing or empty); create one: planner init {path}",
    },
    "err.workspace_exists": {
        "fi": "{path} sisältää jo työtilan.",
        "en": "{path} already holds a workspace.",
    },
    "err.corrupt_file": {
        "fi": "tiedosto {file} on rikki ({reason}); sitä ei muutettu. Katso: planner doctor",
        "en": "the file {file} is damaged ({reason}); it was left as it is. See: planner doctor",
    },
    "err.locked": {
        "fi": "työtila on lukittu ({holder}); mitään ei tallennettu. Yritä hetken kuluttua uudelleen.",
        "en": "the workspace is locked ({holder}); nothing was saved. Try again in a moment.",
    },
    "err.unknown_post": {"fi": "tuntematon julkaisu «{value}».", "en": "unknown post «{value}»."},
    "err.unknown_account": {"fi": "tuntematon tili «{value}».", "en": "unknown account «{value}»."},
    "err.unknown_person": {"fi": "tuntematon henkilö «{value}».", "en": "unknown person «{value}»."},
    "err.unknown_asset": {"fi": "tuntematon aineisto «{value}».", "en": "unknown asset «{value}»."},
    "err.no_workspace_people": {
        "fi": "työtilassa ei ole ketään, joka voisi ankkuroida lokin; korjaa ensin team.json (--repair).",
        "en": "the workspace has nobody who could re-anchor the log; repair team.json first (--repair).",
    },
    "err.no_user": {
        "fi": "muutos vaatii käyttäjän: anna --user TUNNUS tai PLANNER_USER.",
        "en": "a change needs an identity: give --user ID or PLANNER_USER.",
    },
    "err.unknown_user": {
        "fi": "käyttäjää «{value}» ei ole työtilan henkilöissä.",
        "en": "the user «{value}» is not among the workspace's people.",
    },
    "err.output": {
        "fi": "tiedostoon {file} ei voi kirjoittaa: {reason}",
        "en": "cannot write {file}: {reason}",
    },
    "err.empty_text": {"fi": "teksti on tyhjä.", "en": "the text is empty."},
    "note.time_twice": {
        "fi": "{at} on kahdesti, kun kellot siirtyvät tunnilla taaksepäin; aika on niistä ensimmäinen (kesäaika).",
        "en": "{at} comes twice as the clocks go back an hour; the time is the first of the two (summer time).",
    },
    "note.tag_hidden": {
        "fi": "aihetunnisteessa {tag} on näkymätön merkki ({detail}); kirjoita se uudelleen.",
        "en": "the hashtag {tag} has a hidden character in it ({detail}); type it again.",
    },
    "note.tag_mixed": {
        "fi": "aihetunniste {tag} sekoittaa kirjaimistoja ({detail}); tarkista vierasperäiset kirjaimet.",
        "en": "the hashtag {tag} mixes scripts ({detail}); check for lookalike letters.",
    },
    "err.control_chars": {
        "fi": "kentässä {field} on ohjausmerkkejä (esim. päätteen värikoodeja); niitä ei tallenneta.",
        "en": "the field {field} holds control characters (terminal colour codes or the like); not stored.",
    },
    "err.lock_unusable": {
        "fi": "työtilan lukkoa {file} ei voi käyttää ({reason}); mitään ei tallennettu. Aja planner doctor.",
        "en": "the workspace's lock {file} cannot be used ({reason}); nothing was saved. Run planner doctor.",
    },
    "err.not_a_folder": {"fi": "{path} ei ole kansio.", "en": "{path} is not a folder."},
    "err.cannot_make_folder": {
        "fi": "kansiota {path} ei voi luoda: {reason}",
        "en": "cannot make the folder {path}: {reason}",
    },
    "err.file_missing": {"fi": "tiedostoa {file} ei ole.", "en": "the file {file} does not exist."},
    "err.not_regular": {
        "fi": "{file} ei ole tavallinen tiedosto (kansio, putki tai laite); sitä ei lueta.",
        "en": "{file} is not a regular file (a folder, a pipe or a device); it is not read.",
    },
    "err.too_big": {
        "fi": "{file} on liian suuri (yli {limit} Mt); sitä ei lueta.",
        "en": "{file} is too big (over {limit} MB); it is not read.",
    },
    "err.line_break": {
        "fi": "kentässä {field} on rivinvaihto; se on yksirivinen kenttä.",
        "en": "the field {field} holds a line break; it is a one-line field.",
    },
    "cli.bench_generated": {
        "fi": "Vertailutyötila {path}: {posts} {posts|julkaisu|julkaisua}, {accounts} {accounts|tili|tiliä}, "
        "{assets} {assets|media|mediaa}.",
        "en": "Benchmark workspace {path}: {posts} {posts|post|posts}, {accounts} {accounts|account|accounts}, "
        "{assets} {assets|asset|assets}.",
    },
    "err.not_empty": {"fi": "kansio {path} ei ole tyhjä.", "en": "the folder {path} is not empty."},
    "doctor.ok": {"fi": "Työtilan tiedostot ovat kunnossa.", "en": "The workspace's files are in order."},
    "doctor.damaged": {
        "fi": "✗ {file} on rikki ({detail}); kopio, joka vastaa muutoslokin tallennetta: {backup}.",
        "en": "✗ {file} is damaged ({detail}); the copy the audit record names: {backup}.",
    },
    "doctor.done_set_aside": {
        "fi": "→ {file} siirretty sivuun (calendars/.corrupt/)",
        "en": "→ {file} set aside (calendars/.corrupt/)",
    },
    "doctor.done_restored": {"fi": "→ {file} palautettu: {source}", "en": "→ {file} restored from {source}"},
    "doctor.done_finished": {
        "fi": "→ keskeytynyt tallennus viety loppuun ({file})",
        "en": "→ the interrupted save finished ({file})",
    },
    "doctor.done_removed": {"fi": "→ {file} poistettu", "en": "→ {file} removed"},
    "doctor.done_mode": {
        "fi": "→ {file}: oikeudet korjattu",
        "en": "→ {file}: mode set",
    },
    "doctor.journal_damaged": {
        "fi": "✗ {file}: keskeytyneen tallennuksen päiväkirja on rikki (--repair siirtää sen sivuun ja "
        "palauttaa tiedostot, jotka muutoslokin tallenne nimeää)",
        "en": "✗ {file}: the journal of an interrupted save is damaged (--repair sets it aside and puts back "
        "the files the audit record names)",
    },
    "doctor.not_a_file": {
        "fi": "✗ {file}: ei tavallinen tiedosto (--repair siirtää sen sivuun)",
        "en": "✗ {file}: not a regular file (--repair sets it aside)",
    },
    "doctor.no_backup": {"fi": "ei ole (korjaa käsin)", "en": "none (repair it by hand)"},
    "doctor.temp": {"fi": "! {file}: jäänyt väliaikaistiedosto", "en": "! {file}: a leftover temporary file"},
    "doctor.audit": {
        "fi": "✗ muutosloki {file}: {detail}, rivi {backup}; tallennukset on estetty. Pääkäyttäjä voi "
        "ankkuroida lokin uudelleen tietoisesti: planner doctor --reanchor",
        "en": "✗ the audit log {file}: {detail}, line {backup}; saving is refused. An admin may re-anchor "
        "it knowingly: planner doctor --reanchor",
    },
    "doctor.audit_behind": {
        "fi": "✗ muutosloki {file}: {detail}, rivi {backup}; tallentaminen jatkuu, ja rikkoutunut rivi "
        "näkyy jokaisessa tarkistuksessa. Kun pääkäyttäjä on selvittänyt, mitä rivillä oli, hän voi "
        "ankkuroida lokin uudelleen tietoisesti: planner doctor --reanchor",
        "en": "✗ the audit log {file}: {detail}, line {backup}; saving goes on, and every verification "
        "names the broken line. An admin who has found out what the line held may re-anchor the log "
        "knowingly: planner doctor --reanchor",
    },
    "doctor.mode": {
        "fi": "! {file}: oikeudet {detail} (työtilassa tiedostot 0660, kansiot 0770)",
        "en": "! {file}: mode {detail} (in a workspace files are 0660, folders 0770)",
    },
    "doctor.journal": {
        "fi": "! {file}: keskeytynyt tallennus odottaa loppuun viemistä (--repair tai mikä tahansa komento)",
        "en": "! {file}: an interrupted save waits to be finished (--repair, or any command)",
    },
    "doctor.unlisted": {
        "fi": "✗ {file}: tiedosto, jota team.json ei mainitse (--repair siirtää sen sivuun)",
        "en": "✗ {file}: a file team.json does not list (--repair sets it aside)",
    },
    "doctor.reanchored": {
        "fi": "Muutosloki ankkuroitu uudelleen ({reason}, rivi {line}); kirjattu lokiin käyttäjälle {user}.",
        "en": "The audit log is re-anchored ({reason}, line {line}); recorded in the log as {user}'s.",
    },
    "refused.audit_intact": {
        "fi": "muutosloki on ehjä; uudelleenankkurointia ei tarvita.",
        "en": "the audit log is intact; there is nothing to re-anchor.",
    },
    "refused.lock_alive": {
        "fi": "lukon haltija on käynnissä tällä koneella ({holder}); lukkoa ei poisteta.",
        "en": "the lock's holder is running on this machine ({holder}); the lock is not broken.",
    },
    "refused.lock_unknown": {
        "fi": "lukon haltijaa ei tiedetä; lukkoa ei poisteta (se on todennäköisesti käytössä).",
        "en": "the lock's holder is not known; the lock is not broken (it is most likely in use).",
    },
    "cli.audit_reanchored": {
        "fi": "  rivillä {line}: ankkuroitu uudelleen {at} ({user}): {reason}, rivi {broken}",
        "en": "  at line {line}: re-anchored {at} by {user}: {reason}, line {broken}",
    },
    "doctor.hint": {
        "fi": "planner doctor --repair siirtää rikkinäiset tiedostot sivuun (calendars/.corrupt/), palauttaa "
        "niiden uusimman ehjän varmuuskopion ja siivoaa.",
        "en": "planner doctor --repair sets damaged files aside (calendars/.corrupt/), puts back their "
        "newest good backup and cleans up.",
    },
    "doctor.locked": {"fi": "Työtila on lukittu: {holder}.", "en": "The workspace is locked: {holder}."},
    "doctor.confirm_break": {
        "fi": "Poistetaanko lukko ({holder})? Vain jos sen haltija ei enää ole käynnissä. [k/E] ",
        "en": "Break the lock ({holder})? Only when its holder is no longer running. [y/N] ",
    },
    "doctor.lock_broken": {"fi": "Lukko poistettu ({holder}).", "en": "Lock broken ({holder})."},
    "err.conflict": {
        "fi": "{what} {id} on muuttunut sillä välin (versio {mine} → {current}); tallennusta ei tehty.",
        "en": "{what} {id} was changed meanwhile (revision {mine} → {current}); nothing was saved.",
    },
    "record.people": {"fi": "Henkilö", "en": "Person"},
    "record.accounts": {"fi": "Tili", "en": "Account"},
    "record.absences": {"fi": "Poissaolo", "en": "Absence"},
    "record.campaigns": {"fi": "Kampanja", "en": "Campaign"},
    "record.assets": {"fi": "Media", "en": "Asset"},
    "record.consents": {"fi": "Kuvauslupa", "en": "Consent"},
    "record.posts": {"fi": "Julkaisu", "en": "Post"},
    "refused.role": {
        "fi": "{user} ei saa {action}: {why}",
        "en": "{user} may not {action}: {why}",
    },
    "refused.auditor": {
        "fi": "tarkastajan rooli vain lukee.",
        "en": "an auditor only reads.",
    },
    "refused.not_admin": {
        "fi": "vain pääkäyttäjä voi tehdä tämän.",
        "en": "only an admin can do this.",
    },
    "refused.not_on_account": {
        "fi": "ei ole tilin {account} vastuuhenkilö, tuottaja eikä sijainen.",
        "en": "is not an owner, producer or deputy of account {account}.",
    },
    "refused.no_write_role": {
        "fi": "ei ole pääkäyttäjä, tuottaja eikä asiantuntija.",
        "en": "is neither admin, producer nor expert.",
    },
    "refused.not_ready": {
        "fi": "Julkaisua {post} ei merkitty valmiiksi: {count} {count|virhe|virhettä} ({rules}).",
        "en": "Post {post} was not marked ready: {count} {count|error|errors} ({rules}).",
    },
    "refused.edit_status": {
        "fi": "Julkaisu {post} on tilassa {status}, eikä sitä voi enää muokata.",
        "en": "Post {post} is {status} and can no longer be edited.",
    },
    "refused.status": {
        "fi": "Julkaisu {post} on tilassa {status}, eikä sitä voi merkitä valmiiksi.",
        "en": "Post {post} is {status} and cannot be marked ready.",
    },
}
