## Organisasjon (HR)

org-title = Organisasjon
org-intro = Personer, enheter og lokasjoner. Det du endrer her, gjelder med en gang.
org-status = Status
org-status-active = Aktiv
org-status-inactive = Deaktivert
org-import-title = Import fra HR-system
org-import-summary = Last opp en CSV-fil, se hva som endres, og bekreft.

org-people-title = Personer
org-people-count = { $count ->
    [one] Én person
   *[other] { $count } personer
  }
org-people-new = Ny person
org-people-create = Opprett person
org-people-created = Personen er opprettet.
org-people-updated = Endringene er lagret.
org-people-edit-title = Rediger person
org-people-search = Søk
org-people-search-label = Søk blant personer
org-people-unit = Enhet
org-people-all-units = Alle enheter
org-people-include-inactive = Vis også deaktiverte
org-people-filter = Vis
org-people-pages = Sider
org-people-employee-number-hint = Samme nummer som i HR-systemet.
org-people-no-unit = Ingen enhet
org-people-no-leader = Ingen leder
org-people-no-location = Ingen lokasjon
org-people-leader-hint = Hver person har høyst én leder.
org-people-is-admin = HR-tilgang
org-people-is-admin-hint = Gir tilgang til organisasjonssidene. Rollen gjelder fra neste innlogging.
org-people-inactive-note = Personen er deaktivert og kan ikke logge inn.
org-people-deactivate = Deaktiver person
org-people-deactivate-hint = { $count ->
    [0] Personen kan ikke logge inn etter deaktivering. Opplysningene beholdes.
    [one] Personen leder én aktiv person, som må få ny leder først.
   *[other] Personen leder { $count } aktive personer, som må få ny leder først.
  }
org-people-deactivate-confirm = Vil du deaktivere personen?
org-people-end-date = Sluttdato fra HR-systemet: { $date }. Fra da av kan personen ikke logge inn.
org-people-inactive-option = { $name } (deaktivert)
org-people-reactivate = Aktiver igjen
org-people-error-unit = Velg en aktiv enhet.
org-people-error-location = Velg en aktiv lokasjon.
org-people-error-leader = Velg en aktiv person som leder.
org-people-error-own-leader = En person kan ikke være sin egen leder.
org-people-error-cycle = Det ville gitt en ring i lederlinjen: personen leder allerede denne lederen, direkte eller gjennom andre.
org-people-error-number-taken = En annen person har allerede dette ansattnummeret.
org-people-error-email-taken = En annen person har allerede denne e-postadressen.
org-people-error-taken = Akkurat nå ble en annen person lagret med samme ansattnummer eller e-postadresse. Sjekk begge.
org-people-error-own-admin = Du kan ikke ta fra deg din egen HR-tilgang.
org-people-error-deactivate-self = Du kan ikke deaktivere deg selv.
org-people-error-has-reports = { $count ->
    [one] Personen leder én aktiv person. Gi vedkommende ny leder først.
   *[other] Personen leder { $count } aktive personer. Gi dem ny leder først.
  }

org-units-title = Enheter
org-units-intro = Enhetene danner et tre. Flytt en enhet ved å velge en ny overordnet enhet.
org-units-count = { $count ->
    [one] Én enhet
   *[other] { $count } enheter
  }
org-units-empty = Det finnes ingen enheter ennå.
org-units-name = Navn
org-units-under = under { $parent }
org-units-members = Personer
org-units-parent = Overordnet enhet
org-units-parent-none = Ingen (øverste nivå)
org-units-parent-hint = Velg en ny overordnet enhet for å flytte enheten med alt under den.
org-units-new = Ny enhet
org-units-create = Opprett enhet
org-units-created = Enheten er opprettet.
org-units-updated = Enheten er lagret.
org-units-edit-title = Rediger enhet
org-units-inactive-note = Enheten er deaktivert.
org-units-deactivate = Deaktiver enhet
org-units-deactivate-hint = { $count ->
    [0] Enheten er tom og kan deaktiveres.
    [one] Én person hører til enheten. Flytt personen før du deaktiverer.
   *[other] { $count } personer hører til enheten. Flytt dem før du deaktiverer.
  }
org-units-deactivate-confirm = Vil du deaktivere enheten?
org-units-reactivate = Aktiver igjen
org-units-error-parent = Velg en aktiv overordnet enhet.
org-units-error-cycle = En enhet kan ikke ligge under seg selv eller en av sine underenheter.
org-units-error-taken = Det finnes allerede en enhet med dette navnet på samme sted.
org-units-error-not-empty = Enheten har personer eller aktive underenheter. Flytt dem først.
org-units-error-parent-inactive = Den overordnede enheten er deaktivert. Aktiver den først, eller flytt enheten.

org-locations-title = Lokasjoner
org-locations-intro = Lokasjoner er arbeidsstedene. Har leder og medarbeider ulik lokasjon, leder de på avstand.
org-locations-count = { $count ->
    [one] Én lokasjon
   *[other] { $count } lokasjoner
  }
org-locations-empty = Det finnes ingen lokasjoner ennå.
org-locations-name = Navn
org-locations-people = Personer
org-locations-new = Ny lokasjon
org-locations-create = Opprett lokasjon
org-locations-saved = Lokasjonen er lagret.
org-locations-edit-title = Rediger lokasjon
org-locations-error-taken = Det finnes allerede en lokasjon med dette navnet.
org-locations-deactivate = Deaktiver lokasjon
org-locations-deactivate-hint = { $count ->
    [0] Ingen har lokasjonen som arbeidssted.
    [one] Én person har lokasjonen som arbeidssted og beholder den.
   *[other] { $count } personer har lokasjonen som arbeidssted og beholder den.
  }
org-locations-reactivate = Aktiver igjen
org-people-leader-search = Finn en leder
org-people-leader-search-hint = Skriv navn, e-post eller ansattnummer, og velg i listen over.
org-people-leader-find = Søk
org-people-leader-matches = { $count ->
    [0] Ingen treff. Prøv et annet navn eller nummer.
    [one] Ett treff i listen.
   *[other] { $count } treff i listen.
}
org-people-leader-more = De { $count } første treffene vises; skriv mer for å snevre inn.

## Instrumenter

instruments-title = Instrumenter
instruments-intro = Egenvurderinger, refleksjoner og øvelser som alle i virksomheten finner under Utvikling. De innebygde følger med samspill; dere kan legge til egne.
instruments-name = Navn
instruments-kind = Type
instruments-id = Id
instruments-version = Versjon
instruments-origin = Lagt til av
instruments-added-on = Lagt til
instruments-summary = Egenvurderinger og øvelser under Utvikling, og deres egne.
instruments-built-in = Innebygd
instruments-add = Legg til et instrument
instruments-add-intro = Et instrument er en tekstfil i TOML-format med alle tekster på bokmål, nynorsk og engelsk. Formatet er beskrevet i docs/instruments.md. En ny versjon av et instrument lastes opp med høyere versjonsnummer; svar som er gitt, beholder versjonen de ble gitt til.
instruments-file = Instrumentfil
instruments-file-hint = En .toml-fil på inntil 512 kB.
instruments-upload = Last opp og legg til
instruments-problems = Filen ble ikke lagt til. Rett dette og prøv igjen:
instruments-added = Instrumentet «{ $id }» er lagt til og ligger nå under Utvikling.
instruments-error-no-file = Velg en fil.
instruments-error-too-large = Filen er for stor. Den kan være på inntil 512 kB.
instruments-error-not-text = Filen er ikke en tekstfil i UTF-8.
instruments-error-built-in = Id-en «{ $id }» tilhører et innebygd instrument. Gi instrumentet en egen id.
instruments-error-version = «{ $id }» finnes allerede i versjon { $version }. Gi filen et høyere versjonsnummer.
