## Innlogging

login-title = Logg inn
login-intro = Logg inn med e-postadressen og passordet ditt.
login-email = E-post
login-password = Passord
login-submit = Logg inn
login-error-invalid = Feil e-post eller passord.
login-error-password-missing = Skriv passordet ditt.
login-error-throttled = For mange mislykkede forsøk. Vent et kvarter og prøv igjen.
login-notice-expired = Økten din er utløpt. Logg inn igjen for å fortsette.
login-notice-signed-out = Du er logget ut.
login-demo-title = Demo-innlogginger
login-demo-intro = Alle demo-brukerne har passordet samspill-demo.
login-demo-employee = medarbeider med fjernleder
login-demo-leader = leder for Team Tromsø
login-demo-director = leder av ledere
login-demo-hr = HR
