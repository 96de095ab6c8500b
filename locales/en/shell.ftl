## Shell: header, navigation, footer

shell-skip-to-content = Skip to main content
shell-home-link = samspill – to My page
shell-nav-label = Main menu
shell-user-menu = User menu
shell-language = Language
shell-breadcrumbs = Breadcrumbs
shell-footer = samspill – tools for remote leadership and active employeeship.
nav-home = My page
nav-organisation = Organisation
nav-settings = Settings
nav-my-data = My data
nav-sign-out = Sign out

## Common

action-save = Save
action-cancel = Cancel
form-error-summary-title = The form has errors to correct
form-optional = optional
pagination-previous = Previous page
pagination-next = Next page
pagination-position = Page { $page } of { $pages }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
weekday-none = no fixed days

## Field errors

field-error-required = Fill in this field.
field-error-too-long = Use at most { $max } characters.
field-error-email = Enter a valid e-mail address, such as name@agency.no.
field-error-employee-number = An employee number cannot contain spaces.
field-error-weekday = “{ $value }” is not a weekday. Write, for example, “mon fri”.
field-error-date = “{ $value }” is not a date. Write, for example, 2026-12-31 or 31.12.2026.
field-error-password-short = The password must have at least { $min } characters.

## Error pages

error-status = Error code { $status }
error-go-home = To My page
error-csrf-retry = Try again
error-not-found-title = Page not found
error-not-found-body = The page does not exist or has moved. Check the address, or go to My page.
error-forbidden-title = You do not have access
error-forbidden-body = This page is for other roles than yours. If you think you should have access, contact HR.
error-csrf-title = The form could not be sent
error-csrf-body = For your security, forms must be sent from a page you have just opened in samspill. Go back, reload the page and send the form again.
error-bad-request-title = The request could not be read
error-bad-request-body = Something in the request was not as expected. Go back and try again.
error-internal-title = Something went wrong on our side
error-internal-body = Nothing you sent has been half-saved. Try again in a moment. If it happens again, contact your administrator.
