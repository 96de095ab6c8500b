## Innlogging

login-title = Logg inn
login-intro = Logg inn med e-postadressa og passordet ditt.
login-email = E-post
login-password = Passord
login-submit = Logg inn
login-error-invalid = Feil e-post eller passord.
login-error-password-missing = Skriv passordet ditt.
login-error-throttled = For mange mislukka forsøk. Vent eit kvarter og prøv igjen.
login-notice-expired = Økta di har gått ut. Logg inn igjen for å halde fram.
login-notice-signed-out = Du er logga ut.
login-demo-title = Demo-innloggingar
login-demo-intro = Alle demo-brukarane har passordet samspill-demo.
login-demo-employee = medarbeidar med fjernleiar
login-demo-leader = leiar for Team Tromsø
login-demo-director = leiar av leiarar
login-demo-hr = HR
