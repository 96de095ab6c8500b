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
org-people-end-date = Sluttdato frå HR-systemet: { $date }. Frå då av kan personen ikkje logge inn.
org-people-inactive-option = { $name } (deaktivert)
org-people-reactivate = Aktiver igjen
org-people-error-unit = Vel ei aktiv eining.
org-people-error-location = Vel ein aktiv lokasjon.
org-people-error-leader = Vel ein aktiv person som leiar.
org-people-error-own-leader = Ein person kan ikkje vere sin eigen leiar.
org-people-error-cycle = Det ville gitt ein ring i leiarlinja: personen leier alt denne leiaren, direkte eller gjennom andre.
org-people-error-number-taken = Ein annan person har alt dette tilsettnummeret.
org-people-error-email-taken = Ein annan person har alt denne e-postadressa.
org-people-error-taken = Akkurat no vart ein annan person lagra med same tilsettnummer eller e-postadresse. Sjekk begge.
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
org-units-under = under { $parent }
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
org-people-leader-search = Finn ein leiar
org-people-leader-search-hint = Skriv namn, e-post eller tilsettnummer, og vel i lista over.
org-people-leader-find = Søk
org-people-leader-matches = { $count ->
    [0] Ingen treff. Prøv eit anna namn eller nummer.
    [one] Eitt treff i lista.
   *[other] { $count } treff i lista.
}
org-people-leader-more = Dei { $count } første treffa blir viste; skriv meir for å snevre inn.

## Instrument

instruments-title = Instrument
instruments-intro = Eigenvurderingar, refleksjonar og øvingar som alle i verksemda finn under Utvikling. Dei innebygde følgjer med samspill; de kan leggje til eigne.
instruments-name = Namn
instruments-kind = Type
instruments-id = Id
instruments-version = Versjon
instruments-origin = Lagt til av
instruments-added-on = Lagt til
instruments-summary = Eigenvurderingar og øvingar under Utvikling, og dykkar eigne.
instruments-built-in = Innebygd
instruments-add = Legg til eit instrument
instruments-add-intro = Eit instrument er ei tekstfil i TOML-format med alle tekstar på bokmål, nynorsk og engelsk. Formatet er skildra i docs/instruments.md. Ein ny versjon av eit instrument blir lasta opp med høgare versjonsnummer; svar som er gitt, held på versjonen dei vart gitt til.
instruments-file = Instrumentfil
instruments-file-hint = Ei .toml-fil på inntil 512 kB.
instruments-upload = Last opp og legg til
instruments-problems = Fila vart ikkje lagd til. Rett dette og prøv igjen:
instruments-added = Instrumentet «{ $id }» er lagt til og ligg no under Utvikling.
instruments-error-no-file = Vel ei fil.
instruments-error-too-large = Fila er for stor. Ho kan vere på inntil 512 kB.
instruments-error-not-text = Fila er ikkje ei tekstfil i UTF-8.
instruments-error-built-in = Id-en «{ $id }» høyrer til eit innebygd instrument. Gi instrumentet ein eigen id.
instruments-error-version = «{ $id }» finst alt i versjon { $version }. Gi fila eit høgare versjonsnummer.
