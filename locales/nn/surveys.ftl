## Undersøkingar

nav-surveys = Undersøkingar
surveys-title = Undersøkingar
surveys-intro = Korte, anonyme undersøkingar om korleis teamet har det og korleis de blir leidde. Ingen kan sjå kva du har svart – ikkje leiaren, ikkje HR – og resultata blir berre viste for heile teamet når nok har svart.
surveys-waiting = Ventar på deg
surveys-none-waiting = Inga undersøking ventar på deg no.
surveys-answered-intro = Du har svart på desse. Takk!
surveys-team = Undersøkingane til teamet
surveys-team-intro = Spør teamet ditt med ein teampuls eller om medarbeidarane sitt blikk på deg som leiar. Resultata kjem når runden er avslutta.
surveys-back = Tilbake til Undersøkingar
survey-new-title = Start ei undersøking
survey-new-intro = Alle dei direkte medarbeidarane dine blir spurde. Runden startar i dag og er open til og med datoen du vel.
survey-small-team = Teamet ditt har { $count } medarbeidarar. Resultata blir berre viste når minst { $threshold } har svart, så med så få får du ikkje sjå resultat.
survey-team-size = { $count } medarbeidarar blir spurde. Resultata blir viste når minst { $threshold } har svart.
survey-instrument = Undersøking
survey-closes-on = Siste dag for å svare
survey-closes-on-hint = Til dømes 2026-12-10. Inntil 60 dagar fram.
survey-open = Start undersøkinga
survey-closes = open til og med { $date }
survey-results = Resultat
survey-close = Avslutt no
survey-close-confirm = Vil du avslutte runden no? Ingen kan svare etterpå.
survey-state-upcoming = Ikkje starta
survey-state-open = Open
survey-state-closed = Avslutta
survey-rate = { $count } av { $invited } svarte.
survey-answered = Takk! Svaret ditt er registrert. Ingen kan sjå kva du svarte.
survey-already = Du har svart på denne undersøkinga før. Det første svaret ditt gjeld.
survey-opened = Undersøkinga er starta. Teamet finn henne under Undersøkingar.
survey-closed-now = Runden er avslutta.
survey-error-instrument = Vel ei undersøking.
survey-error-date = Skriv datoen som 2026-12-10.
survey-error-past = Siste dag kan ikkje vere før i dag.
survey-error-too-long = Ein runde kan vare i høgst { $count } dagar.
survey-not-open = Undersøkinga er ikkje opna enno.
survey-is-closed = Undersøkinga er avslutta og tek ikkje imot fleire svar.
survey-anonymous = Svaret ditt blir lagra utan namn og utan tidspunkt. Du kan svare éin gong.
survey-send = Send svaret
survey-results-title = Resultat: { $title }
survey-results-after = Resultata blir viste når runden er avslutta, etter { $date }.
survey-too-few = For få svarte til at resultata kan visast. Dei blir berre viste når minst { $count } har svart, så ingen kan kjennast att.
survey-results-explained = Gjennomsnitt frå 1 til 5, og kor mange som valde kvart svar.
survey-mean = gjennomsnitt { $mean }
survey-item = Påstand
survey-mean-column = Snitt
survey-comments = Kommentarar
survey-no-comments = Ingen skreiv ein kommentar.
home-surveys-waiting = { $count ->
    [one] Ei undersøking ventar på svaret ditt
   *[other] { $count } undersøkingar ventar på svaret ditt
  }
