## Settings

settings-title = Settings
settings-language = Language
settings-language-legend = Choose language
settings-language-auto = Same as the browser
settings-language-saved = Your language is saved.
settings-password = Password
settings-password-current = Current password
settings-password-new = New password
settings-password-repeat = Repeat new password
settings-password-hint = At least 10 characters. Several words in a sentence are easy to remember and hard to guess.
settings-password-submit = Change password
settings-password-mismatch = The passwords are not the same.
settings-password-wrong = The current password is wrong.
settings-password-saved = Your password is changed. Other sessions have been signed out.
