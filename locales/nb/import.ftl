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
import-cli-more = …og { $count } endringer til. Legg til --verbose for å se alle.
import-progress-reading = Leser filen
import-progress-saving = Kontrollerer og lagrer
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
import-error-leaving-leader = Personen slutter, men leder fortsatt { $numbers }. Gi dem ny leder i samme fil.
import-error-unknown-location = Lokasjonen «{ $name }» finnes ikke. Opprett den under Lokasjoner først.
