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
field-error-employee-number = Tilsettnummeret kan ikkje ha mellomrom.
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
