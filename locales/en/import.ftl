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
import-cli-more = …and { $count } more changes. Add --verbose to list them all.
import-progress-reading = Reading the file
import-progress-saving = Checking and saving
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
import-error-leaving-leader = This person is leaving but still leads { $numbers }. Give them a new leader in the same file.
import-error-unknown-location = The site “{ $name }” does not exist. Create it under Sites first.
