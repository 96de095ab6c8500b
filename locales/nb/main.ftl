## Skall: toppfelt, navigasjon, bunntekst

shell-skip-to-content = Gå til hovedinnhold
shell-home-link = samspill – til Min side
shell-nav-label = Hovedmeny
shell-user-menu = Brukermeny
shell-language = Språk
shell-breadcrumbs = Brødsmulesti
shell-footer = samspill – verktøy for ledelse på avstand og aktivt medarbeiderskap.
nav-home = Min side
nav-organisation = Organisasjon
nav-settings = Innstillinger
nav-my-data = Mine data
nav-sign-out = Logg ut

## Felles

action-save = Lagre
action-cancel = Avbryt
form-error-summary-title = Skjemaet har feil som må rettes
form-optional = valgfritt
pagination-previous = Forrige side
pagination-next = Neste side
pagination-position = Side { $page } av { $pages }
weekday-1 = mandag
weekday-2 = tirsdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lørdag
weekday-7 = søndag
weekday-none = ingen faste dager

## Feltfeil

field-error-required = Fyll ut feltet.
field-error-too-long = Skriv høyst { $max } tegn.
field-error-email = Skriv en gyldig e-postadresse, for eksempel navn@etat.no.
field-error-employee-number = Ansattnummeret kan bare ha bokstaver, tall, bindestrek og punktum.
field-error-weekday = «{ $value }» er ikke en ukedag. Skriv for eksempel «man fre».
field-error-date = «{ $value }» er ikke en dato. Skriv for eksempel 31.12.2026.
field-error-password-short = Passordet må ha minst { $min } tegn.

## Feilsider

error-status = Feilkode { $status }
error-go-home = Til Min side
error-csrf-retry = Prøv igjen
error-not-found-title = Fant ikke siden
error-not-found-body = Siden finnes ikke, eller den er flyttet. Sjekk adressen, eller gå til Min side.
error-forbidden-title = Du har ikke tilgang
error-forbidden-body = Denne siden er for andre roller enn din. Mener du at du skal ha tilgang, kontakt HR.
error-csrf-title = Skjemaet kunne ikke sendes
error-csrf-body = Av sikkerhetshensyn må skjemaer sendes fra en side du nettopp har åpnet i samspill. Gå tilbake, last inn siden på nytt og send skjemaet igjen.
error-bad-request-title = Forespørselen kunne ikke leses
error-bad-request-body = Noe i forespørselen var ikke som forventet. Gå tilbake og prøv igjen.
error-internal-title = Noe gikk galt hos oss
error-internal-body = Ingenting av det du sendte er lagret halvveis. Prøv igjen om litt. Skjer det igjen, kontakt driftsansvarlig.

## Innlogging

login-title = Logg inn
login-intro = Logg inn med e-postadressen og passordet ditt.
login-email = E-post
login-password = Passord
login-submit = Logg inn
login-error-invalid = Feil e-post eller passord.
login-error-password-missing = Skriv passordet ditt.
login-error-throttled = For mange mislykkede forsøk. Vent et kvarter og prøv igjen.
login-notice-expired = Økten din er utløpt. Logg inn igjen for å fortsette.
login-notice-signed-out = Du er logget ut.
login-demo-title = Demo-innlogginger
login-demo-intro = Alle demo-brukerne har passordet samspill-demo.
login-demo-employee = medarbeider med fjernleder
login-demo-leader = leder for Team Tromsø
login-demo-director = leder av ledere
login-demo-hr = HR

## Roller

role-employee = Medarbeider
role-leader = Leder
role-hr = HR

## Person

person-name = Navn
person-email = E-post
person-employee-number = Ansattnummer
person-title = Stilling
person-unit = Enhet
person-leader = Leder
person-location = Lokasjon
person-home-office-days = Hjemmekontordager
person-remote = på avstand

## Min side

home-title = Min side
home-greeting = Hei, { $name }
home-intro = Her samles det du bruker i hverdagen: samtaler, egenvurderinger og kontakt med teamet ditt.
home-me-title = Om deg
home-me-remote-hint = Du og lederen din har ulik lokasjon. Da er faste oppfølgingssamtaler ekstra viktige.
home-team-title = Teamet ditt
home-team-summary = { $count ->
    [one] Du leder én person
   *[other] Du leder { $count } personer
  }, { $remote } av dem på avstand.
home-hr-title = Organisasjonen
home-hr-intro = Som HR holder du personer, enheter og lokasjoner oppdatert, for hånd eller med import fra HR-systemet.

## Mine data

my-data-title = Mine data
my-data-intro = Dette er opplysningene samspill har om deg. De kommer fra HR-systemet, og HR retter dem.
my-data-record = Registrert om deg
my-data-role = Rolle
my-data-source = Er noe feil? Kontakt HR, så retter de det i HR-systemet.

## Innstillinger

settings-title = Innstillinger
settings-language = Språk
settings-language-legend = Velg språk
settings-language-auto = Samme som nettleseren
settings-language-saved = Språket er lagret.
settings-password = Passord
settings-password-current = Nåværende passord
settings-password-new = Nytt passord
settings-password-repeat = Gjenta nytt passord
settings-password-hint = Minst 10 tegn. Flere ord i en setning er lett å huske og vanskelig å gjette.
settings-password-submit = Bytt passord
settings-password-mismatch = Passordene er ikke like.
settings-password-wrong = Nåværende passord er feil.
settings-password-saved = Passordet er byttet. Andre økter er logget ut.

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
org-people-reactivate = Aktiver igjen
org-people-error-unit = Velg en aktiv enhet.
org-people-error-location = Velg en aktiv lokasjon.
org-people-error-leader = Velg en aktiv person som leder.
org-people-error-own-leader = En person kan ikke være sin egen leder.
org-people-error-cycle = Det ville gitt en ring i lederlinjen: personen leder allerede denne lederen, direkte eller gjennom andre.
org-people-error-number-taken = En annen person har allerede dette ansattnummeret.
org-people-error-email-taken = En annen person har allerede denne e-postadressen.
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

## Import

import-column-employee-number = Ansattnummer
import-column-name = Navn
import-column-email = E-post
import-column-title = Stilling
import-column-unit = Enhet (sti, for eksempel Avdeling Nord/Team Tromsø)
import-column-leader = Lederens ansattnummer
import-column-location = Lokasjon
import-column-home-office-days = Hjemmekontordager (for eksempel «man fre»)
import-column-end-date = Sluttdato (deaktiverer fra denne datoen)
import-change-reactivated = aktivert igjen
import-change-deactivated = deaktivert
import-upload-title = Last opp fil
import-intro = Filen sjekkes først. Du ser hva som blir opprettet, endret og deaktivert før noe lagres.
import-file = CSV-fil fra HR-systemet
import-file-hint = UTF-8, med semikolon eller komma mellom feltene. Første linje er overskrifter.
import-full = Filen er en fullstendig eksport
import-full-hint = Aktive personer som ikke står i filen, blir deaktivert. La være å krysse av hvis filen bare har noen av de ansatte.
import-check = Sjekk filen
import-error-no-file = Velg en fil å laste opp.
import-refused = { $count ->
    [one] Filen har én feil. Ingenting er endret.
   *[other] Filen har { $count } feil. Ingenting er endret.
  }
import-refused-help = Rett feilene i filen og last den opp på nytt. Linjenumrene gjelder linjene i filen, med overskriften som linje 1.
import-errors-caption = Feil i filen
import-line-heading = Linje
import-column-heading = Kolonne
import-reason-heading = Hva er feil
import-line = Linje { $line }
import-more-errors = …og { $count } feil til.
import-preview-title = Filen er i orden. Se over endringene og bekreft.
import-preview-full = Filen er en fullstendig eksport: aktive personer som mangler i filen, blir deaktivert.
import-new-unit = ny enhet
import-new-units = { $count ->
    [one] Én ny enhet
   *[other] { $count } nye enheter
  }
import-created = { $count ->
    [one] Én ny person
   *[other] { $count } nye personer
  }
import-updated = { $count ->
    [one] Én person endres
   *[other] { $count } personer endres
  }
import-deactivated = { $count ->
    [one] Én person deaktiveres
   *[other] { $count } personer deaktiveres
  }
import-and-more = …og { $count } til.
import-summary = Nye: { $created }. Endret: { $updated }. Deaktivert: { $deactivated }. Uendret: { $unchanged }.
import-apply = Bekreft og importer
import-nothing = Filen stemmer med det som er lagret. Ingenting å endre.
import-done = Importen er fullført.
import-cli-applied = Importen er lagret.
import-cli-dry-run = Prøvekjøring: ingenting er lagret.
import-cli-nothing = Filen stemmer med det som er lagret. Ingenting å endre.
import-format-title = Filformat
import-format-intro = Overskriftene kan være på bokmål, nynorsk eller engelsk. Rekkefølgen er fri, og ukjente kolonner blir ignorert.
import-format-header = Overskrift
import-format-meaning = Innhold
import-format-required = Påkrevd
import-format-yes = Ja
import-format-no = Nei
import-format-example = Eksempel:
import-error-empty = Filen er tom eller har bare overskrifter.
import-error-not-utf8 = Linjen er ikke UTF-8. Lagre filen som «CSV UTF-8» og prøv igjen.
import-error-unreadable = Linjen kunne ikke leses som CSV. Sjekk anførselstegnene.
import-error-missing-columns = Filen mangler påkrevde kolonner: { $columns }.
import-error-duplicate-column = Kolonnen står to ganger i overskriften.
import-error-field-count = Linjen har { $found } felt, men overskriften har { $expected }.
import-error-duplicate-number = Ansattnummeret står også på linje { $first }.
import-error-duplicate-email = E-postadressen står også på linje { $first }.
import-error-email-taken = E-postadressen tilhører allerede { $holder }.
import-error-unknown-leader = Finner ingen leder med ansattnummer { $number }, verken i filen eller i samspill.
import-error-own-leader = En person kan ikke være sin egen leder.
import-error-cycle = Lederlinjen går i ring: { $numbers }.
import-error-unknown-location = Lokasjonen «{ $name }» finnes ikke. Opprett den under Lokasjoner først.
