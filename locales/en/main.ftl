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
field-error-employee-number = An employee number may only contain letters, digits, hyphens and full stops.
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

## Sign in

login-title = Sign in
login-intro = Sign in with your e-mail address and password.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-error-invalid = Wrong e-mail or password.
login-error-password-missing = Enter your password.
login-error-throttled = Too many failed attempts. Wait fifteen minutes and try again.
login-notice-expired = Your session has expired. Sign in again to continue.
login-notice-signed-out = You have signed out.
login-demo-title = Demo logins
login-demo-intro = Every demo user has the password samspill-demo.
login-demo-employee = employee with a remote leader
login-demo-leader = leader of Team Tromsø
login-demo-director = leader of leaders
login-demo-hr = HR

## Roles

role-employee = Employee
role-leader = Leader
role-hr = HR

## Person

person-name = Name
person-email = E-mail
person-employee-number = Employee number
person-title = Job title
person-unit = Unit
person-leader = Leader
person-location = Site
person-home-office-days = Home-office days
person-remote = remote

## My page

home-title = My page
home-greeting = Hello, { $name }
home-intro = This is where your everyday tools gather: conversations, self-assessments and contact with your team.
home-me-title = About you
home-me-remote-hint = You and your leader work at different sites. That makes regular follow-up conversations all the more important.
home-team-title = Your team
home-team-summary = { $count ->
    [one] You lead one person
   *[other] You lead { $count } people
  }, { $remote } of them remotely.
home-hr-title = The organisation
home-hr-intro = As HR you keep people, units and sites up to date, by hand or by import from the HR system.

## My data

my-data-title = My data
my-data-intro = This is what samspill holds about you. It comes from the HR system, and HR corrects it.
my-data-record = Recorded about you
my-data-role = Role
my-data-source = Is something wrong? Contact HR, and they will correct it in the HR system.

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

## Organisation (HR)

org-title = Organisation
org-intro = People, units and sites. What you change here applies at once.
org-status = Status
org-status-active = Active
org-status-inactive = Deactivated
org-import-title = Import from HR system
org-import-summary = Upload a CSV file, see what changes, and confirm.

org-people-title = People
org-people-count = { $count ->
    [one] One person
   *[other] { $count } people
  }
org-people-new = New person
org-people-create = Create person
org-people-created = The person is created.
org-people-updated = The changes are saved.
org-people-edit-title = Edit person
org-people-search = Search
org-people-search-label = Search people
org-people-unit = Unit
org-people-all-units = All units
org-people-include-inactive = Include deactivated people
org-people-filter = Show
org-people-pages = Pages
org-people-employee-number-hint = The same number as in the HR system.
org-people-no-unit = No unit
org-people-no-leader = No leader
org-people-no-location = No site
org-people-leader-hint = Each person has at most one leader.
org-people-is-admin = HR access
org-people-is-admin-hint = Gives access to the organisation pages. The role applies from the next sign-in.
org-people-inactive-note = This person is deactivated and cannot sign in.
org-people-deactivate = Deactivate person
org-people-deactivate-hint = { $count ->
    [0] A deactivated person cannot sign in. Their records are kept.
    [one] This person leads one active person, who needs a new leader first.
   *[other] This person leads { $count } active people, who need a new leader first.
  }
org-people-deactivate-confirm = Deactivate this person?
org-people-reactivate = Reactivate
org-people-error-unit = Choose an active unit.
org-people-error-location = Choose an active site.
org-people-error-leader = Choose an active person as leader.
org-people-error-own-leader = A person cannot be their own leader.
org-people-error-cycle = That would make the reporting line a circle: this person already leads that leader, directly or through others.
org-people-error-number-taken = Another person already has this employee number.
org-people-error-email-taken = Another person already has this e-mail address.
org-people-error-own-admin = You cannot remove your own HR access.
org-people-error-deactivate-self = You cannot deactivate yourself.
org-people-error-has-reports = { $count ->
    [one] This person leads one active person. Give them a new leader first.
   *[other] This person leads { $count } active people. Give them a new leader first.
  }

org-units-title = Units
org-units-intro = Units form a tree. Move a unit by choosing a new parent unit.
org-units-count = { $count ->
    [one] One unit
   *[other] { $count } units
  }
org-units-empty = There are no units yet.
org-units-name = Name
org-units-members = People
org-units-parent = Parent unit
org-units-parent-none = None (top level)
org-units-parent-hint = Choose a new parent to move the unit with everything under it.
org-units-new = New unit
org-units-create = Create unit
org-units-created = The unit is created.
org-units-updated = The unit is saved.
org-units-edit-title = Edit unit
org-units-inactive-note = This unit is deactivated.
org-units-deactivate = Deactivate unit
org-units-deactivate-hint = { $count ->
    [0] The unit is empty and can be deactivated.
    [one] One person belongs to the unit. Move them before deactivating.
   *[other] { $count } people belong to the unit. Move them before deactivating.
  }
org-units-deactivate-confirm = Deactivate this unit?
org-units-reactivate = Reactivate
org-units-error-parent = Choose an active parent unit.
org-units-error-cycle = A unit cannot sit under itself or one of its own sub-units.
org-units-error-taken = A unit with this name already exists in the same place.
org-units-error-not-empty = The unit has people or active sub-units. Move them first.
org-units-error-parent-inactive = The parent unit is deactivated. Reactivate it first, or move this unit.

org-locations-title = Sites
org-locations-intro = Sites are workplaces. When a leader and an employee have different sites, they work remotely.
org-locations-count = { $count ->
    [one] One site
   *[other] { $count } sites
  }
org-locations-empty = There are no sites yet.
org-locations-name = Name
org-locations-people = People
org-locations-new = New site
org-locations-create = Create site
org-locations-saved = The site is saved.
org-locations-edit-title = Edit site
org-locations-error-taken = A site with this name already exists.
org-locations-deactivate = Deactivate site
org-locations-deactivate-hint = { $count ->
    [0] Nobody has this site as their workplace.
    [one] One person has this site as their workplace and keeps it.
   *[other] { $count } people have this site as their workplace and keep it.
  }
org-locations-reactivate = Reactivate

## Import

import-column-employee-number = Employee number
import-column-name = Name
import-column-email = E-mail
import-column-title = Job title
import-column-unit = Unit (a path, such as Avdeling Nord/Team Tromsø)
import-column-leader = Leader's employee number
import-column-location = Site
import-column-home-office-days = Home-office days (such as “mon fri”)
import-column-end-date = End date (deactivates from that date)
import-change-reactivated = reactivated
import-change-deactivated = deactivated
import-upload-title = Upload a file
import-intro = The file is checked first. You see what will be created, changed and deactivated before anything is saved.
import-file = CSV file from the HR system
import-file-hint = UTF-8, with semicolons or commas between fields. The first line holds the headers.
import-full = The file is a full export
import-full-hint = Active people missing from the file are deactivated. Leave unticked if the file lists only some employees.
import-check = Check the file
import-error-no-file = Choose a file to upload.
import-refused = { $count ->
    [one] The file has one error. Nothing has changed.
   *[other] The file has { $count } errors. Nothing has changed.
  }
import-refused-help = Correct the errors in the file and upload it again. Line numbers are the file's lines, the header being line 1.
import-errors-caption = Errors in the file
import-line-heading = Line
import-column-heading = Column
import-reason-heading = What is wrong
import-line = Line { $line }
import-more-errors = …and { $count } more errors.
import-preview-title = The file is valid. Review the changes and confirm.
import-preview-full = The file is a full export: active people missing from it will be deactivated.
import-new-unit = new unit
import-new-units = { $count ->
    [one] One new unit
   *[other] { $count } new units
  }
import-created = { $count ->
    [one] One new person
   *[other] { $count } new people
  }
import-updated = { $count ->
    [one] One person changes
   *[other] { $count } people change
  }
import-deactivated = { $count ->
    [one] One person is deactivated
   *[other] { $count } people are deactivated
  }
import-and-more = …and { $count } more.
import-summary = New: { $created }. Changed: { $updated }. Deactivated: { $deactivated }. Unchanged: { $unchanged }.
import-apply = Confirm and import
import-nothing = The file matches what is saved. Nothing to change.
import-done = The import is complete.
import-cli-applied = The import is saved.
import-cli-dry-run = Dry run: nothing is saved.
import-cli-nothing = The file matches what is saved. Nothing to change.
import-format-title = File format
import-format-intro = Headers may be in bokmål, nynorsk or English. Columns may come in any order, and unknown columns are ignored.
import-format-header = Header
import-format-meaning = Content
import-format-required = Required
import-format-yes = Yes
import-format-no = No
import-format-example = Example:
import-error-empty = The file is empty or has only headers.
import-error-not-utf8 = The line is not UTF-8. Save the file as “CSV UTF-8” and try again.
import-error-unreadable = The line could not be read as CSV. Check the quotation marks.
import-error-missing-columns = The file lacks required columns: { $columns }.
import-error-duplicate-column = The column appears twice in the header.
import-error-field-count = The line has { $found } fields, but the header has { $expected }.
import-error-duplicate-number = The employee number also appears on line { $first }.
import-error-duplicate-email = The e-mail address also appears on line { $first }.
import-error-email-taken = The e-mail address already belongs to { $holder }.
import-error-unknown-leader = No leader has employee number { $number }, neither in the file nor in samspill.
import-error-own-leader = A person cannot be their own leader.
import-error-cycle = The reporting line goes in a circle: { $numbers }.
import-error-unknown-location = The site “{ $name }” does not exist. Create it under Sites first.
