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
field-error-employee-number = Ansattnummeret kan ikke ha mellomrom.
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
