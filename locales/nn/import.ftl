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
import-cli-more = …og { $count } endringar til. Legg til --verbose for å sjå alle.
import-progress-reading = Les fila
import-progress-saving = Kontrollerer og lagrar
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
import-error-leaving-leader = Personen sluttar, men leier framleis { $numbers }. Gi dei ny leiar i same fil.
import-error-unknown-location = Lokasjonen «{ $name }» finst ikkje. Opprett han under Lokasjonar først.
