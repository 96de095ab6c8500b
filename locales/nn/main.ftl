## Skal: toppfelt, navigasjon, botntekst

shell-skip-to-content = Gå til hovudinnhald
shell-home-link = samspill – til Mi side
shell-nav-label = Hovudmeny
shell-user-menu = Brukarmeny
shell-language = Språk
shell-breadcrumbs = Brødsmulesti
shell-footer = samspill – verktøy for leiing på avstand og aktivt medarbeidarskap.
nav-home = Mi side
nav-organisation = Organisasjon
nav-settings = Innstillingar
nav-my-data = Mine data
nav-sign-out = Logg ut

## Felles

action-save = Lagre
action-cancel = Avbryt
form-error-summary-title = Skjemaet har feil som må rettast
form-optional = valfritt
pagination-previous = Førre side
pagination-next = Neste side
pagination-position = Side { $page } av { $pages }
weekday-1 = måndag
weekday-2 = tysdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = laurdag
weekday-7 = sundag
weekday-none = ingen faste dagar

## Feltfeil

field-error-required = Fyll ut feltet.
field-error-too-long = Skriv høgst { $max } teikn.
field-error-email = Skriv ei gyldig e-postadresse, til dømes namn@etat.no.
field-error-employee-number = Tilsettnummeret kan berre ha bokstavar, tal, bindestrek og punktum.
field-error-weekday = «{ $value }» er ikkje ein vekedag. Skriv til dømes «mån fre».
field-error-date = «{ $value }» er ikkje ein dato. Skriv til dømes 31.12.2026.
field-error-password-short = Passordet må ha minst { $min } teikn.

## Feilsider

error-status = Feilkode { $status }
error-go-home = Til Mi side
error-csrf-retry = Prøv igjen
error-not-found-title = Fann ikkje sida
error-not-found-body = Sida finst ikkje, eller ho er flytta. Sjekk adressa, eller gå til Mi side.
error-forbidden-title = Du har ikkje tilgang
error-forbidden-body = Denne sida er for andre roller enn di. Meiner du at du skal ha tilgang, kontakt HR.
error-csrf-title = Skjemaet kunne ikkje sendast
error-csrf-body = Av omsyn til tryggleiken må skjema sendast frå ei side du nettopp har opna i samspill. Gå tilbake, last inn sida på nytt og send skjemaet igjen.
error-bad-request-title = Førespurnaden kunne ikkje lesast
error-bad-request-body = Noko i førespurnaden var ikkje som venta. Gå tilbake og prøv igjen.
error-internal-title = Noko gjekk gale hos oss
error-internal-body = Ingenting av det du sende, er lagra halvvegs. Prøv igjen om litt. Skjer det igjen, kontakt driftsansvarleg.

## Innlogging

login-title = Logg inn
login-intro = Logg inn med e-postadressa og passordet ditt.
login-email = E-post
login-password = Passord
login-submit = Logg inn
login-error-invalid = Feil e-post eller passord.
login-error-password-missing = Skriv passordet ditt.
login-error-throttled = For mange mislukka forsøk. Vent eit kvarter og prøv igjen.
login-notice-expired = Økta di har gått ut. Logg inn igjen for å halde fram.
login-notice-signed-out = Du er logga ut.
login-demo-title = Demo-innloggingar
login-demo-intro = Alle demo-brukarane har passordet samspill-demo.
login-demo-employee = medarbeidar med fjernleiar
login-demo-leader = leiar for Team Tromsø
login-demo-director = leiar av leiarar
login-demo-hr = HR

## Roller

role-employee = Medarbeidar
role-leader = Leiar
role-hr = HR

## Person

person-name = Namn
person-email = E-post
person-employee-number = Tilsettnummer
person-title = Stilling
person-unit = Eining
person-leader = Leiar
person-location = Lokasjon
person-home-office-days = Heimekontordagar
person-remote = på avstand

## Mi side

home-title = Mi side
home-greeting = Hei, { $name }
home-intro = Her er det du brukar i kvardagen: samtalar, eigenvurderingar og kontakt med teamet ditt.
home-me-title = Om deg
home-me-remote-hint = Du og leiaren din har ulik lokasjon. Då er faste oppfølgingssamtalar ekstra viktige.
home-team-title = Teamet ditt
home-team-summary = { $count ->
    [one] Du leier éin person
   *[other] Du leier { $count } personar
  }, { $remote } av dei på avstand.
home-hr-title = Organisasjonen
home-hr-intro = Som HR held du personar, einingar og lokasjonar oppdaterte, for hand eller med import frå HR-systemet.

## Mine data

my-data-title = Mine data
my-data-intro = Dette er opplysningane samspill har om deg. Dei kjem frå HR-systemet, og HR rettar dei.
my-data-record = Registrert om deg
my-data-role = Rolle
my-data-source = Er noko feil? Kontakt HR, så rettar dei det i HR-systemet.

## Innstillingar

settings-title = Innstillingar
settings-language = Språk
settings-language-legend = Vel språk
settings-language-auto = Same som nettlesaren
settings-language-saved = Språket er lagra.
settings-password = Passord
settings-password-current = Noverande passord
settings-password-new = Nytt passord
settings-password-repeat = Gjenta nytt passord
settings-password-hint = Minst 10 teikn. Fleire ord i ei setning er lett å hugse og vanskeleg å gjette.
settings-password-submit = Byt passord
settings-password-mismatch = Passorda er ikkje like.
settings-password-wrong = Noverande passord er feil.
settings-password-saved = Passordet er bytt. Andre økter er logga ut.

## Organisasjon (HR)

org-title = Organisasjon
org-intro = Personar, einingar og lokasjonar. Det du endrar her, gjeld med ein gong.
org-status = Status
org-status-active = Aktiv
org-status-inactive = Deaktivert
org-import-title = Import frå HR-system
org-import-summary = Last opp ei CSV-fil, sjå kva som blir endra, og stadfest.

org-people-title = Personar
org-people-count = { $count ->
    [one] Éin person
   *[other] { $count } personar
  }
org-people-new = Ny person
org-people-create = Opprett person
org-people-created = Personen er oppretta.
org-people-updated = Endringane er lagra.
org-people-edit-title = Rediger person
org-people-search = Søk
org-people-search-label = Søk blant personar
org-people-unit = Eining
org-people-all-units = Alle einingar
org-people-include-inactive = Vis òg deaktiverte
org-people-filter = Vis
org-people-pages = Sider
org-people-employee-number-hint = Same nummer som i HR-systemet.
org-people-no-unit = Inga eining
org-people-no-leader = Ingen leiar
org-people-no-location = Ingen lokasjon
org-people-leader-hint = Kvar person har høgst éin leiar.
org-people-is-admin = HR-tilgang
org-people-is-admin-hint = Gir tilgang til organisasjonssidene. Rolla gjeld frå neste innlogging.
org-people-inactive-note = Personen er deaktivert og kan ikkje logge inn.
org-people-deactivate = Deaktiver person
org-people-deactivate-hint = { $count ->
    [0] Personen kan ikkje logge inn etter deaktivering. Opplysningane blir tekne vare på.
    [one] Personen leier éin aktiv person, som må få ny leiar først.
   *[other] Personen leier { $count } aktive personar, som må få ny leiar først.
  }
org-people-deactivate-confirm = Vil du deaktivere personen?
org-people-reactivate = Aktiver igjen
org-people-error-unit = Vel ei aktiv eining.
org-people-error-location = Vel ein aktiv lokasjon.
org-people-error-leader = Vel ein aktiv person som leiar.
org-people-error-own-leader = Ein person kan ikkje vere sin eigen leiar.
org-people-error-cycle = Det ville gitt ein ring i leiarlinja: personen leier alt denne leiaren, direkte eller gjennom andre.
org-people-error-number-taken = Ein annan person har alt dette tilsettnummeret.
org-people-error-email-taken = Ein annan person har alt denne e-postadressa.
org-people-error-own-admin = Du kan ikkje ta frå deg din eigen HR-tilgang.
org-people-error-deactivate-self = Du kan ikkje deaktivere deg sjølv.
org-people-error-has-reports = { $count ->
    [one] Personen leier éin aktiv person. Gi vedkomande ny leiar først.
   *[other] Personen leier { $count } aktive personar. Gi dei ny leiar først.
  }

org-units-title = Einingar
org-units-intro = Einingane dannar eit tre. Flytt ei eining ved å velje ei ny overordna eining.
org-units-count = { $count ->
    [one] Éi eining
   *[other] { $count } einingar
  }
org-units-empty = Det finst ingen einingar enno.
org-units-name = Namn
org-units-members = Personar
org-units-parent = Overordna eining
org-units-parent-none = Inga (øvste nivå)
org-units-parent-hint = Vel ei ny overordna eining for å flytte eininga med alt under ho.
org-units-new = Ny eining
org-units-create = Opprett eining
org-units-created = Eininga er oppretta.
org-units-updated = Eininga er lagra.
org-units-edit-title = Rediger eining
org-units-inactive-note = Eininga er deaktivert.
org-units-deactivate = Deaktiver eining
org-units-deactivate-hint = { $count ->
    [0] Eininga er tom og kan deaktiverast.
    [one] Éin person høyrer til eininga. Flytt personen før du deaktiverer.
   *[other] { $count } personar høyrer til eininga. Flytt dei før du deaktiverer.
  }
org-units-deactivate-confirm = Vil du deaktivere eininga?
org-units-reactivate = Aktiver igjen
org-units-error-parent = Vel ei aktiv overordna eining.
org-units-error-cycle = Ei eining kan ikkje liggje under seg sjølv eller ei av sine undereiningar.
org-units-error-taken = Det finst alt ei eining med dette namnet på same stad.
org-units-error-not-empty = Eininga har personar eller aktive undereiningar. Flytt dei først.
org-units-error-parent-inactive = Den overordna eininga er deaktivert. Aktiver ho først, eller flytt eininga.

org-locations-title = Lokasjonar
org-locations-intro = Lokasjonar er arbeidsstadene. Har leiar og medarbeidar ulik lokasjon, leier dei på avstand.
org-locations-count = { $count ->
    [one] Éin lokasjon
   *[other] { $count } lokasjonar
  }
org-locations-empty = Det finst ingen lokasjonar enno.
org-locations-name = Namn
org-locations-people = Personar
org-locations-new = Ny lokasjon
org-locations-create = Opprett lokasjon
org-locations-saved = Lokasjonen er lagra.
org-locations-edit-title = Rediger lokasjon
org-locations-error-taken = Det finst alt ein lokasjon med dette namnet.
org-locations-deactivate = Deaktiver lokasjon
org-locations-deactivate-hint = { $count ->
    [0] Ingen har lokasjonen som arbeidsstad.
    [one] Éin person har lokasjonen som arbeidsstad og held på han.
   *[other] { $count } personar har lokasjonen som arbeidsstad og held på han.
  }
org-locations-reactivate = Aktiver igjen

## Import

import-column-employee-number = Tilsettnummer
import-column-name = Namn
import-column-email = E-post
import-column-title = Stilling
import-column-unit = Eining (sti, til dømes Avdeling Nord/Team Tromsø)
import-column-leader = Tilsettnummeret til leiaren
import-column-location = Lokasjon
import-column-home-office-days = Heimekontordagar (til dømes «mån fre»)
import-column-end-date = Sluttdato (deaktiverer frå denne datoen)
import-change-reactivated = aktivert igjen
import-change-deactivated = deaktivert
import-upload-title = Last opp fil
import-intro = Fila blir sjekka først. Du ser kva som blir oppretta, endra og deaktivert før noko blir lagra.
import-file = CSV-fil frå HR-systemet
import-file-hint = UTF-8, med semikolon eller komma mellom felta. Første linja er overskrifter.
import-full = Fila er ein fullstendig eksport
import-full-hint = Aktive personar som ikkje står i fila, blir deaktiverte. Ikkje kryss av viss fila berre har nokre av dei tilsette.
import-check = Sjekk fila
import-error-no-file = Vel ei fil å laste opp.
import-refused = { $count ->
    [one] Fila har éin feil. Ingenting er endra.
   *[other] Fila har { $count } feil. Ingenting er endra.
  }
import-refused-help = Rett feila i fila og last ho opp på nytt. Linjenumra gjeld linjene i fila, med overskrifta som linje 1.
import-errors-caption = Feil i fila
import-line-heading = Linje
import-column-heading = Kolonne
import-reason-heading = Kva er feil
import-line = Linje { $line }
import-more-errors = …og { $count } feil til.
import-preview-title = Fila er i orden. Sjå over endringane og stadfest.
import-preview-full = Fila er ein fullstendig eksport: aktive personar som manglar i fila, blir deaktiverte.
import-new-unit = ny eining
import-new-units = { $count ->
    [one] Éi ny eining
   *[other] { $count } nye einingar
  }
import-created = { $count ->
    [one] Éin ny person
   *[other] { $count } nye personar
  }
import-updated = { $count ->
    [one] Éin person blir endra
   *[other] { $count } personar blir endra
  }
import-deactivated = { $count ->
    [one] Éin person blir deaktivert
   *[other] { $count } personar blir deaktiverte
  }
import-and-more = …og { $count } til.
import-summary = Nye: { $created }. Endra: { $updated }. Deaktiverte: { $deactivated }. Uendra: { $unchanged }.
import-apply = Stadfest og importer
import-nothing = Fila stemmer med det som er lagra. Ingenting å endre.
import-done = Importen er fullført.
import-cli-applied = Importen er lagra.
import-cli-dry-run = Prøvekøyring: ingenting er lagra.
import-cli-nothing = Fila stemmer med det som er lagra. Ingenting å endre.
import-format-title = Filformat
import-format-intro = Overskriftene kan vere på bokmål, nynorsk eller engelsk. Rekkjefølgja er fri, og ukjende kolonnar blir ignorerte.
import-format-header = Overskrift
import-format-meaning = Innhald
import-format-required = Påkravd
import-format-yes = Ja
import-format-no = Nei
import-format-example = Døme:
import-error-empty = Fila er tom eller har berre overskrifter.
import-error-not-utf8 = Linja er ikkje UTF-8. Lagre fila som «CSV UTF-8» og prøv igjen.
import-error-unreadable = Linja kunne ikkje lesast som CSV. Sjekk hermeteikna.
import-error-missing-columns = Fila manglar påkravde kolonnar: { $columns }.
import-error-duplicate-column = Kolonnen står to gonger i overskrifta.
import-error-field-count = Linja har { $found } felt, men overskrifta har { $expected }.
import-error-duplicate-number = Tilsettnummeret står òg på linje { $first }.
import-error-duplicate-email = E-postadressa står òg på linje { $first }.
import-error-email-taken = E-postadressa høyrer alt til { $holder }.
import-error-unknown-leader = Finn ingen leiar med tilsettnummer { $number }, verken i fila eller i samspill.
import-error-own-leader = Ein person kan ikkje vere sin eigen leiar.
import-error-cycle = Leiarlinja går i ring: { $numbers }.
import-error-unknown-location = Lokasjonen «{ $name }» finst ikkje. Opprett han under Lokasjonar først.
