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

home-waiting-title = What waits for you
home-next-conversation = Your next conversation with your leader
home-no-conversation = No conversation is planned.
home-open-actions = { $count ->
    [0] You have no open actions.
    [one] You have one open action.
   *[other] You have { $count } open actions.
  }
home-overdue = { $count } overdue
home-distant = { $count } distant
