## Innstillinger

settings-title = Innstillinger
settings-language = Språk
settings-language-legend = Velg språk
settings-language-auto = Samme som nettleseren
settings-language-saved = Språket er lagret.
settings-password = Passord
settings-password-current = Nåværende passord
settings-password-new = Nytt passord
settings-password-repeat = Gjenta nytt passord
settings-password-hint = Minst 10 tegn. Flere ord i en setning er lett å huske og vanskelig å gjette.
settings-password-submit = Bytt passord
settings-password-mismatch = Passordene er ikke like.
settings-password-wrong = Nåværende passord er feil.
settings-password-saved = Passordet er byttet. Andre økter er logget ut.
