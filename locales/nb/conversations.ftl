## Samtaler

nav-conversations = Samtaler
conversations-title = Samtaler
conversations-intro = Faste oppfølgingssamtaler mellom leder og medarbeider. Mange har god erfaring med én samtale i måneden: lederen avklarer hyppigheten, medarbeideren melder fra om hvordan det går og hva som trengs.
conversations-team = Teamet ditt
conversations-cadence = Hyppighet
conversations-last-held = Sist holdt
conversations-next = Neste samtale
conversations-due = Neste frist
conversations-actions = Handlinger
conversations-overdue = Forsinket
conversations-plan = Planlegg samtale
conversations-with-leader = Samtaler med { $name }
conversations-employee-intro = Du kan foreslå et tidspunkt; lederen din bekrefter det.
conversations-none-planned = Ingen samtale er planlagt.
conversations-propose = Foreslå en samtale
conversations-history = Tidligere samtaler
conversations-when = Tidspunkt
conversations-status = Status
conversations-nobody = Du har verken leder eller medarbeidere i samspill ennå, så det er ingen samtaler å planlegge.
conversations-back = Tilbake til Samtaler
conversation-status-proposed = Foreslått
conversation-status-planned = Planlagt
conversation-status-held = Holdt
conversation-status-cancelled = Avlyst
cadence-weeks = { $count ->
    [one] Hver uke
   *[other] Hver { $count }. uke
  }
cadence-months = { $count ->
    [one] Hver måned
   *[other] Hver { $count }. måned
  }
conversation-when = { $date } kl. { $time }
conversation-minutes = { $count } minutter
conversation-channel-video = Video
conversation-channel-phone = Telefon
conversation-channel-in-person = Møte ansikt til ansikt
conversation-saved-planned = Samtalen er planlagt.
conversation-saved-proposed = Forslaget er sendt. Lederen bekrefter tidspunktet.
conversation-saved-held = Samtalen er registrert som holdt.
conversation-saved-cancelled = Samtalen er avlyst.
conversation-stale = Samtalen ble endret av den andre i mellomtiden. Se over og prøv igjen.
conversation-new-title = Ny samtale
conversation-new-with = Ny samtale med { $name }
conversation-with = Samtale med { $name }
conversation-new-leader-intro = Velg type samtale og tidspunkt. Samtalen blir planlagt med en gang; hyppigheten gjelder for dere to.
conversation-new-employee-intro = Foreslå et tidspunkt for en samtale med { $name }. Lederen din bekrefter det eller foreslår et annet.
conversation-template = Type samtale
conversation-date = Dato
conversation-date-hint = For eksempel 2026-12-03.
conversation-time = Klokkeslett
conversation-length = Varighet
conversation-length-minutes = Varighet i minutter
conversation-channel = Form
conversation-place = Sted eller lenke
conversation-place-hint = Møterom, adresse eller lenke til videomøtet.
conversation-cadence-hint = Hvor ofte dere to har oppfølgingssamtale. Neste frist regnes fra siste holdte samtale.
conversation-plan = Planlegg samtalen
conversation-propose = Send forslaget
conversation-proposed-by = { $name } har foreslått dette tidspunktet.
conversation-prompts-intro = Spørsmål dere begge kan forberede:
conversation-change-title = Endre samtalen
conversation-confirm = Bekreft tidspunktet
conversation-hold = Marker som holdt
conversation-cancel = Avlys
conversation-cancel-confirm = Vil du avlyse samtalen?
conversation-move-title = Nytt tidspunkt
conversation-move = Flytt samtalen
conversation-error-template = Velg en type samtale.
conversation-error-time-missing = Fyll ut dato og klokkeslett.
conversation-error-time-invalid = Skriv datoen som 2026-12-03 og klokkeslettet som 09:00.
conversation-error-time-past = Tidspunktet har vært. Velg et tidspunkt fram i tid.
conversation-error-minutes = Velg en varighet på 15, 30, 45, 60 eller 90 minutter.
conversation-error-channel = Velg video, telefon eller møte ansikt til ansikt.
conversation-error-cadence = Velg hvor ofte dere skal ha samtale.
conversation-error-place = Teksten er for lang. Den kan ha inntil { $max } tegn.
