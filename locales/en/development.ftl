## Development

nav-development = Development
development-title = Development
development-intro = Self-assessments, reflections and exercises for your own development. Everything you answer is private until you choose to share a result with your leader.
development-discarded = The draft has been deleted.
development-drafts = In progress
development-draft-updated = last saved { $date }
development-assessments = Self-assessments and reflections
development-exercises = Exercises
development-last-result = Latest result: { $date }
development-continue = Continue
development-take-again = Take again
development-start = Start
development-history = My history
development-history-empty = You have not submitted anything yet. Your results are collected here.
development-instrument = Tool
development-submitted = Submitted
development-sharing = Sharing
development-private = Private
development-shared = What I have shared
development-shared-empty = You have not shared anything. You share a result from its result page.
development-shared-with = Shared with { $name } on { $date }
development-back = Back to Development
instrument-kind-self-assessment = Self-assessment
instrument-kind-reflection = Reflection
instrument-kind-exercise = Exercise
instrument-kind-survey = Survey

## Answering

development-step-position = Step { $step } of { $count }
development-all-questions = All questions on one page
development-progress = { $answered } of { $items } answered
development-draft-saved = The draft is saved. You can carry on now or later.
development-error-summary = Some answers need correcting before you go on
development-max-length = Up to { $max } characters.
development-shares-hint = Share out 100 per cent. An empty field counts as 0.
development-entry = { $item } – { $number }
development-previous = Previous
development-next = Save and continue
development-submit = Submit
development-save-draft = Save draft
development-one-step = Show one step at a time
development-all-on-one-page = Show all questions on one page
development-discard = Delete the draft
development-discard-confirm = Delete the draft? Your answers will be gone.
development-error-required = Answer this question.
development-error-range = Choose a value from { $min } to { $max }.
development-error-choice = Choose one of the options.
development-error-too-long = The text is too long. It can have up to { $max } characters.
development-error-shares = The shares must add up to 100 per cent. They now add up to { $sum } per cent.
development-autosaved = Your answers are saved.
development-autosaved-partly = Your answers are saved, except those that need correcting.
development-submitted-already = This has already been submitted.
mark-strength = Strength
mark-demanding = Demanding
mark-neither = Neither

## Results and sharing

development-share-done = The result is shared with your leader.
development-unshare-done = The result is no longer shared.
development-unshare = Stop sharing
development-private-explained = Only you see this result. You can share it with your leader, for example before a conversation, and stop sharing whenever you like.
development-share-with = Share with { $name }
development-no-leader = You have no leader registered in samspill, so there is no one to share with.
result-submitted = Submitted on { $date }
result-answered = { $answered } of { $items }
result-scale = Scale from { $min } to { $max }.
result-not-answered = Not answered
result-quadrant = You are closest to: { $cell }
result-quadrant-note = This is a starting point for reflection, not a diagnosis.
result-scores = Result per area
result-chart-title = Average per area
result-previous-marker = The dark line shows last time ({ $date }).
result-dimension = Area
result-score = Average
result-answered-heading = Answered
result-previous = Previous ({ $date })
result-change = Change
result-answers = Your answers
result-history = History
result-this-one = this one
result-export = Download
result-export-csv = As a spreadsheet (CSV)
result-export-json = As data (JSON)
export-dimension = Area
export-item = Id
export-question = Question
export-answer = Answer
export-score = Score

## My team

team-title = My team
team-back = Back to the employee
team-shared-title = Shared with you
team-shared-intro = Here you see the results the employee has chosen to share with you. What is not shared, you do not see.
team-shared-empty = Nothing has been shared with you yet.
team-shared-on = Shared

## Instrument files

instrument-problem-syntax = The file cannot be read: { $detail }
instrument-problem-missing-translation = missing translation
instrument-problem-missing = missing
instrument-problem-bad-id = bad id: use lowercase letters and digits, words joined by single hyphens, at most 64 characters
instrument-problem-duplicate-id = the id "{ $id }" is used before
instrument-problem-bad-version = the version must be a whole number of at least 1
instrument-problem-bad-scale = bad scale: min and max must be whole numbers with 0 ≤ min < max ≤ 10
instrument-problem-missing-label = the scale's lowest and highest values need a label
instrument-problem-label-out-of-range = label for a value outside the scale
instrument-problem-unknown-scale = unknown scale "{ $scale }"
instrument-problem-no-dimensions = no dimensions
instrument-problem-empty-dimension = the dimension has no items
instrument-problem-too-few-choices = at least two, each with its own id
instrument-problem-bad-length = bad max_length: 1–1000 for short text, 1–20000 for long text
instrument-problem-bad-max-entries = bad max_entries: 1–20
instrument-problem-bad-field-type = a field of an entry cannot be of type "{ $type }"
instrument-problem-key-not-for-type = does not apply to an item of type "{ $type }"
instrument-problem-quadrant-axis = "{ $dimension }" is not a dimension with scale items
instrument-problem-quadrant-cells = a quadrant needs exactly four cells, one for each combination of high and low
nav-team = My team
team-back-overview = Back to My team
team-intro = Your contact overview: each employee with the last contact, conversations, open actions and whether you are on track. Log a contact in two clicks; nothing is recorded automatically.
team-filter-label = Show
team-filter-all = Everyone
team-filter-overdue = Overdue ({ $count })
team-filter-distant = Distant ({ $count })
team-filter-remote = Remote ({ $count })
team-none = No one to show here.
team-last-contact = Last contact
team-open-actions = Open actions
team-log-contact = Log contact
team-log = Log
team-distant = distant
team-contact-logged = The contact with { $name } is logged.
team-contact-kind = Kind of contact with { $name }
team-contact-channel = Channel of contact with { $name }
team-distant-explained = Distant: no contact for { $count } times the cadence, or not met in person for { $days } days.
touch-kind-follow-up = Follow-up
touch-kind-meeting = Team meeting
touch-kind-informal = Informal chat
touch-kind-social = Social
touch-kind-gathering = Gathering
team-conversations = Your conversations
team-conversations-none = You have no conversations in samspill yet.
