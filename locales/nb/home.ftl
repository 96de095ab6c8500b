## Roller

role-employee = Medarbeider
role-leader = Leder
role-hr = HR

## Person

person-name = Navn
person-email = E-post
person-employee-number = Ansattnummer
person-title = Stilling
person-unit = Enhet
person-leader = Leder
person-location = Lokasjon
person-home-office-days = Hjemmekontordager
person-remote = på avstand

## Min side

home-title = Min side
home-greeting = Hei, { $name }
home-intro = Her samles det du bruker i hverdagen: samtaler, egenvurderinger og kontakt med teamet ditt.
home-me-title = Om deg
home-me-remote-hint = Du og lederen din har ulik lokasjon. Da er faste oppfølgingssamtaler ekstra viktige.
home-team-title = Teamet ditt
home-team-summary = { $count ->
    [one] Du leder én person
   *[other] Du leder { $count } personer
  }, { $remote } av dem på avstand.
home-hr-title = Organisasjonen
home-hr-intro = Som HR holder du personer, enheter og lokasjoner oppdatert, for hånd eller med import fra HR-systemet.

## Mine data

my-data-title = Mine data
my-data-intro = Dette er opplysningene samspill har om deg. De kommer fra HR-systemet, og HR retter dem.
my-data-record = Registrert om deg
my-data-role = Rolle
my-data-source = Er noe feil? Kontakt HR, så retter de det i HR-systemet.

home-waiting-title = Det som venter
home-next-conversation = Neste samtale med lederen din
home-no-conversation = Ingen samtale er planlagt.
home-open-actions = { $count ->
    [0] Du har ingen åpne tiltak.
    [one] Du har ett åpent tiltak.
   *[other] Du har { $count } åpne tiltak.
  }
home-overdue = { $count } forsinket
home-distant = { $count } fjern
