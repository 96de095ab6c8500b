## Undersøkelser

nav-surveys = Undersøkelser
surveys-title = Undersøkelser
surveys-intro = Korte, anonyme undersøkelser om hvordan teamet har det og hvordan dere blir ledet. Ingen kan se hva du har svart – ikke lederen, ikke HR – og resultatene vises bare for hele teamet når nok har svart.
surveys-waiting = Venter på deg
surveys-none-waiting = Ingen undersøkelse venter på deg nå.
surveys-answered-intro = Du har svart på disse. Takk!
surveys-team = Teamets undersøkelser
surveys-team-intro = Spør teamet ditt med en teampuls eller om medarbeidernes blikk på deg som leder. Resultatene kommer når runden er avsluttet.
surveys-back = Tilbake til Undersøkelser
survey-new-title = Start en undersøkelse
survey-new-intro = Alle dine direkte medarbeidere blir spurt. Runden starter i dag og er åpen til og med datoen du velger.
survey-small-team = Teamet ditt har { $count } medarbeidere. Resultatene vises bare når minst { $threshold } har svart, så med så få vil du ikke få se resultater.
survey-team-size = { $count } medarbeidere blir spurt. Resultatene vises når minst { $threshold } har svart.
survey-instrument = Undersøkelse
survey-closes-on = Siste dag for å svare
survey-closes-on-hint = For eksempel 2026-12-10. Inntil 60 dager fram.
survey-open = Start undersøkelsen
survey-closes = åpen til og med { $date }
survey-results = Resultater
survey-close = Avslutt nå
survey-close-confirm = Vil du avslutte runden nå? Ingen kan svare etterpå.
survey-state-upcoming = Ikke startet
survey-state-open = Åpen
survey-state-closed = Avsluttet
survey-rate = { $count } av { $invited } svarte.
survey-answered = Takk! Svaret ditt er registrert. Ingen kan se hva du svarte.
survey-already = Du har svart på denne undersøkelsen før. Det første svaret ditt gjelder.
survey-opened = Undersøkelsen er startet. Teamet finner den under Undersøkelser.
survey-closed-now = Runden er avsluttet.
survey-error-instrument = Velg en undersøkelse.
survey-error-date = Skriv datoen som 2026-12-10.
survey-error-past = Siste dag kan ikke være før i dag.
survey-error-too-long = En runde kan vare i høyst { $count } dager.
survey-not-open = Undersøkelsen er ikke åpnet ennå.
survey-is-closed = Undersøkelsen er avsluttet og tar ikke imot flere svar.
survey-anonymous = Svaret ditt lagres uten navn og uten tidspunkt. Du kan svare én gang.
survey-send = Send svaret
survey-results-title = Resultater: { $title }
survey-results-after = Resultatene vises når runden er avsluttet, etter { $date }.
survey-too-few = For få svarte til at resultatene kan vises. De vises bare når minst { $count } har svart, så ingen kan kjennes igjen.
survey-results-explained = Gjennomsnitt fra 1 til 5, og hvor mange som valgte hvert svar.
survey-mean = gjennomsnitt { $mean }
survey-item = Påstand
survey-mean-column = Snitt
survey-comments = Kommentarer
survey-no-comments = Ingen skrev en kommentar.
home-surveys-waiting = { $count ->
    [one] En undersøkelse venter på svaret ditt
   *[other] { $count } undersøkelser venter på svaret ditt
  }
