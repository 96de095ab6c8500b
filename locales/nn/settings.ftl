## Innstillingar

settings-title = Innstillingar
settings-language = Språk
settings-language-legend = Vel språk
settings-language-auto = Same som nettlesaren
settings-language-saved = Språket er lagra.
settings-password = Passord
settings-password-current = Noverande passord
settings-password-new = Nytt passord
settings-password-repeat = Gjenta nytt passord
settings-password-hint = Minst 10 teikn. Fleire ord i ei setning er lett å hugse og vanskeleg å gjette.
settings-password-submit = Byt passord
settings-password-mismatch = Passorda er ikkje like.
settings-password-wrong = Noverande passord er feil.
settings-password-saved = Passordet er bytt. Andre økter er logga ut.
