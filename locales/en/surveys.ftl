## Surveys

nav-surveys = Surveys
surveys-title = Surveys
surveys-intro = Short, anonymous surveys on how the team is doing and how it is led. Nobody can see what you answered – not your leader, not HR – and results show only for the whole team once enough have answered.
surveys-waiting = Waiting for you
surveys-none-waiting = No survey is waiting for you now.
surveys-answered-intro = You have answered these. Thank you!
surveys-team = Your team's surveys
surveys-team-intro = Ask your team with a team pulse, or for its view of you as a leader. Results come when the wave has closed.
surveys-back = Back to Surveys
survey-new-title = Start a survey
survey-new-intro = All your direct reports are asked. The wave opens today and stays open through the day you choose.
survey-small-team = Your team has { $count } people. Results show only when at least { $threshold } have answered, so with so few you will not see results.
survey-team-size = { $count } people are asked. Results show when at least { $threshold } have answered.
survey-instrument = Survey
survey-closes-on = Last day to answer
survey-closes-on-hint = For example 2026-12-10. At most 60 days ahead.
survey-open = Start the survey
survey-closes = open through { $date }
survey-results = Results
survey-close = Close now
survey-close-confirm = Close the wave now? Nobody can answer afterwards.
survey-state-upcoming = Not started
survey-state-open = Open
survey-state-closed = Closed
survey-rate = { $count } of { $invited } answered.
survey-answered = Thank you! Your answer is recorded. Nobody can see what you answered.
survey-already = You have answered this survey before. Your first answer stands.
survey-opened = The survey has started. Your team finds it under Surveys.
survey-closed-now = The wave is closed.
survey-error-instrument = Choose a survey.
survey-error-date = Write the date as 2026-12-10.
survey-error-past = The last day cannot be before today.
survey-error-too-long = A wave can last at most { $count } days.
survey-not-open = The survey has not opened yet.
survey-is-closed = The survey has closed and takes no more answers.
survey-anonymous = Your answer is stored without your name and without a time. You can answer once.
survey-send = Send your answer
survey-results-title = Results: { $title }
survey-results-after = Results show when the wave has closed, after { $date }.
survey-too-few = Too few answered for the results to show. They show only when at least { $count } have answered, so that nobody can be recognised.
survey-results-explained = Means from 1 to 5, and how many chose each answer.
survey-mean = mean { $mean }
survey-item = Statement
survey-mean-column = Mean
survey-comments = Comments
survey-no-comments = Nobody wrote a comment.
home-surveys-waiting = { $count ->
    [one] A survey waits for your answer
   *[other] { $count } surveys wait for your answer
  }
