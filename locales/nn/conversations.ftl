## Samtalar

nav-conversations = Samtalar
conversations-title = Samtalar
conversations-intro = Faste oppfølgingssamtalar mellom leiar og medarbeidar. Mange har god erfaring med éin samtale i månaden: leiaren avklarer kor ofte, medarbeidaren seier frå om korleis det går og kva som trengst.
conversations-team = Teamet ditt
conversations-cadence = Kor ofte
conversations-last-held = Sist halden
conversations-next = Neste samtale
conversations-due = Neste frist
conversations-actions = Handlingar
conversations-overdue = Forseinka
conversations-plan = Planlegg samtale
conversations-with-leader = Samtalar med { $name }
conversations-employee-intro = Du kan føreslå eit tidspunkt; leiaren din stadfestar det.
conversations-none-planned = Ingen samtale er planlagd.
conversations-propose = Føreslå ein samtale
conversations-history = Tidlegare samtalar
conversations-when = Tidspunkt
conversations-status = Status
conversations-nobody = Du har verken leiar eller medarbeidarar i samspill enno, så det er ingen samtalar å planleggje.
conversations-back = Tilbake til Samtalar
conversation-status-proposed = Føreslått
conversation-status-planned = Planlagd
conversation-status-held = Halden
conversation-status-cancelled = Avlyst
cadence-weeks = { $count ->
    [one] Kvar veke
   *[other] Kvar { $count }. veke
  }
cadence-months = { $count ->
    [one] Kvar månad
   *[other] Kvar { $count }. månad
  }
conversation-when = { $date } kl. { $time }
conversation-minutes = { $count } minutt
conversation-channel-video = Video
conversation-channel-phone = Telefon
conversation-channel-in-person = Møte andlet til andlet
conversation-saved-planned = Samtalen er planlagd.
conversation-saved-proposed = Forslaget er sendt. Leiaren stadfestar tidspunktet.
conversation-saved-held = Samtalen er registrert som halden.
conversation-saved-cancelled = Samtalen er avlyst.
conversation-stale = Samtalen vart endra av den andre i mellomtida. Sjå over og prøv igjen.
conversation-new-title = Ny samtale
conversation-new-with = Ny samtale med { $name }
conversation-with = Samtale med { $name }
conversation-new-leader-intro = Vel type samtale og tidspunkt. Samtalen blir planlagd med ein gong; kor ofte gjeld for dykk to.
conversation-new-employee-intro = Føreslå eit tidspunkt for ein samtale med { $name }. Leiaren din stadfestar det eller føreslår eit anna.
conversation-template = Type samtale
conversation-date = Dato
conversation-date-hint = Til dømes 2026-12-03.
conversation-time = Klokkeslett
conversation-length = Varigheit
conversation-length-minutes = Varigheit i minutt
conversation-channel = Form
conversation-place = Stad eller lenkje
conversation-place-hint = Møterom, adresse eller lenkje til videomøtet.
conversation-cadence-hint = Kor ofte de to har oppfølgingssamtale. Neste frist blir rekna frå siste haldne samtale.
conversation-plan = Planlegg samtalen
conversation-propose = Send forslaget
conversation-proposed-by = { $name } har føreslått dette tidspunktet.
conversation-prompts-intro = Spørsmål de begge kan førebu:
conversation-change-title = Endre samtalen
conversation-confirm = Stadfest tidspunktet
conversation-hold = Merk som halden
conversation-cancel = Avlys
conversation-cancel-confirm = Vil du avlyse samtalen?
conversation-move-title = Nytt tidspunkt
conversation-move = Flytt samtalen
conversation-error-template = Vel ein type samtale.
conversation-error-time-missing = Fyll ut dato og klokkeslett.
conversation-error-time-invalid = Skriv datoen som 2026-12-03 og klokkeslettet som 09:00.
conversation-error-time-past = Tidspunktet har vore. Vel eit tidspunkt fram i tid.
conversation-error-minutes = Vel ei varigheit på 15, 30, 45, 60 eller 90 minutt.
conversation-error-channel = Vel video, telefon eller møte andlet til andlet.
conversation-error-cadence = Vel kor ofte de skal ha samtale.
conversation-error-place = Teksten er for lang. Han kan ha inntil { $max } teikn.
