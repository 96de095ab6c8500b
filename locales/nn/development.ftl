## Utvikling

nav-development = Utvikling
development-title = Utvikling
development-intro = Eigenvurderingar, refleksjonar og øvingar for di eiga utvikling. Alt du svarar, er privat til du sjølv vel å dele eit resultat med leiaren din.
development-discarded = Utkastet er sletta.
development-drafts = Påbyrja
development-draft-updated = sist lagra { $date }
development-assessments = Eigenvurderingar og refleksjonar
development-exercises = Øvingar
development-last-result = Siste resultat: { $date }
development-continue = Hald fram
development-take-again = Ta på nytt
development-start = Start
development-history = Historikken min
development-history-empty = Du har ikkje sendt inn noko enno. Resultata dine blir samla her.
development-instrument = Verktøy
development-submitted = Sendt inn
development-sharing = Deling
development-private = Privat
development-shared = Det eg har delt
development-shared-empty = Du har ikkje delt noko. Eit resultat deler du frå resultatsida.
development-shared-with = Delt med { $name } { $date }
development-back = Tilbake til Utvikling
instrument-kind-self-assessment = Eigenvurdering
instrument-kind-reflection = Refleksjon
instrument-kind-exercise = Øving
instrument-kind-survey = Undersøking

## Å svare

development-step-position = Steg { $step } av { $count }
development-all-questions = Alle spørsmåla på éi side
development-progress = { $answered } av { $items } svarte
development-draft-saved = Utkastet er lagra. Du kan halde fram no eller seinare.
development-error-summary = Nokre svar må rettast før du går vidare
development-max-length = Inntil { $max } teikn.
development-shares-hint = Fordel 100 prosent. Eit tomt felt tel som 0.
development-entry = { $item } – { $number }
development-previous = Førre
development-next = Lagre og gå vidare
development-submit = Send inn
development-save-draft = Lagre utkast
development-one-step = Vis eitt steg om gongen
development-all-on-one-page = Vis alle spørsmåla på éi side
development-discard = Slett utkastet
development-discard-confirm = Vil du slette utkastet? Svara dine blir borte.
development-error-required = Svar på dette spørsmålet.
development-error-range = Vel ein verdi frå { $min } til { $max }.
development-error-choice = Vel eitt av alternativa.
development-error-too-long = Teksten er for lang. Han kan ha inntil { $max } teikn.
development-error-shares = Delane må til saman bli 100 prosent. No er summen { $sum } prosent.
development-autosaved = Svara er lagra.
development-autosaved-partly = Svara er lagra, unntatt dei som må rettast.
development-submitted-already = Dette er alt sendt inn.
mark-strength = Styrke
mark-demanding = Krevjande
mark-neither = Ingen av delane

## Resultat og deling

development-share-done = Resultatet er delt med leiaren din.
development-unshare-done = Resultatet er ikkje lenger delt.
development-unshare = Slutt å dele
development-private-explained = Berre du ser dette resultatet. Du kan dele det med leiaren din, til dømes før ein samtale, og slutte å dele når du vil.
development-share-with = Del med { $name }
development-no-leader = Du har ingen leiar registrert i samspill, så det er ingen å dele med.
result-submitted = Sendt inn { $date }
result-answered = { $answered } av { $items }
result-scale = Skala frå { $min } til { $max }.
result-not-answered = Ikkje svart
result-quadrant = Du er nærast: { $cell }
result-quadrant-note = Dette er eit utgangspunkt for refleksjon, ikkje ein diagnose.
result-scores = Resultat per område
result-chart-title = Gjennomsnitt per område
result-previous-marker = Den mørke streken viser førre gong ({ $date }).
result-dimension = Område
result-score = Gjennomsnitt
result-answered-heading = Svart
result-previous = Førre ({ $date })
result-change = Endring
result-answers = Svara dine
result-history = Historikk
result-this-one = denne
result-export = Last ned
result-export-csv = Som rekneark (CSV)
result-export-json = Som data (JSON)
export-dimension = Område
export-item = Id
export-question = Spørsmål
export-answer = Svar
export-score = Poeng

## Mitt team

team-title = Mitt team
team-back = Tilbake til medarbeidaren
team-shared-title = Delt med deg
team-shared-intro = Her ser du resultata medarbeidaren sjølv har valt å dele med deg. Det som ikkje er delt, ser du ikkje.
team-shared-empty = Ingenting er delt med deg enno.
team-shared-on = Delt

## Instrumentfiler

instrument-problem-syntax = Fila kan ikkje lesast: { $detail }
instrument-problem-missing-translation = omsetjing manglar
instrument-problem-missing = manglar
instrument-problem-bad-id = ugyldig id: bruk små bokstavar og tal, ord skilde med éin bindestrek, høgst 64 teikn
instrument-problem-duplicate-id = id-en «{ $id }» er brukt før
instrument-problem-bad-version = versjonen må vere eit heilt tal frå 1 og oppover
instrument-problem-bad-scale = ugyldig skala: min og max må vere heile tal med 0 ≤ min < max ≤ 10
instrument-problem-missing-label = den lågaste og den høgaste verdien på skalaen må ha ein tekst
instrument-problem-label-out-of-range = tekst for ein verdi utanfor skalaen
instrument-problem-unknown-scale = ukjend skala «{ $scale }»
instrument-problem-no-dimensions = ingen område
instrument-problem-empty-dimension = området har ingen spørsmål
instrument-problem-too-few-choices = minst to, kvar med sin eigen id
instrument-problem-bad-length = ugyldig max_length: 1–1000 for kort tekst, 1–20000 for lang tekst
instrument-problem-bad-max-entries = ugyldig max_entries: 1–20
instrument-problem-bad-field-type = eit felt i ei oppføring kan ikkje vere av typen «{ $type }»
instrument-problem-key-not-for-type = gjeld ikkje spørsmål av typen «{ $type }»
instrument-problem-quadrant-axis = «{ $dimension }» er ikkje eit område med skalaspørsmål
instrument-problem-quadrant-cells = ein kvadrant må ha nøyaktig fire felt, eitt for kvar kombinasjon av høg og låg
nav-team = Mitt team
team-back-overview = Tilbake til Mitt team
team-intro = Kontaktoversikta di: kvar medarbeidar med siste kontakt, samtalar, opne tiltak og om de er i rute. Logg ein kontakt med to klikk; ingenting blir registrert automatisk.
team-filter-label = Vis
team-filter-all = Alle
team-filter-overdue = Forseinka ({ $count })
team-filter-distant = Fjern ({ $count })
team-filter-remote = På avstand ({ $count })
team-none = Ingen å vise her.
team-last-contact = Siste kontakt
team-open-actions = Opne tiltak
team-log-contact = Logg kontakt
team-log = Logg
team-distant = fjern
team-contact-logged = Kontakten med { $name } er logga.
team-contact-kind = Type kontakt med { $name }
team-contact-channel = Form for kontakt med { $name }
team-distant-explained = Fjern: ingen kontakt på { $count } gonger kor ofte de skal ha samtale, eller ikkje møttest andlet til andlet på { $days } dagar.
touch-kind-follow-up = Oppfølging
touch-kind-meeting = Teammøte
touch-kind-informal = Uformell prat
touch-kind-social = Sosialt
touch-kind-gathering = Samling
team-conversations = Samtalane dykkar
team-conversations-none = De har ingen samtalar i samspill enno.
