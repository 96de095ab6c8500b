## Conversations

nav-conversations = Conversations
conversations-title = Conversations
conversations-intro = Regular follow-up conversations between leader and employee. Many find one conversation a month works well: the leader agrees the cadence, the employee reports how things are going and what they need.
conversations-team = Your team
conversations-cadence = Cadence
conversations-last-held = Last held
conversations-next = Next conversation
conversations-due = Next due
conversations-actions = Actions
conversations-overdue = Overdue
conversations-plan = Plan a conversation
conversations-with-leader = Conversations with { $name }
conversations-employee-intro = You can propose a time; your leader confirms it.
conversations-none-planned = No conversation is planned.
conversations-propose = Propose a conversation
conversations-history = Earlier conversations
conversations-when = Time
conversations-status = Status
conversations-nobody = You have neither a leader nor employees in samspill yet, so there are no conversations to plan.
conversations-back = Back to Conversations
conversation-status-proposed = Proposed
conversation-status-planned = Planned
conversation-status-held = Held
conversation-status-cancelled = Cancelled
cadence-weeks = { $count ->
    [one] Every week
   *[other] Every { $count } weeks
  }
cadence-months = { $count ->
    [one] Every month
   *[other] Every { $count } months
  }
conversation-when = { $date } at { $time }
conversation-minutes = { $count } minutes
conversation-channel-video = Video
conversation-channel-phone = Phone
conversation-channel-in-person = In person
conversation-saved-planned = The conversation is planned.
conversation-saved-proposed = The proposal is sent. Your leader confirms the time.
conversation-saved-held = The conversation is recorded as held.
conversation-saved-cancelled = The conversation is cancelled.
conversation-stale = The other party changed the conversation meanwhile. Look it over and try again.
conversation-new-title = New conversation
conversation-new-with = New conversation with { $name }
conversation-with = Conversation with { $name }
conversation-new-leader-intro = Choose the kind of conversation and the time. It is planned at once; the cadence applies to the two of you.
conversation-new-employee-intro = Propose a time for a conversation with { $name }. Your leader confirms it or proposes another.
conversation-template = Kind of conversation
conversation-date = Date
conversation-date-hint = For example 2026-12-03.
conversation-time = Time
conversation-length = Length
conversation-length-minutes = Length in minutes
conversation-channel = Channel
conversation-place = Place or link
conversation-place-hint = A meeting room, an address or the link to the video meeting.
conversation-cadence-hint = How often the two of you hold a follow-up conversation. The next one is due counting from the last one held.
conversation-plan = Plan the conversation
conversation-propose = Send the proposal
conversation-proposed-by = { $name } proposed this time.
conversation-prompts-intro = Questions you can both prepare:
conversation-change-title = Change the conversation
conversation-confirm = Confirm the time
conversation-hold = Mark as held
conversation-cancel = Cancel
conversation-cancel-confirm = Cancel the conversation?
conversation-move-title = New time
conversation-move = Move the conversation
conversation-error-template = Choose a kind of conversation.
conversation-error-time-missing = Fill in the date and the time.
conversation-error-time-invalid = Write the date as 2026-12-03 and the time as 09:00.
conversation-error-time-past = That time has passed. Choose a time ahead.
conversation-error-minutes = Choose a length of 15, 30, 45, 60 or 90 minutes.
conversation-error-channel = Choose video, phone or in person.
conversation-error-cadence = Choose how often you will meet.
conversation-error-place = The text is too long. It can have up to { $max } characters.
