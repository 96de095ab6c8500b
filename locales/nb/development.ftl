## Utvikling

nav-development = Utvikling
development-title = Utvikling
development-intro = Egenvurderinger, refleksjoner og øvelser for din egen utvikling. Alt du svarer er privat til du selv velger å dele et resultat med lederen din.
development-discarded = Utkastet er slettet.
development-drafts = Påbegynt
development-draft-updated = sist lagret { $date }
development-assessments = Egenvurderinger og refleksjoner
development-exercises = Øvelser
development-last-result = Siste resultat: { $date }
development-continue = Fortsett
development-take-again = Ta på nytt
development-start = Start
development-history = Min historikk
development-history-empty = Du har ikke sendt inn noe ennå. Resultatene dine samles her.
development-instrument = Verktøy
development-submitted = Sendt inn
development-sharing = Deling
development-private = Privat
development-shared = Det jeg har delt
development-shared-empty = Du har ikke delt noe. Et resultat deler du fra resultatsiden.
development-shared-with = Delt med { $name } { $date }
development-back = Tilbake til Utvikling
instrument-kind-self-assessment = Egenvurdering
instrument-kind-reflection = Refleksjon
instrument-kind-exercise = Øvelse
instrument-kind-survey = Undersøkelse

## Å svare

development-step-position = Steg { $step } av { $count }
development-all-questions = Alle spørsmål på én side
development-progress = { $answered } av { $items } besvart
development-draft-saved = Utkastet er lagret. Du kan fortsette nå eller senere.
development-error-summary = Noen svar må rettes før du går videre
development-max-length = Inntil { $max } tegn.
development-shares-hint = Fordel 100 prosent. Et tomt felt teller som 0.
development-entry = { $item } – { $number }
development-previous = Forrige
development-next = Lagre og gå videre
development-submit = Send inn
development-save-draft = Lagre utkast
development-one-step = Vis ett steg om gangen
development-all-on-one-page = Vis alle spørsmål på én side
development-discard = Slett utkastet
development-discard-confirm = Vil du slette utkastet? Svarene dine blir borte.
development-error-required = Svar på dette spørsmålet.
development-error-range = Velg en verdi fra { $min } til { $max }.
development-error-choice = Velg et av alternativene.
development-error-too-long = Teksten er for lang. Den kan ha inntil { $max } tegn.
development-error-shares = Andelene må til sammen bli 100 prosent. Nå er summen { $sum } prosent.
development-autosaved = Svarene er lagret.
development-autosaved-partly = Svarene er lagret, unntatt de som må rettes.
development-submitted-already = Dette er allerede sendt inn.
mark-strength = Styrke
mark-demanding = Krevende
mark-neither = Ingen av delene

## Resultat og deling

development-share-done = Resultatet er delt med lederen din.
development-unshare-done = Resultatet er ikke lenger delt.
development-unshare = Slutt å dele
development-private-explained = Bare du ser dette resultatet. Du kan dele det med lederen din, for eksempel før en samtale, og slutte å dele når du vil.
development-share-with = Del med { $name }
development-no-leader = Du har ingen leder registrert i samspill, så det er ingen å dele med.
result-submitted = Sendt inn { $date }
result-answered = { $answered } av { $items }
result-scale = Skala fra { $min } til { $max }.
result-not-answered = Ikke besvart
result-quadrant = Du er nærmest: { $cell }
result-quadrant-note = Dette er et utgangspunkt for refleksjon, ikke en diagnose.
result-scores = Resultat per område
result-chart-title = Gjennomsnitt per område
result-previous-marker = Den mørke streken viser forrige gang ({ $date }).
result-dimension = Område
result-score = Gjennomsnitt
result-answered-heading = Besvart
result-previous = Forrige ({ $date })
result-change = Endring
result-answers = Dine svar
result-history = Historikk
result-this-one = denne
result-export = Last ned
result-export-csv = Som regneark (CSV)
result-export-json = Som data (JSON)
export-dimension = Område
export-item = Id
export-question = Spørsmål
export-answer = Svar
export-score = Poeng

## Mitt team

team-title = Mitt team
team-back = Tilbake til medarbeideren
team-shared-title = Delt med deg
team-shared-intro = Her ser du resultatene medarbeideren selv har valgt å dele med deg. Det som ikke er delt, ser du ikke.
team-shared-empty = Ingenting er delt med deg ennå.
team-shared-on = Delt

## Instrumentfiler

instrument-problem-syntax = Filen kan ikke leses: { $detail }
instrument-problem-missing-translation = oversettelse mangler
instrument-problem-missing = mangler
instrument-problem-bad-id = ugyldig id: bruk små bokstaver og tall, ord skilt med én bindestrek, høyst 64 tegn
instrument-problem-duplicate-id = id-en «{ $id }» er brukt før
instrument-problem-bad-version = versjonen må være et helt tall fra 1 og oppover
instrument-problem-bad-scale = ugyldig skala: min og max må være hele tall med 0 ≤ min < max ≤ 10
instrument-problem-missing-label = skalaens laveste og høyeste verdi må ha en tekst
instrument-problem-label-out-of-range = tekst for en verdi utenfor skalaen
instrument-problem-unknown-scale = ukjent skala «{ $scale }»
instrument-problem-no-dimensions = ingen områder
instrument-problem-empty-dimension = området har ingen spørsmål
instrument-problem-too-few-choices = minst to, hver med sin egen id
instrument-problem-bad-length = ugyldig max_length: 1–1000 for kort tekst, 1–20000 for lang tekst
instrument-problem-bad-max-entries = ugyldig max_entries: 1–20
instrument-problem-bad-field-type = et felt i en oppføring kan ikke være av typen «{ $type }»
instrument-problem-key-not-for-type = gjelder ikke spørsmål av typen «{ $type }»
instrument-problem-quadrant-axis = «{ $dimension }» er ikke et område med skalaspørsmål
instrument-problem-quadrant-cells = en kvadrant må ha nøyaktig fire felt, ett for hver kombinasjon av høy og lav
nav-team = Mitt team
team-back-overview = Tilbake til Mitt team
team-intro = Kontaktoversikten din: hver medarbeider med siste kontakt, samtaler, åpne tiltak og om dere er i rute. Logg en kontakt med to klikk; ingenting registreres automatisk.
team-filter-label = Vis
team-filter-all = Alle
team-filter-overdue = Forsinket ({ $count })
team-filter-distant = Fjern ({ $count })
team-filter-remote = På avstand ({ $count })
team-none = Ingen å vise her.
team-last-contact = Siste kontakt
team-open-actions = Åpne tiltak
team-log-contact = Logg kontakt
team-log = Logg
team-distant = fjern
team-contact-logged = Kontakten med { $name } er logget.
team-contact-kind = Type kontakt med { $name }
team-contact-channel = Form for kontakt med { $name }
team-distant-explained = Fjern: ingen kontakt på { $count } ganger hyppigheten, eller ikke møttes ansikt til ansikt på { $days } dager.
touch-kind-follow-up = Oppfølging
touch-kind-meeting = Teammøte
touch-kind-informal = Uformell prat
touch-kind-social = Sosialt
touch-kind-gathering = Samling
team-conversations = Samtalene deres
team-conversations-none = Dere har ingen samtaler i samspill ennå.
