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

home-waiting-title = Det som ventar
home-next-conversation = Neste samtale med leiaren din
home-no-conversation = Ingen samtale er planlagd.
home-open-actions = { $count ->
    [0] Du har ingen opne tiltak.
    [one] Du har eitt ope tiltak.
   *[other] Du har { $count } opne tiltak.
  }
home-overdue = { $count } forseinka
home-distant = { $count } fjern
